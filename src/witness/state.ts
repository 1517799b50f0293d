/**
 * The witness's files in its data directory: its cosigning key (`witness.key`, mode 0600), the logs it
 * follows (`witness-logs.json`, written by `custodia witness follow`) and the newest checkpoint it cosigned
 * for each (`witness-state.json`, written by `custodia witness serve`). State is written to a temporary file,
 * flushed to disk (fsync), renamed over the old file and the directory flushed, so a crash leaves the old
 * state or the new one, never a torn file, and no cosignature is answered before its state is on disk.
 */

import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { DomainError } from '../core/errors.js';
import {
  type Cosigner,
  formatCosignerVerifierKey,
  generateCosignerKey,
  parseCosignerKey,
} from '../ledger/cosignature.js';
import { fromBase64, toBase64 } from '../ledger/encoding.js';
import { type NoteVerifier, parseVerifierKey } from '../ledger/note.js';
import type { TreeHead } from './model.js';

/** The cosigning key file. */
export const WITNESS_KEY_FILE = 'witness.key';
const LOGS_FILE = 'witness-logs.json';
const STATE_FILE = 'witness-state.json';

/** A log this witness follows: its origin and the verifier key its checkpoints must be signed with. */
export interface FollowedLog {
  origin: string;
  verifier: NoteVerifier;
  verifierKey: string;
}

/** The newest checkpoint cosigned for one log: its head and the note with the log's and our signatures. */
export interface CosignedHead extends TreeHead {
  readonly note: string;
}

const logsFile = z.object({
  version: z.literal(1),
  logs: z.array(z.object({ origin: z.string().min(1), key: z.string().min(1) })),
});

const stateFile = z.object({
  version: z.literal(1),
  logs: z.record(z.string(), z.object({ size: z.number().int().min(0), root: z.string(), note: z.string() })),
});

/** The witness's cosigner, created with `name` (default `custodia.local/<data dir>/witness`) on first use. */
export function loadOrCreateCosigner(dataDir: string, name?: string): Cosigner {
  const path = join(dataDir, WITNESS_KEY_FILE);
  if (!existsSync(path)) {
    mkdirSync(dataDir, { recursive: true });
    const keyName =
      name ??
      `custodia.local/${
        basename(dataDir)
          .toLowerCase()
          .replace(/[^a-z0-9.-]+/g, '-') || 'witness'
      }/witness`;
    writeDurably(path, `${generateCosignerKey(keyName)}\n`, 0o600, 'wx');
  }
  const mode = statSync(path).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new DomainError('environment', 'witness.key_exposed', { path, mode: mode.toString(8) });
  }
  try {
    return parseCosignerKey(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new DomainError('environment', 'witness.key_unreadable', {
      path,
      reason: error instanceof Error ? error.message : String(error),
    });
  }
}

/** The cosigner verifier key to give a log's operator: `name+hex(keyid)+base64(0x04||pubkey)`. */
export function cosignerVerifierKey(cosigner: Cosigner): string {
  return formatCosignerVerifierKey(cosigner.name, cosigner.publicKey);
}

/** The logs this witness follows. */
export function readFollowedLogs(dataDir: string): FollowedLog[] {
  const path = join(dataDir, LOGS_FILE);
  if (!existsSync(path)) return [];
  const parsed = readJson(path, logsFile);
  return parsed.logs.map((log) => ({
    origin: log.origin,
    verifier: parseVerifierKey(log.key),
    verifierKey: log.key,
  }));
}

/** Follows a log (or replaces the key of one followed): its checkpoints signed by `verifierKey` will be cosigned. */
export function followLog(dataDir: string, origin: string, verifierKey: string): FollowedLog {
  let verifier: NoteVerifier;
  try {
    verifier = parseVerifierKey(verifierKey.trim());
  } catch (error) {
    throw new DomainError('invalid_input', 'witness.bad_log_key', {
      key: verifierKey,
      reason: error instanceof Error ? error.message : String(error),
    });
  }
  if (verifier.name !== origin) {
    throw new DomainError('invalid_input', 'witness.origin_mismatch', { origin, name: verifier.name });
  }
  const logs = readFollowedLogs(dataDir).filter((log) => log.origin !== origin);
  const next = [...logs, { origin, verifier, verifierKey: verifierKey.trim() }];
  mkdirSync(dataDir, { recursive: true });
  writeDurably(
    join(dataDir, LOGS_FILE),
    `${JSON.stringify({ version: 1, logs: next.map((l) => ({ origin: l.origin, key: l.verifierKey })) }, null, 2)}\n`,
    0o644,
  );
  return { origin, verifier, verifierKey: verifierKey.trim() };
}

/** The newest cosigned head of every log, by origin. */
export function readCosignedHeads(dataDir: string): Map<string, CosignedHead> {
  const path = join(dataDir, STATE_FILE);
  if (!existsSync(path)) return new Map();
  const parsed = readJson(path, stateFile);
  return new Map(
    Object.entries(parsed.logs).map(([origin, head]) => [
      origin,
      { size: head.size, root: fromBase64(head.root), note: head.note },
    ]),
  );
}

/** Records the newest cosigned head of `origin`, durably, before the cosignature is answered. */
export function writeCosignedHead(dataDir: string, origin: string, head: CosignedHead): void {
  const heads = readCosignedHeads(dataDir);
  heads.set(origin, head);
  const logs = Object.fromEntries(
    [...heads].map(([o, h]) => [o, { size: h.size, root: toBase64(h.root), note: h.note }]),
  );
  writeDurably(join(dataDir, STATE_FILE), `${JSON.stringify({ version: 1, logs }, null, 2)}\n`, 0o644);
}

function readJson<T>(path: string, schema: z.ZodType<T>): T {
  try {
    return schema.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch (error) {
    throw new DomainError('environment', 'witness.state_unreadable', {
      path,
      reason: error instanceof Error ? error.message : String(error),
    });
  }
}

/** Writes a file so that it is on disk, whole, when this returns (temporary file, fsync, rename, fsync dir). */
function writeDurably(path: string, text: string, mode: number, flag: 'w' | 'wx' = 'w'): void {
  if (flag === 'wx' && existsSync(path)) return;
  const temporary = `${path}.tmp`;
  const fd = openSync(temporary, 'w', mode);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
  const dir = openSync(join(path, '..'), 'r');
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
}
