import { z } from 'zod';
import { type Action, authorize, can, type PolicyActor, type PolicySubject } from '../auth/policy.js';
import { isIsoDate } from '../core/dates.js';
import { DomainError } from '../core/errors.js';
import { defineEvent } from '../core/events.js';
import { OUTCOMES, type Outcome, type Reason, type RuleResult } from '../eligibility/policy.js';
import { codeKey } from '../parties/model.js';
import { bad, nonEmpty, refusal, requireNow } from './decision-support.js';
import { HOLD_TYPES, isReasonIn, REASON_LISTS, type ReasonList } from './reasons.js';
import {
  DIRECTIONS,
  type Direction,
  type LeavingStart,
  TRANSFER_ACTIONS,
  TRANSFER_STATUSES,
  TRANSFER_STEPS,
  type TransferAction,
  type TransferStatus,
  type TransferStep,
} from './states.js';

export { TRANSFER_ACTIONS, TRANSFER_STATUSES, type TransferAction, type TransferStatus };

/**
 * The transfer state machine (docs/domain.md, Transfers). Pure: time, ids, the screening, the bed count and
 * the person's active holds are all parameters; nothing here reads a clock, a database or a random source.
 * The service loads those facts, calls `decideTransition`, appends the event and projects it with `evolve`.
 */

/** The states "before in_transit" that a hold moves to `on_hold` (docs/domain.md, Transfers). */
export const PRE_DEPARTURE_STATUSES = [
  'nominated',
  'screened',
  'approved',
  'accepted',
  'scheduled',
] as const satisfies readonly TransferStatus[];

/**
 * States no transition leaves, except `received → returned` on a court-ordered return (docs/domain.md). A
 * return or repatriation transfer ends `received`: handed over to the agency or authority that took the person.
 */
export const TERMINAL_STATUSES = [
  'received',
  'cancelled',
  'rejected',
  'returned',
] as const satisfies readonly TransferStatus[];

/** The ledger event type each action produces. */
export const TRANSFER_EVENTS = {
  nominate: 'transfer.nominated',
  screen: 'transfer.screened',
  approve: 'transfer.approved',
  accept: 'transfer.accepted',
  reject: 'transfer.rejected',
  schedule: 'transfer.scheduled',
  depart: 'transfer.departed',
  receive: 'transfer.received',
  hold: 'transfer.held',
  lift_hold: 'transfer.hold_lifted',
  cancel: 'transfer.cancelled',
  order_return: 'transfer.return_ordered',
} as const satisfies Record<TransferAction, string>;

/** The ledger event type that starts a return or repatriation transfer. */
export const LEAVING_START_EVENTS = {
  start_return: 'transfer.return_started',
  repatriate: 'transfer.repatriation_started',
} as const satisfies Record<LeavingStart, string>;

/** The ledger event type of every step. */
const STEP_EVENTS = { ...TRANSFER_EVENTS, ...LEAVING_START_EVENTS } as const satisfies Record<
  TransferStep,
  string
>;
/** A transfer ledger event type. */
export type TransferEventType = (typeof STEP_EVENTS)[TransferStep];

/** One row of the transition table: everything a transition demands, as data. */
export interface TransitionRule {
  /** The states it may start from; empty for `nominate`, which creates the transfer. */
  from: readonly TransferStatus[];
  /** The state it enters. */
  to: TransferStatus;
  /** The reason-code list the command's reason must come from, or null when none is asked for. */
  reason: ReasonList | null;
  /**
   * `fresh_eligible`: a screening made at the moment of the decision whose outcome is `eligible`;
   * `fresh`: a screening made at that moment, of any outcome, which the event records; `none`.
   */
  screening: 'none' | 'fresh' | 'fresh_eligible';
  /** `required`: the caller must pass the person's active holds and there must be none; `if_known`: refused when passed and any. */
  holdCheck: 'none' | 'if_known' | 'required';
  /** `reserve` takes a place of the bed allotment; `release` gives back the place the transfer holds, if any. */
  place: 'none' | 'reserve' | 'release';
}

/** The rule of a step of a return or repatriation: nothing to screen, no reason code, no hold check, no place. */
const LEAVING_STEP: TransitionRule = {
  from: [],
  to: 'ordered',
  reason: null,
  screening: 'none',
  holdCheck: 'none',
  place: 'none',
};

/**
 * The transition table (docs/domain.md, Transfers); who may make each transition is the access policy's
 * `transfer:<action>` (auth/policy.ts). Where the diagram is silent the choices are:
 * cancellation is also possible from accepted, scheduled and on_hold (reasons such as `unfit_to_travel`
 * and `hold_issued` only make sense there, and a place must be releasable); a second hold on a held
 * transfer stacks; lifting a hold returns to `screened` only when no other hold remains.
 */
