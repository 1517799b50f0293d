import type { Db, Tx } from '../db/database.js';
import { type FeatureEvents, projection } from '../ledger/registry.js';
import type { Busy } from './availability.js';
import { type BookingTerms, hearingEvent } from './model.js';
import { type ScheduleRow, scheduleRowSchema } from './rooms.js';

type Q = Db | Tx;

const MINUTE = 60_000;

/** The stretch a booking occupies: pre minutes before its start to post minutes after its end. */
function occupied(t: Pick<BookingTerms, 'start' | 'end' | 'preMinutes' | 'postMinutes'>) {
  return {
    occupied_from: new Date(Date.parse(t.start) - t.preMinutes * MINUTE),
    occupied_to: new Date(Date.parse(t.end) + t.postMinutes * MINUTE),
  };
}

/** A booking's terms as columns. */
function termColumns(t: BookingTerms) {
  return {
    court_id: t.courtId,
    room_id: t.roomId,
    hearing_type: t.hearingType,
    starts_at: new Date(t.start),
    ends_at: new Date(t.end),
    pre_minutes: t.preMinutes,
    post_minutes: t.postMinutes,
    ...occupied(t),
    case_ref: t.caseRef,
    video_url: t.videoUrl,
    counsel: t.counsel,
    interpreter: t.interpreter,
  };
}

/** Appends a history row at the hearing's next version and sets that version on the hearing. */
async function history(
  tx: Tx,
  hearingId: string,
  kind: 'booked' | 'amended' | 'cancelled' | 'outcome',
  e: { actor: string; payload: { at: string } },
  changed: readonly string[],
): Promise<number> {
  const row = await tx
    .selectFrom('hearings')
    .select('version')
    .where('id', '=', hearingId)
    .executeTakeFirst();
  const version = (row?.version ?? 0) + (kind === 'booked' ? 0 : 1);
  await tx
    .insertInto('hearing_history')
    .values({
      hearing_id: hearingId,
      version,
      kind,
      at: new Date(e.payload.at),
      actor: e.actor,
      changed: JSON.stringify(changed),
      details: JSON.stringify(e.payload),
    })
    .execute();
  return version;
}

/** Projections of courts' zones, rooms, blocks, bookings and their history. */
export const hearingEvents: FeatureEvents = {
  feature: 'hearings',
  tables: [
    { table: 'courts', orderBy: 'party_id' },
    { table: 'hearing_rooms', orderBy: 'id' },
    { table: 'room_blocks', orderBy: 'id' },
    { table: 'hearings', orderBy: 'id' },
    { table: 'hearing_history', orderBy: 'hearing_id, version' },
  ],
  events: [
    projection(hearingEvent.courtZoneSet, async (tx, e) => {
      const p = e.payload;
      const row = { time_zone: p.zone, jurisdiction: p.jurisdiction, set_at: new Date(p.at) };
      await tx
        .insertInto('courts')
        .values({ party_id: p.courtId, ...row })
        .onConflict((oc) => oc.column('party_id').doUpdateSet(row))
        .execute();
    }),
    projection(hearingEvent.roomCreated, async (tx, e) => {
      const p = e.payload;
      await tx
        .insertInto('hearing_rooms')
        .values({
          id: p.roomId,
          facility_id: p.facilityId,
          code: p.code,
          name: p.name,
          schedule: '[]',
          created_at: new Date(p.at),
        })
        .execute();
    }),
    projection(hearingEvent.roomScheduleSet, async (tx, e) => {
      await tx
        .updateTable('hearing_rooms')
        .set({ schedule: JSON.stringify(e.payload.rows) })
        .where('id', '=', e.payload.roomId)
        .execute();
    }),
    projection(hearingEvent.roomBlocked, async (tx, e) => {
      const p = e.payload;
      await tx
        .insertInto('room_blocks')
        .values({
          id: p.blockId,
          room_id: p.roomId,
          from_at: new Date(p.from),
          to_at: new Date(p.to),
          reason: p.reason,
          blocked_at: new Date(p.at),
          blocked_by: e.actor,
        })
        .execute();
    }),
    projection(hearingEvent.booked, async (tx, e) => {
      const p = e.payload;
      await tx
        .insertInto('hearings')
        .values({
          id: p.bookingId,
          person_id: p.personId,
          agreement_id: p.agreementId,
          facility_id: p.facilityId,
          ...termColumns(p),
          status: 'booked',
          reason_code: null,
          reason: null,
          version: 1,
          booked_at: new Date(p.at),
          booked_by: e.actor,
          amended_at: null,
          closed_at: null,
          closed_by: null,
        })
        .execute();
      await history(tx, p.bookingId, 'booked', e, []);
    }),
    projection(hearingEvent.amended, async (tx, e) => {
      const p = e.payload;
      const version = await history(tx, p.bookingId, 'amended', e, p.changed);
      await tx
        .updateTable('hearings')
        .set({ ...termColumns(p), version, amended_at: new Date(p.at) })
        .where('id', '=', p.bookingId)
        .execute();
    }),
    projection(hearingEvent.cancelled, async (tx, e) => {
      const p = e.payload;
      const version = await history(tx, p.bookingId, 'cancelled', e, ['status']);
      await tx
        .updateTable('hearings')
        .set({
          status: 'cancelled',
          reason: p.reason,
          version,
          closed_at: new Date(p.at),
          closed_by: e.actor,
        })
        .where('id', '=', p.bookingId)
        .execute();
    }),
    projection(hearingEvent.outcome, async (tx, e) => {
      const p = e.payload;
      const version = await history(tx, p.bookingId, 'outcome', e, ['status']);
      await tx
        .updateTable('hearings')
        .set({
          status: p.outcome,
          reason_code: p.reasonCode,
          reason: p.reason,
          version,
          closed_at: new Date(p.at),
          closed_by: e.actor,
        })
        .where('id', '=', p.bookingId)
        .execute();
    }),
  ],
};

