import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { epochDayOf } from '../core/days.js';
import { monthRange } from './custody-days.js';
import { billMonth, chargeFor, divRoundHalfUp, type FeeSchedule, scheduleSegments } from './fees.js';

const SV = 'America/El_Salvador';
const cecot: FeeSchedule = {
  version: 1,
  kind: 'per_person_year',
  amountCents: 2_000_000,
  currency: 'USD',
  billingPeriod: 'month',
  effectiveFrom: '2025-03-14',
  clause: '§4.1',
};
const person = (ref: string, intake: string, release: string | null = null) => ({
  ref,
  personId: null,
  intervals: [{ intakeMs: Date.parse(intake), releaseMs: release === null ? null : Date.parse(release) }],
});

describe('fees', () => {
  it('rounds half up in integer arithmetic', () => {
    expect(divRoundHalfUp(5n, 2n)).toBe(3n);
    expect(divRoundHalfUp(4n, 2n)).toBe(2n);
    expect(divRoundHalfUp(7n, 4n)).toBe(2n); // 1.75
    expect(divRoundHalfUp(5n, 4n)).toBe(1n); // 1.25
    expect(divRoundHalfUp(0n, 365n)).toBe(0n);
    expect(() => divRoundHalfUp(-1n, 2n)).toThrow(RangeError);
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.bigInt({ min: 1n, max: 10n ** 6n }), (n, d) => {
        const q = divRoundHalfUp(n, d);
        // q is the nearest integer, halves going up: |n/d − q| ≤ 1/2, and exactly 1/2 only below.
        expect(2n * n >= (2n * q - 1n) * d && 2n * n < (2n * q + 1n) * d).toBe(true);
      }),
    );
  });

  it('charges $20,000 a person-year by the day: round_half_up(days × 2,000,000 / 365)', () => {
    expect(chargeFor(30, cecot)).toBe(164_384); // 164,383.56…
    expect(chargeFor(31, cecot)).toBe(169_863); // 169,863.01…
    expect(chargeFor(1, cecot)).toBe(5_479); // 5,479.45…
    expect(chargeFor(365, cecot)).toBe(2_000_000);
    expect(chargeFor(0, cecot)).toBe(0);
    expect(chargeFor(10, { kind: 'per_person_day', amountCents: 12_080 })).toBe(120_800);
    expect(() => chargeFor(-1, cecot)).toThrow(RangeError);
    // The fast arithmetic agrees with BigInt everywhere, up to fees of trillions of dollars.
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 366 }),
        fc.integer({ min: 0, max: 2 ** 53 / 1024 }),
        (days, amount) => {
          const exact = (2n * BigInt(days) * BigInt(amount) + 365n) / 730n;
          expect(chargeFor(days, { kind: 'per_person_year', amountCents: amount })).toBe(Number(exact));
          expect(chargeFor(days, { kind: 'per_person_day', amountCents: amount })).toBe(
            Number(BigInt(days) * BigInt(amount)),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('bills a month: a line per person with their days, in ref order, and the total is the sum of the lines', () => {
    const bill = billMonth({
      month: '2025-04',
      zone: SV,
      schedules: [cecot],
      people: [
        person('B', '2025-04-10T23:00:00Z'), // 17:00 local on the 10th: 21 days
        person('A', '2025-03-20T23:00:00Z', '2025-04-05T15:00:00Z'), // released the 5th: 4 days in April
        person('C', '2025-05-01T03:00:00Z'), // 21:00 local on 30 April: 1 day
        person('D', '2025-05-02T15:00:00Z'), // May: no line
      ],
    });
    expect(bill.lines.map((l) => [l.ref, l.days, l.amountCents])).toEqual([
      ['A', 4, 21_918],
      ['B', 21, 115_068],
      ['C', 1, 5_479],
    ]);
    expect(bill.totalCents).toBe(21_918 + 115_068 + 5_479);
    expect(bill.totalDays).toBe(26);
    expect(bill.lines[1]?.parts).toEqual([
      {
        scheduleVersion: 1,
        from: '2025-04-10',
        to: '2025-04-30',
        days: 21,
        amountCents: 115_068,
        explanation: 'round_half_up(21 × 2000000 / 365) = 115068',
      },
    ]);
  });

  it('charges each day under the schedule in force that day, and nothing before the first one', () => {
    const v2: FeeSchedule = { ...cecot, version: 2, amountCents: 2_500_000, effectiveFrom: '2025-04-16' };
    const bill = billMonth({
      month: '2025-03',
      zone: SV,
      schedules: [v2, cecot],
      people: [person('A', '2025-03-10T15:00:00Z')],
    });
    expect(bill.lines[0]?.parts.map((p) => [p.scheduleVersion, p.from, p.to, p.days, p.amountCents])).toEqual(
      [
        [null, '2025-03-10', '2025-03-13', 4, 0],
        [1, '2025-03-14', '2025-03-31', 18, 98_630],
      ],
    );
    const april = billMonth({
      month: '2025-04',
      zone: SV,
      schedules: [cecot, v2],
      people: [person('A', '2025-03-10T15:00:00Z')],
    });
    expect(april.lines[0]).toMatchObject({ days: 30, amountCents: 82_192 + 102_740 });
    expect(
      scheduleSegments([cecot, v2], monthRange('2025-04')).map((s) => [
        s.schedule?.version,
        s.last - s.first + 1,
      ]),
    ).toEqual([
      [1, 15],
      [2, 15],
    ]);
  });

  it('charges a lump sum once per period, on the invoice of the month the period starts', () => {
    const lump: FeeSchedule = {
      ...cecot,
      kind: 'lump_sum',
      amountCents: 600_000_000,
      billingPeriod: 'quarter',
      effectiveFrom: '2025-01-01',
    };
    const months = ['2025-01', '2025-02', '2025-03', '2025-04'].map((month) =>
      billMonth({ month, zone: SV, schedules: [lump], people: [person('A', '2025-01-05T15:00:00Z')] }),
    );
    expect(months.map((b) => b.charges.map((c) => c.period))).toEqual([['2025-Q1'], [], [], ['2025-Q2']]);
    expect(months[0]?.lines[0]).toMatchObject({ days: 27, amountCents: 0 });
    expect(months[0]?.totalCents).toBe(600_000_000);
  });

  it('refuses a month that is not one, and schedules in two currencies', () => {
    expect(() => billMonth({ month: '2025-13', zone: SV, schedules: [cecot], people: [] })).toThrow(
      /YYYY-MM/,
    );
    expect(() =>
      billMonth({
        month: '2025-04',
        zone: SV,
        schedules: [cecot, { ...cecot, version: 2, currency: 'EUR' }],
        people: [],
      }),
    ).toThrow(/currencies/);
  });

  it('gives every day of a month to exactly one schedule version', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: epochDayOf('2025-01-01'), max: epochDayOf('2025-12-31') }), {
          maxLength: 5,
        }),
        fc.integer({ min: 0, max: 11 }),
        (starts, m) => {
          const schedules = starts.map((d, i) => ({
            ...cecot,
            version: i + 1,
            effectiveFrom: new Date(d * 86_400_000).toISOString().slice(0, 10),
          }));
          const month = `2025-${String(m + 1).padStart(2, '0')}`;
          const period = monthRange(month);
          const segments = scheduleSegments(schedules, period);
          expect(segments[0]?.first).toBe(period.first);
          expect(segments.at(-1)?.last).toBe(period.last);
          for (let i = 1; i < segments.length; i++)
            expect(segments[i]!.first).toBe(segments[i - 1]!.last + 1);
          for (const s of segments) {
            const inForce = schedules
              .filter((x) => epochDayOf(x.effectiveFrom) <= s.first)
              .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || a.version - b.version)
              .at(-1);
            expect(s.schedule?.version).toBe(inForce?.version);
          }
        },
      ),
    );
  });
});