export const TRANSITIONS: Readonly<Record<TransferAction, TransitionRule>> = {
  nominate: {
    from: [],
    to: 'nominated',
    reason: null,
    screening: 'none',
    holdCheck: 'none',
    place: 'none',
  },
  screen: {
    from: ['nominated'],
    to: 'screened',
    reason: null,
    screening: 'fresh',
    holdCheck: 'none',
    place: 'none',
  },
  approve: {
    from: ['screened'],
    to: 'approved',
    reason: null,
    screening: 'fresh_eligible',
    holdCheck: 'if_known',
    place: 'none',
  },
  accept: {
    from: ['approved'],
    to: 'accepted',
    reason: null,
    screening: 'fresh_eligible',
    holdCheck: 'if_known',
    place: 'reserve',
  },
  reject: {
    from: ['approved'],
    to: 'rejected',
    reason: 'rejection',
    screening: 'none',
    holdCheck: 'none',
    place: 'none',
  },
  schedule: {
    from: ['accepted'],
    to: 'scheduled',
    reason: null,
    screening: 'fresh_eligible',
    holdCheck: 'if_known',
    place: 'none',
  },
  depart: {
    from: ['scheduled'],
    to: 'in_transit',
    reason: null,
    screening: 'fresh_eligible',
    // "The check at departure is the last line of defence against a TRO issued that morning."
    holdCheck: 'required',
    place: 'none',
  },
  receive: {
    from: ['in_transit'],
    to: 'received',
    reason: null,
    screening: 'none',
    holdCheck: 'none',
    place: 'none',
  },
  hold: {
    from: [...PRE_DEPARTURE_STATUSES, 'on_hold'],
    to: 'on_hold',
    reason: 'hold_type',
    screening: 'none',
    holdCheck: 'none',
    place: 'release',
  },
  lift_hold: {
    from: ['on_hold'],
    to: 'screened',
    reason: null,
    screening: 'none',
    holdCheck: 'none',
    place: 'none',
  },
  cancel: {
    from: [...PRE_DEPARTURE_STATUSES, 'on_hold'],
    to: 'cancelled',
    reason: 'cancellation',
    screening: 'none',
    holdCheck: 'none',
    place: 'release',
  },
  order_return: {
    from: ['received'],
    to: 'returned',
    reason: null,
    screening: 'none',
    holdCheck: 'none',
    place: 'none',
  },
};

/**
 * The transitions of a return or repatriation transfer (decision 0023): created `ordered`, then scheduled
 * onto a manifest out of the receiving facility, in transit from its departure, and `received` when handed
 * over to the named agency or authority. No eligibility screening and no hold check: neither is a removal
 * to the receiving state, and a court's hold must never keep someone from being brought back.
 */
export const LEAVING_TRANSITIONS: Readonly<Partial<Record<TransferAction, TransitionRule>>> = {
  schedule: { ...LEAVING_STEP, from: ['ordered'], to: 'scheduled' },
  depart: { ...LEAVING_STEP, from: ['scheduled'], to: 'in_transit' },
  receive: { ...LEAVING_STEP, from: ['in_transit'], to: 'received' },
};

/**
 * A repatriation is a removal to a third country, so a legal hold stops it as it stops a transfer out: a
 * court that holds the person (a habeas petition, a stay of removal) must not find them moved abroad while
 * it decides. It goes `on_hold` before departure and, when its last hold is lifted, back to the state the
 * first hold found it in (`heldFrom`: ordered, or scheduled on its manifest). A return, which brings the
 * person back to the sending state, is never held.
 */
export const REPATRIATION_TRANSITIONS: Readonly<Partial<Record<TransferAction, TransitionRule>>> = {
  ...LEAVING_TRANSITIONS,
  hold: { ...LEAVING_STEP, from: ['ordered', 'scheduled', 'on_hold'], to: 'on_hold', reason: 'hold_type' },
  lift_hold: { ...LEAVING_STEP, from: ['on_hold'], to: 'ordered' },
};

/** The rule of `action` for a transfer moving in `direction`; undefined when that direction has no such step. */
export function ruleOf(action: TransferAction, direction: Direction): TransitionRule | undefined {
  if (direction === 'outbound') return TRANSITIONS[action];
  return direction === 'repatriation' ? REPATRIATION_TRANSITIONS[action] : LEAVING_TRANSITIONS[action];
}

/** A legal hold as a transfer sees it (docs/domain.md, People → legal hold); `holdId` identifies it for lifting. */
export const legalHoldRefSchema = z.object({
  holdId: z.string(),
  type: z.enum(HOLD_TYPES),
  court: z.string(),
  case: z.string(),
  /** The issue date, YYYY-MM-DD. */
  issued: z.string(),
});
export type LegalHoldRef = z.output<typeof legalHoldRefSchema>;

/** The lifting of one hold. */
export const holdLiftSchema = z.object({
  holdId: z.string(),
  /** The lifted date, YYYY-MM-DD. */
  lifted: z.string(),
  /** The hold's court, when known (the policy's subject); otherwise read from the hold's id. */
  court: z.string().optional(),
});
export type HoldLift = z.output<typeof holdLiftSchema>;

/** A court's order, named by court and case. */
export const courtOrderRefSchema = z.object({ court: z.string(), case: z.string() });
export type CourtOrderRef = z.output<typeof courtOrderRefSchema>;

