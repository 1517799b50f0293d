import { z } from 'zod';
import { isCountryCode } from '../core/countries.js';
import { isIsoDate, Temporal } from '../core/dates.js';
import { DomainError } from '../core/errors.js';
import { defineEvent } from '../core/events.js';
import {
  aNumberDigits,
  LOCATOR_STATUSES,
  type LocatorStatus,
  QUERY_FORMS,
  type QueryForm,
} from './statuses.js';

/**
 * The public locator (docs/domain.md, Locator): who may be found, how a query matches a person, and what
 * the answer says. Pure: the records and custody facts come in as values.
 *
 * Matching is exact, on (A-number, country of birth) or (full name, country of birth, birth date). Accents,
 * letter case and repeated spaces do not matter, and the maternal surname may be left out; nothing else is
 * forgiven. Two people matching is answered as no match: the locator never says that a query was close, and
 * never chooses between people (docs/decisions/0020-public-locator.md).
 */

export { aNumberDigits, LOCATOR_STATUSES, type LocatorStatus, QUERY_FORMS, type QueryForm };

/** A query as it arrives: the API's query string, the CLI's options, the web form. */
export interface RawLocatorQuery {
  aNumber?: string | undefined;
  name?: string | undefined;
  birthCountry?: string | undefined;
  birthDate?: string | undefined;
}

/** A query, checked and normalised. A name query without a birth date can never match: it answers no match. */
export type LocatorQuery =
  | { form: 'a_number'; aNumber: string; birthCountry: string }
  | { form: 'name'; name: string; birthCountry: string; birthDate: string | null };

/** The longest name a query may give: the longest name the person record holds, with spaces. */
const NAME_MAX = 620;

