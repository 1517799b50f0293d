import type { AppContext } from './context.js';
import type { Tx } from './db/database.js';
import type { NewEvent } from './ledger/events.js';
import { type RescreenReason, rescreenOpenTransfers } from './transfers/rescreen.js';

/**
 * What follows, in the same transaction, from a change recorded by one feature in another feature's
 * domain. Features call these through the context, so the people registry needs no knowledge of transfers.
 */
export interface Reactions {
  /** People's records changed: re-screen their open transfers (DOMAIN.md, Eligibility). */
  peopleRevised(
    ctx: Pick<AppContext, 'newId'>,
    tx: Tx,
    personIds: readonly string[],
    reason: RescreenReason,
    now: Date,
  ): Promise<NewEvent[]>;
}

export const reactions: Reactions = { peopleRevised: rescreenOpenTransfers };
