import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { fromHex, toHex } from './encoding.js';
import {
  appendLeaf,
  appendLeaves,
  consistencyPlan,
  consistencyProof,
  emptyRoot,
  type GetNodes,
  inclusionPlan,
  inclusionProof,
  leafHash,
  MemoryTree,
  type NodeHash,
  type NodeRef,
  nodeHash,
  rehashProof,
  rightEdgeRefs,
  rootAt,
  rootFromRightEdge,
  rootPlan,
  verifyConsistency,
  verifyInclusion,
} from './merkle.js';

// RFC 6962 test vectors from transparency-dev/merkle: testonly/constants.go (leaves, node and root
// hashes) and proof/verify_test.go (inclusion and consistency proofs).
const LEAF_INPUTS = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map(fromHex);

const NODE_HASHES = [
  [
    '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
    '0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7',
    '07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7',
    'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    '4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658',
    'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
    '46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1',
  ],
  [
    'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
    '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
    '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
    'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
  ],
  [
    'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
  ],
  ['5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328'],
];

/** Indexed by tree size, 0 to 8. */
const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
].map(fromHex);

/** `CompactTrees()`: the right edge of each tree size as [level, index] pairs into NODE_HASHES. */
const COMPACT_TREES: Array<Array<[number, number]>> = [
  [],
  [[0, 0]],
  [[1, 0]],
  [
    [1, 0],
    [0, 2],
  ],
  [[2, 0]],
  [
    [2, 0],
    [0, 4],
  ],
  [
    [2, 0],
    [1, 2],
  ],
  [
    [2, 0],
    [1, 2],
    [0, 6],
  ],
  [[3, 0]],
];

