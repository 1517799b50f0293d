import { Temporal } from 'temporal-polyfill';
import { DomainError } from './errors.js';

export { Temporal };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * False when a date or instant written from its year (`YYYY-…`) has year 0000 or a year of more than
 * four digits: a date must lie in 0001–9999, the years PostgreSQL and ISO 8601's basic form share.
 * Anything not starting with a year is left to the format check.
 */
export function yearInRange(value: string): boolean {
  const year = /^([+-]?)(\d+)-/.exec(value);
  if (!year) return true;
  return year[1] === '' && year[2]?.length === 4 && year[2] !== '0000';
}

/**
 * True when `value` is a real calendar date written `YYYY-MM-DD` (so `2025-02-30` is false), in the
 * years 0001–9999.
 */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  // Arithmetic, not Temporal: an import checks several dates a row, and this is about 50 times cheaper.
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Days in a month of the proleptic Gregorian calendar (ISO 8601's). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Parses `YYYY-MM-DD` into a PlainDate, rejecting impossible dates. */
export function plainDate(value: string): Temporal.PlainDate {
  return Temporal.PlainDate.from(value, { overflow: 'reject' });
}

/** The calendar date (YYYY-MM-DD) of an instant read in an IANA zone, e.g. the transfer date a screening is made as of. */
export function localDate(instant: string | Date, zone: string): string {
  const iso = typeof instant === 'string' ? instant : instant.toISOString();
  return Temporal.Instant.from(iso).toZonedDateTimeISO(zone).toPlainDate().toString();
}

/**
 * Refuses a period that runs backwards or is longer than `maxDays`, naming the fix; both ends are
 * YYYY-MM-DD dates, inclusive.
 */
export function requirePeriod(from: string, to: string, maxDays: number): void {
  const days = plainDate(from).until(plainDate(to), { largestUnit: 'days' }).days;
  if (days < 0) throw new DomainError('invalid_input', 'period.reversed', { from, to });
  if (days > maxDays) {
    throw new DomainError('invalid_input', 'period.too_long', { from, to, maxDays });
  }
}
