/**
 * RFC 9162 §2.1 Merkle tree hashing (SHA-256), append, proofs and their verification — pure, no storage.
 *
 * Storage model. A node `{ level, index }` is the root of the PERFECT subtree over leaves
 * `[index·2^level, (index+1)·2^level)`; level 0 holds leaf hashes. Only perfect nodes are ever stored, and
 * a stored node never changes once written, which is what makes the ledger tables append-only. A tree of
 * `size` leaves is the concatenation of at most one perfect subtree per set bit of `size` (its "right
 * edge", largest first). The hashes that RFC 9162 proofs need for the right-most, incomplete subtrees are
 * not stored; they are recomputed from the perfect nodes that compose them (transparency-dev/merkle calls
 * these "ephemeral" nodes).
 *
 * Proofs are produced in two steps so a database can serve them with one query: a `ProofPlan` lists the
 * node refs to fetch (O(log n) of them), then `rehashProof` folds the fetched hashes into the RFC proof.
 *
 * Sizes and indices are JavaScript numbers, exact up to 2^53 - 1. The arithmetic therefore uses division
 * by powers of two rather than the 32-bit bitwise operators.
 */

import { createHash } from 'node:crypto';
import { asBytes, bytesEqual } from './encoding.js';

/** Bytes in a SHA-256 digest, and so in every leaf, node and root hash. */
export const HASH_SIZE = 32;

/** A 32-byte SHA-256 leaf, node or root hash. */
export type NodeHash = Uint8Array;

/** The perfect subtree over leaves `[index·2^level, (index+1)·2^level)`. */
export interface NodeRef {
  readonly level: number;
  readonly index: number;
}

/** A perfect node together with its hash, as the storage layer persists it. */
export interface StoredNode extends NodeRef {
  readonly hash: NodeHash;
}

/** Loads the hashes of the given stored nodes, in the same order, in one batched read. */
export type GetNodes = (refs: readonly NodeRef[]) => Promise<readonly Uint8Array[]>;

/**
 * Which stored nodes a proof needs and how to fold them: proof element `i` is the right fold (with
 * `nodeHash`) of the next `spans[i]` hashes in `refs` order. A span of 1 is a perfect node used as is; a
 * longer span is an incomplete subtree rebuilt from its perfect parts, largest first.
 */
export interface ProofPlan {
  readonly refs: readonly NodeRef[];
  readonly spans: readonly number[];
}

/** Result of appending leaves: the perfect nodes completed by the append, and the new right edge. */
export interface AppendResult {
  readonly stored: StoredNode[];
  readonly rightEdge: NodeHash[];
}

const LEAF_PREFIX = Uint8Array.of(0x00);
const NODE_PREFIX = Uint8Array.of(0x01);
// Longest proof possible for a 2^53-leaf tree; anything longer is rejected before hashing.
const MAX_PROOF_LENGTH = 64;

/** RFC 9162 §2.1.1 leaf hash: SHA-256(0x00 || data). */
export function leafHash(data: Uint8Array): NodeHash {
  return asBytes(createHash('sha256').update(LEAF_PREFIX).update(data).digest());
}

/** RFC 9162 §2.1.1 interior node hash: SHA-256(0x01 || left || right). */
export function nodeHash(left: NodeHash, right: NodeHash): NodeHash {
  return asBytes(createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest());
}

/** RFC 9162 §2.1.1 root of the empty tree: SHA-256 of the empty string. */
export function emptyRoot(): NodeHash {
  return asBytes(createHash('sha256').digest());
}

/** The perfect nodes forming the right edge of a tree of `size` leaves, largest (left-most) first. */
export function rightEdgeRefs(size: number): NodeRef[] {
  assertCount('tree size', size);
  return rangeRefs(0, size);
}

/**
 * Appends one leaf hash to a tree given by its right edge (the hashes of `rightEdgeRefs(size)`), returning
 * every perfect node the append completed — the leaf at level 0 plus each merged parent — and the new edge.
 */
