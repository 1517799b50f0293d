import { findAgreement } from '../agreements/store.js';
import { can, policyActorOf } from '../auth/policy.js';
import type { AppContext } from '../context.js';
import { isIsoDate } from '../core/dates.js';
import { DomainError, invalidInput, notFound } from '../core/errors.js';
import { event as ledgerEvent } from '../core/events.js';
import { custodyOf } from '../custody/store.js';
import type { Tx } from '../db/database.js';
import type { TransferStepDetails } from '../db/schema.js';
import { screen } from '../eligibility/engine.js';
import { type ScreeningRecorded, screeningEvent, screeningRecordedOf } from '../eligibility/events.js';
import { isHoldInForce } from '../eligibility/rules.js';
import { policyAt } from '../eligibility/service.js';
import { type RecordedScreening, screeningsById, screeningsOfTransfer } from '../eligibility/store.js';
import type { Actor, NewEvent } from '../ledger/events.js';
import { transact } from '../ledger/transact.js';
import { authorizePerson } from '../parties/scope.js';
import { fullName, type Person, type PersonRecord, recordOf } from '../people/model.js';
import { findPerson } from '../people/store.js';
import { readBack, transferEntry } from './entry.js';
import { manifestOfTransfer } from './manifest-store.js';
import {
  actionsFrom,
  decideTransition,
  type LegalHoldRef,
  policyActionOf,
  ruleOf,
  TRANSITIONS,
  type TransferAction,
  type TransferCommand,
  type TransferEvent,
  type TransferScreening,
  type TransferState,
  type TransferStatus,
} from './model.js';
import { REASON_LABELS, REASON_LISTS, type ReasonList } from './reasons.js';
import { orderReturn } from './return-service.js';
import type { Direction } from './states.js';
import * as store from './store.js';

export { readBack, transferEntry };

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

/** Why a screening made for a transfer's step was made: the step, e.g. `step_approve`. */
export type StepScreeningReason = `step_${TransferAction}`;

/** A screening made for one step: what the decision checks, and the full record the ledger keeps. */
export interface StepScreening {
  screening: TransferScreening;
  recorded: ScreeningRecorded;
}

/**
 * Screens the person inside the transaction, at this moment, under the policy in force on `asOf`, for
 * one step of a transfer. The decision gets the outcome and the rules; the ledger gets the whole
 * screening (every rule with its reason, source and facts), linked to the transfer, so the transfer page
 * and the person's page show it as it was decided rather than recomputed.
 */
export async function screenNow(
  ctx: Pick<AppContext, 'newId'>,
  tx: Tx,
  person: Person,
  step: { transferId: string; action: TransferAction },
  asOf: string,
  now: Date,
): Promise<StepScreening> {
  const { policy, version } = await policyAt(tx, person.agreementId, asOf);
  const s = screen(recordOf(person), policy, asOf);
  const screeningId = ctx.newId();
  const reason: StepScreeningReason = `step_${step.action}`;
  return {
    screening: {
      outcome: s.outcome,
      rules: s.rules.map((r) => ({ id: r.id, result: r.result, reason: r.reason })),
      screenedAt: now.toISOString(),
      inputsHash: s.inputsHash,
      policyVersion: version,
      screeningId,
    },
    recorded: screeningRecordedOf(screeningId, person, s, version, { transferId: step.transferId, reason }),
  };
}

/** Options of one transfer action. */
export type ActionInput = TransferCommand & {
  /** The planned transfer date the fresh screening is made as of; default today (UTC). */
  asOf?: string;
};

/** The actions a transport manifest makes: scheduling onto it, boarding at departure, intake on arrival. */
const MANIFEST_ACTIONS: readonly string[] = ['schedule', 'depart', 'receive'];

/** The person a transfer (or a nomination) concerns, refused when unknown or withdrawn. */
async function personOf(tx: Tx, personId: string): Promise<Person> {
  const person = await findPerson(tx, personId);
  if (!person || person.withdrawnReason) throw notFound('person', personId);
  return person;
}

