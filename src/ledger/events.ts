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

export type { NewEvent } from '../core/events.js';

/** Who is acting, as recorded in every envelope. */
export interface Actor {
  /** Stable text recorded in the ledger, e.g. `user:ana.lopez`. */
  id: string;
  /** The role that authorised the action (`system` for internal jobs). */
  role: string;
  userId: string | null;
  /** The parties the user acts for, for the access policy's scopes; never recorded. Absent for internal jobs. */
  parties?: import('../auth/policy.js').ActorParties;
}

/** The actor for internal jobs: scenario loading, migrations of data. */
export function systemActor(job: string): Actor {
  return { id: `system:${job}`, role: 'system', userId: null };
}

type Tx = import('../db/database.js').Tx;

/**
 * Applies one event of a type to the read tables, given its validated payload. Live writes and replay call
 * the same projector. A projector may also offer `many`, which applies a run of events of its type at once
 * (e.g. one multi-row INSERT); it must have the same effect as applying them one by one.
 */
export interface Projector<P = unknown> {
  (tx: Tx, event: EventEnvelope<P>): Promise<void>;
  many?: (tx: Tx, events: readonly EventEnvelope<P>[]) => Promise<void>;
}
