import type { ManifestStatus, TransferStatus } from './api.ts';

/** The states of a transfer in DOMAIN.md's order, which the board and the dashboard follow. */
export const TRANSFER_STATES = [
  'nominated',
  'screened',
  'approved',
  'accepted',
  'scheduled',
  'in_transit',
  'received',
  'on_hold',
  'cancelled',
  'rejected',
  'returned',
] as const satisfies readonly TransferStatus[];

// The compiler refuses this line when the server adds a state the list above lacks.
const _everyState: [Exclude<TransferStatus, (typeof TRANSFER_STATES)[number]>] extends [never]
  ? true
  : never = true;
void _everyState;

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

/** The states of a manifest in order. */
export const MANIFEST_STATES = [
  'open',
  'departed',
  'arrived',
  'closed',
] as const satisfies readonly ManifestStatus[];
