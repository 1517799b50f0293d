import { z } from 'zod';
import { DomainError } from '../core/errors.js';
import { defineEvent } from '../core/events.js';
import type { MessageKey, MessageParams } from '../core/messages/index.js';
import { type ScheduleRow, scheduleRowSchema } from './rooms.js';
import { isTimeZone, type ZonedTime, zoned } from './zones.js';

/**
 * Video-link hearings (docs/domain.md, Video-link hearings; decision 0029): a court books a hearing for a
 * person in a facility's hearing room — a main slot with optional pre and post minutes (e.g. 15 with
 * counsel) — amends or cancels it with every change kept, and records its outcome. Availability is in
 * availability.ts, rooms and their schedules in rooms.ts. Pure: time and ids are parameters.
 */

/** The kinds of hearing (docs/domain.md). */
export const HEARING_TYPES = [
  'arraignment',
  'bail',
  'plea',
  'sentencing',
  'habeas',
  'immigration',
  'appeal',
  'other',
] as const;
export type HearingType = (typeof HEARING_TYPES)[number];

/** What became of a hearing. */
export const HEARING_OUTCOMES = ['held', 'adjourned', 'not_produced'] as const;
export type HearingOutcome = (typeof HEARING_OUTCOMES)[number];

/** Why a person was not produced before the court (required with `not_produced`). */
export const NOT_PRODUCED_REASONS = [
  'refused',
  'unwell',
  'room_unavailable',
  'link_failed',
  'transferred',
  'released',
] as const;
export type NotProducedReason = (typeof NOT_PRODUCED_REASONS)[number];

/** Where a booking stands: `booked` until cancelled or its outcome is recorded; the others are final. */
export const BOOKING_STATES = ['booked', 'cancelled', ...HEARING_OUTCOMES] as const;
export type BookingState = (typeof BOOKING_STATES)[number];

/** Bounds on a booking's minutes: a main slot of 5 minutes to 8 hours, pre and post up to 2 hours. */
export const MAIN_MINUTES = { min: 5, max: 480 } as const;
export const EXTRA_MINUTES = { min: 0, max: 120 } as const;

/** A booking with no video URL this close to its start is flagged to the court. */
export const VIDEO_URL_DUE_MS = 24 * 3_600_000;

export const HEARING_EVENTS = {
  courtZoneSet: 'court.zone_set',
  roomCreated: 'room.created',
  roomScheduleSet: 'room.schedule_set',
  roomBlocked: 'room.blocked',
  booked: 'hearing.booked',
  amended: 'hearing.amended',
  cancelled: 'hearing.cancelled',
  outcome: 'hearing.outcome_recorded',
} as const;

/** A court's zone and jurisdiction (the court itself is a party of kind `court`). */
export const courtZoneSetSchema = z.object({
  courtId: z.string(),
  zone: z.string(),
  jurisdiction: z.string().nullable(),
  at: z.string(),
});
export type CourtZoneSet = z.output<typeof courtZoneSetSchema>;

export const roomCreatedSchema = z.object({
  roomId: z.string(),
  facilityId: z.string(),
  code: z.string(),
  name: z.string(),
  at: z.string(),
});
export type RoomCreated = z.output<typeof roomCreatedSchema>;

export const roomScheduleSetSchema = z.object({
  roomId: z.string(),
  rows: z.array(scheduleRowSchema),
  at: z.string(),
});
export type RoomScheduleSet = z.output<typeof roomScheduleSetSchema>;

export const roomBlockedSchema = z.object({
  roomId: z.string(),
  blockId: z.string(),
  from: z.string(),
  to: z.string(),
  reason: z.string(),
  at: z.string(),
});
export type RoomBlocked = z.output<typeof roomBlockedSchema>;

/** The facts of a booking that amendments change: each amendment carries all of them again. */
export const bookingTermsSchema = z.object({
  courtId: z.string(),
  roomId: z.string(),
  hearingType: z.enum(HEARING_TYPES),
  /** The main slot, instants. */
  start: z.string(),
  end: z.string(),
  preMinutes: z.number().int(),
  postMinutes: z.number().int(),
  caseRef: z.string().nullable(),
  videoUrl: z.string().nullable(),
  counsel: z.string().nullable(),
  /** The language an interpreter is needed for (BCP 47, e.g. `es`); null when none. */
  interpreter: z.string().nullable(),
});
export type BookingTerms = z.output<typeof bookingTermsSchema>;

