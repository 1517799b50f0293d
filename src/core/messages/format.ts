import type { Lang } from '../i18n.js';
import { moneyIn } from '../money.js';

/**
 * Small helpers the message functions share to build a sentence in each language: lists joined the way
 * each language joins them, enumerated values (a state, a hold type) in words, counts and money. Each
 * takes a message's raw parameter, so a text renders from any JSON-safe value it is given.
 */

/** The items of a list parameter; a single value (as a client may send) is a list of one. */
function itemsOf(items: readonly string[] | string): readonly string[] {
  return [items].flat().map(String);
}

/** `a`, `a and b`, `a, b and c` (`y` in Spanish). */
export function andList(items: readonly string[] | string, lang: Lang): string {
  return joinWith(itemsOf(items), lang === 'en' ? 'and' : 'y');
}

/** `a`, `a or b`, `a, b or c` (`o` in Spanish). */
export function orList(items: readonly string[] | string, lang: Lang): string {
  return joinWith(itemsOf(items), lang === 'en' ? 'or' : 'o');
}

/** `a, b y c` (or `o`): a list in running Spanish text. */
export function listEs(items: readonly string[] | string, conjunction: 'y' | 'o'): string {
  return joinWith(itemsOf(items), conjunction);
}

function joinWith(items: readonly string[], word: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${word} ${items.at(-1)}`;
}

/** The items joined by a separator, e.g. `a, b, c` or `a or b`. */
export function joined(items: readonly string[] | string, separator = ', '): string {
  return itemsOf(items).join(separator);
}

/** The items of a list parameter, for a message that joins them itself. */
export function listOf(items: readonly string[] | string): readonly string[] {
  return itemsOf(items);
}

/** A table of words for an enumerated value, in each language. */
export type Words = Readonly<Record<string, Readonly<Record<Lang, string>>>>;

/** The word for `value` in `lang`, or the value itself when the table does not know it. */
export function wordOf(words: Words, value: string | null, lang: Lang): string {
  const key = String(value);
  return Object.hasOwn(words, key) ? (words[key]?.[lang] ?? key) : key;
}

/**
 * Integer cents as the Spanish pages of the web show money: `$1,234.56` for USD, `1,234.56 EUR` otherwise
 * (the digits are split, never divided, so no float rounds them). The same writing as the web's.
 */
export function moneyEs(cents: number, currency: string): string {
  return moneyIn(Number(cents), currency);
}

const GROUPED = { en: new Intl.NumberFormat('en-US'), es: new Intl.NumberFormat('es-419') } as const;

/** A number with thousands separators as the web shows it: `1,000,000` (en-US and es-419 alike). */
export function grouped(n: number, lang: Lang): string {
  return GROUPED[lang].format(n);
}

/** `1 línea` or `2 líneas`: a count and its noun, singular or plural. */
export function countOf(n: number, one: string, other: string): string {
  return `${n} ${Number(n) === 1 ? one : other}`;
}
