import type { NodeRef } from './merkle.js';

/**
 * The committed Merkle tree held in memory, level by level, for fast proofs. Committed entries never change,
 * so once loaded a node is valid forever; only rows read outside a transaction (committed) are loaded.
 * 64 bytes per entry: a 1.5-million-entry ledger takes about 100 MB.
 */
export class TreeCache {
  /** Entries loaded so far: every node whose last leaf is below this is present. */
  size = 0;
  readonly #levels: Uint8Array[] = [];

  /** Adds entry `seq` (which must be `size`): its leaf hash and the interior nodes it completed. */
  add(seq: number, leafHash: Uint8Array, subtreeHashes: Uint8Array): void {
    if (seq !== this.size) throw new Error(`tree cache expects entry ${this.size}, got ${seq}`);
    this.#put(0, seq, leafHash);
    let index = seq;
    for (let level = 1; level * 32 <= subtreeHashes.length; level++) {
      index = (index - 1) / 2;
      this.#put(level, index, subtreeHashes.subarray((level - 1) * 32, level * 32));
    }
    this.size = seq + 1;
  }

  /** True when the node is loaded. */
  has(ref: NodeRef): boolean {
    return (ref.index + 1) * 2 ** ref.level <= this.size;
  }

  /** A loaded node's hash (a view; never modified). */
  get(ref: NodeRef): Uint8Array {
    const level = this.#levels[ref.level];
    if (!level || !this.has(ref)) throw new Error(`node ${ref.level}/${ref.index} is not in the tree cache`);
    return level.subarray(ref.index * 32, ref.index * 32 + 32);
  }

  #put(level: number, index: number, hash: Uint8Array): void {
    let buf = this.#levels[level];
    const need = (index + 1) * 32;
    if (!buf || buf.length < need) {
      const grown = new Uint8Array(Math.max(need, (buf?.length ?? 0) * 2, 32 * 1024));
      if (buf) grown.set(buf);
      buf = grown;
      this.#levels[level] = buf;
    }
    buf.set(hash, index * 32);
  }
}
