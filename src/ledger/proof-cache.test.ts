import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../context.js';
import { withWriteTransaction } from '../db/database.js';
import { testContext, testEngine } from '../test-support/context.js';
import { systemActor } from './events.js';
import { appendEvents, proveConsistency, proveInclusion, proveInclusions, treeHead } from './ledger.js';
import { MemoryTree, verifyConsistency, verifyInclusion } from './merkle.js';
import { CHUNK_BYTES } from './node-cache.js';
import { NODE_CACHE_BYTES, nodeCacheOf, readEntries, setNodeCache } from './store.js';
import { readTile, tileNodes } from './tiles.js';

const system = systemActor('test');

/**
 * Proofs through the bounded node cache (decision 0034) against the database itself: the same proofs as
 * reads made inside a transaction (which never use the cache, exactly the reads made before it existed),
 * at most one query each, and a cache that stays within its budget while the ledger grows.
 */
describe(`proofs through the node cache on ${testEngine}`, () => {
  let ctx: AppContext;
  const tree = new MemoryTree();

  /** Appends `count` entries and mirrors their leaf hashes in `tree`. */
  async function append(count: number): Promise<void> {
    const from = tree.size;
    for (let start = 0; start < count; start += 250) {
      const events = Array.from({ length: Math.min(250, count - start) }, (_, i) => ({
        type: 'test.noted',
        streamId: `test:${from + start + i}`,
        newStream: true,
        payload: { n: from + start + i },
      }));
      await withWriteTransaction(ctx.handle, (tx) => appendEvents(tx, events, system, new Date()));
    }
    for (const row of await readEntries(ctx.handle.db, from, from + count))
      tree.appendLeafHash(Uint8Array.from(row.leaf_hash));
  }

  /** The proof as read inside a transaction: straight from the database, no cache. */
  function uncached<T>(work: (q: AppContext['handle']['db']) => Promise<T>): Promise<T> {
    return ctx.handle.db.transaction().execute((tx) => work(tx));
  }

  beforeAll(async () => {
    ctx = await testContext();
    // The template database may already hold entries: mirror them first.
    const existing = (await treeHead(ctx.handle.db)).size;
    for (const row of await readEntries(ctx.handle.db, 0, existing))
      tree.appendLeafHash(Uint8Array.from(row.leaf_hash));
    await append(600 - existing);
  }, 120_000);
  afterAll(async () => {
    await ctx.handle.close();
  });

  it('gives, from a cold cache, the proofs the database gives, with one query each', async () => {
    const head = await treeHead(ctx.handle.db);
    expect(head.size).toBe(tree.size);
    for (const [index, size] of [
      [0, head.size],
      [137, head.size],
      [head.size - 1, head.size],
      [255, 256],
      [256, 300],
      [0, 1],
    ] as const) {
      const cache = setNodeCache(ctx.handle.db, NODE_CACHE_BYTES);
      const cold = await proveInclusion(ctx.handle.db, index, size);
      expect(cache.stats.queries).toBe(1);
      expect(cold).toEqual(await uncached((tx) => proveInclusion(tx, index, size)));
      expect(cold.proof).toEqual(tree.inclusionProof(index, size));
      // Asked again, every node is cached: no query.
      expect(await proveInclusion(ctx.handle.db, index, size)).toEqual(cold);
      expect(cache.stats.queries).toBe(1);
    }
    for (const [m, n] of [
      [1, head.size],
      [7, 13],
      [256, head.size],
      [head.size, head.size],
    ] as const) {
      const cache = setNodeCache(ctx.handle.db, NODE_CACHE_BYTES);
      const cold = await proveConsistency(ctx.handle.db, m, n);
      expect(cache.stats.queries).toBeLessThanOrEqual(1);
      expect(cold).toEqual(await uncached((tx) => proveConsistency(tx, m, n)));
      expect(verifyConsistency(m, n, cold.proof, tree.rootAt(m), tree.rootAt(n))).toBe(true);
    }
  });

  it('proves many entries with one query, and reads a tile with one', async () => {
    const cache = setNodeCache(ctx.handle.db, NODE_CACHE_BYTES);
    const indexes = Array.from({ length: 40 }, (_, i) => (i * 37) % tree.size);
    const proofs = await proveInclusions(ctx.handle.db, indexes, tree.size);
    expect(cache.stats.queries).toBe(1);
    for (const p of proofs) expect(p.proof).toEqual(tree.inclusionProof(p.index, tree.size));

    const tiles = setNodeCache(ctx.handle.db, NODE_CACHE_BYTES);
    const tile = { level: 0, index: 1, width: 256 };
    const bytes = await readTile(ctx.handle.db, tile, tree.size);
    expect(tiles.stats.queries).toBe(1);
    const expected = Buffer.concat(tree.getNodesSync(tileNodes(tile)));
    expect(Buffer.from(bytes!).equals(expected)).toBe(true);
  });

  it('keeps proofs right and memory within budget while a small cache evicts and the ledger grows', async () => {
    const budget = 3 * CHUNK_BYTES;
    const cache = setNodeCache(ctx.handle.db, budget);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 40 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        async (grow, atSize, atIndex) => {
          if (grow > 30) await append(grow);
          const size = Math.max(1, Math.ceil(atSize * tree.size));
          const index = Math.min(size - 1, Math.floor(atIndex * size));
          const before = cache.stats.queries;
          const p = await proveInclusion(ctx.handle.db, index, size);
          expect(cache.stats.queries - before).toBeLessThanOrEqual(1);
          expect(
            verifyInclusion(tree.node({ level: 0, index })!, index, size, p.proof, tree.rootAt(size)),
          ).toBe(true);
          expect(p.root).toEqual(tree.rootAt(size));
          expect(cache.bytes).toBeLessThanOrEqual(budget);
        },
      ),
      { numRuns: 60 },
    );
    expect(nodeCacheOf(ctx.handle.db)).toBe(cache);
    expect(cache.lowestLevel).toBeGreaterThan(0);
  }, 120_000);
});
