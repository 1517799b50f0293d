/** The HTTP contract of agreements: request and response schemas (the OpenAPI document and the web's types). */
import { z } from 'zod';
import { dateString, pageOf, pageQuery } from '../core/contract.js';
import {
  AGREEMENT_STATUSES,
  agreementInputSchema,
  agreementPatchSchema,
  eligibilityPolicyInputSchema,
  feeScheduleInputSchema,
} from './model.js';

export { agreementInputSchema, agreementPatchSchema, eligibilityPolicyInputSchema, feeScheduleInputSchema };

/** The query of the agreements list. */
export const agreementListQuery = pageQuery;

/** An agreement named in the path by id or code. */
export const agreementParams = z.object({ id: z.string().min(1).max(100).describe('Agreement id or code') });

/** An agreement as the API returns it: its terms, versioned policies and fee schedules, and its people. */
export const agreementViewSchema = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  sendingJurisdiction: z.string(),
  receivingJurisdiction: z.string(),
  status: z.enum(AGREEMENT_STATUSES),
  effectiveFrom: dateString.nullable(),
  effectiveTo: dateString.nullable(),
  bedAllotment: z.number().int(),
  settings: z.record(z.string(), z.unknown()),
  standards: z.array(z.string()),
  reports: z.array(z.object({ id: z.string(), title: z.string(), due: z.string() })),
  version: z.number().int(),
  facilityIds: z.array(z.string()),
  sendingAgencies: z.array(z.string()),
  receivingAgencies: z.array(z.string()),
  eligibilityPolicies: z.array(
    z.object({
      version: z.number().int(),
      policyId: z.string(),
      effectiveFrom: dateString,
      rules: z.unknown().describe('the rule ids in force and their parameters'),
    }),
  ),
  feeSchedules: z.array(
    z.object({
      version: z.number().int(),
      kind: z.string(),
      amountCents: z.number().int(),
      currency: z.string(),
      billingPeriod: z.string(),
      effectiveFrom: dateString,
      clause: z.string().nullable(),
    }),
  ),
  people: z.number().int().describe('people on its roster'),
});
export type AgreementView = z.output<typeof agreementViewSchema>;

/** `GET /api/v1/agreements`. */
export const agreementListSchema = pageOf(agreementViewSchema);
export type AgreementList = z.output<typeof agreementListSchema>;
