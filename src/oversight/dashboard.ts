import { listAgreements } from '../agreements/store.js';
import type { AppContext } from '../context.js';
import { listFacilities } from '../facilities/store.js';
import { toHex } from '../ledger/encoding.js';
import { verifierKeyOf } from '../ledger/key.js';
import { latestCheckpoint, ledgerSize } from '../ledger/store.js';
import { listWitnesses, newestWitnessedSize } from '../ledger/witness-store.js';
import { cosignedCheckpointNote } from '../ledger/witnessing.js';
import { overdueReleases } from '../releases/service.js';
import { manifestAlarms } from '../transfers/manifest-store.js';
import { transferCounts } from '../transfers/store.js';

/**
 * The dashboard: agreements, each facility's capacity figures against occupancy, transfers by state, the
 * alarms (manifests arrived but not reconciled; people held after their release date with no court order
 * explaining it), and the ledger.
 */
export async function dashboard(ctx: AppContext) {
  const db = ctx.handle.db;
  const [agreements, facilities, size, checkpoint, alarms, transfers, inCustody, overdue] = await Promise.all(
    [
      listAgreements(db, { limit: 50 }),
      listFacilities(db, { limit: 50 }),
      ledgerSize(db),
      latestCheckpoint(db),
      manifestAlarms(db, ctx.clock.now()),
      transferCounts(db),
      db
        .selectFrom('custody_intervals')
        .select(['facility_id', (eb) => eb.fn.countAll<string>().as('n')])
        .where('ended_at', 'is', null)
        .groupBy('facility_id')
        .execute(),
      overdueReleases(ctx),
    ],
  );
  const quorum = ctx.config.witnessQuorum ?? 1;
  const [witnesses, witnessedSize, note] = await Promise.all([
    listWitnesses(db),
    newestWitnessedSize(db, quorum),
    checkpoint ? cosignedCheckpointNote(db, checkpoint) : null,
  ]);
  const transferees = new Map(inCustody.map((r) => [r.facility_id, Number(r.n)]));
  return {
    agreements: agreements.map((a) => ({
      id: a.id,
      code: a.code,
      title: a.title,
      status: a.status,
      bedAllotment: a.bedAllotment,
      people: a.people,
      effectiveFrom: a.effectiveFrom,
      sendingJurisdiction: a.sendingJurisdiction,
      receivingJurisdiction: a.receivingJurisdiction,
    })),
    facilities: facilities.map((f) => ({
      id: f.id,
      code: f.code,
      name: f.name,
      timeZone: f.timeZone,
      capacity: f.capacity,
      // Transferees: open custody intervals at the facility; local occupants as recorded.
      occupancy: {
        transferees: transferees.get(f.id) ?? 0,
        local: f.capacity.localOccupants,
        total: (transferees.get(f.id) ?? 0) + f.capacity.localOccupants,
      },
    })),
    transfers,
    alarms: { manifests: alarms, overdueReleases: overdue },
    ledger: {
      size,
      origin: ctx.signer.name,
      verifierKey: verifierKeyOf(ctx.signer),
      checkpoint: checkpoint
        ? {
            size: checkpoint.size,
            rootHex: toHex(checkpoint.root),
            signedAt: checkpoint.signed_at.toISOString(),
            note: note ?? checkpoint.note,
          }
        : null,
      witnessing: { witnesses: witnesses.length, quorum, witnessedSize },
    },
  };
}
