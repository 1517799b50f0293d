import { type Expression, type SqlBool, sql } from 'kysely';
import type { PolicySubject, Visibility } from '../auth/policy.js';
import type { Db, Tx } from '../db/database.js';
import { codeKey } from './model.js';

/**
 * The access policy's scopes as SQL (docs/domain.md, Parties, users and access): a condition on a column
 * holding a person's id, true for the people an actor's `Visibility` reaches. Every store that lists or
 * finds people, or records about people, for a scoped role filters with it, so that a list never shows a
 * person the policy would answer "not found" for. The pure rule is `inScope` (auth/policy.ts); a test holds
 * the two to the same answers.
 */

/**
 * A court's code as `codeKey` (parties/model.ts) folds it, in SQL: lower case, runs of spaces as one,
 * trimmed, and the accented letters of Spanish and English court names without their accents (the
 * engines' `unaccent` is an extension an installation may lack).
 */
function courtKeySql(text: Expression<string>) {
  return sql<string>`translate(lower(regexp_replace(btrim(${text}), '\\s+', ' ', 'g')), 'áàâäéèêëíìîïóòôöúùûüñç', 'aaaaeeeeiiiioooouuuunc')`;
}

/**
 * True for the people `visibility` reaches, on `day` (a representation counts while in force that day).
 * `personId` names the column, e.g. `people.id` or `t.person_id`.
 *
 * @example
 * query.where(personVisible(visibility(actor, 'people:read'), 'p.id', today))
 */
export function personVisible(vis: Visibility, personId: string, day: string): Expression<SqlBool> {
  const person = sql.ref(personId);
  switch (vis.kind) {
    case 'all':
      return sql<SqlBool>`true`;
    case 'none':
      return sql<SqlBool>`false`;
    case 'clients':
      return sql<SqlBool>`exists (select 1 from representations r
        where r.person_id = ${person}
          and r.office_id in (${sql.join(vis.offices)})
          and r.confirmed_at is not null
          and r.from_date <= ${day}::date
          and (r.to_date is null or r.to_date >= ${day}::date))`;
    case 'courts':
      // A hold in the person's record, a court-ordered return of one of their transfers, or a court order
      // that overrode their release date or explains their detention.
      return sql<SqlBool>`(exists (select 1 from people hp, jsonb_array_elements(hp.record -> 'holds') h
        where hp.id = ${person}
          and ${courtKeySql(sql<string>`h ->> 'court'`)} in (${sql.join(vis.courts)}))
        or exists (select 1 from transfers ot
        where ot.person_id = ${person}
          and ${courtKeySql(sql<string>`ot.state -> 'courtOrder' ->> 'court'`)} in (${sql.join(vis.courts)}))
        or exists (select 1 from release_date_calculations rc
        where rc.person_id = ${person}
          and ${courtKeySql(sql<string>`rc.override -> 'courtOrder' ->> 'court'`)} in (${sql.join(vis.courts)}))
        or exists (select 1 from detention_explanations de
        where de.person_id = ${person}
          and ${courtKeySql(sql<string>`de.court`)} in (${sql.join(vis.courts)})))`;
    case 'people':
      return sql<SqlBool>`${person} in (${sql.join(vis.people)})`;
    case 'unsealed':
      return sql<SqlBool>`not exists (select 1 from person_seals s where s.person_id = ${person})`;
  }
}

function courtsOfRecord(record: unknown): string[] {
  if (typeof record !== 'object' || record === null || !('holds' in record)) return [];
  const holds = (record as { holds: unknown }).holds;
  if (!Array.isArray(holds)) return [];
  return holds.flatMap((h: unknown) =>
    typeof h === 'object' && h !== null && 'court' in h && typeof h.court === 'string'
      ? [codeKey(h.court)]
      : [],
  );
}

/**
 * The columns of a person's row (`p`) the policy's subject is made of (see `subjectOf`): a read of the
 * person can select them beside its own columns, and be one statement.
 */
export function subjectColumns(day: string) {
  return [
    sql<unknown>`p.record -> 'holds'`.as('subject_holds'),
    sql<string[]>`array(select r.office_id::text from representations r
      where r.person_id = p.id
        and r.confirmed_at is not null
        and r.from_date <= ${day}::date
        and (r.to_date is null or r.to_date >= ${day}::date))`.as('subject_offices'),
    sql<boolean>`exists (select 1 from person_seals s where s.person_id = p.id)`.as('subject_sealed'),
    sql<string[]>`array(
      select c from (
        select t.state -> 'courtOrder' ->> 'court' as c from transfers t where t.person_id = p.id
        union all
        select rc.override -> 'courtOrder' ->> 'court' from release_date_calculations rc where rc.person_id = p.id
        union all
        select de.court from detention_explanations de where de.person_id = p.id
      ) orders where c is not null)`.as('subject_order_courts'),
  ] as const;
}

/** The policy's subject for a person, from the `subjectColumns` of their row. */
export function subjectOf(
  personId: string,
  row: {
    subject_holds: unknown;
    subject_offices: string[];
    subject_sealed: boolean;
    subject_order_courts: string[];
  },
): PolicySubject {
  return {
    kind: 'person',
    id: personId,
    personId,
    representedBy: row.subject_offices,
    courts: [
      ...new Set([...courtsOfRecord({ holds: row.subject_holds }), ...row.subject_order_courts.map(codeKey)]),
    ],
    sealed: row.subject_sealed,
  };
}

/** The policy's subject for a person (undefined when there is no such person), in one statement. */
export async function personSubject(
  q: Db | Tx,
  personId: string,
  day: string,
): Promise<PolicySubject | undefined> {
  const row = await q
    .selectFrom('people as p')
    .select(subjectColumns(day))
    .where('p.id', '=', personId)
    .executeTakeFirst();
  return row ? subjectOf(personId, row) : undefined;
}
