import { describe, expect, it } from 'vitest';
import { requirePeriod } from '../dates.js';
import { DomainError } from '../errors.js';
import { countOf, joined, listEs, moneyEs } from './format.js';

describe('message formatting', () => {
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
