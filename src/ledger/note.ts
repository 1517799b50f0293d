/**
 * C2SP signed notes (https://c2sp.org/signed-note) with Ed25519 signatures, the envelope of every ledger
 * checkpoint. The key and note text formats are those of golang.org/x/mod/sumdb/note, so witnesses and
 * monitors built on the Go ecosystem can verify Custodia checkpoints and cosign them.
 *
 * A note is: text ending in a newline, a blank line, then one line per signature,
 * `— <key name> <base64(key ID || signature)>\n` (U+2014 em dash, space).
 */

import { Buffer } from 'node:buffer';
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  sign as cryptoSign,
  verify as cryptoVerify,
  type KeyObject,
  randomBytes,
} from 'node:crypto';
import { asBytes, fromBase64, fromHex, toBase64 } from './encoding.js';

/** The signed-note signature type byte for Ed25519 (c2sp.org/signed-note, "Signature types"). */
export const SIGNATURE_TYPE_ED25519 = 0x01;

/** Why a note was refused, so callers can map it to their own error codes. */
export type NoteErrorReason = 'malformed' | 'invalid_signature' | 'unverified' | 'ambiguous_key';

/** A note or key that could not be parsed, signed or verified; `reason` says which. */
export class NoteError extends Error {
  readonly reason: NoteErrorReason;

  constructor(reason: NoteErrorReason, message: string) {
    super(message);
    this.name = 'NoteError';
    this.reason = reason;
  }
}

/** A private key able to sign notes under `name`. */
export interface NoteSigner {
  readonly name: string;
  /** The key ID as a big-endian uint32 (see `keyId`). */
  readonly keyId: number;
  /** The raw 32-byte Ed25519 public key. */
  readonly publicKey: Uint8Array;
  readonly privateKey: KeyObject;
}

/** A trusted public key that notes are verified against. */
export interface NoteVerifier {
  readonly name: string;
  /** The key ID as a big-endian uint32 (see `keyId`). */
  readonly keyId: number;
  /** The raw 32-byte Ed25519 public key. */
  readonly publicKey: Uint8Array;
  readonly key: KeyObject;
}

/** Freshly generated key material; persist `seed` secretly and publish `formatVerifierKey(name, publicKey)`. */
export interface SignerKeyMaterial {
  readonly name: string;
  /** The raw 32-byte Ed25519 private key seed (RFC 8032 §5.1.5). */
  readonly seed: Uint8Array;
  /** The raw 32-byte Ed25519 public key. */
  readonly publicKey: Uint8Array;
}

/** One signature line of a note. */
export interface NoteSignature {
  readonly name: string;
  readonly keyId: number;
  /** The base64 text on the line: key ID (4 bytes) followed by the signature. */
  readonly base64: string;
}

/** The result of `openNote`: the signed text and which signatures were checked. */
export interface OpenedNote {
  /** The note text, ending in a newline, without the blank line and signatures. */
  readonly body: string;
  /** Signatures by a trusted key that verified, in note order. */
  readonly verified: NoteSignature[];
  /** Signatures by keys not among the verifiers, ignored as the spec requires, in note order. */
  readonly unverified: NoteSignature[];
}

const ED25519_KEY_SIZE = 32;
const ED25519_SIGNATURE_SIZE = 64;
// DER prefixes that wrap a raw Ed25519 key (RFC 8410 §7 PKCS #8, §4 SubjectPublicKeyInfo).
const PKCS8_ED25519_PREFIX = fromHex('302e020100300506032b657004220420');
const SPKI_ED25519_PREFIX = fromHex('302a300506032b6570032100');
const SIGNATURE_PREFIX = '\u2014 ';
// The spec says verifiers MUST accept at least 16; 100 is the Go reference implementation's limit.
const MAX_SIGNATURES = 100;
const SIGNER_KEY_PREFIX = 'PRIVATE+KEY+';
const KEY_ID_HEX = /^[0-9a-f]{8}$/;
// Go's unicode.IsSpace: JavaScript's \s plus U+0085 (NEL). JavaScript's \s also has U+FEFF; excluding it
// too only rejects more names.
const UNICODE_SPACE = /[\s\u0085]/u;
const LONE_SURROGATE = /\p{Surrogate}/u;
// Signed notes MUST NOT contain ASCII control characters other than newline (c2sp.org/signed-note, Format).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const FORBIDDEN_CONTROL = /[\u0000-\u0009\u000b-\u001f]/;

