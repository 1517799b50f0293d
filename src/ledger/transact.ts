import { sql } from 'kysely';
import type { AppContext } from '../context.js';
import { type DatabaseHandle, type Tx, withWriteTransaction } from '../db/database.js';
import type { Actor, EventEnvelope, NewEvent } from './events.js';
import { appendEvents, forgetLedgerHead, keepLedgerHead, signCheckpoint } from './ledger.js';

/** What a use case's decision step returns: the events to record and the caller's result. */
export interface Decision<T> {
  events: NewEvent[];
  result: T;
  /** Operational writes that depend on the projected rows (e.g. a user's credentials), same transaction. */
  after?: (tx: Tx) => Promise<void>;
  /**
   * Events that follow from the recorded ones once they are projected (e.g. re-screening a person's open
   * transfers after the record changed), recorded in the same transaction.
   */
  followUp?: (tx: Tx) => Promise<NewEvent[]>;
}

/** What `transact` hands back once its write has committed. */
export interface Transacted<T> {
  result: T;
  events: EventEnvelope[];
}

/**
 * The most writes one transaction carries: bounds a batch's time and its rollback, and keeps its
 * savepoints (one subtransaction each) under the 64 PostgreSQL tracks per transaction before every
 * snapshot taken meanwhile must consult pg_subtrans.
 */
export const MAX_BATCH = 32;

/** One write waiting for a batch: it runs inside the batch's transaction and settles after the commit. */
interface PendingWrite {
  ctx: AppContext;
  now: Date;
  /** Runs the write in the batch's transaction and returns how many events it recorded. */
  run: (tx: Tx) => Promise<number>;
  /** Resolves the caller's promise with what `run` made; called only after the commit. */
  resolve: () => void;
  reject: (error: unknown) => void;
}

interface WriteQueue {
  waiting: PendingWrite[];
  running: boolean;
}

/** One queue per open database: concurrent writers on one handle share transactions (group commit). */
const queues = new WeakMap<DatabaseHandle, WriteQueue>();

/**
 * The write path: in one transaction, load state and decide (`work`), append the events to the ledger,
 * project each into the read tables, and sign a checkpoint. Either all of it commits or none of it.
 *
 * Concurrent calls on one database are committed together (group commit, decision 0035): whatever waits
 * when the write lock is free runs in one transaction, each write in its own savepoint, in the order
 * called, each seeing the writes before it, as if run one after the other. A write that fails is rolled
 * back to its savepoint and rejected with its own error; the others go on. The batch signs one checkpoint
 * and commits once, and only then does any of its writes resolve: nothing is acknowledged before it is
 * durable. If the commit fails, every write of the batch is rejected.
 */
export function transact<T>(
  ctx: AppContext,
  actor: Actor,
  work: (tx: Tx, now: Date) => Promise<Decision<T>>,
): Promise<Transacted<T>> {
  // The time is taken when the request asks, not when its batch runs, as it was before batching.
  const now = ctx.clock.now();
  return new Promise<Transacted<T>>((resolve, reject) => {
    let done: Transacted<T> | undefined;
    const run = async (tx: Tx): Promise<number> => {
      done = undefined;
      const { events, result, after, followUp } = await work(tx, now);
      const recorded = await recordEvents(ctx, tx, events, actor, now);
      if (followUp) recorded.push(...(await recordEvents(ctx, tx, await followUp(tx), actor, now)));
      if (after) await after(tx);
      done = { result, events: recorded };
      return recorded.length;
    };
    const settle = () => (done ? resolve(done) : reject(new Error('a write settled before it ran')));
    const queue = queueOf(ctx.handle);
    queue.waiting.push({ ctx, now, run, resolve: settle, reject });
    if (!queue.running) void drain(ctx.handle, queue);
  });
}

function queueOf(handle: DatabaseHandle): WriteQueue {
  let queue = queues.get(handle);
  if (!queue) {
    queue = { waiting: [], running: false };
    queues.set(handle, queue);
  }
  return queue;
}

