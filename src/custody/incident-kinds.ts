/**
 * The kinds and workflow of incidents (docs/domain.md, Custody), as plain values. This module imports nothing:
 * the web bundles it for its forms and filters, and the incident rules and the HTTP contract build on the
 * same lists.
 */

/** The incident kinds, in docs/domain.md's order. */
export const INCIDENT_KINDS = [
  'assault',
  'self_harm',
  'death_in_custody',
  'use_of_force',
  'escape',
  'release_in_error',
  'headcount_discrepancy',
  'food_refusal',
  'missing_after_transport',
] as const;
/** A kind of incident. */
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

/** The incident statuses, in workflow order. */
export const INCIDENT_STATUSES = ['open', 'under_review', 'closed', 'reopened'] as const;
/** A status of an incident. */
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** The workflow `open → under_review → closed | reopened`: which status each may move to. */
export const INCIDENT_TRANSITIONS: Readonly<Record<IncidentStatus, readonly IncidentStatus[]>> = {
  open: ['under_review'],
  under_review: ['closed'],
  closed: ['reopened'],
  reopened: ['under_review'],
};

/** The parties a death must be reported to, the rule that requires it and the hours allowed. */
export const DEATH_NOTIFICATIONS = {
  next_of_kin: { rule: 'Mandela Rule 69', dueHours: 24 },
  independent_authority: { rule: 'Mandela Rule 71', dueHours: 24 },
} as const;
/** A party a death is reported to. */
export type DeathParty = keyof typeof DEATH_NOTIFICATIONS;

/** The parties a death is reported to, in the order the incident page lists them. */
export const DEATH_PARTIES = [
  'next_of_kin',
  'independent_authority',
] as const satisfies readonly DeathParty[];

// The compiler refuses this line when a party is added to DEATH_NOTIFICATIONS and not to DEATH_PARTIES.
const _everyParty: [Exclude<DeathParty, (typeof DEATH_PARTIES)[number]>] extends [never] ? true : never =
  true;
void _everyParty;

/** The steps of an incident's history. */
export const INCIDENT_HISTORY_ACTIONS = [
  'reported',
  'status',
  'notified_next_of_kin',
  'notified_independent_authority',
] as const;
/** A step of an incident's history. */
export type IncidentHistoryAction = (typeof INCIDENT_HISTORY_ACTIONS)[number];

/**
 * The most any headcount can be: no place of custody holds a million people, so a larger number is a
 * typing error (`1e9`), never a count. The contract and the CLI refuse it before any facility is read.
 */
export const HEADCOUNT_MAX = 1_000_000;

/**
 * A facility's own bound on a headcount: twice the largest of its operational capacity, its bunks and
 * the people expected there. Overcrowding beyond the signed capacity is real and must be reportable, but
 * a count more than double what the facility could ever hold is a mistyped number, and recording it
 * would open a discrepancy incident that no one can close honestly.
 */
export function headcountLimit(
  capacity: { operationalCapacity: number; bunks: number },
  expected: number,
): number {
  return Math.min(HEADCOUNT_MAX, 2 * Math.max(capacity.operationalCapacity, capacity.bunks, expected));
}
