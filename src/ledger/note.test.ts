import { describe, expect, it } from 'vitest';
import { fromBase64, toHex } from './encoding.js';
import {
  addSignatures,
  formatSignerKey,
  formatVerifierKey,
  generateSigner,
  keyId,
  keyIdHex,
  NoteError,
  type NoteErrorReason,
  openNote,
  parseSignerKey,
  parseVerifierKey,
  privateKeyFromSeed,
  publicKeyFromSeed,
  signerFromSeed,
  signNote,
  verifierFromPublicKey,
} from './note.js';

// The example keys and note of the signed-note reference implementation, golang.org/x/mod/sumdb/note
// (note_test.go), which c2sp.org/signed-note specifies.
const PETER_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const PETER_SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const ENOCH_VKEY = 'EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop';
const TEXT =
  "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const PETER_B64 =
  'x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=';
const ENOCH_B64 =
  'rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=';
const PETER_SIG = `— PeterNeumann ${PETER_B64}\n`;
const ENOCH_SIG = `— EnochRoot ${ENOCH_B64}\n`;
const PETER_NOTE = `${TEXT}\n${PETER_SIG}`;

const peter = { name: 'PeterNeumann', keyId: 0xc74f20a3, base64: PETER_B64 };
const enoch = { name: 'EnochRoot', keyId: 0xaf0cfe78, base64: ENOCH_B64 };

function expectNoteError(fn: () => unknown, reason: NoteErrorReason, message?: RegExp): void {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(NoteError);
  expect((caught as NoteError).reason).toBe(reason);
  if (message) expect((caught as NoteError).message).toMatch(message);
}

