import { epochDayOf } from '../core/days.js';
import { RELEASE_REASONS, type ReleaseReason } from '../custody/release-reasons.js';
import { LEGAL_STATUSES } from '../people/model.js';
import { CANCELLATION_REASONS, type CancellationReason } from '../transfers/reasons.js';
import {
  feasibleRange,
  type PublishedCount,
  type PublishedGroup,
  publishCount,
  suppressGroup,
  UNDER_TEN,
} from './suppression.js';

/**
 * The public statistics (docs/domain.md, Public statistics). Pure: the facts of a facility or an agreement
 * in (custody intervals, transfer steps, deaths, the compliance report's counts), the raw figures out
 * (`tally`), then the figures as published, with small counts suppressed (`publish`).
 */

/** The transfer outcomes counted by month, in docs/domain.md's order. */
export const TRANSFER_OUTCOMES = ['received', 'cancelled', 'on_hold', 'returned'] as const;
export type TransferOutcome = (typeof TRANSFER_OUTCOMES)[number];

/** Custody length buckets, in days: [label, least, greatest or null]. */
export const LENGTH_BUCKETS = [
  ['0-29', 0, 29],
  ['30-89', 30, 89],
  ['90-179', 90, 179],
  ['180-364', 180, 364],
  ['365+', 365, null],
] as const;
export type LengthBucket = (typeof LENGTH_BUCKETS)[number][0];

/** One custody interval, its dates local to its facility (start inclusive, end exclusive). */
export interface IntervalFact {
  nationality: string;
  legalStatus: string;
  startDate: string;
  endDate: string | null;
  releaseReason: string | null;
}

/** One step of a transfer into an outcome, dated locally. */
export interface TransferStepFact {
  transferId: string;
  outcome: TransferOutcome;
  date: string;
  reason: string | null;
}

/** What the statistics are computed from. */
export interface StatisticsFacts {
  from: string;
  to: string;
  /** The day the population is counted at the end of (the period's end unless asked otherwise). */
  date: string;
  intervals: readonly IntervalFact[];
  steps: readonly TransferStepFact[];
  /** Local dates of deaths in custody. */
  deaths: readonly string[];
  /** Per standard: evaluated cell-days or person-days, and how many of them met it. */
  compliance: readonly { standard: string; evaluated: number; met: number }[];
}

/** The figures before suppression. */
export interface RawFigures {
  from: string;
  to: string;
  date: string;
  days: number;
  population: { total: number; byNationality: Parts; byLegalStatus: Parts };
  transfers: { months: string[]; byOutcome: Record<TransferOutcome, Parts>; cancelledByReason: Parts };
  deaths: { count: number; custodyDays: number };
  compliance: { standard: string; evaluated: number; met: number }[];
  custodyLength: { lengths: number[]; buckets: Parts };
  releases: { byReason: Parts };
}

type Parts = { key: string; count: number }[];

/** The months (YYYY-MM) a period touches. */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const last = to.slice(0, 7);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    months.push(month);
    if (month >= last) return months;
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
}

function tallyBy(values: readonly string[], keys: readonly string[] = []): Parts {
  const counts = new Map<string, number>(keys.map((k) => [k, 0]));
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const listed = keys.map((k) => ({ key: k, count: counts.get(k) ?? 0 }));
  const others = [...counts]
    .filter(([k]) => !keys.includes(k))
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([key, count]) => ({ key, count }));
  return [...listed, ...others];
}

const sum = (parts: Parts) => parts.reduce((n, p) => n + p.count, 0);

