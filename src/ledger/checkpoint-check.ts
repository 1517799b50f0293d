import type { Lang } from '../core/i18n.js';
import { type MessageKey, translate } from '../core/messages/index.js';
import type { Db } from '../db/database.js';
import { parseCheckpoint } from './checkpoint.js';
import { bytesEqual } from './encoding.js';
import { installationVerifiers, keyRotations } from './key-events.js';
import { proveConsistency, treeHead } from './ledger.js';
import { emptyRoot, verifyConsistency } from './merkle.js';
import { type NoteSigner, type NoteVerifier, openNote } from './note.js';

/**
 * Is the log consistent with a checkpoint it signed earlier? A checkpoint someone kept (a court, a
 * monitor, a backup's label) commits the installation to a size and a root; a database restored from an
 * older copy, or rewritten, can no longer prove it.
 */

/** The verdict on one checkpoint, as `ledger verify --checkpoint` and the API report it. */
export type CheckpointVerdict =
  /** The log at the checkpoint's size has its root (same size: same root; smaller: the proof holds). */
  | { status: 'consistent'; size: number; ledgerSize: number }
  /** The checkpoint is larger than the log: entries it committed to are gone. */
  | { status: 'rolled_back'; size: number; ledgerSize: number }
  /**
   * The log at the checkpoint's size has another root: some entry below `size` differs. Which one needs
   * the other copy's leaves (`ledger export` of both, or test/independent/checker.py).
   */
  | { status: 'forked'; size: number; ledgerSize: number }
  /** The note is not a checkpoint signed by one of this installation's keys. */
  | { status: 'unsigned'; reason: string };

/**
 * Checks the log against a signed checkpoint note: its signature by one of `verifiers` (the keys the
 * installation has signed with), then same size → same root; smaller → an RFC 9162 consistency proof
 * from it to now; larger → rolled back. Reads only; signs nothing.
 */
export async function checkAgainstCheckpoint(
  db: Db,
  note: string,
  verifiers: readonly NoteVerifier[],
): Promise<CheckpointVerdict> {
  let size: number;
  let root: Uint8Array;
  try {
    const opened = openNote(note, verifiers);
    const body = parseCheckpoint(opened.body);
    const origins = new Set(verifiers.map((v) => v.name));
    if (!origins.has(body.origin)) {
      return { status: 'unsigned', reason: `its origin "${body.origin}" is not this log's` };
    }
    size = body.size;
    root = body.root;
  } catch (error) {
    return { status: 'unsigned', reason: error instanceof Error ? error.message : String(error) };
  }
  const head = await treeHead(db);
  if (size > head.size) return { status: 'rolled_back', size, ledgerSize: head.size };
  if (size === head.size) {
    return bytesEqual(root, head.root)
      ? { status: 'consistent', size, ledgerSize: head.size }
      : { status: 'forked', size, ledgerSize: head.size };
  }
  if (size === 0) {
    // The empty tree is a prefix of every tree; there is no proof to ask for (RFC 9162 §2.1.4).
    return bytesEqual(root, emptyRoot())
      ? { status: 'consistent', size, ledgerSize: head.size }
      : { status: 'forked', size, ledgerSize: head.size };
  }
  const proof = await proveConsistency(db, size, head.size);
  const consistent = verifyConsistency(size, head.size, proof.proof, root, head.root);
  return consistent
    ? { status: 'consistent', size, ledgerSize: head.size }
    : { status: 'forked', size, ledgerSize: head.size };
}

/** Checks the ledger against each given checkpoint note, with every key this installation has signed with. */
export async function checkGivenCheckpoints(
  db: Db,
  signer: Pick<NoteSigner, 'name' | 'publicKey'>,
  given: readonly { path: string; note: string }[],
): Promise<{ path: string; verdict: CheckpointVerdict }[]> {
  if (given.length === 0) return [];
  const verifiers = installationVerifiers(signer, await keyRotations(db));
  const out: { path: string; verdict: CheckpointVerdict }[] = [];
  for (const { path, note } of given)
    out.push({ path, verdict: await checkAgainstCheckpoint(db, note, verifiers) });
  return out;
}

/** The catalogue key of a verdict's message. */
export function checkpointVerdictKey(verdict: CheckpointVerdict): MessageKey {
  return VERDICT_KEYS[verdict.status];
}

const VERDICT_KEYS = {
  consistent: 'ledger.checkpoint_consistent',
  rolled_back: 'ledger.checkpoint_rolled_back',
  forked: 'ledger.checkpoint_forked',
  unsigned: 'ledger.checkpoint_unsigned',
} as const satisfies Record<CheckpointVerdict['status'], MessageKey>;

/** One line saying what a checkpoint check found about `file`, in the reader's language. */
export function verdictText(lang: Lang, file: string, verdict: CheckpointVerdict): string {
  switch (verdict.status) {
    case 'unsigned':
      return translate(lang, VERDICT_KEYS.unsigned, { file, reason: verdict.reason });
    default:
      return translate(lang, VERDICT_KEYS[verdict.status], {
        file,
        size: verdict.size,
        ledgerSize: verdict.ledgerSize,
      });
  }
}
