/**
 * Wall clocks in IANA zones, from Node's own Intl data (decision 0029): a hearing's times are instants,
 * shown in the court's zone and the facility's, and a room's open hours are written in the facility's.
 * No date library: one cached `Intl.DateTimeFormat` per zone reads an instant's wall clock, and a wall
 * clock is turned back into an instant by trying the offsets in force a day either side, so a day on
 * which one zone changes its clocks and the other does not still lines up. Pure.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The formatter of `zone`, made once; throws a RangeError for a zone Intl does not know. */
function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (f) return f;
  f = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    weekday: 'short',
  });
  formatters.set(zone, f);
  return f;
}

/** True when Intl knows `zone` as an IANA time zone (e.g. `America/El_Salvador`). */
export function isTimeZone(zone: string): boolean {
  if (typeof zone !== 'string' || zone.trim() === '') return false;
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** An instant's wall clock in a zone. */
export interface WallClock {
  /** `YYYY-MM-DD`. */
  date: string;
  /** `HH:MM`. */
  time: string;
  /** ISO weekday: Monday 1 … Sunday 7. */
  weekday: number;
  /** Minutes the zone is ahead of UTC at that instant (El Salvador: −360). */
  offset: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The wall clock of instant `ms` (epoch milliseconds) in `zone`. */
export function wallClock(ms: number, zone: string): WallClock {
  const parts: Record<string, string> = {};
  for (const p of formatter(zone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  const year = Number(parts.year);
  const month = Number(parts.month);
  const day = Number(parts.day);
  const hour = Number(parts.hour);
  const minute = Number(parts.minute);
  const second = Number(parts.second);
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const wholeSecond = Math.floor(ms / 1000) * 1000;
  return {
    date: `${pad(year, 4)}-${pad(month)}-${pad(day)}`,
    time: `${pad(hour)}:${pad(minute)}`,
    weekday: WEEKDAYS[parts.weekday ?? ''] ?? 0,
    offset: Math.round((asUtc - wholeSecond) / MINUTE),
  };
}

/** Minutes `zone` is ahead of UTC at instant `ms`. */
export function offsetAt(ms: number, zone: string): number {
  return wallClock(ms, zone).offset;
}

/** Epoch milliseconds of a wall clock read as if it were UTC. */
function utcOf(date: string, time: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0);
}

/**
 * The instant a wall clock (`date` `YYYY-MM-DD`, `time` `HH:MM`) names in `zone`, as Temporal's
 * `compatible` disambiguation reads it: a time that occurs twice (clocks fall back) is the earlier
 * instant; a time that never occurs (clocks spring forward) is moved forward by the gap.
 */
export function instantAt(date: string, time: string, zone: string): number {
  const local = utcOf(date, time);
  const before = offsetAt(local - DAY, zone);
  const after = offsetAt(local + DAY, zone);
  const candidates = [local - before * MINUTE, local - after * MINUTE].filter(
    (t) => offsetAt(t, zone) * MINUTE === local - t,
  );
  if (candidates.length > 0) return Math.min(...candidates);
  // In a gap: the offset before the change carries the wall clock past it.
  return local - before * MINUTE;
}

/** The calendar date `days` after `date` (`YYYY-MM-DD`; negative goes back). */
export function addDaysTo(date: string, days: number): string {
  return new Date(utcOf(date, '00:00') + days * DAY).toISOString().slice(0, 10);
}

/** The ISO weekday (Monday 1 … Sunday 7) of a calendar date. */
export function weekdayOf(date: string): number {
  const d = new Date(utcOf(date, '00:00')).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The first instant of a calendar date in `zone`, and the first of the next: the day is [from, to). */
export function dayBounds(date: string, zone: string): { from: number; to: number } {
  return { from: instantAt(date, '00:00', zone), to: instantAt(addDaysTo(date, 1), '00:00', zone) };
}

/** A time as a zone shows it: the zone and the local wall clock `YYYY-MM-DDTHH:MM`. */
export interface ZonedTime {
  zone: string;
  local: string;
}

/** Instant `ms` shown in `zone` as `{ zone, local: 'YYYY-MM-DDTHH:MM' }`. */
export function zoned(ms: number, zone: string): ZonedTime {
  const w = wallClock(ms, zone);
  return { zone, local: `${w.date}T${w.time}` };
}