export function appendLeaf(rightEdge: readonly NodeHash[], size: number, leaf: NodeHash): AppendResult {
  assertCount('tree size', size);
  if (size >= Number.MAX_SAFE_INTEGER) {
    throw new RangeError(`Cannot append to a tree of size ${size}: sizes beyond 2^53 - 1 are not exact.`);
  }
  assertHash('leaf hash', leaf);
  const expected = popCount(size);
  if (rightEdge.length !== expected) {
    throw new RangeError(
      `A tree of size ${size} has ${expected} right-edge hashes but ${rightEdge.length} were given. ` +
        'Load exactly the nodes named by rightEdgeRefs(size), in that order.',
    );
  }
  rightEdge.forEach((hash, i) => {
    assertHash(`right-edge hash ${i}`, hash);
  });
  const edge = rightEdge.slice();
  const stored: StoredNode[] = [{ level: 0, index: size, hash: leaf }];
  let hash = leaf;
  let level = 0;
  // Each trailing 1 bit of `size` is a perfect subtree of the new node's height waiting for a right
  // sibling: merge with it and climb, exactly like binary carry propagation. At every step `n` is also
  // the index of the node being built at `level`.
  let n = size;
  while (n % 2 === 1) {
    hash = nodeHash(edge.pop()!, hash);
    level += 1;
    n = (n - 1) / 2;
    stored.push({ level, index: n, hash });
  }
  edge.push(hash);
  return { stored, rightEdge: edge };
}

/** Appends several leaf hashes in order; see `appendLeaf`. */
export function appendLeaves(
  rightEdge: readonly NodeHash[],
  size: number,
  leaves: readonly NodeHash[],
): AppendResult {
  const stored: StoredNode[] = [];
  let edge = rightEdge.slice();
  let n = size;
  for (const leaf of leaves) {
    const result = appendLeaf(edge, n, leaf);
    stored.push(...result.stored);
    edge = result.rightEdge;
    n += 1;
  }
  return { stored, rightEdge: edge };
}

/** The RFC 9162 §2.1.1 tree head (MTH) of the tree whose right edge is given; the empty edge is size 0. */
export function rootFromRightEdge(edge: readonly NodeHash[]): NodeHash {
  if (edge.length === 0) return emptyRoot();
  edge.forEach((hash, i) => {
    assertHash(`right-edge hash ${i}`, hash);
  });
  return foldRight(edge, 0, edge.length);
}

/** Which stored nodes the RFC 9162 §2.1.3.1 inclusion proof of leaf `index` in a tree of `size` needs. */
export function inclusionPlan(index: number, size: number): ProofPlan {
  assertCount('tree size', size);
  assertCount('leaf index', index);
  if (index >= size) {
    throw new RangeError(
      `Leaf index ${index} is not in a tree of size ${size}: an inclusion proof needs 0 <= index < size.`,
    );
  }
  // RFC 9162 §2.1.3.1 PATH(m, D[n]): with k the largest power of two below n, recurse into the half that
  // holds leaf m and emit the other half's MTH. Walked top-down here, then reversed to the RFC's
  // leaf-to-root order.
  const ranges: Array<[number, number]> = [];
  let start = 0;
  let end = size;
  while (end - start > 1) {
    const k = largestPowerOfTwoBelow(end - start);
    if (index < start + k) {
      ranges.push([start + k, end]);
      end = start + k;
    } else {
      ranges.push([start, start + k]);
      start += k;
    }
  }
  return planFromRanges(ranges.reverse());
}

/**
 * Which stored nodes the RFC 9162 §2.1.4.1 consistency proof from size `m` to size `n` needs. For
 * `m = 0` and `m = n` the proof is empty: the RFC defines PROOF only for 0 < m < n, and those two cases
 * need no evidence (see `verifyConsistency`).
 */
export function consistencyPlan(m: number, n: number): ProofPlan {
  assertCount('first tree size', m);
  assertCount('second tree size', n);
  if (m > n) {
    throw new RangeError(
      `Cannot prove consistency from size ${m} to the smaller size ${n}: a log only grows.`,
    );
  }
  if (m === 0 || m === n) return { refs: [], spans: [] };
  // RFC 9162 §2.1.4.1 SUBPROOF(m, D[start:end], b), walked top-down then reversed. The invariant is
  // start < m <= end; `known` is the RFC's b, true while D[0:m] is still the whole old tree, whose root
  // the verifier already has.
  const ranges: Array<[number, number]> = [];
  let start = 0;
  let end = n;
  let known = true;
  while (m !== end) {
    const k = largestPowerOfTwoBelow(end - start);
    if (m <= start + k) {
      ranges.push([start + k, end]);
      end = start + k;
    } else {
      ranges.push([start, start + k]);
      start += k;
      known = false;
    }
  }
  if (!known) ranges.push([start, end]);
  return planFromRanges(ranges.reverse());
}

