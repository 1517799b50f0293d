import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../core/days.js';
import { RELEASE_REASONS } from '../custody/release-reasons.js';
import { LEGAL_STATUSES } from '../people/model.js';
import { CANCELLATION_REASONS } from '../transfers/reasons.js';
import { type PublishedFigures, publish, type StatisticsFacts, TRANSFER_OUTCOMES, tally } from './model.js';
import { COMPLEMENTARY, type PublishedCount, suppressGroup, UNDER_TEN } from './suppression.js';

/**
 * The attacker: a reader who knows the suppression rules (`<10` is 1–9, `x` is 10 or more, a total is the
 * sum of its parts, a death is also a release) and every published figure, and tries to work out each
 * suppressed count. It is written without the model's range arithmetic: it enumerates, with a table of
 * reachable sums, every value each suppressed part could take.
 */
interface Relation {
  name: string;
  total: PublishedCount;
  parts: { key: string; count: PublishedCount; truth: number; range?: [number, number] }[];
}

function candidates(mark: PublishedCount, cap: number): number[] {
  if (typeof mark === 'number') return [mark];
  const values: number[] = [];
  const [lo, hi] = mark === UNDER_TEN ? [1, 9] : [10, Math.max(cap, 10)];
  for (let v = lo; v <= hi; v++) values.push(v);
  return values;
}

/** Every value each part of a relation with a known total could take, given all the other parts. */
function recover(total: number, domains: number[][]): Set<number>[] {
  return domains.map((own, i) => {
    // Reachable sums of the other parts, capped at the total.
    let reach = new Set<number>([0]);
    domains.forEach((d, j) => {
      if (j === i) return;
      const next = new Set<number>();
      for (const s of reach) for (const v of d) if (s + v <= total) next.add(s + v);
      reach = next;
    });
    return new Set(own.filter((v) => reach.has(total - v)));
  });
}

function relationsOf(p: PublishedFigures, truth: Truth): Relation[] {
  const rel = (
    name: string,
    total: PublishedCount,
    parts: { key: string; count: PublishedCount }[] | null,
    truths: Map<string, number>,
  ): Relation[] => {
    if (parts === null) return [];
    return [{ name, total, parts: parts.map((x) => ({ ...x, truth: truths.get(x.key) ?? 0 })) }];
  };
  const out: Relation[] = [
    ...rel('nationality', p.population.total, p.population.byNationality, truth.nationality),
    ...rel('status', p.population.total, p.population.byLegalStatus, truth.status),
    ...rel(
      'reasons',
      p.transfers.byOutcome.find((o) => o.outcome === 'cancelled')?.total ?? 0,
      p.transfers.cancelledByReason,
      truth.reasons,
    ),
    ...rel('buckets', p.custodyLength.ended, p.custodyLength.buckets, truth.buckets),
  ];
  for (const o of p.transfers.byOutcome)
    out.push(...rel(o.outcome, o.total, o.byMonth, truth.months[o.outcome] ?? new Map()));
  // The releases' death cell is the deaths count: a reader substitutes it when it is shown.
  const releases = p.releases.byReason?.map((x) =>
    x.key === 'death' && typeof p.deaths.count === 'number' ? { ...x, count: p.deaths.count } : x,
  );
  out.push(...rel('releases', p.releases.total, releases ?? null, truth.releases));
  for (const c of p.compliance) {
    if (c.met === null || c.notMet === null) continue;
    const evaluated = truth.compliance.get(c.standard) ?? [0, 0];
    const r: Relation = {
      name: c.standard,
      total: c.evaluated,
      parts: [
        { key: 'met', count: c.met, truth: evaluated[1] },
        { key: 'notMet', count: c.notMet, truth: evaluated[0] - evaluated[1] },
      ],
    };
    // The share, exact or as a range, tells the reader about `met` too.
    const n = typeof c.evaluated === 'number' ? c.evaluated : 0;
    const met = r.parts[0];
    if (met && c.shareMet !== null)
      met.range = [Math.round((c.shareMet * n) / 100), Math.round((c.shareMet * n) / 100)];
    if (met && c.shareMetRange)
      met.range = [
        Math.ceil((c.shareMetRange.low * n) / 100 - 1e-9),
        Math.floor((c.shareMetRange.high * n) / 100 + 1e-9),
      ];
    out.push(r);
  }
  return out;
}

interface Truth {
  nationality: Map<string, number>;
  status: Map<string, number>;
  reasons: Map<string, number>;
  buckets: Map<string, number>;
  releases: Map<string, number>;
  months: Record<string, Map<string, number>>;
  compliance: Map<string, [number, number]>;
}

const FROM = '2025-01-01';
const TO = '2025-03-31';
const day = fc.integer({ min: -40, max: 95 }).map((n) => addDays(FROM, n));

