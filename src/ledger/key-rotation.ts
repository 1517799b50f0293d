import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppContext } from '../context.js';
import { DomainError } from '../core/errors.js';
import { event } from '../core/events.js';
import { withWriteTransaction } from '../db/database.js';
import { formatCheckpoint } from './checkpoint.js';
import type { Actor } from './events.js';
import { hasKeyFile, KEY_FILE, pendingKeyPath, verifierKeyOf } from './key.js';
import { KEY_STREAM, ledgerEvent } from './key-events.js';
import { treeHead } from './ledger.js';
import { formatSignerKey, generateSigner, parseSignerKey, signNote } from './note.js';
import { insertCheckpoint } from './store.js';
import { recordEvents } from './transact.js';

/** What a key rotation recorded. */
export interface KeyRotationResult {
  previous: string;
  next: string;
  /** The size of the checkpoint signed by both keys (the rotation is entry `size - 1`). */
  size: number;
  path: string;
}

/**
 * `custodia ledger key rotate`: an explicit, recorded change of the checkpoint key. In one transaction it
 * appends `ledger.key_rotated` naming the new verifier key and signs the checkpoint that includes it with
 * the old key (which vouches for the new one) and the new key; later checkpoints are signed by the new key
 * only. The new key is written beside the old as `ledger-signer.key.next` first and renamed over it after
 * the commit, so a crash leaves either the old key in force or a pending key the next start completes.
 */
export async function rotateSigningKey(ctx: AppContext, actor: Actor): Promise<KeyRotationResult> {
  const dataDir = ctx.config.dataDir;
  if (!hasKeyFile(dataDir)) {
    throw new DomainError('environment', 'ledger.no_key', { path: join(dataDir, KEY_FILE) });
  }
  const material = generateSigner(ctx.signer.name);
  const next = parseSignerKey(formatSignerKey(ctx.signer.name, material.seed));
  const pending = pendingKeyPath(dataDir);
  rmSync(pending, { force: true });
  writeFileSync(pending, `${formatSignerKey(ctx.signer.name, material.seed)}\n`, { mode: 0o600, flag: 'wx' });
  const previous = verifierKeyOf(ctx.signer);
  const nextKey = verifierKeyOf(next);
  let size: number;
  try {
    const now = ctx.clock.now();
    size = await withWriteTransaction(ctx.handle, async (tx) => {
      await recordEvents(
        ctx,
        tx,
        [event(ledgerEvent.keyRotated, KEY_STREAM, { verifierKey: nextKey, previousVerifierKey: previous })],
        actor,
        now,
      );
      const head = await treeHead(tx);
      const body = formatCheckpoint({ origin: ctx.signer.name, size: head.size, root: head.root });
      await insertCheckpoint(tx, {
        size: head.size,
        root: head.root,
        note: signNote(body, [ctx.signer, next]),
        signed_at: now,
      });
      return head.size;
    });
  } catch (error) {
    rmSync(pending, { force: true });
    throw error;
  }
  renameSync(pending, join(dataDir, KEY_FILE));
  ctx.signer = next;
  return { previous, next: nextKey, size, path: join(dataDir, KEY_FILE) };
}
