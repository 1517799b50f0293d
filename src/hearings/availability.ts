import { openWindowsBetween, type ScheduleRow } from './rooms.js';
import { addDaysTo, dayBounds, wallClock } from './zones.js';

/**
 * Availability of a hearing slot (docs/domain.md, Video-link hearings; decision 0029). A request is a
 * main slot with optional pre and post minutes, in a named room or any. It fits when the whole of it
 * (pre + main + post) lies in the room's open hours, clear of the room's blocks, of every booking and
 * legal visit in the room, and of the person's other appointments (hearings, legal visits, manifests).
 * Otherwise up to 3 alternatives are offered: the same room at the nearest other times first, then the
 * other rooms, nearest first (ties: the earlier time, then the room's code). Pure; `now` is a parameter.
 */

/** Alternatives start on this grid (epoch-aligned, so on the quarter hour in every whole-hour zone). */
export const STEP_MINUTES = 15;
/** How many facility-local days either side of the requested one alternatives are looked for in. */
export const HORIZON_DAYS = 7;
/** How many alternatives are offered at most. */
export const MAX_ALTERNATIVES = 3;

const MINUTE = 60_000;
const STEP = STEP_MINUTES * MINUTE;

/** Something that occupies a room or a person in [from, to) (epoch ms); `id` names it (a booking, a visit…). */
export interface Busy {
  id: string;
  from: number;
  to: number;
}

/** A room as availability sees it: its schedule, its blocks and everything booked in it. */
export interface RoomFacts {
  roomId: string;
  code: string;
  schedule: readonly ScheduleRow[];
  blocks: readonly Busy[];
  busy: readonly Busy[];
}

/** The facts a request is judged against: the facility's zone and rooms, and the person's appointments. */
export interface AvailabilityFacts {
  zone: string;
  rooms: readonly RoomFacts[];
  personBusy: readonly Busy[];
}

/** A request: main slot start (epoch ms) and minutes, pre and post minutes, a room or `null` for any. */
export interface SlotRequest {
  roomId: string | null;
  start: number;
  minutes: number;
  pre: number;
  post: number;
  /** A booking being amended: it does not collide with itself. */
  exclude?: string;
}

/** A slot that fits: the room, the main slot, and the whole stretch it occupies (pre to post). */
export interface SlotOption {
  roomId: string;
  room: string;
  start: number;
  end: number;
  from: number;
  to: number;
}

/** Why a requested slot does not fit. */
export type Conflict = 'past' | 'room_unknown' | 'closed' | 'blocked' | 'room_booked' | 'person_busy';

export type Availability =
  | { fits: true; option: SlotOption }
  | { fits: false; conflicts: Conflict[]; alternatives: SlotOption[] };

/** Intervals sorted by start with the running maximum end: "does anything overlap [a, b)?" in O(log n). */
export class Timeline {
  private readonly froms: number[];
  private readonly maxTo: number[];

  constructor(intervals: readonly Busy[], exclude?: string) {
    const sorted = intervals.filter((i) => i.id !== exclude && i.to > i.from).sort((a, b) => a.from - b.from);
    this.froms = sorted.map((i) => i.from);
    this.maxTo = [];
    let max = Number.NEGATIVE_INFINITY;
    for (const i of sorted) {
      max = Math.max(max, i.to);
      this.maxTo.push(max);
    }
  }

  /** True when some interval overlaps [from, to) (touching ends do not overlap). */
  overlaps(from: number, to: number): boolean {
    let lo = 0;
    let hi = this.froms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.froms[mid] ?? 0) < to) lo = mid + 1;
      else hi = mid;
    }
    const last = lo - 1;
    return last >= 0 && (this.maxTo[last] ?? Number.NEGATIVE_INFINITY) > from;
  }
}

/** A room ready to be asked: timelines built once, open windows per facility-local day made on demand. */
class PreparedRoom {
  readonly blocks: Timeline;
  readonly busy: Timeline;
  private readonly windows = new Map<string, Array<{ from: number; to: number }>>();

  constructor(
    readonly facts: RoomFacts,
    private readonly zone: string,
    exclude?: string,
  ) {
    this.blocks = new Timeline(facts.blocks);
    this.busy = new Timeline(facts.busy, exclude);
  }

  /** The room's open stretches on `date` (adjacent periods merged), and those reaching into it. */
  windowsOn(date: string): Array<{ from: number; to: number }> {
    let w = this.windows.get(date);
    if (!w) {
      w = openWindowsBetween(this.facts.schedule, date, date, this.zone);
      this.windows.set(date, w);
    }
    return w;
  }

  /** True when [from, to) lies within one open stretch (looked for on the local dates it touches). */
  isOpen(from: number, to: number): boolean {
    const first = wallClock(from, this.zone).date;
    const merged = openWindowsBetween(
      this.facts.schedule,
      addDaysTo(first, -1),
      addDaysTo(first, 1),
      this.zone,
    );
    return merged.some((w) => w.from <= from && to <= w.to);
  }
}