/** A stored schedule, read back through its schema (the projection wrote what the event carried). */
export function scheduleOf(value: unknown): ScheduleRow[] {
  const parsed = scheduleRowSchema.array().safeParse(value);
  return parsed.success ? parsed.data : [];
}

/** A court (a party of kind `court`) by code or id, with its zone when one is set. */
export async function findCourt(q: Q, codeOrId: string) {
  const isId = /^[0-9a-f-]{36}$/i.test(codeOrId);
  return q
    .selectFrom('parties as p')
    .leftJoin('courts as c', 'c.party_id', 'p.id')
    .select(['p.id', 'p.code', 'p.name', 'c.time_zone as zone', 'c.jurisdiction'])
    .where('p.kind', '=', 'court')
    .where((eb) => (isId ? eb('p.id', '=', codeOrId) : eb('p.code', '=', codeOrId)))
    .executeTakeFirst();
}

/** A facility's rooms with their schedules, by code. */
export async function roomsOf(q: Q, facilityId: string) {
  const rows = await q
    .selectFrom('hearing_rooms')
    .select(['id', 'facility_id as facilityId', 'code', 'name', 'schedule', 'created_at as createdAt'])
    .where('facility_id', '=', facilityId)
    .orderBy('code')
    .execute();
  return rows.map((r) => ({ ...r, schedule: scheduleOf(r.schedule) }));
}

/** One room by id. */
export async function findRoomById(q: Q, roomId: string) {
  const r = await q
    .selectFrom('hearing_rooms')
    .select(['id', 'facility_id as facilityId', 'code', 'name', 'schedule', 'created_at as createdAt'])
    .where('id', '=', roomId)
    .executeTakeFirst();
  return r && { ...r, schedule: scheduleOf(r.schedule) };
}

/** The blocks of a facility's rooms that end after `from`. */
export async function blocksOf(q: Q, facilityId: string, from: Date) {
  return q
    .selectFrom('room_blocks as b')
    .innerJoin('hearing_rooms as r', 'r.id', 'b.room_id')
    .select(['b.id', 'b.room_id as roomId', 'b.from_at as from', 'b.to_at as to', 'b.reason'])
    .where('r.facility_id', '=', facilityId)
    .where('b.to_at', '>', from)
    .orderBy('b.from_at')
    .execute();
}

/**
 * What keeps a facility's rooms busy in [from, to): booked hearings (pre to post) and scheduled legal
 * visits (by the room code they name), each with the room's id.
 */
export async function roomBusy(q: Q, facilityId: string, from: Date, to: Date) {
  const [hearings, visits] = await Promise.all([
    q
      .selectFrom('hearings')
      .select(['id', 'room_id as roomId', 'occupied_from as from', 'occupied_to as to'])
      .where('facility_id', '=', facilityId)
      .where('status', '=', 'booked')
      .where('occupied_to', '>', from)
      .where('occupied_from', '<', to)
      .execute(),
    q
      .selectFrom('legal_visits as v')
      .innerJoin('hearing_rooms as r', (j) =>
        j.onRef('r.code', '=', 'v.room').onRef('r.facility_id', '=', 'v.facility_id'),
      )
      .select(['v.id', 'r.id as roomId', 'v.starts_at as from', 'v.ends_at as to'])
      .where('v.facility_id', '=', facilityId)
      .where('v.status', '=', 'scheduled')
      .where('v.ends_at', '>', from)
      .where('v.starts_at', '<', to)
      .execute(),
  ]);
  const busy: Array<Busy & { roomId: string }> = [];
  for (const r of [...hearings, ...visits])
    if (r.from && r.to) busy.push({ id: r.id, roomId: r.roomId, from: r.from.getTime(), to: r.to.getTime() });
  return busy;
}

/** A manifest keeps the people on it busy from 4 hours before its scheduled departure to 12 hours after. */
const MANIFEST_BEFORE_MS = 4 * 3_600_000;
const MANIFEST_AFTER_MS = 12 * 3_600_000;