export const hearingBookedSchema = bookingTermsSchema.extend({
  bookingId: z.string(),
  personId: z.string(),
  agreementId: z.string(),
  facilityId: z.string(),
  at: z.string(),
});
export type HearingBooked = z.output<typeof hearingBookedSchema>;

export const hearingAmendedSchema = bookingTermsSchema.extend({
  bookingId: z.string(),
  personId: z.string(),
  /** The fields this amendment changed, for the history. */
  changed: z.array(z.string()),
  /** Why the court amended the booking (absent in amendments recorded before it was asked). */
  reason: z.string().nullable().optional(),
  at: z.string(),
});
export type HearingAmended = z.output<typeof hearingAmendedSchema>;

export const hearingCancelledSchema = z.object({
  bookingId: z.string(),
  personId: z.string(),
  reason: z.string().nullable(),
  at: z.string(),
});
export type HearingCancelled = z.output<typeof hearingCancelledSchema>;

export const hearingOutcomeSchema = z.object({
  bookingId: z.string(),
  personId: z.string(),
  outcome: z.enum(HEARING_OUTCOMES),
  reasonCode: z.enum(NOT_PRODUCED_REASONS).nullable(),
  reason: z.string().nullable(),
  at: z.string(),
});
export type HearingOutcomeRecorded = z.output<typeof hearingOutcomeSchema>;

/** The hearing and room event types, each with its payload schema. */
export const hearingEvent = {
  courtZoneSet: defineEvent(HEARING_EVENTS.courtZoneSet, courtZoneSetSchema),
  roomCreated: defineEvent(HEARING_EVENTS.roomCreated, roomCreatedSchema),
  roomScheduleSet: defineEvent(HEARING_EVENTS.roomScheduleSet, roomScheduleSetSchema),
  roomBlocked: defineEvent(HEARING_EVENTS.roomBlocked, roomBlockedSchema),
  booked: defineEvent(HEARING_EVENTS.booked, hearingBookedSchema),
  amended: defineEvent(HEARING_EVENTS.amended, hearingAmendedSchema),
  cancelled: defineEvent(HEARING_EVENTS.cancelled, hearingCancelledSchema),
  outcome: defineEvent(HEARING_EVENTS.outcome, hearingOutcomeSchema),
};

/** A booking as the decisions see it. */
export interface Booking extends BookingTerms {
  id: string;
  personId: string;
  status: BookingState;
}

function bad<K extends MessageKey>(key: K, params: MessageParams<K>, rule: string): DomainError {
  return new DomainError('invalid_input', key, params, { details: { rule } });
}

function oneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

/** Decides a court's zone: an IANA zone Intl knows. */
export function decideCourtZone(
  courtId: string,
  input: { zone: string; jurisdiction?: string | null },
  now: Date,
): CourtZoneSet {
  if (!isTimeZone(input.zone)) throw bad('hearing.zone_unknown', { zone: String(input.zone) }, 'court-zone');
  return {
    courtId,
    zone: input.zone,
    jurisdiction: input.jurisdiction?.trim() || null,
    at: now.toISOString(),
  };
}

/** Decides a new room: a code of letters, digits and - _ . and a name. */
export function decideRoom(
  input: { facilityId: string; code: string; name: string },
  now: Date,
  newId: () => string,
): RoomCreated {
  const code = typeof input.code === 'string' ? input.code.trim() : '';
  if (!/^[\p{L}\p{N}][\p{L}\p{N}._-]{0,39}$/u.test(code))
    throw bad('room.code_invalid', { code }, 'room-code');
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  return { roomId: newId(), facilityId: input.facilityId, code, name: name || code, at: now.toISOString() };
}

/** What a booking request or amendment says, as typed (times ISO instants, minutes whole numbers). */
export interface TermsInput {
  courtId: string;
  roomId: string;
  hearingType: string;
  start: string;
  minutes: number;
  pre?: number | null;
  post?: number | null;
  caseRef?: string | null;
  videoUrl?: string | null;
  counsel?: string | null;
  interpreter?: string | null;
}

