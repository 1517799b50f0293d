import { z } from 'zod';
import { DomainError } from '../core/errors.js';
import { addDaysTo, instantAt, weekdayOf } from './zones.js';

/**
 * Hearing rooms (docs/domain.md, Video-link hearings): a facility location that is not a cell, open on a
 * weekly schedule written in the facility's zone, each open period either for courts only or shared with
 * legal visits, and closed by temporary blocks (instants, with a reason). A room with no schedule rows is
 * closed. Pure.
 */

/** Who an open period serves: court hearings only, or shared with legal visits. */
export const ROOM_USES = ['court', 'shared'] as const;
export type RoomUse = (typeof ROOM_USES)[number];

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** One row of a room's weekly schedule: ISO weekdays `fromDay`–`toDay`, open `from`–`to` (HH:MM, local). */
export const scheduleRowSchema = z.object({
  fromDay: z.number().int().min(1).max(7),
  toDay: z.number().int().min(1).max(7),
  from: z.string().regex(HHMM),
  to: z.string().regex(HHMM),
  use: z.enum(ROOM_USES),
});
export type ScheduleRow = z.output<typeof scheduleRowSchema>;

/** A temporary block: the room is closed in [from, to) (instants), for a reason. */
export interface RoomBlock {
  blockId: string;
  from: string;
  to: string;
  reason: string;
}

const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** A schedule row written as people write it: `Mon-Fri 08:00-17:00`, `Sat 09:00-12:00 court`. */
export function formatScheduleRow(row: ScheduleRow): string {
  const day = (n: number) => {
    const name = DAY_NAMES[n - 1] ?? 'mon';
    return name.charAt(0).toUpperCase() + name.slice(1);
  };
  const days = row.fromDay === row.toDay ? day(row.fromDay) : `${day(row.fromDay)}-${day(row.toDay)}`;
  return `${days} ${row.from}-${row.to}${row.use === 'court' ? ' court' : ''}`;
}

function badSchedule(text: string, hint: string): DomainError {
  return new DomainError(
    'invalid_input',
    'room.schedule_invalid',
    { text, hint },
    { details: { rule: 'room-schedule' } },
  );
}

/**
 * Parses a weekly schedule written as rows separated by `;` or new lines, each `DAYS HH:MM-HH:MM [court|shared]`
 * with DAYS a day (`Mon`) or a range (`Mon-Fri`), e.g. `Mon-Fri 08:00-12:00 court; Mon-Fri 13:00-17:00`.
 * A row without a use is shared with legal visits. Overlapping rows on the same day are refused.
 */
export function parseSchedule(text: string): ScheduleRow[] {
  const rows: ScheduleRow[] = [];
  for (const raw of text.split(/[;\n]/)) {
    const line = raw.trim();
    if (line === '') continue;
    const m = /^([a-z]{3})(?:-([a-z]{3}))?\s+(\d\d:\d\d)-(\d\d:\d\d)(?:\s+(court|shared))?$/i.exec(line);
    if (!m) throw badSchedule(line, 'write each row as "Mon-Fri 08:00-17:00", optionally ending "court"');
    const fromDay = DAY_NAMES.indexOf((m[1] ?? '').toLowerCase() as (typeof DAY_NAMES)[number]) + 1;
    const toDay = m[2] ? DAY_NAMES.indexOf(m[2].toLowerCase() as (typeof DAY_NAMES)[number]) + 1 : fromDay;
    if (fromDay === 0 || toDay === 0) throw badSchedule(line, 'days are Mon, Tue, Wed, Thu, Fri, Sat, Sun');
    const use: RoomUse = m[5]?.toLowerCase() === 'court' ? 'court' : 'shared';
    rows.push({ fromDay, toDay, from: m[3] ?? '', to: m[4] ?? '', use });
  }
  return checkSchedule(rows, text);
}

/** Refuses a schedule whose rows are malformed, run backwards, or overlap on a day. */
export function checkSchedule(rows: readonly ScheduleRow[], text = ''): ScheduleRow[] {
  const checked: ScheduleRow[] = [];
  for (const row of rows) {
    const shown = text || formatScheduleRow(row);
    if (!scheduleRowSchema.safeParse(row).success)
      throw badSchedule(shown, 'times are HH:MM from 00:00 to 23:59 and days 1 (Monday) to 7 (Sunday)');
    if (row.toDay < row.fromDay) throw badSchedule(shown, 'a day range runs forwards, e.g. Mon-Fri');
    if (row.to <= row.from) throw badSchedule(shown, 'a row closes after it opens, e.g. 08:00-17:00');
    checked.push({ ...row });
  }
  for (let day = 1; day <= 7; day++) {
    const today = checked
      .filter((r) => r.fromDay <= day && day <= r.toDay)
      .sort((a, b) => a.from.localeCompare(b.from));
    for (let i = 1; i < today.length; i++) {
      const prev = today[i - 1];
      const cur = today[i];
      if (prev && cur && cur.from < prev.to)
        throw badSchedule(
          `${formatScheduleRow(prev)}; ${formatScheduleRow(cur)}`,
          'rows open on the same day must not overlap',
        );
    }
  }
  return checked;
}

/** An open period of a room as instants [from, to), with who it serves. */
export interface OpenWindow {
  from: number;
  to: number;
  use: RoomUse;
}

/** The periods a room is open on a facility-local calendar date, as instants, earliest first. */
export function openWindowsOn(schedule: readonly ScheduleRow[], date: string, zone: string): OpenWindow[] {
  const weekday = weekdayOf(date);
  return schedule
    .filter((r) => r.fromDay <= weekday && weekday <= r.toDay)
    .map((r) => ({ from: instantAt(date, r.from, zone), to: instantAt(date, r.to, zone), use: r.use }))
    .filter((w) => w.to > w.from)
    .sort((a, b) => a.from - b.from);
}

/**
 * The open periods on the facility-local dates `from`…`to` (inclusive), adjacent periods merged into
 * one (court-only then shared at 12:00 is one stretch a hearing may span), earliest first.
 */
export function openWindowsBetween(
  schedule: readonly ScheduleRow[],
  fromDate: string,
  toDate: string,
  zone: string,
): Array<{ from: number; to: number }> {
  const merged: Array<{ from: number; to: number }> = [];
  for (let date = fromDate; date <= toDate; date = addDaysTo(date, 1)) {
    for (const w of openWindowsOn(schedule, date, zone)) {
      const last = merged.at(-1);
      if (last && w.from <= last.to) last.to = Math.max(last.to, w.to);
      else merged.push({ from: w.from, to: w.to });
    }
  }
  return merged;
}

/** Decides a block: an end after its start, and a reason. */
export function decideBlock(
  input: { from: string; to: string; reason: string },
  newId: () => string,
): RoomBlock {
  const from = Date.parse(input.from);
  const to = Date.parse(input.to);
  if (Number.isNaN(from) || Number.isNaN(to) || to <= from)
    throw new DomainError(
      'invalid_input',
      'room.block_invalid',
      { from: String(input.from), to: String(input.to) },
      { details: { rule: 'room-block' } },
    );
  const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
  if (reason === '')
    throw new DomainError(
      'invalid_input',
      'room.block_reason_missing',
      {},
      { details: { rule: 'room-block' } },
    );
  return {
    blockId: newId(),
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    reason,
  };
}
