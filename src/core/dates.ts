import { Temporal } from 'temporal-polyfill';
import { DomainError } from './errors.js';

export { Temporal };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True when `value` is a real calendar date written `YYYY-MM-DD` (so `2025-02-30` is false). */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  try {
    Temporal.PlainDate.from(value, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
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
