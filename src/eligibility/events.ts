import { z } from 'zod';
import { defineEvent } from '../core/events.js';
import { OUTCOMES, RULE_IDS, RULE_RESULTS } from './policy.js';

/** The screening event types (DOMAIN.md, Eligibility), each with the schema of its payload. */

export const SCREENING_EVENTS = { recorded: 'screening.recorded' } as const;

/** Recorded when a screening is stored: everything needed to show it and to recompute it. */
export const screeningRecordedSchema = z.object({
  screeningId: z.string(),
  personId: z.string(),
  agreementId: z.string(),
  ref: z.string(),
  policyId: z.string(),
  policyVersion: z.number().int(),
  asOf: z.string(),
  outcome: z.enum(OUTCOMES),
  rules: z.array(
    z.object({
      id: z.enum(RULE_IDS),
      result: z.enum(RULE_RESULTS),
      reason: z.object({ en: z.string(), es: z.string() }),
      source: z.string(),
      facts: z.record(z.string(), z.unknown()),
    }),
  ),
  inputsHash: z.string(),
  personVersion: z.number().int(),
  /** The open transfer re-screened because the person's facts changed (DOMAIN.md, Eligibility). */
  transferId: z.string().optional(),
  /** Why the screening was made, e.g. `notice_recorded`; absent when asked for directly. */
  reason: z.string().optional(),
});
export type ScreeningRecorded = z.output<typeof screeningRecordedSchema>;

/** The screening event types. */
export const screeningEvent = { recorded: defineEvent(SCREENING_EVENTS.recorded, screeningRecordedSchema) };
