import { describe, expect, it } from 'vitest';
import { basisPointsAsPercent, money, moneyIn, parseMoney } from './money.js';

describe('money', () => {
  it('writes cents by their digits, with the reader’s minus by default and the ASCII one for files', () => {
    expect(money(164_384)).toBe('1,643.84');
    expect(money(5)).toBe('0.05');
    expect(money(0)).toBe('0.00');
    expect(money(-123_456_789)).toBe('−1,234,567.89');
    expect(money(-123_456_789, '-')).toBe('-1,234,567.89');
  });

  it('writes an amount with its currency as the pages and the Spanish messages show it', () => {
    expect(moneyIn(164_384, 'USD')).toBe('$1,643.84');
    expect(moneyIn(-5, 'USD')).toBe('−$0.05');
    expect(moneyIn(100_000, 'EUR')).toBe('1,000.00 EUR');
    expect(moneyIn(-100_000, ' EUR ')).toBe('−1,000.00 EUR');
  });

  it('reads a typed amount into cents exactly, and refuses what is not money above zero', () => {
    expect(parseMoney('1,234.56')).toBe(123_456);
    expect(parseMoney(' $1,234 ')).toBe(123_400);
    expect(parseMoney('1234.5')).toBe(123_450);
    expect(parseMoney('0.07')).toBe(7);
    for (const bad of ['', '0', '0.00', '1.234', '1,23', '-5', 'abc', '12,3456', '99999999999999999'])
      expect(parseMoney(bad)).toBeNull();
  });

  it('writes basis points as a percentage by their digits', () => {
    expect(basisPointsAsPercent(17)).toBe('0.17');
    expect(basisPointsAsPercent(12_345)).toBe('123.45');
    expect(basisPointsAsPercent(-5)).toBe('−0.05');
  });
});
