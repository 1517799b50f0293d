import type { AppContext } from '../context.js';
import { type Tx, withWriteTransaction } from '../db/database.js';
import type { Actor, EventEnvelope, NewEvent } from './events.js';
import { appendEvents, signCheckpoint } from './ledger.js';

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

/**
 * The write path: in one transaction, load state and decide (`work`), append the events to the ledger,
 * project each into the read tables, and sign a checkpoint. Either all of it commits or none of it.
 */
export async function transact<T>(
  ctx: AppContext,
  actor: Actor,
  work: (tx: Tx, now: Date) => Promise<Decision<T>>,
): Promise<{ result: T; events: EventEnvelope[] }> {
  const now = ctx.clock.now();
  const done = await withWriteTransaction(ctx.handle, async (tx) => {
    const { events, result, after, followUp } = await work(tx, now);
    const recorded = await recordEvents(ctx, tx, events, actor, now);
    if (followUp) recorded.push(...(await recordEvents(ctx, tx, await followUp(tx), actor, now)));
    if (after) await after(tx);
    if (recorded.length > 0) await signCheckpoint(tx, ctx.signer, now);
    return { result, events: recorded };
  });
  // After the commit, never inside it: witnesses are asked about a checkpoint that exists.
  if (done.events.length > 0) ctx.afterCommit?.();
  return done;
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
