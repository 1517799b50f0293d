import type { Wire } from '../../../src/core/contract.ts';
import {
  type FacilityVisits as FacilityVisitsOut,
  NOT_HELD_REASONS,
  type PersonVisits as PersonVisitsOut,
  REFUSAL_REASONS,
  VISIT_KINDS,
  type VisitCancelInput,
  type VisitOutcomeInput,
  type VisitRefuseInput,
  type VisitRequestInput,
  type VisitScheduleInput,
} from '../../../src/visits/contract.ts';
import { send } from '../api.ts';

/**
 * The API calls of legal visits, typed from the server's contract (src/visits/contract.ts) in their wire
 * form, with its value lists.
 */

export { NOT_HELD_REASONS, REFUSAL_REASONS, VISIT_KINDS };

/** `GET /api/v1/facilities/{id}/legal-visits`. */
export type FacilityVisits = Wire<FacilityVisitsOut>;
/** `GET /api/v1/people/{id}/legal-visits`. */
export type PersonVisits = Wire<PersonVisitsOut>;
/** One legal visit. */
export type LegalVisit = FacilityVisits['visits'][number];
/** How counsel meet their client. */
export type VisitKind = (typeof VISIT_KINDS)[number];
/** Why receiving custody refuses a request. */
export type RefusalReason = (typeof REFUSAL_REASONS)[number];
/** Why a scheduled visit was not held. */
export type NotHeldReason = (typeof NOT_HELD_REASONS)[number];

/** True when `value` is one of `values` (a select's value read back as its type). */
export function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

/** The path of a facility's legal visits. */
export function facilityVisitsPath(facility: string): string {
  return `/api/v1/facilities/${encodeURIComponent(facility)}/legal-visits`;
}

/** The path of a person's legal visits. */
export function personVisitsPath(personId: string): string {
  return `/api/v1/people/${encodeURIComponent(personId)}/legal-visits`;
}

/** Counsel request a visit with their client. */
export function requestVisit(personId: string, input: VisitRequestInput): Promise<LegalVisit> {
  return send('POST', personVisitsPath(personId), input);
}

const stepPath = (id: string, step: string) => `/api/v1/legal-visits/${encodeURIComponent(id)}/${step}`;

/** Receiving custody schedule a requested visit. */
export function scheduleVisit(id: string, input: VisitScheduleInput): Promise<LegalVisit> {
  return send('POST', stepPath(id, 'schedule'), input);
}

/** Receiving custody refuse a requested visit. */
export function refuseVisit(id: string, input: VisitRefuseInput): Promise<LegalVisit> {
  return send('POST', stepPath(id, 'refuse'), input);
}

/** Receiving custody record a scheduled visit held or not held. */
export function recordVisitOutcome(id: string, input: VisitOutcomeInput): Promise<LegalVisit> {
  return send('POST', stepPath(id, 'outcome'), input);
}

/** Counsel cancel a visit. */
export function cancelVisit(id: string, input: VisitCancelInput): Promise<LegalVisit> {
  return send('POST', stepPath(id, 'cancel'), input);
}
