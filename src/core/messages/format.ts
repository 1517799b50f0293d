import type { Lang } from '../i18n.js';

/**
 * Small helpers the message functions share to build a sentence in each language: lists joined the way
 * each language joins them, and enumerated values (a state, a hold type) in words.
 */

/** The items of a list parameter; a single value (as a client may send) is a list of one. */
function itemsOf(items: readonly string[] | string): readonly string[] {
  return typeof items === 'string' ? [items] : items;
}

/** `a`, `a and b`, `a, b and c` (`y` in Spanish). */
export function andList(items: readonly string[], lang: Lang): string {
  return joined(itemsOf(items), lang === 'en' ? 'and' : 'y');
}

/** `a`, `a or b`, `a, b or c` (`o` in Spanish). */
export function orList(items: readonly string[], lang: Lang): string {
  return joined(itemsOf(items), lang === 'en' ? 'or' : 'o');
}

function joined(items: readonly string[], word: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${word} ${items.at(-1)}`;
}

/** The items of a list parameter, for a message that joins them itself. */
export function listOf(items: readonly string[]): readonly string[] {
  return itemsOf(items);
}

/** A table of words for an enumerated value, in each language. */
export type Words = Readonly<Record<string, Readonly<Record<Lang, string>>>>;

/** The word for `value` in `lang`, or the value itself when the table does not know it. */
export function wordOf(words: Words, value: string | null, lang: Lang): string {
  const key = String(value);
  return Object.hasOwn(words, key) ? (words[key]?.[lang] ?? key) : key;
}