function minutes(value: unknown, field: string, bounds: { min: number; max: number }): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < bounds.min || value > bounds.max)
    throw bad(
      'hearing.minutes_invalid',
      { field, value: String(value), min: bounds.min, max: bounds.max },
      'hearing-minutes',
    );
  return value;
}

/** A video URL: https only, since a hearing link carries a court's meeting room. */
function videoUrlOf(value: string | null | undefined): string | null {
  const url = value?.trim() ?? '';
  if (url === '') return null;
  if (!URL.canParse(url) || new URL(url).protocol !== 'https:')
    throw bad('hearing.video_url_invalid', { url }, 'hearing-video-url');
  return url;
}

function interpreterOf(value: string | null | undefined): string | null {
  const lang = value?.trim() ?? '';
  if (lang === '') return null;
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(lang))
    throw bad('hearing.interpreter_invalid', { language: lang }, 'hearing-interpreter');
  return lang;
}

/**
 * Checks and normalises a booking's terms: a known hearing type, a main slot of 5–480 minutes starting
 * at an instant not in the past, pre and post of 0–120 minutes, an https video URL if any, an
 * interpreter language as a BCP 47 tag if any. Whether the slot is free is availability's question.
 */
export function decideTerms(input: TermsInput, now: Date): BookingTerms {
  if (!oneOf(HEARING_TYPES, input.hearingType))
    throw bad(
      'hearing.type_unknown',
      { type: String(input.hearingType), values: HEARING_TYPES },
      'hearing-type',
    );
  const start = Date.parse(input.start);
  if (typeof input.start !== 'string' || Number.isNaN(start))
    throw bad('hearing.time_invalid', { value: String(input.start) }, 'hearing-start');
  if (start < now.getTime())
    throw bad('hearing.start_past', { start: new Date(start).toISOString() }, 'hearing-start');
  const main = minutes(input.minutes, 'minutes', MAIN_MINUTES);
  return {
    courtId: input.courtId,
    roomId: input.roomId,
    hearingType: input.hearingType,
    start: new Date(start).toISOString(),
    end: new Date(start + main * 60_000).toISOString(),
    preMinutes: minutes(input.pre ?? 0, 'pre', EXTRA_MINUTES),
    postMinutes: minutes(input.post ?? 0, 'post', EXTRA_MINUTES),
    caseRef: input.caseRef?.trim() || null,
    videoUrl: videoUrlOf(input.videoUrl),
    counsel: input.counsel?.trim() || null,
    interpreter: interpreterOf(input.interpreter),
  };
}

/** Decides a booking, once availability has said its slot fits. */
export function decideBooking(
  input: TermsInput & { personId: string; agreementId: string; facilityId: string },
  now: Date,
  newId: () => string,
): HearingBooked {
  const terms = decideTerms(input, now);
  return {
    bookingId: newId(),
    personId: input.personId,
    agreementId: input.agreementId,
    facilityId: input.facilityId,
    ...terms,
    at: now.toISOString(),
  };
}

function requireBooked(booking: Booking, step: string): void {
  if (booking.status === 'booked') return;
  throw new DomainError(
    'conflict',
    'hearing.wrong_state',
    { bookingId: booking.id, status: booking.status, step },
    { details: { rule: 'hearing-state', status: booking.status } },
  );
}

const TERM_FIELDS = Object.keys(bookingTermsSchema.shape) as Array<keyof BookingTerms>;

/**
 * Decides an amendment of a booked hearing not yet started: the new terms in full (what was not given is
 * kept), and the fields that changed. An amendment that changes nothing is refused.
 */