/** Commits batches until nothing waits. One drain runs per database at a time. */
async function drain(handle: DatabaseHandle, queue: WriteQueue): Promise<void> {
  queue.running = true;
  try {
    while (queue.waiting.length > 0) await commitBatch(handle, queue);
  } finally {
    queue.running = false;
  }
}

type Outcome = { ok: true; recorded: number } | { ok: false; error: unknown };

/**
 * Runs one batch in one write transaction. The batch is taken once the transaction holds the write lock,
 * so every write that queued while the previous batch committed joins this one.
 */
async function commitBatch(handle: DatabaseHandle, queue: WriteQueue): Promise<void> {
  let batch: PendingWrite[] = [];
  let outcomes: Outcome[];
  try {
    outcomes = await withWriteTransaction(handle, async (tx) => {
      batch = takeBatch(queue);
      const results = await runBatch(tx, batch);
      const recorded = results.some((r) => r.ok && r.recorded > 0);
      const first = batch[0];
      if (recorded && first) {
        const latest = new Date(Math.max(...batch.map((w) => w.now.getTime())));
        await signCheckpoint(tx, first.ctx.signer, latest);
      }
      return results;
    });
  } catch (error) {
    // The transaction rolled back (a lone write's own failure, or the commit): nothing of it is stored.
    // If it failed before taking its batch (the database unreachable), the writes waiting fail with it
    // rather than retrying without end.
    if (batch.length === 0) batch = takeBatch(queue);
    for (const write of batch) write.reject(error);
    return;
  }
  for (const [i, write] of batch.entries()) {
    const outcome = outcomes[i];
    if (outcome?.ok) write.resolve();
    else write.reject(outcome?.error);
  }
  // After the commit, never inside it: witnesses are asked about a checkpoint that exists.
  if (outcomes.some((o) => o.ok && o.recorded > 0)) {
    for (const notify of new Set(batch.map((w) => w.ctx.afterCommit))) notify?.();
  }
}

/** The writes waiting, oldest first, up to the bound, that sign with the same key (one checkpoint). */
function takeBatch(queue: WriteQueue): PendingWrite[] {
  const signer = queue.waiting[0]?.ctx.signer;
  const batch: PendingWrite[] = [];
  const rest: PendingWrite[] = [];
  for (const write of queue.waiting) {
    if (batch.length < MAX_BATCH && write.ctx.signer === signer) batch.push(write);
    else rest.push(write);
  }
  queue.waiting = rest;
  return batch;
}

/**
 * Runs each write in turn. A lone write runs bare, exactly as before batching: its failure rolls back
 * the transaction. Several run in savepoints, so one failing (a refusal, a conflict, a unique violation,
 * which on PostgreSQL aborts the transaction until the rollback to the savepoint) undoes only its own
 * writes.
 */
async function runBatch(tx: Tx, batch: readonly PendingWrite[]): Promise<Outcome[]> {
  if (batch.length === 1) return [{ ok: true, recorded: await batch[0]!.run(tx) }];
  keepLedgerHead(tx);
  const outcomes: Outcome[] = [];
  for (const write of batch) {
    // Savepoints of one name nest; a rollback goes to the newest. Not releasing them saves a round trip
    // per write and changes nothing else: a released savepoint's subtransaction stays in the transaction.
    await sql`savepoint custodia_write`.execute(tx);
    try {
      outcomes.push({ ok: true, recorded: await write.run(tx) });
    } catch (error) {
      // If the rollback itself fails, the transaction is lost: it throws, and the whole batch is rejected.
      await sql`rollback to savepoint custodia_write`.execute(tx);
      forgetLedgerHead(tx);
      outcomes.push({ ok: false, error });
    }
  }
  return outcomes;
}

/**
 * Appends events, validates their payloads and projects them, inside a transaction the caller holds. Long jobs (import) call it
 * once per batch within one transaction, then sign a checkpoint with `signCheckpoint` before commit.
 */
export async function recordEvents(
  ctx: Pick<AppContext, 'events'>,
  tx: Tx,
  events: readonly NewEvent[],
  actor: Actor,
  now: Date,
): Promise<EventEnvelope[]> {
  const recorded = await appendEvents(tx, events, actor, now);
  await ctx.events.project(tx, recorded);
  return recorded;
}
