import type { Lang } from '../core/i18n.js';
import type { Conviction } from '../people/model.js';

/**
 * The shapes of an eligibility policy and of a screening's rule results (docs/domain.md, Eligibility).
 * A policy is versioned DATA: an id, the receiving jurisdiction, the rule ids in force and their
 * parameters. The rules themselves are code (rules.ts), selected by id.
 */

/** Every rule id the engine knows, in the order a screening lists them. The ids are an interface. */
export const RULE_IDS = [
  'convicted',
  'dangerous-offense',
  'remaining-sentence',
  'not-citizen',
  'lawful-pathway',
  'no-protection',
  'notice-period',
  'no-active-hold',
  'identity-verified',
] as const;

/** A rule id of policy cecot-2025/v1. */
export type RuleId = (typeof RULE_IDS)[number];

/** docs/domain.md's second layer: what the sending state may lawfully do. No policy version may omit it. */
export const SENDING_STATE_LAW: readonly RuleId[] = [
  'not-citizen',
  'lawful-pathway',
  'no-protection',
  'notice-period',
  'no-active-hold',
  'identity-verified',
];

/** True when `id` names a rule the engine implements. */
export function isRuleId(id: string): id is RuleId {
  return (RULE_IDS as readonly string[]).includes(id);
}

/** The results of one rule for one person. */
export const RULE_RESULTS = ['pass', 'fail', 'pending', 'not_applicable'] as const;
/** The result of one rule for one person. */
export type RuleResult = (typeof RULE_RESULTS)[number];

/** The outcomes of a screening. */
export const OUTCOMES = ['eligible', 'pending', 'ineligible'] as const;
/** The outcome of a screening. */
export type Outcome = (typeof OUTCOMES)[number];

/** A language of the reasons: English and Spanish, as every refusal must be (ARCHITECTURE.md, 5). */
export type { Lang };

/** A reason in English and Spanish. */
export type Reason = Record<Lang, string>;

/** A conviction category (docs/domain.md, Conviction). */
export type ConvictionCategory = Conviction['category'];

/** One rule applied to one person: its result, why (in plain words), its legal source, and the deciding facts. */
export interface RuleEvaluation {
  id: RuleId;
  result: RuleResult;
  reason: Reason;
  source: string;
  /** The specific data that decided the result, e.g. `{ remainingDays: 120, minDays: 180 }`. */
  facts: Record<string, unknown>;
}

/** The parameters of the rules, with the defaults of cecot-2025/v1. */
export interface PolicyParams {
  /** `remaining-sentence`: the least time left to serve at the transfer date. */
  minRemainingDays: number;
  /** `notice-period`: the least days between service of notice and the transfer date. */
  minNoticeDays: number;
  /** `dangerous-offense`: the categories that count as dangerous. */
  dangerousCategories: readonly ConvictionCategory[];
}

/** An eligibility policy the engine can run. */
export interface EligibilityPolicy {
  /** Name and version, e.g. `cecot-2025/v1`. */
  policyId: string;
  /** The first transfer date the policy version applies to, when known. */
  effectiveFrom?: string;
  /** ISO 3166 alpha-2 code of the receiving jurisdiction, e.g. `SV`. */
  receivingJurisdiction: string;
  /** The rules in force; a screening evaluates them in `RULE_IDS` order. */
  rules: readonly RuleId[];
  params: PolicyParams;
}

/**
 * The outcome of a screening (docs/domain.md, Eligibility): `ineligible` if any rule fails; otherwise
 * `pending` if any rule is pending; otherwise `eligible`. `not_applicable` counts for neither.
 */
export function outcomeOf(results: Iterable<RuleResult>): Outcome {
  let pending = false;
  for (const result of results) {
    if (result === 'fail') return 'ineligible';
    if (result === 'pending') pending = true;
  }
  return pending ? 'pending' : 'eligible';
}