/** Who took a person at the end of a return or repatriation: the agency or authority and its officer, by name. */
export const handoverSchema = z.object({
  /** The agency (for a return, one of the agreement's sending agencies, e.g. `US-ICE`) or the country's authority. */
  agency: z.string(),
  /** The officer who took the person, by name. */
  officer: z.string(),
});
export type Handover = z.output<typeof handoverSchema>;

/** A command on a transfer. Reason codes are strings here because they arrive from outside and are checked. */
export type TransferCommand =
  | { action: 'nominate'; personId: string; agreementId: string }
  | { action: 'screen' | 'approve' | 'accept' | 'depart'; transferId: string }
  | { action: 'receive'; transferId: string; handover?: Handover }
  | { action: 'schedule'; transferId: string; manifestId?: string }
  | { action: 'reject' | 'cancel'; transferId: string; reasonCode?: string }
  | { action: 'hold'; transferId: string; hold: LegalHoldRef }
  | { action: 'lift_hold'; transferId: string; lift: HoldLift }
  | { action: 'order_return'; transferId: string; courtOrder: CourtOrderRef };

/** A screening handed to a decision: the eligibility engine's result, stamped when it was made. */
export interface TransferScreening {
  outcome: Outcome;
  rules: readonly { id: string; result: RuleResult; reason: Reason }[];
  /** The instant the screening was made (ISO 8601). */
  screenedAt: string;
  inputsHash: string;
  policyVersion: number;
  /** The id of the `screening.recorded` event that records it in full, every rule with its source. */
  screeningId?: string;
}

/** What an event records of the screening it relied on. */
export const screeningSummarySchema = z.object({
  outcome: z.enum(OUTCOMES),
  inputsHash: z.string(),
  policyVersion: z.number().int(),
  screenedAt: z.string(),
  /**
   * The recorded screening (`screening.recorded`) with every rule, its reason and source. Absent from
   * events recorded before transitions recorded their screenings in full.
   */
  screeningId: z.string().optional(),
});
export type ScreeningSummary = z.output<typeof screeningSummarySchema>;

/** The facts a decision needs besides the transfer's own state. */
export interface TransferContext {
  now: Date;
  /** Who acts, with their parties: a court acts only for its own courts (auth/policy.ts). */
  actor: PolicyActor;
  /** A screening of the person made for this decision (screenedAt = now). */
  screening?: TransferScreening;
  /** The agreement's bed allotment and the places already reserved under it. */
  capacity?: { bedAllotment: number; reserved: number };
  /** The person's legal holds with no lifted date. */
  activeHolds?: readonly LegalHoldRef[];
  /** The id source for a new transfer (nominate, and the return transfer a court-ordered return starts). */
  newId?: () => string;
}

/** A transfer ledger event: who moved which transfer from where to where, when, and on what grounds. */
export const transferEventSchema = z.object({
  type: z.enum(STEP_EVENTS),
  transferId: z.string(),
  personId: z.string(),
  agreementId: z.string(),
  action: z.enum(TRANSFER_STEPS),
  /** Null only for `nominate`. */
  from: z.enum(TRANSFER_STATUSES).nullable(),
  to: z.enum(TRANSFER_STATUSES),
  actorId: z.string(),
  role: z.string(),
  reasonCode: z.string().optional(),
  /** The instant of the decision (ISO 8601). */
  at: z.string(),
  screening: screeningSummarySchema.optional(),
  /** +1 when the transfer takes a place of the bed allotment, −1 when it gives its place back. */
  reservation: z.literal([1, -1]).optional(),
  hold: legalHoldRefSchema.optional(),
  lift: holdLiftSchema.optional(),
  courtOrder: courtOrderRefSchema.optional(),
  /** The id of the return transfer a court-ordered return starts (docs/domain.md, Transfers). */
  returnTransferId: z.string().optional(),
  manifestId: z.string().optional(),
  /** On the event that creates a transfer: which way it moves (absent on outbound nominations). */
  direction: z.enum(DIRECTIONS).optional(),
  /** On the event that creates a return or repatriation transfer: the transfer that brought the person. */
  returnOf: z.string().optional(),
  /** On the event that creates a repatriation transfer: the country of nationality (ISO 3166 alpha-2). */
  country: z.string().optional(),
  /** On the intake that ends a return or repatriation: who took the person. */
  handover: handoverSchema.optional(),
});
export type TransferEvent = z.output<typeof transferEventSchema>;

/**
 * The transfer event types: one per action, each with the transfer event's payload whose `type` is the
 * event's own name.
 */
export const transferEventTypes = TRANSFER_STEPS.map((action) =>
  defineEvent(STEP_EVENTS[action], transferEventSchema.extend({ type: z.literal(STEP_EVENTS[action]) })),
);

