import { z } from 'zod';
import { isCountryCode } from '../core/countries.js';
import { DomainError } from '../core/errors.js';
import { isoDate } from '../core/schemas.js';

/**
 * An agreement links a sending and a receiving jurisdiction and one or more facilities. Its eligibility
 * policy and fee schedule are versioned: a change makes a new version and never edits an old one.
 */

export const AGREEMENT_STATUSES = ['draft', 'in_force', 'suspended', 'terminated'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** Allowed status changes: draft → in_force → suspended ⇄ in_force → terminated. */
export const STATUS_TRANSITIONS: Record<AgreementStatus, readonly AgreementStatus[]> = {
  draft: ['in_force', 'terminated'],
  in_force: ['suspended', 'terminated'],
  suspended: ['in_force', 'terminated'],
  terminated: [],
};

const jurisdiction = z
  .string()
  .refine(isCountryCode, { error: 'must be an ISO 3166-1 alpha-2 code such as US or SV' });

export const eligibilityPolicyInputSchema = z.object({
  policyId: z
    .string()
    .regex(/^[a-z0-9-]+\/v[0-9]+$/, { error: 'policyId is a name and version such as cecot-2025/v1' }),
  effectiveFrom: isoDate,
  /** The rule ids in force and their parameters; the rules themselves are code in src/eligibility. */
  rules: z
    .array(z.object({ id: z.string().min(1), params: z.record(z.string(), z.unknown()).default({}) }))
    .min(1, {
      error: 'a policy needs at least one rule',
    }),
});
export type EligibilityPolicyInput = z.output<typeof eligibilityPolicyInputSchema>;

export const feeScheduleInputSchema = z.object({
  kind: z.enum(['per_person_day', 'per_person_year', 'lump_sum'], {
    error: 'kind must be per_person_day, per_person_year or lump_sum',
  }),
  amountCents: z
    .number()
    .int({ error: 'amountCents must be whole cents, e.g. 2000000 for $20,000.00' })
    .min(0, { error: 'amountCents cannot be negative' }),
  currency: z.string().regex(/^[A-Z]{3}$/, { error: 'currency is an ISO 4217 code such as USD' }),
  billingPeriod: z.enum(['month', 'quarter', 'year']).default('month'),
  effectiveFrom: isoDate,
  clause: z.string().trim().max(2000).nullable().default(null),
});
export type FeeScheduleInput = z.output<typeof feeScheduleInputSchema>;

export const agreementInputSchema = z
  .object({
    code: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, {
      error: 'code is lower-case letters, digits and dashes, e.g. cecot-2025',
    }),
    title: z.string().trim().min(1).max(300),
    sendingJurisdiction: jurisdiction,
    receivingJurisdiction: jurisdiction,
    status: z.enum(AGREEMENT_STATUSES).default('draft'),
    effectiveFrom: isoDate.nullable().default(null),
    effectiveTo: isoDate.nullable().default(null),
    bedAllotment: z.number().int().min(0, { error: 'bedAllotment cannot be negative' }),
    facilityIds: z.array(z.uuid()).min(1, { error: 'an agreement needs at least one facility' }),
    sendingAgencies: z.array(z.string()).default([]),
    receivingAgencies: z.array(z.string()).default([]),
    /** e.g. `{ separateFromLocal: true }`. */
    settings: z.record(z.string(), z.unknown()).default({}),
    standards: z.array(z.string()).default([]),
    reports: z.array(z.object({ id: z.string(), title: z.string(), due: z.string() })).default([]),
    eligibilityPolicy: eligibilityPolicyInputSchema.nullable().default(null),
    feeSchedule: feeScheduleInputSchema.nullable().default(null),
  })
  .refine((a) => a.sendingJurisdiction !== a.receivingJurisdiction, {
    error: 'the sending and receiving jurisdictions must differ',
    path: ['receivingJurisdiction'],
  })
  .refine((a) => !a.effectiveFrom || !a.effectiveTo || a.effectiveFrom <= a.effectiveTo, {
    error: 'effectiveTo is before effectiveFrom',
    path: ['effectiveTo'],
  });
export type AgreementInput = z.output<typeof agreementInputSchema>;

export const agreementPatchSchema = z
  .object({
    title: z.string().trim().min(1).max(300),
    status: z.enum(AGREEMENT_STATUSES),
    effectiveFrom: isoDate.nullable(),
    effectiveTo: isoDate.nullable(),
    bedAllotment: z.number().int().min(0),
    settings: z.record(z.string(), z.unknown()),
  })
  .partial();
export type AgreementPatch = z.output<typeof agreementPatchSchema>;

export const AGREEMENT_EVENTS = {
  created: 'agreement.created',
  revised: 'agreement.revised',
  statusChanged: 'agreement.status_changed',
  policyVersioned: 'agreement.eligibility_policy_versioned',
  feeScheduleVersioned: 'agreement.fee_schedule_versioned',
} as const;

export interface AgreementCreated
  extends Omit<AgreementInput, 'eligibilityPolicy' | 'feeSchedule' | 'status'> {
  agreementId: string;
  status: AgreementStatus;
}
export interface AgreementRevised {
  agreementId: string;
  changes: Omit<AgreementPatch, 'status'>;
}
export interface AgreementStatusChanged {
  agreementId: string;
  from: AgreementStatus;
  to: AgreementStatus;
}
export interface PolicyVersioned extends EligibilityPolicyInput {
  agreementId: string;
  version: number;
}
export interface FeeScheduleVersioned extends FeeScheduleInput {
  agreementId: string;
  version: number;
}

/** The current state a decision about an agreement needs. */
export interface AgreementState {
  agreementId: string;
  status: AgreementStatus;
  policyVersions: number;
  feeScheduleVersions: number;
  latestPolicyFrom: string | null;
  latestFeeFrom: string | null;
}

/** Decides a status change; refuses transitions the lifecycle does not allow. */
export function decideStatusChange(
  state: AgreementState,
  to: AgreementStatus,
): AgreementStatusChanged | null {
  if (state.status === to) return null;
  if (!STATUS_TRANSITIONS[state.status].includes(to)) {
    throw new DomainError(
      'rule_refusal',
      'agreement.status_transition',
      { from: state.status, to, allowed: STATUS_TRANSITIONS[state.status] },
      { details: { from: state.status, to } },
    );
  }
  return { agreementId: state.agreementId, from: state.status, to };
}

/** Decides a new policy version: versions only move forward in time. */
export function decidePolicyVersion(state: AgreementState, input: EligibilityPolicyInput): PolicyVersioned {
  if (state.latestPolicyFrom && input.effectiveFrom < state.latestPolicyFrom) {
    throw new DomainError('rule_refusal', 'agreement.policy_backdated', {
      effectiveFrom: input.effectiveFrom,
      current: state.latestPolicyFrom,
    });
  }
  return { agreementId: state.agreementId, version: state.policyVersions + 1, ...input };
}

/** Decides a new fee schedule version: versions only move forward in time. */
export function decideFeeScheduleVersion(
  state: AgreementState,
  input: FeeScheduleInput,
): FeeScheduleVersioned {
  if (state.latestFeeFrom && input.effectiveFrom < state.latestFeeFrom) {
    throw new DomainError('rule_refusal', 'agreement.fee_schedule_backdated', {
      effectiveFrom: input.effectiveFrom,
      current: state.latestFeeFrom,
    });
  }
  return { agreementId: state.agreementId, version: state.feeScheduleVersions + 1, ...input };
}
