/**
 * The states and actions of transfers and transport manifests (docs/domain.md, Transfers), as plain values.
 * This module imports nothing: the web bundles it for its filters, tags and lists, and the state machine
 * (model.ts, manifest.ts) and the HTTP contracts build on the same lists.
 */

/** Every state of a transfer, in the order of docs/domain.md's diagram. */
export const TRANSFER_STATUSES = [
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
  'ordered',
] as const;
/** A state of a transfer. */
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

/** Every action that moves a transfer; `depart` is boarding confirmed at departure. */
export const TRANSFER_ACTIONS = [
  'nominate',
  'screen',
  'approve',
  'accept',
  'reject',
  'schedule',
  'depart',
  'receive',
  'hold',
  'lift_hold',
  'cancel',
  'order_return',
] as const;
/** An action on a transfer. */
export type TransferAction = (typeof TRANSFER_ACTIONS)[number];

/**
 * The steps that start a transfer out of the receiving facility (decision 0023): `start_return` is recorded
 * with a court's `order_return`, `repatriate` at the end of a sentence. Neither is taken on an existing
 * transfer, so they are not in the transition table; the transfer they create is `ordered`.
 */
export const LEAVING_STARTS = ['start_return', 'repatriate'] as const;
/** A step that starts a return or repatriation transfer. */
export type LeavingStart = (typeof LEAVING_STARTS)[number];

/** Every step a transfer's timeline can show: an action of the table, or the start of a return or repatriation. */
export const TRANSFER_STEPS = [...TRANSFER_ACTIONS, ...LEAVING_STARTS] as const;
/** A step of a transfer's timeline. */
export type TransferStep = (typeof TRANSFER_STEPS)[number];

/** True for a step of the transition table (not the start of a return or repatriation). */
export function isTransferAction(step: string): step is TransferAction {
  return (TRANSFER_ACTIONS as readonly string[]).includes(step);
}

/**
 * Which way a transfer or a manifest moves people (docs/domain.md, Release dates, returns and repatriation):
 * `outbound` from the sending state into the receiving facility; `return` back to the sending state on a
 * court's order; `repatriation` at the end of a sentence to the person's country of nationality.
 */
export const DIRECTIONS = ['outbound', 'return', 'repatriation'] as const;
/** A direction of movement. */
export type Direction = (typeof DIRECTIONS)[number];

/** True for the directions that take people out of the receiving facility. */
export function isLeaving(direction: Direction): boolean {
  return direction !== 'outbound';
}

/** The manifest's states, in order. */
export const MANIFEST_STATUSES = ['open', 'departed', 'arrived', 'closed'] as const;
/** A state of a manifest. */
export type ManifestStatus = (typeof MANIFEST_STATUSES)[number];

/** The states of one transfer's entry on a manifest. */
export const ENTRY_STATUSES = ['added', 'boarded', 'received', 'handed_over', 'exception'] as const;
/** A state of a manifest entry. */
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

/** The explained exceptions that account for a person instead of intake. */
export const MANIFEST_EXCEPTIONS = [
  'missing_after_transport',
  'medical_diversion',
  'returned_before_departure',
] as const;
/** An exception kind. */
export type ManifestExceptionKind = (typeof MANIFEST_EXCEPTIONS)[number];
