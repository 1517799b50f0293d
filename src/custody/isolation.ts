import { z } from 'zod';
import { DomainError } from '../core/errors.js';
import { defineEvent } from '../core/events.js';
import type { MessageKey, MessageParams } from '../core/messages/index.js';

/**
 * Isolation placements (docs/domain.md, Isolation): receiving custody records each placement of a person in
 * an isolation or punishment cell — the cell, the reason, the named official who authorised it, when it
 * started and, by a second act, when it ended — and the cell's lighting during it. Mandela Rule 43(1)
 * prohibits prolonged solitary confinement (Rule 44: more than 15 consecutive days) and placement in a
 * dark or constantly lit cell; Rule 45 makes isolation a last resort, for as short a time as possible.
 * Pure: time and ids are parameters.
 */

/**
 * The cell's lighting during the placement, as the authorising official records it: `dark` (no light to
 * read by), `constant` (lit day and night), `normal` (daylight and darkness at night). The regime log
 * measures only night light, for every cell, so it can reveal a constantly lit cell but never a dark one;
 * the placement therefore carries the lighting, and the rule also reads the regime log's night light.
 */
export const ISOLATION_LIGHTING = ['normal', 'dark', 'constant'] as const;
export type IsolationLighting = (typeof ISOLATION_LIGHTING)[number];

/** Rule 44: isolation for more than this many consecutive days is prolonged solitary confinement. */
export const ISOLATION_MAX_DAYS = 15;

/**
 * Placements of one person separated by less than this are one run: taking someone out of the cell for an
 * hour does not restart the count of consecutive days (the Rule 44 limit cannot be reset by a short break).
 */
export const ISOLATION_BREAK_HOURS = 24;

export const ISOLATION_EVENTS = { started: 'isolation.started', ended: 'isolation.ended' } as const;

export const isolationStartedSchema = z.object({
  placementId: z.string(),
  facilityId: z.string(),
  personId: z.string(),
  intervalId: z.string(),
  cellId: z.string(),
  cell: z.string(),
  reason: z.string(),
  /** The official who authorised the placement, by name and post. */
  authorisedBy: z.string(),
  lighting: z.enum(ISOLATION_LIGHTING),
  /** When the placement started (ISO 8601). */
  startedAt: z.string(),
  /** When it was recorded (ISO 8601). */
  at: z.string(),
});
export type IsolationStarted = z.output<typeof isolationStartedSchema>;

export const isolationEndedSchema = z.object({
  placementId: z.string(),
  personId: z.string(),
  endedAt: z.string(),
  note: z.string().nullable(),
  at: z.string(),
});
export type IsolationEnded = z.output<typeof isolationEndedSchema>;

/** The isolation event types, each with its payload schema. */
export const isolationEvent = {
  started: defineEvent(ISOLATION_EVENTS.started, isolationStartedSchema),
  ended: defineEvent(ISOLATION_EVENTS.ended, isolationEndedSchema),
};

function bad<K extends MessageKey>(key: K, params: MessageParams<K>, rule: string): DomainError {
  return new DomainError('invalid_input', key, params, { details: { rule } });
}

function instant(value: string | undefined, now: Date, field: string): Date {
  const at = value === undefined ? now : new Date(value);
  if (Number.isNaN(at.getTime())) throw bad('isolation.time_invalid', { field, value: String(value) }, field);
  if (at.getTime() > now.getTime())
    throw bad('isolation.time_future', { field, value: at.toISOString() }, field);
  return at;
}

/** A placement as the decisions see it: half-open [start, end), end null while open. */
export interface PlacementSpan {
  placementId: string;
  startedAt: string;
  endedAt: string | null;
}

/** The custody intervals of the person at the facility, to check the placement falls inside one. */
export interface IntervalSpan {
  id: string;
  startedAt: string;
  endedAt: string | null;
}

const overlaps = (a: { s: number; e: number }, b: { s: number; e: number }) => a.s < b.e && b.s < a.e;
const ms = (iso: string | null) => (iso === null ? Number.POSITIVE_INFINITY : Date.parse(iso));

