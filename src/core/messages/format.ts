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

/** The locale each language is written in, as the web's pages use it. */
const LOCALE = { en: 'en-US', es: 'es-419' } as const;

const DATES = {
  en: new Intl.DateTimeFormat(LOCALE.en, { dateStyle: 'medium', timeZone: 'UTC' }),
  es: new Intl.DateTimeFormat(LOCALE.es, { dateStyle: 'medium', timeZone: 'UTC' }),
} as const;

const MONTHS = {
  en: new Intl.DateTimeFormat(LOCALE.en, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  es: new Intl.DateTimeFormat(LOCALE.es, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
} as const;

/** A calendar date `YYYY-MM-DD` as the web shows it: `May 5, 2025` / `5 may 2025`; anything else as given. */
export function dateIn(iso: string, lang: Lang): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : DATES[lang].format(d);
}

/** A billing month `YYYY-MM` in words: `May 2025` / `mayo de 2025`; anything else as given. */
export function monthIn(month: string, lang: Lang): string {
  if (!/^\d{4}-\d{2}$/.test(month)) return month;
  const d = new Date(`${month}-01T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? month : MONTHS[lang].format(d);
}

/**
 * An instant as the clock read in `zone`, with the zone's short name: `May 5, 2025, 10:00 AM CST` /
 * `5 may 2025, 10:00 a.m. CST`. Where the language has no short name for the zone (Spanish writes
 * `GMT-6`), the English abbreviation is used, as people in the region write it.
 */
export function instantIn(iso: string, zone: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = zonedFormat(zone, lang).formatToParts(d);
  const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
  const abbreviation = /^GMT|^UTC/.test(name) ? zoneAbbreviation(d, zone) : name;
  return parts.map((p) => (p.type === 'timeZoneName' ? abbreviation : p.value)).join('');
}

const ZONED = new Map<string, Intl.DateTimeFormat>();

function zonedFormat(zone: string, lang: Lang): Intl.DateTimeFormat {
  const key = `${lang} ${zone}`;
  let format = ZONED.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALE[lang], {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
      timeZone: zone,
    });
    ZONED.set(key, format);
  }
  return format;
}

/** The zone's short name at that instant as English writes it (`CST`, `EDT`, or `GMT-6` when none). */
function zoneAbbreviation(d: Date, zone: string): string {
  return (
    zonedFormat(zone, 'en')
      .formatToParts(d)
      .find((p) => p.type === 'timeZoneName')?.value ?? zone
  );
}

const REGIONS = {
  en: new Intl.DisplayNames([LOCALE.en], { type: 'region', fallback: 'code' }),
  es: new Intl.DisplayNames([LOCALE.es], { type: 'region', fallback: 'code' }),
} as const;

/** A country's name from its ISO 3166-1 code: `US` is `United States` / `Estados Unidos`. */
export function countryName(code: string, lang: Lang): string {
  try {
    return REGIONS[lang].of(code) ?? code;
  } catch {
    return code;
  }
}

const PERCENT = {
  en: new Intl.NumberFormat(LOCALE.en, { style: 'percent', maximumFractionDigits: 1 }),
  es: new Intl.NumberFormat(LOCALE.es, { style: 'percent', maximumFractionDigits: 1 }),
} as const;

/** A ratio as a percentage: 0.125 is `12.5%` (`12.5 %` in Spanish). */
export function percentIn(ratio: number, lang: Lang): string {
  return PERCENT[lang].format(ratio);
}