/** A decided transfer command: its event, and the ledger entries that record it and its screening. */
export interface TransferDecision {
  event: TransferEvent;
  /** The screening the step relied on (when it made one), then the transfer event. */
  entries: NewEvent[];
}

/**
 * Decides one transfer command inside a transaction: it loads the person, makes the fresh screening, the
 * capacity check and the hold check the rules require, and returns the event and the ledger entries
 * (not yet recorded): a step that screens records its screening in full next to the transfer event.
 */
export async function decideInTx(
  ctx: AppContext,
  tx: Tx,
  actor: Actor,
  state: TransferState | null,
  input: TransferCommand,
  now: Date,
  asOf: string,
): Promise<TransferDecision> {
  if (!isIsoDate(asOf)) throw invalidInput('transfer.as_of_not_date', { asOf });
  const person = await personOf(tx, input.action === 'nominate' ? input.personId : state!.personId);
  if (input.action === 'nominate' && person.agreementId !== input.agreementId) {
    throw invalidInput('transfer.person_other_agreement', { personId: person.id });
  }
  const direction = state?.direction ?? 'outbound';
  const rule = ruleOf(input.action, direction) ?? { ...TRANSITIONS[input.action], from: [] };
  const agreement = await findAgreement(tx, person.agreementId);
  // Screen and count places only for a step this role may take from this state: otherwise the decision
  // refuses on the role or the state, which is the answer the caller needs.
  const applicable =
    can(actor.role, policyActionOf(input.action, direction)) &&
    (state === null || rule.from.includes(state.status));
  // Only a step on an existing transfer screens: nomination needs none (TRANSITIONS.nominate).
  const step =
    applicable && rule.screening !== 'none' && input.action !== 'nominate'
      ? await screenNow(ctx, tx, person, { transferId: input.transferId, action: input.action }, asOf, now)
      : undefined;
  const event = decideTransition(state, input, {
    now,
    actor: policyActorOf(actor),
    ...(step ? { screening: step.screening } : {}),
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
  // The screening is recorded only when the event relied on it, which it does whenever the step passed.
  const relied = step && event.screening?.screeningId === step.recorded.screeningId;
  return {
    event,
    entries: [...(relied ? [screeningEntry(step.recorded)] : []), transferEntry(event)],
  };
}

/** The ledger event recording a step's screening in full, on the person's stream as every screening. */
function screeningEntry(recorded: ScreeningRecorded): NewEvent {
  return ledgerEvent(screeningEvent.recorded, `person:${recorded.personId}`, recorded);
}

/**
 * Runs one transfer action: in one transaction it loads the transfer and the person, makes the fresh
 * screening, the capacity check and the hold check the rules require, decides, and records the event.
 * Scheduling, boarding and intake happen on a transport manifest (`manifest-service.ts`), never here.
 */
export async function act(ctx: AppContext, actor: Actor, input: ActionInput): Promise<TransferState> {
  if (MANIFEST_ACTIONS.includes(input.action)) {
    throw new DomainError(
      'rule_refusal',
      'transfer.manifest_only',
      { action: input.action },
      { details: { rule: 'manifest-only', action: input.action } },
    );
  }
  // A court-ordered return also starts the return transfer (return-service.ts).
  if (input.action === 'order_return') return orderReturn(ctx, actor, input.transferId, input.courtOrder);
  const { result } = await transact(ctx, actor, async (tx, now) => {
    const state =
      input.action === 'nominate' ? null : ((await store.loadTransfer(tx, input.transferId)) ?? null);
    if (input.action !== 'nominate' && !state) throw notFound('transfer', input.transferId);
    const { event, entries } = await decideInTx(
      ctx,
      tx,
      actor,
      state,
      input,
      now,
      input.asOf ?? now.toISOString().slice(0, 10),
    );
    return { events: entries, result: event.transferId };
  });
  return readBack(ctx, result);
}

function reasonCodesOf(list: ReasonList | null) {
  return list ? REASON_LISTS[list].map((code) => ({ code, label: REASON_LABELS[code] })) : [];
}

/**
 * The actions `role` may take on a transfer in `status` from the transfer page. Scheduling, boarding and
 * intake are listed as `manifest` steps: they happen on the transport manifest.
 */
export function allowedActions(status: TransferStatus, role: string, direction: Direction = 'outbound') {
  return actionsFrom(status, direction)
    .filter((a) => can(role, policyActionOf(a, direction)))
    .map((a) => ({
      action: a,
      via: MANIFEST_ACTIONS.includes(a)
        ? ('manifest' as const)
        : a === 'hold' || a === 'lift_hold'
          ? ('holds' as const)
          : ('transfer' as const),
      reason: ruleOf(a, direction)?.reason ?? null,
      reasonCodes: reasonCodesOf(ruleOf(a, direction)?.reason ?? null),
      screening: ruleOf(a, direction)?.screening ?? 'none',
    }));
}

/**
 * A step's details with the screening it relied on as recorded: its date and every rule. A step
 * recorded before steps recorded their screenings in full keeps its summary alone.
 */
function withRecordedScreening(details: TransferStepDetails, recorded: Map<string, RecordedScreening>) {
  const id = details.screening?.screeningId;
  const full = id ? recorded.get(id) : undefined;
  if (!details.screening || !full) return details;
  return {
    ...details,
    screening: { ...details.screening, asOf: full.asOf, policyId: full.policyId, rules: full.rules },
  };
}

/** The transfer a return or repatriation undoes, and the returns and repatriations of this one. */
async function linkedTransfers(db: AppContext['handle']['db'], state: TransferState) {
  const original = state.returnOf ? await store.loadTransfer(db, state.returnOf) : undefined;
  const link = (t: TransferState, relation: 'original' | 'return') => ({
    transferId: t.transferId,
    direction: t.direction,
    status: t.status,
    relation,
  });
  return [
    ...(original ? [link(original, 'original')] : []),
    ...(await store.leavingOf(db, state.transferId)).map((t) => link(t, 'return')),
  ];
}

/** One transfer for its page: state, timeline, the person and their holds, screenings, manifest, custody. */
export async function getTransfer(ctx: AppContext, transferId: string, actor?: Actor) {
  const db = ctx.handle.db;
  const state = await store.loadTransfer(db, transferId);
  if (!state) throw notFound('transfer', transferId);
  // A transfer of a person out of the reader's scope reads as a transfer that does not exist.
  if (actor)
    await authorizePerson(ctx, actor, 'transfers:read', state.personId, { kind: 'transfer', id: transferId });
  const role = actor?.role;
  const person = await findPerson(db, state.personId);
  const screenings = await screeningsOfTransfer(db, transferId, 20);
  const steps = await store.transferHistory(db, transferId);
  // Each step that relied on a screening names it; show it as recorded, every rule with its source.
  const stepScreenings = await screeningsById(
    db,
    steps.flatMap((h) => (h.details.screening?.screeningId ? [h.details.screening.screeningId] : [])),
  );
  const today = ctx.clock.now().toISOString().slice(0, 10);
  return {
    ...state,
    person: person
      ? {
          id: person.id,
          ref: person.ref,
          name: fullName(person.names),
          nationalities: person.nationalities,
          legalStatus: person.legalStatus,
          holds: person.holds.map((h) => ({ ...h, holdId: holdIdOf(h), inForce: isHoldInForce(h, today) })),
          notice: person.notice,
          consent: person.consent,
          identityVerification: person.identityVerification,
        }
      : null,
    history: steps.map((h) => ({
      version: h.version,
      action: h.action,
      fromStatus: h.from_status,
      toStatus: h.to_status,
      actor: h.actor,
      role: h.role,
      reasonCode: h.reason_code,
      at: h.at.toISOString(),
      details: withRecordedScreening(h.details, stepScreenings),
    })),
    screenings,
    manifestId: (await manifestOfTransfer(db, transferId)) ?? null,
    linked: await linkedTransfers(db, state),
    custody: (await custodyOf(db, state.personId)).filter((c) => c.transferId === transferId),
    allowedActions: role ? allowedActions(state.status, role, state.direction) : [],
  };
}
