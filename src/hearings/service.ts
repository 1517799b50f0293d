import { resolveAgreementId } from '../agreements/store.js';
import {
  type Action,
  authorize,
  can,
  inScope,
  type PolicySubject,
  scopeOf,
  visibility,
} from '../auth/policy.js';
import type { AppContext } from '../context.js';
import { DomainError, notFound } from '../core/errors.js';
import { event } from '../core/events.js';
import type { Db, Tx } from '../db/database.js';
import type { Actor, NewEvent } from '../ledger/events.js';
import { transact } from '../ledger/transact.js';
import { deriveStatus } from '../locator/model.js';
import { custodyFactsOf } from '../locator/store.js';
import { codeKey } from '../parties/model.js';
import { personSubject } from '../parties/visibility.js';
import { statesByRef } from '../people/store.js';
import { holdInTx } from '../transfers/holds.js';
import { orderReturnInTx } from '../transfers/return-service.js';
import { type AvailabilityFacts, availability, HORIZON_DAYS, type SlotOption } from './availability.js';
import {
  type Booking,
  type BookingTerms,
  bothZones,
  decideAmend,
  decideBooking,
  decideCancel,
  decideOutcome,
  decideTerms,
  flagsOf,
  hearingEvent,
  type TermsInput,
} from './model.js';
import { requireCourt, requireFacility, requireRoom } from './room-service.js';
import * as store from './store.js';
import { dayBounds, zoned } from './zones.js';

type Q = Db | Tx;

export { addRoom, blockRoom, listRooms, setCourtZone, setRoomSchedule } from './room-service.js';

const DAY = 86_400_000;
const dayOf = (now: Date) => now.toISOString().slice(0, 10);
const iso = (d: Date) => d.toISOString();

/** The facts availability needs for a person at a facility around an instant (±8 days). */
async function factsFor(q: Q, facilityId: string, zone: string, personId: string, around: number) {
  const from = new Date(around - (HORIZON_DAYS + 1) * DAY);
  const to = new Date(around + (HORIZON_DAYS + 1) * DAY);
  const [rooms, blocks, busy, person] = await Promise.all([
    store.roomsOf(q, facilityId),
    store.blocksOf(q, facilityId, from),
    store.roomBusy(q, facilityId, from, to),
    store.personBusy(q, personId, from, to),
  ]);
  const facts: AvailabilityFacts = {
    zone,
    rooms: rooms.map((r) => ({
      roomId: r.id,
      code: r.code,
      schedule: r.schedule,
      blocks: blocks
        .filter((b) => b.roomId === r.id)
        .map((b) => ({ id: b.id, from: b.from.getTime(), to: b.to.getTime() })),
      busy: busy.filter((b) => b.roomId === r.id),
    })),
    personBusy: person,
  };
  return facts;
}

/** The policy's view of a hearing: its court (for `own_courts`) and its person (clients, family, seals). */
async function hearingSubject(
  q: Q,
  personId: string,
  court: string,
  id: string,
  now: Date,
  disclosed = false,
) {
  const person = await personSubject(q, personId, dayOf(now));
  if (!person) throw notFound('person', personId);
  const subject: PolicySubject = { ...person, kind: 'hearing', id, courts: [codeKey(court)], disclosed };
  return subject;
}

/** A person named by id, or by ref within an agreement (id or code). */
async function resolvePerson(q: Q, person: string, agreement?: string) {
  if (/^[0-9a-f-]{36}$/i.test(person)) {
    const row = await q
      .selectFrom('people')
      .select(['id', 'agreement_id'])
      .where('id', '=', person)
      .executeTakeFirst();
    if (row) return { id: row.id, agreementId: row.agreement_id };
  }
  if (!agreement) throw notFound('person', person);
  const agreementId = await resolveAgreementId(q, agreement);
  if (!agreementId) throw notFound('agreement', agreement);
  const state = (await statesByRef(q, agreementId, [person])).get(person);
  if (!state) throw notFound('person_ref', person);
  return { id: state.personId, agreementId };
}