/** The current state of one transfer, as `evolve` builds it from its events. */
export interface TransferState {
  transferId: string;
  personId: string;
  agreementId: string;
  status: TransferStatus;
  /** The state an `on_hold` transfer was in when the first hold reached it. */
  heldFrom: TransferStatus | null;
  /** The ids of the active holds keeping it `on_hold`. */
  holds: readonly string[];
  /** True while it counts against the bed allotment: from acceptance until a release event. */
  holdsPlace: boolean;
  lastScreening: ScreeningSummary | null;
  returnTransferId: string | null;
  /** Which way it moves: outbound, or a return or repatriation out of the receiving facility. */
  direction: Direction;
  /** For a return or repatriation: the transfer that brought the person. */
  returnOf: string | null;
  /** For a return: the court's order. */
  courtOrder: CourtOrderRef | null;
  /** For a repatriation: the country of nationality the person goes to. */
  country: string | null;
  /** For a return or repatriation that ended: who took the person, and when. */
  handover: (Handover & { at: string }) | null;
  /** The number of events applied. */
  version: number;
  updatedAt: string;
}

/** A hold that reached a person it could not stop: in transit, or already received. */
export interface HoldAlert {
  kind: 'hold_on_person_in_transit' | 'hold_on_person_received';
  transferId: string;
  personId: string;
  hold: LegalHoldRef;
  at: string;
  message: Reason;
}

