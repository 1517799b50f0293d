/**
 * C2SP tlog-cosignature (https://c2sp.org/tlog-cosignature), Ed25519 `cosignature/v1`: a witness's
 * timestamped statement that, as of that time, the checkpoint is the largest consistent tree head it has
 * seen for the log. The signature line is an ordinary signed-note line whose blob is
 * key ID (4 bytes) || timestamp (u64, big-endian) || Ed25519 signature (64 bytes), and whose signed message is
 * `cosignature/v1\ntime <timestamp>\n` followed by the checkpoint body.
 */

import { Buffer } from 'node:buffer';
import { createPublicKey, sign as cryptoSign, verify as cryptoVerify, type KeyObject } from 'node:crypto';
import { fromBase64, toBase64 } from './encoding.js';
import {
  decodeTypedKey,
  generateSigner,
  keyIdHex,
  NoteError,
  type NoteSignature,
  privateKeyFromSeed,
  publicKeyBytes,
  splitKey,
  splitNote,
  typedKeyId,
  verifierFromPublicKey,
} from './note.js';

/** The signature type byte of Ed25519 cosignatures (c2sp.org/tlog-cosignature, "Format"). */
export const SIGNATURE_TYPE_COSIGNATURE_V1 = 0x04;

const SIGNER_KEY_PREFIX = 'PRIVATE+KEY+';
const ED25519_SIGNATURE_SIZE = 64;
const BLOB_SIZE = 4 + 8 + ED25519_SIGNATURE_SIZE;

/** A witness's private cosigning key. */
export interface Cosigner {
  readonly name: string;
  readonly keyId: number;
  readonly publicKey: Uint8Array;
  readonly privateKey: KeyObject;
}

/** A witness's public key, as a log or a client trusts it. */
export interface CosignatureVerifier {
  readonly name: string;
  readonly keyId: number;
  readonly publicKey: Uint8Array;
  readonly key: KeyObject;
}

/** One cosignature that verified: whose, when, and the signature line to serve. */
export interface VerifiedCosignature {
  readonly name: string;
  readonly keyId: number;
  /** POSIX seconds the witness signed at. */
  readonly timestamp: number;
  /** The note signature line, `— <name> <base64>\n`. */
  readonly line: string;
}

/** The key ID of a cosigner: SHA-256(name || 0x0A || 0x04 || publicKey)[:4]. */
export function cosignerKeyId(name: string, publicKey: Uint8Array): number {
  return typedKeyId(name, SIGNATURE_TYPE_COSIGNATURE_V1, publicKey);
}

/** The cosigner verifier key, `name+hex(keyid)+base64(0x04 || publicKey)`. */
export function formatCosignerVerifierKey(name: string, publicKey: Uint8Array): string {
  return `${name}+${keyIdHex(cosignerKeyId(name, publicKey))}+${toBase64(typed(publicKey))}`;
}

/** Parses and checks a cosigner verifier key (type 0x04); the error says what is wrong with it. */
export function parseCosignerVerifierKey(vkey: string): CosignatureVerifier {
  const [name, hex, key] = splitKey(vkey.trim(), 'cosigner verifier key');
  const publicKey = decodeTypedKey(key, 'cosigner verifier key', SIGNATURE_TYPE_COSIGNATURE_V1);
  const id = cosignerKeyId(name, publicKey);
  if (keyIdHex(id) !== hex) {
    throw new NoteError(
      'malformed',
      `Cosigner verifier key "${vkey}" is inconsistent: its key ID is ${hex} but the name and key give ${keyIdHex(id)}. Ask the witness's operator for the exact text (\`custodia witness key\`).`,
    );
  }
  const { key: keyObject } = verifierFromPublicKey(name, publicKey);
  return { name, keyId: id, publicKey, key: keyObject };
}

/** A new cosigner key: the private key text to keep secret (`PRIVATE+KEY+name+hex+base64(0x04||seed)`). */
export function generateCosignerKey(name: string): string {
  const { seed, publicKey } = generateSigner(name);
  return `${SIGNER_KEY_PREFIX}${name}+${keyIdHex(cosignerKeyId(name, publicKey))}+${toBase64(typed(seed))}`;
}

