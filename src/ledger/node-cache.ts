import type { NodeRef } from './merkle.js';

/**
 * A bounded cache of committed Merkle nodes (decision 0034). Committed nodes never change, so a cached
 * node is valid for ever; what the budget decides is only which nodes to keep. Every inclusion proof
 * needs one node per level, so a node at level L serves 2^L times as many proofs as a leaf: the cache
 * keeps whole levels from the top of the tree down, as far as the byte budget reaches for the largest
 * ledger it has seen, and nothing below. When the ledger grows past what the budget covers, the lowest
 * kept level is dropped (the least shared nodes go first). Memory never passes the budget, whatever the
 * ledger's size.
 *
 * Within a kept level, nodes are stored only once read: a level is a list of chunks of 256 hashes, each
 * allocated when its first node arrives, so a server that has proved a handful of entries holds a handful
 * of chunks.
 */

/** Nodes per chunk (`get` divides by it with `>>> 8`). */
const CHUNK = 256;
const HASH = 32;
/**
 * What a chunk costs: its hashes, its presence bits, and an allowance for the JavaScript objects around
 * them (an ArrayBuffer, two views and a slot in the level's array).
 */
export const CHUNK_BYTES = CHUNK * HASH + CHUNK / 8 + 256;

interface Chunk {
  readonly hashes: Uint8Array;
  readonly present: Uint8Array;
}

/** Hits, misses and database reads, for tests and the benchmark. */
export interface NodeCacheStats {
  hits: number;
  misses: number;
  /** Database queries made for missing nodes (one per `readNodes` call that missed). */
  queries: number;
}

/** Committed Merkle nodes in memory, the highest levels first, within a fixed byte budget. */
export class NodeCache {
  /** The byte budget: `bytes` never exceeds it. */
  readonly budget: number;
  readonly stats: NodeCacheStats = { hits: 0, misses: 0, queries: 0 };
  readonly #levels: Array<Array<Chunk | undefined> | undefined> = [];
  #size = 0;
  #lowest = 0;
  #chunks = 0;

  constructor(budgetBytes: number) {
    if (!Number.isSafeInteger(budgetBytes) || budgetBytes < 0) {
      throw new RangeError(`A node cache budget is a whole number of bytes, got ${budgetBytes}.`);
    }
    this.budget = budgetBytes;
  }

  /** Bytes allocated now (whole chunks, objects included): at most `budget`. */
  get bytes(): number {
    return this.#chunks * CHUNK_BYTES;
  }

  /** The largest ledger size seen: the kept levels are chosen for it. */
  get size(): number {
    return this.#size;
  }

  /** The lowest level kept (levels below it are always read from the database). */
  get lowestLevel(): number {
    return this.#lowest;
  }

  /** Notes that the ledger has at least `size` entries, dropping the levels the budget no longer covers. */
  noteSize(size: number): void {
    if (size <= this.#size) return;
    this.#size = size;
    const lowest = lowestLevelFor(size, this.budget);
    for (let level = this.#lowest; level < lowest; level++) {
      const chunks = this.#levels[level];
      if (!chunks) continue;
      for (const chunk of chunks) if (chunk) this.#chunks -= 1;
      this.#levels[level] = undefined;
    }
    this.#lowest = Math.max(this.#lowest, lowest);
  }

  /** A copy of the cached hash of `ref`, or undefined when it is not cached. */
  get(ref: NodeRef): Uint8Array | undefined {
    if (ref.level < this.#lowest) return undefined;
    const index = ref.index;
    // Bit operations while the index fits 32 bits (every proof asks for about 2·log2 n nodes).
    const small = index <= 0xffffffff;
    const chunk = this.#levels[ref.level]?.[small ? index >>> 8 : Math.floor(index / CHUNK)];
    const slot = small ? index & (CHUNK - 1) : index % CHUNK;
    if (!chunk || (chunk.present[slot >>> 3]! & (1 << (slot & 7))) === 0) return undefined;
    // A copy: a caller that changes its proof's bytes must not change what later proofs are built from.
    return chunk.hashes.slice(slot * HASH, slot * HASH + HASH);
  }

  /**
   * The hashes of `refs`, in order: the cached ones from memory, the others with ONE call of `fetch` (a
   * database query), then cached. No call at all when every node is cached.
   */
  async readThrough(
    refs: readonly NodeRef[],
    fetch: (missing: readonly NodeRef[]) => Promise<readonly Uint8Array[]>,
  ): Promise<Uint8Array[]> {
    const out: Uint8Array[] = new Array(refs.length);
    const missing: NodeRef[] = [];
    const slots: number[] = [];
    refs.forEach((ref, i) => {
      const hash = this.get(ref);
      if (hash) {
        out[i] = hash;
        return;
      }
      missing.push(ref);
      slots.push(i);
    });
    this.stats.hits += refs.length - missing.length;
    if (missing.length === 0) return out;
    this.stats.misses += missing.length;
    this.stats.queries += 1;
    const fetched = await fetch(missing);
    if (fetched.length !== missing.length) {
      throw new Error(`Asked for ${missing.length} node hashes, got ${fetched.length}.`);
    }
    fetched.forEach((hash, k) => {
      out[slots[k]!] = hash;
      this.put(missing[k]!, hash);
    });
    return out;
  }

  /** Caches a committed node's hash, when its level is kept. */
  put(ref: NodeRef, hash: Uint8Array): void {
    if (hash.length !== HASH) throw new RangeError(`A node hash is ${HASH} bytes, got ${hash.length}.`);
    // The node exists, so the ledger has at least the leaves it covers.
    this.noteSize((ref.index + 1) * 2 ** ref.level);
    if (ref.level < this.#lowest) return;
    let chunks = this.#levels[ref.level];
    if (!chunks) {
      chunks = [];
      this.#levels[ref.level] = chunks;
    }
    const at = Math.floor(ref.index / CHUNK);
    let chunk = chunks[at];
    if (!chunk) {
      const buffer = new ArrayBuffer(CHUNK * HASH + CHUNK / 8);
      chunk = {
        hashes: new Uint8Array(buffer, 0, CHUNK * HASH),
        present: new Uint8Array(buffer, CHUNK * HASH),
      };
      chunks[at] = chunk;
      this.#chunks += 1;
    }
    const slot = ref.index % CHUNK;
    chunk.hashes.set(hash, slot * HASH);
    chunk.present[slot >>> 3]! |= 1 << (slot & 7);
  }
}

/**
 * The lowest level whose nodes, with every level above, fit in `budget` bytes for a ledger of `size`
 * entries when every chunk is allocated (the worst case). 0 when the whole tree fits; above the top
 * level (nothing kept) when not even the root fits.
 */
export function lowestLevelFor(size: number, budget: number): number {
  let cost = 0;
  let top = 0;
  while (2 ** (top + 1) <= size) top += 1;
  for (let level = top; level >= 0; level--) {
    cost += Math.ceil(Math.floor(size / 2 ** level) / CHUNK) * CHUNK_BYTES;
    if (cost > budget) return level + 1;
  }
  return 0;
}
