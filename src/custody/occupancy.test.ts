import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../core/days.js';
import { occupancyForecast, occupancySeries } from './occupancy.js';

const day = (n: number) => addDays('2025-04-01', n);

describe('occupancy', () => {
  it('counts a person from the intake date up to, not including, the release date, exactly as a brute-force count', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            start: fc.integer({ min: 0, max: 60 }),
            length: fc.option(fc.integer({ min: 0, max: 40 })),
          }),
          {
            maxLength: 30,
          },
        ),
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 30 }),
        (people, from, span) => {
          const intervals = people.map((p) => ({
            start: day(p.start),
            end: p.length === null ? null : day(p.start + p.length),
          }));
          const series = occupancySeries({ from: day(from), to: day(from + span), local: 7, intervals });
          expect(series).toHaveLength(span + 1);
          for (const point of series) {
            const expected = intervals.filter(
              (i) =>
                i.start <= point.date &&
                (i.end === null || i.end > point.date) &&
                (i.end === null || i.end > i.start),
            ).length;
            expect(point.transferees).toBe(expected);
            expect(point.total).toBe(expected + 7);
          }
        },
      ),
    );
  });

  it('forecasts arrivals and releases day by day, never below zero', () => {
    const forecast = occupancyForecast({
      today: '2025-12-15',
      days: 90,
      transferees: 2,
      local: 10,
      arrivals: [{ date: '2025-12-20', people: 27 }],
      releases: ['2025-12-16', '2025-12-16', '2025-12-16', '2026-01-10'],
    });
    expect(forecast).toHaveLength(90);
    expect(forecast[0]).toEqual({
      date: '2025-12-16',
      transferees: 0,
      local: 10,
      total: 10,
      arrivals: 0,
      releases: 2,
    });
    expect(forecast.find((p) => p.date === '2025-12-20')).toMatchObject({ transferees: 27, arrivals: 27 });
    expect(forecast.find((p) => p.date === '2026-01-10')).toMatchObject({ transferees: 26, releases: 1 });
    expect(forecast.at(-1)?.date).toBe('2026-03-15');
  });
});
