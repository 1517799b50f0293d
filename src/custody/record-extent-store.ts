import { sql } from 'kysely';
import type { Db, Tx } from '../db/database.js';

type Q = Db | Tx;

/** The earliest and latest of something recorded at a facility. */
export interface Span<T> {
  first: T;
  last: T;
}

/** The kinds of record whose extent is read, each with the table and the column that dates it. */
const DATED = {
  regime: { table: 'regime_log', column: 'date' },
  incidents: { table: 'incidents', column: 'occurred_at' },
  headcounts: { table: 'headcounts', column: 'counted_at' },
  intakes: { table: 'custody_intervals', column: 'started_at' },
  isolation: { table: 'isolation_placements', column: 'started_at' },
} as const;

/** A kind of record with an extent. */
export type DatedKind = keyof typeof DATED;

/**
 * The first and last of a kind of record at a facility: calendar days for the regime log, instants for
 * the others (incidents occurred, headcounts taken, custody started). Null when there is none.
 */
export async function recordSpan(
  q: Q,
  kind: DatedKind,
  facilityId: string,
): Promise<Span<Date | string> | null> {
  const { table, column } = DATED[kind];
  const { rows } = await sql<{ first: Date | string | null; last: Date | string | null }>`
    select min(${sql.ref(column)}) as first, max(${sql.ref(column)}) as last
    from ${sql.table(table)} where facility_id = ${facilityId}`.execute(q);
  const row = rows[0];
  if (!row || row.first === null || row.last === null) return null;
  return { first: row.first, last: row.last };
}
