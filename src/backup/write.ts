import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { link, open, rename, rm } from 'node:fs/promises';
import { DomainError } from '../core/errors.js';
import { type BackupManifest, encodeHead, reasonOf } from './format.js';

/** Refuses to overwrite: a backup file name is given once. */
export function assertNewFile(path: string): void {
  if (existsSync(path)) throw new DomainError('invalid_input', 'backup.file_exists', { path });
}

/**
 * Writes a backup file: the header and manifest, then the data, checked against the manifest's length and
 * SHA-256 as it goes. It writes `FILE.<pid>.partial` (mode 0600: a backup holds personal data and password
 * hashes) and renames it only when complete, so an interrupted backup never leaves a file that looks whole.
 * Returns the bytes written.
 */
export async function writeBackupFile(
  path: string,
  manifest: BackupManifest,
  payload: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  onBytes: (bytes: number) => void = () => {},
): Promise<number> {
  assertNewFile(path);
  // The process id keeps a partial file a killed backup left from blocking the next one.
  const partial = `${path}.${process.pid}.partial`;
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(partial, 'wx', 0o600);
  } catch (error) {
    throw new DomainError('environment', 'cli.cannot_write', { path: partial, reason: reasonOf(error) });
  }
  const hash = createHash('sha256');
  let written = 0;
  let payloadBytes = 0;
  try {
    const head = encodeHead(manifest);
    await handle.write(head);
    written += head.length;
    for await (const chunk of payload) {
      hash.update(chunk);
      await handle.write(chunk);
      payloadBytes += chunk.length;
      written += chunk.length;
      onBytes(written);
    }
    if (payloadBytes !== manifest.payload.bytes || hash.digest('hex') !== manifest.payload.sha256) {
      throw new Error(
        `the data received (${payloadBytes} bytes) does not match the snapshot (${manifest.payload.bytes} bytes)`,
      );
    }
    await handle.sync();
    await handle.close();
    await publish(partial, path);
    return written;
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(partial, { force: true });
    if (error instanceof DomainError) throw error;
    throw new DomainError('environment', 'cli.cannot_write', { path, reason: reasonOf(error) });
  }
}

/**
 * Gives the complete file its name without overwriting one that appeared meanwhile: a hard link fails if
 * the name exists, where a rename would replace it. Where the file system has no hard links, a rename.
 */
async function publish(partial: string, path: string): Promise<void> {
  try {
    await link(partial, path);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'EEXIST')
      throw new DomainError('invalid_input', 'backup.file_exists', { path });
    assertNewFile(path);
    await rename(partial, path);
    return;
  }
  await rm(partial, { force: true });
}