/** verify_test.go `inclusionProofs`, with the 1-based leaf numbers turned into 0-based indices. */
const INCLUSION_PROOFS: Array<{ index: number; size: number; proof: string[] }> = [
  {
    index: 0,
    size: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    index: 5,
    size: 8,
    proof: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  { index: 2, size: 3, proof: ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'] },
  {
    index: 1,
    size: 5,
    proof: [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
  { index: 0, size: 1, proof: [] },
];

/** verify_test.go `consistencyProofs`; (1, 8) is the case where the first size is a power of two. */
const CONSISTENCY_PROOFS: Array<{ m: number; n: number; proof: string[] }> = [
  { m: 1, n: 1, proof: [] },
  {
    m: 1,
    n: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    m: 6,
    n: 8,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  {
    m: 2,
    n: 5,
    proof: [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
  {
    m: 6,
    n: 7,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
];

const SOME_HASH = fromHex('abacaba000000000000000000000000000000000000000000060061e00123456');

function vectorTree(): MemoryTree {
  return MemoryTree.fromLeafData(LEAF_INPUTS);
}

function hexes(hashes: readonly NodeHash[]): string[] {
  return hashes.map(toHex);
}

function flipBit(proof: readonly NodeHash[], i: number, mask: number): NodeHash[] {
  return proof.map((hash, j) => {
    if (j !== i) return hash;
    const copy = Uint8Array.from(hash);
    copy[0]! ^= mask;
    return copy;
  });
}

/** RFC 9162 §2.1.1 MTH, computed recursively from all leaf hashes: the reference for stored-node roots. */
function naiveRoot(leaves: readonly NodeHash[]): NodeHash {
  if (leaves.length === 0) return emptyRoot();
  if (leaves.length === 1) return leaves[0]!;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(naiveRoot(leaves.slice(0, k)), naiveRoot(leaves.slice(k)));
}

function bound(n: number): number {
  return 2 * Math.ceil(Math.log2(Math.max(n, 2))) + 2;
}

/** A GetNodes over a tree that records every call, and checks each ref is complete at `size`. */
function spyGetNodes(tree: MemoryTree, size: number) {
  return vi.fn<GetNodes>(async (refs) => {
    for (const ref of refs) {
      expect(
        (ref.index + 1) * 2 ** ref.level,
        `ref ${JSON.stringify(ref)} reaches past size ${size}`,
      ).toBeLessThanOrEqual(size);
    }
    expect(new Set(refs.map((r) => `${r.level}/${r.index}`)).size, 'duplicate refs').toBe(refs.length);
    return tree.getNodesSync(refs);
  });
}

const BIG_TREE_SIZE = 300;
const bigTree = MemoryTree.fromLeafData(
  Array.from({ length: BIG_TREE_SIZE }, (_, i) => Buffer.from(`leaf ${i}`)),
);
const bigLeaves = Array.from({ length: BIG_TREE_SIZE }, (_, i) => bigTree.node({ level: 0, index: i })!);

describe('hashing (RFC 9162 §2.1.1)', () => {
  it('hashes leaves with a 0x00 prefix and nodes with 0x01', () => {
    LEAF_INPUTS.forEach((input, i) => {
      expect(toHex(leafHash(input))).toBe(NODE_HASHES[0]![i]);
    });
    expect(toHex(nodeHash(fromHex(NODE_HASHES[0]![0]!), fromHex(NODE_HASHES[0]![1]!)))).toBe(
      NODE_HASHES[1]![0],
    );
  });

  it('uses SHA-256 of the empty string as the empty root', () => {
    expect(emptyRoot()).toEqual(ROOTS[0]);
  });
});

describe('append and stored nodes', () => {
  it('stores exactly the published node hashes and reaches every published root', () => {
    const tree = new MemoryTree();
    expect(tree.root()).toEqual(ROOTS[0]);
    LEAF_INPUTS.forEach((input, i) => {
      expect(tree.append(input)).toBe(i);
      expect(toHex(tree.root()), `root at size ${i + 1}`).toBe(toHex(ROOTS[i + 1]!));
    });
    NODE_HASHES.forEach((level, l) => {
      level.forEach((hash, index) => {
        expect(toHex(tree.node({ level: l, index })!)).toBe(hash);
      });
    });
    expect(tree.nodeCount).toBe(15);
  });

  it('names the right edge of each size as the published compact trees', () => {
    COMPACT_TREES.forEach((edge, size) => {
      expect(rightEdgeRefs(size)).toEqual(edge.map(([level, index]) => ({ level, index })));
      const hashes = edge.map(([level, index]) => fromHex(NODE_HASHES[level]![index]!));
      expect(toHex(rootFromRightEdge(hashes))).toBe(toHex(ROOTS[size]!));
    });
  });

  it('returns the leaf and every parent an append completes, and the new edge', () => {
    const leaves = LEAF_INPUTS.map(leafHash);
    let edge: NodeHash[] = [];
    for (let size = 0; size < 7; size++) {
      ({ rightEdge: edge } = appendLeaf(edge, size, leaves[size]!));
    }
    const { stored, rightEdge } = appendLeaf(edge, 7, leaves[7]!);
    expect(stored.map(({ level, index }) => [level, index])).toEqual([
      [0, 7],
      [1, 3],
      [2, 1],
      [3, 0],
    ]);
    expect(stored.map((n) => toHex(n.hash))).toEqual([
      NODE_HASHES[0]![7],
      NODE_HASHES[1]![3],
      NODE_HASHES[2]![1],
      NODE_HASHES[3]![0],
    ]);
    expect(hexes(rightEdge)).toEqual([NODE_HASHES[3]![0]]);
  });

  it('appends a batch the same way as one at a time, and does not mutate the given edge', () => {
    const leaves = LEAF_INPUTS.map(leafHash);
    const first = appendLeaves([], 0, leaves.slice(0, 3));
    const edgeBefore = hexes(first.rightEdge);
    const second = appendLeaves(first.rightEdge, 3, leaves.slice(3));
    expect(hexes(first.rightEdge)).toEqual(edgeBefore);
    expect(toHex(rootFromRightEdge(second.rightEdge))).toBe(toHex(ROOTS[8]!));
    expect(first.stored.length + second.stored.length).toBe(15);
  });

  it('refuses an edge that does not match the size, and a leaf that is not a hash', () => {
    const leaf = leafHash(new Uint8Array());
    expect(() => appendLeaf([], 1, leaf)).toThrow(
      /size 1 has 1 right-edge hashes but 0 were given.*rightEdgeRefs/,
    );
    expect(() => appendLeaf([leaf], 3, leaf)).toThrow(/size 3 has 2 right-edge hashes but 1/);
    expect(() => appendLeaf([new Uint8Array(3)], 1, leaf)).toThrow(/right-edge hash 0 must be a 32-byte/);
    expect(() => appendLeaf([leaf, leaf], 2, leaf)).toThrow(/right-edge/);
    expect(() => appendLeaf([], 0, new Uint8Array(31))).toThrow(
      /leaf hash must be a 32-byte SHA-256 hash, got 31 bytes/,
    );
    expect(() => appendLeaf([], -1, leaf)).toThrow(/non-negative safe integer/);
    expect(() => appendLeaf([], 1.5, leaf)).toThrow(/non-negative safe integer/);
  });

  it('stores 2n - popcount(n) nodes', () => {
    const popcount = (n: number) => n.toString(2).replaceAll('0', '').length;
    expect(bigTree.nodeCount).toBe(2 * BIG_TREE_SIZE - popcount(BIG_TREE_SIZE));
  });

  it('handles sizes up to 2^53 - 1 without 32-bit overflow', () => {
    const max = Number.MAX_SAFE_INTEGER;
    const edge = rightEdgeRefs(max);
    expect(edge).toHaveLength(53);
    expect(edge[0]).toEqual({ level: 52, index: 0 });
    expect(edge[52]).toEqual({ level: 0, index: max - 1 });
    const big = 2 ** 40 + 5;
    for (const plan of [inclusionPlan(2 ** 40 + 3, big), consistencyPlan(2 ** 33 + 1, big), rootPlan(big)]) {
      for (const ref of plan.refs) expect((ref.index + 1) * 2 ** ref.level).toBeLessThanOrEqual(big);
      expect(plan.refs.length).toBeLessThanOrEqual(bound(big));
    }
    const leaf = leafHash(new Uint8Array());
    // 2^52 + 2^20 - 1 leaves: the append carries through 20 levels to node index 2^32.
    const carrySize = 2 ** 52 + 2 ** 20 - 1;
    const carryEdge = rightEdgeRefs(carrySize).map(() => leaf);
    const { stored, rightEdge } = appendLeaf(carryEdge, carrySize, leaf);
    expect(stored).toHaveLength(21);
    expect(stored[20]).toMatchObject({ level: 20, index: 2 ** 32 });
    expect(rightEdge).toHaveLength(2);
    expect(() =>
      appendLeaf(
        edge.map(() => leaf),
        max,
        leaf,
      ),
    ).toThrow(/2\^53/);
  });
});

describe('inclusion proofs (RFC 9162 §2.1.3)', () => {
  const tree = vectorTree();

  it.each(INCLUSION_PROOFS)(
    'generates and verifies the published proof for leaf $index of $size',
    async (v) => {
      const leaf = leafHash(LEAF_INPUTS[v.index]!);
      expect(hexes(tree.inclusionProof(v.index, v.size))).toEqual(v.proof);
      expect(hexes(await inclusionProof(v.index, v.size, tree.getNodes))).toEqual(v.proof);
      expect(verifyInclusion(leaf, v.index, v.size, v.proof.map(fromHex), ROOTS[v.size]!)).toBe(true);
    },
  );

  it.each(INCLUSION_PROOFS.filter((v) => v.proof.length > 0))(
    'rejects every tampered variant of the proof for leaf $index of $size',
    (v) => {
      const leaf = leafHash(LEAF_INPUTS[v.index]!);
      const root = ROOTS[v.size]!;
      const proof = v.proof.map(fromHex);
      // The probes of transparency-dev/merkle's corruptInclusionProof.
      const probes: Array<[string, number, number, NodeHash, NodeHash[], NodeHash]> = [
        ['index - 1', v.index - 1, v.size, leaf, proof, root],
        ['index + 1', v.index + 1, v.size, leaf, proof, root],
        ['index ^ 2', v.index ^ 2, v.size, leaf, proof, root],
        ['size * 2', v.index, v.size * 2, leaf, proof, root],
        ['size / 2', v.index, Math.floor(v.size / 2), leaf, proof, root],
        ['wrong leaf', v.index, v.size, leafHash(Buffer.from('WrongLeaf')), proof, root],
        ['empty root', v.index, v.size, leaf, proof, emptyRoot()],
        ['random root', v.index, v.size, leaf, proof, SOME_HASH],
        ['trailing garbage', v.index, v.size, leaf, [...proof, new Uint8Array()], root],
        ['trailing root', v.index, v.size, leaf, [...proof, root], root],
        ['preceding garbage', v.index, v.size, leaf, [new Uint8Array(), ...proof], root],
        ['preceding root', v.index, v.size, leaf, [root, ...proof], root],
        ['removed component', v.index, v.size, leaf, proof.slice(0, -1), root],
        ...proof.map((_, i): [string, number, number, NodeHash, NodeHash[], NodeHash] => [
          `flipped bit in proof[${i}]`,
          v.index,
          v.size,
          leaf,
          flipBit(proof, i, 8),
          root,
        ]),
      ];
      if (proof.length > 1) {
        probes.push([
          'inserted component',
          v.index,
          v.size,
          leaf,
          [proof[0]!, SOME_HASH, ...proof.slice(1)],
          root,
        ]);
      }
      for (const [name, index, size, l, p, r] of probes) {
        expect(verifyInclusion(l, index, size, p, r), name).toBe(false);
      }
    },
  );

  it('verifies a single-entry tree only with the leaf as root and an empty proof', () => {
    const hash = leafHash(Buffer.from('data'));
    expect(verifyInclusion(hash, 0, 1, [], hash)).toBe(true);
    expect(verifyInclusion(hash, 0, 1, [], new Uint8Array())).toBe(false);
    expect(verifyInclusion(new Uint8Array(), 0, 1, [], hash)).toBe(false);
    expect(verifyInclusion(new Uint8Array(), 0, 1, [], new Uint8Array())).toBe(false);
  });

  it.each([
    [0, 0],
    [0, 1],
    [1, 0],
    [2, 1],
  ])('rejects empty proofs with mismatched hashes at index %i, size %i', (index, size) => {
    expect(verifyInclusion(SOME_HASH, index, size, [], new Uint8Array())).toBe(false);
    expect(verifyInclusion(new Uint8Array(), index, size, [], emptyRoot())).toBe(false);
    expect(verifyInclusion(SOME_HASH, index, size, [], emptyRoot())).toBe(false);
  });

  it('rejects non-integer, negative and unsafe indices without throwing', () => {
    const leaf = leafHash(LEAF_INPUTS[0]!);
    const proof = INCLUSION_PROOFS[0]!.proof.map(fromHex);
    for (const index of [-1, 0.5, Number.NaN, 2 ** 53]) {
      expect(verifyInclusion(leaf, index, 8, proof, ROOTS[8]!)).toBe(false);
    }
    expect(verifyInclusion(leaf, 0, Number.POSITIVE_INFINITY, proof, ROOTS[8]!)).toBe(false);
  });

  it('refuses to plan a proof for a leaf outside the tree', () => {
    expect(() => inclusionPlan(8, 8)).toThrow(/Leaf index 8 is not in a tree of size 8/);
    expect(() => inclusionPlan(0, 0)).toThrow(/0 <= index < size/);
    expect(() => inclusionPlan(-1, 8)).toThrow(/leaf index must be a non-negative safe integer/);
    expect(() => tree.inclusionProof(0, 9)).toThrow(/larger than this tree, which has 8 leaves/);
  });
});

describe('consistency proofs (RFC 9162 §2.1.4)', () => {
  const tree = vectorTree();

  it.each(CONSISTENCY_PROOFS)('generates and verifies the published proof from $m to $n', async (v) => {
    expect(hexes(tree.consistencyProof(v.m, v.n))).toEqual(v.proof);
    expect(hexes(await consistencyProof(v.m, v.n, tree.getNodes))).toEqual(v.proof);
    expect(verifyConsistency(v.m, v.n, v.proof.map(fromHex), ROOTS[v.m]!, ROOTS[v.n]!)).toBe(true);
  });

  it.each(CONSISTENCY_PROOFS.filter((v) => v.proof.length > 0))(
    'rejects every tampered variant of the proof from $m to $n',
    (v) => {
      const root1 = ROOTS[v.m]!;
      const root2 = ROOTS[v.n]!;
      const proof = v.proof.map(fromHex);
      const wrongRoot = Buffer.from('WrongRoot');
      // The probes of transparency-dev/merkle's corruptConsistencyProof.
      const probes: Array<[string, number, number, NodeHash, NodeHash, NodeHash[]]> = [
        ['m - 1', v.m - 1, v.n, root1, root2, proof],
        ['m + 1', v.m + 1, v.n, root1, root2, proof],
        ['m ^ 2', v.m ^ 2, v.n, root1, root2, proof],
        ['n * 2', v.m, v.n * 2, root1, root2, proof],
        ['n / 2', v.m, Math.floor(v.n / 2), root1, root2, proof],
        ['wrong root1', v.m, v.n, wrongRoot, root2, proof],
        ['wrong root2', v.m, v.n, root1, wrongRoot, proof],
        ['swapped roots', v.m, v.n, root2, root1, proof],
        ['empty proof', v.m, v.n, root1, root2, []],
        ['trailing garbage', v.m, v.n, root1, root2, [...proof, new Uint8Array()]],
        ['trailing root1', v.m, v.n, root1, root2, [...proof, root1]],
        ['trailing root2', v.m, v.n, root1, root2, [...proof, root2]],
        ['preceding garbage', v.m, v.n, root1, root2, [new Uint8Array(), ...proof]],
        ['preceding root1', v.m, v.n, root1, root2, [root1, ...proof]],
        ['preceding root2', v.m, v.n, root1, root2, [root2, ...proof]],
        ['preceding proof[0]', v.m, v.n, root1, root2, [proof[0]!, ...proof]],
        ['truncated proof', v.m, v.n, root1, root2, proof.slice(0, -1)],
        ...proof.map((_, i): [string, number, number, NodeHash, NodeHash, NodeHash[]] => [
          `flipped bit in proof[${i}]`,
          v.m,
          v.n,
          root1,
          root2,
          flipBit(proof, i, 16),
        ]),
      ];
      for (const [name, m, n, r1, r2, p] of probes) {
        expect(verifyConsistency(m, n, p, r1, r2), name).toBe(false);
      }
    },
  );

  it('handles the edge cases m = 0, m = n and m > n', () => {
    const a = SOME_HASH;
    const b = ROOTS[3]!;
    const empty = emptyRoot();
    expect(verifyConsistency(0, 0, [], empty, empty)).toBe(true);
    expect(verifyConsistency(0, 5, [], empty, ROOTS[5]!)).toBe(true);
    expect(verifyConsistency(3, 3, [], b, b)).toBe(true);
    // Deliberately stricter than transparency-dev/merkle, which accepts any first root at size 0: the
    // only tree of size 0 has the RFC 9162 §2.1.1 empty root.
    expect(verifyConsistency(0, 5, [], a, ROOTS[5]!)).toBe(false);
    expect(verifyConsistency(0, 0, [], a, b)).toBe(false);
    expect(verifyConsistency(1, 1, [], a, b)).toBe(false);
    expect(verifyConsistency(1, 0, [], a, b)).toBe(false);
    expect(verifyConsistency(2, 1, [], a, b)).toBe(false);
    expect(verifyConsistency(1, 2, [], a, b)).toBe(false);
    // Roots match but the proof is not empty.
    expect(verifyConsistency(0, 0, [empty], empty, empty)).toBe(false);
    expect(verifyConsistency(0, 1, [empty], empty, empty)).toBe(false);
    expect(verifyConsistency(1, 1, [empty], empty, empty)).toBe(false);
  });

  it('returns empty proofs for m = 0 and m = n without reading storage, and refuses m > n', async () => {
    const getNodes = spyGetNodes(tree, 8);
    expect(await consistencyProof(0, 8, getNodes)).toEqual([]);
    expect(await consistencyProof(8, 8, getNodes)).toEqual([]);
    expect(getNodes).not.toHaveBeenCalled();
    expect(() => consistencyPlan(5, 4)).toThrow(/from size 5 to the smaller size 4/);
  });
});

describe('tree heads from stored nodes', () => {
  it('computes every published root from the stored nodes', async () => {
    const tree = vectorTree();
    for (let size = 0; size <= 8; size++) {
      expect(toHex(tree.rootAt(size))).toBe(toHex(ROOTS[size]!));
      expect(toHex(await rootAt(size, tree.getNodes))).toBe(toHex(ROOTS[size]!));
    }
  });

  it('checks what getNodes returns', () => {
    const plan = inclusionPlan(0, 8);
    expect(() => rehashProof(plan, [])).toThrow(/Expected 3 node hashes for the proof but got 0/);
    expect(() => rehashProof(plan, [SOME_HASH, SOME_HASH, new Uint8Array(20)])).toThrow(
      /stored node \(level 2, index 1\) must be a 32-byte/,
    );
    expect(() => vectorTree().getNodesSync([{ level: 3, index: 1 }])).toThrow(
      /level 3, index 1\) is not stored/,
    );
  });
});

describe('properties over random trees', () => {
  const size = fc.integer({ min: 1, max: BIG_TREE_SIZE });

  it('stored-node roots equal the naive recursive MTH for every size', () => {
    for (let n = 0; n <= BIG_TREE_SIZE; n++) {
      expect(toHex(bigTree.rootAt(n)), `size ${n}`).toBe(toHex(naiveRoot(bigLeaves.slice(0, n))));
    }
  });

  it('a freshly appended tree has the naive root and the same nodes as any longer tree', () => {
    fc.assert(
      fc.property(size, (n) => {
        const tree = new MemoryTree();
        for (const leaf of bigLeaves.slice(0, n)) tree.appendLeafHash(leaf);
        expect(toHex(tree.root())).toBe(toHex(naiveRoot(bigLeaves.slice(0, n))));
        const edge = rightEdgeRefs(n).map((ref) => tree.node(ref)!);
        expect(hexes(edge)).toEqual(hexes(rightEdgeRefs(n).map((ref) => bigTree.node(ref)!)));
      }),
      { numRuns: 40 },
    );
  });

  it('every inclusion proof for every index verifies, and fails for the neighbouring index', () => {
    fc.assert(
      fc.property(size, (n) => {
        const root = bigTree.rootAt(n);
        for (let i = 0; i < n; i++) {
          const proof = bigTree.inclusionProof(i, n);
          expect(verifyInclusion(bigLeaves[i]!, i, n, proof, root), `leaf ${i} of ${n}`).toBe(true);
          if (n > 1) expect(verifyInclusion(bigLeaves[i]!, (i + 1) % n, n, proof, root)).toBe(false);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('every consistency proof between random m <= n verifies, and fails against another root', () => {
    fc.assert(
      fc.property(
        size.chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        ([m, n]) => {
          const proof = bigTree.consistencyProof(m, n);
          const root1 = bigTree.rootAt(m);
          const root2 = bigTree.rootAt(n);
          expect(verifyConsistency(m, n, proof, root1, root2), `${m} -> ${n}`).toBe(true);
          if (m > 0 && m < n) {
            expect(verifyConsistency(m, n, proof, bigTree.rootAt(m - 1), root2)).toBe(false);
            expect(verifyConsistency(m, n, proof, root1, bigTree.rootAt(n - 1))).toBe(false);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('reads storage once per proof, with at most 2·ceil(log2 n) + 2 refs, all complete at size n', async () => {
    await fc.assert(
      fc.asyncProperty(
        size.chain((n) =>
          fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 1, max: n }), fc.constant(n)),
        ),
        async ([index, m, n]) => {
          const calls: Array<[string, ReturnType<typeof spyGetNodes>, Promise<unknown>, boolean]> = [];
          const add = (name: string, empty: boolean, run: (g: GetNodes) => Promise<unknown>) => {
            const spy = spyGetNodes(bigTree, n);
            calls.push([name, spy, run(spy), empty]);
          };
          add('inclusion', n === 1, (g) => inclusionProof(index, n, g));
          add('consistency', m === n, (g) => consistencyProof(m, n, g));
          add('root', false, (g) => rootAt(n, g));
          for (const [name, spy, result, empty] of calls) {
            await result;
            expect(spy, name).toHaveBeenCalledTimes(empty ? 0 : 1);
            const refs: readonly NodeRef[] = spy.mock.calls[0]?.[0] ?? [];
            expect(refs.length, `${name} refs for n = ${n}`).toBeLessThanOrEqual(bound(n));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