/** The median of a list of numbers (the mean of the middle two for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? 0) + upper) / 2;
}

/** Counts the raw figures of a period from its facts. */
export function tally(facts: StatisticsFacts): RawFigures {
  const { from, to, date } = facts;
  const first = epochDayOf(from);
  const last = epochDayOf(to);
  const inCustodyAt = facts.intervals.filter(
    (i) => i.startDate <= date && (i.endDate === null || i.endDate > date),
  );
  // Custody days: the days of the period each interval covers (a day counts when the person is held at its end).
  let custodyDays = 0;
  for (const i of facts.intervals) {
    const start = Math.max(epochDayOf(i.startDate), first);
    const end = Math.min(i.endDate === null ? last + 1 : epochDayOf(i.endDate), last + 1);
    if (end > start) custodyDays += end - start;
  }
  const ended = facts.intervals.filter((i) => i.endDate !== null && i.endDate >= from && i.endDate <= to);
  const lengths = ended.map((i) => epochDayOf(i.endDate ?? i.startDate) - epochDayOf(i.startDate));
  const months = monthsOf(from, to);
  const inPeriod = facts.steps.filter((s) => s.date >= from && s.date <= to);
  const byOutcome = Object.fromEntries(
    TRANSFER_OUTCOMES.map((o) => {
      // A transfer counts once per outcome and month, however many times it went on hold in it.
      const distinct = new Set(
        inPeriod.filter((s) => s.outcome === o).map((s) => `${s.date.slice(0, 7)} ${s.transferId}`),
      );
      return [
        o,
        tallyBy(
          [...distinct].map((k) => k.slice(0, 7)),
          months,
        ),
      ];
    }),
  ) as Record<TransferOutcome, Parts>;
  const cancelled = new Map(
    inPeriod
      .filter((s) => s.outcome === 'cancelled')
      .map((s) => [`${s.date.slice(0, 7)} ${s.transferId}`, s.reason ?? 'unknown']),
  );
  return {
    from,
    to,
    date,
    days: last - first + 1,
    population: {
      total: inCustodyAt.length,
      byNationality: tallyBy(inCustodyAt.map((i) => i.nationality)).sort(
        (a, b) => b.count - a.count || a.key.localeCompare(b.key),
      ),
      byLegalStatus: tallyBy(
        inCustodyAt.map((i) => i.legalStatus),
        LEGAL_STATUSES,
      ),
    },
    transfers: {
      months,
      byOutcome,
      cancelledByReason: tallyBy(
        [...cancelled.values()],
        CANCELLATION_REASONS satisfies readonly CancellationReason[],
      ),
    },
    deaths: { count: facts.deaths.filter((d) => d >= from && d <= to).length, custodyDays },
    compliance: facts.compliance.map((c) => ({ ...c })),
    custodyLength: {
      lengths,
      buckets: tallyBy(
        lengths.map(
          (n) => LENGTH_BUCKETS.find(([, lo, hi]) => n >= lo && (hi === null || n <= hi))?.[0] ?? '365+',
        ),
        LENGTH_BUCKETS.map(([label]) => label),
      ),
    },
    releases: {
      byReason: tallyBy(
        ended.map((i) => i.releaseReason ?? 'unknown'),
        RELEASE_REASONS satisfies readonly ReleaseReason[],
      ),
    },
  };
}

/** One standard's published row. */
export interface PublishedCompliance {
  standard: string;
  evaluated: PublishedCount;
  /** Null when the breakdown is withheld (fewer than 10 evaluated). */
  met: PublishedCount | null;
  notMet: PublishedCount | null;
  /** Percent of evaluated days that met the standard, when the counts are shown. */
  shareMet: number | null;
  /** When a count is suppressed: the least and greatest percent a reader can tell, which is all the share says. */
  shareMetRange: { low: number; high: number } | null;
}

