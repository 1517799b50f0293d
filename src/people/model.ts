import { z } from 'zod';
import { jsonEqual } from '../core/equal.js';
import { defineEvent, event, type NewEvent } from '../core/events.js';
import { countryCode, isoDate } from '../core/schemas.js';

/**
 * The person record, exactly as docs/domain.md's model and its NDJSON import format. This one schema is
 * used for import rows, API bodies and the OpenAPI document; types are inferred from it.
 */

function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `must be one of: ${values.join(', ')}` });
}

export const LEGAL_STATUSES = [
  'citizen',
  'lawful_permanent_resident',
  'visa_holder',
  'asylum_seeker',
  'refugee',
  'temporary_protected_status',
  'no_status',
] as const;
export const IDENTIFIER_TYPES = [
  'a_number',
  'fbi',
  'bop_register',
  'usms',
  'sv_dui',
  'passport',
  'other',
] as const;
export const CONVICTION_CATEGORIES = [
  'violent',
  'weapons',
  'trafficking',
  'terrorism',
  'organized_crime',
  'sexual',
  'property',
  'drug_possession',
  'immigration',
  'other',
] as const;
export const PROTECTION_TYPES = [
  'withholding_of_removal',
  'cat_withholding',
  'cat_deferral',
  'asylum_pending',
  'asylum_granted',
  'refugee',
  'tps',
] as const;
export const AFFILIATION_BASES = [
  'court_finding',
  'self_admission',
  'intelligence',
  'tattoos',
  'association',
] as const;
export const HOLD_TYPES = ['tro', 'habeas_petition', 'stay_of_removal', 'court_order'] as const;
export const SEXES = ['M', 'F', 'X'] as const;
export const VERIFICATION_METHODS = ['biometric', 'two_identifiers'] as const;

const text = (what: string, max = 200) =>
  z
    .string({
      error: (iss) => (iss.input === undefined ? `${what} is missing; give a value` : `${what} must be text`),
    })
    .trim()
    .min(1, { error: `${what} is empty; give a value` })
    .max(max, { error: `${what} is longer than ${max} characters; shorten it` });

export const personRef = z
  .string({ error: 'ref is missing; every person needs the sending agency reference, e.g. ICE-2025-000123' })
  .trim()
  .min(1, { error: 'ref is empty; every person needs the sending agency reference, e.g. ICE-2025-000123' })
  .max(64, { error: 'ref is longer than 64 characters' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]*$/, {
    error: 'ref may contain only letters, digits and . _ : / - (e.g. ICE-2025-000123)',
  });

export const namesSchema = z.strictObject({
  given: text('given names'),
  paternal: text('paternal surname'),
  maternal: text('maternal surname').nullish(),
});

export const identifierSchema = z
  .strictObject({
    type: oneOf(IDENTIFIER_TYPES),
    value: text('identifier value', 64),
    country: countryCode.nullish(),
  })
  .refine((id) => id.type !== 'passport' || !!id.country, {
    error:
      'a passport identifier needs its issuing country, e.g. {"type":"passport","value":"…","country":"VE"}',
    path: ['country'],
  });

export const identityVerificationSchema = z.strictObject({
  method: oneOf(VERIFICATION_METHODS),
  date: isoDate,
  by: text('verified by').nullish(),
});

const nonNegativeDays = (what: string) =>
  z
    .number({ error: `${what} must be a whole number of days` })
    .int({ error: `${what} must be a whole number of days` })
    .min(0, { error: `${what} cannot be negative; give the number of days, 0 or more` })
    .max(365_250, { error: `${what} is more than 1,000 years; check the figure` });

export const sentenceSchema = z.union(
  [
    z.strictObject({
      life: z.literal(true),
      start: isoDate,
      creditDays: nonNegativeDays('creditDays').default(0),
      consecutiveTo: z
        .string()
        .trim()
        .min(1, { error: 'consecutiveTo is empty; give a conviction id or null' })
        .nullish(),
    }),
    z.strictObject({
      days: nonNegativeDays('sentence days'),
      start: isoDate,
      creditDays: nonNegativeDays('creditDays').default(0),
      consecutiveTo: z
        .string()
        .trim()
        .min(1, { error: 'consecutiveTo is empty; give a conviction id or null' })
        .nullish(),
    }),
  ],
  { error: 'sentence must be {"days":N,"start":"YYYY-MM-DD"} or {"life":true,"start":"YYYY-MM-DD"}' },
);

