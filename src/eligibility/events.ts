import { z } from 'zod';
import { defineEvent } from '../core/events.js';
import type { Screening } from './engine.js';
import { OUTCOMES, RULE_IDS, RULE_RESULTS } from './policy.js';

/** The screening event types (docs/domain.md, Eligibility), each with the schema of its payload. */

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
  /** The open transfer re-screened because the person's facts changed (docs/domain.md, Eligibility). */
  transferId: z.string().optional(),
  /** Why the screening was made, e.g. `notice_recorded`; absent when asked for directly. */
  reason: z.string().optional(),
});
export type ScreeningRecorded = z.output<typeof screeningRecordedSchema>;

/** The screening event types. */
export const screeningEvent = { recorded: defineEvent(SCREENING_EVENTS.recorded, screeningRecordedSchema) };

/**
 * The `screening.recorded` payload of a screening `s` of a person's stored record (its id, agreement and
 * version), under policy version `policyVersion`; `link` names the transfer and why it was made.
 */
export function screeningRecordedOf(
  screeningId: string,
  person: { id: string; agreementId: string; version: number },
  s: Screening,
  policyVersion: number,
  link: { transferId: string; reason: string } | null = null,
): ScreeningRecorded {
  return {
    screeningId,
    personId: person.id,
    agreementId: person.agreementId,
    ref: s.ref,
    policyId: s.policy,
    policyVersion,
    asOf: s.asOf,
    outcome: s.outcome,
    rules: s.rules,
    inputsHash: s.inputsHash,
    personVersion: person.version,
    ...(link ?? {}),
  };
}
