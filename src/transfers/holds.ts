import { authorize, can, policyActorOf } from '../auth/policy.js';
import type { AppContext } from '../context.js';
import { DomainError, invalidInput, notFound } from '../core/errors.js';
import type { Tx } from '../db/database.js';
import type { Actor, NewEvent } from '../ledger/events.js';
import { type Decision, transact } from '../ledger/transact.js';
import { decideUpsert, type PersonRecord, recordOf } from '../people/model.js';
import { recordHashOf } from '../people/service.js';
import { findPerson, statesByRef } from '../people/store.js';
import { applyHold, courtSubject, type HoldAlert, type LegalHoldRef, liftHold } from './model.js';
import { HOLD_TYPES } from './reasons.js';
import { activeHoldsOf, holdIdOf } from './service.js';
import { openTransfersOf } from './store.js';

/** The events that store a changed record: the person's new version. */
async function reviseRecord(
  ctx: AppContext,
  tx: Parameters<Parameters<typeof transact>[2]>[0],
  agreementId: string,
  record: PersonRecord,
): Promise<NewEvent> {
  const state = (await statesByRef(tx, agreementId, [record.ref])).get(record.ref);
  const event = decideUpsert(agreementId, state, record, recordHashOf(record), ctx.newId);
  if (!event) throw new DomainError('internal', 'hold.record_not_revised', {});
  return event;
}

/**
 * Records a legal hold: a new version of the person's record, and every open pre-departure transfer of the
 * person moved to on_hold, in one transaction. A hold on someone already in transit or received cannot
 * stop the movement; it is returned as an alert for the dashboard.
 */
export async function recordHold(
  ctx: AppContext,
  actor: Actor,
  personId: string,
  hold: { type: string; court: string; case: string; issued: string },
): Promise<{ holdId: string; transfersHeld: string[]; alerts: HoldAlert[] }> {
  const { result } = await transact(ctx, actor, (tx, now) => holdInTx(ctx, tx, actor, personId, hold, now));
  return result;
}

/**
 * The decision of `recordHold` inside a transaction the caller holds (a hearing's outcome records a hold
 * with it, decision 0029): authorised, checked, and the events to record with their follow-up.
 */
export async function holdInTx(
  ctx: AppContext,
  tx: Tx,
  actor: Actor,
  personId: string,
  hold: { type: string; court: string; case: string; issued: string },
  now: Date,
): Promise<Decision<{ holdId: string; transfersHeld: string[]; alerts: HoldAlert[] }>> {
  // A court records a hold only for one of its courts; it named the court, so it is told why if not.
  authorize(actor, 'legal_hold:record', courtSubject(hold.court, hold.case));
  if (!(HOLD_TYPES as readonly string[]).includes(hold.type)) {
    throw invalidInput('hold.type_unknown', { type: hold.type, types: HOLD_TYPES });
  }
  const person = await findPerson(tx, personId);
  if (!person || person.withdrawnReason) throw notFound('person', personId);
  const holdId = holdIdOf(hold);
  if (person.holds.some((h) => holdIdOf(h) === holdId)) {
    throw new DomainError('conflict', 'hold.already_recorded', {
      court: hold.court,
      case: hold.case,
      issued: hold.issued,
    });
  }
  const record = recordOf(person);
  const revised = await reviseRecord(ctx, tx, person.agreementId, {
    ...record,
    holds: [
      ...record.holds,
      { ...hold, type: hold.type as PersonRecord['holds'][number]['type'], lifted: null },
    ],
  });
  const ref: LegalHoldRef = {
    holdId,
    type: hold.type as LegalHoldRef['type'],
    court: hold.court,
    case: hold.case,
    issued: hold.issued,
  };
  const { events, alerts } = applyHold(await openTransfersOf(tx, personId), ref, {
    now,
    actor: policyActorOf(actor),
  });
  return {
    events: [
      revised,
      ...events.map((e) => ({ type: e.type, streamId: `transfer:${e.transferId}`, payload: e })),
    ],
    result: { holdId, transfersHeld: events.map((e) => e.transferId), alerts },
    followUp: (t) => ctx.reactions.peopleRevised(ctx, t, [personId], 'hold_recorded', now),
  };
}

/** Lifts a hold: the record's hold gets its lifted date, and transfers it held return to `screened`. */
export async function liftLegalHold(
  ctx: AppContext,
  actor: Actor,
  personId: string,
  lift: { holdId: string; lifted: string },
): Promise<{ transfersReleased: string[] }> {
  // The court of the hold being lifted is judged once the hold is found; a court lifts only its own.
  if (!can(actor.role, 'legal_hold:lift')) authorize(actor, 'legal_hold:lift');
  const { result } = await transact(ctx, actor, async (tx, now) => {
    const person = await findPerson(tx, personId);
    if (!person) throw notFound('person', personId);
    const record = recordOf(person);
    const hold = record.holds.find((h) => holdIdOf(h) === lift.holdId);
    if (!hold) throw notFound('legal_hold', lift.holdId);
    authorize(actor, 'legal_hold:lift', courtSubject(hold.court, hold.case));
    if (hold.lifted !== null)
      throw new DomainError('conflict', 'hold.already_lifted', { lifted: hold.lifted });
    if (lift.lifted < hold.issued) throw invalidInput('hold.lifted_before_issued', {});
    const revised = await reviseRecord(ctx, tx, person.agreementId, {
      ...record,
      holds: record.holds.map((h) => (holdIdOf(h) === lift.holdId ? { ...h, lifted: lift.lifted } : h)),
    });
    const events = liftHold(
      await openTransfersOf(tx, personId),
      { ...lift, court: hold.court },
      { now, actor: policyActorOf(actor) },
    );
    return {
      events: [
        revised,
        ...events.map((e) => ({ type: e.type, streamId: `transfer:${e.transferId}`, payload: e })),
      ],
      result: { transfersReleased: events.map((e) => e.transferId) },
      followUp: (t) => ctx.reactions.peopleRevised(ctx, t, [personId], 'hold_lifted', now),
    };
  });
  return result;
}

/** The person's holds in force on a date, as transfers see them. */
export async function activeHolds(ctx: AppContext, personId: string, asOf: string): Promise<LegalHoldRef[]> {
  const person = await findPerson(ctx.handle.db, personId);
  if (!person) throw notFound('person', personId);
  return activeHoldsOf(person, asOf);
}
