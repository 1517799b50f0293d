import { policyActorOf } from '../auth/policy.js';
import type { AppContext } from '../context.js';
import { localDate } from '../core/dates.js';
import { notFound } from '../core/errors.js';
import { openInterval } from '../custody/store.js';
import type { Tx } from '../db/database.js';
import type { Actor } from '../ledger/events.js';
import { transact } from '../ledger/transact.js';
import { fullName } from '../people/model.js';
import { findPerson } from '../people/store.js';
import { refusal } from './decision-support.js';
import { readBack, transferEntry } from './entry.js';
import {
  type CourtOrderRef,
  decideOrderReturn,
  decideRepatriation,
  holdsParams,
  type TransferState,
} from './model.js';
import { activeHoldsOf } from './service.js';
import * as store from './store.js';

/**
 * Returns and repatriation (docs/domain.md, Release dates, returns and repatriation; decision 0023): the
 * use cases that start a transfer out of the receiving facility. The movement itself happens on a return
 * or repatriation manifest (manifest-service.ts), where departure closes the custody interval.
 */

/**
 * Refuses a return or repatriation of someone who is not in custody, or who already has one under way:
 * a person leaves the facility once, on one movement.
 */
async function requireLeavable(tx: Tx, transfer: TransferState): Promise<void> {
  const person = await findPerson(tx, transfer.personId);
  if (!person) throw notFound('person', transfer.personId);
  const name = `${person.ref} (${fullName(person.names)})`;
  const under = await store.openLeavingOf(tx, transfer.personId);
  if (under) {
    throw refusal(
      'transfer.leaving_already_ordered',
      { person: name, transferId: under.transferId },
      { rule: 'one-movement', transferId: under.transferId },
    );
  }
  if (!(await openInterval(tx, transfer.personId))) {
    throw refusal(
      'transfer.leaving_not_in_custody',
      { person: name },
      { rule: 'leaving-from-custody', personId: transfer.personId },
    );
  }
}

/**
 * A court-ordered return: the received transfer ends `returned`, and the return transfer it starts
 * (receiving state → sending state) is `ordered`, waiting for a return manifest. Returns the original.
 */
export async function orderReturn(
  ctx: AppContext,
  actor: Actor,
  transferId: string,
  courtOrder: CourtOrderRef,
): Promise<TransferState> {
  await transact(ctx, actor, async (tx, now) => ({
    events: await orderReturnInTx(ctx, tx, actor, transferId, courtOrder, now),
    result: null,
  }));
  return readBack(ctx, transferId);
}

/**
 * The events of `orderReturn` inside a transaction the caller holds (a hearing's outcome orders a return
 * with it, decision 0029).
 */
export async function orderReturnInTx(
  ctx: AppContext,
  tx: Tx,
  actor: Actor,
  transferId: string,
  courtOrder: CourtOrderRef,
  now: Date,
) {
  const original = (await store.loadTransfer(tx, transferId)) ?? null;
  const events = decideOrderReturn(
    original,
    { transferId, courtOrder },
    {
      now,
      actor: policyActorOf(actor),
      newId: ctx.newId,
    },
  );
  if (original) await requireLeavable(tx, original);
  return events.map(transferEntry);
}

/**
 * A repatriation at the end of a sentence: a new transfer of the person the received transfer brought,
 * `ordered`, to `country` (one of their nationalities), waiting for a repatriation manifest.
 */
export async function startRepatriation(
  ctx: AppContext,
  actor: Actor,
  transferId: string,
  country: string,
): Promise<TransferState> {
  const { result } = await transact(ctx, actor, async (tx, now) => {
    const original = (await store.loadTransfer(tx, transferId)) ?? null;
    const person = original ? await findPerson(tx, original.personId) : undefined;
    // A hold forbids removal, and a repatriation removes the person abroad: refused while one is in force.
    const holds = person && original ? activeHoldsOf(person, localDate(now, 'UTC')) : [];
    if (original && holds.length > 0) {
      throw refusal(
        'transfer.repatriation_held',
        { transferId: original.transferId, ...holdsParams(holds) },
        { rule: 'no-active-hold', holds: holds.map((h) => h.holdId) },
      );
    }
    const event = decideRepatriation(
      original,
      { country, nationalities: person?.nationalities ?? [] },
      { now, actor: policyActorOf(actor), newId: ctx.newId },
    );
    if (original) await requireLeavable(tx, original);
    return { events: [transferEntry(event)], result: event.transferId };
  });
  return readBack(ctx, result);
}
