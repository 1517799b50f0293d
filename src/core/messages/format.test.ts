import { describe, expect, it } from 'vitest';
import { requirePeriod } from '../dates.js';
import { DomainError } from '../errors.js';
import {
  countOf,
  countryName,
  dateIn,
  joined,
  listEs,
  moneyEs,
  monthIn,
  percentIn,
  instantIn as zonedInstant,
} from './format.js';

describe('message formatting', () => {
  it("writes instants on a zone's clock with the zone named, and dates, months and countries in words", () => {
    // ICU writes a no-break space before AM and the zone; compared here as plain spaces.
    const instantIn = (iso: string, zone: string, lang: 'en' | 'es') =>
      zonedInstant(iso, zone, lang).replace(/[\u00a0\u202f]/g, ' ');
    // 16:00 UTC is 10:00 in San Salvador (UTC-6, no summer time).
    expect(instantIn('2025-05-05T16:00:00.000Z', 'America/El_Salvador', 'en')).toBe(
      'May 5, 2025, 10:00 AM CST',
    );
    // Spanish has no short name for the zone (it writes GMT-6); the one people use there is kept.
    expect(instantIn('2025-05-05T16:00:00.000Z', 'America/El_Salvador', 'es')).toBe(
      '5 may 2025, 10:00 a.m. CST',
    );
    expect(instantIn('2025-07-05T16:00:00.000Z', 'America/New_York', 'es')).toBe(
      '5 jul 2025, 12:00 p.m. EDT',
    );
    expect(instantIn('not an instant', 'America/El_Salvador', 'en')).toBe('not an instant');
    expect(dateIn('2025-05-05', 'en')).toBe('May 5, 2025');
    expect(dateIn('2025-05-05', 'es')).toBe('5 may 2025');
    expect(monthIn('2025-05', 'en')).toBe('May 2025');
    expect(monthIn('2025-05', 'es')).toBe('mayo de 2025');
    expect(countryName('US', 'en')).toBe('United States');
    expect(countryName('US', 'es')).toBe('Estados Unidos');
    expect(countryName('SV', 'es')).toBe('El Salvador');
    expect(percentIn(2 / 3, 'en')).toBe('66.7%');
  });

  it('writes money as the Spanish pages show it, by its digits', () => {
    expect(moneyEs(164_384, 'USD')).toBe('$1,643.84');
    expect(moneyEs(5, 'USD')).toBe('$0.05');
    expect(moneyEs(-123_456_789, 'USD')).toBe('−$1,234,567.89');
    expect(moneyEs(100_000, 'EUR')).toBe('1,000.00 EUR');
  });

  it('joins lists and counts per language', () => {
    expect(listEs(['a'], 'y')).toBe('a');
    expect(listEs(['a', 'b', 'c'], 'o')).toBe('a, b o c');
    expect(joined(['a', 'b'], ' or ')).toBe('a or b');
    expect(countOf(1, 'línea', 'líneas')).toBe('1 línea');
    expect(countOf(3, 'línea', 'líneas')).toBe('3 líneas');
  });
});

describe('system refusals in Spanish', () => {
  const refusalOf = (run: () => unknown): DomainError => {
    try {
      run();
    } catch (error) {
      if (error instanceof DomainError) return error;
      throw error;
    }
    throw new Error('expected a refusal');
  };

  it('explains a period that cannot be used', () => {
    const reversed = refusalOf(() => requirePeriod('2025-05-01', '2025-04-01', 366));
    expect(reversed.message).toBe('from 2025-05-01 is after to 2025-04-01; swap them.');
    expect(reversed.localized('es')).toBe(
      'from 2025-05-01 es posterior a to 2025-04-01; intercambie las dos fechas.',
    );
    const long = refusalOf(() => requirePeriod('2024-01-01', '2025-04-01', 366));
    expect(long.localized('es')).toBe(
      'El periodo del 2024-01-01 al 2025-04-01 dura más de 366 días; pida uno más corto.',
    );
  });
});
