/**
 * The wire format of C2SP tlog-witness `add-checkpoint` (https://c2sp.org/tlog-witness), shared by the log
 * that submits a checkpoint (src/ledger/witnessing.ts) and the witness that cosigns it (src/witness/).
 *
 * Request body: `old <size>\n`, zero to 63 base64 consistency-proof lines, an empty line, then the signed
 * checkpoint note. A 409 answer's body is the witness's size and a newline, `Content-Type: text/x.tlog.size`.
 */

import { fromBase64, toBase64 } from './encoding.js';
import { HASH_SIZE } from './merkle.js';

/** The content type of a 409 answer's body (the size the witness knows). */
export const TLOG_SIZE_CONTENT_TYPE = 'text/x.tlog.size';
/** At most this many proof lines (c2sp.org/tlog-witness, "add-checkpoint"). */
export const MAX_PROOF_LINES = 63;
/** Request bodies above this are refused; the reference witness allows 16 KiB. */
export const MAX_ADD_CHECKPOINT_BYTES = 16 * 1024;

/** A parsed add-checkpoint request. */
export interface AddCheckpointBody {
  oldSize: number;
  proof: Uint8Array[];
  /** The signed checkpoint note, as sent. */
  note: string;
}

const DECIMAL = /^(?:0|[1-9][0-9]*)$/;

/** Formats an add-checkpoint request body. */
export function formatAddCheckpoint(oldSize: number, proof: readonly Uint8Array[], note: string): string {
  return `old ${oldSize}\n${proof.map((hash) => `${toBase64(hash)}\n`).join('')}\n${note}`;
}

/** Parses an add-checkpoint request body, or says what is malformed (a 400 answer). */
export function parseAddCheckpoint(text: string): AddCheckpointBody | { error: string } {
  const first = text.indexOf('\n');
  if (first < 0) return { error: 'the body has no "old <size>" line' };
  const oldLine = text.slice(0, first);
  const sizeText = oldLine.startsWith('old ') ? oldLine.slice(4) : '';
  if (!DECIMAL.test(sizeText) || !Number.isSafeInteger(Number(sizeText))) {
    return {
      error: `the first line must be "old <size>" in decimal without leading zeros, got "${oldLine}"`,
    };
  }
  const proof: Uint8Array[] = [];
  let at = first + 1;
  for (;;) {
    const end = text.indexOf('\n', at);
    if (end < 0) return { error: 'the proof lines are not followed by an empty line and a checkpoint' };
    const line = text.slice(at, end);
    at = end + 1;
    if (line === '') break;
    if (proof.length === MAX_PROOF_LINES) return { error: `more than ${MAX_PROOF_LINES} proof lines` };
    const hash = decodeHash(line);
    if (!hash) return { error: `proof line ${proof.length + 1} is not a base64 SHA-256 hash` };
    proof.push(hash);
  }
  const note = text.slice(at);
  if (note === '') return { error: 'the checkpoint is missing after the empty line' };
  return { oldSize: Number(sizeText), proof, note };
}

/** Parses the body of a 409 answer (`<size>\n`), or undefined when it is not one. */
export function parseConflictSize(text: string): number | undefined {
  const trimmed = text.endsWith('\n') ? text.slice(0, -1) : text;
  if (!DECIMAL.test(trimmed)) return undefined;
  const size = Number(trimmed);
  return Number.isSafeInteger(size) ? size : undefined;
}

function decodeHash(line: string): Uint8Array | undefined {
  try {
    const bytes = fromBase64(line);
    return bytes.length === HASH_SIZE ? bytes : undefined;
  } catch {
    return undefined;
  }
}
