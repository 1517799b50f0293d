import { plainDate, Temporal } from './dates.js';

/**
 * Calendar-day arithmetic on integer day numbers (days since 1970-01-01, negative before): a date's day
 * number, the date of a day number, and a date plus some days. Each gives exactly what Temporal gives,
 * refusals included, but plain `YYYY-MM-DD` dates skip Temporal because it is slow in bulk.
 */

const EPOCH = Temporal.PlainDate.from('1970-01-01');

/** Days since 1970-01-01 (negative before). */
function epochDay(date: Temporal.PlainDate): number {
  return date.since(EPOCH, { largestUnit: 'day' }).days;
}

/** Day number of +275760-09-13, the last date a Temporal.PlainDate can hold. */
export const LAST_REPRESENTABLE_DAY = epochDay(Temporal.PlainDate.from('+275760-09-13'));

// Day numbers of the ISO (proleptic Gregorian) calendar without Temporal: a screening works out several
// dates per person, and Temporal (temporal-polyfill) costs microseconds for each. Only plain `YYYY-MM-DD`
// dates of years 0000–9999 take this path; anything else (an expanded year such as `+010250-01-01`, an
// impossible date, another spelling) goes to Temporal, which returns or throws exactly as before.

/** Day number of 0000-01-01 and 9999-12-31: the days a plain `YYYY-MM-DD` can write. */
const FIRST_PLAIN_DAY = -719_528;
const LAST_PLAIN_DAY = 2_932_896;

/** The number written by `length` ASCII digits of `text` from `at`, or -1 if any is not a digit. */
function digits(text: string, at: number, length: number): number {
  let n = 0;
  for (let i = at; i < at + length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a valid year, month and day (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** `YYYY-MM-DD` of a day number from FIRST_PLAIN_DAY to LAST_PLAIN_DAY (H. Hinnant's civil_from_days). */
function plainIsoOf(epochDays: number): string {
  const z = epochDays + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/**
 * Days since 1970-01-01 of a date written as Temporal.PlainDate reads it, e.g. `epochDayOf('1970-01-02')`
 * is 1. A date Temporal refuses throws its RangeError.
 */
export function epochDayOf(iso: string): number {
  if (iso.length === 10 && iso.charCodeAt(4) === 45 && iso.charCodeAt(7) === 45) {
    const year = digits(iso, 0, 4);
    const month = digits(iso, 5, 2);
    const day = digits(iso, 8, 2);
    if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) {
      return daysFromCivil(year, month, day);
    }
  }
  return epochDay(plainDate(iso));
}

/**
 * The date of a day number as Temporal writes it: `YYYY-MM-DD`, or the expanded form (`+010250-01-01`)
 * outside years 0000–9999. Past what Temporal can represent it throws Temporal's RangeError.
 */
export function isoOfEpochDay(epochDays: number): string {
  if (Number.isInteger(epochDays) && epochDays >= FIRST_PLAIN_DAY && epochDays <= LAST_PLAIN_DAY) {
    return plainIsoOf(epochDays);
  }
  return EPOCH.add({ days: epochDays }).toString();
}

/** `iso` plus `days` days, as `plainDate(iso).add({ days }).toString()` gives it. */
export function addDays(iso: string, days: number): string {
  const day = epochDayOf(iso) + days;
  if (Number.isSafeInteger(days) && day >= FIRST_PLAIN_DAY && day <= LAST_PLAIN_DAY) return plainIsoOf(day);
  return plainDate(iso).add({ days }).toString();
}
