/**
 * Byte encodings shared by the ledger: lowercase hex for hashes in logs and storage, and strict standard
 * base64 (RFC 4648 §4) for signed notes and checkpoints.
 */

import { Buffer } from 'node:buffer';

const HEX = /^(?:[0-9a-f]{2})*$/;
// RFC 4648 §4 alphabet with mandatory padding; no whitespace, no URL-safe characters.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Views a Node Buffer (or any Uint8Array) as a plain Uint8Array without copying. */
export function asBytes(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Encodes bytes as lowercase hex. */
export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

/** Decodes lowercase or uppercase hex; throws on odd length or a non-hex character. */
export function fromHex(hex: string): Uint8Array {
  const lower = hex.toLowerCase();
  if (!HEX.test(lower)) {
    throw new TypeError(
      `"${abbreviate(hex)}" is not hex: expected an even number of characters 0-9 and a-f (${hex.length} characters given).`,
    );
  }
  return asBytes(Buffer.from(lower, 'hex'));
}

/** Encodes bytes as standard, padded base64 (RFC 4648 §4). */
export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/**
 * Decodes standard, padded base64 (RFC 4648 §4), rejecting anything Node's lenient decoder would
 * silently accept (whitespace, URL-safe characters, missing padding, non-zero trailing bits), so that one
 * byte string has exactly one accepted text form.
 */
export function fromBase64(text: string): Uint8Array {
  if (!BASE64.test(text)) {
    throw new TypeError(`"${abbreviate(text)}" is not standard padded base64 (RFC 4648 §4).`);
  }
  const bytes = Buffer.from(text, 'base64');
  if (bytes.toString('base64') !== text) {
    throw new TypeError(
      `"${abbreviate(text)}" is not canonical base64: its unused trailing bits are not zero.`,
    );
  }
  return asBytes(bytes);
}

/** Compares two byte strings for equality. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}

function abbreviate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