/** Parses a cosigner private key text made by `generateCosignerKey`. */
export function parseCosignerKey(text: string): Cosigner {
  const trimmed = text.trim();
  if (!trimmed.startsWith(SIGNER_KEY_PREFIX)) {
    throw new NoteError('malformed', `A cosigner key must start with "${SIGNER_KEY_PREFIX}".`);
  }
  const [name, hex, key] = splitKey(trimmed.slice(SIGNER_KEY_PREFIX.length), 'cosigner key');
  const privateKey = privateKeyFromSeed(decodeTypedKey(key, 'cosigner key', SIGNATURE_TYPE_COSIGNATURE_V1));
  const publicKey = publicKeyBytes(createPublicKey(privateKey));
  const id = cosignerKeyId(name, publicKey);
  if (keyIdHex(id) !== hex) {
    throw new NoteError(
      'malformed',
      `The cosigner key for "${name}" is inconsistent with its key ID ${hex}.`,
    );
  }
  return { name, keyId: id, publicKey, privateKey };
}

/** The message a cosignature signs: `cosignature/v1\ntime <t>\n` and the checkpoint body. */
export function cosignedMessage(body: string, timestamp: number): Buffer {
  return Buffer.from(`cosignature/v1\ntime ${timestamp}\n${body}`, 'utf8');
}

/** Cosigns a checkpoint body at `timestamp` (POSIX seconds, > 0) and returns the signature line. */
export function cosign(body: string, cosigner: Cosigner, timestamp: number): string {
  if (!Number.isSafeInteger(timestamp) || timestamp <= 0) {
    throw new RangeError(`A cosignature timestamp must be positive POSIX seconds, got ${timestamp}.`);
  }
  const signature = cryptoSign(null, cosignedMessage(body, timestamp), cosigner.privateKey);
  const blob = Buffer.alloc(BLOB_SIZE);
  blob.writeUInt32BE(cosigner.keyId, 0);
  blob.writeBigUInt64BE(BigInt(timestamp), 4);
  signature.copy(blob, 12);
  return `\u2014 ${cosigner.name} ${blob.toString('base64')}\n`;
}

/**
 * The cosignatures in `note` by the given verifiers that verify over its body. A line by a known key
 * whose signature fails is refused (`invalid_signature`), as signed-note requires; unknown keys are ignored.
 */
export function openCosignatures(
  note: string,
  verifiers: readonly CosignatureVerifier[],
): { body: string; cosignatures: VerifiedCosignature[] } {
  const { body, signatures } = splitNote(note);
  const cosignatures: VerifiedCosignature[] = [];
  for (const sig of signatures) {
    const verifier = verifiers.find((v) => v.name === sig.name && v.keyId === sig.keyId);
    if (!verifier || cosignatures.some((c) => c.name === sig.name && c.keyId === sig.keyId)) continue;
    const timestamp = verifyOne(body, sig, verifier);
    if (timestamp === null) {
      throw new NoteError(
        'invalid_signature',
        `The cosignature by ${sig.name}+${keyIdHex(sig.keyId)} does not verify over this checkpoint.`,
      );
    }
    cosignatures.push({
      name: sig.name,
      keyId: sig.keyId,
      timestamp,
      line: `\u2014 ${sig.name} ${sig.base64}\n`,
    });
  }
  return { body, cosignatures };
}

function verifyOne(body: string, sig: NoteSignature, verifier: CosignatureVerifier): number | null {
  const blob = Buffer.from(fromBase64(sig.base64));
  if (blob.length !== BLOB_SIZE) return null;
  const timestamp = blob.readBigUInt64BE(4);
  if (timestamp === 0n || timestamp > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  const seconds = Number(timestamp);
  const ok = cryptoVerify(null, cosignedMessage(body, seconds), verifier.key, blob.subarray(12));
  return ok ? seconds : null;
}

function typed(key: Uint8Array): Uint8Array {
  const out = new Uint8Array(1 + key.length);
  out[0] = SIGNATURE_TYPE_COSIGNATURE_V1;
  out.set(key, 1);
  return out;
}