export const convictionSchema = z.strictObject({
  id: text('conviction id', 64),
  court: text('court'),
  caseNumber: text('caseNumber', 100),
  offense: text('offense', 300),
  statute: text('statute').nullish(),
  category: oneOf(CONVICTION_CATEGORIES),
  judgmentDate: isoDate,
  final: z.boolean({
    error: 'final must be true or false (true when no appeal or collateral review is pending)',
  }),
  sentence: sentenceSchema.nullish(),
});

export const pendingChargeSchema = z.strictObject({
  court: text('court'),
  caseNumber: text('caseNumber', 100),
  offense: text('offense', 300),
  statute: text('statute').nullish(),
  category: oneOf(CONVICTION_CATEGORIES).nullish(),
  filed: isoDate.nullish(),
});

export const removalOrderSchema = z.strictObject({
  final: z.boolean({ error: 'removalOrder.final must be true or false' }),
  date: isoDate,
  destination: countryCode,
});

export const protectionSchema = z.strictObject({
  type: oneOf(PROTECTION_TYPES),
  /** The country protected against, or `ALL`. */
  country: z.union([z.literal('ALL'), countryCode], {
    error: 'protection country must be an ISO country code or ALL',
  }),
  date: isoDate.nullish(),
});

export const consentSchema = z.strictObject({
  verifiedBy: text('consent verifiedBy'),
  verifiedOn: isoDate,
});

export const affiliationSchema = z.strictObject({
  organization: text('organization', 100),
  basis: oneOf(AFFILIATION_BASES),
  source: text('affiliation source').nullish(),
  date: isoDate.nullish(),
});

export const holdSchema = z
  .strictObject({
    type: oneOf(HOLD_TYPES),
    court: text('hold court'),
    case: text('hold case', 100),
    issued: isoDate,
    lifted: isoDate.nullable().default(null),
  })
  .refine((h) => h.lifted === null || h.lifted >= h.issued, {
    error: 'a hold cannot be lifted before it was issued; check the lifted date',
    path: ['lifted'],
  });

export const noticeSchema = z.strictObject({
  servedOn: isoDate,
  counselNotified: z.boolean().default(false),
});

/** One person, as imported or posted. */
export const personRecordSchema = z
  .strictObject({
    ref: personRef,
    names: namesSchema,
    aliases: z.array(text('alias')).default([]),
    birthDate: isoDate,
    /**
     * The country of birth (ISO 3166-1 alpha-2), which the public locator matches on with the A-number or
     * the name (docs/domain.md, Locator). Optional: records imported before it was recorded have none,
     * and the locator never matches them.
     */
    birthCountry: countryCode.optional(),
    sex: oneOf(SEXES),
    nationalities: z
      .array(countryCode, { error: 'nationalities must be a list of country codes, e.g. ["VE"]' })
      .min(1, { error: 'nationalities is empty; give at least one country code, e.g. ["VE"]' }),
    legalStatus: oneOf(LEGAL_STATUSES),
    identifiers: z.array(identifierSchema).default([]),
    identityVerification: identityVerificationSchema.nullable().default(null),
    convictions: z.array(convictionSchema).default([]),
    pendingCharges: z.array(pendingChargeSchema).default([]),
    removalOrder: removalOrderSchema.nullable().default(null),
    protections: z.array(protectionSchema).default([]),
    consent: consentSchema.nullable().default(null),
    dualCriminality: z.boolean().nullable().default(null),
    affiliations: z.array(affiliationSchema).default([]),
    holds: z.array(holdSchema).default([]),
    notice: noticeSchema.nullable().default(null),
  })
  .superRefine((person, ctx) => {
    const ids = new Set<string>();
    person.convictions.forEach((c, i) => {
      if (ids.has(c.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['convictions', i, 'id'],
          message: `conviction id ${c.id} is used twice; give each conviction its own id`,
        });
      }
      ids.add(c.id);
    });
    person.convictions.forEach((c, i) => {
      const s = c.sentence;
      if (s && 'days' in s && s.days >= 0 && s.creditDays > s.days) {
        ctx.addIssue({
          code: 'custom',
          path: ['convictions', i, 'sentence', 'creditDays'],
          message: `creditDays (${s.creditDays}) exceeds the term (${s.days} days); credits cannot end a sentence before it starts`,
        });
      }
    });
    const next = new Map(person.convictions.map((c) => [c.id, c.sentence?.consecutiveTo ?? null]));
    person.convictions.forEach((c, i) => {
      // A chain of consecutive sentences must end: c1 → c2 → c1 would make the release date undefined.
      const visited = new Set<string>([c.id]);
      for (let at = next.get(c.id); at; at = next.get(at)) {
        if (visited.has(at)) {
          ctx.addIssue({
            code: 'custom',
            path: ['convictions', i, 'sentence', 'consecutiveTo'],
            message: `consecutive sentences form a loop through conviction ${at}; the first sentence of a chain has consecutiveTo null`,
          });
          return;
        }
        visited.add(at);
      }
    });
    if (new Set(person.nationalities).size !== person.nationalities.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['nationalities'],
        message: 'a nationality is listed twice; list each country once',
      });
    }
    person.convictions.forEach((c, i) => {
      const to = c.sentence?.consecutiveTo;
      if (to && (!ids.has(to) || to === c.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['convictions', i, 'sentence', 'consecutiveTo'],
          message: `consecutiveTo names conviction ${to}, which is not another conviction of this person; use the id of one of their convictions`,
        });
      }
    });
  });