/**
 * The signed-note key ID of an Ed25519 key: the first 4 bytes, big-endian, of
 * SHA-256(name || 0x0A || 0x01 || publicKey) (c2sp.org/signed-note, "Ed25519 signatures").
 */
export function keyId(name: string, publicKey: Uint8Array): number {
  return typedKeyId(name, SIGNATURE_TYPE_ED25519, publicKey);
}

/**
 * The key ID of a key of signature type `type`: SHA-256(name || 0x0A || type || publicKey)[:4], big-endian.
 * Ed25519 note signatures use type 0x01; Ed25519 cosignatures (c2sp.org/tlog-cosignature) use 0x04.
 */
export function typedKeyId(name: string, type: number, publicKey: Uint8Array): number {
  assertKeyName(name);
  assertKeySize('public key', publicKey);
  const digest = createHash('sha256')
    .update(name, 'utf8')
    .update(Uint8Array.of(0x0a, type))
    .update(publicKey)
    .digest();
  return digest.readUInt32BE(0);
}

/** Formats a verifier key, `<name>+<key ID hex>+<base64(0x01 || publicKey)>`, the text operators share. */
export function formatVerifierKey(name: string, publicKey: Uint8Array): string {
  return `${name}+${keyIdHex(keyId(name, publicKey))}+${toBase64(typed(publicKey))}`;
}

/** Parses and checks a verifier key made by `formatVerifierKey` (or Go's note.NewVerifier format). */
export function parseVerifierKey(vkey: string): NoteVerifier {
  const [name, hex, key] = splitKey(vkey, 'verifier key');
  const publicKey = decodeTypedKey(key, 'verifier key');
  const verifier = verifierFromPublicKey(name, publicKey);
  if (keyIdHex(verifier.keyId) !== hex) {
    throw new NoteError(
      'malformed',
      `Verifier key "${vkey}" is inconsistent: its key ID is ${hex} but the name and key give ${keyIdHex(verifier.keyId)}. ` +
        'The key was altered or copied incompletely; ask its owner for the exact text.',
    );
  }
  return verifier;
}

/** A verifier for a raw 32-byte Ed25519 public key under `name`. */
export function verifierFromPublicKey(name: string, publicKey: Uint8Array): NoteVerifier {
  const id = keyId(name, publicKey);
  let key: KeyObject;
  try {
    key = createPublicKey({
      key: Buffer.concat([SPKI_ED25519_PREFIX, publicKey]),
      format: 'der',
      type: 'spki',
    });
  } catch (cause) {
    throw new NoteError(
      'malformed',
      `The public key for "${name}" is not a valid Ed25519 key: ${String(cause)}`,
    );
  }
  return { name, keyId: id, publicKey: Uint8Array.from(publicKey), key };
}

/** Generates a new Ed25519 key pair for signing notes under `name`. */
export function generateSigner(name: string): SignerKeyMaterial {
  assertKeyName(name);
  // RFC 8032 §5.1.5: any 32 uniformly random bytes are a valid Ed25519 private key seed.
  const seed = asBytes(randomBytes(ED25519_KEY_SIZE));
  return { name, seed, publicKey: publicKeyFromSeed(seed) };
}

