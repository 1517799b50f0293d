import { sql } from 'kysely';
import type { Db, Tx } from '../db/database.js';
import type { EventEnvelope } from './events.js';
import type { FeatureEvents } from './registry.js';

type Q = Db | Tx;

/**
 * Which ledger entries are about which person (decision 0031), folded from every event after its own
 * projector ran: the ids under a `personId` or `personIds` key anywhere in the payload, the person of a
 * `person:<id>` stream, and the person of every transfer a `transferId` names (manifest events name only
 * the transfer). The transfer's person is read from the `transfers` read table, which the batch's own
 * projectors have already written, live and in replay alike. Migration 0027 fills the same rows for
 * entries recorded before it, with the same rule in SQL, and `ledger verify` compares the two.
 */

const BATCH = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What an event names directly: people by id, and transfers whose person must be looked up. */
export interface EventSubjects {
  people: Set<string>;
  transfers: Set<string>;
}

/** The people and transfers an event names (pure). */
export function subjectsOf(envelope: Pick<EventEnvelope, 'streamId' | 'payload'>): EventSubjects {
  const found: EventSubjects = { people: new Set(), transfers: new Set() };
  if (envelope.streamId.startsWith('person:')) found.people.add(envelope.streamId.slice('person:'.length));
  walk(envelope.payload, found);
  return found;
}

function walk(value: unknown, found: EventSubjects): void {
  if (Array.isArray(value)) {
    for (const item of value) walk(item, found);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'personId' && typeof inner === 'string') found.people.add(inner);
    else if (key === 'personIds' && Array.isArray(inner)) {
      for (const id of inner) if (typeof id === 'string') found.people.add(id);
    } else if (key === 'transferId' && typeof inner === 'string') found.transfers.add(inner);
    walk(inner, found);
  }
}

/** Adds the index rows of `events` (in ledger order, already projected by their own features). */
export async function indexPeople(tx: Tx, events: readonly EventEnvelope[]): Promise<void> {
  const subjects = events.map((e) => ({ seq: e.seq, ...subjectsOf(e) }));
  // Transfer ids are uuids; anything else names no transfer (and must not break the uuid comparison).
  const transferIds = [...new Set(subjects.flatMap((s) => [...s.transfers]))].filter((id) => UUID.test(id));
  const personOfTransfer = new Map<string, string>();
  if (transferIds.length > 0) {
    const rows = await tx
      .selectFrom('transfers')
      .select(['id', 'person_id'])
      .where('id', '=', sql<string>`any(${transferIds}::uuid[])`)
      .execute();
    for (const row of rows) personOfTransfer.set(row.id, row.person_id);
  }
  const rows: { person_id: string; seq: number }[] = [];
  for (const s of subjects) {
    const people = new Set(s.people);
    for (const t of s.transfers) {
      const person = personOfTransfer.get(t);
      if (person) people.add(person);
    }
    for (const person_id of people) rows.push({ person_id, seq: s.seq });
  }
  for (let i = 0; i < rows.length; i += BATCH) {
    await tx
      .insertInto('ledger_person_entries')
      .values(rows.slice(i, i + BATCH))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/** The index as a feature of the registry: no event types of its own, one read table, sees every event. */
export const ledgerPersonIndex: FeatureEvents = {
  feature: 'ledger-person-index',
  events: [],
  tables: [{ table: 'ledger_person_entries', orderBy: 'person_id, seq' }],
  everyEvent: indexPeople,
};

/** One entry about a person, as the index and the ledger know it (never the leaf: it may hold the cell). */
export interface PersonEntry {
  seq: number;
  type: string;
  recordedAt: Date;
  leafHash: Uint8Array;
}

/** The entries about `personId`, oldest first. */
export async function personEntries(q: Q, personId: string): Promise<PersonEntry[]> {
  const rows = await q
    .selectFrom('ledger_person_entries as p')
    .innerJoin('ledger_entries as e', 'e.seq', 'p.seq')
    .select(['e.seq', 'e.type', 'e.recorded_at', 'e.leaf_hash'])
    .where('p.person_id', '=', personId)
    .orderBy('e.seq')
    .execute();
  return rows.map((r) => ({ seq: r.seq, type: r.type, recordedAt: r.recorded_at, leafHash: r.leaf_hash }));
}

/** True when an entry in `[from, to)` is about a person a court sealed. */
export async function touchesSealedRecord(q: Q, from: number, to: number): Promise<boolean> {
  const row = await q
    .selectFrom('ledger_person_entries as p')
    .innerJoin('person_seals as s', (join) => join.on(sql`s.person_id::text`, '=', sql.ref('p.person_id')))
    .select('p.seq')
    .where('p.seq', '>=', from)
    .where('p.seq', '<', to)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