/** A person record after validation (defaults filled in). */
export type PersonRecord = z.output<typeof personRecordSchema>;
/** A person record as written in an import file (defaults optional). */
export type PersonRecordInput = z.input<typeof personRecordSchema>;
export type Conviction = z.output<typeof convictionSchema>;
export type LegalStatus = (typeof LEGAL_STATUSES)[number];

/** A stored person: the record plus its identity in Custodia. */
export interface Person extends PersonRecord {
  id: string;
  agreementId: string;
  version: number;
}
export { countryCode, isoDate } from '../core/schemas.js';

export const PEOPLE_EVENTS = {
  registered: 'person.registered',
  revised: 'person.revised',
  withdrawn: 'person.withdrawn',
} as const;

/**
 * A person record as an event stores it: the shape of `PersonRecord`, without the input schema's
 * trimming, messages and cross-field rules, which the record passed when it came in. Checking the shape
 * only keeps validation cheap on bulk imports (a few µs a record, against some 40 µs for the input
 * schema, mostly its calendar checks of every date).
 */
const storedText = z.string();
const storedDate = z.string();
const storedNote = z.string().nullish();
const storedSentence = z.union([
  z.object({
    days: z.number().int(),
    start: storedDate,
    creditDays: z.number().int(),
    consecutiveTo: storedNote,
  }),
  z.object({
    life: z.literal(true),
    start: storedDate,
    creditDays: z.number().int(),
    consecutiveTo: storedNote,
  }),
]);
export const storedPersonRecordSchema = z.object({
  ref: storedText,
  names: z.object({ given: storedText, paternal: storedText, maternal: storedNote }),
  aliases: z.array(storedText),
  birthDate: storedDate,
  birthCountry: storedText.optional(),
  sex: z.enum(SEXES),
  nationalities: z.array(storedText),
  legalStatus: z.enum(LEGAL_STATUSES),
  identifiers: z.array(z.object({ type: z.enum(IDENTIFIER_TYPES), value: storedText, country: storedNote })),
  identityVerification: z
    .object({ method: z.enum(VERIFICATION_METHODS), date: storedDate, by: storedNote })
    .nullable(),
  convictions: z.array(
    z.object({
      id: storedText,
      court: storedText,
      caseNumber: storedText,
      offense: storedText,
      statute: storedNote,
      category: z.enum(CONVICTION_CATEGORIES),
      judgmentDate: storedDate,
      final: z.boolean(),
      sentence: storedSentence.nullish(),
    }),
  ),
  pendingCharges: z.array(
    z.object({
      court: storedText,
      caseNumber: storedText,
      offense: storedText,
      statute: storedNote,
      category: z.enum(CONVICTION_CATEGORIES).nullish(),
      filed: storedNote,
    }),
  ),
  removalOrder: z.object({ final: z.boolean(), date: storedDate, destination: storedText }).nullable(),
  protections: z.array(z.object({ type: z.enum(PROTECTION_TYPES), country: storedText, date: storedNote })),
  consent: z.object({ verifiedBy: storedText, verifiedOn: storedDate }).nullable(),
  dualCriminality: z.boolean().nullable(),
  affiliations: z.array(
    z.object({
      organization: storedText,
      basis: z.enum(AFFILIATION_BASES),
      source: storedNote,
      date: storedNote,
    }),
  ),
  holds: z.array(
    z.object({
      type: z.enum(HOLD_TYPES),
      court: storedText,
      case: storedText,
      issued: storedDate,
      lifted: storedDate.nullable(),
    }),
  ),
  notice: z.object({ servedOn: storedDate, counselNotified: z.boolean() }).nullable(),
});
// The stored shape and the input schema's output must describe the same record, both ways.
type StoredPersonRecord = z.output<typeof storedPersonRecordSchema>;
const _sameRecord: [StoredPersonRecord, PersonRecord] extends [PersonRecord, StoredPersonRecord]
  ? true
  : never = true;
