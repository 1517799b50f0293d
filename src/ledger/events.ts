/** A custody event as recorded: the envelope whose canonical JSON is the ledger leaf. */
export interface EventEnvelope<P = unknown> {
  seq: number;
  type: string;
  streamId: string;
  streamVersion: number;
  /** ISO 8601 instant in UTC with milliseconds, e.g. `2025-03-15T22:04:00.000Z`. */
  recordedAt: string;
  /** Who caused it: `user:<name>`, `system:<job>`, or `import:<file>` by a user. */
  actor: string;
  payload: P;
}

/** An event a decision produced, before the ledger gives it a place. */
export interface NewEvent<P = unknown> {
  type: string;
  streamId: string;
  payload: P;
  /** True when the decision just created this stream (a fresh id): it starts at version 1. */
  newStream?: boolean;
}

/** Who is acting, as recorded in every envelope. */
export interface Actor {
  /** Stable text recorded in the ledger, e.g. `user:ana.lopez`. */
  id: string;
  /** The role that authorised the action (`system` for internal jobs). */
  role: string;
  userId: string | null;
}

/** The actor for internal jobs: scenario loading, migrations of data. */
export function systemActor(job: string): Actor {
  return { id: `system:${job}`, role: 'system', userId: null };
}

type Tx = import('../db/database.js').Tx;

/**
 * Applies one event to the read tables. Live writes and replay call the same projector. A projector may
 * also offer `many`, which applies a run of events of its type at once (e.g. one multi-row INSERT); it must
 * have the same effect as applying them one by one.
 */
export interface Projector {
  (tx: Tx, event: EventEnvelope): Promise<void>;
  many?: (tx: Tx, events: readonly EventEnvelope[]) => Promise<void>;
}

/** Applies events in order, handing each run of same-type events to the projector's `many` when it has one. */
export async function projectEvents(
  projectors: Readonly<Record<string, Projector>>,
  tx: Tx,
  events: readonly EventEnvelope[],
): Promise<void> {
  for (let start = 0; start < events.length; ) {
    const type = events[start]!.type;
    let end = start + 1;
    while (end < events.length && events[end]!.type === type) end++;
    const projector = projectors[type];
    if (!projector) {
      throw new Error(
        `No projector handles event type ${type} (entry ${events[start]!.seq}); register it in src/projections.ts.`,
      );
    }
    if (projector.many && end - start > 1) await projector.many(tx, events.slice(start, end));
    else for (let i = start; i < end; i++) await projector(tx, events[i]!);
    start = end;
  }
}
