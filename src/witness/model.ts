/**
 * The witness's rule (C2SP tlog-witness, "add-checkpoint"), pure: given the newest checkpoint this witness
 * cosigned for a log and a submission whose signature already checked, cosign or refuse. A witness that
 * follows this never cosigns two checkpoints of one log that are inconsistent with each other: each
 * cosignature extends the last by a verified RFC 6962 consistency proof, and its record moves only forward.
 */

import { bytesEqual } from '../ledger/encoding.js';
import { emptyRoot, verifyConsistency } from '../ledger/merkle.js';

/** A tree head: a size and its root hash. */
export interface TreeHead {
  readonly size: number;
  readonly root: Uint8Array;
}

/** A submission: the size the log believes the witness knows, the proof from it, and the new head. */
export interface Submission {
  readonly oldSize: number;
  readonly proof: readonly Uint8Array[];
  readonly checkpoint: TreeHead;
}

/** The witness's answer: cosign (200), or refuse with the spec's status. */
export type WitnessDecision =
  | { kind: 'cosign' }
  /** 400: the old size is larger than the checkpoint's. */
  | { kind: 'bad_request'; reason: 'old_size_larger' }
  /** 409: the old size is not the size this witness last cosigned; the answer carries that size. */
  | { kind: 'conflict'; size: number }
  /** 422: the proof does not verify, or the roots differ at the same size, or an empty tree has a root. */
  | { kind: 'unprocessable'; reason: 'empty_tree_root' | 'proof_not_empty' | 'root_mismatch' | 'bad_proof' };

/**
 * Decides a submission against `latest`, the newest head this witness cosigned for the log (undefined
 * when it never cosigned one: the first checkpoint is trusted on first use).
 */
export function decide(latest: TreeHead | undefined, submission: Submission): WitnessDecision {
  const { oldSize, proof, checkpoint } = submission;
  if (oldSize > checkpoint.size) return { kind: 'bad_request', reason: 'old_size_larger' };
  const known = latest?.size ?? 0;
  if (oldSize !== known) return { kind: 'conflict', size: known };
  if (checkpoint.size === 0 && !bytesEqual(checkpoint.root, emptyRoot())) {
    return { kind: 'unprocessable', reason: 'empty_tree_root' };
  }
  if (oldSize === 0 || !latest) {
    return proof.length === 0 ? { kind: 'cosign' } : { kind: 'unprocessable', reason: 'proof_not_empty' };
  }
  const previous = latest;
  if (oldSize === checkpoint.size) {
    if (!bytesEqual(previous.root, checkpoint.root))
      return { kind: 'unprocessable', reason: 'root_mismatch' };
    return proof.length === 0 ? { kind: 'cosign' } : { kind: 'unprocessable', reason: 'proof_not_empty' };
  }
  return verifyConsistency(oldSize, checkpoint.size, proof, previous.root, checkpoint.root)
    ? { kind: 'cosign' }
    : { kind: 'unprocessable', reason: 'bad_proof' };
}
