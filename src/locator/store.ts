import { type Expression, type SqlBool, sql } from 'kysely';
import type { Db, Tx } from '../db/database.js';
import { type FeatureEvents, projection } from '../ledger/registry.js';
import type { PersonRecord } from '../people/model.js';
import type { ManifestState } from '../transfers/manifest.js';
import { type CustodyFacts, type LocatorCandidate, type LocatorFacility, locatorEvent } from './model.js';

type Q = Db | Tx;

/** The locator's event type and its projection: one row per recorded lookup. */
export const locatorEvents: FeatureEvents = {
  feature: 'locator',
  tables: [{ table: 'locator_lookups', orderBy: 'id' }],
  events: [
    projection(locatorEvent.lookedUp, async (tx, e) => {
      const p = e.payload;
      await tx
        .insertInto('locator_lookups')
        .values({
          id: p.lookupId,
          actor: e.actor,
          role: p.role,
          person_id: p.personId,
          query_form: p.form,
          channel: p.channel,
          looked_up_at: new Date(p.at),
        })
        .execute();
    }),
  ],
};

function candidateOf(row: { id: string; record: unknown }): LocatorCandidate {
  // The record column holds a record the person schema accepted (people/store.ts projects it).
  const record = row.record as PersonRecord;
  return {
    personId: row.id,
    names: record.names,
    birthDate: record.birthDate,
    birthCountry: record.birthCountry,
    identifiers: record.identifiers,
  };
}

/**
 * The people whose A-number has the same digits as `digits` (leading zeros aside); the pure match then
 * checks the whole query. Withdrawn records are not in the registry any more, and are never found.
 */
export async function candidatesByANumber(q: Q, digits: string): Promise<LocatorCandidate[]> {
  const rows = await q
    .selectFrom('people as p')
    .select(['p.id', 'p.record'])
    .where('p.withdrawn_reason', 'is', null)
    // A sealed record is never found (a court's order); it is still counted elsewhere.
    .where(sql<boolean>`not exists (select 1 from person_seals s where s.person_id = p.id)`)
    .where(
      sql<boolean>`exists (select 1 from jsonb_array_elements(p.record -> 'identifiers') as i(v)
        where i.v ->> 'type' = 'a_number'
          and ltrim(regexp_replace(i.v ->> 'value', '[^0-9]', '', 'g'), '0') = ltrim(${digits}, '0'))`,
    )
    .execute();
  return rows.map(candidateOf);
}

/** The people born on `birthDate` (withdrawn records left out); the pure match then checks the name. */
export async function candidatesByBirthDate(q: Q, birthDate: string): Promise<LocatorCandidate[]> {
  const rows = await q
    .selectFrom('people')
    .select(['id', 'record'])
    .where('withdrawn_reason', 'is', null)
    .where(sql<boolean>`not exists (select 1 from person_seals s where s.person_id = people.id)`)
    .where('birth_date', '=', birthDate)
    .execute();
  return rows.map(candidateOf);
}

/** What the locator derives a person's status from: custody intervals, boardings, return orders. */
export async function custodyFactsOf(q: Q, personId: string): Promise<CustodyFacts> {
  const [intervals, entries, returns] = await Promise.all([
    q
      .selectFrom('custody_intervals')
      .select(['facility_id', 'transfer_id', 'started_at', 'ended_at', 'release_reason'])
      .where('person_id', '=', personId)
      .execute(),
    q
      .selectFrom('manifest_entries as e')
      .innerJoin('manifests as m', 'm.id', 'e.manifest_id')
      .select(['e.transfer_id', 'm.facility_id', 'm.state'])
      .where('e.person_id', '=', personId)
      .where('e.status', 'in', ['boarded', 'exception'])
      .execute(),
    q
      .selectFrom('transfer_history as h')
      .innerJoin('transfers as t', 't.id', 'h.transfer_id')
      .select(['h.transfer_id', 'h.at'])
      .where('t.person_id', '=', personId)
      .where('h.to_status', '=', 'returned')
      .execute(),
  ]);
  const boardings: { facilityId: string; boardedAt: Date }[] = [];
  for (const row of entries) {
    // The manifest's state is what its projection wrote (transfers/manifest-store.ts).
    const entry = (row.state as ManifestState).entries.find((e) => e.transferId === row.transfer_id);
    if (!entry?.boardedAt || entry.exception?.kind === 'returned_before_departure') continue;
    boardings.push({ facilityId: row.facility_id, boardedAt: new Date(entry.boardedAt) });
  }
  return {
    intervals: intervals.map((i) => ({
      facilityId: i.facility_id,
      startedAt: i.started_at,
      endedAt: i.ended_at,
      releaseReason: i.release_reason,
    })),
    boardings,
    returns: returns.map((r) => ({
      at: r.at,
      facilityId: intervals.find((i) => i.transfer_id === r.transfer_id)?.facility_id ?? null,
    })),
  };
}

/** A facility's code, name and address (all the locator shows of it), and its zone to write times in. */
export async function locatorFacility(
  q: Q,
  facilityId: string,
): Promise<(LocatorFacility & { timeZone: string }) | undefined> {
  return q
    .selectFrom('facilities')
    .select(['code', 'name', 'address', 'time_zone as timeZone'])
    .where('id', '=', facilityId)
    .executeTakeFirst();
}

/**
 * The agencies a reader who found no one should contact: the sending agencies of every agreement in force,
 * as "name (code)". The same for every query, so a miss says nothing about who was asked for.
 */
export async function contactAgencies(q: Q): Promise<string[]> {
  const rows = await q
    .selectFrom('agreement_agencies as aa')
    .innerJoin('agreements as a', 'a.id', 'aa.agreement_id')
    .innerJoin('agencies as g', 'g.code', 'aa.agency_code')
    .select(['g.code', 'g.name'])
    .distinct()
    .where('aa.side', '=', 'sending')
    .where('a.status', '=', 'in_force')
    .orderBy('g.code')
    .execute();
  return rows.map((r) => `${r.name} (${r.code})`);
}

/** One recorded lookup, as monitors read it. */
export interface LookupRow {
  id: string;
  actor: string;
  role: string;
  personId: string | null;
  ref: string | null;
  form: 'a_number' | 'name';
  channel: 'api' | 'cli';
  at: Date;
}

/** The recorded lookups, newest first, at most `limit`. */
export async function listLookups(
  q: Q,
  limit: number,
  /** Whom the reader may be told was looked up (`peopleFilter` on `l.person_id`); others show as no one. */
  named: Expression<SqlBool> = sql<SqlBool>`true`,
): Promise<LookupRow[]> {
  const rows = await q
    .selectFrom('locator_lookups as l')
    .leftJoin('people as p', 'p.id', 'l.person_id')
    .select([
      'l.id',
      'l.actor',
      'l.role',
      'l.person_id',
      'p.ref',
      'l.query_form',
      'l.channel',
      'l.looked_up_at',
      sql<boolean>`${named}`.as('named'),
    ])
    .orderBy('l.looked_up_at', 'desc')
    .orderBy('l.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    actor: r.actor,
    role: r.role,
    personId: r.named ? r.person_id : null,
    ref: r.named ? r.ref : null,
    form: r.query_form,
    channel: r.channel,
    at: r.looked_up_at,
  }));
}