const factsArb: fc.Arbitrary<StatisticsFacts> = fc
  .record({
    intervals: fc.array(
      fc.record({
        nationality: fc.constantFrom('SV', 'VE', 'HN', 'GT', 'MX'),
        legalStatus: fc.constantFrom(...LEGAL_STATUSES.slice(0, 4)),
        startDate: day,
        length: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
        releaseReason: fc.constantFrom(...RELEASE_REASONS.slice(0, 6)),
      }),
      { maxLength: 70 },
    ),
    steps: fc.array(
      fc.record({
        transferId: fc.integer({ min: 1, max: 90 }).map(String),
        outcome: fc.constantFrom(...TRANSFER_OUTCOMES),
        date: day,
        reason: fc.constantFrom(...CANCELLATION_REASONS.slice(0, 4)),
      }),
      { maxLength: 90 },
    ),
    compliance: fc.array(
      fc
        .integer({ min: 0, max: 40 })
        .chain((evaluated) => fc.integer({ min: 0, max: evaluated }).map((met) => ({ evaluated, met }))),
      { maxLength: 6 },
    ),
  })
  .map(({ intervals, steps, compliance }) => {
    const facts = intervals.map((i) => ({
      nationality: i.nationality,
      legalStatus: i.legalStatus,
      startDate: i.startDate,
      endDate: i.length === null ? null : addDays(i.startDate, i.length),
      releaseReason: i.length === null ? null : i.releaseReason,
    }));
    return {
      from: FROM,
      to: TO,
      date: TO,
      intervals: facts,
      steps,
      // The worst case for a reader: every death is also a release with reason death.
      deaths: facts
        .filter((i) => i.releaseReason === 'death' && i.endDate !== null)
        .map((i) => i.endDate ?? ''),
      compliance: compliance.map((c, i) => ({ standard: `s${i}`, ...c })),
    };
  });

const COUNT_KEYS = new Set(['total', 'count', 'evaluated', 'met', 'notMet', 'ended']);

/** Every count in the published figures that is a number from 1 to 9, with its path. */
function smallCounts(value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => smallCounts(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) =>
    COUNT_KEYS.has(k) && typeof v === 'number' && v >= 1 && v <= 9
      ? [`${path}.${k}=${v}`]
      : smallCounts(v, `${path}.${k}`),
  );
}

describe('public statistics suppression', () => {
  it('suppresses a lone small part with the next smallest, and withholds a breakdown with a small total', () => {
    expect(
      suppressGroup(40, [
        { key: 'a', count: 3 },
        { key: 'b', count: 25 },
        { key: 'c', count: 12 },
        { key: 'd', count: 0 },
      ]),
    ).toEqual({
      total: 40,
      parts: [
        { key: 'a', count: UNDER_TEN },
        { key: 'b', count: 25 },
        { key: 'c', count: COMPLEMENTARY },
        { key: 'd', count: 0 },
      ],
    });
    expect(suppressGroup(7, [{ key: 'a', count: 7 }])).toEqual({ total: UNDER_TEN, parts: null });
    // 1 + 10 = 11: with both hidden, a reader still knows the first is 1 and the second 10.
    expect(
      suppressGroup(11, [
        { key: 'a', count: 1 },
        { key: 'b', count: 10 },
      ]),
    ).toEqual({ total: 11, parts: null });
    expect(suppressGroup(0, [{ key: 'a', count: 0 }])).toEqual({ total: 0, parts: [{ key: 'a', count: 0 }] });
  });

  it('never lets a reader recover a suppressed count from the published figures, totals, shares or rates', () => {
    fc.assert(
      fc.property(factsArb, (facts) => {
        const raw = tally(facts);
        const published = publish(raw);
        expect(smallCounts(published)).toEqual([]);
        const truth: Truth = {
          nationality: new Map(raw.population.byNationality.map((p) => [p.key, p.count])),
          status: new Map(raw.population.byLegalStatus.map((p) => [p.key, p.count])),
          reasons: new Map(raw.transfers.cancelledByReason.map((p) => [p.key, p.count])),
          buckets: new Map(raw.custodyLength.buckets.map((p) => [p.key, p.count])),
          releases: new Map(raw.releases.byReason.map((p) => [p.key, p.count])),
          months: Object.fromEntries(
            TRANSFER_OUTCOMES.map((o) => [
              o,
              new Map(raw.transfers.byOutcome[o].map((p) => [p.key, p.count])),
            ]),
          ),
          compliance: new Map(raw.compliance.map((c) => [c.standard, [c.evaluated, c.met]])),
        };
        for (const r of relationsOf(published, truth)) {
          // A total is published unless it is under 10, and then its breakdown is not.
          expect(typeof r.total, r.name).toBe('number');
          const total = typeof r.total === 'number' ? r.total : 0;
          const domains = r.parts.map((x) => {
            const own = candidates(x.count, total);
            return x.range ? own.filter((v) => v >= (x.range?.[0] ?? 0) && v <= (x.range?.[1] ?? 0)) : own;
          });
          const feasible = recover(total, domains);
          r.parts.forEach((x, i) => {
            const values = feasible[i] ?? new Set<number>();
            expect(values.has(x.truth), `${r.name}.${x.key}: the truth is feasible`).toBe(true);
            if (typeof x.count !== 'number') {
              expect(values.size, `${r.name}.${x.key} (${x.truth}) is recoverable`).toBeGreaterThan(1);
            }
          });
        }
        // A rate with a shown average daily population reveals the deaths: only with a shown count.
        if (published.deaths.ratePer100k === 0) expect(published.deaths.count).toBe(0);
        if (published.deaths.ratePer100k !== null && published.deaths.ratePer100k !== 0) {
          expect(typeof published.deaths.count).toBe('number');
          expect(typeof published.deaths.averageDailyPopulation).toBe('number');
        }
        if (published.custodyLength.medianDays !== null)
          expect(typeof published.custodyLength.ended).toBe('number');
      }),
      { numRuns: 400 },
    );
  });
});