/** Wraps a raw 32-byte Ed25519 seed as a node:crypto private KeyObject (PKCS #8, RFC 8410 §7). */
export function privateKeyFromSeed(seed: Uint8Array): KeyObject {
  assertKeySize('private key seed', seed);
  return createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

/** The raw 32-byte Ed25519 public key of a raw 32-byte seed. */
export function publicKeyFromSeed(seed: Uint8Array): Uint8Array {
  return publicKeyBytes(createPublicKey(privateKeyFromSeed(seed)));
}

/** A signer for a raw 32-byte Ed25519 seed under `name`. */
export function signerFromSeed(name: string, seed: Uint8Array): NoteSigner {
  const privateKey = privateKeyFromSeed(seed);
  const publicKey = publicKeyBytes(createPublicKey(privateKey));
  return { name, keyId: keyId(name, publicKey), publicKey, privateKey };
}

/** Formats a signer key, `PRIVATE+KEY+<name>+<key ID hex>+<base64(0x01 || seed)>`, as Go's note package does. */
export function formatSignerKey(name: string, seed: Uint8Array): string {
  const signer = signerFromSeed(name, seed);
  return `${SIGNER_KEY_PREFIX}${name}+${keyIdHex(signer.keyId)}+${toBase64(typed(seed))}`;
}

/** Parses and checks a signer key made by `formatSignerKey` (or Go's note.GenerateKey). */
export function parseSignerKey(skey: string): NoteSigner {
  if (!skey.startsWith(SIGNER_KEY_PREFIX)) {
    throw new NoteError('malformed', `A signer key must start with "${SIGNER_KEY_PREFIX}".`);
  }
  const [name, hex, key] = splitKey(skey.slice(SIGNER_KEY_PREFIX.length), 'signer key');
  const signer = signerFromSeed(name, decodeTypedKey(key, 'signer key'));
  if (keyIdHex(signer.keyId) !== hex) {
    throw new NoteError(
      'malformed',
      `The signer key for "${name}" is inconsistent: its key ID is ${hex} but its seed gives ${keyIdHex(signer.keyId)}.`,
    );
  }
  return signer;
}

/**
 * Signs `text` (which must end in a newline) with each signer and returns the note: the text, a blank line,
 * then one signature line per signer.
 */
export function signNote(text: string, signers: NoteSigner | readonly NoteSigner[]): string {
  assertNoteText(text);
  const lines = toList(signers).map((signer) => signatureLine(text, signer));
  return `${text}\n${lines.join('')}`;
}

/**
 * Adds signatures to an existing note, e.g. a witness cosigning a checkpoint. Existing lines are kept,
 * except one from the same key as a new signer, which is replaced. This does not verify the note: open it
 * with `openNote` first, and sign only a body you have checked.
 */
export function addSignatures(note: string, signers: NoteSigner | readonly NoteSigner[]): string {
  const { body, signatures } = splitNote(note);
  const list = toList(signers);
  const kept = signatures.filter((sig) => !list.some((s) => s.name === sig.name && s.keyId === sig.keyId));
  const lines = [
    ...kept.map((sig) => `${SIGNATURE_PREFIX}${sig.name} ${sig.base64}\n`),
    ...list.map((signer) => signatureLine(body, signer)),
  ];
  return `${body}\n${lines.join('')}`;
}

/**
 * Parses a note and verifies its signatures against the trusted `verifiers`, per c2sp.org/signed-note
 * "Signatures": signatures from unknown keys are ignored; a signature from a known key that fails is an
 * error (`invalid_signature`); a note with no verified signature is refused (`unverified`).
 */
export function openNote(note: string | Uint8Array, verifiers: readonly NoteVerifier[]): OpenedNote {
  const { body, signatures } = splitNote(typeof note === 'string' ? note : decodeUtf8(note));
  const verified: NoteSignature[] = [];
  const unverified: NoteSignature[] = [];
  const seenVerified = new Set<string>();
  const seenUnverified = new Set<string>();
  const message = Buffer.from(body, 'utf8');
  for (const sig of signatures) {
    const who = `${sig.name}+${keyIdHex(sig.keyId)}`;
    // A key is identified by name AND key ID together; a match on only one of them is an unknown key.
    const matches = verifiers.filter((v) => v.name === sig.name && v.keyId === sig.keyId);
    if (matches.length === 0) {
      // Drop repeated identical lines, as the Go reference does.
      if (!seenUnverified.has(`${who} ${sig.base64}`)) {
        seenUnverified.add(`${who} ${sig.base64}`);
        unverified.push(sig);
      }
      continue;
    }
    if (matches.length > 1) {
      throw new NoteError(
        'ambiguous_key',
        `More than one trusted verifier has the key ${who}; remove the duplicate from the verifier list.`,
      );
    }
    if (seenVerified.has(who)) continue;
    seenVerified.add(who);
    const signature = fromBase64(sig.base64).subarray(4);
    const ok =
      signature.length === ED25519_SIGNATURE_SIZE && cryptoVerify(null, message, matches[0]!.key, signature);
    if (!ok) {
      throw new NoteError(
        'invalid_signature',
        `The signature by ${who} does not verify: the note text or the signature was altered.`,
      );
    }
    verified.push(sig);
  }
  if (verified.length === 0) {
    const found = signatures.map((s) => `${s.name}+${keyIdHex(s.keyId)}`).join(', ');
    throw new NoteError(
      'unverified',
      `The note has no signature by a trusted key (signed by: ${found}). Add the signer's verifier key to the trusted list, if it should be trusted.`,
    );
  }
  return { body, verified, unverified };
}

/** The key ID as the 8 lowercase hex digits used in key texts. */
export function keyIdHex(id: number): string {
  return id.toString(16).padStart(8, '0');
}

function signatureLine(text: string, signer: NoteSigner): string {
  assertKeyName(signer.name);
  const signature = cryptoSign(null, Buffer.from(text, 'utf8'), signer.privateKey);
  const blob = Buffer.alloc(4 + signature.length);
  blob.writeUInt32BE(signer.keyId, 0);
  signature.copy(blob, 4);
  return `${SIGNATURE_PREFIX}${signer.name} ${blob.toString('base64')}\n`;
}

/**
 * Splits a note into its text and signature lines, checking the syntax only (no signature is verified):
 * for signature types `openNote` does not verify, such as cosignatures.
 */
export function splitNote(note: string): { body: string; signatures: NoteSignature[] } {
  assertNoteCharacters(note, 'note');
  // The text is separated from the signatures by the LAST empty line; the text may contain others.
  const split = note.lastIndexOf('\n\n');
  if (split < 0) {
    throw malformed('it has no blank line separating the text from the signature lines');
  }
  const body = note.slice(0, split + 1);
  const block = note.slice(split + 2);
  if (block === '') throw malformed('it has no signature lines after the blank line');
  if (!block.endsWith('\n')) throw malformed('its last signature line does not end with a newline');
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) {
    throw malformed(`it has ${lines.length} signature lines; at most ${MAX_SIGNATURES} are accepted`);
  }
  const signatures = lines.map((line, i) => parseSignatureLine(line, i + 1));
  return { body, signatures };
}

