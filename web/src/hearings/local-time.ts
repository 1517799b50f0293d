import { zoned } from '../../../src/hearings/zones.ts';

/** An instant on a zone's clock, `YYYY-MM-DD HH:MM`, as the hearing pages write times. */
const localIn = (zone: string, instant: string) => zoned(Date.parse(instant), zone).local.replace('T', ' ');

/**
 * A stretch of time on a zone's clock, `2027-03-15 07:00–12:00`, the end's date only when it differs: a
 * room's block, on the facility's clock like its open hours.
 */
export function spanIn(zone: string, from: string, to: string): string {
  const start = localIn(zone, from);
  const end = localIn(zone, to);
  return `${start}–${end.slice(0, 10) === start.slice(0, 10) ? end.slice(11) : end}`;
}