/** The figures as published. */
export interface PublishedFigures {
  from: string;
  to: string;
  date: string;
  population: {
    total: PublishedCount;
    byNationality: PublishedGroup['parts'];
    byLegalStatus: PublishedGroup['parts'];
  };
  transfers: {
    months: string[];
    byOutcome: { outcome: TransferOutcome; total: PublishedCount; byMonth: PublishedGroup['parts'] }[];
    cancelledByReason: PublishedGroup['parts'];
  };
  deaths: {
    count: PublishedCount;
    /** Average daily population: custody days in the period over its days. */
    averageDailyPopulation: number | typeof UNDER_TEN;
    /** Deaths per 100,000 of the average daily population; null when either is suppressed or ADP is 0. */
    ratePer100k: number | null;
  };
  compliance: PublishedCompliance[];
  custodyLength: {
    ended: PublishedCount;
    /** In days; null when fewer than 10 custody periods ended (one person's stay would show). */
    medianDays: number | null;
    buckets: PublishedGroup['parts'];
  };
  releases: { total: PublishedCount; byReason: PublishedGroup['parts'] };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function publishCompliance(c: RawFigures['compliance'][number]): PublishedCompliance {
  const g = suppressGroup(c.evaluated, [
    { key: 'met', count: c.met },
    { key: 'notMet', count: c.evaluated - c.met },
  ]);
  const met = g.parts?.[0]?.count ?? null;
  const notMet = g.parts?.[1]?.count ?? null;
  const row = { standard: c.standard, evaluated: g.total, met, notMet };
  if (typeof g.total !== 'number' || g.total === 0 || met === null || notMet === null) {
    return { ...row, shareMet: null, shareMetRange: null };
  }
  const n = g.total;
  if (typeof met === 'number') return { ...row, shareMet: round1((met / n) * 100), shareMetRange: null };
  // All the share may say is what a reader who knows the rules can tell from the counts anyway.
  const [lo, hi] = feasibleRange(n, [met, notMet], 0);
  return {
    ...row,
    shareMet: null,
    shareMetRange: { low: Math.floor((lo / n) * 1000) / 10, high: Math.ceil((hi / n) * 1000) / 10 },
  };
}

/** The figures as the public sees them: every count 1–9 as `<10`, complementary cells as `x`. */
export function publish(raw: RawFigures): PublishedFigures {
  const nationality = suppressGroup(raw.population.total, raw.population.byNationality);
  const status = suppressGroup(raw.population.total, raw.population.byLegalStatus);
  const outcomes = TRANSFER_OUTCOMES.map((o) => {
    const parts = raw.transfers.byOutcome[o];
    const g = suppressGroup(sum(parts), parts);
    return { outcome: o, total: g.total, byMonth: g.parts };
  });
  const cancelled = raw.transfers.byOutcome.cancelled;
  const reasons = suppressGroup(sum(cancelled), raw.transfers.cancelledByReason);
  const deaths = publishCount(raw.deaths.count);
  const adp = raw.days > 0 ? raw.deaths.custodyDays / raw.days : 0;
  const adpShown = adp > 0 && adp < 10 ? UNDER_TEN : round1(adp);
  const endedTotal = raw.custodyLength.lengths.length;
  const buckets = suppressGroup(endedTotal, raw.custodyLength.buckets);
  // A death is also a release reason: that cell is read off the deaths count, so never the complementary one.
  const releases = suppressGroup(endedTotal, raw.releases.byReason, ['death']);
  return {
    from: raw.from,
    to: raw.to,
    date: raw.date,
    population: { total: nationality.total, byNationality: nationality.parts, byLegalStatus: status.parts },
    transfers: { months: raw.transfers.months, byOutcome: outcomes, cancelledByReason: reasons.parts },
    deaths: {
      count: deaths,
      averageDailyPopulation: adpShown,
      // With a shown ADP the rate would reveal the count, and with a shown count the ADP: both must be shown
      // (no death is a rate of 0 whatever the ADP).
      ratePer100k:
        adp > 0 && deaths === 0
          ? 0
          : typeof deaths === 'number' && typeof adpShown === 'number' && adp > 0
            ? round1((raw.deaths.count / adp) * 100_000)
            : null,
    },
    compliance: raw.compliance.map(publishCompliance),
    custodyLength: {
      ended: buckets.total,
      medianDays: endedTotal >= 10 ? median(raw.custodyLength.lengths) : null,
      buckets: buckets.parts,
    },
    releases: { total: releases.total, byReason: releases.parts },
  };
}
