import { listAgreements } from '../agreements/store.js';
import type { AppContext } from '../context.js';
import { listFacilities } from '../facilities/store.js';
import { toHex } from '../ledger/encoding.js';
import { verifierKeyOf } from '../ledger/key.js';
import { latestCheckpoint, ledgerSize } from '../ledger/store.js';

/** The dashboard: agreements, each facility's three capacity figures against occupancy, and the ledger. */
export async function dashboard(ctx: AppContext) {
  const db = ctx.handle.db;
  const [agreements, facilities, size, checkpoint] = await Promise.all([
    listAgreements(db, { limit: 50 }),
    listFacilities(db, { limit: 50 }),
    ledgerSize(db),
    latestCheckpoint(db),
  ]);
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
      // Transferees are counted once custody intervals exist (housing feature); local occupants now.
      occupancy: { transferees: 0, local: f.capacity.localOccupants, total: f.capacity.localOccupants },
    })),
    ledger: {
      size,
      origin: ctx.signer.name,
      verifierKey: verifierKeyOf(ctx.signer),
      checkpoint: checkpoint
        ? {
            size: checkpoint.size,
            rootHex: toHex(checkpoint.root),
            signedAt: checkpoint.signed_at.toISOString(),
            note: checkpoint.note,
          }
        : null,
    },
  };
}
