import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainDate, Temporal } from './dates.js';
import { addDays, epochDayOf, isoOfEpochDay } from './days.js';

describe('day numbers without Temporal give what Temporal gives', () => {
  const EPOCH = Temporal.PlainDate.from('1970-01-01');
  const temporalDay = (iso: string) => plainDate(iso).since(EPOCH, { largestUnit: 'day' }).days;
  const temporalIso = (day: number) => EPOCH.add({ days: day }).toString();
  /** The RangeError Temporal throws, or the value. */
  const outcome = <T>(f: () => T): T | string => {
    try {
      return f();
    } catch (error) {
      return `${(error as Error).name}: ${(error as Error).message}`;
    }
  };

  it.each([
    ['1970-01-01', 0],
    ['1969-12-31', -1],
    ['0000-01-01', -719_528],
    ['0000-03-01', -719_468],
    ['2000-02-29', 11_016],
    ['2025-03-14', 20_161],
    ['9999-12-31', 2_932_896],
    ['+010000-01-01', 2_932_897],
    ['-000001-12-31', -719_529],
  ])('%s is day %i, and back', (iso, day) => {
    expect(epochDayOf(iso)).toBe(day);
    expect(isoOfEpochDay(day)).toBe(iso);
  });

  it('every day from year 0 to year 10000 and beyond (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 3_200_000 }), (day) => {
        const iso = temporalIso(day);
        expect(isoOfEpochDay(day)).toBe(iso);
        expect(epochDayOf(iso)).toBe(day);
        expect(epochDayOf(iso)).toBe(temporalDay(iso));
      }),
      { numRuns: 2000 },
    );
  });

  it('adds days as Temporal does, out-of-range sums included (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -719_528, max: 2_932_896 }),
        fc.oneof(fc.integer({ min: -5000, max: 5000 }), fc.integer({ min: -2e8, max: 2e8 })),
        (day, days) => {
          const iso = temporalIso(day);
          expect(outcome(() => addDays(iso, days))).toEqual(
            outcome(() => plainDate(iso).add({ days }).toString()),
          );
        },
      ),
      { numRuns: 1000 },
    );
  });

  it.each([
    '2025-02-29',
    '2024-02-30',
    '2025-04-31',
    '2025-13-01',
    '2025-00-10',
    '2025-01-00',
    '2025-1-01',
    '20250314',
    '2025-03-14T00:00',
    ' 2025-03-14',
    '２０２５-03-14',
    '',
  ])('reads %j exactly as Temporal does, refusals included', (iso) => {
    expect(outcome(() => epochDayOf(iso))).toEqual(outcome(() => temporalDay(iso)));
  });

  it('refuses a day past what Temporal can represent, as Temporal does', () => {
    expect(outcome(() => isoOfEpochDay(100_000_001))).toEqual(outcome(() => temporalIso(100_000_001)));
    expect(outcome(() => addDays('2025-03-14', 1.5))).toEqual(
      outcome(() => plainDate('2025-03-14').add({ days: 1.5 }).toString()),
    );
  });
});
