/**
 * C2SP tlog-checkpoint note bodies (https://c2sp.org/tlog-checkpoint): the origin, tree size and root hash
 * that a signed note commits the log to. Signing and verifying is `note.ts`'s job; this file only formats
 * and parses the text, strictly, so that one checkpoint has exactly one accepted text.
 */

import { fromBase64, toBase64 } from './encoding.js';
import { HASH_SIZE } from './merkle.js';

/** A log's tree head at one size. */
export interface Checkpoint {
  /** Unique identity of the log, e.g. `custodia.example/ledger/cecot`. */
  readonly origin: string;
  /** Number of leaves. */
  readonly size: number;
  /** RFC 9162 tree head (MTH) at `size`, 32 bytes. */
  readonly root: Uint8Array;
  /** Opaque extension lines; the spec allows but does NOT RECOMMEND them. */
  readonly extensions?: readonly string[];
}

/** The problem with checkpoint text or values, naming the line or field. */
export class CheckpointError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckpointError';
  }
}

// tlog-checkpoint, "Note text" item 2: ASCII decimal with no leading zeroes, except the empty tree's "0".
const DECIMAL = /^(?:0|[1-9][0-9]*)$/;
// Lines are part of a signed note, which MUST NOT contain control characters other than newline.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u001f]/;

/** Formats the checkpoint note text: `<origin>\n<size>\n<base64 root>\n`, then any extension lines. */
export function formatCheckpoint(checkpoint: Checkpoint): string {
  const { origin, size, root, extensions = [] } = checkpoint;
  checkLine('origin', origin);
  if (!Number.isSafeInteger(size) || size < 0) {
    throw new CheckpointError(`The checkpoint size must be a non-negative safe integer, got ${size}.`);
  }
  if (!(root instanceof Uint8Array) || root.length !== HASH_SIZE) {
    throw new CheckpointError(`The checkpoint root must be a ${HASH_SIZE}-byte SHA-256 hash.`);
  }
  extensions.forEach((line, i) => {
    checkLine(`extension line ${i + 1}`, line);
  });
  return [origin, String(size), toBase64(root), ...extensions].map((line) => `${line}\n`).join('');
}

/** Parses and validates checkpoint note text (the body returned by `openNote`). */
export function parseCheckpoint(body: string): Checkpoint {
  if (!body.endsWith('\n')) {
    throw new CheckpointError('The checkpoint text must end with a newline after its last line.');
  }
  const lines = body.slice(0, -1).split('\n');
  if (lines.length < 3) {
    throw new CheckpointError(
      `A checkpoint has at least three lines (origin, tree size, root hash), but this one has ${lines.length}.`,
    );
  }
  const [origin, sizeText, rootText, ...extensions] = lines as [string, string, string, ...string[]];
  checkLine('origin (line 1)', origin);
  if (!DECIMAL.test(sizeText)) {
    throw new CheckpointError(
      `Line 2, the tree size, must be a decimal number without leading zeros or signs, got "${sizeText}".`,
    );
  }
  const size = Number(sizeText);
  if (!Number.isSafeInteger(size)) {
    throw new CheckpointError(
      `Line 2, the tree size ${sizeText}, is larger than 2^53 - 1, which this ledger supports.`,
    );
  }
  let root: Uint8Array;
  try {
    root = fromBase64(rootText);
  } catch {
    throw new CheckpointError(`Line 3, the root hash, must be standard padded base64, got "${rootText}".`);
  }
  if (root.length !== HASH_SIZE) {
    throw new CheckpointError(
      `Line 3, the root hash, must decode to ${HASH_SIZE} bytes, got ${root.length}.`,
    );
  }
  extensions.forEach((line, i) => {
    checkLine(`extension line ${i + 1} (line ${i + 4})`, line);
  });
  return { origin, size, root, extensions };
}

function checkLine(what: string, line: string): void {
  if (line === '') {
    throw new CheckpointError(
      `The checkpoint ${what} must not be empty (c2sp.org/tlog-checkpoint, "Note text").`,
    );
  }
  if (CONTROL.test(line)) {
    throw new CheckpointError(`The checkpoint ${what} must be one line without control characters.`);
  }
}
