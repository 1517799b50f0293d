import { describe, expect, it } from 'vitest';
import { CheckpointError, formatCheckpoint, parseCheckpoint } from './checkpoint.js';
import { fromBase64, toBase64 } from './encoding.js';
import { emptyRoot, MemoryTree } from './merkle.js';
import { generateSigner, openNote, signerFromSeed, signNote, verifierFromPublicKey } from './note.js';

// The example of c2sp.org/tlog-checkpoint.
const SPEC_BODY = 'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n';
const ROOT = fromBase64('CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=');

describe('checkpoints', () => {
  it('parses and re-formats the tlog-checkpoint spec example exactly', () => {
    const checkpoint = parseCheckpoint(SPEC_BODY);
    expect(checkpoint).toEqual({
      origin: 'example.com/behind-the-sofa',
      size: 20852163,
      root: ROOT,
      extensions: [],
    });
    expect(formatCheckpoint(checkpoint)).toBe(SPEC_BODY);
  });

  it('formats the empty tree as size 0 and keeps extension lines', () => {
    const body = formatCheckpoint({ origin: 'custodia.example/ledger', size: 0, root: emptyRoot() });
    expect(body).toBe(`custodia.example/ledger\n0\n${toBase64(emptyRoot())}\n`);
    const extended = formatCheckpoint({ origin: 'o', size: 1, root: ROOT, extensions: ['ext one', 'two'] });
    expect(extended).toBe(`o\n1\n${toBase64(ROOT)}\next one\ntwo\n`);
    expect(parseCheckpoint(extended).extensions).toEqual(['ext one', 'two']);
  });

  it('signs a tree head as a note and reads it back', () => {
    const tree = MemoryTree.fromLeafData(['a', 'b', 'c'].map((s) => Buffer.from(s)));
    const key = generateSigner('custodia.example/ledger');
    const signer = signerFromSeed(key.name, key.seed);
    const note = signNote(formatCheckpoint({ origin: key.name, size: tree.size, root: tree.root() }), signer);
    const { body } = openNote(note, [verifierFromPublicKey(key.name, key.publicKey)]);
    const checkpoint = parseCheckpoint(body);
    expect(checkpoint.size).toBe(3);
    expect(checkpoint.root).toEqual(tree.root());
  });

  it.each<[string, string, RegExp]>([
    ['no final newline', SPEC_BODY.slice(0, -1), /must end with a newline/],
    ['two lines', 'example.com/log\n5\n', /at least three lines.*has 2/],
    ['an empty origin', `\n5\n${toBase64(ROOT)}\n`, /origin \(line 1\) must not be empty/],
    ['a leading zero', `o\n05\n${toBase64(ROOT)}\n`, /Line 2, the tree size.*got "05"/],
    ['a sign', `o\n+5\n${toBase64(ROOT)}\n`, /without leading zeros or signs/],
    ['a negative size', `o\n-1\n${toBase64(ROOT)}\n`, /got "-1"/],
    ['a fraction', `o\n1.0\n${toBase64(ROOT)}\n`, /got "1.0"/],
    ['a space', `o\n 1\n${toBase64(ROOT)}\n`, /got " 1"/],
    ['a size beyond 2^53 - 1', `o\n9007199254740992\n${toBase64(ROOT)}\n`, /larger than 2\^53 - 1/],
    [
      'hex instead of base64',
      `o\n1\n${'ab'.repeat(32)}\n`,
      /Line 3, the root hash, must decode to 32 bytes, got 48/,
    ],
    ['URL-safe base64', `o\n1\n${toBase64(ROOT).replace('/', '_')}\n`, /standard padded base64/],
    ['a short root', `o\n1\n${toBase64(ROOT.subarray(1))}\n`, /32 bytes, got 31/],
    ['an empty extension line', `${SPEC_BODY}\n`, /extension line 1 \(line 4\) must not be empty/],
    [
      'a carriage return',
      SPEC_BODY.replace('\n', '\r\n'),
      /origin \(line 1\) must be one line without control characters/,
    ],
  ])('refuses a body with %s', (_name, body, message) => {
    expect(() => parseCheckpoint(body)).toThrow(CheckpointError);
    expect(() => parseCheckpoint(body)).toThrow(message);
  });

  it('refuses to format values that would not parse back', () => {
    expect(() => formatCheckpoint({ origin: 'a\nb', size: 1, root: ROOT })).toThrow(
      /origin must be one line/,
    );
    expect(() => formatCheckpoint({ origin: '', size: 1, root: ROOT })).toThrow(/origin must not be empty/);
    expect(() => formatCheckpoint({ origin: 'o', size: -1, root: ROOT })).toThrow(
      /non-negative safe integer, got -1/,
    );
    expect(() => formatCheckpoint({ origin: 'o', size: 1.5, root: ROOT })).toThrow(/got 1.5/);
    expect(() => formatCheckpoint({ origin: 'o', size: 1, root: ROOT.subarray(1) })).toThrow(/32-byte/);
    expect(() => formatCheckpoint({ origin: 'o', size: 1, root: ROOT, extensions: [''] })).toThrow(
      /extension line 1 must not be empty/,
    );
  });
});