function parseSignatureLine(line: string, n: number): NoteSignature {
  if (!line.startsWith(SIGNATURE_PREFIX)) {
    throw malformed(`signature line ${n} does not start with an em dash (U+2014) and a space`);
  }
  const rest = line.slice(SIGNATURE_PREFIX.length);
  const space = rest.indexOf(' ');
  if (space < 0) {
    throw malformed(`signature line ${n} has no space between the key name and the signature`);
  }
  const name = rest.slice(0, space);
  const base64 = rest.slice(space + 1);
  if (!isValidKeyName(name)) {
    throw malformed(`signature line ${n} has an invalid key name "${name}"`);
  }
  let blob: Uint8Array;
  try {
    blob = fromBase64(base64);
  } catch {
    throw malformed(`signature line ${n} (${name}) does not end in standard base64`);
  }
  if (blob.length < 5) {
    throw malformed(`signature line ${n} (${name}) is too short to hold a key ID and a signature`);
  }
  const keyIdValue = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength).readUInt32BE(0);
  return { name, keyId: keyIdValue, base64 };
}

/** Splits a key text `<name>+<key ID hex>+<base64 key>` into its three parts, checking the name and ID. */
export function splitKey(text: string, what: string): [string, string, string] {
  // The name and key ID cannot contain '+', but base64 can: split at the first two '+' only.
  const first = text.indexOf('+');
  const second = first < 0 ? -1 : text.indexOf('+', first + 1);
  if (second < 0) {
    throw new NoteError(
      'malformed',
      `A ${what} has the form <name>+<8 hex digit key ID>+<base64 key>, but "${text}" has fewer than three parts.`,
    );
  }
  const name = text.slice(0, first);
  const hex = text.slice(first + 1, second);
  if (!isValidKeyName(name)) {
    throw new NoteError('malformed', `The ${what} name "${name}" is invalid: ${KEY_NAME_RULE}`);
  }
  if (!KEY_ID_HEX.test(hex)) {
    throw new NoteError('malformed', `The ${what} ID "${hex}" must be 8 lowercase hex digits.`);
  }
  return [name, hex, text.slice(second + 1)];
}

