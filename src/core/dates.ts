import { Temporal } from 'temporal-polyfill';

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
