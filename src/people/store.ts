import { type Expression, type SqlBool, sql } from 'kysely';
import type { PolicySubject } from '../auth/policy.js';
import { RELEASE_REASONS, type ReleaseReason } from '../custody/release-reasons.js';
import type { Db, Tx } from '../db/database.js';
import type { EventEnvelope } from '../ledger/events.js';
import { type FeatureEvents, projection } from '../ledger/registry.js';
import { subjectColumns, subjectOf } from '../parties/visibility.js';
import { TRANSFER_STATUSES, type TransferStatus } from '../transfers/states.js';
import type { LatestTransfer, PersonCustodyStatus } from './contract.js';
import {
  type Person,
  type PersonRecord,
  type PersonRegistered,
  personEvent,
  type StoredPersonState,
  searchable,
  searchTextOf,
} from './model.js';

type Q = Db | Tx;

/** The roster's columns taken from a record, besides the record itself (stored as `jsonb`). */
function columnsOf(record: PersonRecord) {
  return {
    ref: record.ref,
    given_names: record.names.given,
    paternal_surname: record.names.paternal,
    maternal_surname: record.names.maternal ?? null,
    birth_date: record.birthDate,
    sex: record.sex,
    nationalities: record.nationalities,
    legal_status: record.legalStatus,
    search_text: searchTextOf(record),
  };
}

const INSERT_BATCH = 500;

async function registeredRows(tx: Tx, events: readonly EventEnvelope<PersonRegistered>[]): Promise<void> {
  const rows = events.map((e) => {
    const p = e.payload;
    return {
      id: p.personId,
      agreement_id: p.agreementId,
      version: e.streamVersion,
      ...columnsOf(p.record),
      record: p.record,
      record_hash: p.recordHash,
      withdrawn_reason: null,
      created_at: e.recordedAt,
      updated_at: e.recordedAt,
    };
  });
  // One JSON parameter per batch instead of 14 per row: an import stores 500 people a statement, and the
  // engine reads one document faster than it parses and plans a VALUES list of 7,000 parameters.
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    await sql`insert into people select * from jsonb_populate_recordset(null::people, ${JSON.stringify(rows.slice(i, i + INSERT_BATCH))}::jsonb)`.execute(
      tx,
    );
  }
  const added = new Map<string, number>();
  for (const row of rows) added.set(row.agreement_id, (added.get(row.agreement_id) ?? 0) + 1);
  for (const [agreementId, n] of added) await countOnRoster(tx, agreementId, n);
}

/** Adds `n` people to an agreement's maintained roster count (the dashboard's figure, migration 0030). */
async function countOnRoster(tx: Tx, agreementId: string, n: number): Promise<void> {
  await tx
    .insertInto('roster_counts')
    .values({ agreement_id: agreementId, people: n })
    .onConflict((oc) =>
      oc.column('agreement_id').doUpdateSet({ people: sql<number>`roster_counts.people + ${n}` }),
    )
    .execute();
}

/**
 * Moves a person onto (`+1`, when withdrawn) or off (`-1`, when on it) the maintained roster count, read
 * before the person's row changes; a person already where the event puts them changes nothing.
 */
async function recountPerson(tx: Tx, personId: string, delta: 1 | -1): Promise<void> {
  await tx
    .updateTable('roster_counts')
    .set({ people: sql<number>`people + ${delta}` })
    .where('agreement_id', '=', (eb) =>
      eb
        .selectFrom('people')
        .select('agreement_id')
        .where('id', '=', personId)
        .where('withdrawn_reason', delta === 1 ? 'is not' : 'is', null),
    )
    .execute();
}

/** People event types and their projections. */
export const peopleEvents: FeatureEvents = {
  feature: 'people',
  tables: [
    { table: 'people', orderBy: 'id' },
    { table: 'roster_counts', orderBy: 'agreement_id' },
  ],
  events: [
    projection(
      personEvent.registered,
      Object.assign(async (tx: Tx, e: EventEnvelope<PersonRegistered>) => registeredRows(tx, [e]), {
        // An import registers hundreds of people at once: one INSERT per batch, not per person.
        many: (tx: Tx, events: readonly EventEnvelope<PersonRegistered>[]) => registeredRows(tx, events),
      }),
    ),
    projection(personEvent.revised, async (tx, e) => {
      const p = e.payload;
      // A revision puts a withdrawn person back on the roster.
      await recountPerson(tx, p.personId, 1);
      await tx
        .updateTable('people')
        .set({
          version: e.streamVersion,
          ...columnsOf(p.record),
          record: JSON.stringify(p.record),
          record_hash: p.recordHash,
          withdrawn_reason: null,
          updated_at: new Date(e.recordedAt),
        })
        .where('id', '=', p.personId)
        .execute();
    }),
    projection(personEvent.withdrawn, async (tx, e) => {
      const p = e.payload;
      await recountPerson(tx, p.personId, -1);
      await tx
        .updateTable('people')
        .set({ version: e.streamVersion, withdrawn_reason: p.reason, updated_at: new Date(e.recordedAt) })
        .where('id', '=', p.personId)
        .execute();
    }),
  ],
};