/** A value as given, written as JSON, for a message that quotes what it refuses. */
function asJson(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/** The legal holds of a refusal, as the message's parallel lists. */
export function holdsParams(holds: readonly Pick<LegalHoldRef, 'type' | 'court' | 'case' | 'issued'>[]) {
  return {
    holdTypes: holds.map((h) => h.type),
    courts: holds.map((h) => h.court),
    cases: holds.map((h) => h.case),
    issued: holds.map((h) => h.issued),
  };
}

/** The manifest decision that makes each step of a transfer out of the receiving facility. */
const LEAVING_STEP_DECISION = { schedule: 'add', depart: 'depart', receive: 'hand_over' } as const;

/**
 * The access policy's action for a transition: who may make it is decided there (auth/policy.ts). A
 * return is started by the court's order; the steps of a return or repatriation are the manifest's.
 */
export function policyActionOf(action: TransferAction, direction: Direction = 'outbound'): Action {
  if (direction !== 'outbound' && (action === 'schedule' || action === 'depart' || action === 'receive')) {
    return `${direction}_manifest:${LEAVING_STEP_DECISION[action]}`;
  }
  return `transfer:${action}`;
}

/**
 * The court an action is taken for, as the policy's subject (a court acts only for its own courts): the
 * hold's court, the court of the hold being lifted (its id begins with it, see `holdIdOf`), the return
 * order's court. The requester named it, so out of scope is a refusal that says so, not a miss.
 */
export function courtSubject(court: string | undefined, id: string): PolicySubject | undefined {
  if (!nonEmpty(court)) return undefined;
  return { kind: 'legal_hold', id: `${court} (${id})`, courts: [codeKey(court)], disclosed: true };
}

/** The court of a hold, from its id (`court|case|issued`, service.ts `holdIdOf`). */
export function courtOfHoldId(holdId: string | undefined): string | undefined {
  return typeof holdId === 'string' ? holdId.split('|')[0] : undefined;
}

function commandSubject(command: TransferCommand): PolicySubject | undefined {
  switch (command.action) {
    case 'hold':
      return courtSubject(command.hold?.court, command.hold?.case ?? '');
    case 'lift_hold':
      return courtSubject(
        command.lift?.court ?? courtOfHoldId(command.lift?.holdId),
        command.lift?.holdId ?? '',
      );
    case 'order_return':
      return courtSubject(command.courtOrder?.court, command.courtOrder?.case ?? '');
    default:
      return undefined;
  }
}

function authorizeAction(
  action: TransferAction,
  actor: TransferContext['actor'],
  direction: Direction = 'outbound',
  subject?: PolicySubject,
): void {
  const policyAction = policyActionOf(action, direction);
  // A hold, lift or order that names no court is refused as incomplete input by the checks that follow;
  // here it needs only the grant.
  if (!subject && COURT_ACTIONS.has(action) && can(actor.role, policyAction)) return;
  authorize(actor, policyAction, subject);
}

/** The steps taken for a court, whose scope is the court named. */
const COURT_ACTIONS: ReadonlySet<TransferAction> = new Set(['hold', 'lift_hold', 'order_return']);

/** The actions the table allows from `status` for a transfer moving in `direction`, for messages and the UI. */
export function actionsFrom(status: TransferStatus, direction: Direction = 'outbound'): TransferAction[] {
  return TRANSFER_ACTIONS.filter((a) => ruleOf(a, direction)?.from.includes(status));
}

function reasonOf(command: TransferCommand): string | undefined {
  if (command.action === 'hold') return command.hold?.type;
  if (command.action === 'reject' || command.action === 'cancel') return command.reasonCode;
  return undefined;
}

function checkReason(action: TransferAction, list: ReasonList, code: string | undefined): void {
  const allowed = REASON_LISTS[list];
  if (!nonEmpty(code)) {
    throw bad(
      'transfer.reason_code_missing',
      { action, allowed },
      {
        rule: 'reason-code',
        action,
        list,
      },
    );
  }
  if (!isReasonIn(list, code)) {
    throw bad(
      'transfer.reason_code_unknown',
      { code, list, allowed },
      {
        rule: 'reason-code',
        action,
        list,
        reasonCode: code,
      },
    );
  }
}

function checkHoldRef(hold: LegalHoldRef | undefined): asserts hold is LegalHoldRef {
  const missing = (['holdId', 'court', 'case'] as const).filter((f) => !nonEmpty(hold?.[f]));
  if (!hold || missing.length > 0) {
    throw bad(
      'hold.ref_incomplete',
      { missing },
      {
        rule: 'legal-hold',
        missing,
      },
    );
  }
  if (!isIsoDate(hold.issued)) {
    throw bad(
      'hold.issued_not_date',
      { given: asJson(hold.issued) },
      {
        rule: 'legal-hold',
        issued: hold.issued,
      },
    );
  }
}

function checkHolds(
  state: TransferState,
  action: TransferAction,
  rule: TransitionRule,
  ctx: TransferContext,
): void {
  if (rule.holdCheck === 'none') return;
  if (ctx.activeHolds === undefined) {
    if (rule.holdCheck === 'if_known') return;
    throw bad(
      'transfer.holds_not_loaded',
      { action, transferId: state.transferId },
      { rule: 'no-active-hold', action },
    );
  }
  if (ctx.activeHolds.length > 0) {
    throw refusal(
      'transfer.hold_in_force',
      { transferId: state.transferId, action, ...holdsParams(ctx.activeHolds) },
      { rule: 'no-active-hold', action, holds: ctx.activeHolds.map((h) => h.holdId) },
    );
  }
}

function checkScreening(
  state: TransferState,
  action: TransferAction,
  rule: TransitionRule,
  ctx: TransferContext,
  at: string,
): ScreeningSummary | undefined {
  if (rule.screening === 'none') return undefined;
  const s = ctx.screening;
  const transferId = state.transferId;
  if (!s) {
    throw refusal(
      'transfer.screening_missing',
      { transferId, to: rule.to },
      {
        rule: 'fresh-screening',
        action,
        now: at,
      },
    );
  }
  const screenedAt = Date.parse(s.screenedAt);
  if (Number.isNaN(screenedAt) || screenedAt !== Date.parse(at)) {
    throw refusal(
      'transfer.screening_stale',
      { transferId, to: rule.to, screenedAt: s.screenedAt, now: at },
      { rule: 'fresh-screening', action, screenedAt: s.screenedAt, now: at },
    );
  }
  const blocking = s.rules.filter((r) => r.result === 'fail' || r.result === 'pending');
  const implied: Outcome = blocking.some((r) => r.result === 'fail')
    ? 'ineligible'
    : blocking.length > 0
      ? 'pending'
      : 'eligible';
  if (implied !== s.outcome) {
    throw bad(
      'transfer.screening_inconsistent',
      { outcome: s.outcome, implied },
      { rule: 'fresh-screening', outcome: s.outcome, implied },
    );
  }
  if (rule.screening === 'fresh_eligible' && s.outcome !== 'eligible') {
    throw refusal(
      'transfer.screening_not_eligible',
      {
        transferId,
        to: rule.to,
        outcome: s.outcome,
        ruleIds: blocking.map((r) => r.id),
        results: blocking.map((r) => r.result),
        reasonsEn: blocking.map((r) => r.reason.en),
        reasonsEs: blocking.map((r) => r.reason.es),
      },
      {
        rule: 'fresh-eligible-screening',
        action,
        outcome: s.outcome,
        rules: blocking.map((r) => ({ id: r.id, result: r.result, reason: r.reason })),
      },
    );
  }
  return {
    outcome: s.outcome,
    inputsHash: s.inputsHash,
    policyVersion: s.policyVersion,
    screenedAt: s.screenedAt,
    ...(s.screeningId ? { screeningId: s.screeningId } : {}),
  };
}

function checkCapacity(state: TransferState, ctx: TransferContext): void {
  const c = ctx.capacity;
  if (!c || !Number.isInteger(c.bedAllotment) || !Number.isInteger(c.reserved) || c.reserved < 0) {
    throw bad(
      'transfer.capacity_not_loaded',
      { transferId: state.transferId },
      { rule: 'bed-allotment', capacity: c ?? null },
    );
  }
  if (c.reserved >= c.bedAllotment) {
    throw refusal(
      'transfer.bed_allotment_full',
      { transferId: state.transferId, bedAllotment: c.bedAllotment, reserved: c.reserved },
      { rule: 'bed-allotment', reasonCode: 'no_space', bedAllotment: c.bedAllotment, reserved: c.reserved },
    );
  }
}

function requireNewId(ctx: TransferContext, action: TransferAction): string {
  const id = ctx.newId?.();
  if (!nonEmpty(id)) {
    throw bad('transfer.id_source_missing', { action }, { action });
  }
  return id;
}

/**
 * Decides one command on a transfer (null before nomination) and returns the event it makes, or throws
 * a `DomainError` naming the rule and the fix, e.g. `decideTransition(s, { action: 'approve', transferId }, ctx)`.
 */
export function decideTransition(
  state: TransferState | null,
  command: TransferCommand,
  ctx: TransferContext,
): TransferEvent {
  const known = (TRANSITIONS as Partial<Record<string, TransitionRule>>)[command.action];
  if (!known) {
    throw bad('transfer.action_unknown', { given: asJson(command.action), actions: TRANSFER_ACTIONS });
  }
  const action = command.action;
  const direction = state?.direction ?? 'outbound';
  const at = requireNow(ctx.now);
  authorizeAction(action, ctx.actor, direction, commandSubject(command));
  // A return or repatriation has only the steps of a movement (LEAVING_TRANSITIONS): none is refused below.
  const rule: TransitionRule = ruleOf(action, direction) ?? { ...known, from: [] };

  if (command.action === 'nominate') {
    if (state) {
      throw refusal(
        'transfer.already_exists',
        { transferId: state.transferId, status: state.status },
        { rule: 'transfer-state', action, from: state.status },
      );
    }
    if (!nonEmpty(command.personId) || !nonEmpty(command.agreementId)) {
      throw bad('transfer.nomination_incomplete', {});
    }
    return {
      type: TRANSFER_EVENTS.nominate,
      transferId: requireNewId(ctx, action),
      personId: command.personId,
      agreementId: command.agreementId,
      action,
      from: null,
      to: rule.to,
      actorId: ctx.actor.id,
      role: ctx.actor.role,
      at,
    };
  }

  if (!state) {
    throw new DomainError(
      'not_found',
      'transfer.not_found',
      { transferId: command.transferId },
      { details: { what: 'transfer', id: command.transferId } },
    );
  }
  if (command.transferId !== state.transferId) {
    throw bad('transfer.state_mismatch', { transferId: command.transferId, loaded: state.transferId });
  }
  if (!rule.from.includes(state.status)) {
    throw refusal(
      'transfer.wrong_state',
      {
        transferId: state.transferId,
        status: state.status,
        action,
        from: rule.from,
        allowed: actionsFrom(state.status, direction),
      },
      { rule: 'transfer-state', action, from: state.status, allowedFrom: rule.from },
    );
  }
  const reason = reasonOf(command);
  if (rule.reason) checkReason(action, rule.reason, reason);

  const extra: Partial<TransferEvent> = {};
  let to = rule.to;
  if (command.action === 'hold') {
    checkHoldRef(command.hold);
    if (state.holds.includes(command.hold.holdId)) {
      throw refusal(
        'transfer.already_held',
        { transferId: state.transferId, holdId: command.hold.holdId },
        {
          rule: 'legal-hold',
          holdId: command.hold.holdId,
        },
      );
    }
    extra.hold = { ...command.hold };
  } else if (command.action === 'lift_hold') {
    const lift = command.lift;
    if (!lift || !nonEmpty(lift.holdId) || !isIsoDate(lift.lifted)) {
      throw bad('hold.lift_incomplete', {}, { rule: 'legal-hold' });
    }
    if (!state.holds.includes(lift.holdId)) {
      throw refusal(
        'hold.not_holding_transfer',
        { transferId: state.transferId, holdId: lift.holdId, holds: state.holds },
        { rule: 'legal-hold', holdId: lift.holdId, holds: state.holds },
      );
    }
    // Another active hold keeps it on hold; only the last lift returns it to screened, never further. A
    // repatriation goes back to where the first hold found it: nothing about it was screened or approved.
    if (state.holds.some((h) => h !== lift.holdId)) to = 'on_hold';
    else if (direction === 'repatriation') to = state.heldFrom === 'scheduled' ? 'scheduled' : 'ordered';
    extra.lift = { holdId: lift.holdId, lifted: lift.lifted };
  } else if (command.action === 'order_return') {
    if (!nonEmpty(command.courtOrder?.court) || !nonEmpty(command.courtOrder?.case)) {
      throw bad('transfer.return_order_incomplete', {});
    }
    extra.courtOrder = { court: command.courtOrder.court, case: command.courtOrder.case };
    extra.returnTransferId = requireNewId(ctx, action);
  } else if (command.action === 'schedule' && nonEmpty(command.manifestId)) {
    extra.manifestId = command.manifestId;
  } else if (command.action === 'receive' && direction !== 'outbound') {
    extra.handover = requireHandover(state.transferId, command.handover);
  }

  checkHolds(state, action, rule, ctx);
  const screening = checkScreening(state, action, rule, ctx, at);
  if (rule.place === 'reserve') checkCapacity(state, ctx);

  const event: TransferEvent = {
    type: TRANSFER_EVENTS[action],
    transferId: state.transferId,
    personId: state.personId,
    agreementId: state.agreementId,
    action,
    from: state.status,
    to,
    actorId: ctx.actor.id,
    role: ctx.actor.role,
    at,
    ...extra,
  };
  // A hold's own code is its type (checked above); the transfer records why it stopped: hold_issued.
  if (rule.reason) event.reasonCode = action === 'hold' ? 'hold_issued' : reason;
  if (screening) event.screening = screening;
  if (rule.place === 'reserve') event.reservation = 1;
  if (rule.place === 'release' && state.holdsPlace) event.reservation = -1;
  return event;
}

/** Refuses a handover that does not name both the agency or authority and the officer who took the person. */
export function requireHandover(transferId: string, handover: Handover | undefined): Handover {
  const missing = (['agency', 'officer'] as const).filter((f) => !nonEmpty(handover?.[f]));
  if (!handover || missing.length > 0) {
    throw bad('transfer.handover_incomplete', { transferId, missing }, { rule: 'named-handover', missing });
  }
  return { agency: handover.agency.trim(), officer: handover.officer.trim() };
}

/** The event that creates a return or repatriation transfer of the person `original` brought. */
function leavingStart(
  original: TransferState,
  action: LeavingStart,
  transferId: string,
  at: string,
  ctx: Pick<TransferContext, 'actor'>,
  extra: Pick<TransferEvent, 'courtOrder' | 'country'>,
): TransferEvent {
  return {
    type: LEAVING_START_EVENTS[action],
    transferId,
    personId: original.personId,
    agreementId: original.agreementId,
    action,
    from: null,
    to: 'ordered',
    actorId: ctx.actor.id,
    role: ctx.actor.role,
    at,
    direction: action === 'start_return' ? 'return' : 'repatriation',
    returnOf: original.transferId,
    ...extra,
  };
}

/**
 * Decides a court-ordered return (docs/domain.md, Release dates, returns and repatriation): the original
 * transfer ends `returned`, and the return transfer it starts, in the other direction, is `ordered` until a
 * return manifest carries the person back. Returns both events, the original's first.
 */
export function decideOrderReturn(
  original: TransferState | null,
  command: { transferId: string; courtOrder: CourtOrderRef },
  ctx: TransferContext,
): [TransferEvent, TransferEvent] {
  const returned = decideTransition(original, { action: 'order_return', ...command }, ctx);
  const from = original!;
  const started = leavingStart(from, 'start_return', returned.returnTransferId!, returned.at, ctx, {
    ...(returned.courtOrder ? { courtOrder: returned.courtOrder } : {}),
  });
  return [returned, started];
}

/**
 * Decides a repatriation at the end of a sentence: a new transfer of the person the received transfer
 * brought, `ordered`, to a country of which they are a national. The caller checks they are in custody.
 */
export function decideRepatriation(
  original: TransferState | null,
  input: { country: string; nationalities: readonly string[] },
  ctx: TransferContext,
): TransferEvent {
  const at = requireNow(ctx.now);
  authorize(ctx.actor, 'transfer:repatriate');
  if (!original) {
    throw new DomainError(
      'not_found',
      'transfer.not_found',
      { transferId: '' },
      { details: { what: 'transfer' } },
    );
  }
  if (original.direction !== 'outbound' || original.status !== 'received') {
    throw refusal(
      'transfer.repatriation_not_received',
      { transferId: original.transferId, status: original.status },
      { rule: 'repatriation-from-custody', status: original.status, direction: original.direction },
    );
  }
  const country = (input.country ?? '').trim().toUpperCase();
  if (!input.nationalities.includes(country)) {
    throw bad(
      'transfer.repatriation_country',
      { country: asJson(input.country), nationalities: [...input.nationalities] },
      { rule: 'repatriation-nationality', country, nationalities: [...input.nationalities] },
    );
  }
  const id = ctx.newId?.();
  if (!nonEmpty(id))
    throw bad('transfer.id_source_missing', { action: 'repatriate' }, { action: 'repatriate' });
  return leavingStart(original, 'repatriate', id, at, ctx, { country });
}

/** True for the events that create a transfer: a nomination, or the start of a return or repatriation. */
function creates(event: TransferEvent): boolean {
  return event.from === null;
}

/** Applies one event to the state it was decided on (null before nomination); refuses an out-of-order event. */
export function evolve(state: TransferState | null, event: TransferEvent): TransferState {
  if (creates(event)) {
    if (state) {
      throw new DomainError('conflict', 'transfer.replay_duplicate_nomination', {
        transferId: state.transferId,
      });
    }
    return {
      transferId: event.transferId,
      personId: event.personId,
      agreementId: event.agreementId,
      status: event.to,
      heldFrom: null,
      holds: [],
      holdsPlace: false,
      lastScreening: null,
      returnTransferId: null,
      direction: event.direction ?? 'outbound',
      returnOf: event.returnOf ?? null,
      courtOrder: event.courtOrder ?? null,
      country: event.country ?? null,
      handover: null,
      version: 1,
      updatedAt: event.at,
    };
  }
  if (!state || state.transferId !== event.transferId || state.status !== event.from) {
    throw new DomainError(
      'conflict',
      'transfer.event_out_of_order',
      { type: event.type, transferId: event.transferId, from: event.from, status: state?.status ?? null },
      { details: { transferId: event.transferId, from: event.from, status: state?.status ?? null } },
    );
  }
  let holds = state.holds;
  if (event.hold) holds = [...holds, event.hold.holdId];
  if (event.lift) {
    const lifted = event.lift.holdId;
    holds = holds.filter((h) => h !== lifted);
  }
  return {
    ...state,
    status: event.to,
    heldFrom: event.to !== 'on_hold' ? null : state.status === 'on_hold' ? state.heldFrom : state.status,
    holds: event.to === 'on_hold' ? holds : [],
    holdsPlace: event.reservation === 1 ? true : event.reservation === -1 ? false : state.holdsPlace,
    lastScreening: event.screening ?? state.lastScreening,
    returnTransferId: event.returnTransferId ?? state.returnTransferId,
    courtOrder: event.courtOrder ?? state.courtOrder,
    handover: event.handover ? { ...event.handover, at: event.at } : state.handover,
    version: state.version + 1,
    updatedAt: event.at,
  };
}

/** Rebuilds a transfer from its events in order; null when there are none. */
export function replayTransfer(events: readonly TransferEvent[]): TransferState | null {
  return events.reduce<TransferState | null>(evolve, null);
}

/** True for an open transfer: one not yet received, cancelled, rejected or returned. */
export function isOpen(status: TransferStatus): boolean {
  return !(TERMINAL_STATUSES as readonly TransferStatus[]).includes(status);
}

function samePerson(transfers: readonly TransferState[]): void {
  const people = new Set(transfers.map((t) => t.personId));
  if (people.size > 1) {
    throw bad('hold.transfers_of_several_people', { count: people.size }, { people: [...people] });
  }
}

/**
 * A new legal hold on a person (docs/domain.md, Transfers and People → legal hold): every pre-departure
 * transfer goes `on_hold` (reason `hold_issued`); a transfer already on hold records the further hold;
 * an in-transit or received transfer cannot be stopped, so it is reported as an alert instead. Pass the
 * person's open transfers and, to be told of a hold on someone already received, the received ones.
 */
export function applyHold(
  transfers: readonly TransferState[],
  hold: LegalHoldRef,
  ctx: Pick<TransferContext, 'now' | 'actor'>,
): { events: TransferEvent[]; alerts: HoldAlert[] } {
  const at = requireNow(ctx.now);
  authorizeAction('hold', ctx.actor, 'outbound', courtSubject(hold?.court, hold?.case ?? ''));
  checkReason('hold', 'hold_type', hold?.type);
  checkHoldRef(hold);
  samePerson(transfers);
  const events: TransferEvent[] = [];
  const alerts: HoldAlert[] = [];
  // A return is never stopped by a hold: a hold forbids removal, not bringing someone back. A repatriation
  // (a removal to a third country) is held like a transfer out.
  for (const t of transfers.filter((x) => x.direction !== 'return')) {
    if (ruleOf('hold', t.direction)?.from.includes(t.status)) {
      if (t.holds.includes(hold.holdId)) continue;
      events.push(decideTransition(t, { action: 'hold', transferId: t.transferId, hold }, ctx));
    } else if (t.status === 'in_transit' || t.status === 'received') {
      const inTransit = t.status === 'in_transit';
      alerts.push({
        kind: inTransit ? 'hold_on_person_in_transit' : 'hold_on_person_received',
        transferId: t.transferId,
        personId: t.personId,
        hold: { ...hold },
        at,
        message: inTransit
          ? {
              en: `A ${hold.type} (${hold.court} ${hold.case}) was issued while transfer ${t.transferId} is in transit; the court must be told at once.`,
              es: `Se dictó ${hold.type} (${hold.court} ${hold.case}) mientras el traslado ${t.transferId} está en tránsito; debe informarse al tribunal de inmediato.`,
            }
          : {
              en: `A ${hold.type} (${hold.court} ${hold.case}) was issued after transfer ${t.transferId} was received; the court may order a return.`,
              es: `Se dictó ${hold.type} (${hold.court} ${hold.case}) después de recibido el traslado ${t.transferId}; el tribunal puede ordenar el retorno.`,
            },
      });
    }
  }
  return { events, alerts };
}

/**
 * A lifted legal hold: every transfer it held leaves `on_hold` for `screened`, where it needs approval
 * again (docs/domain.md, Transfers); a transfer another active hold still holds stays `on_hold`.
 */
export function liftHold(
  transfers: readonly TransferState[],
  lift: HoldLift,
  ctx: Pick<TransferContext, 'now' | 'actor'>,
): TransferEvent[] {
  requireNow(ctx.now);
  authorizeAction(
    'lift_hold',
    ctx.actor,
    'outbound',
    courtSubject(lift?.court ?? courtOfHoldId(lift?.holdId), lift?.holdId ?? ''),
  );
  samePerson(transfers);
  return transfers
    .filter((t) => t.status === 'on_hold' && t.holds.includes(lift.holdId))
    .map((t) => decideTransition(t, { action: 'lift_hold', transferId: t.transferId, lift }, ctx));
}
