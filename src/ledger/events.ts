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

/** Applies one event to the read tables. Live writes and replay call the same projector. */
export type Projector = (tx: import('../db/database.js').Tx, event: EventEnvelope) => Promise<void>;
