import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../core/errors.js';
import {
  formatSignerKey,
  formatVerifierKey,
  generateSigner,
  keyIdHex,
  type NoteSigner,
  openNote,
  parseSignerKey,
  verifierFromPublicKey,
} from './note.js';

/** The file in the data directory that holds the installation's checkpoint signing key. */
export const KEY_FILE = 'ledger-signer.key';

/**
 * Loads the Ed25519 checkpoint key from the data directory, creating it on first run with mode 0600.
 * The key's name is the log's origin, so the origin is fixed when the key is made.
 */
export function loadOrCreateSigner(
  dataDir: string,
  origin: string,
): { signer: NoteSigner; created: boolean } {
  const path = join(dataDir, KEY_FILE);
  if (existsSync(path)) {
    const mode = statSync(path).mode & 0o777;
    if ((mode & 0o077) !== 0) {
      throw new DomainError('environment', 'ledger.key_exposed', { path, mode: mode.toString(8) });
    }
    try {
      return { signer: parseSignerKey(readFileSync(path, 'utf8').trim()), created: false };
    } catch (error) {
      throw new DomainError('environment', 'ledger.key_unreadable', {
        path,
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }
  mkdirSync(dataDir, { recursive: true });
  const material = generateSigner(origin);
  // wx: never overwrite a key another process created a moment ago.
  writeFileSync(path, `${formatSignerKey(origin, material.seed)}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  return { signer: parseSignerKey(readFileSync(path, 'utf8').trim()), created: true };
}

/** What the database already holds that a key must match: its size and its newest signed checkpoint. */
export interface LedgerState {
  size: number;
  latest: { size: number; note: string } | undefined;
}

/**
 * The installation's signer, checked against the ledger it will sign. A database that already holds
 * checkpoints is refused (exit 3, nothing done) when the key file is missing or is not the key that
 * signed its latest checkpoint: a new key would silently give the log a second identity. A key is created
 * only for an empty ledger, and never by a read-only command (`readOnly`), which gets a key that lives in
 * memory and signs nothing that is stored.
 */
export function openSigner(
  dataDir: string,
  origin: string,
  ledger: LedgerState,
  options: { readOnly?: boolean } = {},
): NoteSigner {
  const path = join(dataDir, KEY_FILE);
  finishRotation(dataDir, ledger);
  if (!existsSync(path)) {
    if (ledger.latest || ledger.size > 0) {
      throw new DomainError('environment', 'ledger.key_missing', {
        path,
        size: ledger.latest?.size ?? ledger.size,
      });
    }
    if (options.readOnly) return ephemeralSigner(origin);
    return loadOrCreateSigner(dataDir, origin).signer;
  }
  const { signer } = loadOrCreateSigner(dataDir, origin);
  if (ledger.latest && !signs(signer, ledger.latest.note)) {
    throw new DomainError('environment', 'ledger.key_mismatch', {
      path,
      size: ledger.latest.size,
      keyId: keyIdHex(signer.keyId),
    });
  }
  return signer;
}

/** Where `ledger key rotate` writes the new key until the rotation is committed. */
export function pendingKeyPath(dataDir: string): string {
  return join(dataDir, `${KEY_FILE}.next`);
}

/**
 * Completes a rotation a crash interrupted between its commit and the key file's rename: the pending key
 * signed the latest checkpoint, so it is the key in force. A pending key that signed nothing is left be.
 */
function finishRotation(dataDir: string, ledger: LedgerState): void {
  const pending = pendingKeyPath(dataDir);
  if (!ledger.latest || !existsSync(pending)) return;
  let next: NoteSigner;
  try {
    next = parseSignerKey(readFileSync(pending, 'utf8').trim());
  } catch {
    return;
  }
  if (signs(next, ledger.latest.note)) renameSync(pending, join(dataDir, KEY_FILE));
}

/** True when `note` carries a valid signature by `signer`'s key. */
export function signs(signer: Pick<NoteSigner, 'name' | 'publicKey'>, note: string): boolean {
  try {
    openNote(note, [verifierFromPublicKey(signer.name, signer.publicKey)]);
    return true;
  } catch {
    return false;
  }
}

/** True when the data directory holds a key file (read-only commands never create one). */
export function hasKeyFile(dataDir: string): boolean {
  return existsSync(join(dataDir, KEY_FILE));
}

/** A signer that lives only in memory, for tests and scratch databases. */
export function ephemeralSigner(origin: string): NoteSigner {
  const material = generateSigner(origin);
  return parseSignerKey(formatSignerKey(origin, material.seed));
}

/** The verifier key to publish: `origin+hex(keyid)+base64(0x01||pubkey)`. */
export function verifierKeyOf(signer: NoteSigner): string {
  return formatVerifierKey(signer.name, signer.publicKey);
}