/**
 * Decides starting a placement: a reason, a named official, a known lighting, a start neither in the future
 * nor outside the person's custody at the facility, and no other placement of the person overlapping it
 * (an open placement runs until it is ended, so it overlaps anything after its start).
 */
export function decideStartIsolation(
  input: {
    facilityId: string;
    personId: string;
    cellId: string;
    cell: string;
    reason: string;
    authorisedBy: string;
    lighting: string;
    startedAt?: string;
  },
  context: { intervals: readonly IntervalSpan[]; placements: readonly PlacementSpan[] },
  now: Date,
  newId: () => string,
): IsolationStarted {
  if (!input.reason?.trim()) throw bad('isolation.reason_missing', {}, 'isolation-reason');
  if (!input.authorisedBy?.trim()) throw bad('isolation.authorised_by_missing', {}, 'isolation-authorised');
  if (!(ISOLATION_LIGHTING as readonly string[]).includes(input.lighting)) {
    throw bad(
      'isolation.lighting_unknown',
      { lighting: input.lighting, values: ISOLATION_LIGHTING },
      'isolation-lighting',
    );
  }
  const start = instant(input.startedAt, now, 'startedAt');
  const t = start.getTime();
  const interval = context.intervals.find((i) => ms(i.startedAt) <= t && t < ms(i.endedAt));
  if (!interval) {
    throw new DomainError(
      'rule_refusal',
      'isolation.not_in_custody',
      { personId: input.personId, at: start.toISOString() },
      { details: { rule: 'isolation-in-custody' } },
    );
  }
  const mine = { s: t, e: Number.POSITIVE_INFINITY };
  const clash = context.placements.find((p) => overlaps(mine, { s: ms(p.startedAt), e: ms(p.endedAt) }));
  if (clash) {
    throw new DomainError(
      'rule_refusal',
      'isolation.overlap',
      { placementId: clash.placementId, startedAt: clash.startedAt, endedAt: clash.endedAt },
      { details: { rule: 'isolation-overlap', placementId: clash.placementId } },
    );
  }
  return {
    placementId: newId(),
    facilityId: input.facilityId,
    personId: input.personId,
    intervalId: interval.id,
    cellId: input.cellId,
    cell: input.cell,
    reason: input.reason.trim(),
    authorisedBy: input.authorisedBy.trim(),
    lighting: input.lighting as IsolationLighting,
    startedAt: start.toISOString(),
    at: now.toISOString(),
  };
}

/** Decides ending an open placement: once, after its start, not in the future. */
export function decideEndIsolation(
  placement: (PlacementSpan & { personId: string }) | undefined,
  input: { endedAt?: string; note?: string | null },
  now: Date,
): IsolationEnded {
  if (!placement) throw new DomainError('not_found', 'isolation.not_found', {});
  if (placement.endedAt !== null) {
    throw new DomainError('conflict', 'isolation.already_ended', { endedAt: placement.endedAt });
  }
  const end = instant(input.endedAt, now, 'endedAt');
  if (end.getTime() <= Date.parse(placement.startedAt)) {
    throw bad(
      'isolation.end_before_start',
      { endedAt: end.toISOString(), startedAt: placement.startedAt },
      'isolation-end',
    );
  }
  return {
    placementId: placement.placementId,
    personId: placement.personId,
    endedAt: end.toISOString(),
    note: input.note?.trim() || null,
    at: now.toISOString(),
  };
}

/** One placement as the `isolation-limit` rule reads it. */
export interface IsolationPlacementInput {
  person: string;
  cellId: string;
  cell: string;
  lighting: IsolationLighting;
  startedAt: string;
  /** Null while open: the placement is judged as running to the report's instant. */
  endedAt: string | null;
}

/** One isolation finding, before the monitor adds the rule's source. */
export interface IsolationFinding {
  kind: 'prolonged' | 'lighting';
  date: string;
  cell: string;
  person: string;
  detail: string;
}

const DAY_MS = 86_400_000;

