import { isIsoDate } from '../core/dates.js';
import { DomainError } from '../core/errors.js';
import type { MessageKey, MessageParams } from '../core/messages/index.js';
import type { PersonRecord } from '../people/model.js';
import { screeningInputsHash } from './canonical.js';
import {
  type ConvictionCategory,
  type EligibilityPolicy,
  isRuleId,
  type Lang,
  type Outcome,
  outcomeOf,
  RULE_IDS,
  type RuleEvaluation,
  type RuleId,
  type RuleResult,
  SENDING_STATE_LAW,
} from './policy.js';
import { RULES } from './rules.js';

export { SENDING_STATE_LAW };

/**
 * The eligibility engine: screens a person against a policy as of a date (docs/domain.md, Eligibility).
 * Pure: the same person, policy and date always give the same screening, down to its inputs hash.
 */

const DANGEROUS: readonly ConvictionCategory[] = [
  'violent',
  'weapons',
  'trafficking',
  'terrorism',
  'organized_crime',
  'sexual',
];

// Every category of docs/domain.md (People → Conviction), to check a policy's `dangerous-offense` params.
const CATEGORIES: readonly ConvictionCategory[] = [
  ...DANGEROUS,
  'property',
  'drug_possession',
  'immigration',
  'other',
];

/** Policy cecot-2025/v1: the agreement's terms and the sending state's law (docs/domain.md, Eligibility). */
export const CECOT_2025_V1: EligibilityPolicy = {
  policyId: 'cecot-2025/v1',
  effectiveFrom: '2025-03-14',
  receivingJurisdiction: 'SV',
  rules: RULE_IDS,
  params: {
    // Agreement term, cf. ETS 112 Art. 3(1)(c): at least six months still to serve.
    minRemainingDays: 180,
    // Trump v. J.G.G. and A.A.R.P. v. Trump require notice in time to seek habeas relief.
    minNoticeDays: 21,
    // The offer: "dangerous criminals".
    dangerousCategories: DANGEROUS,
  },
};

/** The screening of one person: the outcome, every rule's evaluation and a hash of the inputs. */
export interface Screening {
  /** The policy id, e.g. `cecot-2025/v1`. */
  policy: string;
  /** The as-of date (the planned transfer date). */
  asOf: string;
  /** The person's sending-agency reference. */
  ref: string;
  outcome: Outcome;
  /** The policy's rules, in `RULE_IDS` order. */
  rules: RuleEvaluation[];
  /** Hex SHA-256 of the canonical JSON of `{ person, policy, asOf }`. */
  inputsHash: string;
}

/** The last as-of date found valid; a large screening checks the same date for every person. */
let lastValidAsOf = '';

/**
 * Screens `person` against `policy` as of `asOf` (YYYY-MM-DD), e.g.
 * `screen(record, CECOT_2025_V1, '2025-03-14').outcome === 'eligible'`.
 */
export function screen(person: PersonRecord, policy: EligibilityPolicy, asOf: string): Screening {
  if (asOf !== lastValidAsOf && !isIsoDate(asOf)) {
    throw new DomainError(
      'invalid_input',
      'screening.date_invalid',
      { given: asJson(asOf) },
      { details: { asOf } },
    );
  }
  lastValidAsOf = asOf;
  const rules: RuleEvaluation[] = [];
  const results: RuleResult[] = [];
  for (const id of RULE_IDS) {
    if (!policy.rules.includes(id)) continue;
    const evaluation = RULES[id](person, policy, asOf);
    rules.push(evaluation);
    results.push(evaluation.result);
  }
  return {
    policy: policy.policyId,
    asOf,
    ref: person.ref,
    outcome: outcomeOf(results),
    rules,
    inputsHash: screeningInputsHash(person, policy, asOf),
  };
}

/** An eligibility policy as an agreement stores it (src/agreements, `eligibilityPolicyInputSchema`). */
export interface PolicyRecord {
  policyId: string;
  effectiveFrom: string;
  rules: readonly { id: string; params?: Record<string, unknown> }[];
}

/** A value as given, written as JSON, for a message that quotes what it refuses. */
function asJson(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/** A policy the engine cannot apply exactly: the message names the policy, its details name it too. */
function policyError<K extends MessageKey>(
  record: PolicyRecord,
  key: K,
  params: MessageParams<K>,
  details: Record<string, unknown>,
): DomainError {
  return new DomainError('invalid_input', key, params, {
    details: { policyId: record.policyId, ...details },
  });
}

function minDays(record: PolicyRecord, id: RuleId, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw policyError(
      record,
      'eligibility.policy_min_days',
      { policyId: record.policyId, rule: id, given: asJson(value) },
      { rule: id, param: 'minDays' },
    );
  }
  return value;
}

