import { canonicalize } from '../core/canonical-json.js';
import { DomainError } from '../core/errors.js';
import type { Db, Tx } from '../db/database.js';
import { formatCheckpoint } from './checkpoint.js';
import type { Actor, EventEnvelope, NewEvent } from './events.js';
import {
  appendLeaf,
  consistencyProof,
  emptyRoot,
  inclusionPlan,
  leafHash,
  type NodeHash,
  type ProofPlan,
  rehashProof,
  rightEdgeRefs,
  rootAt,
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

/** Keeps the ledger head of `tx` in memory between its appends (group commit). */
export function keepLedgerHead(tx: Tx): void {
  heads.set(tx, null);
}

/** Forgets the kept head of `tx`, after a rollback to a savepoint undid appends; the next append reads it. */
export function forgetLedgerHead(tx: Tx): void {
  if (heads.has(tx)) heads.set(tx, null);
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
  const kept = heads.get(tx);
  const size = kept ? kept.size : await store.ledgerSize(tx);
  let edge: NodeHash[] = kept ? kept.edge : await store.readNodes(tx, rightEdgeRefs(size));
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
  if (heads.has(tx)) heads.set(tx, { size: size + events.length, edge });
  return envelopes;
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

function getNodes(q: Q) {
  return (refs: Parameters<typeof store.readNodes>[1]) => store.readNodes(q, refs);
}

async function checkSize(q: Q, size: number | undefined): Promise<number> {
  const current = await store.ledgerSize(q);
  if (size === undefined) return current;
  if (!Number.isSafeInteger(size) || size < 0 || size > current) {
    throw new DomainError('invalid_input', 'ledger.tree_size', { size: String(size), current });
  }
  return size;
}

/** An RFC 9162 inclusion proof for entry `index` in the tree of `size` (default: current size). */
export async function proveInclusion(q: Q, index: number, size?: number) {
  const treeSize = await checkSize(q, size);
  if (!Number.isSafeInteger(index) || index < 0 || index >= treeSize) {
    throw new DomainError('invalid_input', 'ledger.index_out_of_range', {
      index: String(index),
      size: treeSize,
    });
  }
  // One read for the leaf, the proof's nodes and the root's nodes.
  const proofPlan = inclusionPlan(index, treeSize);
  const headPlan = rootPlan(treeSize);
  const hashes = await store.readNodes(q, [{ level: 0, index }, ...proofPlan.refs, ...headPlan.refs]);
  const memo = memoFor(q, treeSize);
  const proof = rehash(proofPlan, hashes.slice(1, 1 + proofPlan.refs.length), memo);
  const [root] = rehash(headPlan, hashes.slice(1 + proofPlan.refs.length), memo);
  return { index, size: treeSize, leafHash: hashes[0]!, proof, root: root ?? emptyRoot() };
}

/**
 * Folded hashes of incomplete subtrees, keyed by the tree size and the nodes folded. Every proof at one
 * size folds the same right-edge ranges, and a committed tree never changes, so outside a transaction
 * they are computed once per size.
 */
const foldMemos = new WeakMap<object, { size: number; folds: Map<string, NodeHash> }>();

function memoFor(q: Q, size: number): Map<string, NodeHash> | undefined {
  if (q.isTransaction) return undefined;
  let memo = foldMemos.get(q);
  if (!memo || memo.size !== size) {
    memo = { size, folds: new Map() };
    foldMemos.set(q, memo);
  }
  return memo.folds;
}

function rehash(
  plan: ProofPlan,
  hashes: readonly Uint8Array[],
  memo: Map<string, NodeHash> | undefined,
): NodeHash[] {
  const out: NodeHash[] = [];
  let offset = 0;
  for (const span of plan.spans) {
    const refs = plan.refs.slice(offset, offset + span);
    const part = hashes.slice(offset, offset + span);
    offset += span;
    if (span === 1 || !memo) {
      out.push(rehashProof({ refs, spans: [span] }, part)[0]!);
      continue;
    }
    const key = refs.map((r) => `${r.level}/${r.index}`).join(',');
    let folded = memo.get(key);
    if (!folded) {
      folded = rehashProof({ refs, spans: [span] }, part)[0]!;
      memo.set(key, folded);
    }
    out.push(folded);
  }
  return out;
}

/** An RFC 9162 consistency proof between tree sizes `from` and `to`. */
export async function proveConsistency(q: Q, from: number, to: number) {
  const toSize = await checkSize(q, to);
  // A proof from the empty tree proves nothing; Go's transparency-dev/merkle refuses it, and so do we.
  if (!Number.isSafeInteger(from) || from < 1 || from > toSize) {
    throw new DomainError('invalid_input', 'ledger.consistency_from', { from: String(from), to: toSize });
  }
  const proof = await consistencyProof(from, toSize, getNodes(q));
  const fromRoot = await rootAt(from, getNodes(q));
  const toRoot = await rootAt(toSize, getNodes(q));
  return { from, to: toSize, proof, fromRoot, toRoot };
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