/** A person's other appointments in [from, to): booked hearings, scheduled legal visits, open manifests. */
export async function personBusy(q: Q, personId: string, from: Date, to: Date): Promise<Busy[]> {
  const [hearings, visits, manifests] = await Promise.all([
    q
      .selectFrom('hearings')
      .select(['id', 'occupied_from as from', 'occupied_to as to'])
      .where('person_id', '=', personId)
      .where('status', '=', 'booked')
      .where('occupied_to', '>', from)
      .where('occupied_from', '<', to)
      .execute(),
    q
      .selectFrom('legal_visits')
      .select(['id', 'starts_at as from', 'ends_at as to'])
      .where('person_id', '=', personId)
      .where('status', '=', 'scheduled')
      .execute(),
    q
      .selectFrom('manifest_entries as e')
      .innerJoin('manifests as m', 'm.id', 'e.manifest_id')
      .select(['m.id', 'm.scheduled_departure as departure'])
      .where('e.person_id', '=', personId)
      .where('e.status', 'in', ['added', 'boarded'])
      .where('m.status', 'in', ['open', 'departed'])
      .execute(),
  ]);
  const busy: Busy[] = [];
  for (const r of [...hearings, ...visits])
    if (r.from && r.to) busy.push({ id: r.id, from: r.from.getTime(), to: r.to.getTime() });
  for (const m of manifests) {
    const t = m.departure.getTime();
    busy.push({ id: m.id, from: t - MANIFEST_BEFORE_MS, to: t + MANIFEST_AFTER_MS });
  }
  return busy;
}

/** Hearings read with the person, facility, court and room they name. */
function hearings(q: Q) {
  return q
    .selectFrom('hearings as h')
    .innerJoin('people as p', 'p.id', 'h.person_id')
    .innerJoin('facilities as f', 'f.id', 'h.facility_id')
    .innerJoin('parties as c', 'c.id', 'h.court_id')
    .leftJoin('courts as z', 'z.party_id', 'h.court_id')
    .innerJoin('hearing_rooms as r', 'r.id', 'h.room_id')
    .select([
      'h.id',
      'h.person_id as personId',
      'p.ref as personRef',
      'p.given_names as givenNames',
      'p.paternal_surname as paternalSurname',
      'h.agreement_id as agreementId',
      'h.facility_id as facilityId',
      'f.code as facility',
      'f.time_zone as facilityZone',
      'h.court_id as courtId',
      'c.code as court',
      'z.time_zone as courtZone',
      'h.room_id as roomId',
      'r.code as room',
      'h.hearing_type as hearingType',
      'h.starts_at as start',
      'h.ends_at as end',
      'h.pre_minutes as preMinutes',
      'h.post_minutes as postMinutes',
      'h.case_ref as caseRef',
      'h.video_url as videoUrl',
      'h.counsel',
      'h.interpreter',
      'h.status',
      'h.reason_code as reasonCode',
      'h.reason',
      'h.version',
      'h.booked_at as bookedAt',
      'h.booked_by as bookedBy',
      'h.closed_at as closedAt',
    ]);
}

/** A hearing row as the store reads it. */
export type HearingRow = NonNullable<Awaited<ReturnType<typeof findHearing>>>;

/** One hearing. */
export async function findHearing(q: Q, hearingId: string) {
  return hearings(q).where('h.id', '=', hearingId).executeTakeFirst();
}

/** Hearings starting in [from, to), by start. */
function startingBetween(q: Q, from: Date, to: Date) {
  return hearings(q).where('h.starts_at', '>=', from).where('h.starts_at', '<', to);
}

/** A facility's hearings starting in [from, to), by room then start. */
export async function hearingsAtFacility(q: Q, facilityId: string, from: Date, to: Date) {
  return startingBetween(q, from, to)
    .where('h.facility_id', '=', facilityId)
    .orderBy('r.code')
    .orderBy('h.starts_at')
    .execute();
}

/** A court's hearings starting in [from, to), by start. */
export async function hearingsOfCourt(q: Q, courtId: string, from: Date, to: Date) {
  return startingBetween(q, from, to)
    .where('h.court_id', '=', courtId)
    .orderBy('h.starts_at')
    .orderBy('h.id')
    .execute();
}

/** A person's hearings, latest start first. */
export async function hearingsOfPerson(q: Q, personId: string) {
  return hearings(q).where('h.person_id', '=', personId).orderBy('h.starts_at', 'desc').execute();
}

/** A hearing's history, oldest first. */
export async function historyOf(q: Q, hearingId: string) {
  return q
    .selectFrom('hearing_history')
    .select(['version', 'kind', 'at', 'actor', 'changed', 'details'])
    .where('hearing_id', '=', hearingId)
    .orderBy('version')
    .execute();
}

/** The outcomes recorded for a facility's hearings that started in [from, to), for the compliance report. */
export async function outcomesBetween(q: Q, facilityId: string, from: Date, to: Date) {
  return q
    .selectFrom('hearings as h')
    .innerJoin('people as p', 'p.id', 'h.person_id')
    .select([
      'h.person_id as personId',
      'p.ref as personRef',
      'h.status',
      'h.starts_at as start',
      'h.reason_code as reasonCode',
    ])
    .where('h.facility_id', '=', facilityId)
    .where('h.starts_at', '>=', from)
    .where('h.starts_at', '<', to)
    .where('h.status', 'in', ['held', 'adjourned', 'not_produced'])
    .orderBy('h.starts_at')
    .execute();
}