/** The stretch a request occupies: pre minutes before the main start to post minutes after its end. */
function stretch(start: number, req: Pick<SlotRequest, 'minutes' | 'pre' | 'post'>) {
  const end = start + req.minutes * MINUTE;
  return { start, end, from: start - req.pre * MINUTE, to: end + req.post * MINUTE };
}

/** Why the request does not fit `room` at its own time; empty when it fits. */
function conflictsIn(room: PreparedRoom, person: Timeline, req: SlotRequest, now: number): Conflict[] {
  const s = stretch(req.start, req);
  const found: Conflict[] = [];
  if (s.start < now) found.push('past');
  if (!room.isOpen(s.from, s.to)) found.push('closed');
  if (room.blocks.overlaps(s.from, s.to)) found.push('blocked');
  if (room.busy.overlaps(s.from, s.to)) found.push('room_booked');
  if (person.overlaps(s.from, s.to)) found.push('person_busy');
  return found;
}

/** The candidate main starts in `room` on `date`, on the grid, that fit, with their distance from `start`. */
function fittingOn(
  room: PreparedRoom,
  person: Timeline,
  date: string,
  req: SlotRequest,
  now: number,
): Array<{ option: SlotOption; distance: number }> {
  const found: Array<{ option: SlotOption; distance: number }> = [];
  for (const w of room.windowsOn(date)) {
    const first = Math.ceil((w.from + req.pre * MINUTE) / STEP) * STEP;
    for (let start = first; ; start += STEP) {
      const s = stretch(start, req);
      if (s.to > w.to) break;
      if (start < now) continue;
      if (room.blocks.overlaps(s.from, s.to) || room.busy.overlaps(s.from, s.to)) continue;
      if (person.overlaps(s.from, s.to)) continue;
      found.push({
        option: { roomId: room.facts.roomId, room: room.facts.code, ...s },
        distance: Math.abs(start - req.start),
      });
    }
  }
  return found;
}

/** How far `start` lies from the facility-local `date` (0 when within it). */
function distanceToDay(date: string, zone: string, start: number): number {
  const { from, to } = dayBounds(date, zone);
  if (start < from) return from - start;
  if (start >= to) return start - to;
  return 0;
}

/**
 * The nearest fitting options in `rooms` (up to `max`), nearest first, ties to the earlier start and
 * then to the room's place in `rooms`. Days are visited outwards from the request's; the search stops
 * once no further day can hold a nearer option.
 */
function nearest(
  rooms: readonly PreparedRoom[],
  person: Timeline,
  req: SlotRequest,
  zone: string,
  now: number,
  max: number,
): SlotOption[] {
  if (max <= 0 || rooms.length === 0) return [];
  const day0 = wallClock(req.start, zone).date;
  const found: Array<{ option: SlotOption; distance: number; rank: number }> = [];
  const order = [0];
  for (let d = 1; d <= HORIZON_DAYS; d++) order.push(d, -d);
  for (const d of order) {
    const date = addDaysTo(day0, d);
    if (found.length >= max) {
      const worst = found[max - 1]?.distance ?? Number.POSITIVE_INFINITY;
      if (distanceToDay(date, zone, req.start) > worst) continue;
    }
    rooms.forEach((room, rank) => {
      for (const f of fittingOn(room, person, date, req, now)) found.push({ ...f, rank });
    });
    found.sort((a, b) => a.distance - b.distance || a.option.start - b.option.start || a.rank - b.rank);
  }
  return found.slice(0, max).map((f) => f.option);
}

/**
 * Whether a request fits, or up to 3 alternatives: the requested room at the nearest other times, then
 * the other rooms (in the order given, e.g. by code), nearest first. With no room named, the first room
 * that fits at the requested time is taken.
 */
export function availability(req: SlotRequest, facts: AvailabilityFacts, now: number): Availability {
  const rooms = facts.rooms.map((r) => new PreparedRoom(r, facts.zone, req.exclude));
  const person = new Timeline(facts.personBusy, req.exclude);
  const named = req.roomId === null ? undefined : rooms.find((r) => r.facts.roomId === req.roomId);
  if (req.roomId !== null && !named) return { fits: false, conflicts: ['room_unknown'], alternatives: [] };
  const tried = named ? [named] : rooms;
  const conflicts = new Set<Conflict>();
  for (const room of tried) {
    const found = conflictsIn(room, person, req, now);
    if (found.length === 0) {
      const s = stretch(req.start, req);
      return { fits: true, option: { roomId: room.facts.roomId, room: room.facts.code, ...s } };
    }
    for (const c of found) conflicts.add(c);
  }
  if (rooms.length === 0) conflicts.add('closed');
  const alternatives = named ? nearest([named], person, req, facts.zone, now, MAX_ALTERNATIVES) : [];
  const others = rooms.filter((r) => r !== named);
  alternatives.push(...nearest(others, person, req, facts.zone, now, MAX_ALTERNATIVES - alternatives.length));
  return { fits: false, conflicts: [...conflicts], alternatives };
}
