import type { Db, Tx } from '../db/database.js';

type Q = Db | Tx;

/** The earliest and latest of something recorded at a facility; null when nothing is. */
export interface Span<T> {
  first: T;
  last: T;
}

function span<T>(row: { first: T | null; last: T | null } | undefined): Span<T> | null {
  if (!row || row.first === null || row.last === null) return null;
  return { first: row.first, last: row.last };
}

/** The first and last day of a facility's regime log (calendar days, as recorded). */
export async function regimeSpan(q: Q, facilityId: string): Promise<Span<string> | null> {
  const row = await q
    .selectFrom('regime_log')
    .select((eb) => [eb.fn.min('date').as('first'), eb.fn.max('date').as('last')])
    .where('facility_id', '=', facilityId)
    .executeTakeFirst();
  return span(row);
}

/** When the first and last incident at a facility occurred. */
export async function incidentSpan(q: Q, facilityId: string): Promise<Span<Date> | null> {
  const row = await q
    .selectFrom('incidents')
    .select((eb) => [eb.fn.min('occurred_at').as('first'), eb.fn.max('occurred_at').as('last')])
    .where('facility_id', '=', facilityId)
    .executeTakeFirst();
  return span(row);
}

/** When the first and last headcount at a facility was taken. */
export async function headcountSpan(q: Q, facilityId: string): Promise<Span<Date> | null> {
  const row = await q
    .selectFrom('headcounts')
    .select((eb) => [eb.fn.min('counted_at').as('first'), eb.fn.max('counted_at').as('last')])
    .where('facility_id', '=', facilityId)
    .executeTakeFirst();
  return span(row);
}

/** When custody started at a facility, first and last (each intake owes a Rule 68 notification). */
export async function intakeSpan(q: Q, facilityId: string): Promise<Span<Date> | null> {
  const row = await q
    .selectFrom('custody_intervals')
    .select((eb) => [eb.fn.min('started_at').as('first'), eb.fn.max('started_at').as('last')])
    .where('facility_id', '=', facilityId)
    .executeTakeFirst();
  return span(row);
}
