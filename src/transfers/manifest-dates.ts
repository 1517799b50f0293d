import { Temporal } from '../core/dates.js';

/** The calendar date of an instant in a zone: the transfer date a screening is made as of. */
export function localDate(instant: string | Date, zone: string): string {
  const iso = typeof instant === 'string' ? instant : instant.toISOString();
  return Temporal.Instant.from(iso).toZonedDateTimeISO(zone).toPlainDate().toString();
}
