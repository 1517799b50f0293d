import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesEqual } from './encoding.js';
import {
  consistencyProof,
  inclusionProof,
  leafHash,
  MemoryTree,
  type NodeRef,
  verifyConsistency,
  verifyInclusion,
} from './merkle.js';
import { CHUNK_BYTES, lowestLevelFor, NodeCache } from './node-cache.js';

const encoder = new TextEncoder();

function grow(tree: MemoryTree, size: number): void {
  while (tree.size < size) tree.append(encoder.encode(`leaf ${tree.size}`));
}

/** Every perfect node of a tree of `size` leaves. */
function allNodes(size: number): NodeRef[] {
  const refs: NodeRef[] = [];
  for (let level = 0; 2 ** level <= size; level++) {
    for (let index = 0; (index + 1) * 2 ** level <= size; index++) refs.push({ level, index });
  }
  return refs;
}

/** Reads through `cache` from `tree`, counting the reads `tree` serves (the database's queries). */
function readerOver(cache: NodeCache, tree: MemoryTree) {
  const reads = { count: 0 };
  const getNodes = (refs: readonly NodeRef[]) =>
    cache.readThrough(refs, async (missing) => {
      reads.count += 1;
      return tree.getNodesSync(missing);
    });
  return { getNodes, reads };
}

describe('the bounded node cache', () => {
  it('keeps whole levels from the top down, as far as the budget reaches', () => {
    // 256 leaves: level 0 is one chunk, as is each level above; nine levels in all.
    expect(lowestLevelFor(256, 9 * CHUNK_BYTES)).toBe(0);
    expect(lowestLevelFor(256, 9 * CHUNK_BYTES - 1)).toBe(1);
    expect(lowestLevelFor(256, CHUNK_BYTES)).toBe(8);
    expect(lowestLevelFor(256, CHUNK_BYTES - 1)).toBe(9);
    expect(lowestLevelFor(0, 0)).toBe(0);
    // The default budget holds a 100,000-entry tree whole, and the top of a 1.5-million-entry one.
    expect(lowestLevelFor(100_000, 8 * 1024 * 1024)).toBe(0);
    expect(lowestLevelFor(1_500_000, 8 * 1024 * 1024)).toBe(4);
  });

  it('serves what it was given, drops the lowest level as the ledger grows, and never passes its budget', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 12 * CHUNK_BYTES }),
        fc.array(fc.integer({ min: 1, max: 3000 }), { minLength: 1, maxLength: 6 }),
        fc.integer(),
        (budget, sizes, seed) => {
          const cache = new NodeCache(budget);
          const tree = new MemoryTree();
          let lowest = 0;
          let most = 0;
          let wrong = 0;
          for (const size of [...sizes].sort((a, b) => a - b)) {
            grow(tree, size);
            const refs = allNodes(size);
            // A pseudo-random half of the nodes, different for each step.
            for (const [i, ref] of refs.entries()) {
              if ((i * 2654435761 + seed + size) % 7 < 4) cache.put(ref, tree.node(ref)!);
              most = Math.max(most, cache.bytes);
            }
            expect(cache.lowestLevel).toBeGreaterThanOrEqual(lowest);
            lowest = cache.lowestLevel;
            for (const ref of refs) {
              const hash = cache.get(ref);
              if (hash && !bytesEqual(hash, tree.node(ref)!)) wrong += 1;
              if (hash && ref.level < cache.lowestLevel) wrong += 1;
            }
          }
          expect(wrong).toBe(0);
          expect(most).toBeLessThanOrEqual(budget);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('hands out copies: changing a served hash changes nothing cached', () => {
    const tree = MemoryTree.fromLeafData([encoder.encode('a'), encoder.encode('b')]);
    const cache = new NodeCache(CHUNK_BYTES * 4);
    cache.put({ level: 0, index: 1 }, tree.node({ level: 0, index: 1 })!);
    cache.get({ level: 0, index: 1 })![0]! ^= 1;
    expect(bytesEqual(cache.get({ level: 0, index: 1 })!, leafHash(encoder.encode('b')))).toBe(true);
  });

  it('gives proofs that verify against the root, under eviction, with at most one read each', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 6 * CHUNK_BYTES }),
        fc.array(
          fc.record({
            grow: fc.integer({ min: 0, max: 700 }),
            at: fc.double({ min: 0, max: 1, noNaN: true }),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        async (budget, steps) => {
          const tree = new MemoryTree();
          grow(tree, 1);
          const cache = new NodeCache(budget);
          const { getNodes, reads } = readerOver(cache, tree);
          for (const step of steps) {
            grow(tree, tree.size + step.grow);
            const size = Math.max(1, Math.ceil(step.at * tree.size));
            const index = Math.min(size - 1, Math.floor(step.at * step.grow) % size);
            const before = reads.count;
            const proof = await inclusionProof(index, size, getNodes);
            expect(reads.count - before).toBeLessThanOrEqual(1);
            expect(
              verifyInclusion(tree.node({ level: 0, index })!, index, size, proof, tree.rootAt(size)),
            ).toBe(true);
            expect(proof).toEqual(tree.inclusionProof(index, size));
            const m = Math.max(1, Math.floor(size / 3));
            const consistency = await consistencyProof(m, tree.size, getNodes);
            expect(verifyConsistency(m, tree.size, consistency, tree.rootAt(m), tree.root())).toBe(true);
            expect(cache.bytes).toBeLessThanOrEqual(budget);
          }
          // Asked again at once, a proof whose nodes are all on kept levels needs no read.
          const last = tree.size - 1;
          await inclusionProof(last, tree.size, getNodes);
          const before = reads.count;
          await inclusionProof(last, tree.size, getNodes);
          if (cache.lowestLevel === 0) expect(reads.count).toBe(before);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('refuses a budget that is not a whole number of bytes', () => {
    expect(() => new NodeCache(-1)).toThrow(RangeError);
    expect(() => new NodeCache(1.5)).toThrow(RangeError);
  });
});