/** Stored state for the refs given, keyed by ref: what an upsert decision needs. */
export async function statesByRef(
  q: Q,
  agreementId: string,
  refs: string[],
): Promise<Map<string, StoredPersonState>> {
  if (refs.length === 0) return new Map();
  const rows = await q
    .selectFrom('people')
    .select(['id', 'ref', 'record_hash', 'record', 'withdrawn_reason'])
    .where('agreement_id', '=', agreementId)
    .where('ref', 'in', refs)
    .execute();
  return new Map(
    rows.map((r) => [
      r.ref,
      {
        personId: r.id,
        recordHash: r.record_hash,
        record: r.record as PersonRecord,
        withdrawn: r.withdrawn_reason !== null,
      },
    ]),
  );
}

/** A short row for lists: the person, where they stand in custody and their latest transfer. */
export interface PersonSummary {
  id: string;
  agreementId: string;
  ref: string;
  names: { given: string; paternal: string; maternal: string | null };
  birthDate: string;
  sex: PersonRecord['sex'];
  nationalities: string[];
  legalStatus: PersonRecord['legalStatus'];
  version: number;
  custody: PersonCustodyStatus;
  latestTransfer: LatestTransfer | null;
}

/** Cursor of the people list: the sort key of the last row returned. */
interface PeopleCursor {
  p: string;
  g: string;
  id: string;
}

/** Encodes a keyset cursor as opaque base64url text. */
export function encodeCursor(row: Pick<PersonSummary, 'id' | 'names'>): string {
  const cursor: PeopleCursor = { p: row.names.paternal, g: row.names.given, id: row.id };
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(text: string): PeopleCursor | undefined {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as PeopleCursor;
    return typeof value.p === 'string' && typeof value.g === 'string' && typeof value.id === 'string'
      ? value
      : undefined;
  } catch {
    return undefined;
  }
}

/** True when `text` is a cursor this list produced. */
export function isValidCursor(text: string): boolean {
  return decodeCursor(text) !== undefined;
}

function isTransferStatus(value: string): value is TransferStatus {
  return (TRANSFER_STATUSES as readonly string[]).includes(value);
}

function isReleaseReason(value: string): value is ReleaseReason {
  return (RELEASE_REASONS as readonly string[]).includes(value);
}

/**
 * The condition a search puts on `people.search_text`: every word of it appears, ignoring case and accents
 * (the stored text is normalised the same way, `searchable`). Each word is a `LIKE '%word%'` that the
 * trigram index `people_search_trgm` answers (migration 0026); words under three letters give the index
 * no trigram and are checked on the rows the other words found.
 */
