import { listAgreements } from '../agreements/store.js';
import { type PolicyActor, visibility } from '../auth/policy.js';
import type { AppContext } from '../context.js';
import type { Db } from '../db/database.js';
import { listFacilities } from '../facilities/store.js';
import { toHex } from '../ledger/encoding.js';
import { verifierKeyOf } from '../ledger/key.js';
import { latestCheckpoint, ledgerSize } from '../ledger/store.js';
import { witnessingSummary } from '../ledger/witness-store.js';
import { cosignedCheckpointNote } from '../ledger/witnessing.js';
import { scopeDay } from '../parties/scope.js';
import { personVisible } from '../parties/visibility.js';
import { overdueReleases } from '../releases/service.js';
import { manifestAlarms } from '../transfers/manifest-store.js';
import { transferCounts } from '../transfers/store.js';

/** The figures every reader's dashboard shares, read together. */
async function readShared(ctx: AppContext, db: Db) {
  const [agreements, facilities, checkpoint, transfers, inCustody, overdue] = await Promise.all([
    listAgreements(db, { limit: 50 }),
    listFacilities(db, { limit: 50 }),
    latestCheckpoint(db),
    transferCounts(db),
    // Maintained by the custody projectors (migration 0030): no scan of the intervals.
    db.selectFrom('facility_occupancy').select(['facility_id', 'transferees as n']).execute(),
    overdueReleases(ctx, db),
  ]);
  return { agreements, facilities, checkpoint, transfers, inCustody, overdue };
}

type SharedFigures = Awaited<ReturnType<typeof readShared>>;
const shared = new WeakMap<Db, { key: string; figures: Promise<SharedFigures> }>();

/**
 * The shared figures, kept per database while the ledger does not grow and the minute does not change.
 * Every change to them is a ledger event, so an unchanged ledger size means unchanged figures, on either
 * engine and whichever process wrote; the minute bounds how late the overdue-release alarm can be when a
 * release date passes with no write (it turns on each facility's local midnight). Concurrent requests share
 * one read. This makes the dashboard independent of the roster's size and of the number of readers.
 */
function sharedFigures(ctx: AppContext, db: Db, size: number): Promise<SharedFigures> {
  const key = `${size}|${Math.floor(ctx.clock.now().getTime() / 60_000)}`;
  const kept = shared.get(db);
  if (kept?.key === key) return kept.figures;
  const figures = readShared(ctx, db);
  shared.set(db, { key, figures });
  // A failed read is not kept: the next request reads again.
  figures.catch(() => {
    if (shared.get(db)?.figures === figures) shared.delete(db);
  });
  return figures;
}

/**
 * The dashboard: agreements, each facility's capacity figures against occupancy, transfers by state, the
 * alarms (manifests arrived but not reconciled; people held after their release date with no court order
 * explaining it), naming only the people `reader` may read, and the ledger. Read from the read replica
 * when there is one.
 */
export async function dashboard(ctx: AppContext, reader?: PolicyActor) {
  // Figures that may lag the primary a moment: from the read replica when there is one (docs/scaling.md).
  const db = ctx.reads.db;
  // The alarms name only the people the reader may read (none for a role that reads no one's record).
  const named = reader
    ? personVisible(visibility(reader, 'people:read'), 'people.id', scopeDay(ctx))
    : undefined;
  const size = await ledgerSize(db);
  const [{ agreements, facilities, checkpoint, transfers, inCustody, overdue }, alarms] = await Promise.all([
    sharedFigures(ctx, db, size),
    manifestAlarms(db, ctx.clock.now(), named),
  ]);
  const quorum = ctx.config.witnessQuorum ?? 1;
  const [{ witnesses, witnessedSize }, note] = await Promise.all([
    witnessingSummary(db, quorum),
    checkpoint ? cosignedCheckpointNote(db, checkpoint) : null,
  ]);
  // The overdue-release alarm, like the manifests', names only people the reader may read.
  const shown =
    named && overdue.length > 0
      ? new Set(
          (
            await db
              .selectFrom('people')
              .select('people.id')
              .where(
                'people.id',
                'in',
                overdue.map((r) => r.personId),
              )
              .where(named)
              .execute()
          ).map((r) => r.id),
        )
      : undefined;
  const overdueShown = shown ? overdue.filter((r) => shown.has(r.personId)) : overdue;
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
    alarms: { manifests: alarms, overdueReleases: overdueShown },
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
      witnessing: { witnesses, quorum, witnessedSize },
    },
  };
}
