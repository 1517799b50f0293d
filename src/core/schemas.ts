import { z } from 'zod';
import { isCountryCode } from './countries.js';
import { isIsoDate, yearInRange } from './dates.js';
import { translate } from './messages/index.js';

/** Zod schemas shared by every feature. */

const DATE_HINT = 'write it as YYYY-MM-DD, a real calendar date, e.g. 2025-03-14';
const YEAR_RANGE = translate('en', 'date.year_range', {});

/** A calendar date `YYYY-MM-DD`, in the years 0001 to 9999 (PostgreSQL has no year 0000). */
export const isoDate = z
  .string({
    error: (iss) =>
      iss.input === undefined ? `is missing; ${DATE_HINT}` : `must be a date string; ${DATE_HINT}`,
  })
  .refine(yearInRange, { error: YEAR_RANGE, abort: true, params: { messageKey: 'date.year_range' } })
  .refine(isIsoDate, { error: `is not a valid date; ${DATE_HINT}` });

/**
 * An ISO 8601 instant with its offset (`2025-03-15T14:00:00Z`), in the years 0001 to 9999: Zod's own
 * datetime accepts year 0000, which PostgreSQL refuses.
 */
export const isoInstant = z.iso
  .datetime({ offset: true })
  .refine(yearInRange, { error: YEAR_RANGE, abort: true, params: { messageKey: 'date.year_range' } });

/** An ISO 3166-1 alpha-2 country code. */
export const countryCode = z
  .string({ error: 'must be a two-letter ISO 3166-1 country code such as SV, VE or US' })
  .refine(isCountryCode, {
    error: 'is not an ISO 3166-1 alpha-2 country code; use two capital letters such as SV, VE or US',
  });
