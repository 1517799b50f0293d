import { authorize, can } from '../auth/policy.js';
import type { AppContext } from '../context.js';
import { DomainError, notFound } from '../core/errors.js';
import { event } from '../core/events.js';
import type { Db, Tx } from '../db/database.js';
import * as facilities from '../facilities/store.js';
import type { Actor, NewEvent } from '../ledger/events.js';
import { transact } from '../ledger/transact.js';
import { findParty } from '../parties/store.js';
import { decideCourtZone, decideRoom, hearingEvent } from './model.js';
import { checkSchedule, decideBlock, parseSchedule, type ScheduleRow } from './rooms.js';
import * as store from './store.js';

/**
 * The use cases of courts' zones and hearing rooms (docs/domain.md, Video-link hearings; decision 0029):
 * receiving custody adds rooms, sets their weekly schedules and blocks them; the installation sets a
 * court's zone. The bookings are in service.ts.
 */

type Q = Db | Tx;

const iso = (d: Date) => d.toISOString();

/** A court by code or id, with its zone; a party that is not a court is not found. */
export async function requireCourt(q: Q, codeOrId: string) {
  const party = await findParty(q, codeOrId);
  if (party?.kind !== 'court') throw notFound('court', codeOrId);
  const row = await q
    .selectFrom('courts')
    .select(['time_zone', 'jurisdiction'])
    .where('party_id', '=', party.id)
    .executeTakeFirst();
  return {
    id: party.id,
    code: party.code,
    name: party.name,
    zone: row?.time_zone ?? null,
    jurisdiction: row?.jurisdiction ?? null,
  };
}

/** A facility by id or code, or not found. */
export async function requireFacility(q: Q, idOrCode: string) {
  const facility = await facilities.findFacility(q, idOrCode);
  if (!facility) throw notFound('facility', idOrCode);
  return facility;
}

/** A facility's room by code or id, or not found. */
export async function requireRoom(q: Q, facilityId: string, code: string) {
  const room = (await store.roomsOf(q, facilityId)).find((r) => r.code === code || r.id === code);
  if (!room) throw new DomainError('not_found', 'room.not_found', { room: code });
  return room;
}

/** Sets a court's zone (and jurisdiction); the installation registers courts (`parties:manage`). */
export async function setCourtZone(
  ctx: AppContext,
  actor: Actor,
  court: string,
  input: { zone: string; jurisdiction?: string | null },
) {
  authorize(actor, 'parties:manage');
  await transact(ctx, actor, async (tx, now) => {
    const c = await requireCourt(tx, court);
    const set = decideCourtZone(c.id, input, now);
    return { events: [event(hearingEvent.courtZoneSet, `court:${c.id}`, set)], result: null };
  });
  return requireCourt(ctx.handle.db, court);
}

/** Adds a hearing room to a facility, with its weekly schedule when given. */
export async function addRoom(
  ctx: AppContext,
  actor: Actor,
  input: { facility: string; code: string; name?: string; schedule?: string | ScheduleRow[] },
) {
  authorize(actor, 'rooms:manage');
  const { result } = await transact(ctx, actor, async (tx, now) => {
    const facility = await requireFacility(tx, input.facility);
    const created = decideRoom(
      { facilityId: facility.id, code: input.code, name: input.name ?? '' },
      now,
      ctx.newId,
    );
    if ((await store.roomsOf(tx, facility.id)).some((r) => r.code === created.code))
      throw new DomainError('conflict', 'room.code_taken', { code: created.code, facility: facility.code });
    const events: NewEvent[] = [
      event(hearingEvent.roomCreated, `room:${created.roomId}`, created, { newStream: true }),
    ];
    if (input.schedule !== undefined) {
      const rows =
        typeof input.schedule === 'string' ? parseSchedule(input.schedule) : checkSchedule(input.schedule);
      events.push(
        event(hearingEvent.roomScheduleSet, `room:${created.roomId}`, {
          roomId: created.roomId,
          rows,
          at: iso(now),
        }),
      );
    }
    return { events, result: { facilityId: facility.id, roomId: created.roomId } };
  });
  return roomView(ctx, result.facilityId, result.roomId);
}

/** Sets a room's weekly schedule (rows, or text such as `Mon-Fri 08:00-17:00`); it replaces the last one. */
export async function setRoomSchedule(
  ctx: AppContext,
  actor: Actor,
  facilityRef: string,
  roomCode: string,
  schedule: string | ScheduleRow[],
) {
  authorize(actor, 'rooms:manage');
  const { result } = await transact(ctx, actor, async (tx, now) => {
    const facility = await requireFacility(tx, facilityRef);
    const room = await requireRoom(tx, facility.id, roomCode);
    const rows = typeof schedule === 'string' ? parseSchedule(schedule) : checkSchedule(schedule);
    return {
      events: [
        event(hearingEvent.roomScheduleSet, `room:${room.id}`, { roomId: room.id, rows, at: iso(now) }),
      ],
      result: { facilityId: facility.id, roomId: room.id },
    };
  });
  return roomView(ctx, result.facilityId, result.roomId);
}

/** Blocks a room from one instant to another, with a reason. */
export async function blockRoom(
  ctx: AppContext,
  actor: Actor,
  facilityRef: string,
  roomCode: string,
  input: { from: string; to: string; reason: string },
) {
  authorize(actor, 'rooms:manage');
  const { result } = await transact(ctx, actor, async (tx, now) => {
    const facility = await requireFacility(tx, facilityRef);
    const room = await requireRoom(tx, facility.id, roomCode);
    const block = decideBlock(input, ctx.newId);
    return {
      events: [
        event(hearingEvent.roomBlocked, `room:${room.id}`, { roomId: room.id, ...block, at: iso(now) }),
      ],
      result: { facilityId: facility.id, roomId: room.id },
    };
  });
  return roomView(ctx, result.facilityId, result.roomId);
}

async function roomView(ctx: AppContext, facilityId: string, roomId: string) {
  const rooms = await listRoomsOf(ctx.handle.db, facilityId, ctx.clock.now());
  const room = rooms.find((r) => r.id === roomId);
  if (!room) throw notFound('room', roomId);
  return room;
}

async function listRoomsOf(q: Q, facilityId: string, now: Date) {
  const [rooms, blocks] = await Promise.all([
    store.roomsOf(q, facilityId),
    store.blocksOf(q, facilityId, now),
  ]);
  return rooms.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    schedule: r.schedule,
    blocks: blocks
      .filter((b) => b.roomId === r.id)
      .map((b) => ({ id: b.id, from: iso(b.from), to: iso(b.to), reason: b.reason })),
  }));
}

/** A facility's hearing rooms with their schedules and the blocks still to come. */
export async function listRooms(ctx: AppContext, actor: Actor, facilityRef: string) {
  if (!can(actor.role, 'rooms:manage')) authorize(actor, 'hearings:read');
  const db = ctx.handle.db;
  const facility = await requireFacility(db, facilityRef);
  return {
    facility: facility.code,
    timeZone: facility.timeZone,
    rooms: await listRoomsOf(db, facility.id, ctx.clock.now()),
  };
}
