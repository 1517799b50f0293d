import { canonicalize } from '../core/canonical-json.js';
import { DomainError } from '../core/errors.js';
import { afterCommit, type Db, databaseOf, type Tx } from '../db/database.js';
import { formatCheckpoint } from './checkpoint.js';
import type { Actor, EventEnvelope, NewEvent } from './events.js';
import {
  appendLeaf,
  consistencyPlan,
  emptyRoot,
  inclusionPlan,
  leafHash,
  type NodeHash,
  type NodeRef,
  type ProofPlan,
  rehashProof,
  rightEdgeRefs,
  rootFromRightEdge,
  rootPlan,
} from './merkle.js';
import { type NoteSigner, signNote } from './note.js';
import type { CheckpointRow } from './store.js';
import * as store from './store.js';

type Q = Db | Tx;
const encoder = new TextEncoder();

/** The leaf string for an envelope: its RFC 8785 canonical JSON. */
export function leafOf(envelope: EventEnvelope): string {
  return canonicalize({
    seq: envelope.seq,
    type: envelope.type,
    streamId: envelope.streamId,
    streamVersion: envelope.streamVersion,
    recordedAt: envelope.recordedAt,
    actor: envelope.actor,
    payload: envelope.payload,
  });
}

/**
 * The ledger's size and right edge after the last append, kept in memory for the transactions that ask
 * (`keepLedgerHead`): a group commit appends many writes in one transaction, and each would otherwise read
 * the head back. Null until the first append reads it; only `appendEvents` inserts entries.
 */
const heads = new WeakMap<Tx, { size: number; edge: NodeHash[] } | null>();

/**
 * The head of each database's ledger as its last committed write transaction left it. The next
 * transaction still reads the size (on a server another process may have appended since), and when it is
 * the same it takes the right edge from here instead of reading its nodes back: a write makes one query
 * fewer. The nodes of a committed size never change.
 */
const committedHeads = new WeakMap<Db, { size: number; edge: NodeHash[] }>();

/** Keeps the ledger head of `tx` in memory between its appends (group commit). */
export function keepLedgerHead(tx: Tx): void {
  if (!heads.has(tx)) heads.set(tx, null);
}

/** Forgets the kept head of `tx`, after a rollback to a savepoint undid appends; the next append reads it. */
export function forgetLedgerHead(tx: Tx): void {
  if (heads.has(tx)) heads.set(tx, null);
}

/** The ledger's size and right edge in `tx`: kept from its last append, or read (the edge from the committed head when it is current). */
async function headOf(tx: Tx): Promise<{ size: number; edge: NodeHash[] }> {
  const kept = heads.get(tx);
  if (kept) return kept;
  const size = await store.ledgerSize(tx);
  const db = databaseOf(tx);
  const committed = db ? committedHeads.get(db) : undefined;
  if (committed && committed.size === size) return committed;
  return { size, edge: await store.readNodes(tx, rightEdgeRefs(size)) };
}

/**
 * Appends events to the ledger inside `tx`: gives each its sequence number and stream version, stores
 * the leaf and every Merkle node the append completes. The caller projects the returned envelopes in
 * the same transaction, so the ledger and the read tables never disagree.
 */
export async function appendEvents(
  tx: Tx,
  events: readonly NewEvent[],
  actor: Actor,
  now: Date,
): Promise<EventEnvelope[]> {
  if (events.length === 0) return [];
  const head = await headOf(tx);
  const size = head.size;
  let edge = head.edge;
  // Streams a decision created (fresh ids) start at version 1 without a lookup; the UNIQUE
  // (stream_id, stream_version) constraint still refuses a mistake.
  const versions = await store.streamVersions(
    tx,
    events.filter((e) => !e.newStream).map((e) => e.streamId),
  );
  const recordedAt = now.toISOString();
  const envelopes: EventEnvelope[] = [];
  const rows: store.EntryRow[] = [];
  events.forEach((event, i) => {
    const streamVersion = (versions.get(event.streamId) ?? 0) + 1;
    versions.set(event.streamId, streamVersion);
    const seq = size + i;
    const envelope: EventEnvelope = {
      seq,
      type: event.type,
      streamId: event.streamId,
      streamVersion,
      recordedAt,
      actor: actor.id,
      payload: event.payload,
    };
    // canonicalize accepts only plain JSON data (it throws on dates, maps, undefined in arrays…), so the
    // envelope projected now and the one replay parses from the leaf carry the same values.
    const leaf = canonicalize(envelope);
    const hash = leafHash(encoder.encode(leaf));
    const appended = appendLeaf(edge, seq, hash);
    edge = appended.rightEdge;
    envelopes.push(envelope);
    rows.push({
      seq,
      type: event.type,
      stream_id: event.streamId,
      stream_version: streamVersion,
      recorded_at: now,
      actor: actor.id,
      leaf,
      leaf_hash: hash,
      subtree_hashes: concatHashes(appended.stored.slice(1).map((node) => node.hash)),
    });
  });
  await store.insertEntries(tx, rows);
  // Later appends in this transaction start from here; once it commits, so does the next transaction.
  const after = { size: size + events.length, edge };
  if (!heads.has(tx)) {
    const db = databaseOf(tx);
    if (db) afterCommit(tx, () => publishHead(db, tx));
  }
  heads.set(tx, after);
  return envelopes;
}

