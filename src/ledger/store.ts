import { sql } from 'kysely';
import { afterEveryWrite, type DatabaseHandle, type Db, type Tx } from '../db/database.js';
import type { NodeRef } from './merkle.js';
import { NodeCache } from './node-cache.js';

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

/**
 * The default byte budget of a database's node cache: the whole tree of a ledger up to about 130,000
 * entries; at 1.5 million, levels 4 and up (a proof then reads its leaf and 4 nodes from the database).
 */
export const NODE_CACHE_BYTES = 8 * 1024 * 1024;
const nodeCaches = new WeakMap<object, NodeCache>();

/**
 * Gives `db` a node cache of `budgetBytes` (replacing any it had), for `custodia serve` and the
 * benchmark; a database without one gets the default budget on its first read.
 */
export function setNodeCache(db: Db, budgetBytes: number): NodeCache {
  const cache = new NodeCache(budgetBytes);
  nodeCaches.set(db, cache);
  return cache;
}

/**
 * The node cache for reads outside a transaction, which see only committed rows (they never change).
 * Undefined inside a transaction: its own uncommitted nodes must never be cached.
 */
export function nodeCacheOf(q: Q): NodeCache | undefined {
  if (q.isTransaction) return undefined;
  return nodeCaches.get(q) ?? setNodeCache(q, NODE_CACHE_BYTES);
}

/**
 * Reads stored nodes; the result is in the order of `refs`. Cached nodes are served from memory, the
 * others with ONE query (`seq = any(…)`, the entries that hold them) and then cached. Throws if one is missing.
 */
export async function readNodes(q: Q, refs: readonly NodeRef[]): Promise<Uint8Array[]> {
  if (refs.length === 0) return [];
  const cache = nodeCacheOf(q);
  if (!cache) return fetchNodes(q, refs);
  return cache.readThrough(refs, (missing) => fetchNodes(q, missing));
}

/** Reads nodes from the database with one query, in the order of `refs`. */
async function fetchNodes(q: Q, refs: readonly NodeRef[]): Promise<Uint8Array[]> {
  const seqs = [...new Set(refs.map((r) => nodeLocation(r).seq))];
  const rows = await q
    .selectFrom('ledger_entries')
    .select(['seq', 'leaf_hash', 'subtree_hashes'])
    // One array parameter, however many entries: a person's proofs may name thousands.
    .where('seq', '=', sql<number>`any(${seqs}::int8[])`)
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
