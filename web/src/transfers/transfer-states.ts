import { MANIFEST_STATUSES, TRANSFER_STATUSES, type TransferStatus } from '../../../src/transfers/states.ts';

/** The states of a transfer in docs/domain.md's order, which the board and the dashboard follow (the server's list). */
export const TRANSFER_STATES = TRANSFER_STATUSES;

/** True when `value` is a transfer state. */
export function isTransferState(value: string): value is TransferStatus {
  return (TRANSFER_STATES as readonly string[]).includes(value);
}

/** How a state's tag is coloured: moving, done, stopped by a court, or ended without a transfer. */
export function stateTone(status: TransferStatus): 'open' | 'done' | 'held' | 'ended' {
  if (status === 'received') return 'done';
  if (status === 'on_hold') return 'held';
  if (status === 'cancelled' || status === 'rejected' || status === 'returned') return 'ended';
  return 'open';
}

/** The states of a manifest in order (the server's list). */
export const MANIFEST_STATES = MANIFEST_STATUSES;
