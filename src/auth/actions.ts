import type { POLICY_ACTION_WORDS } from '../core/messages/auth.js';

/**
 * Every action the access policy knows (policy.ts grants them): the route-level actions routes declare as
 * `config.access`, and the single steps services and decisions check. Pure values, no access decided here.
 */

/** The route-level actions: what routes declare as `config.access`. */
export const ROUTE_ACTIONS = [
  'agreements:read',
  'agreements:write',
  'facilities:read',
  'facilities:write',
  'people:read',
  'people:write',
  'people:import',
  'screenings:record',
  'transfers:read',
  // Manifests: read with the people the reader may read; a reader scoped to clients or courts has none.
  'manifests:read',
  'transfers:act',
  'holds:record',
  'housing:allocate',
  'custody:record',
  'users:read',
  'users:manage',
  'parties:read',
  'parties:manage',
  'ledger:read',
  // Proofs by person, and the tlog-tiles entry bundles (decision 0031).
  'ledger:person_proofs',
  'ledger:entries',
  'dashboard:read',
  'billing:read',
  'billing:write',
  'locator_lookups:read',
  'statistics:publish',
  'family:read',
  // Legal visits (visits/, decision 0028).
  'legal_visits:read',
  'legal_visits:request',
  'legal_visits:manage',
  // Video-link hearings (hearings/, decision 0029).
  'hearings:read',
  'hearings:write',
  'rooms:manage',
] as const;

/** Legal visits (visits/): counsel request and cancel, receiving custody schedules, refuses, records the outcome. */
export const LEGAL_VISIT_ACTS = [
  'legal_visit:request',
  'legal_visit:cancel',
  'legal_visit:schedule',
  'legal_visit:refuse',
  'legal_visit:record_outcome',
] as const;

/** Video-link hearings (hearings/): a court books, amends, cancels its hearings and records their outcome. */
export const HEARING_ACTS = ['hearing:book', 'hearing:amend', 'hearing:cancel', 'hearing:outcome'] as const;

/** Representation records (parties/): recorded by sending legal or a court, filed by counsel, confirmed. */
export const REPRESENTATION_ACTS = [
  'representation:record',
  'representation:file',
  'representation:confirm',
] as const;

/** The receiving custody's records (custody/). */
export const CUSTODY_RECORDS = [
  'release:record',
  'notification:record',
  'regime_log:record',
  'incident:report',
  'incident:change_status',
  'death_notice:record',
  'headcount:record',
  'isolation:record',
  'consular:record',
] as const;

/** Release dates (releases/): an override with a reason, and a court order explaining detention. */
export const RELEASE_DATE_ACTS = ['release_date:override', 'detention_explanation:record'] as const;

/**
 * Every action the policy knows, by subject. The route-level actions (plural subjects) are what routes
 * declare as `config.access`; the others are the single steps services and decisions check.
 */
export const ACTIONS = [
  ...ROUTE_ACTIONS,
  // The transfer state machine: one action per transition (transfers/model.ts, TRANSITIONS).
  'transfer:nominate',
  'transfer:screen',
  'transfer:approve',
  'transfer:accept',
  'transfer:reject',
  'transfer:schedule',
  'transfer:depart',
  'transfer:receive',
  'transfer:hold',
  'transfer:lift_hold',
  'transfer:cancel',
  'transfer:order_return',
  'transfer:repatriate',
  // The transport manifest's decisions (transfers/manifest.ts).
  'manifest:create',
  'manifest:add',
  'manifest:remove',
  'manifest:board',
  'manifest:depart',
  'manifest:arrive',
  'manifest:receive',
  'manifest:returned_before_departure',
  'manifest:medical_diversion',
  'manifest:missing_after_transport',
  'manifest:close',
  // The decisions on a manifest out of the receiving facility: a court-ordered return, a repatriation.
  'return_manifest:create',
  'return_manifest:add',
  'return_manifest:remove',
  'return_manifest:board',
  'return_manifest:depart',
  'return_manifest:arrive',
  'return_manifest:hand_over',
  'return_manifest:returned_before_departure',
  'return_manifest:medical_diversion',
  'return_manifest:missing_after_transport',
  'return_manifest:close',
  'repatriation_manifest:create',
  'repatriation_manifest:add',
  'repatriation_manifest:remove',
  'repatriation_manifest:board',
  'repatriation_manifest:depart',
  'repatriation_manifest:arrive',
  'repatriation_manifest:hand_over',
  'repatriation_manifest:returned_before_departure',
  'repatriation_manifest:medical_diversion',
  'repatriation_manifest:missing_after_transport',
  'repatriation_manifest:close',
  // The facts the sending state's law turns on (transfers/facts.ts), and legal holds (transfers/holds.ts).
  'notice:record',
  'consent:record',
  'identity:verify',
  'legal_hold:record',
  'legal_hold:lift',
  // Where a person is housed: the cell, which counsel never see (docs/domain.md, Parties, users and access).
  'housing:read',
  // Representation (parties/): who a law office represents.
  ...REPRESENTATION_ACTS,
  // A court's order sealing a person's record (parties/): hidden from monitors and the locator.
  'person:seal',
  ...CUSTODY_RECORDS,
  ...RELEASE_DATE_ACTS,
  ...LEGAL_VISIT_ACTS,
  ...HEARING_ACTS,
] as const;

/** An action the policy grants or refuses. */
export type Action = (typeof ACTIONS)[number];

// Every action has the words its refusal says (core/messages/auth.ts): a missing one fails to compile.
type MissingWords = Exclude<Action, keyof typeof POLICY_ACTION_WORDS>;
const everyActionHasWords: [MissingWords] extends [never] ? true : MissingWords = true;
void everyActionHasWords;

/** True when `value` names an action of the policy. */
export function isAction(value: string): value is Action {
  return (ACTIONS as readonly string[]).includes(value);
}
