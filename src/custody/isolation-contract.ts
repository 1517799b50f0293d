/** The HTTP contract of isolation placements (Mandela Rules 43–45) and consular notification (VCCR Art. 36). */
import { z } from 'zod';
import { instantString } from '../core/contract.js';
import { CONSULAR_OUTCOMES, consularEvent } from './consular.js';
import { ISOLATION_LIGHTING, isolationEvent } from './isolation.js';

export { CONSULAR_OUTCOMES, ISOLATION_LIGHTING };

/** A placement named in the path. */
export const placementParams = z.object({ id: z.uuid() });

/** `POST /api/v1/facilities/{id}/isolation`: start a placement. */
export const isolationStartBody = z.object({
  personId: z.uuid(),
  cell: z.string().trim().min(1).max(32).describe("the cell's code, one of the facility's, e.g. M1-C01"),
  reason: z.string().trim().min(1).max(2000),
  authorisedBy: z
    .string()
    .trim()
    .min(1)
    .max(300)
    .describe('the official who authorised it, by name and post'),
  lighting: z
    .enum(ISOLATION_LIGHTING)
    .describe(
      'the cell during the placement: normal, dark (no light to read by) or constant (lit day and night)',
    ),
  startedAt: z.iso.datetime({ offset: true }).optional().describe('when it started; default now'),
});
export type IsolationStartInput = z.input<typeof isolationStartBody>;

/** `POST /api/v1/isolation/{id}/end`: end an open placement. */
export const isolationEndBody = z.object({
  endedAt: z.iso.datetime({ offset: true }).optional().describe('when it ended; default now'),
  note: z.string().max(2000).optional(),
});
export type IsolationEndInput = z.input<typeof isolationEndBody>;

/** The placement started (`isolation.started`). */
export const isolationStartedSchema = isolationEvent.started.schema.extend({
  startedAt: instantString,
  at: instantString,
});

/** The placement ended (`isolation.ended`). */
export const isolationEndedSchema = isolationEvent.ended.schema.extend({
  endedAt: instantString,
  at: instantString,
});

/** One placement as the lists show it. */
export const placementSchema = z.object({
  id: z.string(),
  facility: z.string(),
  personId: z.string(),
  personRef: z.string(),
  name: z.string(),
  cell: z.string(),
  reason: z.string(),
  authorisedBy: z.string(),
  lighting: z.enum(ISOLATION_LIGHTING),
  startedAt: instantString,
  endedAt: instantString.nullable().describe('null while the placement is open'),
  endNote: z.string().nullable(),
  recordedBy: z.string(),
});
export type IsolationPlacement = z.output<typeof placementSchema>;

/** The query of a facility's placements. */
export const isolationQuery = z.object({
  open: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: only the placements still open (the people in isolation now)'),
});

/** `GET /api/v1/facilities/{id}/isolation`: newest first. */
export const facilityIsolationSchema = z.object({
  facility: z.string(),
  placements: z.array(placementSchema),
});
export type FacilityIsolation = z.output<typeof facilityIsolationSchema>;

/** `GET /api/v1/people/{id}/isolation`: newest first, at every facility. */
export const personIsolationSchema = z.object({
  personId: z.string(),
  placements: z.array(placementSchema),
});
export type PersonIsolation = z.output<typeof personIsolationSchema>;

/** A foreign national's consular notification duty for one custody interval, and its outcome. */
export const consularDutySchema = z.object({
  country: z.string().describe("the facility's country"),
  nationalities: z.array(z.string()),
  dueAt: instantString.describe('72 hours after intake: "without delay"'),
  outcome: z.enum(CONSULAR_OUTCOMES).nullable().describe('null: neither notified nor objected yet'),
  consulate: z.string().nullable(),
  outcomeAt: instantString.nullable(),
  note: z.string().nullable(),
});
export type ConsularDuty = z.output<typeof consularDutySchema>;

/** `POST /api/v1/people/{id}/consular-notification`. */
export const consularBody = z.object({
  outcome: z.enum(CONSULAR_OUTCOMES),
  consulate: z.string().trim().max(300).optional().describe('the consulate told; required when notified'),
  at: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('when it was notified or the person objected; default now'),
  note: z.string().max(2000).optional(),
});
export type ConsularInput = z.input<typeof consularBody>;

/** The outcome recorded (`custody.consular_recorded`), with when it was due and the rule that judges it. */
export const consularRecordedSchema = consularEvent.recorded.schema.extend({
  outcomeAt: instantString,
  at: instantString,
  dueAt: instantString,
  rule: z.string(),
});
