import { z } from 'zod';
import { isCountryCode } from '../core/countries.js';
import { DomainError } from '../core/errors.js';
import { defineEvent } from '../core/events.js';
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

/** How a fee is charged, and the period an invoice covers. */
export const FEE_KINDS = ['per_person_day', 'per_person_year', 'lump_sum'] as const;
export const BILLING_PERIODS = ['month', 'quarter', 'year'] as const;

export const feeScheduleInputSchema = z.object({
  kind: z.enum(FEE_KINDS, {
    error: 'kind must be per_person_day, per_person_year or lump_sum',
  }),
  amountCents: z
    .number()
    .int({ error: 'amountCents must be whole cents, e.g. 2000000 for $20,000.00' })
    .min(0, { error: 'amountCents cannot be negative' }),
  currency: z.string().regex(/^[A-Z]{3}$/, { error: 'currency is an ISO 4217 code such as USD' }),
  billingPeriod: z.enum(BILLING_PERIODS).default('month'),
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

/*
 * Event payloads, as recorded. These schemas describe what is stored (shapes, no trimming, defaults or
 * cross-field rules: the input schemas above enforce those once, when the command comes in).
 */
const policyRules = z.array(z.object({ id: z.string(), params: z.record(z.string(), z.unknown()) }));

export const agreementCreatedSchema = z.object({
  agreementId: z.string(),
  code: z.string(),
  title: z.string(),
  sendingJurisdiction: z.string(),
  receivingJurisdiction: z.string(),
  status: z.enum(AGREEMENT_STATUSES),
  effectiveFrom: isoDate.nullable(),
  effectiveTo: isoDate.nullable(),
  bedAllotment: z.number().int(),
  facilityIds: z.array(z.string()),
  sendingAgencies: z.array(z.string()),
  receivingAgencies: z.array(z.string()),
  settings: z.record(z.string(), z.unknown()),
  standards: z.array(z.string()),
  reports: z.array(z.object({ id: z.string(), title: z.string(), due: z.string() })),
});
export type AgreementCreated = z.output<typeof agreementCreatedSchema>;

export const agreementRevisedSchema = z.object({
  agreementId: z.string(),
  changes: z
    .object({
      title: z.string(),
      effectiveFrom: isoDate.nullable(),
      effectiveTo: isoDate.nullable(),
      bedAllotment: z.number().int(),
      settings: z.record(z.string(), z.unknown()),
    })
    .partial(),
});
export type AgreementRevised = z.output<typeof agreementRevisedSchema>;

export const agreementStatusChangedSchema = z.object({
  agreementId: z.string(),
  from: z.enum(AGREEMENT_STATUSES),
  to: z.enum(AGREEMENT_STATUSES),
});
export type AgreementStatusChanged = z.output<typeof agreementStatusChangedSchema>;

export const policyVersionedSchema = z.object({
  agreementId: z.string(),
  version: z.number().int(),
  policyId: z.string(),
  effectiveFrom: isoDate,
  rules: policyRules,
});
export type PolicyVersioned = z.output<typeof policyVersionedSchema>;

export const feeScheduleVersionedSchema = z.object({
  agreementId: z.string(),
  version: z.number().int(),
  kind: z.enum(FEE_KINDS),
  amountCents: z.number().int(),
  currency: z.string(),
  billingPeriod: z.enum(BILLING_PERIODS),
  effectiveFrom: isoDate,
  clause: z.string().nullable(),
});
export type FeeScheduleVersioned = z.output<typeof feeScheduleVersionedSchema>;

/** The agreement event types, each with its payload schema. */
export const agreementEvent = {
  created: defineEvent(AGREEMENT_EVENTS.created, agreementCreatedSchema),
  revised: defineEvent(AGREEMENT_EVENTS.revised, agreementRevisedSchema),
  statusChanged: defineEvent(AGREEMENT_EVENTS.statusChanged, agreementStatusChangedSchema),
  policyVersioned: defineEvent(AGREEMENT_EVENTS.policyVersioned, policyVersionedSchema),
  feeScheduleVersioned: defineEvent(AGREEMENT_EVENTS.feeScheduleVersioned, feeScheduleVersionedSchema),
};

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
