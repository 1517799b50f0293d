import { z } from 'zod';
import { instant } from '../core/contract.js';
import { LOCATOR_STATUSES, QUERY_FORMS } from './model.js';

/** The locator's HTTP contract (docs/domain.md, Locator): the public query and answer, and the lookup record. */

const text = (max: number, description: string) => z.string().max(max).optional().describe(description);

/** `GET /api/v1/public/locator`: by A-number, or by full name and birth date; always the country of birth. */
export const locatorQuery = z.object({
  aNumber: text(32, 'the A-number, e.g. A123456789 (with birthCountry)'),
  name: text(
    620,
    'the full name as recorded; the maternal surname may be left out (with birthCountry and birthDate)',
  ),
  birthCountry: text(8, 'the country of birth, an ISO 3166-1 alpha-2 code such as SV'),
  birthDate: text(16, 'the birth date, YYYY-MM-DD (with name)'),
  lang: z.enum(['en', 'es']).optional().describe('the language of the answer; overrides Accept-Language'),
});

/** The facility the found person is in (or was last, or is bound for): never a module or a cell. */
export const locatorFacilitySchema = z.object({
  code: z.string().describe('the facility code, e.g. SV-CECOT'),
  name: z.string(),
  address: z.string().nullable().describe('its postal address; null when none is recorded'),
});

/** The answer when exactly one person matches: status, since when, facility. Nothing else about the person. */
export const locatorFoundSchema = z.object({
  match: z.literal(true),
  status: z.enum(LOCATOR_STATUSES),
  since: z.string().nullable().describe('the ISO 8601 instant the status began; null for not_in_custody'),
  facility: locatorFacilitySchema
    .nullable()
    .describe(
      'where the person is held, is bound for (in_transit) or left (released, returned); null for not_in_custody',
    ),
});

/** The answer when nobody, or more than one person, matches exactly: the agency to contact. */
export const locatorMissSchema = z.object({
  match: z.literal(false),
  contact: z.string().describe("the agency to contact, in the reader's language"),
});

/** The locator's answer. */
export const locatorAnswerSchema = z.discriminatedUnion('match', [locatorFoundSchema, locatorMissSchema]);
export type LocatorAnswerView = z.output<typeof locatorAnswerSchema>;

/** `GET /api/v1/locator/lookups`: how many of the newest lookups to list. */
export const lookupsQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .optional()
    .describe('at most this many, newest first (default 200)'),
});

/** One lookup a signed-in user (or the CLI operator) made. */
export const lookupSchema = z.object({
  id: z.string(),
  actor: z.string().describe('who looked up, e.g. user:counsel'),
  role: z.string(),
  personId: z
    .string()
    .nullable()
    .describe('whom the lookup found; null for a miss, which keeps nothing of the query'),
  ref: z.string().nullable().describe("the found person's sending agency reference"),
  form: z.enum(QUERY_FORMS),
  channel: z.enum(['api', 'cli']),
  at: instant,
});
export type LookupView = z.output<typeof lookupSchema>;

/** The recorded lookups, newest first. */
export const lookupListSchema = z.object({ lookups: z.array(lookupSchema) });
