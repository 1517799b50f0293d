/**
 * Why custody ends (docs/domain.md, Custody), as plain values. This module imports nothing: the web bundles it
 * for the release form, and the release rule and the HTTP contract build on the same list.
 */

/** The release reasons, in docs/domain.md's order. A release closes the interval and stops billing. */
export const RELEASE_REASONS = [
  'sentence_served',
  'court_ordered_return',
  'repatriation',
  'transfer_other_facility',
  'pardon',
  'death',
  'released_in_error',
  'escape',
] as const;
/** Why custody ended. */
export type ReleaseReason = (typeof RELEASE_REASONS)[number];