/** Makes the head `tx` committed the one the next transaction on `db` may start from. */
function publishHead(db: Db, tx: Tx): void {
  const head = heads.get(tx);
  if (head) committedHeads.set(db, head);
  else committedHeads.delete(db);
}

function concatHashes(hashes: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(hashes.length * 32);
  for (const [i, hash] of hashes.entries()) out.set(hash, i * 32);
  return out;
}

/** Current size and root of the ledger. */
export async function treeHead(q: Q): Promise<{ size: number; root: NodeHash }> {
  const size = await store.ledgerSize(q);
  const edge = await store.readNodes(q, rightEdgeRefs(size));
  return { size, root: rootFromRightEdge(edge) };
}

async function checkSize(q: Q, size: number | undefined): Promise<number> {
  const current = await store.ledgerSize(q);
  if (size === undefined) return current;
  if (!Number.isSafeInteger(size) || size < 0 || size > current) {
    throw new DomainError('invalid_input', 'ledger.tree_size', { size: String(size), current });
  }
  return size;
}

function checkIndex(index: number, treeSize: number): void {
  if (!Number.isSafeInteger(index) || index < 0 || index >= treeSize) {
    throw new DomainError('invalid_input', 'ledger.index_out_of_range', {
      index: String(index),
      size: treeSize,
    });
  }
}

/** An RFC 9162 inclusion proof: the entry's leaf hash, its audit path, and the tree head it leads to. */
export interface InclusionProof {
  index: number;
  size: number;
  leafHash: NodeHash;
  proof: NodeHash[];
  root: NodeHash;
}

/**
 * An RFC 9162 inclusion proof for entry `index` in the tree of `size` (default: current size). The leaf,
 * the path and the head's nodes are read together: from the node cache, and the ones it lacks with one
 * query.
 */
export async function proveInclusion(q: Q, index: number, size?: number): Promise<InclusionProof> {
  const treeSize = await checkSize(q, size);
  checkIndex(index, treeSize);
  const [proof] = await inclusionProofsAt(q, [index], treeSize);
  return proof!;
}

/**
 * Inclusion proofs for several entries in the tree of `size`, every node they need read together (one
 * query at most, for the nodes the cache lacks): the proofs by person prove all of a person's entries at
 * once.
 */
export async function proveInclusions(
  q: Q,
  indexes: readonly number[],
  size: number,
): Promise<InclusionProof[]> {
  const treeSize = await checkSize(q, size);
  for (const index of indexes) checkIndex(index, treeSize);
  return inclusionProofsAt(q, indexes, treeSize);
}

async function inclusionProofsAt(q: Q, indexes: readonly number[], size: number): Promise<InclusionProof[]> {
  if (indexes.length === 0) return [];
  const memo = memoFor(q, size);
  const knownRoot = memo?.root;
  const headPlan = knownRoot ? undefined : rootPlan(size);
  const plans = indexes.map((index) => inclusionPlan(index, size));
  const refs: NodeRef[] = [];
  for (const [i, plan] of plans.entries()) refs.push({ level: 0, index: indexes[i]! }, ...plan.refs);
  if (headPlan) refs.push(...headPlan.refs);
  const hashes = await store.readNodes(q, refs);
  let offset = 0;
  const parts = plans.map((plan) => {
    const leaf = hashes[offset]!;
    const path = hashes.slice(offset + 1, offset + 1 + plan.refs.length);
    offset += 1 + plan.refs.length;
    return { leaf, path };
  });
  const root = knownRoot ?? rootOf(headPlan ?? rootPlan(size), hashes.slice(offset), memo);
  // Memoised hashes are handed out as copies, like the cache's: a caller may change its proof's bytes.
  return plans.map((plan, i) => ({
    index: indexes[i]!,
    size,
    leafHash: parts[i]!.leaf,
    proof: rehash(plan, parts[i]!.path, memo),
    root: root.slice(),
  }));
}

