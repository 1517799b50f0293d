import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesEqual } from '../ledger/encoding.js';
import { emptyRoot, MemoryTree } from '../ledger/merkle.js';
import { decide, type TreeHead } from './model.js';

/** A tree of `n` leaves; leaves from `forkAt` on differ by `branch`, so two branches share a prefix. */
function tree(n: number, branch: number, forkAt: number): MemoryTree {
  return MemoryTree.fromLeafData(
    Array.from({ length: n }, (_, i) =>
      new TextEncoder().encode(i < forkAt ? `leaf ${i}` : `leaf ${i} of ${branch}`),
    ),
  );
}

const main = tree(8, 0, 8);

function submission(t: MemoryTree, oldSize: number, size: number) {
  const proof = oldSize === 0 || oldSize === size ? [] : t.consistencyProof(oldSize, size);
  return { oldSize, proof, checkpoint: { size, root: t.rootAt(size) } };
}

describe('the witness rule', () => {
  it('trusts the first checkpoint of a log, with old size 0 and no proof', () => {
    expect(decide(undefined, submission(main, 0, 5))).toEqual({ kind: 'cosign' });
  });

  it('answers 409 with the size it cosigned when the old size is not it', () => {
    const latest = { size: 5, root: main.rootAt(5) };
    expect(decide(latest, submission(main, 0, 8))).toEqual({ kind: 'conflict', size: 5 });
    expect(decide(latest, submission(main, 3, 8))).toEqual({ kind: 'conflict', size: 5 });
    expect(decide(undefined, submission(main, 3, 8))).toEqual({ kind: 'conflict', size: 0 });
  });

  it('answers 400 when the old size is larger than the checkpoint', () => {
    const latest = { size: 5, root: main.rootAt(5) };
    expect(decide(latest, { oldSize: 5, proof: [], checkpoint: { size: 4, root: main.rootAt(4) } })).toEqual({
      kind: 'bad_request',
      reason: 'old_size_larger',
    });
  });

  it('cosigns an extension proved consistent, and refuses a fork with 422', () => {
    const latest = { size: 5, root: main.rootAt(5) };
    expect(decide(latest, submission(main, 5, 8))).toEqual({ kind: 'cosign' });
    const fork = tree(8, 1, 3);
    expect(decide(latest, submission(fork, 5, 8))).toEqual({ kind: 'unprocessable', reason: 'bad_proof' });
    expect(decide(latest, submission(fork, 5, 5))).toEqual({
      kind: 'unprocessable',
      reason: 'root_mismatch',
    });
    expect(decide(latest, submission(main, 5, 5))).toEqual({ kind: 'cosign' });
  });

  it('refuses a proof where none is due, and an empty tree with another root', () => {
    expect(decide(undefined, { ...submission(main, 0, 5), proof: [main.rootAt(1)] })).toEqual({
      kind: 'unprocessable',
      reason: 'proof_not_empty',
    });
    expect(
      decide(undefined, { oldSize: 0, proof: [], checkpoint: { size: 0, root: main.rootAt(1) } }),
    ).toEqual({
      kind: 'unprocessable',
      reason: 'empty_tree_root',
    });
    expect(decide(undefined, { oldSize: 0, proof: [], checkpoint: { size: 0, root: emptyRoot() } })).toEqual({
      kind: 'cosign',
    });
  });

  it('never cosigns two inconsistent checkpoints, whatever the order of requests', () => {
    // Two branches of one log that share their first `forkAt` leaves; requests come in any order, from
    // either branch, with right or wrong old sizes, honest or tampered proofs. Whatever the witness
    // cosigns must lie on one branch, and its record must only grow.
    const request = fc.record({
      branch: fc.integer({ min: 0, max: 1 }),
      size: fc.integer({ min: 0, max: 24 }),
      oldSize: fc.oneof(fc.constant<'known'>('known'), fc.integer({ min: 0, max: 24 })),
      tamper: fc.oneof(fc.constant(-1), fc.integer({ min: 0, max: 8 })),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 23 }),
        fc.array(request, { minLength: 1, maxLength: 25 }),
        (forkAt, requests) => {
          const branches = [tree(24, 0, forkAt), tree(24, 1, forkAt)];
          let latest: TreeHead | undefined;
          const cosigned: TreeHead[] = [];
          for (const r of requests) {
            const t = branches[r.branch]!;
            const oldSize = r.oldSize === 'known' ? (latest?.size ?? 0) : r.oldSize;
            if (oldSize > r.size) {
              const checkpoint = { size: r.size, root: t.rootAt(r.size) };
              expect(decide(latest, { oldSize, proof: [], checkpoint }).kind).toBe('bad_request');
              continue;
            }
            const s = submission(t, oldSize, r.size);
            // A tampered proof: one hash replaced by the root of another size.
            const proof =
              r.tamper >= 0 && s.proof.length > 0
                ? s.proof.map((h, i) => (i === r.tamper % s.proof.length ? t.rootAt(1) : h))
                : s.proof;
            const decision = decide(latest, { ...s, proof });
            if (decision.kind !== 'cosign') continue;
            expect(r.size).toBeGreaterThanOrEqual(latest?.size ?? 0);
            latest = s.checkpoint;
            cosigned.push(s.checkpoint);
          }
          const onBranch = (b: MemoryTree) => cosigned.every((h) => bytesEqual(h.root, b.rootAt(h.size)));
          expect(onBranch(branches[0]!) || onBranch(branches[1]!)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
