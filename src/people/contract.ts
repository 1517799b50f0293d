/** The HTTP contract of people: request and response schemas. */
import { z } from 'zod';
import { contentResponse, fieldIssueSchema, instantString, pageQuery } from '../core/contract.js';
import { isoDate } from '../core/schemas.js';
import { RELEASE_REASONS } from '../custody/release-reasons.js';
import { TRANSFER_STATUSES } from '../transfers/states.js';
import { LEGAL_STATUSES, personRecordSchema, SEXES } from './model.js';

export { personRecordSchema };

/** A person named in the path. */
export const personParams = z.object({ id: z.uuid({ error: 'the person id is a UUID' }) });

/** The agreement a person belongs to, by id or code. */
export const agreementQuery = z.object({
  agreement: z.string().min(1).max(100).describe('Agreement id or code'),
});

/** The query of the people search. */
export const peopleQuery = agreementQuery.extend({
  q: z.string().max(200).optional().describe('Words to find in ref, names, aliases or identifiers'),
  ...pageQuery.shape,
});

/** Why a person is withdrawn from the roster. */
export const withdrawQuery = z.object({ reason: z.string().min(1).max(300) });

/** The query of an import. */
export const importQuery = agreementQuery.extend({ allOrNothing: z.enum(['true', 'false']).optional() });

/** A stored person: the full record, its id, agreement and version, and why it was withdrawn if it was. */
export const personSchema = z.object({
  id: z.string(),
  agreementId: z.string(),
  version: z.number().int(),
  ...personRecordSchema.shape,
  withdrawnReason: z.string().nullable().describe('set once the person is withdrawn from the roster'),
});
export type PersonDetail = z.output<typeof personSchema>;

/** A facility as a list names it: its id, code and name. */
export const facilityRefSchema = z.object({ id: z.string(), code: z.string(), name: z.string() });
export type FacilityRef = z.output<typeof facilityRefSchema>;

/**
 * Where a person stands in custody, read from the custody intervals and housing assignments: held at a
 * facility (in a cell, or waiting for one), released from their last interval, or never in custody.
 */
export const personCustodyStatusSchema = z
  .discriminatedUnion('status', [
    z.object({
      status: z.literal('in_custody'),
      facility: facilityRefSchema,
      since: instantString.describe('when the open custody interval began (intake)'),
      cell: z
        .string()
        .nullable()
        .describe('the code of the cell they are housed in; null while unhoused, and always for counsel'),
    }),
    z.object({
      status: z.literal('released'),
      facility: facilityRefSchema.describe('where they were last held'),
      releasedAt: instantString.describe('when their last custody interval ended'),
      releaseReason: z.enum(RELEASE_REASONS).nullable(),
    }),
    z.object({ status: z.literal('not_in_custody') }),
  ])
  .describe("the person's custody: in custody where, released, or never in custody");
export type PersonCustodyStatus = z.output<typeof personCustodyStatusSchema>;

/** The person's most recent transfer (by when it was nominated): its id, state and last change. */
export const latestTransferSchema = z.object({
  id: z.string(),
  status: z.enum(TRANSFER_STATUSES),
  updatedAt: instantString,
});
export type LatestTransfer = z.output<typeof latestTransferSchema>;

/** One row of the people search. */
export const personSummarySchema = personSchema
  .pick({ id: true, agreementId: true, ref: true, birthDate: true, nationalities: true, version: true })
  .extend({
    names: z.object({ given: z.string(), paternal: z.string(), maternal: z.string().nullable() }),
    // The read table's columns, which only ever hold values the record schema accepted.
    sex: z.enum(SEXES),
    legalStatus: z.enum(LEGAL_STATUSES),
    custody: personCustodyStatusSchema,
    latestTransfer: latestTransferSchema.nullable().describe('null when the person was never nominated'),
  });
export type PersonListItem = z.output<typeof personSummarySchema>;

/** `GET /api/v1/people`. */
export const personPageSchema = z.object({
  items: z.array(personSummarySchema),
  nextCursor: z.string().nullable().describe('pass as `cursor` for the next page; null on the last'),
  total: z.number().int().describe('the people matching the agreement and search, on every page'),
});
export type PersonPage = z.output<typeof personPageSchema>;

const importReportFields = {
  agreement: z.string(),
  rows: z.number().int(),
  registered: z.number().int(),
  revised: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.array(
    z.object({ line: z.number().int(), ref: z.string().optional(), issues: z.array(fieldIssueSchema) }),
  ),
  rejectedCount: z.number().int(),
  rolledBack: z.boolean().describe('true when nothing was stored (allOrNothing and a bad row)'),
  ledgerSize: z.number().int(),
};

/** What an import did: rows registered, revised, unchanged, and every rejected row with its fixes. */
export const importReportSchema = z.object(importReportFields);

/** An import with rejected rows: an RFC 9457 problem whose extension members are the import report. */
export const importRejectedSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.literal(422),
    code: z.literal('import_rows_rejected'),
    detail: z.string(),
    ...importReportFields,
  })
  .describe('Some rows were rejected: each with its line, field and fix');

/** The 422 of an import: rows rejected (the report), or a rule refused the request. */
export const importRejectedResponse = contentResponse(
  'application/problem+json',
  importRejectedSchema,
  'Some rows were rejected: the problem carries the import report, each bad row with its line, field and fix',
);

/** `POST /api/v1/people/{id}/seal`: the court's order sealing the record. */
export const sealBody = z.object({
  court: z.string().trim().min(1).max(80).describe("the court's code, as its holds carry it, e.g. D.D.C."),
  order: z.string().trim().min(1).max(120).describe("the order's reference"),
  on: isoDate.optional().describe('the day the order sealed the record, YYYY-MM-DD (default: today)'),
});

/** The seal recorded: hidden from monitors and the public locator from now on, and still counted. */
export const sealRecordedSchema = z.object({
  personId: z.string(),
  court: z.string(),
  order: z.string(),
  on: z.string(),
  at: instantString,
  by: z.string(),
});
