/**
 * Formatting shared by the message texts: lists and amounts of money, per language. Each helper takes a
 * message's raw parameter, so a text renders from any JSON-safe value it is given.
 */

/** The items of a list parameter; a single value stands for a one-item list. */
function itemsOf(items: readonly string[] | string): string[] {
  return [items].flat().map(String);
}

/** `a, b y c` (or `o`): a list in running Spanish text. */
export function listEs(items: readonly string[] | string, conjunction: 'y' | 'o'): string {
  const all = itemsOf(items);
  if (all.length < 2) return all.join('');
  return `${all.slice(0, -1).join(', ')} ${conjunction} ${all.at(-1)}`;
}

/** The items joined by a separator, e.g. `a, b, c` or `a or b`. */
export function joined(items: readonly string[] | string, separator = ', '): string {
  return itemsOf(items).join(separator);
}

/**
 * Integer cents as the Spanish pages of the web show money: `$1,234.56` for USD, `1,234.56 EUR` otherwise
 * (the digits are split, never divided, so no float rounds them).
 */
export function moneyEs(cents: number, currency: string): string {
  const n = Number(cents);
  if (!Number.isSafeInteger(n)) return `${cents} ${currency}`;
  const digits = String(Math.abs(n)).padStart(3, '0');
  const whole = digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const amount = `${whole}.${digits.slice(-2)}`;
  const code = String(currency).trim();
  if (code === 'USD') return n < 0 ? `−$${amount}` : `$${amount}`;
  return `${n < 0 ? '−' : ''}${amount} ${code}`;
}

/** `1 línea` or `2 líneas`: a count and its noun, singular or plural. */
export function countOf(n: number, one: string, other: string): string {
  return `${n} ${Number(n) === 1 ? one : other}`;
}