export function searchCondition(search: string | undefined): Expression<SqlBool> {
  const words = searchable(search ?? '')
    .split(' ')
    .filter(Boolean)
    .map((word) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (words.length === 0) return sql<SqlBool>`true`;
  return sql<SqlBool>`(${sql.join(
    words.map((pattern) => sql`people.search_text like ${pattern}`),
    sql` and `,
  )})`;
}

/** The people of an agreement on the roster, narrowed by every word of a search. */
function matchingPeople(
  q: Q,
  agreementId: string,
  search: string | undefined,
  visible: Expression<SqlBool> = sql<SqlBool>`true`,
) {
  return q
    .selectFrom('people')
    .where('agreement_id', '=', agreementId)
    .where('withdrawn_reason', 'is', null)
    .where(visible)
    .where(searchCondition(search));
}

/** The custody and transfer columns of a page's row, as the list shows them. */
interface StandingRow {
  facility_id: string | null;
  facility_code: string | null;
  facility_name: string | null;
  started_at: Date | null;
  ended_at: Date | null;
  release_reason: string | null;
  cell_code: string | null;
  transfer_id: string | null;
  transfer_status: string | null;
  transfer_updated_at: Date | null;
}

function custodyOf(row: StandingRow): PersonCustodyStatus {
  if (!row.facility_id || !row.facility_code || !row.facility_name || !row.started_at) {
    return { status: 'not_in_custody' };
  }
  const facility = { id: row.facility_id, code: row.facility_code, name: row.facility_name };
  if (!row.ended_at) {
    return { status: 'in_custody', facility, since: row.started_at.toISOString(), cell: row.cell_code };
  }
  return {
    status: 'released',
    facility,
    releasedAt: row.ended_at.toISOString(),
    releaseReason: row.release_reason && isReleaseReason(row.release_reason) ? row.release_reason : null,
  };
}

function latestTransferOf(row: StandingRow): LatestTransfer | null {
  if (!row.transfer_id || !row.transfer_status || !row.transfer_updated_at) return null;
  if (!isTransferStatus(row.transfer_status)) return null;
  return {
    id: row.transfer_id,
    status: row.transfer_status,
    updatedAt: row.transfer_updated_at.toISOString(),
  };
}

/**
 * People of an agreement ordered by paternal surname, given names and id, optionally filtered by a search
 * (every word must appear in ref, names, aliases or identifiers, ignoring case and accents), each with
 * their custody and latest transfer, and how many match in all.
 *
 * The page's rows are chosen first (the name index, bounded by the limit); only those rows are then
 * joined to their latest custody interval (custody_intervals_person), its facility, their open housing
 * assignment (housing_one_open) and their latest transfer (transfers_person): a handful of index probes
 * per row, whatever the size of the roster.
 */
export async function listPeople(
  q: Q,
  options: {
    agreementId: string;
    search?: string;
    cursor?: string;
    limit: number;
    /** Only the people a reader's scope reaches (parties/scope.ts, `peopleFilter` on `people.id`). */
    visible?: Expression<SqlBool>;
  },
): Promise<{ items: PersonSummary[]; nextCursor: string | null; total: number }> {
  let page = matchingPeople(q, options.agreementId, options.search, options.visible).select([
    'id',
    'agreement_id',
    'ref',
    'given_names',
    'paternal_surname',
    'maternal_surname',
    'birth_date',
    'sex',
    'nationalities',
    'legal_status',
    'version',
  ]);
  const cursor = options.cursor ? decodeCursor(options.cursor) : undefined;
  if (cursor) {
    page = page.where(
      sql<boolean>`(paternal_surname, given_names, id) > (${cursor.p}, ${cursor.g}, ${cursor.id}::uuid)`,
    );
  }
  const chosen = page
    .orderBy('paternal_surname')
    .orderBy('given_names')
    .orderBy('id')
    .limit(options.limit + 1);
  const rows = await q
    .selectFrom(chosen.as('p'))
    // The latest interval is the open one when there is one: a person has one open interval at most, and
    // it began after every closed one ended.
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('custody_intervals')
          .select(['id', 'facility_id', 'started_at', 'ended_at', 'release_reason'])
          .whereRef('custody_intervals.person_id', '=', 'p.id')
          .orderBy('started_at', 'desc')
          .limit(1)
          .as('ci'),
      (join) => join.onTrue(),
    )
    .leftJoin('facilities as f', 'f.id', 'ci.facility_id')
    .leftJoin('housing_assignments as h', (join) =>
      join
        .onRef('h.person_id', '=', 'p.id')
        .onRef('h.custody_interval_id', '=', 'ci.id')
        .on('h.ended_at', 'is', null),
    )
    .leftJoin('cells as c', 'c.id', 'h.cell_id')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('transfers')
          .select(['id', 'status', 'updated_at'])
          .whereRef('transfers.person_id', '=', 'p.id')
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .limit(1)
          .as('t'),
      (join) => join.onTrue(),
    )
    .selectAll('p')
    .select([
      'ci.facility_id',
      'f.code as facility_code',
      'f.name as facility_name',
      'ci.started_at',
      'ci.ended_at',
      'ci.release_reason',
      'c.code as cell_code',
      't.id as transfer_id',
      't.status as transfer_status',
      't.updated_at as transfer_updated_at',
    ])
    .orderBy('p.paternal_surname')
    .orderBy('p.given_names')
    .orderBy('p.id')
    .execute();
  const items = rows.slice(0, options.limit).map(
    (r): PersonSummary => ({
      id: r.id,
      agreementId: r.agreement_id,
      ref: r.ref,
      names: { given: r.given_names, paternal: r.paternal_surname, maternal: r.maternal_surname },
      birthDate: r.birth_date,
      sex: r.sex,
      nationalities: r.nationalities,
      legalStatus: r.legal_status,
      version: r.version,
      custody: custodyOf(r),
      latestTransfer: latestTransferOf(r),
    }),
  );
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > options.limit && last ? encodeCursor(last) : null,
    total: await countPeople(q, options.agreementId, options.search, options.visible),
  };
}

