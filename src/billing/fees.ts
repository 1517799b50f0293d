import { yearInRange } from '../core/dates.js';
import { epochDayOf, isoOfEpochDay } from '../core/days.js';
import { DomainError } from '../core/errors.js';
import { custodyDaysIn, type DayRange, dayCount, type Interval, monthRange } from './custody-days.js';

/**
 * The fee arithmetic (docs/domain.md, Billing), pure and in integer cents. Each custody day is charged under
 * the fee schedule version in force on that day (the newest version whose effective date is on or before
 * it), so a month can fall under two versions; each person's days under one version make one part of the
 * person's line:
 * - per person-day: days × amount;
 * - per person-year: round_half_up(days × annual / 365), in integer arithmetic (BigInt), so no float ever
 *   touches money;
 * - lump sum: not per person. It is charged once per billing period (month, quarter or year), on the
 *   invoice of the month the period starts, under the version in force on the period's first day.
 * Days on which no schedule is in force are counted and shown, and charged nothing.
 */

export type FeeKind = 'per_person_day' | 'per_person_year' | 'lump_sum';

export interface FeeSchedule {
  version: number;
  kind: FeeKind;
  amountCents: number;
  currency: string;
  billingPeriod: 'month' | 'quarter' | 'year';
  /** YYYY-MM-DD, in force from this day. */
  effectiveFrom: string;
  clause: string | null;
}

/** `numerator / denominator` rounded half up (both non-negative). */
export function divRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (numerator < 0n || denominator <= 0n)
    throw new RangeError('divRoundHalfUp takes a non-negative numerator');
  return (2n * numerator + denominator) / (2n * denominator);
}

/** The charge for `days` under one schedule (per-person kinds), in cents. */
export function chargeFor(days: number, schedule: Pick<FeeSchedule, 'kind' | 'amountCents'>): number {
  if (!Number.isSafeInteger(days) || days < 0)
    throw new RangeError(`days must be a whole number ≥ 0: ${days}`);
  switch (schedule.kind) {
    case 'per_person_day': {
      const product = days * schedule.amountCents;
      return Number.isSafeInteger(product) ? product : Number(BigInt(days) * BigInt(schedule.amountCents));
    }
    case 'per_person_year': {
      // (2n + d) / 2d in integers. Doubles give the same floor while 2n + d < 2^50: the numerator is then
      // exact and the quotient's rounding error (under 2^-9) stays below the smallest fraction, 1/730.
      const twice = 2 * days * schedule.amountCents + 365;
      return twice < 2 ** 50
        ? Math.floor(twice / 730)
        : Number(divRoundHalfUp(BigInt(days) * BigInt(schedule.amountCents), 365n));
    }
    case 'lump_sum':
      return 0;
  }
}

/** The formula that gave a part's amount, written out for the invoice and the reviewer. */
export function explainCharge(
  days: number,
  schedule: Pick<FeeSchedule, 'kind' | 'amountCents'>,
  amountCents: number = chargeFor(days, schedule),
): string {
  switch (schedule.kind) {
    case 'per_person_day':
      return `${days} × ${schedule.amountCents} = ${amountCents}`;
    case 'per_person_year':
      return `round_half_up(${days} × ${schedule.amountCents} / 365) = ${amountCents}`;
    case 'lump_sum':
      return 'covered by the lump sum';
  }
}

/** The runs of days of `period` under each schedule version (null where none is in force). */
export function scheduleSegments(
  schedules: readonly FeeSchedule[],
  period: DayRange,
): { schedule: FeeSchedule | null; first: number; last: number }[] {
  const ordered = [...schedules].sort(
    (a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || a.version - b.version,
  );
  const segments: { schedule: FeeSchedule | null; first: number; last: number }[] = [];
  let day = period.first;
  let current: FeeSchedule | null = null;
  let i = 0;
  // The version in force at the period's start.
  while (i < ordered.length && epochDayOf(ordered[i]!.effectiveFrom) <= day) current = ordered[i++]!;
  while (day <= period.last) {
    const nextStart = i < ordered.length ? epochDayOf(ordered[i]!.effectiveFrom) : Number.POSITIVE_INFINITY;
    const last = Math.min(period.last, nextStart - 1);
    if (last >= day) segments.push({ schedule: current, first: day, last });
    day = last + 1;
    // Several versions effective the same day: the highest version wins.
    while (i < ordered.length && epochDayOf(ordered[i]!.effectiveFrom) <= day) current = ordered[i++]!;
  }
  return segments;
}

export interface PersonCustody {
  ref: string;
  personId: string | null;
  intervals: readonly Interval[];
}

export interface LinePart {
  scheduleVersion: number | null;
  from: string;
  to: string;
  days: number;
  amountCents: number;
  explanation: string;
}

export interface InvoiceLine {
  ref: string;
  personId: string | null;
  days: number;
  amountCents: number;
  parts: LinePart[];
}

export interface PeriodCharge {
  kind: 'lump_sum';
  scheduleVersion: number;
  period: string;
  amountCents: number;
}

export interface MonthBill {
  month: string;
  zone: string;
  currency: string | null;
  lines: InvoiceLine[];
  charges: PeriodCharge[];
  totalDays: number;
  totalCents: number;
}

/** One part of a line: `days` days between `first` and `last` (day numbers) under `schedule`. */
function linePart(schedule: FeeSchedule | null, first: number, last: number, days: number): LinePart {
  const amountCents = schedule ? chargeFor(days, schedule) : 0;
  return {
    scheduleVersion: schedule?.version ?? null,
    from: isoOfEpochDay(first),
    to: isoOfEpochDay(last),
    days,
    amountCents,
    explanation: schedule
      ? explainCharge(days, schedule, amountCents)
      : 'no fee schedule in force: not charged',
  };
}

/** Refuses anything but a calendar month written `YYYY-MM`. */
export function requireMonth(month: string): void {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month) || !yearInRange(month)) {
    throw new DomainError('invalid_input', 'billing.month_invalid', { month });
  }
}