/** The runs of one person's placements: placements closer than the break merged, sorted by start. */
export function isolationRuns(
  placements: readonly { startedAt: string; endedAt: string | null }[],
  now: string,
): { start: number; end: number }[] {
  const nowMs = Date.parse(now);
  const spans = placements
    .map((p) => ({ start: Date.parse(p.startedAt), end: p.endedAt === null ? nowMs : Date.parse(p.endedAt) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  const runs: { start: number; end: number }[] = [];
  for (const s of spans) {
    const last = runs.at(-1);
    if (last && s.start - last.end < ISOLATION_BREAK_HOURS * 3_600_000) last.end = Math.max(last.end, s.end);
    else runs.push({ ...s });
  }
  return runs;
}

/**
 * The `isolation-limit` rule, per person per day (docs/domain.md, Standards compliance): each day of the
 * period a person spends any part of in isolation is evaluated. A day is a finding when it falls after the
 * 15th day of a run of consecutive isolation (placements less than 24 h apart are one run), and when the
 * person's cell that day is recorded dark or constantly lit — by the placement, or by the regime log's
 * night light at or over `nightHours`. `dateOf` reads an instant as a date in the facility's zone.
 */
export function judgeIsolation(input: {
  from: string;
  to: string;
  now: string;
  placements: readonly IsolationPlacementInput[];
  /** The regime log's night light hours by cell and date (null: not measured). */
  nightLight: (cellId: string, date: string) => number | null;
  nightHours: number;
  dateOf: (instant: string) => string;
  addDays: (date: string, days: number) => string;
}): { evaluated: number; findings: IsolationFinding[] } {
  const findings: IsolationFinding[] = [];
  const byPerson = new Map<string, IsolationPlacementInput[]>();
  for (const p of input.placements) byPerson.set(p.person, [...(byPerson.get(p.person) ?? []), p]);
  let evaluated = 0;
  const nowMs = Date.parse(input.now);
  for (const [person, placements] of byPerson) {
    // The days the person spent any part of in isolation, with the cell of the last placement that day.
    const days = new Map<string, IsolationPlacementInput>();
    for (const p of [...placements].sort((a, b) => a.startedAt.localeCompare(b.startedAt))) {
      const endMs = p.endedAt === null ? nowMs : Date.parse(p.endedAt);
      if (endMs <= Date.parse(p.startedAt)) continue;
      // The last instant inside the half-open placement, so one ending at midnight leaves the next day out.
      const last = input.dateOf(new Date(endMs - 1).toISOString());
      for (let d = input.dateOf(p.startedAt); d <= last; d = input.addDays(d, 1)) days.set(d, p);
    }
    const overLimit = new Map<string, number>();
    for (const run of isolationRuns(placements, input.now)) {
      const limit = run.start + ISOLATION_MAX_DAYS * DAY_MS;
      if (run.end <= limit) continue;
      const total = (run.end - run.start) / DAY_MS;
      const last = input.dateOf(new Date(run.end - 1).toISOString());
      for (let d = input.dateOf(new Date(limit).toISOString()); d <= last; d = input.addDays(d, 1))
        overLimit.set(d, total);
    }
    for (const [date, p] of days) {
      if (date < input.from || date > input.to) continue;
      evaluated++;
      const total = overLimit.get(date);
      if (total !== undefined) {
        findings.push({
          kind: 'prolonged',
          date,
          cell: p.cell,
          person,
          detail: `in isolation for ${total.toFixed(1)} consecutive days; at most ${ISOLATION_MAX_DAYS} allowed`,
        });
      }
      const night = input.nightLight(p.cellId, date);
      if (p.lighting !== 'normal') {
        findings.push({
          kind: 'lighting',
          date,
          cell: p.cell,
          person,
          detail: `in isolation in a cell recorded ${p.lighting === 'dark' ? 'dark' : 'constantly lit'}`,
        });
      } else if (night !== null && night >= input.nightHours) {
        findings.push({
          kind: 'lighting',
          date,
          cell: p.cell,
          person,
          detail: `in isolation in a cell the regime log records lit ${night} h at night: lit constantly`,
        });
      }
    }
  }
  return { evaluated, findings };
}