/** Which stored nodes the tree head at `size` needs: its right edge, folded into one hash. */
export function rootPlan(size: number): ProofPlan {
  const refs = rightEdgeRefs(size);
  return { refs, spans: refs.length === 0 ? [] : [refs.length] };
}

/** Folds the hashes fetched for `plan.refs` (same order) into the proof elements the plan describes. */
export function rehashProof(plan: ProofPlan, hashes: readonly Uint8Array[]): NodeHash[] {
  if (hashes.length !== plan.refs.length) {
    throw new Error(
      `Expected ${plan.refs.length} node hashes for the proof but got ${hashes.length}: ` +
        'getNodes must return one hash per requested ref, in request order.',
    );
  }
  hashes.forEach((hash, i) => {
    const ref = plan.refs[i]!;
    assertHash(`stored node (level ${ref.level}, index ${ref.index})`, hash);
  });
  const proof: NodeHash[] = [];
  let offset = 0;
  for (const span of plan.spans) {
    proof.push(foldRight(hashes, offset, offset + span));
    offset += span;
  }
  return proof;
}

/** The RFC 9162 §2.1.3.1 inclusion proof for leaf `index` in the tree of `size`, with one `getNodes` call. */
export async function inclusionProof(index: number, size: number, getNodes: GetNodes): Promise<NodeHash[]> {
  return fetchAndRehash(inclusionPlan(index, size), getNodes);
}

/** The RFC 9162 §2.1.4.1 consistency proof from size `m` to size `n`, with one `getNodes` call. */
export async function consistencyProof(m: number, n: number, getNodes: GetNodes): Promise<NodeHash[]> {
  return fetchAndRehash(consistencyPlan(m, n), getNodes);
}

/** The tree head (MTH) of the first `size` leaves of a stored tree, with one `getNodes` call. */
export async function rootAt(size: number, getNodes: GetNodes): Promise<NodeHash> {
  const [root] = await fetchAndRehash(rootPlan(size), getNodes);
  return root ?? emptyRoot();
}

/**
 * Verifies an RFC 9162 §2.1.3.2 inclusion proof of `leaf` (a leaf hash) at `index` in the tree of `size`
 * with head `root`. Returns false, never throws, for any malformed input.
 */