describe('keys', () => {
  it('reproduces the PeterNeumann key ID and verifier key exactly', () => {
    const verifier = parseVerifierKey(PETER_VKEY);
    expect(verifier.name).toBe('PeterNeumann');
    expect(verifier.keyId).toBe(0xc74f20a3);
    expect(keyIdHex(verifier.keyId)).toBe('c74f20a3');
    expect(keyId('PeterNeumann', verifier.publicKey)).toBe(0xc74f20a3);
    expect(formatVerifierKey('PeterNeumann', verifier.publicKey)).toBe(PETER_VKEY);
    expect(verifier.publicKey).toEqual(
      fromBase64('ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW').subarray(1),
    );
  });

  it('derives the PeterNeumann public key from its private seed', () => {
    const signer = parseSignerKey(PETER_SKEY);
    expect(signer.name).toBe('PeterNeumann');
    expect(signer.keyId).toBe(0xc74f20a3);
    expect(toHex(signer.publicKey)).toBe(toHex(parseVerifierKey(PETER_VKEY).publicKey));
    const seed = fromBase64('AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz').subarray(1);
    expect(formatSignerKey('PeterNeumann', seed)).toBe(PETER_SKEY);
    expect(toHex(publicKeyFromSeed(seed))).toBe(toHex(signer.publicKey));
  });

  it('rejects every truncation and every single-character change of a verifier key', () => {
    // Mirrors TestNewVerifier in golang.org/x/mod/sumdb/note.
    for (let i = 0; i <= PETER_VKEY.length; i++) {
      for (let j = i + 1; j <= PETER_VKEY.length; j++) {
        if (i === 0 && j === PETER_VKEY.length) continue;
        expect(() => parseVerifierKey(PETER_VKEY.slice(i, j)), PETER_VKEY.slice(i, j)).toThrow(NoteError);
      }
    }
    for (let i = 0; i < PETER_VKEY.length; i++) {
      const changed =
        PETER_VKEY.slice(0, i) + String.fromCharCode(PETER_VKEY.charCodeAt(i) + 1) + PETER_VKEY.slice(i + 1);
      expect(() => parseVerifierKey(changed), changed).toThrow(NoteError);
    }
    // Wrong key length and unknown algorithm, each with a key ID adjusted to match.
    expectNoteError(
      () => parseVerifierKey('PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY=='),
      'malformed',
    );
    expectNoteError(
      () => parseVerifierKey('PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWAA=='),
      'malformed',
      /not an Ed25519 key: expected the type byte 0x01 and 32 key bytes, got 34 bytes/,
    );
    expectNoteError(
      () => parseVerifierKey('PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'),
      'malformed',
      /type byte 0x01/,
    );
  });

  it('explains what is wrong with a verifier key', () => {
    expectNoteError(
      () => parseVerifierKey('PeterNeumann'),
      'malformed',
      /<name>\+<8 hex digit key ID>\+<base64 key>/,
    );
    expectNoteError(
      () => parseVerifierKey(`Peter Neumann+c74f20a3+AA==`),
      'malformed',
      /no spaces, plus signs/,
    );
    expectNoteError(
      () => parseVerifierKey('PeterNeumann+C74F20A3+AA=='),
      'malformed',
      /8 lowercase hex digits/,
    );
    expectNoteError(
      () => parseVerifierKey('PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'),
      'malformed',
      /key ID is c74f20a4 but the name and key give c74f20a3/,
    );
  });

  it('rejects every truncation and every single-character change of a signer key', () => {
    for (let i = 0; i <= PETER_SKEY.length; i++) {
      for (let j = i + 1; j <= PETER_SKEY.length; j++) {
        if (i === 0 && j === PETER_SKEY.length) continue;
        expect(() => parseSignerKey(PETER_SKEY.slice(i, j))).toThrow(NoteError);
      }
    }
    for (let i = 0; i < PETER_SKEY.length; i++) {
      const changed =
        PETER_SKEY.slice(0, i) + String.fromCharCode(PETER_SKEY.charCodeAt(i) + 1) + PETER_SKEY.slice(i + 1);
      expect(() => parseSignerKey(changed), changed).toThrow(NoteError);
    }
  });

  it('generates a 32-byte seed that round-trips through PKCS #8 and the key texts', () => {
    const material = generateSigner('custodia.example/ledger');
    expect(material.seed).toHaveLength(32);
    expect(material.publicKey).toHaveLength(32);
    const key = privateKeyFromSeed(material.seed);
    expect(key.type).toBe('private');
    expect(key.asymmetricKeyType).toBe('ed25519');
    const signer = signerFromSeed(material.name, material.seed);
    expect(toHex(signer.publicKey)).toBe(toHex(material.publicKey));
    const vkey = formatVerifierKey(material.name, material.publicKey);
    expect(parseVerifierKey(vkey).keyId).toBe(signer.keyId);
    expect(parseSignerKey(formatSignerKey(material.name, material.seed)).keyId).toBe(signer.keyId);
    expect(generateSigner('custodia.example/ledger').seed).not.toEqual(material.seed);
  });

  it('refuses bad key names and key sizes', () => {
    for (const name of ['', 'a b', 'a+b', 'a\u00a0b', 'a\u2003b', 'a\tb', 'a\u0085b']) {
      expectNoteError(() => generateSigner(name), 'malformed', /key name/);
    }
    expectNoteError(() => privateKeyFromSeed(new Uint8Array(31)), 'malformed', /32 bytes, got 31 bytes/);
    expectNoteError(
      () => verifierFromPublicKey('a', new Uint8Array(33)),
      'malformed',
      /32 bytes, got 33 bytes/,
    );
  });
});