function categories(record: PolicyRecord, value: unknown): ConvictionCategory[] {
  const known = (c: unknown): c is ConvictionCategory =>
    typeof c === 'string' && (CATEGORIES as readonly string[]).includes(c);
  if (!Array.isArray(value) || value.length === 0 || !value.every(known)) {
    throw policyError(
      record,
      'eligibility.policy_categories',
      { policyId: record.policyId, given: asJson(value), categories: CATEGORIES },
      { rule: 'dangerous-offense', param: 'categories' },
    );
  }
  return [...new Set(value)];
}

const PARAM_NAMES: Readonly<Record<RuleId, readonly string[]>> = {
  convicted: [],
  'dangerous-offense': ['categories'],
  'remaining-sentence': ['minDays'],
  'not-citizen': [],
  'lawful-pathway': [],
  'no-protection': [],
  'notice-period': ['minDays'],
  'no-active-hold': [],
  'identity-verified': [],
};

/**
 * Turns a stored policy record `{ policyId, effectiveFrom, rules: [{ id, params }] }` into a policy the
 * engine runs. Params override the cecot-2025/v1 defaults (`remaining-sentence` and `notice-period`
 * take `{ minDays }`, `dangerous-offense` takes `{ categories }`). An unknown rule id, a rule listed
 * twice, or an unknown or malformed parameter throws `invalid_input`: a policy the engine cannot apply
 * exactly must never screen anyone. Every rule of the sending state's law must be listed.
 */
export function policyFromRecord(
  record: PolicyRecord,
  receivingJurisdiction: string = CECOT_2025_V1.receivingJurisdiction,
): EligibilityPolicy {
  const params = { ...CECOT_2025_V1.params };
  const listed = new Set<RuleId>();
  for (const rule of record.rules) {
    if (!isRuleId(rule.id)) {
      throw policyError(
        record,
        'eligibility.policy_unknown_rule',
        { policyId: record.policyId, given: asJson(rule.id), known: RULE_IDS },
        { rule: rule.id, known: [...RULE_IDS] },
      );
    }
    const id = rule.id;
    if (listed.has(id)) {
      throw policyError(
        record,
        'eligibility.policy_rule_twice',
        { policyId: record.policyId, rule: id },
        { rule: id },
      );
    }
    listed.add(id);
    const given = rule.params ?? {};
    for (const name of Object.keys(given)) {
      if (!PARAM_NAMES[id].includes(name)) {
        throw policyError(
          record,
          'eligibility.policy_unknown_param',
          { policyId: record.policyId, rule: id, given: asJson(name), allowed: PARAM_NAMES[id] },
          { rule: id, param: name },
        );
      }
    }
    if (id === 'remaining-sentence' && 'minDays' in given) {
      params.minRemainingDays = minDays(record, id, given.minDays);
    }
    if (id === 'notice-period' && 'minDays' in given) {
      params.minNoticeDays = minDays(record, id, given.minDays);
    }
    if (id === 'dangerous-offense' && 'categories' in given) {
      params.dangerousCategories = categories(record, given.categories);
    }
  }
  // The agreement's terms may vary between versions; the sending state's law may not be left out.
  const missingLaw = SENDING_STATE_LAW.filter((id) => !listed.has(id));
  if (missingLaw.length > 0) {
    throw policyError(
      record,
      'eligibility.policy_omits_law',
      { policyId: record.policyId, missing: missingLaw },
      { missing: missingLaw },
    );
  }
  return {
    policyId: record.policyId,
    effectiveFrom: record.effectiveFrom,
    receivingJurisdiction,
    rules: RULE_IDS.filter((id) => listed.has(id)),
    params,
  };
}

/**
 * The screenings as machine output in one language, keys in this order:
 * `{"policy":…,"asOf":…,"results":[{"ref":…,"outcome":…,"rules":[{"id":…,"result":…,"reason":…,"source":…}]}]}`.
 * All screenings must share one policy and as-of date; `header` names them when the list is empty.
 */
export function toOutputJson(
  screenings: readonly Screening[],
  lang: Lang,
  header?: { policy: string; asOf: string },
): string {
  const first = screenings[0] ?? header;
  if (!first) {
    throw new DomainError('invalid_input', 'screening.output_empty', {});
  }
  const { policy, asOf } = header ?? first;
  for (const s of screenings) {
    if (s.policy !== policy || s.asOf !== asOf) {
      throw new DomainError(
        'invalid_input',
        'screening.output_mixed',
        { ref: s.ref, policy: s.policy, asOf: s.asOf, expectedPolicy: policy, expectedAsOf: asOf },
        { details: { ref: s.ref } },
      );
    }
  }
  return JSON.stringify({
    policy,
    asOf,
    results: screenings.map((s) => toResult(s, lang)),
  });
}

/** One entry of the output's `results`, for writers that stream them one by one. */
export function toResult(s: Screening, lang: Lang) {
  return {
    ref: s.ref,
    outcome: s.outcome,
    rules: s.rules.map((r) => ({ id: r.id, result: r.result, reason: r.reason[lang], source: r.source })),
  };
}