/** The billing period (`YYYY-MM`, `YYYY-Qn`, `YYYY`) that starts on a month, or null when none does. */
function periodStartingIn(month: string, billingPeriod: FeeSchedule['billingPeriod']): string | null {
  const [year, mm] = [month.slice(0, 4), Number(month.slice(5, 7))];
  if (billingPeriod === 'month') return month;
  if (billingPeriod === 'quarter') return (mm - 1) % 3 === 0 ? `${year}-Q${(mm - 1) / 3 + 1}` : null;
  return mm === 1 ? year : null;
}

/**
 * One month's bill for the people given: a line per person with custody days in the month (ref order),
 * each split into parts by schedule version, the lump sums that fall due, and the totals.
 */
export function billMonth(input: {
  month: string;
  zone: string;
  schedules: readonly FeeSchedule[];
  people: readonly PersonCustody[];
}): MonthBill {
  requireMonth(input.month);
  const period = monthRange(input.month);
  const segments = scheduleSegments(input.schedules, period);
  const currencies = new Set(input.schedules.map((s) => s.currency));
  if (currencies.size > 1) {
    throw new DomainError('rule_refusal', 'billing.mixed_currencies', { currencies: [...currencies] });
  }
  // People by ref: a ref given twice (a person with several intervals) is one line.
  const byRef = new Map<string, { personId: string | null; intervals: Interval[] }>();
  for (const p of input.people) {
    const entry = byRef.get(p.ref);
    if (entry) entry.intervals = [...entry.intervals, ...p.intervals];
    else byRef.set(p.ref, { personId: p.personId, intervals: p.intervals as Interval[] });
  }
  const single = segments.length === 1 ? segments[0]! : null;
  const lines: InvoiceLine[] = [];
  for (const [ref, person] of byRef) {
    const ranges = custodyDaysIn(person.intervals, input.zone, period);
    if (ranges.length === 0) continue;
    // The common case, one run of days under one schedule, without the general loop's arrays.
    if (single && ranges.length === 1) {
      const r = ranges[0]!;
      const part = linePart(single.schedule, r.first, r.last, r.last - r.first + 1);
      lines.push({
        ref,
        personId: person.personId,
        days: part.days,
        amountCents: part.amountCents,
        parts: [part],
      });
      continue;
    }
    const parts: LinePart[] = [];
    for (const segment of segments) {
      const within = ranges
        .map((r) => ({ first: Math.max(r.first, segment.first), last: Math.min(r.last, segment.last) }))
        .filter((r) => r.last >= r.first);
      const days = dayCount(within);
      if (days === 0) continue;
      parts.push(linePart(segment.schedule, within[0]!.first, within.at(-1)!.last, days));
    }
    lines.push({
      ref,
      personId: person.personId,
      days: parts.reduce((n, p) => n + p.days, 0),
      amountCents: parts.reduce((n, p) => n + p.amountCents, 0),
      parts,
    });
  }
  lines.sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  const charges: PeriodCharge[] = [];
  // Segments start on the month's first day: the first one's schedule is the version in force then.
  const first = segments[0]?.schedule;
  if (first?.kind === 'lump_sum') {
    const due = periodStartingIn(input.month, first.billingPeriod);
    if (due)
      charges.push({
        kind: 'lump_sum',
        scheduleVersion: first.version,
        period: due,
        amountCents: first.amountCents,
      });
  }
  const totalCents =
    lines.reduce((n, l) => n + l.amountCents, 0) + charges.reduce((n, c) => n + c.amountCents, 0);
  return {
    month: input.month,
    zone: input.zone,
    currency: [...currencies][0] ?? null,
    lines,
    charges,
    totalDays: lines.reduce((n, l) => n + l.days, 0),
    totalCents,
  };
}
