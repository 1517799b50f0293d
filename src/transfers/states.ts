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

/** The manifest's states, in order. */
export const MANIFEST_STATUSES = ['open', 'departed', 'arrived', 'closed'] as const;
/** A state of a manifest. */
export type ManifestStatus = (typeof MANIFEST_STATUSES)[number];

/** The states of one transfer's entry on a manifest. */
export const ENTRY_STATUSES = ['added', 'boarded', 'received', 'exception'] as const;
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
