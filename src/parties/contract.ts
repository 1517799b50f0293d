/** The HTTP contract of parties, users with their parties, representations and the family view. */
import { z } from 'zod';
import { userSummarySchema } from '../auth/contract.js';
import { ROLES } from '../auth/model.js';
import { isoDate } from '../core/schemas.js';
import { locatorFoundSchema } from '../locator/contract.js';
import { PARTY_KINDS, REPRESENTATION_SOURCES } from './model.js';

/** A party: what users act for (docs/domain.md, Parties, users and access). */
export const partySchema = z.object({
  id: z.string(),
  kind: z.enum(PARTY_KINDS),
  code: z.string().describe('short and unique; a court’s is the one its holds carry, e.g. D.D.C.'),
  name: z.string(),
  personId: z
    .string()
    .nullable()
    .describe('the person a family contact is verified for; null for every other kind'),
});
export type PartyView = z.output<typeof partySchema>;

/** `GET /api/v1/parties`. */
export const partyListSchema = z.object({ items: z.array(partySchema) });
export type PartyList = z.output<typeof partyListSchema>;

/** `GET /api/v1/parties?kind=`. */
export const partyListQuery = z.object({ kind: z.enum(PARTY_KINDS).optional() });

/** A person named by their agency reference under an agreement (id or code). */
const personRefSchema = z.object({
  ref: z.string().min(1).max(64).describe('the sending agency reference, e.g. ICE-2025-000123'),
  agreement: z.string().min(1).max(80).describe('the agreement id or code'),
});

/** `POST /api/v1/parties`: a family contact names the one person it is verified for, and no other kind does. */
export const newPartyBody = z.object({
  kind: z.enum(PARTY_KINDS),
  code: z.string().min(1).max(80),
  name: z.string().max(200).optional().describe('the full name; the code when left out'),
  person: personRefSchema.optional().describe('only for a family contact: the person it is verified for'),
});
export type NewParty = z.output<typeof newPartyBody>;

/** `POST /api/v1/users`: the password is generated and answered once. */
export const newUserBody = z.object({
  name: z.string().min(1).max(64),
  role: z.enum(ROLES),
  parties: z
    .array(z.string().min(1).max(80))
    .max(20)
    .default([])
    .describe(
      'the codes of the parties the user acts for; counsel, court and family need one, a court user may have several',
    ),
});
export type NewUser = z.input<typeof newUserBody>;

/** The user created, and their one-time password. */
export const userCreatedSchema = z.object({
  user: userSummarySchema,
  password: z.string().describe('the one-time password: shown once, it opens one session to set a new one'),
});
export type UserCreated = z.output<typeof userCreatedSchema>;

/** A representation: a law office represents a person from a date (to a date). */
export const representationSchema = z.object({
  id: z.string(),
  personId: z.string(),
  personRef: z.string().nullable().describe('the sending agency reference of the person'),
  agreementId: z.string(),
  officeId: z.string(),
  officeCode: z.string().nullable(),
  from: isoDate,
  to: isoDate.nullable(),
  source: z
    .enum(REPRESENTATION_SOURCES)
    .describe('recorded by sending legal or a court, or an appearance counsel filed'),
  confirmedAt: z
    .string()
    .nullable()
    .describe('ISO instant; null while a notice of appearance awaits confirmation'),
});
export type RepresentationView = z.output<typeof representationSchema>;

/** A list of representations, oldest first. */
export const representationListSchema = z.object({ items: z.array(representationSchema) });
export type RepresentationList = z.output<typeof representationListSchema>;

/** `GET /api/v1/representations?person=` or `?ref=&agreement=`. */
export const representationQuery = z.object({
  person: z.uuid().optional().describe('the person id'),
  ref: z.string().max(64).optional().describe('the sending agency reference, with agreement'),
  agreement: z.string().max(80).optional(),
});

/** `POST /api/v1/representations`: sending legal or a court record one, in force at once. */
export const newRepresentationBody = personRefSchema.extend({
  office: z.string().min(1).max(80).describe('the law office’s code'),
  from: isoDate,
  to: isoDate.nullable().optional(),
});

/** `POST /api/v1/representations/appearances`: counsel file a notice of appearance for their own office. */
export const newAppearanceBody = personRefSchema.extend({ from: isoDate });
export type NewAppearance = z.output<typeof newAppearanceBody>;

/** `POST /api/v1/representations/{id}/end`. */
export const endRepresentationBody = z.object({ to: isoDate });

/** A representation by id. */
export const representationParams = z.object({ id: z.string().min(1).max(80) });

/** `GET /api/v1/family/person`: the locator's answer for the family contact's person. */
export const familyPersonSchema = locatorFoundSchema.omit({ match: true });
export type FamilyPerson = z.output<typeof familyPersonSchema>;
