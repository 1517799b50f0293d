import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Temporal } from '../core/dates.js';
import { epochDayOf, isoOfEpochDay } from '../core/days.js';
import {
  custodyDayRange,
  custodyDaysIn,
  dayCount,
  daysOf,
  type Interval,
  localEpochDay,
  monthRange,
} from './custody-days.js';

const SV = 'America/El_Salvador';
const ms = (iso: string) => Date.parse(iso);
const interval = (intake: string, release: string | null): Interval => ({
  intakeMs: ms(intake),
  releaseMs: release === null ? null : ms(release),
});

/** The slow, obvious definition: each date whose 23:59:59.999 local the person is in custody. */
function slowCustodyDays(i: Interval, zone: string, from: string, to: string): string[] {
  const out: string[] = [];
  for (
    let d = Temporal.PlainDate.from(from);
    Temporal.PlainDate.compare(d, to) <= 0;
    d = d.add({ days: 1 })
  ) {
    const endOfDay = d.add({ days: 1 }).toZonedDateTime({ timeZone: zone }).epochMilliseconds - 1;
    if (i.intakeMs <= endOfDay && (i.releaseMs === null || i.releaseMs > endOfDay)) out.push(d.toString());
  }
  return out;
}

const ZONES = [SV, 'America/New_York', 'America/Chicago', 'Europe/Madrid', 'Australia/Lord_Howe', 'UTC'];
const instantIn2024To2026 = fc.integer({ min: ms('2024-01-01T00:00:00Z'), max: ms('2026-12-31T00:00:00Z') });

