import { sql } from 'kysely';
import type { Db, Tx } from '../db/database.js';
import type { NodeRef } from './merkle.js';

type Q = Db | Tx;

/** Rows per INSERT: keeps each statement well under PostgreSQL's 65,535 bind parameters. */
const BATCH = 1000;

export interface EntryRow {
  seq: number;
  type: string;
  stream_id: string;
  stream_version: number;
  recorded_at: Date;
  actor: string;
  leaf: string;
  leaf_hash: Uint8Array;
}

/** The number of entries in the ledger. */
export async function ledgerSize(q: Q): Promise<number> {
  const row = await q
    .selectFrom('ledger_entries')
    .select(sql<number>`coalesce(max(seq) + 1, 0)::int8`.as('size'))
    .executeTakeFirstOrThrow();
  return row.size;
}

/** The current version of each stream named (0 for a new stream). */
export async function streamVersions(q: Q, streamIds: string[]): Promise<Map<string, number>> {
  const versions = new Map<string, number>(streamIds.map((id) => [id, 0]));
  if (streamIds.length === 0) return versions;
  const rows = await q
    .selectFrom('ledger_entries')
    .select(['stream_id', sql<number>`max(stream_version)`.as('version')])
    .where('stream_id', 'in', [...new Set(streamIds)])
    .groupBy('stream_id')
    .execute();
  for (const row of rows) versions.set(row.stream_id, row.version);
  return versions;
}

/** Reads stored nodes; the result is in the order of `refs`. Throws if one is missing. */
export async function readNodes(q: Q, refs: readonly NodeRef[]): Promise<Uint8Array[]> {
  if (refs.length === 0) return [];
  const rows = await q
    .selectFrom('ledger_nodes')
    .select(['level', 'idx', 'hash'])
    .where((eb) => eb.or(refs.map((r) => eb.and([eb('level', '=', r.level), eb('idx', '=', r.index)]))))
    .execute();
  const byKey = new Map(rows.map((row) => [`${row.level}/${row.idx}`, row.hash]));
  return refs.map((r) => {
    const hash = byKey.get(`${r.level}/${r.index}`);
    if (!hash)
      throw new Error(
        `ledger node level ${r.level} index ${r.index} is missing; run \`custodia ledger verify\``,
      );
    return new Uint8Array(hash);
  });
}

/** Inserts entries and nodes in batches. */
export async function insertEntries(
  tx: Tx,
  entries: EntryRow[],
  nodes: { level: number; index: number; hash: Uint8Array }[],
): Promise<void> {
  for (let i = 0; i < entries.length; i += BATCH) {
    await tx
      .insertInto('ledger_entries')
      .values(entries.slice(i, i + BATCH))
      .execute();
  }
  for (let i = 0; i < nodes.length; i += BATCH) {
    await tx
      .insertInto('ledger_nodes')
      .values(nodes.slice(i, i + BATCH).map((n) => ({ level: n.level, idx: n.index, hash: n.hash })))
      .execute();
  }
}

/** Entries with `from <= seq < to`, in order. */
export async function readEntries(q: Q, from: number, to: number): Promise<EntryRow[]> {
  return q
    .selectFrom('ledger_entries')
    .selectAll()
    .where('seq', '>=', from)
    .where('seq', '<', to)
    .orderBy('seq')
    .execute();
}

/** Nodes at `level` with `from <= idx < to`, in order; used by verify to compare recomputed nodes. */
export async function readNodeRange(
  q: Q,
  level: number,
  from: number,
  to: number,
): Promise<Map<number, Uint8Array>> {
  const rows = await q
    .selectFrom('ledger_nodes')
    .select(['idx', 'hash'])
    .where('level', '=', level)
    .where('idx', '>=', from)
    .where('idx', '<', to)
    .execute();
  return new Map(rows.map((r) => [r.idx, new Uint8Array(r.hash)]));
}

/** The number of stored nodes, to detect extra rows. */
export async function nodeCount(q: Q): Promise<number> {
  const row = await q
    .selectFrom('ledger_nodes')
    .select(sql<number>`count(*)::int8`.as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

export interface CheckpointRow {
  size: number;
  root: Uint8Array;
  note: string;
  signed_at: Date;
}

/** The newest signed checkpoint, if any. */
export async function latestCheckpoint(q: Q): Promise<CheckpointRow | undefined> {
  return q.selectFrom('ledger_checkpoints').selectAll().orderBy('size', 'desc').limit(1).executeTakeFirst();
}

/** All checkpoints, oldest first. */
export async function allCheckpoints(q: Q): Promise<CheckpointRow[]> {
  return q.selectFrom('ledger_checkpoints').selectAll().orderBy('size').execute();
}

/** Stores a checkpoint unless one for that size exists. */
export async function insertCheckpoint(tx: Tx, row: CheckpointRow): Promise<void> {
  await tx
    .insertInto('ledger_checkpoints')
    .values(row)
    .onConflict((oc) => oc.column('size').doNothing())
    .execute();
}