describe('signNote', () => {
  it('reproduces the PeterNeumann note byte for byte (Ed25519 is deterministic)', () => {
    expect(signNote(TEXT, parseSignerKey(PETER_SKEY))).toBe(PETER_NOTE);
    expect(signNote(TEXT, [parseSignerKey(PETER_SKEY)])).toBe(PETER_NOTE);
  });

  it('refuses text that cannot be a note', () => {
    const signer = parseSignerKey(PETER_SKEY);
    expectNoteError(() => signNote('abc', signer), 'malformed', /must end with a newline/);
    expectNoteError(() => signNote('a\u0001b\n', signer), 'malformed', /U\+0001 at offset 1/);
    expectNoteError(() => signNote('a\rb\n', signer), 'malformed', /U\+000d/);
    expectNoteError(() => signNote('a\ud800\n', signer), 'malformed', /lone surrogate/);
    expectNoteError(() => signNote(TEXT, { ...signer, name: 'bad name' }), 'malformed', /key name/);
  });

  it('signs with several keys, and a witness can add a cosignature that replaces its own', () => {
    const log = signerFromSeed('custodia.example/ledger', generateSigner('x').seed);
    const court = signerFromSeed('court.example/witness', generateSigner('x').seed);
    const monitor = signerFromSeed('monitor.example', generateSigner('x').seed);
    const verifiers = [log, court, monitor].map((s) => verifierFromPublicKey(s.name, s.publicKey));

    const signed = signNote(TEXT, [log, court]);
    expect(openNote(signed, verifiers).verified.map((s) => s.name)).toEqual([log.name, court.name]);

    const cosigned = addSignatures(signed, monitor);
    expect(cosigned.startsWith(signed)).toBe(true);
    expect(openNote(cosigned, verifiers).verified.map((s) => s.name)).toEqual([
      log.name,
      court.name,
      monitor.name,
    ]);

    const resigned = addSignatures(cosigned, court);
    expect(resigned.split('\n').filter((line) => line.startsWith(`— ${court.name} `))).toHaveLength(1);
    expect(openNote(resigned, verifiers).verified.map((s) => s.name)).toEqual([
      log.name,
      monitor.name,
      court.name,
    ]);
  });
});