export function decideAmend(
  booking: Booking,
  input: Partial<TermsInput> & { reason?: string | null },
  now: Date,
): HearingAmended {
  requireBooked(booking, 'amend');
  if (Date.parse(booking.start) <= now.getTime())
    throw bad('hearing.started', { start: booking.start }, 'hearing-amend');
  const minutesNow = (Date.parse(booking.end) - Date.parse(booking.start)) / 60_000;
  const terms = decideTerms(
    {
      courtId: input.courtId ?? booking.courtId,
      roomId: input.roomId ?? booking.roomId,
      hearingType: input.hearingType ?? booking.hearingType,
      start: input.start ?? booking.start,
      minutes: input.minutes ?? minutesNow,
      pre: input.pre ?? booking.preMinutes,
      post: input.post ?? booking.postMinutes,
      caseRef: input.caseRef === undefined ? booking.caseRef : input.caseRef,
      videoUrl: input.videoUrl === undefined ? booking.videoUrl : input.videoUrl,
      counsel: input.counsel === undefined ? booking.counsel : input.counsel,
      interpreter: input.interpreter === undefined ? booking.interpreter : input.interpreter,
    },
    now,
  );
  const changed = TERM_FIELDS.filter((f) => terms[f] !== booking[f]);
  if (changed.length === 0) throw bad('hearing.nothing_changed', { bookingId: booking.id }, 'hearing-amend');
  return {
    bookingId: booking.id,
    personId: booking.personId,
    ...terms,
    changed,
    reason: input.reason?.trim() || null,
    at: now.toISOString(),
  };
}

/** Decides cancelling a booked hearing, with an optional reason. */
export function decideCancel(
  booking: Booking,
  input: { reason?: string | null },
  now: Date,
): HearingCancelled {
  requireBooked(booking, 'cancel');
  return {
    bookingId: booking.id,
    personId: booking.personId,
    reason: input.reason?.trim() || null,
    at: now.toISOString(),
  };
}

/**
 * Decides a hearing's outcome, once its main slot has started: held, adjourned, or not produced with a
 * reason code (and an optional text). An outcome is recorded once.
 */
export function decideOutcome(
  booking: Booking,
  input: { outcome: string; reasonCode?: string | null; reason?: string | null },
  now: Date,
): HearingOutcomeRecorded {
  requireBooked(booking, 'outcome');
  if (now.getTime() < Date.parse(booking.start))
    throw bad('hearing.not_started', { start: booking.start }, 'hearing-outcome');
  if (!oneOf(HEARING_OUTCOMES, input.outcome))
    throw bad(
      'hearing.outcome_unknown',
      { outcome: String(input.outcome), values: HEARING_OUTCOMES },
      'hearing-outcome',
    );
  const reason = input.reason?.trim() || null;
  if (input.outcome !== 'not_produced')
    return {
      bookingId: booking.id,
      personId: booking.personId,
      outcome: input.outcome,
      reasonCode: null,
      reason,
      at: now.toISOString(),
    };
  const code = input.reasonCode ?? '';
  if (!oneOf(NOT_PRODUCED_REASONS, code))
    throw bad(
      'hearing.reason_required',
      { reasonCode: String(code), values: NOT_PRODUCED_REASONS },
      'hearing-not-produced',
    );
  return {
    bookingId: booking.id,
    personId: booking.personId,
    outcome: 'not_produced',
    reasonCode: code,
    reason,
    at: now.toISOString(),
  };
}

/** The state a booking is in after an event of `type` (the projector and the property tests share it). */
export function stateAfter(type: string, payload: object): BookingState | undefined {
  switch (type) {
    case HEARING_EVENTS.booked:
    case HEARING_EVENTS.amended:
      return 'booked';
    case HEARING_EVENTS.cancelled:
      return 'cancelled';
    case HEARING_EVENTS.outcome:
      return 'outcome' in payload && oneOf(HEARING_OUTCOMES, payload.outcome) ? payload.outcome : undefined;
    default:
      return undefined;
  }
}

/** Why a booking needs attention before it is held. */
export const BOOKING_FLAGS = ['no_video_url', 'person_released', 'person_returned', 'person_moved'] as const;
export type BookingFlag = (typeof BOOKING_FLAGS)[number];

/** The person as the flags read them: their custody status and the facility holding them, if any. */
export interface PersonWhereabouts {
  status: 'in_custody' | 'in_transit' | 'released' | 'returned' | 'not_in_custody';
  facilityId: string | null;
}

/**
 * The flags of a booked hearing at `now`: no video URL within 24 hours of its start; the person released,
 * returned, or no longer at the booking's facility (moved, or in transit). A booking is flagged, never
 * silently kept or silently cancelled. A hearing no longer booked has no flags.
 */