/**
 * Per database, the folds of one tree size: the hashes of its incomplete right-edge subtrees (every proof
 * at that size folds the same ones) and its root. A committed tree never changes, so outside a
 * transaction they are computed once per size.
 */
interface FoldMemo {
  size: number;
  root: NodeHash | undefined;
  folds: Map<string, NodeHash>;
}

const foldMemos = new WeakMap<object, FoldMemo>();

function memoFor(q: Q, size: number): FoldMemo | undefined {
  if (q.isTransaction) return undefined;
  let memo = foldMemos.get(q);
  if (!memo || memo.size !== size) {
    memo = { size, root: undefined, folds: new Map() };
    foldMemos.set(q, memo);
  }
  return memo;
}

function rootOf(plan: ProofPlan, hashes: readonly Uint8Array[], memo: FoldMemo | undefined): NodeHash {
  const root = rehashProof(plan, hashes)[0] ?? emptyRoot();
  if (memo) memo.root = root;
  return root;
}

function rehash(plan: ProofPlan, hashes: readonly Uint8Array[], memo: FoldMemo | undefined): NodeHash[] {
  const out: NodeHash[] = [];
  let offset = 0;
  for (const span of plan.spans) {
    const from = offset;
    offset += span;
    if (span === 1) {
      out.push(hashes[from]!);
      continue;
    }
    const refs = plan.refs.slice(from, offset);
    const part = hashes.slice(from, offset);
    if (!memo) {
      out.push(rehashProof({ refs, spans: [span] }, part)[0]!);
      continue;
    }
    // Within one size, a span's first node and its length name the range it folds.
    const key = `${refs[0]!.level}/${refs[0]!.index}/${span}`;
    let folded = memo.folds.get(key);
    if (!folded) {
      folded = rehashProof({ refs, spans: [span] }, part)[0]!;
      memo.folds.set(key, folded);
    }
    out.push(folded.slice());
  }
  return out;
}

/**
 * An RFC 9162 consistency proof between tree sizes `from` and `to`, with both tree heads: every node the
 * three need read together (from the node cache, and the ones it lacks with one query).
 */
export async function proveConsistency(q: Q, from: number, to: number) {
  const toSize = await checkSize(q, to);
  // A proof from the empty tree proves nothing; Go's transparency-dev/merkle refuses it, and so do we.
  if (!Number.isSafeInteger(from) || from < 1 || from > toSize) {
    throw new DomainError('invalid_input', 'ledger.consistency_from', { from: String(from), to: toSize });
  }
  const plans = [consistencyPlan(from, toSize), rootPlan(from), rootPlan(toSize)] as const;
  const hashes = await store.readNodes(
    q,
    plans.flatMap((plan) => plan.refs),
  );
  let offset = 0;
  const [proof, fromRoot, toRoot] = plans.map((plan) => {
    const part = hashes.slice(offset, offset + plan.refs.length);
    offset += plan.refs.length;
    return rehashProof(plan, part);
  });
  return {
    from,
    to: toSize,
    proof: proof!,
    fromRoot: fromRoot![0] ?? emptyRoot(),
    toRoot: toRoot![0] ?? emptyRoot(),
  };
}

/** Streams `{index, leaf}` for entries `from <= index < to`, in pages. */
export async function* exportLeaves(
  q: Q,
  from = 0,
  to?: number,
): AsyncGenerator<{ index: number; leaf: string }> {
  const end = Math.min(to ?? Number.MAX_SAFE_INTEGER, await store.ledgerSize(q));
  const page = 5000;
  for (let start = Math.max(0, from); start < end; start += page) {
    const rows = await store.readEntries(q, start, Math.min(start + page, end));
    for (const row of rows) yield { index: row.seq, leaf: row.leaf };
  }
}

/** Parses a stored leaf back into its envelope. */
export function parseLeaf(leaf: string): EventEnvelope {
  return JSON.parse(leaf) as EventEnvelope;
}

/** Signs and stores a checkpoint for the current tree head, unless one exists for that size. */
export async function signCheckpoint(tx: Tx, signer: NoteSigner, now: Date): Promise<CheckpointRow> {
  const kept = heads.get(tx);
  const { size, root } = kept ? { size: kept.size, root: rootFromRightEdge(kept.edge) } : await treeHead(tx);
  const existing = await store.latestCheckpoint(tx);
  if (existing && existing.size === size) return existing;
  const body = formatCheckpoint({ origin: signer.name, size, root });
  const row = { size, root, note: signNote(body, signer), signed_at: now };
  await store.insertCheckpoint(tx, row);
  return row;
}
