import { z } from 'zod';
import { isCountryCode } from './countries.js';
import { isIsoDate } from './dates.js';

/** Zod schemas shared by every feature. */

const DATE_HINT = 'write it as YYYY-MM-DD, a real calendar date, e.g. 2025-03-14';

/** A calendar date `YYYY-MM-DD`. */
export const isoDate = z
  .string({
    error: (iss) =>
      iss.input === undefined ? `is missing; ${DATE_HINT}` : `must be a date string; ${DATE_HINT}`,
  })
  .refine(isIsoDate, { error: `is not a valid date; ${DATE_HINT}` });

/** An ISO 3166-1 alpha-2 country code. */
export const countryCode = z
  .string({ error: 'must be a two-letter ISO 3166-1 country code such as SV, VE or US' })
  .refine(isCountryCode, {
    error: 'is not an ISO 3166-1 alpha-2 country code; use two capital letters such as SV, VE or US',
  });
