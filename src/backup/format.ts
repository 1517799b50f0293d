import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { z } from 'zod';
import { DomainError } from '../core/errors.js';

/**
 * A backup file: one header line, one manifest line (JSON), then the engine's own dump as it made it
 * (PGlite's data-directory tarball, or `pg_dump --format=custom`). The manifest comes first so a reader
 * learns what the file holds without reading the data, and it records the data's length and SHA-256 so a
 * truncated or damaged copy is refused before anything is restored.
 */
export const BACKUP_HEADER = 'CUSTODIA-BACKUP 1\n';

/** The header's words before the version: a file starting so is a backup, perhaps of another version. */
const HEADER_PREFIX = 'CUSTODIA-BACKUP ';

/** The longest manifest line read; a real one is a few kilobytes. */
const MAX_MANIFEST_BYTES = 1 << 20;

/** What a backup holds and what the ledger was at the moment of the snapshot. */
export const manifestSchema = z.object({
  engine: z.enum(['pglite', 'postgres']),
  /** How the data was dumped: a gzip tarball of PGlite's data directory, or pg_dump's custom format. */
  payload: z.object({
    format: z.enum(['pglite-datadir-tgz', 'pg_dump-custom']),
    bytes: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  custodiaVersion: z.string(),
  /** The newest database migration the snapshot had: a restore refuses one it does not know. */
  schema: z.string(),
  createdAt: z.string(),
  ledger: z.object({
    size: z.number().int().nonnegative(),
    /** The Merkle root at `size`, hex. */
    root: z.string().regex(/^[0-9a-f]{64}$/),
    /** The newest signed checkpoint in the snapshot (a C2SP signed note), if the ledger has one. */
    checkpoint: z.string().nullable(),
    /** The public key that verifies the checkpoints: `origin+keyid+key`. */
    verifierKey: z.string(),
  }),
  /** The checkpoint signing key, only when `--with-key` was given. */
  signerKey: z.string().nullable(),
});

export type BackupManifest = z.infer<typeof manifestSchema>;

/** The first bytes of a backup file: header and manifest line. */
export function encodeHead(manifest: BackupManifest): Buffer {
  return Buffer.from(`${BACKUP_HEADER}${JSON.stringify(manifest)}\n`, 'utf8');
}

/** An opened backup: its manifest and where its data starts. */
export interface OpenedBackup {
  manifest: BackupManifest;
  payloadOffset: number;
}

/**
 * Reads a backup's header and manifest and checks the data's length; `checkPayload` checks its hash.
 * Refuses, in the reader's language, a file that is not a backup, a manifest that does not parse, and a
 * truncated file.
 */
export function openBackup(path: string): OpenedBackup {
  let fd: number;
  let size: number;
  try {
    fd = openSync(path, 'r');
    size = statSync(path).size;
  } catch (error) {
    throw new DomainError('environment', 'cli.cannot_read_check_path', { path, reason: reasonOf(error) });
  }
  try {
    const head = Buffer.alloc(Math.min(size, BACKUP_HEADER.length + MAX_MANIFEST_BYTES));
    readSync(fd, head, 0, head.length, 0);
    if (!head.subarray(0, BACKUP_HEADER.length).equals(Buffer.from(BACKUP_HEADER))) {
      if (head.subarray(0, HEADER_PREFIX.length).equals(Buffer.from(HEADER_PREFIX))) {
        const line = head.subarray(HEADER_PREFIX.length, head.indexOf(0x0a)).toString('utf8');
        throw new DomainError('invalid_input', 'backup.unsupported_version', {
          path,
          version: line.slice(0, 20),
        });
      }
      throw new DomainError('invalid_input', 'backup.not_a_backup', { path });
    }
    const end = head.indexOf(0x0a, BACKUP_HEADER.length);
    if (end < 0) {
      throw new DomainError('invalid_input', 'backup.bad_manifest', {
        path,
        reason: 'the manifest line does not end (the file is truncated)',
      });
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(head.subarray(BACKUP_HEADER.length, end).toString('utf8'));
    } catch (error) {
      throw new DomainError('invalid_input', 'backup.bad_manifest', { path, reason: reasonOf(error) });
    }
    const result = manifestSchema.safeParse(parsed);
    if (!result.success) {
      const first = result.error.issues[0];
      throw new DomainError('invalid_input', 'backup.bad_manifest', {
        path,
        reason: first ? `${first.path.join('.') || 'manifest'}: ${first.message}` : 'invalid',
      });
    }
    const payloadOffset = end + 1;
    const actual = size - payloadOffset;
    if (actual !== result.data.payload.bytes) {
      throw new DomainError('invalid_input', 'backup.truncated', {
        path,
        expected: result.data.payload.bytes,
        actual,
      });
    }
    return { manifest: result.data, payloadOffset };
  } finally {
    closeSync(fd);
  }
}

/** Streams a backup's data, in chunks, reporting the bytes read so far. */
export async function* payloadChunks(
  path: string,
  opened: OpenedBackup,
  onBytes: (bytes: number) => void = () => {},
): AsyncGenerator<Buffer> {
  let read = 0;
  for await (const chunk of createReadStream(path, { start: opened.payloadOffset, highWaterMark: 1 << 20 })) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    read += buffer.length;
    onBytes(read);
    yield buffer;
  }
}

/** Reads the whole data and checks its SHA-256 against the manifest; refuses a damaged file. */
export async function readPayload(
  path: string,
  opened: OpenedBackup,
  onBytes?: (bytes: number) => void,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await checkPayload(path, opened, onBytes, (chunk) => chunks.push(chunk));
  return Buffer.concat(chunks);
}

/** Checks the data's SHA-256, handing each chunk to `keep` (by default, keeping nothing). */
export async function checkPayload(
  path: string,
  opened: OpenedBackup,
  onBytes?: (bytes: number) => void,
  keep: (chunk: Buffer) => void = () => {},
): Promise<void> {
  const hash = createHash('sha256');
  for await (const chunk of payloadChunks(path, opened, onBytes)) {
    hash.update(chunk);
    keep(chunk);
  }
  if (hash.digest('hex') !== opened.manifest.payload.sha256) {
    throw new DomainError('invalid_input', 'backup.damaged', { path });
  }
}

/** The error's code (ENOENT, EACCES) or message, for a one-line explanation. */
export function reasonOf(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.message : String(error);
}
