import { z } from 'zod';
import { publishedFiguresSchema } from './release.js';

/** The public statistics' HTTP contract (docs/domain.md, Public statistics). */

const text = (max: number, description: string) => z.string().max(max).optional().describe(description);

/** What the statistics are of: a facility or an agreement, a period, and the population's date. */
export const statisticsParameters = z.object({
  facility: text(64, 'a facility code, e.g. SV-CECOT (or give agreement)'),
  agreement: text(64, 'an agreement code or id (or give facility)'),
  from: text(16, 'the first day of the period, YYYY-MM-DD'),
  to: text(16, 'the last day of the period, YYYY-MM-DD (at most 366 days after from)'),
  date: text(16, 'the day the population is counted at the end of, within the period; default: to'),
});

/** `GET /api/v1/public/statistics`. */
export const statisticsQuery = statisticsParameters.extend({
  format: text(8, 'json (default) or csv'),
  lang: z.enum(['en', 'es']).optional().describe('the language of a refusal; overrides Accept-Language'),
});

/** The answer: the figures, their hash, and the published release they are, if any. */
export const statisticsAnswerSchema = z.object({
  scope: z.enum(['facility', 'agreement']),
  subject: z.string().describe('the facility or agreement code'),
  subjectName: z.string(),
  published: z
    .boolean()
    .describe('true: the newest published release for these parameters; false: computed now, not published'),
  hash: z
    .string()
    .describe(
      'SHA-256 (hex) of the RFC 8785 canonical JSON of {scope, subject, figures}; the ledger event holds it',
    ),
  release: z
    .object({
      id: z.string(),
      ledgerEntry: z.number().int().describe('the sequence number of the statistics.published ledger entry'),
      publishedAt: z.string(),
      revises: z.string().nullable().describe('the release this one revises, if any'),
    })
    .nullable(),
  figures: publishedFiguresSchema.describe(
    'every count from 1 to 9 is the string "<10"; "x" is a count of 10 or more hidden so that a "<10" in its table cannot be worked out from the total',
  ),
});

/** `POST /api/v1/statistics/publish`: the answer, and whether a new ledger event was recorded. */
export const publishAnswerSchema = statisticsAnswerSchema.extend({
  recorded: z.boolean().describe('false when the newest release already held these figures'),
});