/** How many people of an agreement's roster match a search: every matching row is counted. */
export async function countPeople(
  q: Q,
  agreementId: string,
  search: string | undefined,
  visible?: Expression<SqlBool>,
): Promise<number> {
  const row = await matchingPeople(q, agreementId, search, visible)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One person with the full record. */
export async function findPerson(
  q: Q,
  personId: string,
): Promise<(Person & { withdrawnReason: string | null }) | undefined> {
  const row = await q
    .selectFrom('people')
    .select(['id', 'agreement_id', 'version', 'record', 'withdrawn_reason'])
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    ...(row.record as PersonRecord),
    id: row.id,
    agreementId: row.agreement_id,
    version: row.version,
    withdrawnReason: row.withdrawn_reason,
  };
}

/**
 * One person with the policy's subject for them (`subjectColumns`), in one statement: a scoped reader's
 * read by id, which the policy then decides on.
 */
export async function findPersonWithSubject(
  q: Q,
  personId: string,
  day: string,
): Promise<{ person: Person & { withdrawnReason: string | null }; subject: PolicySubject } | undefined> {
  const row = await q
    .selectFrom('people as p')
    .select(['p.id', 'p.agreement_id', 'p.version', 'p.record', 'p.withdrawn_reason'])
    .select(subjectColumns(day))
    .where('p.id', '=', personId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    person: {
      ...(row.record as PersonRecord),
      id: row.id,
      agreementId: row.agreement_id,
      version: row.version,
      withdrawnReason: row.withdrawn_reason,
    },
    subject: subjectOf(personId, row),
  };
}

/** Every current record of an agreement, in ref order, page by page (flat memory). */
export async function* exportRecords(
  q: Q,
  agreementId: string,
  pageSize = 2000,
): AsyncGenerator<PersonRecord> {
  let after = '';
  for (;;) {
    const rows = await q
      .selectFrom('people')
      .select(['ref', 'record'])
      .where('agreement_id', '=', agreementId)
      .where('withdrawn_reason', 'is', null)
      .where('ref', '>', after)
      .orderBy('ref')
      .limit(pageSize)
      .execute();
    for (const row of rows) yield row.record as PersonRecord;
    const last = rows.at(-1);
    if (!last || rows.length < pageSize) return;
    after = last.ref;
  }
}

// An import remembers the refs it has seen, and on which line, in a temporary table rather than in memory,
// so a 1.5M-row file stays flat. The table lives until the import's transaction ends.

/** Creates the import's table of refs seen so far; it is dropped when the transaction commits. */
export async function createImportSeen(tx: Tx): Promise<void> {
  await sql`create temporary table import_seen (ref text primary key, line integer not null) on commit drop`.execute(
    tx,
  );
}

/**
 * One batch of an import in one round trip: marks the batch's refs as seen in this import (each on its
 * first line) and returns, for the refs seen in an earlier batch, the line they were first seen on, and
 * for the refs already on the agreement's roster, the person's stored state. The select reads the
 * snapshot from before the insert, so a ref the batch itself adds is not reported as seen.
 */
export async function lookUpImportBatch(
  tx: Tx,
  agreementId: string,
  rows: readonly { ref: string; line: number }[],
): Promise<{ seenLines: Map<string, number>; states: Map<string, StoredPersonState> }> {
  const found = await sql<{
    ref: string;
    seen_line: number | null;
    id: string | null;
    record_hash: string | null;
    record: unknown;
    withdrawn_reason: string | null;
  }>`
    with batch (ref, line) as (
      select * from unnest(${rows.map((r) => r.ref)}::text[], ${rows.map((r) => r.line)}::int[])
    ), marked as (
      insert into import_seen (ref, line) select ref, min(line) from batch group by ref
      on conflict (ref) do nothing
    )
    select b.ref, s.line as seen_line, p.id, p.record_hash, p.record, p.withdrawn_reason
    from (select distinct ref from batch) b
    left join import_seen s on s.ref = b.ref
    left join people p on p.agreement_id = ${agreementId} and p.ref = b.ref
    where s.ref is not null or p.id is not null`.execute(tx);
  const seenLines = new Map<string, number>();
  const states = new Map<string, StoredPersonState>();
  for (const row of found.rows) {
    if (row.seen_line !== null) seenLines.set(row.ref, row.seen_line);
    if (row.id !== null && row.record_hash !== null) {
      states.set(row.ref, {
        personId: row.id,
        recordHash: row.record_hash,
        record: row.record as PersonRecord,
        withdrawn: row.withdrawn_reason !== null,
      });
    }
  }
  return { seenLines, states };
}
