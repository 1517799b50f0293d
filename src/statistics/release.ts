import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalize } from '../core/canonical-json.js';
import { defineEvent } from '../core/events.js';
import { TRANSFER_OUTCOMES } from './model.js';
import { COMPLEMENTARY, UNDER_TEN } from './suppression.js';

/**
 * A published release of the public statistics (docs/decisions/0024-public-statistics.md): the figures as
 * published, their hash, and the `statistics.published` event that puts them in the ledger. Publishing the
 * same figures again for the same parameters records nothing; different figures are a revision, a new
 * event that names the release it revises.
 */

/** A published count: the number, `<10` (1–9) or `x` (10 or more, hidden to protect a `<10`). */
export const publishedCountSchema = z.union([
  z.number().int().min(0),
  z.literal(UNDER_TEN),
  z.literal(COMPLEMENTARY),
]);

const partsSchema = z.array(z.object({ key: z.string(), count: publishedCountSchema })).nullable();

/** The figures as published (model.ts, `PublishedFigures`). */
export const publishedFiguresSchema = z.object({
  from: z.string(),
  to: z.string(),
  date: z.string(),
  population: z.object({
    total: publishedCountSchema,
    byNationality: partsSchema,
    byLegalStatus: partsSchema,
  }),
  transfers: z.object({
    months: z.array(z.string()),
    byOutcome: z.array(
      z.object({ outcome: z.enum(TRANSFER_OUTCOMES), total: publishedCountSchema, byMonth: partsSchema }),
    ),
    cancelledByReason: partsSchema,
  }),
  deaths: z.object({
    count: publishedCountSchema,
    averageDailyPopulation: z.union([z.number().min(0), z.literal(UNDER_TEN)]),
    ratePer100k: z.number().nullable(),
  }),
  compliance: z.array(
    z.object({
      standard: z.string(),
      evaluated: publishedCountSchema,
      met: publishedCountSchema.nullable(),
      notMet: publishedCountSchema.nullable(),
      shareMet: z.number().nullable(),
      shareMetRange: z.object({ low: z.number(), high: z.number() }).nullable(),
    }),
  ),
  custodyLength: z.object({
    ended: publishedCountSchema,
    medianDays: z.number().nullable(),
    buckets: partsSchema,
  }),
  releases: z.object({ total: publishedCountSchema, byReason: partsSchema }),
});

/** What a release is about: a facility or an agreement (by code), a period and the population's date. */
export const releaseParametersSchema = z.object({
  scope: z.enum(['facility', 'agreement']),
  subject: z.string(),
  from: z.string(),
  to: z.string(),
  date: z.string(),
});
export type ReleaseParameters = z.output<typeof releaseParametersSchema>;

export const PUBLISHED_EVENT = 'statistics.published' as const;

/** Recorded when the statistics for a set of parameters are published, or revised. */
export const publishedSchema = releaseParametersSchema.extend({
  releaseId: z.string(),
  /** SHA-256 (hex) of the canonical JSON of `{ scope, subject, figures }` (`figuresHash`). */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  figures: publishedFiguresSchema,
  /** The release this one revises: the newest earlier release for the same parameters. */
  revises: z.string().nullable(),
});
export type Published = z.output<typeof publishedSchema>;

/** The statistics' event types. */
export const statisticsEvent = { published: defineEvent(PUBLISHED_EVENT, publishedSchema) };

/** The hash a release holds: SHA-256 over the RFC 8785 canonical JSON of what it is about and its figures. */
export function figuresHash(scope: ReleaseParameters['scope'], subject: string, figures: unknown): string {
  return createHash('sha256').update(canonicalize({ scope, subject, figures }), 'utf8').digest('hex');
}

/** The ledger stream of one set of parameters: its versions are the releases and their revisions. */
export function releaseStream(p: ReleaseParameters): string {
  return `statistics:${p.scope}:${p.subject}:${p.from}:${p.to}:${p.date}`;
}
