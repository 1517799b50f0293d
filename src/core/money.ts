/**
 * Money as integer cents, written and read by its digits: an amount is split into whole and cents, never
 * divided, so no float ever rounds it. This module imports nothing; the server (files, CLI, messages) and
 * the web (pages, forms) share it.
 */

/**
 * The minus sign of a negative amount: the typographic `−` (U+2212) where people read it (the web, the
 * messages), the ASCII `-` in files and on the command line, where programs read it and the PDF's
 * standard fonts have no U+2212.
 */
export type MinusSign = '−' | '-';

/** Integer cents as `1,234.56`, with `minus` in front when negative: `money(-5)` is `−0.05`. */
export function money(cents: number, minus: MinusSign = '−'): string {
  const digits = String(Math.abs(Math.trunc(cents))).padStart(3, '0');
  const whole = digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${cents < 0 ? minus : ''}${whole}.${digits.slice(-2)}`;
}

/**
 * Integer cents with their currency as a reader sees them: `$1,234.56` for USD, `1,234.56 EUR` otherwise,
 * `−$1,234.56` when negative. A value that is not a safe integer is shown as given, never rounded.
 */
export function moneyIn(cents: number, currency: string): string {
  const code = String(currency).trim();
  if (!Number.isSafeInteger(cents)) return `${cents} ${code}`;
  if (code === 'USD') return cents < 0 ? `−$${money(-cents)}` : `$${money(cents)}`;
  return `${money(cents)} ${code}`;
}

/**
 * A typed amount (`1,234.56`, `1234.5`, `$1,234`) as integer cents, read digit by digit; null when it is
 * not an amount of money above zero with at most two decimals.
 */
export function parseMoney(text: string): number | null {
  const m = /^\$?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m?.[1]) return null;
  const whole = m[1].replaceAll(',', '').replace(/^0+(?=\d)/, '');
  const cents = BigInt(whole) * 100n + BigInt((m[2] ?? '').padEnd(2, '0'));
  if (cents <= 0n || cents > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return Number(cents);
}

/** A share in basis points as a percentage with two decimals, by its digits: 17 → `0.17`. */
export function basisPointsAsPercent(basisPoints: number, minus: MinusSign = '−'): string {
  const digits = String(Math.abs(Math.trunc(basisPoints))).padStart(3, '0');
  return `${basisPoints < 0 ? minus : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