export function verifyInclusion(
  leaf: NodeHash,
  index: number,
  size: number,
  proof: readonly NodeHash[],
  root: NodeHash,
): boolean {
  if (!isCount(index) || !isCount(size) || index >= size) return false; // §2.1.3.2 step 1
  if (!isHash(leaf) || !isHash(root) || !allHashes(proof)) return false;
  let fn = index; // step 2
  let sn = size - 1;
  let r = leaf; // step 3
  for (const p of proof) {
    // step 4
    if (sn === 0) return false; // 4a: the proof is longer than the path
    if (fn % 2 === 1 || fn === sn) {
      // 4b
      r = nodeHash(p, r);
      // When fn is the last node of its level and has no right sibling, skip the levels where it is
      // promoted unchanged (RFC 9162 §2.1.3.2 step 4b.ii).
      while (fn % 2 === 0 && fn !== 0) {
        fn /= 2;
        sn = Math.floor(sn / 2);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2); // 4c
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && bytesEqual(r, root); // step 5: sn = 0 rejects a proof that is too short
}

/**
 * Verifies an RFC 9162 §2.1.4.2 consistency proof that the tree of size `m` with head `root1` is a prefix
 * of the tree of size `n` with head `root2`. Returns false, never throws, for any malformed input.
 *
 * The RFC defines proofs for 0 < m < n only. The two edge cases accept exactly the empty proof:
 * `m = n` when the two roots are equal, and `m = 0` when `root1` is the empty-tree root of §2.1.1
 * (the empty tree is a prefix of every tree).
 */
export function verifyConsistency(
  m: number,
  n: number,
  proof: readonly NodeHash[],
  root1: NodeHash,
  root2: NodeHash,
): boolean {
  if (!isCount(m) || !isCount(n) || m > n) return false;
  if (!isHash(root1) || !isHash(root2) || !allHashes(proof)) return false;
  if (m === n) return proof.length === 0 && bytesEqual(root1, root2);
  if (m === 0) return proof.length === 0 && bytesEqual(root1, emptyRoot());
  if (proof.length === 0) return false; // §2.1.4.2 step 1
  // Step 2: when m is a power of two the old tree is a perfect subtree, so its root is the first node.
  const path = isPowerOfTwo(m) ? [root1, ...proof] : proof;
  let fn = m - 1; // step 3
  let sn = n - 1;
  while (fn % 2 === 1) {
    // step 4
    fn = (fn - 1) / 2;
    sn = Math.floor(sn / 2);
  }
  let fr = path[0]!; // step 5
  let sr = path[0]!;
  for (let i = 1; i < path.length; i++) {
    // step 6
    const c = path[i]!;
    if (sn === 0) return false; // 6a: the proof is too long
    if (fn % 2 === 1 || fn === sn) {
      // 6b
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn /= 2;
        sn = Math.floor(sn / 2);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2); // 6c
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && bytesEqual(fr, root1) && bytesEqual(sr, root2); // step 7
}

/**
 * An in-memory tree that keeps every perfect node, for tests and benchmarks: the same append and proof
 * code as the stored ledger, with `getNodes` reading from arrays instead of a database.
 */
export class MemoryTree {
  readonly #levels: NodeHash[][] = [];
  #edge: NodeHash[] = [];
  #size = 0;

  /** Builds a tree from raw leaf data (each hashed with `leafHash`). */
  static fromLeafData(leaves: Iterable<Uint8Array>): MemoryTree {
    const tree = new MemoryTree();
    for (const data of leaves) tree.append(data);
    return tree;
  }

  /** Number of leaves. */
  get size(): number {
    return this.#size;
  }

  /** Number of stored perfect nodes (2n - popcount(n) for n leaves). */
  get nodeCount(): number {
    return this.#levels.reduce((sum, level) => sum + level.length, 0);
  }

  /** Appends raw leaf data and returns its leaf index. */
  append(data: Uint8Array): number {
    return this.appendLeafHash(leafHash(data));
  }

  /** Appends an already computed leaf hash and returns its leaf index. */
  appendLeafHash(leaf: NodeHash): number {
    const index = this.#size;
    const { stored, rightEdge } = appendLeaf(this.#edge, index, leaf);
    for (const node of stored) {
      let level = this.#levels[node.level];
      if (level === undefined) {
        level = [];
        this.#levels[node.level] = level;
      }
      level[node.index] = node.hash;
    }
    this.#edge = rightEdge;
    this.#size = index + 1;
    return index;
  }

  /** The stored hash of a perfect node, or undefined if it is not complete yet. */
  node(ref: NodeRef): NodeHash | undefined {
    return this.#levels[ref.level]?.[ref.index];
  }

  /** Synchronous `GetNodes`: throws when a requested node is not stored. */
  readonly getNodesSync = (refs: readonly NodeRef[]): NodeHash[] =>
    refs.map((ref) => {
      const hash = this.node(ref);
      if (hash === undefined) {
        throw new RangeError(`Node (level ${ref.level}, index ${ref.index}) is not stored in this tree.`);
      }
      return hash;
    });

  /** `GetNodes` over this tree, for the async proof functions. */
  readonly getNodes: GetNodes = async (refs) => this.getNodesSync(refs);

  /** The current tree head. */
  root(): NodeHash {
    return rootFromRightEdge(this.#edge);
  }

  /** The tree head when the tree had `size` leaves. */
  rootAt(size: number): NodeHash {
    this.#assertWithin('tree size', size);
    const plan = rootPlan(size);
    return rehashProof(plan, this.getNodesSync(plan.refs))[0] ?? emptyRoot();
  }

  /** Inclusion proof of leaf `index` in the tree of `size` (default: current size). */
  inclusionProof(index: number, size: number = this.#size): NodeHash[] {
    this.#assertWithin('tree size', size);
    const plan = inclusionPlan(index, size);
    return rehashProof(plan, this.getNodesSync(plan.refs));
  }

  /** Consistency proof from size `m` to size `n` (default: current size). */
  consistencyProof(m: number, n: number = this.#size): NodeHash[] {
    this.#assertWithin('second tree size', n);
    const plan = consistencyPlan(m, n);
    return rehashProof(plan, this.getNodesSync(plan.refs));
  }

  #assertWithin(what: string, size: number): void {
    if (size > this.#size) {
      throw new RangeError(`The ${what} ${size} is larger than this tree, which has ${this.#size} leaves.`);
    }
  }
}

async function fetchAndRehash(plan: ProofPlan, getNodes: GetNodes): Promise<NodeHash[]> {
  // An empty plan (size-1 inclusion, m = 0 or m = n consistency, empty tree) needs no read at all.
  if (plan.refs.length === 0) return [];
  return rehashProof(plan, await getNodes(plan.refs));
}

/**
 * The perfect nodes covering leaves [start, end), largest first. Every range an RFC 9162 proof uses starts
 * at a multiple of a power of two at least as large as the range, so each piece is an aligned perfect
 * subtree; a range that is not a power of two long always ends at the tree size (it is the incomplete
 * right-most subtree).
 */
function rangeRefs(start: number, end: number): NodeRef[] {
  const refs: NodeRef[] = [];
  let pos = start;
  let remaining = end - start;
  while (remaining > 0) {
    const level = floorLog2(remaining);
    const width = POWERS_OF_TWO[level]!;
    if (pos % width !== 0) {
      throw new Error(`Internal error: leaf range [${start}, ${end}) is not aligned to perfect subtrees.`);
    }
    refs.push({ level, index: pos / width });
    pos += width;
    remaining -= width;
  }
  return refs;
}

function planFromRanges(ranges: ReadonlyArray<readonly [number, number]>): ProofPlan {
  const refs: NodeRef[] = [];
  const spans: number[] = [];
  for (const [start, end] of ranges) {
    const pieces = rangeRefs(start, end);
    refs.push(...pieces);
    spans.push(pieces.length);
  }
  return { refs, spans };
}

// RFC 9162 §2.1.1: MTH(D[n]) = HASH(0x01 || MTH(D[0:k]) || MTH(D[k:n])) with k the largest power of two
// below n, so a range split into perfect pieces p1 > p2 > ... hashes as H(p1, H(p2, ... H(pj-1, pj))).
function foldRight(hashes: readonly Uint8Array[], from: number, to: number): NodeHash {
  let acc = hashes[to - 1]!;
  for (let i = to - 2; i >= from; i--) acc = nodeHash(hashes[i]!, acc);
  return acc;
}

/** 2^0 … 2^53: a table lookup is cheaper than `**` in the per-level loops of every proof plan. */
const POWERS_OF_TWO = Array.from({ length: 54 }, (_, k) => 2 ** k);

function largestPowerOfTwoBelow(n: number): number {
  return POWERS_OF_TWO[floorLog2(n - 1)]!;
}

function floorLog2(x: number): number {
  // Below 2^32 count the leading zero bits (every proof plan calls this once per level).
  if (x <= 0xffffffff) return 31 - Math.clz32(x);
  // Math.log2 can be off by one ulp near powers of two; the two corrections make the result exact.
  let level = Math.floor(Math.log2(x));
  if (2 ** level > x) level -= 1;
  if (2 ** (level + 1) <= x) level += 1;
  return level;
}

function popCount(n: number): number {
  let count = 0;
  for (let x = n; x > 0; x = Math.floor(x / 2)) count += x % 2;
  return count;
}

function isPowerOfTwo(n: number): boolean {
  return n > 0 && 2 ** floorLog2(n) === n;
}

function isCount(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

function isHash(hash: Uint8Array): boolean {
  return hash instanceof Uint8Array && hash.length === HASH_SIZE;
}

function allHashes(proof: readonly Uint8Array[]): boolean {
  return Array.isArray(proof) && proof.length <= MAX_PROOF_LENGTH && proof.every(isHash);
}

function assertCount(what: string, n: number): void {
  if (!isCount(n)) {
    throw new RangeError(`The ${what} must be a non-negative safe integer, got ${n}.`);
  }
}

function assertHash(what: string, hash: Uint8Array): void {
  if (!isHash(hash)) {
    const got = hash instanceof Uint8Array ? `${hash.length} bytes` : typeof hash;
    throw new TypeError(`The ${what} must be a ${HASH_SIZE}-byte SHA-256 hash, got ${got}.`);
  }
}
