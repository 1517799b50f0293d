import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDaysTo,
  dayBounds,
  instantAt,
  isTimeZone,
  offsetAt,
  wallClock,
  weekdayOf,
  zoned,
} from './zones.js';

const NY = 'America/New_York';
const SV = 'America/El_Salvador';
const ZONES = [NY, SV, 'Europe/London', 'America/Chicago', 'Asia/Kathmandu', 'Australia/Lord_Howe'];
const at = (iso: string) => Date.parse(iso);

describe('zones', () => {
  it('reads wall clocks and offsets: El Salvador is UTC−6 all year, New York changes', () => {
    expect(wallClock(at('2025-03-08T14:00:00Z'), SV)).toEqual({
      date: '2025-03-08',
      time: '08:00',
      weekday: 6,
      offset: -360,
    });
    expect(offsetAt(at('2025-03-08T14:00:00Z'), NY)).toBe(-300);
    expect(offsetAt(at('2025-03-09T14:00:00Z'), NY)).toBe(-240);
    expect(offsetAt(at('2025-07-01T14:00:00Z'), SV)).toBe(-360);
  });

  it('shows 08:00 in El Salvador as 09:00 in New York the day before US clocks change, 10:00 that day', () => {
    const before = instantAt('2025-03-08', '08:00', SV);
    const day = instantAt('2025-03-09', '08:00', SV);
    expect(new Date(before).toISOString()).toBe('2025-03-08T14:00:00.000Z');
    expect(zoned(before, NY)).toEqual({ zone: NY, local: '2025-03-08T09:00' });
    expect(zoned(day, NY)).toEqual({ zone: NY, local: '2025-03-09T10:00' });
    expect(zoned(instantAt('2025-11-02', '08:00', SV), NY)).toEqual({ zone: NY, local: '2025-11-02T09:00' });
  });

  it('reads a wall clock in a gap forwards and one that occurs twice as the earlier instant', () => {
    expect(new Date(instantAt('2025-03-09', '02:30', NY)).toISOString()).toBe('2025-03-09T07:30:00.000Z');
    expect(zoned(instantAt('2025-03-09', '02:30', NY), NY).local).toBe('2025-03-09T03:30');
    expect(new Date(instantAt('2025-11-02', '01:30', NY)).toISOString()).toBe('2025-11-02T05:30:00.000Z');
  });

  it('has 23 hours on the New York day clocks spring forward and 24 in El Salvador', () => {
    const ny = dayBounds('2025-03-09', NY);
    const sv = dayBounds('2025-03-09', SV);
    expect((ny.to - ny.from) / 3_600_000).toBe(23);
    expect((sv.to - sv.from) / 3_600_000).toBe(24);
    expect(weekdayOf('2025-03-09')).toBe(7);
    expect(addDaysTo('2025-02-28', 1)).toBe('2025-03-01');
    expect(isTimeZone(NY)).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });

  it('round-trips every instant through its wall clock, in every zone, DST days included', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: at('2024-01-01T00:00:00Z') / 60_000, max: at('2027-01-01T00:00:00Z') / 60_000 }),
        fc.constantFrom(...ZONES),
        (minute, zone) => {
          const ms = minute * 60_000;
          const w = wallClock(ms, zone);
          const back = instantAt(w.date, w.time, zone);
          // The same wall clock, at this instant or (when it occurs twice) the earlier one.
          expect(zoned(back, zone).local).toBe(`${w.date}T${w.time}`);
          expect(back).toBeLessThanOrEqual(ms);
          expect(ms - back).toBeLessThanOrEqual(3_600_000);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps the court and facility wall clocks apart by exactly the difference of their offsets', () => {
    fc.assert(
      fc.property(
        // Minutes around the 2025 US clock changes, when New York moves and El Salvador does not.
        fc.oneof(
          fc.integer({ min: at('2025-03-08T00:00:00Z') / 60_000, max: at('2025-03-11T00:00:00Z') / 60_000 }),
          fc.integer({ min: at('2025-11-01T00:00:00Z') / 60_000, max: at('2025-11-04T00:00:00Z') / 60_000 }),
        ),
        (minute) => {
          const ms = minute * 60_000;
          const ny = Date.parse(`${zoned(ms, NY).local}:00Z`);
          const sv = Date.parse(`${zoned(ms, SV).local}:00Z`);
          expect((ny - sv) / 60_000).toBe(offsetAt(ms, NY) - offsetAt(ms, SV));
          expect(offsetAt(ms, NY) - offsetAt(ms, SV)).toBeOneOf([60, 120]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