describe('openNote', () => {
  const peterVerifier = parseVerifierKey(PETER_VKEY);
  const enochVerifier = parseVerifierKey(ENOCH_VKEY);

  it('verifies the PeterNeumann note and returns its text', () => {
    expect(openNote(PETER_NOTE, [peterVerifier])).toEqual({ body: TEXT, verified: [peter], unverified: [] });
    expect(openNote(Buffer.from(PETER_NOTE, 'utf8'), [peterVerifier]).body).toBe(TEXT);
  });

  it('ignores signatures by unknown keys but reports them', () => {
    const note = `${TEXT}\n${PETER_SIG}${ENOCH_SIG}`;
    expect(openNote(note, [peterVerifier])).toEqual({ body: TEXT, verified: [peter], unverified: [enoch] });
    expect(openNote(note, [peterVerifier, enochVerifier])).toEqual({
      body: TEXT,
      verified: [peter, enoch],
      unverified: [],
    });
  });

  it('treats a key that matches only the name, or only the ID, as unknown', () => {
    const otherKey = generateSigner('PeterNeumann');
    const sameName = verifierFromPublicKey('PeterNeumann', otherKey.publicKey);
    expectNoteError(() => openNote(PETER_NOTE, [sameName]), 'unverified');
    expectNoteError(() => openNote(PETER_NOTE, [{ ...peterVerifier, name: 'PeterNeuman' }]), 'unverified');
  });

  it('refuses a note with no signature by a trusted key, naming who signed it', () => {
    expectNoteError(
      () => openNote(`${TEXT}\n${PETER_SIG}${ENOCH_SIG}`, []),
      'unverified',
      /signed by: PeterNeumann\+c74f20a3, EnochRoot\+af0cfe78/,
    );
  });

  it('refuses an ambiguous trusted key only when a signature uses it', () => {
    const list = [enochVerifier, peterVerifier, enochVerifier];
    expectNoteError(() => openNote(`${TEXT}\n${ENOCH_SIG}`, list), 'ambiguous_key', /EnochRoot\+af0cfe78/);
    expect(openNote(PETER_NOTE, list).verified).toEqual([peter]);
  });

  it('refuses a note whose signature by a trusted key does not verify', () => {
    const bad = `${TEXT}\n${PETER_SIG.slice(0, 60)}ABCD${PETER_SIG.slice(60)}`;
    expectNoteError(() => openNote(bad, [peterVerifier]), 'invalid_signature', /PeterNeumann\+c74f20a3/);
    expectNoteError(
      () => openNote(PETER_NOTE.replace('cryptography', 'cryptographY'), [peterVerifier]),
      'invalid_signature',
    );
    const blob = fromBase64(PETER_B64);
    blob[10]! ^= 1;
    const flipped = `${TEXT}\n— PeterNeumann ${Buffer.from(blob).toString('base64')}\n`;
    expectNoteError(() => openNote(flipped, [peterVerifier]), 'invalid_signature');
  });

  it('drops repeated signatures, verified and unverified', () => {
    const enochABCD = `— EnochRoot ${ENOCH_B64.slice(0, 46)}ABCD${ENOCH_B64.slice(46)}\n`;
    const note = `${TEXT}\n${PETER_SIG}${PETER_SIG}${ENOCH_SIG}${ENOCH_SIG}${enochABCD}`;
    const opened = openNote(note, [peterVerifier]);
    expect(opened.verified).toEqual([peter]);
    expect(opened.unverified).toEqual([
      enoch,
      { ...enoch, base64: `${ENOCH_B64.slice(0, 46)}ABCD${ENOCH_B64.slice(46)}` },
    ]);
  });

  it('accepts 100 signatures and refuses 101', () => {
    expect(openNote(`${TEXT}\n${PETER_SIG.repeat(100)}`, [peterVerifier]).verified).toEqual([peter]);
    expectNoteError(() => openNote(`${TEXT}\n${PETER_SIG.repeat(101)}`, [peterVerifier]), 'malformed', /101/);
    expectNoteError(() => openNote(`${TEXT}\n${PETER_SIG.repeat(101)}`, []), 'malformed');
  });

  it.each<[string, string | Uint8Array, RegExp]>([
    ['no signature block', TEXT, /no blank line/],
    ['a blank line but no signatures', `${TEXT}\n`, /no signature lines/],
    ['no final newline', `${TEXT}\n${PETER_SIG.slice(0, -1)}`, /does not end with a newline/],
    ['a control character', `\u0001${TEXT}\n${PETER_SIG}`, /U\+0001/],
    [
      'invalid UTF-8',
      Buffer.concat([Buffer.from([0xff]), Buffer.from(`${TEXT}\n${PETER_SIG}`)]),
      /not valid UTF-8/,
    ],
    [
      'a space in the key name',
      `${TEXT}\n— Bad Name ${PETER_B64}\n`,
      /signature line 1 \(Bad\) does not end in standard base64/,
    ],
    [
      'a line that is not a signature',
      `${TEXT}\n${PETER_SIG}Unexpected line.\n`,
      /signature line 2 does not start/,
    ],
    ['a hyphen instead of an em dash', `${TEXT}\n- PeterNeumann ${PETER_B64}\n`, /em dash/],
    ['a missing signature', `${TEXT}\n— PeterNeumann\n`, /no space between the key name and the signature/],
    ['an empty key name', `${TEXT}\n—  ${PETER_B64}\n`, /invalid key name ""/],
    ['a signature too short for a key ID', `${TEXT}\n— PeterNeumann AAAAAA==\n`, /too short/],
    ['unpadded base64', `${TEXT}\n— PeterNeumann ${PETER_B64.slice(0, -1)}\n`, /standard base64/],
  ])('refuses a note with %s', (_name, note, message) => {
    expectNoteError(() => openNote(note, [peterVerifier]), 'malformed', message);
  });

  it('splits at the last blank line, so the text may contain blank lines', () => {
    const signer = parseSignerKey(PETER_SKEY);
    for (const text of ['a\n\nb\n', '\n', 'a\n\n', 'a\n\n\n']) {
      expect(openNote(signNote(text, signer), [peterVerifier]).body).toBe(text);
    }
  });

  it('ignores the unknown keys in the C2SP spec examples', () => {
    // c2sp.org/signed-note and c2sp.org/tlog-checkpoint examples; their public keys are not published.
    const quasimodo =
      'Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\ned è subito sera.\n\n' +
      '— quasimodo.example/salvatore NnugSzTjtVAewIS+Z/iJhUPeFDkO/5QQ2i5ddnGITLlC+EhfLW9oJKONrMouFSQU0xMcXxj99ihAQwaqP3ZekRwNtIc=\n';
    expectNoteError(
      () => openNote(quasimodo, [peterVerifier]),
      'unverified',
      /quasimodo\.example\/salvatore\+367ba04b/,
    );
    const checkpoint =
      'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n' +
      '— example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n';
    expectNoteError(() => openNote(checkpoint, []), 'unverified', /example\.com\/behind-the-sofa\+033de0ae/);
  });
});
