import type { AppContext } from '../context.js';
import { DomainError } from '../core/errors.js';
import { type Tx, withWriteTransaction } from '../db/database.js';
import type { Actor, EventEnvelope, NewEvent } from './events.js';
import { appendEvents, signCheckpoint } from './ledger.js';

/** What a use case's decision step returns: the events to record and the caller's result. */
export interface Decision<T> {
  events: NewEvent[];
  result: T;
  /** Operational writes that depend on the projected rows (e.g. a user's credentials), same transaction. */
  after?: (tx: Tx) => Promise<void>;
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
  return withWriteTransaction(ctx.handle, async (tx) => {
    const { events, result, after } = await work(tx, now);
    const recorded = await recordEvents(ctx, tx, events, actor, now);
    if (after) await after(tx);
    if (recorded.length > 0) await signCheckpoint(tx, ctx.signer, now);
    return { result, events: recorded };
  });
}

/**
 * Appends events and projects them, inside a transaction the caller holds. Long jobs (import) call it
 * once per batch within one transaction, then sign a checkpoint with `signCheckpoint` before commit.
 */
export async function recordEvents(
  ctx: Pick<AppContext, 'projectors'>,
  tx: Tx,
  events: readonly NewEvent[],
  actor: Actor,
  now: Date,
): Promise<EventEnvelope[]> {
  const recorded = await appendEvents(tx, events, actor, now);
  for (const event of recorded) await project(ctx, tx, event);
  return recorded;
}

/** Applies one recorded event through its projector; an event without one is a programming error. */
export async function project(
  ctx: Pick<AppContext, 'projectors'>,
  tx: Tx,
  event: EventEnvelope,
): Promise<void> {
  const projector = ctx.projectors[event.type];
  if (!projector) {
    throw new DomainError(
      'internal',
      `No projector handles event type ${event.type}; register it in src/projections.ts.`,
    );
  }
  await projector(tx, event);
}
