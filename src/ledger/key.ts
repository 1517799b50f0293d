import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../core/errors.js';
import {
  formatSignerKey,
  formatVerifierKey,
  generateSigner,
  type NoteSigner,
  parseSignerKey,
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

/** A signer that lives only in memory, for tests and scratch databases. */
export function ephemeralSigner(origin: string): NoteSigner {
  const material = generateSigner(origin);
  return parseSignerKey(formatSignerKey(origin, material.seed));
}

/** The verifier key to publish: `origin+hex(keyid)+base64(0x01||pubkey)`. */
export function verifierKeyOf(signer: NoteSigner): string {
  return formatVerifierKey(signer.name, signer.publicKey);
}
