/** The HTTP contract of release dates, the releases-due worklist and detention explained by a court order. */
import { z } from 'zod';
import { dateString, instantString } from '../core/contract.js';
import { isoDate } from '../core/schemas.js';
import {
  breakdownLineSchema,
  calculationInputsSchema,
  courtOrderSchema,
  overrideSchema,
  releaseDateEvent,
  releaseResultSchema,
} from './model.js';
import { CALCULATION_REASONS, RELEASE_STATUSES } from './reasons.js';

export { CALCULATION_REASONS, RELEASE_STATUSES };

/** One calculation as stored: inputs, their hash, computed and in-force results, breakdown, why, who, when. */
export const calculationSchema = z.object({
  id: z.string(),
  reason: z.enum(CALCULATION_REASONS),
  inputsHash: z.string().describe('SHA-256 of the inputs in RFC 8785 canonical JSON'),
  inputs: calculationInputsSchema,
  computed: releaseResultSchema.describe('the result computed from the inputs alone'),
  result: releaseResultSchema.describe('the release date in force: the computed one, or the override'),
  breakdown: z.array(breakdownLineSchema),
  override: overrideSchema.nullable(),
  current: z.boolean(),
  calculatedAt: instantString,
  calculatedBy: z.string(),
});
export type Calculation = z.output<typeof calculationSchema>;
export type BreakdownLine = z.output<typeof breakdownLineSchema>;
export type ReleaseResult = z.output<typeof releaseResultSchema>;

/** `GET /api/v1/people/{id}/release-date`. */
export const personReleaseDateSchema = z.object({
  personId: z.string(),
  ref: z.string(),
  name: z.string(),
  current: calculationSchema.nullable().describe('null until the person enters custody'),
  earlier: z.array(calculationSchema).describe('earlier calculations, newest first'),
  explanations: z.array(
    z.object({
      id: z.string(),
      intervalId: z.string(),
      courtOrder: courtOrderSchema,
      note: z.string().nullable(),
      recordedAt: instantString,
      recordedBy: z.string(),
    }),
  ),
});
export type PersonReleaseDate = z.output<typeof personReleaseDateSchema>;

const courtOrderBody = z.object({
  reference: z.string().trim().min(1).max(200).describe("the order's reference, e.g. HC-2025-0142"),
  court: z.string().trim().min(1).max(200),
  date: isoDate,
});

/** `POST /api/v1/people/{id}/release-date/override`. */
export const overrideBody = z.object({
  date: isoDate.describe('the release date set by hand'),
  reason: z.string().trim().min(1).max(2000),
  courtOrder: courtOrderBody.nullable().optional().describe('the order, when a court set the date'),
});
export type OverrideInput = z.input<typeof overrideBody>;

/** `POST /api/v1/people/{id}/detention-explanations`. */
export const explanationBody = z.object({
  courtOrder: courtOrderBody,
  note: z.string().max(2000).nullable().optional(),
});
export type ExplanationInput = z.input<typeof explanationBody>;

/** The detention explained (`release_date.detention_explained`). */
export const explainedSchema = releaseDateEvent.explained.schema.extend({ at: instantString });

/** `GET /api/v1/releases/due` query. */
export const releasesDueQuery = z.object({
  facility: z.string().min(1).max(100).optional().describe('facility id or code; default every facility'),
  days: z.coerce.number().int().min(0).max(3660).optional().describe('how many days ahead; default 90'),
  on: isoDate.optional().describe('the day to look from; default today'),
});

/** One person on the worklist or the alarm. */
export const releaseRowSchema = z.object({
  personId: z.string(),
  ref: z.string(),
  name: z.string(),
  facility: z.string(),
  facilityName: z.string(),
  releaseDate: dateString,
  status: z.enum(RELEASE_STATUSES),
  days: z.number().int().describe('days until the release when due; days past it otherwise'),
  calculationReason: z.string(),
  courtOrder: courtOrderSchema.nullable(),
});
export type ReleaseRow = z.output<typeof releaseRowSchema>;

/** `GET /api/v1/releases/due`: overdue first, then explained, then due soonest first. */
export const releasesDueSchema = z.object({
  on: dateString,
  days: z.number().int(),
  facility: z.string().nullable(),
  items: z.array(releaseRowSchema),
});
export type ReleasesDue = z.output<typeof releasesDueSchema>;