/** A name as the locator compares it: accents removed, case folded, spaces collapsed. */
export function nameKey(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

function invalid(key: LocatorInputKey, field: string): DomainError {
  return new DomainError(
    'invalid_input',
    key,
    { field },
    { issues: [{ field, message: INPUT_MESSAGES[key] }], details: { field } },
  );
}

type LocatorInputKey =
  | 'locator.query_incomplete'
  | 'locator.a_number_malformed'
  | 'locator.birth_country_unknown'
  | 'locator.birth_date_invalid'
  | 'locator.query_both'
  | 'locator.name_too_long';

/** The English issue text beside the localized detail, naming what to fix. */
const INPUT_MESSAGES: Record<LocatorInputKey, string> = {
  'locator.query_incomplete': 'give aNumber and birthCountry, or name, birthCountry and birthDate',
  'locator.a_number_malformed': 'an A-number is A followed by 8 or 9 digits, e.g. A123456789',
  'locator.birth_country_unknown': 'give the two-letter ISO 3166-1 code of the country of birth, e.g. SV',
  'locator.birth_date_invalid': 'write the birth date as YYYY-MM-DD, e.g. 1990-05-12',
  'locator.query_both': 'ask by A-number or by name, not both at once',
  'locator.name_too_long': `a name has at most ${NAME_MAX} characters`,
};

const given = (value: string | undefined): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

/**
 * Checks a query: a complete form (A-number and country of birth, or name and country of birth, the birth
 * date being needed to match), a well-formed A-number, a known country code, a real birth date. Refuses
 * with `invalid_input` naming the field.
 */
export function parseLocatorQuery(raw: RawLocatorQuery): LocatorQuery {
  const aNumber = given(raw.aNumber);
  const name = given(raw.name);
  const country = given(raw.birthCountry)?.toUpperCase();
  const birthDate = given(raw.birthDate);
  if (aNumber !== undefined && name !== undefined) throw invalid('locator.query_both', 'name');
  if (aNumber === undefined && name === undefined) throw invalid('locator.query_incomplete', 'aNumber');
  if (country === undefined) throw invalid('locator.query_incomplete', 'birthCountry');
  if (!isCountryCode(country)) throw invalid('locator.birth_country_unknown', 'birthCountry');
  if (aNumber !== undefined) {
    const digits = aNumberDigits(aNumber);
    if (digits === null) throw invalid('locator.a_number_malformed', 'aNumber');
    return { form: 'a_number', aNumber: digits, birthCountry: country };
  }
  if (name === undefined) throw invalid('locator.query_incomplete', 'name');
  if (name.length > NAME_MAX) throw invalid('locator.name_too_long', 'name');
  // Year 0000 is a calendar date but not one the database stores: refused here, never sent to a query.
  if (birthDate !== undefined && (!isIsoDate(birthDate) || birthDate.startsWith('0000'))) {
    throw invalid('locator.birth_date_invalid', 'birthDate');
  }
  return { form: 'name', name: nameKey(name), birthCountry: country, birthDate: birthDate ?? null };
}

/** What matching reads of a person: the fields of the record the locator matches on, nothing else. */
export interface LocatorCandidate {
  personId: string;
  names: { given: string; paternal: string; maternal?: string | null | undefined };
  birthDate: string;
  birthCountry?: string | undefined;
  identifiers: readonly { type: string; value: string }[];
}

/**
 * The names a person answers to: given names and paternal surname, with and without the maternal
 * surname. The record's fields are kept apart, so "José Luis Hernández" finds "José Luis / Hernández /
 * García", but a record holding both surnames in the paternal field answers only to the whole of it.
 */
export function nameKeysOf(names: LocatorCandidate['names']): string[] {
  const short = nameKey(`${names.given} ${names.paternal}`);
  const maternal = names.maternal?.trim();
  return maternal ? [short, nameKey(`${names.given} ${names.paternal} ${maternal}`)] : [short];
}

/** True when `candidate` is exactly the person `query` describes. */
export function matches(query: LocatorQuery, candidate: LocatorCandidate): boolean {
  if (candidate.birthCountry === undefined || candidate.birthCountry !== query.birthCountry) return false;
  if (query.form === 'a_number') {
    return candidate.identifiers.some(
      (id) => id.type === 'a_number' && aNumberDigits(id.value) === query.aNumber,
    );
  }
  if (query.birthDate === null || candidate.birthDate !== query.birthDate) return false;
  return nameKeysOf(candidate.names).includes(query.name);
}

/**
 * The one person `query` finds, or null: no one, or more than one. Two records answering the same query
 * are not told apart, and telling that there are two would say the query was right: both are no match.
 */
export function findMatch(query: LocatorQuery, candidates: readonly LocatorCandidate[]): string | null {
  const found = new Set(candidates.filter((c) => matches(query, c)).map((c) => c.personId));
  if (found.size !== 1) return null;
  const [only] = found;
  return only ?? null;
}

/** A person's custody facts, as the status is derived from them. */
export interface CustodyFacts {
  intervals: readonly {
    facilityId: string;
    startedAt: Date;
    endedAt: Date | null;
    releaseReason: string | null;
  }[];
  /** Manifest entries boarded and never received (nor returned before departure), with the destination. */
  boardings: readonly { facilityId: string; boardedAt: Date }[];
  /** Transfers a court ordered returned, with the instant and the facility of the custody they ended. */
  returns: readonly { at: Date; facilityId: string | null }[];
}

/** The status of a found person: where, since when. `facilityId` is null when no facility holds them. */
export interface DerivedStatus {
  status: LocatorStatus;
  since: Date | null;
  facilityId: string | null;
}

/**
 * Derives the locator status. An open custody interval is `in_custody` since intake, whatever else was
 * recorded (a return ordered and not carried out leaves the person where they are). Otherwise the latest
 * of these says where the person went: boarding a manifest (`in_transit`, towards its facility), the end of
 * custody (`released`, or `returned` when it ended by a court-ordered return), a return order
 * (`returned`). With none of them the person was never held under the agreement: `not_in_custody`.
 */
export function deriveStatus(facts: CustodyFacts): DerivedStatus {
  const open = facts.intervals.find((i) => i.endedAt === null);
  if (open) return { status: 'in_custody', since: open.startedAt, facilityId: open.facilityId };
  const candidates: DerivedStatus[] = [
    ...facts.boardings.map((b) => ({
      status: 'in_transit' as const,
      since: b.boardedAt,
      facilityId: b.facilityId,
    })),
    ...facts.intervals.map((i) => ({
      status: i.releaseReason === 'court_ordered_return' ? ('returned' as const) : ('released' as const),
      since: i.endedAt,
      facilityId: i.facilityId,
    })),
    ...facts.returns.map((r) => ({ status: 'returned' as const, since: r.at, facilityId: r.facilityId })),
  ];
  // On the same instant, the later step of the story wins: a return over a release over a boarding.
  const rank: Record<LocatorStatus, number> = {
    not_in_custody: 0,
    in_custody: 0,
    in_transit: 1,
    released: 2,
    returned: 3,
  };
  let latest: DerivedStatus | null = null;
  for (const c of candidates) {
    const t = c.since?.getTime() ?? Number.NEGATIVE_INFINITY;
    const best = latest?.since?.getTime() ?? Number.NEGATIVE_INFINITY;
    if (latest === null || t > best || (t === best && rank[c.status] > rank[latest.status])) latest = c;
  }
  return latest ?? { status: 'not_in_custody', since: null, facilityId: null };
}

/** A facility as the locator shows it: never a module or a cell. */
export interface LocatorFacility {
  code: string;
  name: string;
  address: string | null;
}

/** The locator's answer: the found person's status and facility, or no match with the agency to contact. */
export type LocatorAnswer =
  | { match: true; status: LocatorStatus; since: string | null; facility: LocatorFacility | null }
  | { match: false; contact: string };

/**
 * An instant written with the UTC offset of `zone` at that instant (`2025-03-14T16:00:00-06:00`): still
 * one ISO 8601 instant, and a reader sees the time on the facility's clock without knowing its zone.
 */
export function inZone(instant: Date, zone: string | null): string {
  if (zone === null) return instant.toISOString();
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime())
    .toZonedDateTimeISO(zone)
    .toString({ timeZoneName: 'never', smallestUnit: 'second' });
}

/**
 * Builds the answer for a found person with exactly the contract's fields: the facility's code, name and
 * address (its zone only writes `since`), never a module or a cell.
 */
export function foundAnswer(
  status: DerivedStatus,
  facility: (LocatorFacility & { timeZone: string }) | null,
): LocatorAnswer {
  return {
    match: true,
    status: status.status,
    since: status.since ? inZone(status.since, facility?.timeZone ?? null) : null,
    facility: facility ? { code: facility.code, name: facility.name, address: facility.address } : null,
  };
}

export const LOOKUP_EVENT = 'locator.looked_up' as const;

/**
 * Recorded for each lookup by a signed-in user or the CLI operator (who: the envelope's actor; when: its
 * time). A match names the person; a miss keeps only that the lookup was made and its form, never what was
 * asked, not even a hash of it: nine digits are too few for a hash to hide.
 */
export const lookedUpSchema = z.object({
  lookupId: z.string(),
  role: z.string(),
  personId: z.string().nullable(),
  form: z.enum(QUERY_FORMS),
  channel: z.enum(['api', 'cli']),
  at: z.string(),
});
export type LookedUp = z.output<typeof lookedUpSchema>;

/** The locator's event types. */
export const locatorEvent = { lookedUp: defineEvent(LOOKUP_EVENT, lookedUpSchema) };
