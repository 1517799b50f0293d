import type { Wire } from '../../../src/core/contract.ts';
import type {
  Calculation as CalculationOut,
  ExplanationInput,
  OverrideInput,
  PersonReleaseDate as PersonReleaseDateOut,
  ReleasesDue as ReleasesDueOut,
} from '../../../src/releases/contract.ts';
import {
  CALCULATION_REASONS,
  type CalculationReason,
  RELEASE_STATUSES,
  type ReleaseStatus,
} from '../../../src/releases/reasons.ts';
import { send } from '../api.ts';

/**
 * The API calls of release dates and the releases-due worklist, typed from the server's contract
 * (src/releases/contract.ts) in their wire form, with its value lists.
 */

export { CALCULATION_REASONS, type CalculationReason, RELEASE_STATUSES, type ReleaseStatus };

/** `GET /api/v1/people/{id}/release-date`. */
export type PersonReleaseDate = Wire<PersonReleaseDateOut>;
/** One calculation: inputs, result, breakdown, why, who, when. */
export type Calculation = Wire<CalculationOut>;
/** A release result: a date, life, or none. */
export type ReleaseResult = Calculation['result'];
/** `GET /api/v1/releases/due`. */
export type ReleasesDue = Wire<ReleasesDueOut>;
/** One person on the worklist. */
export type ReleaseRow = ReleasesDue['items'][number];

/** The path of a person's release date. */
export function releaseDatePath(personId: string): string {
  return `/api/v1/people/${encodeURIComponent(personId)}/release-date`;
}

/** The path of the releases due at a facility in the next `days` days. */
export function releasesDuePath(facility: string, days = 90): string {
  return `/api/v1/releases/due?${new URLSearchParams({ facility, days: String(days) })}`;
}

/** Overrides a person's release date by hand, with a reason and the court order if any (court, sending legal). */
export function overrideReleaseDate(personId: string, input: OverrideInput): Promise<PersonReleaseDate> {
  return send('POST', `${releaseDatePath(personId)}/override`, input);
}

/** Records a court order explaining why a person is held past their release date (court, sending legal). */
export function explainDetention(
  personId: string,
  input: ExplanationInput,
): Promise<{ explanationId: string }> {
  return send('POST', `/api/v1/people/${encodeURIComponent(personId)}/detention-explanations`, input);
}
