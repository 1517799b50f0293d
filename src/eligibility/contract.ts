/** The HTTP contract of screenings: request and response schemas. */
import { z } from 'zod';
import { dateString, instantString } from '../core/contract.js';
import { isoDate } from '../core/schemas.js';
import { OUTCOMES, RULE_IDS, RULE_RESULTS } from './policy.js';

/** `POST /api/v1/screenings`. */
export const recordScreeningBody = z.object({ personId: z.uuid(), asOf: isoDate });

/** A person named in the path. */
export const personParams = z.object({ id: z.uuid() });

/** The query of a person's screening. */
export const personScreeningQuery = z.object({
  asOf: isoDate.optional().describe('the planned transfer date; default today (UTC)'),
  lang: z.enum(['en', 'es']).optional(),
});

/** One rule applied to one person: its result, why in English and Spanish, its source, the deciding facts. */
export const ruleEvaluationSchema = z.object({
  id: z.enum(RULE_IDS),
  result: z.enum(RULE_RESULTS),
  reason: z.object({ en: z.string(), es: z.string() }),
  source: z.string().describe('the legal source of the rule'),
  facts: z.record(z.string(), z.unknown()).describe('the data that decided the result'),
});
export type RuleEvaluationView = z.output<typeof ruleEvaluationSchema>;

/** A screening as the engine computes it. */
export const screeningSchema = z.object({
  policy: z.string(),
  asOf: dateString,
  ref: z.string(),
  outcome: z.enum(OUTCOMES),
  rules: z.array(ruleEvaluationSchema),
  inputsHash: z.string().describe('hex SHA-256 of the canonical JSON of the person, the policy and the date'),
});
export type Screening = z.output<typeof screeningSchema>;

/** A screening as recorded in the ledger (`screening.recorded`). */
export const screeningRecordedSchema = z.object({
  screeningId: z.string(),
  personId: z.string(),
  agreementId: z.string(),
  ref: z.string(),
  policyId: z.string(),
  policyVersion: z.number().int(),
  asOf: dateString,
  outcome: z.enum(OUTCOMES),
  rules: z.array(ruleEvaluationSchema),
  inputsHash: z.string(),
  personVersion: z.number().int(),
  transferId: z.string().optional().describe('the open transfer re-screened because the facts changed'),
  reason: z.string().optional().describe('why it was made, e.g. notice_recorded'),
});
export type ScreeningRecorded = z.output<typeof screeningRecordedSchema>;

/** A person's last recorded screening. */
export const recordedScreeningSchema = z.object({
  id: z.string(),
  policy: z.string(),
  policyVersion: z.number().int(),
  asOf: dateString,
  outcome: z.enum(OUTCOMES),
  rules: z.array(ruleEvaluationSchema),
  inputsHash: z.string(),
  personVersion: z.number().int(),
  recordedAt: instantString,
  actor: z.string(),
});
export type RecordedScreening = z.output<typeof recordedScreeningSchema>;

/** `GET /api/v1/people/{id}/screening`: computed now as of a date, with the last recorded one. */
export const personScreeningSchema = z.object({
  personId: z.string(),
  personVersion: z.number().int(),
  policyVersion: z.number().int(),
  policy: z.string(),
  asOf: dateString,
  current: screeningSchema,
  lastRecorded: recordedScreeningSchema.nullable(),
  summary: z
    .object({
      ref: z.string(),
      outcome: z.enum(OUTCOMES),
      rules: z.array(
        z.object({
          id: z.enum(RULE_IDS),
          result: z.enum(RULE_RESULTS),
          reason: z.string(),
          source: z.string(),
        }),
      ),
    })
    .describe('the current screening with its reasons in the language asked for (lang)'),
});
export type PersonScreening = z.output<typeof personScreeningSchema>;
