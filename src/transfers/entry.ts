import type { AppContext } from '../context.js';
import { DomainError } from '../core/errors.js';
import type { NewEvent } from '../ledger/events.js';
import type { TransferEvent, TransferState } from './model.js';
import { loadTransfer } from './store.js';

/** The ledger event for a transfer event; the event that creates a transfer opens its stream. */
export function transferEntry(event: TransferEvent): NewEvent {
  return {
    type: event.type,
    streamId: `transfer:${event.transferId}`,
    payload: event,
    ...(event.from === null ? { newStream: true } : {}),
  };
}

/** A transfer's state right after it was recorded. */
export async function readBack(ctx: AppContext, transferId: string): Promise<TransferState> {
  const state = await loadTransfer(ctx.handle.db, transferId);
  if (!state) throw new DomainError('internal', 'transfer.read_back_failed', { transferId });
  return state;
}