/** The facility a person is in custody at now; a hearing is booked only for someone held. */
async function custodyFacilityOf(q: Q, personId: string): Promise<string> {
  const row = await q
    .selectFrom('custody_intervals')
    .select('facility_id')
    .where('person_id', '=', personId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  if (!row)
    throw new DomainError(
      'rule_refusal',
      'hearing.not_in_custody',
      { personId },
      { details: { rule: 'hearing-custody' } },
    );
  return row.facility_id;
}

/** An option as the API shows it: room, main slot, and the slot in both zones. */
function presentOption(o: SlotOption, courtZone: string, facilityZone: string) {
  return {
    room: o.room,
    start: iso(new Date(o.start)),
    end: iso(new Date(o.end)),
    courtTime: zoned(o.start, courtZone),
    facilityTime: zoned(o.start, facilityZone),
  };
}

/** What does not fit: why, and up to 3 alternatives. */
type Unavailable = { conflicts: string[]; alternatives: Array<ReturnType<typeof presentOption>> };

/**
 * Whether a booking's terms fit at the facility (a room named, or any), judged against the rooms, their
 * blocks and bookings and the person's appointments; when not, why and the alternatives in both zones.
 */
async function judgeSlot(
  tx: Tx,
  facility: { id: string; timeZone: string },
  personId: string,
  terms: Pick<BookingTerms, 'start' | 'end' | 'preMinutes' | 'postMinutes'>,
  roomId: string | null,
  courtZone: string,
  now: Date,
  exclude?: string,
): Promise<{ fits: true; roomId: string } | ({ fits: false } & Unavailable)> {
  const start = Date.parse(terms.start);
  const facts = await factsFor(tx, facility.id, facility.timeZone, personId, start);
  const a = availability(
    {
      roomId,
      start,
      minutes: (Date.parse(terms.end) - start) / 60_000,
      pre: terms.preMinutes,
      post: terms.postMinutes,
      ...(exclude ? { exclude } : {}),
    },
    facts,
    now.getTime(),
  );
  if (a.fits) return { fits: true, roomId: a.option.roomId };
  return {
    fits: false,
    conflicts: a.conflicts,
    alternatives: a.alternatives.map((o) => presentOption(o, courtZone, facility.timeZone)),
  };
}

/** The booking input: who, which court, what, when (ISO instant), for how long, where (a room code or any). */
export interface BookInput {
  person: string;
  agreement?: string;
  court: string;
  hearingType: string;
  start: string;
  minutes: number;
  pre?: number | null;
  post?: number | null;
  room?: string | null;
  caseRef?: string | null;
  videoUrl?: string | null;
  counsel?: string | null;
  interpreter?: string | null;
}

/**
 * A court books a hearing for a person in custody, in one of the facility's rooms (the one named, or the
 * first free). When the slot does not fit, nothing is recorded and up to 3 alternatives are returned.
 */
export async function bookHearing(ctx: AppContext, actor: Actor, input: BookInput) {
  type Booked = { booked: true; id: string } | ({ booked: false } & Unavailable);
  const { result } = await transact<Booked>(ctx, actor, async (tx, now) => {
    const person = await resolvePerson(tx, input.person, input.agreement);
    const court = await requireCourt(tx, input.court);
    authorize(actor, 'hearing:book', await hearingSubject(tx, person.id, court.code, person.id, now, true));
    // Every time is shown on the court's clock and the facility's: a court whose clock is unknown cannot book.
    const courtZone = court.zone;
    if (!courtZone)
      throw new DomainError('rule_refusal', 'hearing.court_zone_missing', { court: court.code });
    const facility = await requireFacility(tx, await custodyFacilityOf(tx, person.id));
    const room = input.room ? await requireRoom(tx, facility.id, input.room) : null;
    const terms = decideTerms(
      { ...termsOf(input, court.id, room?.id ?? ''), hearingType: input.hearingType },
      now,
    );
    const slot = await judgeSlot(tx, facility, person.id, terms, room?.id ?? null, courtZone, now);
    if (!slot.fits)
      return {
        events: [],
        result: { booked: false as const, conflicts: slot.conflicts, alternatives: slot.alternatives },
      };
    const booked = decideBooking(
      {
        ...termsOf(input, court.id, slot.roomId),
        personId: person.id,
        agreementId: person.agreementId,
        facilityId: facility.id,
      },
      now,
      ctx.newId,
    );
    return {
      events: [event(hearingEvent.booked, `hearing:${booked.bookingId}`, booked, { newStream: true })],
      result: { booked: true as const, id: booked.bookingId },
    };
  });
  if (!result.booked) return result;
  return { booked: true as const, booking: await hearingById(ctx, result.id) };
}

function termsOf(input: Partial<BookInput>, courtId: string, roomId: string): TermsInput {
  return {
    courtId,
    roomId,
    hearingType: input.hearingType ?? '',
    start: input.start ?? '',
    minutes: input.minutes ?? 0,
    pre: input.pre,
    post: input.post,
    caseRef: input.caseRef,
    videoUrl: input.videoUrl,
    counsel: input.counsel,
    interpreter: input.interpreter,
  };
}

/** A booking row as the decisions see it. */
function bookingOf(row: store.HearingRow): Booking & { facilityId: string } {
  return {
    id: row.id,
    personId: row.personId,
    facilityId: row.facilityId,
    status: row.status,
    courtId: row.courtId,
    roomId: row.roomId,
    hearingType: row.hearingType,
    start: iso(row.start),
    end: iso(row.end),
    preMinutes: row.preMinutes,
    postMinutes: row.postMinutes,
    caseRef: row.caseRef,
    videoUrl: row.videoUrl,
    counsel: row.counsel,
    interpreter: row.interpreter,
  };
}

/** A hearing authorised for `action`; out of the actor's scope it is not found. */
async function authorizedHearing(q: Q, actor: Actor, action: Action, hearingId: string, now: Date) {
  const row = await store.findHearing(q, hearingId);
  if (!row) throw notFound('hearing', hearingId);
  authorize(actor, action, await hearingSubject(q, row.personId, row.court, hearingId, now));
  return row;
}

/** What an amendment may change: any term, the room by its code. */
export type AmendInput = Partial<Omit<BookInput, 'person' | 'agreement' | 'court'>> & {
  reason?: string | null;
};

/**
 * Amends a booked hearing; the new slot is checked as a booking is (its own old slot does not collide).
 * When it does not fit, nothing is recorded and up to 3 alternatives are returned.
 */
export async function amendHearing(ctx: AppContext, actor: Actor, hearingId: string, input: AmendInput) {
  type Amended = { amended: true } | ({ amended: false } & Unavailable);
  const { result } = await transact<Amended>(ctx, actor, async (tx, now) => {
    const row = await authorizedHearing(tx, actor, 'hearing:amend', hearingId, now);
    const facility = await requireFacility(tx, row.facilityId);
    const room = input.room ? await requireRoom(tx, facility.id, input.room) : undefined;
    const { room: _room, ...terms } = input;
    const amended = decideAmend(bookingOf(row), { ...terms, roomId: room?.id }, now);
    const courtZone = row.courtZone ?? facility.timeZone;
    const slot = await judgeSlot(tx, facility, row.personId, amended, amended.roomId, courtZone, now, row.id);
    if (!slot.fits)
      return {
        events: [],
        result: { amended: false as const, conflicts: slot.conflicts, alternatives: slot.alternatives },
      };
    return {
      events: [event(hearingEvent.amended, `hearing:${row.id}`, amended)],
      result: { amended: true as const },
    };
  });
  if (!result.amended) return result;
  return { amended: true as const, booking: await hearingById(ctx, hearingId) };
}

/** Cancels a booked hearing, with an optional reason. */
export async function cancelHearing(
  ctx: AppContext,
  actor: Actor,
  hearingId: string,
  input: { reason?: string | null },
) {
  await transact(ctx, actor, async (tx, now) => {
    const row = await authorizedHearing(tx, actor, 'hearing:cancel', hearingId, now);
    const cancelled = decideCancel(bookingOf(row), input, now);
    return { events: [event(hearingEvent.cancelled, `hearing:${row.id}`, cancelled)], result: null };
  });
  return hearingById(ctx, hearingId);
}

/** An outcome, and what the court ordered with it: a legal hold, or the person's return. */
export interface OutcomeInput {
  outcome: string;
  reasonCode?: string | null;
  reason?: string | null;
  /** A legal hold the court issued at the hearing (its type and case; the court is the hearing's). */
  hold?: { type: string; case: string } | null;
  /** A return the court ordered at the hearing (the case it was ordered in). */
  returnOrder?: { case: string } | null;
}

/**
 * Records a hearing's outcome; a legal hold or a court-ordered return made at the hearing is recorded in
 * the same transaction (the hold puts the person's open transfers on hold; the return starts the return
 * of the transfer that brought them).
 */
export async function recordOutcome(ctx: AppContext, actor: Actor, hearingId: string, input: OutcomeInput) {
  const { result } = await transact(ctx, actor, async (tx, now) => {
    const row = await authorizedHearing(tx, actor, 'hearing:outcome', hearingId, now);
    const outcome = decideOutcome(bookingOf(row), input, now);
    const events: NewEvent[] = [event(hearingEvent.outcome, `hearing:${row.id}`, outcome)];
    let followUp: ((t: Tx) => Promise<NewEvent[]>) | undefined;
    let holdId: string | null = null;
    if (input.hold) {
      const issued = iso(now).slice(0, 10);
      const hold = await holdInTx(
        ctx,
        tx,
        actor,
        row.personId,
        { type: input.hold.type, court: row.court, case: input.hold.case, issued },
        now,
      );
      events.push(...hold.events);
      followUp = hold.followUp;
      holdId = hold.result.holdId;
    }
    if (input.returnOrder) {
      const interval = await tx
        .selectFrom('custody_intervals')
        .select('transfer_id')
        .where('person_id', '=', row.personId)
        .where('ended_at', 'is', null)
        .executeTakeFirst();
      if (!interval)
        throw new DomainError('rule_refusal', 'hearing.not_in_custody', { personId: row.personId });
      events.push(
        ...(await orderReturnInTx(
          ctx,
          tx,
          actor,
          interval.transfer_id,
          { court: row.court, case: input.returnOrder.case },
          now,
        )),
      );
    }
    return { events, result: { holdId }, ...(followUp ? { followUp } : {}) };
  });
  return { ...(await hearingById(ctx, hearingId)), holdId: result.holdId };
}

/** A hearing as the API presents it: both zones, flags; never the person's cell. */
export async function presentHearing(q: Q, row: store.HearingRow, now: Date) {
  const facilityZone = row.facilityZone;
  const courtZone = row.courtZone ?? facilityZone;
  const where = deriveStatus(await custodyFactsOf(q, row.personId));
  const booking = bookingOf(row);
  return {
    id: row.id,
    personId: row.personId,
    personRef: row.personRef,
    name: `${row.givenNames} ${row.paternalSurname}`,
    facility: row.facility,
    court: row.court,
    room: row.room,
    hearingType: row.hearingType,
    start: iso(row.start),
    end: iso(row.end),
    ...bothZones(iso(row.start), iso(row.end), courtZone, facilityZone),
    preMinutes: row.preMinutes,
    postMinutes: row.postMinutes,
    caseRef: row.caseRef,
    videoUrl: row.videoUrl,
    counsel: row.counsel,
    interpreter: row.interpreter,
    status: row.status,
    reasonCode: row.reasonCode,
    reason: row.reason,
    version: row.version,
    bookedAt: iso(row.bookedAt),
    bookedBy: row.bookedBy,
    flags: flagsOf(booking, { status: where.status, facilityId: where.facilityId }, now),
  };
}

async function hearingById(ctx: AppContext, hearingId: string) {
  const db = ctx.handle.db;
  const row = await store.findHearing(db, hearingId);
  if (!row) throw notFound('hearing', hearingId);
  return presentHearing(db, row, ctx.clock.now());
}

/** The reason an amendment or a cancellation gave, from its history row's event payload. */
function reasonIn(details: unknown): string | null {
  if (typeof details !== 'object' || details === null || !('reason' in details)) return null;
  return typeof details.reason === 'string' ? details.reason : null;
}

/** One hearing with its history; out of the actor's scope it is not found. */
export async function hearing(ctx: AppContext, actor: Actor, hearingId: string) {
  const db = ctx.handle.db;
  const now = ctx.clock.now();
  const row = await authorizedHearing(db, actor, 'hearings:read', hearingId, now);
  const history = await store.historyOf(db, hearingId);
  return {
    ...(await presentHearing(db, row, now)),
    history: history.map((h) => ({
      version: h.version,
      kind: h.kind,
      at: iso(h.at),
      actor: h.actor,
      changed: h.changed,
      reason: reasonIn(h.details),
    })),
  };
}

/** Keeps the rows the actor may read (a court: its courts' hearings; counsel: their clients'; …). */
async function readable(q: Q, actor: Actor, rows: store.HearingRow[], now: Date) {
  if (visibility(actor, 'hearings:read').kind === 'all') return rows;
  const kept: store.HearingRow[] = [];
  for (const row of rows)
    if (inScope(actor, 'hearings:read', await hearingSubject(q, row.personId, row.court, row.id, now)))
      kept.push(row);
  return kept;
}

/**
 * The hearings of a local day in `zone` that `query` finds, as the actor may read them: the shared body of
 * the facility's and the court's day lists.
 */
async function hearingsOfDay(
  ctx: AppContext,
  actor: Actor,
  date: string,
  zone: string,
  query: (q: Q, from: Date, to: Date) => Promise<store.HearingRow[]>,
) {
  if (!can(actor.role, 'hearings:read')) authorize(actor, 'hearings:read');
  const db = ctx.handle.db;
  const now = ctx.clock.now();
  const { from, to } = dayBounds(date, zone);
  const rows = await readable(db, actor, await query(db, new Date(from), new Date(to)), now);
  return Promise.all(rows.map((r) => presentHearing(db, r, now)));
}

/** The facility's hearings on a local date, by room then start: the officers' list of whom to bring where. */
export async function facilityDayList(ctx: AppContext, actor: Actor, facilityRef: string, date: string) {
  const facility = await requireFacility(ctx.handle.db, facilityRef);
  const hearings = await hearingsOfDay(ctx, actor, date, facility.timeZone, (q, from, to) =>
    store.hearingsAtFacility(q, facility.id, from, to),
  );
  return { facility: facility.code, timeZone: facility.timeZone, date, hearings };
}

/** A court's hearings on a date in the court's zone, by start. */
export async function courtDayList(ctx: AppContext, actor: Actor, courtRef: string, date: string) {
  const court = await requireCourt(ctx.handle.db, courtRef);
  const zone = court.zone ?? 'UTC';
  const hearings = await hearingsOfDay(ctx, actor, date, zone, (q, from, to) =>
    store.hearingsOfCourt(q, court.id, from, to),
  );
  return { court: court.code, timeZone: zone, date, hearings };
}

/**
 * A person's hearings, latest first; a family contact sees only the next one still booked. A person out
 * of the actor's scope is not found.
 */
export async function personHearings(ctx: AppContext, actor: Actor, personId: string) {
  const db = ctx.handle.db;
  const now = ctx.clock.now();
  const subject = await personSubject(db, personId, dayOf(now));
  if (!subject) throw notFound('person', personId);
  const scope = scopeOf(actor.role, 'hearings:read');
  if (scope === undefined) authorize(actor, 'hearings:read');
  // A court reads its own courts' hearings of anyone; every other scope turns on the person.
  if (scope !== 'own_courts' && !inScope(actor, 'hearings:read', subject)) throw notFound('person', personId);
  const rows = await readable(db, actor, await store.hearingsOfPerson(db, personId), now);
  let shown = rows;
  // A family contact's scope is their person, and what the policy lets them see of it is the next hearing.
  if (scope === 'own_person') {
    const next = rows
      .filter((r) => r.status === 'booked' && r.start.getTime() >= now.getTime())
      .sort((a, b) => a.start.getTime() - b.start.getTime())[0];
    shown = next ? [next] : [];
  }
  // The zone of the facility holding the person: the clock a new booking is typed on.
  const held = await db
    .selectFrom('custody_intervals as i')
    .innerJoin('facilities as f', 'f.id', 'i.facility_id')
    .select('f.time_zone')
    .where('i.person_id', '=', personId)
    .where('i.ended_at', 'is', null)
    .executeTakeFirst();
  return {
    personId,
    facilityZone: held?.time_zone ?? null,
    hearings: await Promise.all(shown.map((r) => presentHearing(db, r, now))),
  };
}