void _sameRecord;

/** Recorded when a person first enters an agreement's roster. */
export const personRegisteredSchema = z.object({
  personId: z.string(),
  agreementId: z.string(),
  record: storedPersonRecordSchema,
  recordHash: z.string(),
});
export type PersonRegistered = z.output<typeof personRegisteredSchema>;

/** Recorded when a person's record changes: the whole new record and the top-level fields that changed. */
export const personRevisedSchema = personRegisteredSchema.extend({ changed: z.array(z.string()) });
export type PersonRevised = z.output<typeof personRevisedSchema>;

/** Recorded when a person is withdrawn from the roster (e.g. entered in error). Nothing is deleted. */
export const personWithdrawnSchema = z.object({
  personId: z.string(),
  agreementId: z.string(),
  reason: z.string(),
});
export type PersonWithdrawn = z.output<typeof personWithdrawnSchema>;

/** The people event types, each with its payload schema. */
export const personEvent = {
  registered: defineEvent(PEOPLE_EVENTS.registered, personRegisteredSchema),
  revised: defineEvent(PEOPLE_EVENTS.revised, personRevisedSchema),
  withdrawn: defineEvent(PEOPLE_EVENTS.withdrawn, personWithdrawnSchema),
};

/** What an upsert decision needs to know about the stored person with the same ref. */
export interface StoredPersonState {
  personId: string;
  recordHash: string;
  record: PersonRecord;
  withdrawn: boolean;
}

/**
 * Decides an upsert by ref: a new ref registers the person; a changed record is a revision naming the
 * changed fields; an identical record (same canonical hash) produces no event, so re-import is idempotent.
 */
export function decideUpsert(
  agreementId: string,
  existing: StoredPersonState | undefined,
  record: PersonRecord,
  recordHash: string,
  newId: () => string,
): NewEvent<PersonRegistered | PersonRevised> | null {
  if (!existing) {
    const personId = newId();
    return event(
      personEvent.registered,
      `person:${personId}`,
      { personId, agreementId, record, recordHash },
      { newStream: true },
    );
  }
  if (existing.recordHash === recordHash && !existing.withdrawn) return null;
  const changed = (Object.keys(record) as (keyof PersonRecord)[]).filter(
    (key) => !jsonEqual(record[key], existing.record[key]),
  );
  return event(personEvent.revised, `person:${existing.personId}`, {
    personId: existing.personId,
    agreementId,
    record,
    recordHash,
    changed,
  });
}

/** A person's name as people read it: given names, paternal then maternal surname. */
export function fullName(names: { given: string; paternal: string; maternal?: string | null }): string {
  return [names.given, names.paternal, names.maternal].filter(Boolean).join(' ');
}

/** Lower-case, accent-free text for search: "José" and "jose" find the same person. */
export function searchable(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The text a person is found by: ref, names, aliases and identifier values. */
export function searchTextOf(record: PersonRecord): string {
  return searchable(
    [
      record.ref,
      record.names.given,
      record.names.paternal,
      record.names.maternal ?? '',
      ...record.aliases,
      ...record.identifiers.map((i) => i.value),
    ].join(' '),
  );
}

/** The record alone, without Custodia's identity fields: what screening and export see. */
export function recordOf(person: Person & { withdrawnReason?: string | null }): PersonRecord {
  const {
    id: _id,
    agreementId: _agreementId,
    version: _version,
    withdrawnReason: _withdrawn,
    ...record
  } = person;
  return record;
}
