import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDate, Temporal, yearInRange } from './dates.js';

/** What `isIsoDate` promises, said the slow way: the format, the year range, and Temporal's own calendar. */
function byTemporal(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !yearInRange(value)) return false;
  try {
    Temporal.PlainDate.from(value, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

const digits = (n: number) =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((d) => d.join(''));

describe('isIsoDate', () => {
  it('agrees with the ISO calendar on every YYYY-MM-DD shape, real or not', () => {
    fc.assert(
      fc.property(digits(4), digits(2), digits(2), (y, m, d) => {
        const value = `${y}-${m}-${d}`;
        expect(isIsoDate(value)).toBe(byTemporal(value));
      }),
      { numRuns: 20_000 },
    );
  });

  it('agrees on every day of every month of the leap-year cycle, and one past each month’s end', () => {
    for (const year of [1, 4, 100, 200, 400, 1900, 2000, 2023, 2024, 2100, 9999]) {
      for (let month = 1; month <= 12; month++) {
        for (let day = 1; day <= 32; day++) {
          const value = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          expect(isIsoDate(value), value).toBe(byTemporal(value));
        }
      }
    }
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2100-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
  });

  it('refuses every other shape', () => {
    for (const value of [
      '0000-01-01',
      '2025-1-01',
      '2025-01-1',
      '+2025-01-01',
      '12025-01-01',
      '2025-01-01T00:00',
      ' 2025-01-01',
      '2025/01/01',
      '',
    ]) {
      expect(isIsoDate(value), value).toBe(false);
    }
    fc.assert(
      fc.property(fc.string(), (value) => {
        expect(isIsoDate(value)).toBe(byTemporal(value));
      }),
    );
  });
});