export function flagsOf(
  booking: Pick<Booking, 'status' | 'start' | 'videoUrl'> & { facilityId: string },
  person: PersonWhereabouts,
  now: Date,
): BookingFlag[] {
  if (booking.status !== 'booked') return [];
  const flags: BookingFlag[] = [];
  if (booking.videoUrl === null && Date.parse(booking.start) - now.getTime() <= VIDEO_URL_DUE_MS)
    flags.push('no_video_url');
  if (person.status === 'released') flags.push('person_released');
  else if (person.status === 'returned') flags.push('person_returned');
  else if (person.facilityId !== booking.facilityId) flags.push('person_moved');
  return flags;
}

/** A booking's main slot shown in the court's zone and the facility's. */
export function bothZones(
  start: string,
  end: string,
  courtZone: string,
  facilityZone: string,
): { courtTime: ZonedTime; facilityTime: ZonedTime; courtEnd: ZonedTime; facilityEnd: ZonedTime } {
  const s = Date.parse(start);
  const e = Date.parse(end);
  return {
    courtTime: zoned(s, courtZone),
    facilityTime: zoned(s, facilityZone),
    courtEnd: zoned(e, courtZone),
    facilityEnd: zoned(e, facilityZone),
  };
}

/** A schedule, as the events carry it. */
export type { ScheduleRow };

/**
 * Repeated `not_produced` (docs/domain.md: an oversight finding, access to courts): the people not produced
 * at least `threshold` times among `outcomes`, with their counts and dates, most first.
 */
export function repeatedNotProduced(
  outcomes: ReadonlyArray<{ personId: string; outcome: HearingOutcome; start: string }>,
  threshold = 2,
): Array<{ personId: string; count: number; starts: string[] }> {
  const by = new Map<string, string[]>();
  for (const o of outcomes) {
    if (o.outcome !== 'not_produced') continue;
    const list = by.get(o.personId) ?? [];
    list.push(o.start);
    by.set(o.personId, list);
  }
  return [...by]
    .filter(([, starts]) => starts.length >= threshold)
    .map(([personId, starts]) => ({ personId, count: starts.length, starts: starts.sort() }))
    .sort((a, b) => b.count - a.count || a.personId.localeCompare(b.personId));
}

/** One hearing with an outcome, as the `access-to-courts` rule reads it. */
export interface CourtAccessInput {
  person: string;
  /** The hearing's day in the facility's zone: the day a finding is dated. */
  date: string;
  outcome: HearingOutcome;
  reasonCode: string | null;
}

/**
 * The `access-to-courts` rule (docs/domain.md: repeated `not_produced` is an oversight finding): every
 * hearing of the period with an outcome is judged; a person not produced a second time (and each time
 * after) in the period is a `high` finding, dated by that hearing, naming the earlier dates and reasons.
 * A single `not_produced` is judged and not a finding: a link can fail once.
 */
export function judgeAccessToCourts(input: {
  from: string;
  to: string;
  hearings: readonly CourtAccessInput[];
}): {
  evaluated: number;
  notEvaluable: number;
  findings: Array<{ severity: 'high'; date: string; person: string; detail: string }>;
} {
  const findings: Array<{ severity: 'high'; date: string; person: string; detail: string }> = [];
  const before = new Map<string, string[]>();
  let evaluated = 0;
  const inPeriod = input.hearings
    .filter((h) => h.date >= input.from && h.date <= input.to)
    .sort((a, b) => a.date.localeCompare(b.date));
  for (const h of inPeriod) {
    evaluated++;
    if (h.outcome !== 'not_produced') continue;
    const earlier = before.get(h.person) ?? [];
    const here = `${h.date} (${h.reasonCode ?? 'no reason'})`;
    if (earlier.length > 0)
      findings.push({
        severity: 'high',
        date: h.date,
        person: h.person,
        detail: `not produced before the court again on ${here}; also ${earlier.join(', ')}`,
      });
    before.set(h.person, [...earlier, here]);
  }
  return { evaluated, notEvaluable: 0, findings };
}
