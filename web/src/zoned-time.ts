/**
 * Local date-times in a named IANA zone, converted in the browser with Intl only: a manifest's times are
 * entered as the clock on the wall where they happen (`2025-03-15T09:00` in America/Chicago) and sent as
 * the ISO instant with that zone's offset at that moment (`2025-03-15T09:00:00-05:00`).
 */

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(zone: string): Intl.DateTimeFormat {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(zone, format);
  }
  return format;
}

/** True when the browser knows `zone` as an IANA time zone. */
export function isTimeZone(zone: string): boolean {
  if (!zone.trim()) return false;
  try {
    formatIn(zone);
    return true;
  } catch {
    return false;
  }
}

function wallClock(zone: string, epochMs: number): WallClock {
  const parts = Object.fromEntries(
    formatIn(zone)
      .formatToParts(new Date(epochMs))
      .map((part) => [part.type, Number(part.value)]),
  );
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

function asUtc(w: WallClock): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

/** The zone's offset from UTC at an instant, in minutes (e.g. -360 for America/Chicago in winter). */
function offsetMinutes(zone: string, epochMs: number): number {
  const whole = Math.floor(epochMs / 1000) * 1000;
  return Math.round((asUtc(wallClock(zone, whole)) - whole) / 60_000);
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

function localText(w: WallClock, seconds: boolean): string {
  const time = `${pad(w.hour)}:${pad(w.minute)}${seconds ? `:${pad(w.second)}` : ''}`;
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${time}`;
}

/**
 * The ISO 8601 instant, with the zone's offset, of a wall-clock time `YYYY-MM-DDTHH:mm` in `zone`; null
 * when either is invalid. A time skipped by a daylight-saving change resolves to the instant after the gap.
 */
export function zonedToInstant(local: string, zone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!match || !isTimeZone(zone)) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  const wall = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, Number.isNaN(s) ? 0 : (s ?? 0));
  if (Number.isNaN(wall)) return null;
  // Two passes: the offset at the guessed instant can differ from the one at the real instant near a change.
  let epoch = wall - offsetMinutes(zone, wall) * 60_000;
  epoch = wall - offsetMinutes(zone, epoch) * 60_000;
  const offset = offsetMinutes(zone, epoch);
  const sign = offset < 0 ? '-' : '+';
  return `${localText(wallClock(zone, epoch), true)}${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

/** The wall-clock time in `zone`, `minutesFromNow` from now, as `YYYY-MM-DDTHH:mm` for a datetime-local input. */
export function wallClockIn(zone: string, minutesFromNow = 0): string {
  const at = Date.now() + minutesFromNow * 60_000;
  return localText(wallClock(isTimeZone(zone) ? zone : 'UTC', at), false);
}

/** The browser's own time zone, e.g. America/Chicago. */
export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Every IANA zone the browser knows, for suggestions. */
export function knownZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC', 'America/Chicago', 'America/El_Salvador', 'America/New_York'];
  }
}

/** Today in the reader's time zone, `YYYY-MM-DD`. */
export function today(): string {
  return wallClockIn(browserZone()).slice(0, 10);
}
