import { findAgreement } from '../agreements/store.js';
import type { AppContext } from '../context.js';
import { isIsoDate } from '../core/dates.js';
import { DomainError, invalidInput, notFound } from '../core/errors.js';
import type { Tx } from '../db/database.js';
import { screen } from '../eligibility/engine.js';
import { isHoldInForce } from '../eligibility/rules.js';
import { policyAt } from '../eligibility/service.js';
import type { Actor } from '../ledger/events.js';
import { transact } from '../ledger/transact.js';
import { type Person, type PersonRecord, recordOf } from '../people/model.js';
import { findPerson } from '../people/store.js';
import {
  decideTransition,
  type LegalHoldRef,
  TRANSITIONS,
  type TransferCommand,
  type TransferScreening,
  type TransferState,
} from './model.js';
import * as store from './store.js';

/** The id a legal hold is known by: its court, case and issue date. */
export function holdIdOf(hold: { court: string; case: string; issued: string }): string {
  return `${hold.court}|${hold.case}|${hold.issued}`;
}

/** The legal holds of a record still in force on `asOf` (a hold lifted later was in force then). */
export function activeHoldsOf(record: PersonRecord, asOf: string): LegalHoldRef[] {
  return record.holds
    .filter((h) => isHoldInForce(h, asOf))
    .map((h) => ({
      holdId: holdIdOf(h),
      type: h.type,
      court: h.court,
      case: h.case,
      issued: h.issued,
    }));
}

/** Screens the person inside the transaction, at this moment, under the policy in force on `asOf`. */
async function screenNow(tx: Tx, person: Person, asOf: string, now: Date): Promise<TransferScreening> {
  const { policy, version } = await policyAt(tx, person.agreementId, asOf);
  const s = screen(recordOf(person), policy, asOf);
  return {
    outcome: s.outcome,
    rules: s.rules.map((r) => ({ id: r.id, result: r.result, reason: r.reason })),
    screenedAt: now.toISOString(),
    inputsHash: s.inputsHash,
    policyVersion: version,
  };
}

/** Options of one transfer action. */
export type ActionInput = TransferCommand & {
  /** The planned transfer date the fresh screening is made as of; default today (UTC). */
  asOf?: string;
};

/**
 * Runs one transfer action: in one transaction it loads the transfer and the person, makes the fresh
 * screening, the capacity check and the hold check the rules require, decides, and records the event.
 */
export async function act(ctx: AppContext, actor: Actor, input: ActionInput): Promise<TransferState> {
  const { result } = await transact(ctx, actor, async (tx, now) => {
    const asOf = input.asOf ?? now.toISOString().slice(0, 10);
    if (!isIsoDate(asOf)) throw invalidInput(`asOf ${asOf} is not a date; write it as YYYY-MM-DD.`);
    const state =
      input.action === 'nominate' ? null : ((await store.loadTransfer(tx, input.transferId)) ?? null);
    if (input.action !== 'nominate' && !state) throw notFound('Transfer', input.transferId);
    const personId = input.action === 'nominate' ? input.personId : state!.personId;
    const person = await findPerson(tx, personId);
    if (!person || person.withdrawnReason) throw notFound('Person', personId);
    if (input.action === 'nominate' && person.agreementId !== input.agreementId) {
      throw invalidInput(`Person ${personId} is on the roster of another agreement.`);
    }
    const rule = TRANSITIONS[input.action];
    const agreement = await findAgreement(tx, person.agreementId);
    // Screen and count places only for a step this role may take from this state: otherwise the decision
    // refuses on the role or the state, which is the answer the caller needs.
    const applicable =
      (rule.roles as readonly string[]).includes(actor.role) &&
      (state === null || rule.from.includes(state.status));
    const event = decideTransition(state, input, {
      now,
      actor: { id: actor.id, role: actor.role },
      ...(applicable && rule.screening !== 'none'
        ? { screening: await screenNow(tx, person, asOf, now) }
        : {}),
      ...(applicable && rule.place === 'reserve'
        ? {
            capacity: {
              bedAllotment: agreement?.bedAllotment ?? 0,
              reserved: await store.reservedPlaces(tx, person.agreementId),
            },
          }
        : {}),
      activeHolds: activeHoldsOf(person, asOf),
      newId: ctx.newId,
    });
    return {
      events: [
        {
          type: event.type,
          streamId: `transfer:${event.transferId}`,
          payload: event,
          ...(input.action === 'nominate' ? { newStream: true } : {}),
        },
      ],
      result: event.transferId,
    };
  });
  const state = await store.loadTransfer(ctx.handle.db, result);
  if (!state) throw new DomainError('internal', `transfer ${result} was recorded but cannot be read back`);
  return state;
}

/** One transfer with its timeline. */
export async function getTransfer(ctx: AppContext, transferId: string) {
  const state = await store.loadTransfer(ctx.handle.db, transferId);
  if (!state) throw notFound('Transfer', transferId);
  return { ...state, history: await store.transferHistory(ctx.handle.db, transferId) };
}