/** Decodes `base64(type || 32-byte Ed25519 key)`, refusing another type byte or length. */
export function decodeTypedKey(
  text: string,
  what: string,
  type: number = SIGNATURE_TYPE_ED25519,
): Uint8Array {
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(text);
  } catch {
    throw new NoteError('malformed', `The ${what} material is not standard base64.`);
  }
  if (bytes[0] !== type || bytes.length !== 1 + ED25519_KEY_SIZE) {
    throw new NoteError(
      'malformed',
      `The ${what} is not an Ed25519 key: expected the type byte 0x${type.toString(16).padStart(2, '0')} and 32 key bytes, got ${bytes.length} bytes starting 0x${(bytes[0] ?? 0).toString(16).padStart(2, '0')}.`,
    );
  }
  return bytes.subarray(1);
}

/** The raw 32-byte public key of a node:crypto Ed25519 key object. */
export function publicKeyBytes(key: KeyObject): Uint8Array {
  const der = key.export({ format: 'der', type: 'spki' });
  return new Uint8Array(der.subarray(SPKI_ED25519_PREFIX.length));
}

function typed(key: Uint8Array): Uint8Array {
  const out = new Uint8Array(1 + key.length);
  out[0] = SIGNATURE_TYPE_ED25519;
  out.set(key, 1);
  return out;
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw malformed('it is not valid UTF-8');
  }
}

const KEY_NAME_RULE =
  'key names must be non-empty and contain no spaces, plus signs (+) or control characters.';

function isValidKeyName(name: string): boolean {
  return (
    name !== '' &&
    !name.includes('+') &&
    !UNICODE_SPACE.test(name) &&
    !FORBIDDEN_CONTROL.test(name) &&
    !LONE_SURROGATE.test(name)
  );
}

function assertKeyName(name: string): void {
  if (!isValidKeyName(name)) {
    throw new NoteError('malformed', `The key name "${name}" is invalid: ${KEY_NAME_RULE}`);
  }
}

function assertKeySize(what: string, key: Uint8Array): void {
  if (!(key instanceof Uint8Array) || key.length !== ED25519_KEY_SIZE) {
    const got = key instanceof Uint8Array ? `${key.length} bytes` : typeof key;
    throw new NoteError('malformed', `An Ed25519 ${what} is ${ED25519_KEY_SIZE} bytes, got ${got}.`);
  }
}

function assertNoteText(text: string): void {
  if (!text.endsWith('\n')) {
    throw new NoteError(
      'malformed',
      'Note text must end with a newline (c2sp.org/signed-note, Format); add "\\n".',
    );
  }
  assertNoteCharacters(text, 'note text');
}

function assertNoteCharacters(text: string, what: string): void {
  const control = FORBIDDEN_CONTROL.exec(text);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).padStart(4, '0');
    throw new NoteError(
      'malformed',
      `The ${what} is malformed: it contains the control character U+${code} at offset ${control.index}; only newline is allowed.`,
    );
  }
  if (LONE_SURROGATE.test(text)) {
    throw new NoteError(
      'malformed',
      `The ${what} is malformed: it contains a lone surrogate, so it is not valid UTF-8.`,
    );
  }
}

function malformed(why: string): NoteError {
  return new NoteError('malformed', `The note is malformed: ${why} (c2sp.org/signed-note, Format).`);
}

function toList<T>(items: T | readonly T[]): readonly T[] {
  return Array.isArray(items) ? (items as readonly T[]) : [items as T];
}
