import { z } from 'zod';
import { DomainError } from '../core/errors.js';
import { defineEvent } from '../core/events.js';
import type { MessageKey, MessageParams } from '../core/messages/index.js';

/**
 * Legal visits (docs/domain.md, Legal visits): counsel request a visit or call with a client and a preferred
 * window; receiving custody schedules it in a room at a time, or refuses it with a reason; then records it
 * held or not held. Counsel may cancel it while requested or scheduled. The `legal-access` standard
 * (Mandela Rule 61: a requested legal visit held within 7 days) is judged from these records. Pure: time
 * and ids are parameters.
 */

/** How counsel meet their client: in the facility, by video link, by telephone. */
export const VISIT_KINDS = ['in_person', 'video', 'phone'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];

/** Where a visit stands. `held`, `not_held`, `refused` and `cancelled` are final. */
export const VISIT_STATES = ['requested', 'scheduled', 'held', 'not_held', 'refused', 'cancelled'] as const;
export type VisitState = (typeof VISIT_STATES)[number];

/** The states nothing leaves. */
export const FINAL_STATES: readonly VisitState[] = ['held', 'not_held', 'refused', 'cancelled'];

/** Why receiving custody refuses a request (with a text saying more). */
export const REFUSAL_REASONS = ['security', 'no_room', 'client_moved', 'client_released', 'other'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** Why a scheduled visit did not take place (with a text saying more). */
export const NOT_HELD_REASONS = [
  'client_declined',
  'counsel_absent',
  'room_unavailable',
  'link_failed',
  'security',
  'client_moved',
  'other',
] as const;
export type NotHeldReason = (typeof NOT_HELD_REASONS)[number];

/** Mandela Rule 61, as docs/domain.md reads it: a requested legal visit is held within this many days. */
export const LEGAL_ACCESS_DAYS = 7;

export const LEGAL_VISIT_EVENTS = {
  requested: 'legal_visit.requested',
  scheduled: 'legal_visit.scheduled',
  refused: 'legal_visit.refused',
  outcome: 'legal_visit.outcome_recorded',
  cancelled: 'legal_visit.cancelled',
} as const;

export const visitRequestedSchema = z.object({
  visitId: z.string(),
  personId: z.string(),
  facilityId: z.string(),
  /** The law office asking (a party id); null when the CLI operator records a request on its behalf. */
  officeId: z.string().nullable(),
  kind: z.enum(VISIT_KINDS),
  /** The preferred window, instants (ISO 8601), from before to. */
  windowFrom: z.string(),
  windowTo: z.string(),
  note: z.string().nullable(),
  /** When the request was made: the 7 days of Rule 61 run from here. */
  at: z.string(),
});
export type VisitRequested = z.output<typeof visitRequestedSchema>;

export const visitScheduledSchema = z.object({
  visitId: z.string(),
  personId: z.string(),
  /** The room, as a facility location code (there is no rooms table yet; decision 0028). */
  room: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  at: z.string(),
});
export type VisitScheduled = z.output<typeof visitScheduledSchema>;

export const visitRefusedSchema = z.object({
  visitId: z.string(),
  personId: z.string(),
  reasonCode: z.enum(REFUSAL_REASONS),
  reason: z.string(),
  at: z.string(),
});
export type VisitRefused = z.output<typeof visitRefusedSchema>;

export const visitOutcomeSchema = z.object({
  visitId: z.string(),
  personId: z.string(),
  outcome: z.enum(['held', 'not_held']),
  /** Why it was not held; null when held. */
  reasonCode: z.enum(NOT_HELD_REASONS).nullable(),
  reason: z.string().nullable(),
  at: z.string(),
});
export type VisitOutcome = z.output<typeof visitOutcomeSchema>;

export const visitCancelledSchema = z.object({
  visitId: z.string(),
  personId: z.string(),
  reason: z.string().nullable(),
  at: z.string(),
});
export type VisitCancelled = z.output<typeof visitCancelledSchema>;

/** The legal visit event types, each with its payload schema. */
export const legalVisitEvent = {
  requested: defineEvent(LEGAL_VISIT_EVENTS.requested, visitRequestedSchema),
  scheduled: defineEvent(LEGAL_VISIT_EVENTS.scheduled, visitScheduledSchema),
  refused: defineEvent(LEGAL_VISIT_EVENTS.refused, visitRefusedSchema),
  outcome: defineEvent(LEGAL_VISIT_EVENTS.outcome, visitOutcomeSchema),
  cancelled: defineEvent(LEGAL_VISIT_EVENTS.cancelled, visitCancelledSchema),
};

/** A visit as the decisions see it. */
export interface Visit {
  id: string;
  personId: string;
  status: VisitState;
  requestedAt: string;
  startsAt: string | null;
  endsAt: string | null;
}

function bad<K extends MessageKey>(key: K, params: MessageParams<K>, rule: string): DomainError {
  return new DomainError('invalid_input', key, params, { details: { rule } });
}

function instant(value: string, field: string): Date {
  const at = new Date(value);
  if (typeof value !== 'string' || Number.isNaN(at.getTime()))
    throw bad('legal_visit.time_invalid', { field, value: String(value) }, field);
  return at;
}

function oneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

/** Refuses a step from a state it cannot be taken in: a final state is never left. */
function requireState(visit: Visit, allowed: readonly VisitState[], step: string): void {
  if (allowed.includes(visit.status)) return;
  throw new DomainError(
    'conflict',
    'legal_visit.wrong_state',
    { visitId: visit.id, status: visit.status, step },
    { details: { rule: 'legal-visit-state', status: visit.status } },
  );
}

/**
 * Decides a request: a known kind, a well-formed preferred window (from before to) that has not wholly
 * passed, for a person in custody at a facility (the caller finds it).
 */
export function decideRequest(
  input: {
    personId: string;
    facilityId: string;
    officeId: string | null;
    kind: string;
    windowFrom: string;
    windowTo: string;
    note?: string | null;
  },
  now: Date,
  newId: () => string,
): VisitRequested {
  if (!oneOf(VISIT_KINDS, input.kind))
    throw bad('legal_visit.kind_unknown', { kind: input.kind, values: VISIT_KINDS }, 'legal-visit-kind');
  const from = instant(input.windowFrom, 'windowFrom');
  const to = instant(input.windowTo, 'windowTo');
  if (to.getTime() <= from.getTime())
    throw bad(
      'legal_visit.window_order',
      { from: from.toISOString(), to: to.toISOString() },
      'legal-visit-window',
    );
  if (to.getTime() <= now.getTime())
    throw bad('legal_visit.window_past', { to: to.toISOString() }, 'legal-visit-window');
  return {
    visitId: newId(),
    personId: input.personId,
    facilityId: input.facilityId,
    officeId: input.officeId,
    kind: input.kind,
    windowFrom: from.toISOString(),
    windowTo: to.toISOString(),
    note: input.note?.trim() || null,
    at: now.toISOString(),
  };
}

/** Decides scheduling a requested visit: a room named, a start before its end, neither before the request. */
export function decideSchedule(
  visit: Visit,
  input: { room: string; startsAt: string; endsAt: string },
  now: Date,
): VisitScheduled {
  requireState(visit, ['requested'], 'schedule');
  const room = typeof input.room === 'string' ? input.room.trim() : '';
  if (room === '') throw bad('legal_visit.room_missing', {}, 'legal-visit-room');
  const starts = instant(input.startsAt, 'startsAt');
  const ends = instant(input.endsAt, 'endsAt');
  if (ends.getTime() <= starts.getTime())
    throw bad(
      'legal_visit.slot_order',
      { startsAt: starts.toISOString(), endsAt: ends.toISOString() },
      'legal-visit-slot',
    );
  if (starts.getTime() < Date.parse(visit.requestedAt))
    throw bad(
      'legal_visit.before_request',
      { startsAt: starts.toISOString(), requestedAt: visit.requestedAt },
      'legal-visit-slot',
    );
  return {
    visitId: visit.id,
    personId: visit.personId,
    room,
    startsAt: starts.toISOString(),
    endsAt: ends.toISOString(),
    at: now.toISOString(),
  };
}

/** Decides refusing a requested visit: a known reason code, and a text saying why. */
export function decideRefusal(
  visit: Visit,
  input: { reasonCode: string; reason: string },
  now: Date,
): VisitRefused {
  requireState(visit, ['requested'], 'refuse');
  if (!oneOf(REFUSAL_REASONS, input.reasonCode))
    throw bad(
      'legal_visit.reason_unknown',
      { reasonCode: input.reasonCode, values: REFUSAL_REASONS },
      'legal-visit-reason',
    );
  const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
  if (reason === '') throw bad('legal_visit.reason_missing', {}, 'legal-visit-reason');
  return {
    visitId: visit.id,
    personId: visit.personId,
    reasonCode: input.reasonCode,
    reason,
    at: now.toISOString(),
  };
}

/**
 * Decides the outcome of a scheduled visit, once it has started: held, or not held with a reason code and
 * a text. A visit is held at most once: a recorded outcome is final.
 */
export function decideOutcome(
  visit: Visit,
  input: { outcome: string; reasonCode?: string | null; reason?: string | null },
  now: Date,
): VisitOutcome {
  requireState(visit, ['scheduled'], 'outcome');
  if (visit.startsAt !== null && now.getTime() < Date.parse(visit.startsAt))
    throw bad('legal_visit.not_started', { startsAt: visit.startsAt }, 'legal-visit-outcome');
  if (input.outcome === 'held')
    return {
      visitId: visit.id,
      personId: visit.personId,
      outcome: 'held',
      reasonCode: null,
      reason: null,
      at: now.toISOString(),
    };
  if (input.outcome !== 'not_held')
    throw bad('legal_visit.outcome_unknown', { outcome: input.outcome }, 'legal-visit-outcome');
  const code = input.reasonCode ?? '';
  if (!oneOf(NOT_HELD_REASONS, code))
    throw bad(
      'legal_visit.reason_unknown',
      { reasonCode: code, values: NOT_HELD_REASONS },
      'legal-visit-reason',
    );
  const reason = input.reason?.trim() ?? '';
  if (reason === '') throw bad('legal_visit.reason_missing', {}, 'legal-visit-reason');
  return {
    visitId: visit.id,
    personId: visit.personId,
    outcome: 'not_held',
    reasonCode: code,
    reason,
    at: now.toISOString(),
  };
}

/** Decides counsel's cancellation of a visit still requested or scheduled. */
export function decideCancel(visit: Visit, input: { reason?: string | null }, now: Date): VisitCancelled {
  requireState(visit, ['requested', 'scheduled'], 'cancel');
  return {
    visitId: visit.id,
    personId: visit.personId,
    reason: input.reason?.trim() || null,
    at: now.toISOString(),
  };
}

/** The state a visit is in after an event of `type` (the projector and the property tests share it). */
export function stateAfter(type: string, payload: { outcome?: string }): VisitState | undefined {
  switch (type) {
    case LEGAL_VISIT_EVENTS.requested:
      return 'requested';
    case LEGAL_VISIT_EVENTS.scheduled:
      return 'scheduled';
    case LEGAL_VISIT_EVENTS.refused:
      return 'refused';
    case LEGAL_VISIT_EVENTS.outcome:
      return payload.outcome === 'not_held' ? 'not_held' : 'held';
    case LEGAL_VISIT_EVENTS.cancelled:
      return 'cancelled';
    default:
      return undefined;
  }
}

/** One request as the `legal-access` rule reads it. */
export interface LegalAccessInput {
  person: string;
  /** The request's day in the facility's zone: the day the finding is dated. */
  date: string;
  requestedAt: string;
  status: VisitState;
  startsAt: string | null;
  /** When the visit reached its final state (outcome, refusal or cancellation recorded); null while open. */
  closedAt: string | null;
}

/** One `legal-access` finding, before the monitor adds the rule's source. */
export interface LegalAccessFinding {
  severity: 'high' | 'medium';
  date: string;
  person: string;
  detail: string;
}

const DAY_MS = 86_400_000;

/**
 * The `legal-access` rule (Mandela Rule 61), per request (docs/domain.md, Standards compliance): each
 * request made on a day of the period is judged once its 7 days have run or it has been decided. It is met
 * when held at a time within 7 days of the request. It is a finding when refused, not held, held later, or
 * still requested or scheduled 7 days after the request (and when counsel cancelled it only after those 7
 * days). A request counsel cancelled within the 7 days is not judged; an open one whose 7 days have not
 * run yet is not evaluable.
 */
export function judgeLegalAccess(input: {
  from: string;
  to: string;
  now: string;
  visits: readonly LegalAccessInput[];
}): { evaluated: number; notEvaluable: number; findings: LegalAccessFinding[] } {
  const findings: LegalAccessFinding[] = [];
  let evaluated = 0;
  let notEvaluable = 0;
  const nowMs = Date.parse(input.now);
  for (const v of input.visits) {
    if (v.date < input.from || v.date > input.to) continue;
    const due = Date.parse(v.requestedAt) + LEGAL_ACCESS_DAYS * DAY_MS;
    const dueIso = new Date(due).toISOString();
    const find = (severity: 'high' | 'medium', detail: string) =>
      findings.push({ severity, date: v.date, person: v.person, detail });
    if (v.status === 'cancelled') {
      if (v.closedAt === null || Date.parse(v.closedAt) <= due) continue;
      evaluated++;
      find(
        'high',
        `not held within ${LEGAL_ACCESS_DAYS} days of the request (due ${dueIso}); cancelled by counsel ${v.closedAt}`,
      );
      continue;
    }
    if (v.status === 'requested' || v.status === 'scheduled') {
      if (nowMs <= due) {
        notEvaluable++;
        continue;
      }
      evaluated++;
      find(
        'high',
        v.status === 'requested'
          ? `requested ${v.requestedAt} and still not scheduled ${LEGAL_ACCESS_DAYS} days later (due ${dueIso})`
          : `requested ${v.requestedAt}, scheduled for ${v.startsAt}, and not recorded held by ${dueIso}`,
      );
      continue;
    }
    evaluated++;
    if (v.status === 'refused') find('high', `refused ${v.closedAt}; requested ${v.requestedAt}`);
    else if (v.status === 'not_held')
      find('high', `scheduled for ${v.startsAt} and not held; requested ${v.requestedAt}`);
    else if (v.startsAt !== null && Date.parse(v.startsAt) > due) {
      const days = (Date.parse(v.startsAt) - Date.parse(v.requestedAt)) / DAY_MS;
      find(
        'medium',
        `held ${v.startsAt}, ${days.toFixed(1)} days after the request; within ${LEGAL_ACCESS_DAYS} required`,
      );
    }
  }
  return { evaluated, notEvaluable, findings };
}
