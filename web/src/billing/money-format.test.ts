import { describe, expect, it } from 'vitest';
import { money, moneyIn } from './api.ts';
import { moneyFormat } from './money-format.ts';

describe('moneyFormat', () => {
  const en = moneyFormat('en-US');

  it('writes amounts as the shared money module does, in English', () => {
    for (const cents of [0, 5, 100, 123_456, -5, -123_456_789, 100_000_000_000]) {
      expect(en.amount(cents)).toBe(money(cents));
      expect(en.amountIn(cents, 'USD')).toBe(moneyIn(cents, 'USD'));
      expect(en.amountIn(cents, 'EUR')).toBe(moneyIn(cents, 'EUR'));
    }
  });

  it("uses the locale's separators, and never rounds", () => {
    const de = moneyFormat('de-DE');
    expect(de.amount(123_456_789)).toBe('1.234.567,89');
    expect(de.amountIn(-5, 'USD')).toBe('−$0,05');
    expect(moneyFormat('es-419').amountIn(9_007_199_254_740_991, 'USD')).toBe('$90,071,992,547,409.91');
  });

  it('drops zero cents on an axis, and writes basis points as a percentage', () => {
    expect(en.roundIn(150_000, 'USD')).toBe('$1,500');
    expect(en.roundIn(150_050, 'USD')).toBe('$1,500.50');
    expect(en.basisPoints(17)).toBe('0.17');
    expect(moneyFormat('de-DE').basisPoints(1_234)).toBe('12,34');
  });
});
