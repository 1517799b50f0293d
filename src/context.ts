import type { Config } from './config.js';
import type { Clock } from './core/clock.js';
import type { NewEvent } from './core/events.js';
import type { DatabaseHandle, Tx } from './db/database.js';
import type { ReadHandle } from './db/reads.js';
import type { NoteSigner } from './ledger/note.js';
import type { EventRegistry } from './ledger/registry.js';

/**
 * What every use case is handed. This module declares shapes only and imports no feature, so features
 * can depend on it without depending on each other; src/app.ts (the composition root) builds the values.
 */

/** Everything a use case needs: the database, the clock, the checkpoint key, ids, events and reactions. */
export interface AppContext {
  handle: DatabaseHandle;
  /**
   * The reads that may lag a moment: the locator, the people search, the public statistics, the compliance
   * report, the dashboard. A streaming replica with DATABASE_READ_URL, else the primary (`handle.db`).
   * Everything else, and anything that must see a write just made, reads `handle.db`.
   */
  reads: ReadHandle;
  clock: Clock;
  signer: NoteSigner;
  newId: () => string;
  /** Every event type's schema and projector: live writes and replay project through it. */
  events: EventRegistry;
  reactions: Reactions;
  config: Config;
  /**
   * Called after a write transaction that recorded events has committed: `custodia serve` submits the
   * new checkpoint to the witnesses in the background (src/ledger/witness-loop.ts). Never awaited.
   */
  afterCommit?: () => void;
}

/** Why a re-screening was made: the change of facts that caused it. */
export const RESCREEN_REASONS = [
  'record_revised',
  'notice_recorded',
  'consent_recorded',
  'identity_verified',
  'hold_recorded',
  'hold_lifted',
] as const;
export type RescreenReason = (typeof RESCREEN_REASONS)[number];

/**
 * What follows, in the same transaction, from a change recorded by one feature in another feature's
 * domain. Features call these through the context, so the people registry needs no knowledge of
 * transfers; the composition root supplies the implementations.
 */
export interface Reactions {
  /** People's records changed: re-screen their open transfers (docs/domain.md, Eligibility). */
  peopleRevised(
    ctx: Pick<AppContext, 'newId'>,
    tx: Tx,
    personIds: readonly string[],
    reason: RescreenReason,
    now: Date,
  ): Promise<NewEvent[]>;
  /** A person enters custody: their release date is calculated (docs/domain.md, Release dates). */
  custodyStarted(ctx: Pick<AppContext, 'newId'>, tx: Tx, personId: string, now: Date): Promise<NewEvent[]>;
}