describe('custody days', () => {
  it('counts the arrival day and not the release day, whatever the hour', () => {
    const days = (a: string, r: string | null) =>
      daysOf(custodyDaysIn([interval(a, r)], SV, monthRange('2025-04')));
    // 08:00 local on 10 April to 08:00 local on 12 April: the 10th and the 11th.
    expect(days('2025-04-10T14:00:00Z', '2025-04-12T14:00:00Z')).toEqual(['2025-04-10', '2025-04-11']);
    // Taken in at 23:59:30 local: in custody at the end of that day.
    expect(days('2025-04-11T05:59:30Z', '2025-04-12T14:00:00Z')).toEqual(['2025-04-10', '2025-04-11']);
    // Released at 23:59:30 local: the release day is not counted.
    expect(days('2025-04-10T14:00:00Z', '2025-04-11T05:59:30Z')).toEqual([]);
    // Released at midnight local: the day before counts.
    expect(days('2025-04-10T14:00:00Z', '2025-04-11T06:00:00Z')).toEqual(['2025-04-10']);
    // Released the day of arrival: no custody day.
    expect(custodyDayRange(interval('2025-04-10T14:00:00Z', '2025-04-10T20:00:00Z'), SV)).toBeNull();
    // Still in custody: every day from arrival to the month's end.
    expect(days('2025-04-29T14:00:00Z', null)).toEqual(['2025-04-29', '2025-04-30']);
  });

  it('reads the date in the facility’s zone: 21:00 on 31 January in San Salvador is already February in UTC', () => {
    const arrival = interval('2025-02-01T03:00:00Z', null); // 2025-01-31 21:00 -06:00
    expect(daysOf(custodyDaysIn([arrival], SV, monthRange('2025-01')))).toEqual(['2025-01-31']);
    expect(dayCount(custodyDaysIn([arrival], SV, monthRange('2025-02')))).toBe(28);
    expect(daysOf(custodyDaysIn([arrival], 'UTC', monthRange('2025-01')))).toEqual([]);
    // Released 21:00 local on 30 April (1 May in UTC): 30 April is the release day, not counted.
    const stay = interval('2025-04-28T14:00:00Z', '2025-05-01T03:00:00Z');
    expect(daysOf(custodyDaysIn([stay], SV, monthRange('2025-04')))).toEqual(['2025-04-28', '2025-04-29']);
    expect(daysOf(custodyDaysIn([stay], SV, monthRange('2025-05')))).toEqual([]);
  });

  it('agrees with the slow definition in any zone, across daylight-saving changes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        instantIn2024To2026,
        fc.option(fc.integer({ min: 0, max: 90 * 86_400_000 }), { nil: null }),
        (zone, intake, length) => {
          const i: Interval = { intakeMs: intake, releaseMs: length === null ? null : intake + length };
          const from = isoOfEpochDay(localEpochDay(intake, zone) - 2);
          const to = isoOfEpochDay(localEpochDay(intake, zone) + 95);
          const fast = daysOf(custodyDaysIn([i], zone, { first: epochDayOf(from), last: epochDayOf(to) }));
          expect(fast).toEqual(slowCustodyDays(i, zone, from, to));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds the local date exactly, even within a quarter hour that changes offset', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instantIn2024To2026, (zone, t) => {
        const expected = Temporal.Instant.fromEpochMilliseconds(t)
          .toZonedDateTimeISO(zone)
          .toPlainDate()
          .toString();
        expect(isoOfEpochDay(localEpochDay(t, zone))).toBe(expected);
      }),
      { numRuns: 2000 },
    );
    // New York's spring change, 2025-03-09 02:00 EST = 07:00Z; and Lord Howe's half-hour change.
    for (const [zone, iso] of [
      ['America/New_York', '2025-03-09T06:59:59.999Z'],
      ['America/New_York', '2025-03-09T07:00:00Z'],
      ['Australia/Lord_Howe', '2025-04-05T14:59:59.999Z'],
      ['Australia/Lord_Howe', '2025-04-05T15:00:00Z'],
    ] as const) {
      const t = ms(iso);
      expect(isoOfEpochDay(localEpochDay(t, zone))).toBe(
        Temporal.Instant.fromEpochMilliseconds(t).toZonedDateTimeISO(zone).toPlainDate().toString(),
      );
    }
  });

  it('bills every custody day exactly once across consecutive months', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.array(
          fc.tuple(
            instantIn2024To2026,
            fc.option(fc.integer({ min: 0, max: 400 * 86_400_000 }), { nil: null }),
          ),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        (zone, raw) => {
          const intervals = raw.map(([a, len]) => ({
            intakeMs: a,
            releaseMs: len === null ? null : a + len,
          }));
          const months: string[] = [];
          for (
            let m = Temporal.PlainYearMonth.from('2023-12');
            Temporal.PlainYearMonth.compare(m, '2028-03') <= 0;
            m = m.add({ months: 1 })
          ) {
            months.push(m.toString());
          }
          const billed = months.flatMap((m) => daysOf(custodyDaysIn(intervals, zone, monthRange(m))));
          // No day twice, even where intervals overlap.
          expect(new Set(billed).size).toBe(billed.length);
          // Every day of the union of the intervals, within the months looked at.
          const whole = daysOf(
            custodyDaysIn(intervals, zone, {
              first: epochDayOf('2023-12-01'),
              last: epochDayOf('2028-03-31'),
            }),
          );
          expect(billed).toEqual(whole);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never changes the total when an interval is split at any instant', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        instantIn2024To2026,
        fc.integer({ min: 0, max: 200 * 86_400_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (zone, intake, length, at) => {
          const release = intake + length;
          const cut = intake + Math.floor(length * at);
          const period = { first: epochDayOf('2023-12-01'), last: epochDayOf('2027-12-31') };
          const whole = dayCount(custodyDaysIn([{ intakeMs: intake, releaseMs: release }], zone, period));
          const a = custodyDaysIn([{ intakeMs: intake, releaseMs: cut }], zone, period);
          const b = custodyDaysIn([{ intakeMs: cut, releaseMs: release }], zone, period);
          expect(dayCount(a) + dayCount(b)).toBe(whole);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('knows each month’s days', () => {
    expect(monthRange('2024-02')).toEqual({
      first: epochDayOf('2024-02-01'),
      last: epochDayOf('2024-02-29'),
    });
    expect(monthRange('2025-12').last).toBe(epochDayOf('2025-12-31'));
  });
});
