import { sql } from 'kysely';
import { afterEveryWrite, type DatabaseHandle, type Db, type Tx } from '../db/database.js';
import type { NodeRef } from './merkle.js';
import { TreeCache } from './tree-cache.js';

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
  subtree_hashes: Uint8Array;
}

const sizeCaches = new WeakMap<object, { size: number | undefined }>();

/**
 * Keeps the ledger size in memory between write transactions. Only for the embedded engine, where this
 * process is the only writer (the data directory is locked); on a server other processes append too.
 */
export function cacheLedgerSize(handle: DatabaseHandle): void {
  if (handle.engine !== 'pglite' || sizeCaches.has(handle.db)) return;
  const cache = { size: undefined as number | undefined };
  sizeCaches.set(handle.db, cache);
  afterEveryWrite(handle.db, () => {
    cache.size = undefined;
  });
}

/** The number of entries in the ledger. */
export async function ledgerSize(q: Q): Promise<number> {
  const cache = q.isTransaction ? undefined : sizeCaches.get(q);
  if (cache?.size !== undefined) return cache.size;
  const size = await querySize(q);
  if (cache) cache.size = size;
  return size;
}

async function querySize(q: Q): Promise<number> {
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
    // One array parameter rather than hundreds: a large import batch names hundreds of streams.
    .where('stream_id', '=', sql<string>`any(${[...new Set(streamIds)]}::text[])`)
    .groupBy('stream_id')
    .execute();
  for (const row of rows) versions.set(row.stream_id, row.version);
  return versions;
}

/**
 * Where a stored node lives: level 0 is the leaf hash of entry `index`; an interior node at level L ≥ 1
 * was completed by the last leaf it covers, entry `(index + 1)·2^L − 1`, at offset `(L − 1)·32` of that
 * entry's `subtree_hashes`.
 */
export function nodeLocation(ref: NodeRef): { seq: number; offset: number } {
  if (ref.level === 0) return { seq: ref.index, offset: -1 };
  return { seq: (ref.index + 1) * 2 ** ref.level - 1, offset: (ref.level - 1) * 32 };
}

/** Entries beyond this are served from the database only: the cache would pass about 256 MB. */
const TREE_CACHE_LIMIT = 4_000_000;
const treeCaches = new WeakMap<object, TreeCache>();
const LOAD_PAGE = 10_000;

/**
 * The in-memory tree for reads outside a transaction (they see only committed rows, which never
 * change), extended to cover entry `seq`. Undefined inside transactions and past the size limit.
 */
async function treeCacheCovering(q: Q, seq: number): Promise<TreeCache | undefined> {
  if (q.isTransaction || seq >= TREE_CACHE_LIMIT) return undefined;
  let cache = treeCaches.get(q);
  if (!cache) {
    cache = new TreeCache();
    treeCaches.set(q, cache);
  }
  while (cache.size <= seq) {
    const rows = await q
      .selectFrom('ledger_entries')
      .select(['seq', 'leaf_hash', 'subtree_hashes'])
      .where('seq', '>=', cache.size)
      .where('seq', '<', Math.min(cache.size + LOAD_PAGE, seq + 1))
      .orderBy('seq')
      .execute();
    if (rows.length === 0) return undefined;
    for (const row of rows) {
      if (row.seq !== cache.size) return undefined;
      cache.add(row.seq, row.leaf_hash, row.subtree_hashes);
    }
  }
  return cache;
}

/** Reads stored nodes; the result is in the order of `refs`. Throws if one is missing. */
export async function readNodes(q: Q, refs: readonly NodeRef[]): Promise<Uint8Array[]> {
  if (refs.length === 0) return [];
  const last = Math.max(...refs.map((r) => nodeLocation(r).seq));
  const cache = await treeCacheCovering(q, last);
  if (cache) return refs.map((r) => cache.get(r));
  const seqs = [...new Set(refs.map((r) => nodeLocation(r).seq))];
  const rows = await q
    .selectFrom('ledger_entries')
    .select(['seq', 'leaf_hash', 'subtree_hashes'])
    .where('seq', 'in', seqs)
    .execute();
  const bySeq = new Map(rows.map((row) => [row.seq, row]));
  return refs.map((ref) => {
    const { seq, offset } = nodeLocation(ref);
    const row = bySeq.get(seq);
    const bytes = row && (offset < 0 ? row.leaf_hash : row.subtree_hashes.subarray(offset, offset + 32));
    if (bytes?.length !== 32) {
      throw new Error(
        `ledger node level ${ref.level} index ${ref.index} (entry ${seq}) is missing; run \`custodia ledger verify\``,
      );
    }
    return new Uint8Array(bytes);
  });
}

/** Inserts entries in batches: one row per event, with its leaf hash and the subtree hashes it completed. */
export async function insertEntries(tx: Tx, entries: EntryRow[]): Promise<void> {
  for (let i = 0; i < entries.length; i += BATCH) {
    await tx
      .insertInto('ledger_entries')
      .values(entries.slice(i, i + BATCH))
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
