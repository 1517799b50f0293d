/**
 * Proofs by person (decision 0031): every ledger entry about a person the reader may see, each with its
 * RFC 9162 inclusion proof against the newest checkpoint the witness policy counts as witnessed (or, when
 * none is yet, the newest signed one, marked as not witnessed). The entries show their index, type, time
 * and leaf hash only: a leaf can hold what a reader may not see (counsel never see the cell), so it is not
 * served here; whoever holds the leaf hashes it and compares.
 */

import type { PolicyActor } from '../auth/policy.js';
import type { AppContext } from '../context.js';
import { DomainError, notFound } from '../core/errors.js';
import { authorizePerson } from '../parties/scope.js';
import { toHex } from './encoding.js';
import { proveInclusions } from './ledger.js';
import { personEntries } from './person-index.js';
import { type CheckpointRow, latestCheckpoint } from './store.js';
import { newestWitnessedSize } from './witness-store.js';
import { cosignedCheckpointNote } from './witnessing.js';

/** One entry about the person, with its inclusion proof (null when the checkpoint does not cover it). */
export interface PersonProofEntry {
  index: number;
  type: string;
  recordedAt: string;
  leafHash: string;
  proof: string[] | null;
}

/** The checkpoint the proofs are against. */
export interface ProofCheckpoint {
  size: number;
  rootHex: string;
  /** True when at least `quorum` configured witnesses cosigned this size. */
  witnessed: boolean;
  quorum: number;
  /** The C2SP signed note with the installation's signature and every stored cosignature. */
  note: string;
}

/** A person's ledger entries and the proofs that they are in the log. */
export interface PersonProofs {
  personId: string;
  checkpoint: ProofCheckpoint;
  /** The ledger's size now: entries at or beyond `checkpoint.size` wait for the next witnessed checkpoint. */
  ledgerSize: number;
  entries: PersonProofEntry[];
}

async function checkpointOfSize(ctx: AppContext, size: number): Promise<CheckpointRow | undefined> {
  return ctx.handle.db
    .selectFrom('ledger_checkpoints')
    .selectAll()
    .where('size', '=', size)
    .executeTakeFirst();
}

/** The newest witnessed checkpoint, else the newest signed one (not witnessed). */
export async function proofCheckpoint(ctx: AppContext): Promise<{ row: CheckpointRow; witnessed: boolean }> {
  const db = ctx.handle.db;
  const quorum = ctx.config.witnessQuorum ?? 1;
  const witnessedSize = await newestWitnessedSize(db, quorum);
  const witnessed = witnessedSize === null ? undefined : await checkpointOfSize(ctx, witnessedSize);
  if (witnessed) return { row: witnessed, witnessed: true };
  const latest = await latestCheckpoint(db);
  if (!latest) throw new DomainError('not_found', 'ledger.no_checkpoint', {});
  return { row: latest, witnessed: false };
}

/**
 * The entries about `personId` with their proofs, for `actor`: a person out of the reader's scope (counsel:
 * their clients; monitors: records no court sealed) answers "not found", exactly as a person who does not
 * exist.
 */
export async function personProofs(
  ctx: AppContext,
  actor: PolicyActor,
  personId: string,
): Promise<PersonProofs> {
  await authorizePerson(ctx, actor, 'ledger:person_proofs', personId);
  const db = ctx.handle.db;
  // A grant of scope `all` asks nothing of the database: a person who does not exist is still not found.
  const person = await db.selectFrom('people').select('id').where('id', '=', personId).executeTakeFirst();
  if (!person) throw notFound('person', personId);
  const { row, witnessed } = await proofCheckpoint(ctx);
  const found = await personEntries(db, personId);
  const latest = await latestCheckpoint(db);
  // Every covered entry's proof from one read of the nodes they need (the node cache, then one query).
  const covered = found.filter((e) => e.seq < row.size).map((e) => e.seq);
  const proofs = new Map(
    (await proveInclusions(db, covered, row.size)).map((p) => [p.index, p.proof.map(toHex)]),
  );
  const entries: PersonProofEntry[] = found.map((e) => ({
    index: e.seq,
    type: e.type,
    recordedAt: e.recordedAt.toISOString(),
    leafHash: toHex(e.leafHash),
    proof: proofs.get(e.seq) ?? null,
  }));
  return {
    personId,
    checkpoint: {
      size: row.size,
      rootHex: toHex(row.root),
      witnessed,
      quorum: ctx.config.witnessQuorum ?? 1,
      note: await cosignedCheckpointNote(db, row),
    },
    ledgerSize: latest?.size ?? row.size,
    entries,
  };
}
