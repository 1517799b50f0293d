/**
 * The UI's words in English and Spanish. `en` defines the keys; `es` is typed as a record of exactly those
 * keys, so the compiler refuses a Spanish table that misses a key or adds one. Names of enumerated values
 * (legal statuses, conviction categories, …) are keys too, built as `group.value`, so a value the UI does
 * not know shows as itself rather than as nothing.
 */

import { authEn } from './auth/texts.en.ts';
import { authEs } from './auth/texts.es.ts';
import { billingEn } from './billing/texts.en.ts';
import { billingEs } from './billing/texts.es.ts';
import { commonEn } from './components/texts.en.ts';
import { commonEs } from './components/texts.es.ts';
import { counselEn } from './counsel/texts.en.ts';
import { counselEs } from './counsel/texts.es.ts';
import { standardsEn } from './custody/texts.en.ts';
import { standardsEs } from './custody/texts.es.ts';
import { dashboardEn } from './dashboard/texts.en.ts';
import { dashboardEs } from './dashboard/texts.es.ts';
import { housingEn } from './facilities/texts.en.ts';
import { housingEs } from './facilities/texts.es.ts';
import { familyEn } from './family/texts.en.ts';
import { familyEs } from './family/texts.es.ts';
import { hearingsEn } from './hearings/texts.en.ts';
import { hearingsEs } from './hearings/texts.es.ts';
import { ledgerEn } from './ledger/texts.en.ts';
import { ledgerEs } from './ledger/texts.es.ts';
import { locatorEn } from './locator/texts.en.ts';
import { locatorEs } from './locator/texts.es.ts';
import { partiesEn } from './parties/texts.en.ts';
import { partiesEs } from './parties/texts.es.ts';
import { peopleEn } from './people/texts.en.ts';
import { peopleEs } from './people/texts.es.ts';
import { releasesEn } from './releases/texts.en.ts';
import { releasesEs } from './releases/texts.es.ts';
import { statisticsEn } from './statistics/texts.en.ts';
import { statisticsEs } from './statistics/texts.es.ts';
import { transfersEn } from './transfers/texts.en.ts';
import { transfersEs } from './transfers/texts.es.ts';
import { usersEn } from './users/texts.en.ts';
import { usersEs } from './users/texts.es.ts';
import { visitsEn } from './visits/texts.en.ts';
import { visitsEs } from './visits/texts.es.ts';

export const LANGS = ['en', 'es'] as const;
export type Lang = (typeof LANGS)[number];

/** Where the chosen language is kept in the browser. */
export const LANG_STORAGE_KEY = 'custodia.lang';

/** Every feature's words, in English; each feature keeps its own in `texts.en.ts` beside its pages. */
const en = {
  ...authEn,
  ...billingEn,
  ...commonEn,
  ...standardsEn,
  ...counselEn,
  ...dashboardEn,
  ...familyEn,
  ...hearingsEn,
  ...housingEn,
  ...ledgerEn,
  ...locatorEn,
  ...partiesEn,
  ...peopleEn,
  ...releasesEn,
  ...statisticsEn,
  ...transfersEn,
  ...usersEn,
  ...visitsEn,
} as const;

/** Every message key; `es` must define each of them. */
export type MessageKey = keyof typeof en;

const es: Record<MessageKey, string> = {
  ...authEs,
  ...billingEs,
  ...commonEs,
  ...standardsEs,
  ...counselEs,
  ...dashboardEs,
  ...familyEs,
  ...hearingsEs,
  ...housingEs,
  ...ledgerEs,
  ...locatorEs,
  ...partiesEs,
  ...peopleEs,
  ...releasesEs,
  ...statisticsEs,
  ...transfersEs,
  ...usersEs,
  ...visitsEs,
};

export const messages: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { en, es };

/** Values substituted for `{name}` placeholders. */
export type Params = Readonly<Record<string, string | number>>;

/** The message for `key` in `lang`, with `{placeholders}` filled from `params`. */
export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const template = messages[lang][key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** True when `key` names a message; used for enumerated values that come from the server. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** The language saved in this browser, else the browser's preference when it is Spanish, else English. */
export function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(LANG_STORAGE_KEY);
    if (saved === 'en' || saved === 'es') return saved;
  } catch {
    // Storage can be disabled; fall back to the browser's language.
  }
  return navigator.language.toLowerCase().startsWith('es') ? 'es' : 'en';
}

/** Locale-aware formatting for one language. Dates `YYYY-MM-DD` are calendar dates, shown without a zone shift. */
export function formatters(lang: Lang) {
  const locale = lang === 'es' ? 'es-419' : 'en-US';
  const numberFormat = new Intl.NumberFormat(locale);
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const instantFormat = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'long',
    timeZone: 'UTC',
  });
  const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const decimalFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const regions = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  const localInstantFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const listFormat = new Intl.ListFormat(locale, { type: 'conjunction' });
  const zonedFormats = new Map<string, Intl.DateTimeFormat>();
  const zonedFormat = (zone: string) => {
    let format = zonedFormats.get(zone);
    if (!format) {
      format = new Intl.DateTimeFormat(locale, {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
        timeZoneName: 'short',
        timeZone: zone,
      });
      zonedFormats.set(zone, format);
    }
    return format;
  };
  return {
    locale,
    number: (n: number) => numberFormat.format(n),
    decimal: (n: number) => decimalFormat.format(n),
    percent: (ratio: number) => percentFormat.format(ratio),
    /** A calendar date `YYYY-MM-DD`; anything else is shown as given. */
    date: (iso: string) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
      const d = new Date(`${iso}T00:00:00Z`);
      return Number.isNaN(d.getTime()) ? iso : dateFormat.format(d);
    },
    /** An instant (ISO 8601 with offset), shown in UTC so every reader sees the same time. */
    instant: (iso: string) => {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : instantFormat.format(d);
    },
    /** An instant in the reader's own time zone, e.g. when something was recorded. */
    localInstant: (iso: string) => {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : localInstantFormat.format(d);
    },
    /** An instant as the clock read where it happened: `Mar 15, 2025, 9:00 AM CDT (America/Chicago)`. */
    zoned: (iso: string, zone: string) => {
      const d = new Date(iso);
      if (Number.isNaN(d.getTime())) return iso;
      try {
        return `${zonedFormat(zone).format(d)} (${zone})`;
      } catch {
        return `${instantFormat.format(d)} (${zone})`;
      }
    },
    /** The same without the zone's IANA name, for a table that shows the name apart. */
    zonedClock: (iso: string, zone: string) => {
      const d = new Date(iso);
      if (Number.isNaN(d.getTime())) return iso;
      try {
        return zonedFormat(zone).format(d);
      } catch {
        return instantFormat.format(d);
      }
    },
    /** Items joined as a sentence does: "a, b, and c" / "a, b y c". */
    list: (items: readonly string[]) => listFormat.format(items),
    country: (code: string) => {
      try {
        return regions.of(code) ?? code;
      } catch {
        return code;
      }
    },
  };
}

export type Formatters = ReturnType<typeof formatters>;
