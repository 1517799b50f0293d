/**
 * Why a release date was calculated, and where a release stands (docs/domain.md, Release dates), as plain
 * values. This module imports nothing: the web bundles it for its words, and the model and the HTTP
 * contract build on the same lists.
 */

/** Why a calculation was made. */
export const CALCULATION_REASONS = [
  'initial',
  'sentence_changed',
  'credits_changed',
  'court_order',
  'override',
] as const;
/** Why a calculation was made. */
export type CalculationReason = (typeof CALCULATION_REASONS)[number];

/** Where a held person's release stands on a day: due, past it (an alarm), or past it on a court order. */
export const RELEASE_STATUSES = ['due', 'overdue', 'explained'] as const;
/** Where a held person's release stands. */
export type ReleaseStatus = (typeof RELEASE_STATUSES)[number];
