import { sql } from 'kysely';
import type { Db, Tx } from '../db/database.js';
import type { EventEnvelope, Projector } from '../ledger/events.js';
import { evolve, TRANSFER_EVENTS, type TransferEvent, type TransferState } from './model.js';

type Q = Db | Tx;

async function projectTransfer(tx: Tx, e: EventEnvelope): Promise<void> {
  const event = e.payload as TransferEvent;
  const current = await loadTransfer(tx, event.transferId);
  const next = evolve(current ?? null, event);
  const at = new Date(e.recordedAt);
  if (current) {
    await tx
      .updateTable('transfers')
      .set({ status: next.status, state: JSON.stringify(next), version: next.version, updated_at: at })
      .where('id', '=', next.transferId)
      .execute();
  } else {
    await tx
      .insertInto('transfers')
      .values({
        id: next.transferId,
        person_id: next.personId,
        agreement_id: next.agreementId,
        status: next.status,
        state: JSON.stringify(next),
        version: next.version,
        created_at: at,
        updated_at: at,
      })
      .execute();
  }
  const {
    type: _type,
    transferId: _id,
    from,
    to,
    action,
    actorId,
    role,
    reasonCode,
    at: _at,
    ...details
  } = event;
  await tx
    .insertInto('transfer_history')
    .values({
      transfer_id: event.transferId,
      version: next.version,
      action,
      from_status: from,
      to_status: to,
      actor: actorId,
      role,
      reason_code: reasonCode ?? null,
      at,
      details: JSON.stringify(details),
    })
    .execute();
  if (event.reservation) {
    // The trigger on agreement_places refuses a reservation beyond the bed allotment.
    await sql`insert into agreement_places (agreement_id, reserved) values (${event.agreementId}, ${Math.max(event.reservation, 0)})
      on conflict (agreement_id) do update set reserved = agreement_places.reserved + ${event.reservation}`.execute(
      tx,
    );
  }
}

/** Projections for transfers: every transfer event goes through the pure `evolve`. */
export const transferProjectors: Record<string, Projector> = Object.fromEntries(
  Object.values(TRANSFER_EVENTS).map((type) => [type, projectTransfer]),
);

/** One transfer's state. */
export async function loadTransfer(q: Q, transferId: string): Promise<TransferState | undefined> {
  const row = await q.selectFrom('transfers').select('state').where('id', '=', transferId).executeTakeFirst();
  return row ? (row.state as TransferState) : undefined;
}

/** A person's transfers that are not finished. */
export async function openTransfersOf(q: Q, personId: string): Promise<TransferState[]> {
  const rows = await q
    .selectFrom('transfers')
    .select('state')
    .where('person_id', '=', personId)
    .where('status', 'not in', ['received', 'cancelled', 'rejected', 'returned'])
    .execute();
  return rows.map((r) => r.state as TransferState);
}

/** Places reserved under an agreement's bed allotment. */
export async function reservedPlaces(q: Q, agreementId: string): Promise<number> {
  const row = await q
    .selectFrom('agreement_places')
    .select('reserved')
    .where('agreement_id', '=', agreementId)
    .executeTakeFirst();
  return row?.reserved ?? 0;
}

/** A transfer's timeline, oldest first. */
export async function transferHistory(q: Q, transferId: string) {
  return q
    .selectFrom('transfer_history')
    .selectAll()
    .where('transfer_id', '=', transferId)
    .orderBy('version')
    .execute();
}
