/**
 * The HTTP contract of custody: intervals, releases, regime log, incidents, headcounts, occupancy, compliance.
 * Isolation placements and consular notification are in isolation-contract.ts.
 */
import { z } from 'zod';
import { binaryFile, dateString, fieldIssueSchema, instant, instantString } from '../core/contract.js';
import { isoDate, isoInstant } from '../core/schemas.js';
import { capacitySchema } from '../facilities/contract.js';
import { SEVERITIES, STANDARDS } from './compliance.js';
import { DEATH_PARTIES, HEADCOUNT_MAX, INCIDENT_KINDS, INCIDENT_STATUSES } from './incident-kinds.js';
import { consularDutySchema } from './isolation-contract.js';
import { regimeEntrySchema } from './regime.js';
import { REGIME_MAX_ENTRIES } from './regime-csv.js';
import { RELEASE_REASONS } from './release-reasons.js';

export { DEATH_PARTIES, HEADCOUNT_MAX, REGIME_MAX_ENTRIES };

/** A person or an incident named in the path. */
export const idParams = z.object({ id: z.uuid() });

/** A facility named in the path by id or code. */
export const facilityParams = z.object({ id: z.string().min(1).max(100).describe('Facility id or code') });

/** A period of days, both included. */
export const periodQuery = z.object({ from: isoDate, to: isoDate });

/** A Rule 68 notification owed when custody starts: who must be told, by when, and when they were. */
export const notificationSchema = z.object({
  id: z.string(),
  rule: z.string(),
  source: z.string(),
  recipients: z.array(z.string()),
  dueAt: instant,
  fulfilledAt: instant.nullable(),
});

/** A custody interval at a facility, with its notifications. */
export const custodyIntervalSchema = z.object({
  id: z.string(),
  facilityId: z.string(),
  facilityName: z.string(),
  timeZone: z.string(),
  transferId: z.string(),
  manifestId: z.string().nullable(),
  startedAt: instant,
  endedAt: instant.nullable(),
  releaseReason: z.string().nullable(),
  notifications: z.array(notificationSchema),
});
export type CustodyInterval = z.output<typeof custodyIntervalSchema>;

/** `GET /api/v1/people/{id}/custody`: the intervals, newest first, with the cell the person is in now. */
export const personCustodySchema = z.object({
  personId: z.string(),
  intervals: z.array(
    custodyIntervalSchema.extend({
      housing: z
        .object({ cellId: z.string(), cell: z.string(), module: z.string(), assignedAt: instantString })
        .nullable()
        .describe(
          'the cell now; null when not housed, always after the release, and always for counsel (who never see the cell)',
        ),
      consular: consularDutySchema
        .nullable()
        .describe("the consular notification owed for a foreign national's intake; null when none is"),
    }),
  ),
});
export type PersonCustody = z.output<typeof personCustodySchema>;

/** `POST /api/v1/people/{id}/release`. */
export const releaseBody = z.object({
  reason: z.enum(RELEASE_REASONS),
  at: isoInstant.optional().describe('when custody ended; default now'),
  note: z.string().max(2000).optional(),
});
export type ReleaseInput = z.input<typeof releaseBody>;

/** The release recorded (`custody.released`). */
export const custodyReleasedSchema = z.object({
  intervalId: z.string(),
  personId: z.string(),
  facilityId: z.string(),
  reason: z.enum(RELEASE_REASONS),
  at: instantString,
  note: z.string().nullable(),
});
export type CustodyReleased = z.output<typeof custodyReleasedSchema>;

/** `GET /api/v1/facilities/{id}/regime`: one entry per cell per day. */
export const regimeLogSchema = z.object({
  facility: z.string(),
  from: dateString,
  to: dateString,
  entries: z.array(z.object({ ...regimeEntrySchema.shape, cellId: z.string(), version: z.number().int() })),
});
export type RegimeLog = z.output<typeof regimeLogSchema>;

/** `POST /api/v1/facilities/{id}/regime`: each entry is checked against the regime entry schema. */
export const regimeBody = z.object({
  entries: z.array(z.record(z.string(), z.unknown())).min(1).max(REGIME_MAX_ENTRIES),
  allOrNothing: z.boolean().default(false),
});

/** What recording regime entries did: recorded, and each rejected entry with its fields. */
export const regimeReportSchema = z.object({
  facility: z.string(),
  rows: z.number().int(),
  recorded: z.number().int(),
  rejected: z.array(z.object({ line: z.number().int(), issues: z.array(fieldIssueSchema) })),
  rolledBack: z.boolean(),
});
export type RegimeReport = z.output<typeof regimeReportSchema>;

/** The 422 of the regime log: some entries were rejected (the report), or a rule refused the request. */
export const regimeRejectedContent = { 'application/json': { schema: regimeReportSchema } };

/** The standards' ids. */
export const STANDARD_IDS = STANDARDS.map((s) => s.id);

/** One finding: a rule not met by a cell or a person on a day. */
export const findingSchema = z.object({
  rule: z.enum(STANDARD_IDS),
  source: z.string(),
  severity: z.enum(SEVERITIES),
  date: dateString,
  cell: z.string().nullable(),
  person: z.string().nullable(),
  detail: z.string(),
});

/** One rule's findings over the period. */
export const ruleReportSchema = z.object({
  id: z.enum(STANDARD_IDS),
  requirement: z.string(),
  source: z.string(),
  evaluated: z.number().int(),
  notEvaluable: z.number().int(),
  findings: z.number().int(),
  bySeverity: z.record(z.enum(SEVERITIES), z.number().int()),
  daysAffected: z.number().int(),
  byDay: z.array(z.object({ date: dateString, findings: z.number().int() })),
  worstCells: z.array(z.object({ cell: z.string(), findings: z.number().int() })),
  note: z.string().nullable().describe('why nothing could be evaluated, when nothing was'),
});

/** `GET /api/v1/facilities/{id}/compliance`. */
export const complianceReportSchema = z.object({
  facility: z.string(),
  facilityName: z.string(),
  timeZone: z.string(),
  from: dateString,
  to: dateString,
  thresholds: z.object({
    outdoorExerciseMinutes: z.number(),
    nightHours: z.number(),
    drinkingWaterLitres: z.number(),
    floorSpaceM2: z.number(),
    toiletAreaM2: z.number(),
    familyContactDays: z.number(),
    notificationHours: z.number(),
    consularNotificationHours: z.number(),
  }),
  rules: z.array(ruleReportSchema),
  findings: z.array(findingSchema),
});
export type ComplianceReport = z.output<typeof complianceReportSchema>;

/** The first and last recorded day of something at a facility, in its zone; null when nothing is. */
const daySpanSchema = z.object({ first: dateString, last: dateString }).nullable();

/** `GET /api/v1/facilities/{id}/records`: what the facility has on record, so a page opens on a period with some. */
export const recordExtentSchema = z.object({
  facility: z.string(),
  timeZone: z.string(),
  regime: daySpanSchema.describe('the regime log: first and last day with an entry'),
  incidents: daySpanSchema.describe('incidents: the days the first and last occurred'),
  headcounts: daySpanSchema.describe('headcounts: the days the first and last were taken'),
  intakes: daySpanSchema.describe('custody intervals: the days the first and last started'),
  isolation: daySpanSchema.describe('isolation placements: the days the first and last started'),
  compliance: daySpanSchema.describe(
    'what the compliance report judges (regime log, intakes, incidents, isolation): the first and last day of any',
  ),
});
export type RecordExtent = z.output<typeof recordExtentSchema>;

/** The query of a compliance export. */
export const complianceExportQuery = periodQuery.extend({
  format: z.enum(['csv', 'pdf']),
  lang: z
    .enum(['en', 'es'])
    .optional()
    .describe("the PDF's language; default the one Accept-Language prefers (English when neither says)"),
});

/** The compliance export: CSV or PDF. */
export const complianceExportResponse = {
  description: "The report as CSV (one finding per row) or a PDF in the reader's language",
  content: {
    'text/csv': { schema: z.string() },
    'application/pdf': { schema: binaryFile },
  },
};

/** The query of a facility's incidents. */
export const incidentsQuery = z.object({ status: z.enum(INCIDENT_STATUSES).optional() });

/** An incident as its read table holds it. */
export const incidentRowSchema = z.object({
  id: z.string(),
  facility_id: z.string(),
  kind: z.enum(INCIDENT_KINDS),
  person_id: z.string().nullable(),
  cell_id: z.string().nullable(),
  occurred_at: instant,
  description: z.string(),
  status: z.enum(INCIDENT_STATUSES),
  reported_at: instant,
  reported_by: z.string(),
  next_of_kin_notified_at: instant.nullable(),
  next_of_kin_recipient: z.string().nullable(),
  authority_notified_at: instant.nullable(),
  authority_recipient: z.string().nullable(),
  updated_at: instant,
});

/** `GET /api/v1/facilities/{id}/incidents`: newest first, with the person's ref and the cell's code. */
export const incidentListSchema = z.object({
  facility: z.string(),
  incidents: z.array(
    incidentRowSchema.extend({ person_ref: z.string().nullable(), cell_code: z.string().nullable() }),
  ),
});
export type IncidentList = z.output<typeof incidentListSchema>;

/** `GET /api/v1/incidents/{id}`: the incident and its history, oldest first. */
export const incidentDetailSchema = incidentRowSchema.extend({
  history: z.array(
    z.object({
      incident_id: z.string(),
      seq: z.number().int(),
      at: instant,
      action: z.string().describe('reported, status, notified_next_of_kin or notified_independent_authority'),
      from_status: z.string().nullable(),
      to_status: z.string().nullable(),
      note: z.string(),
      actor: z.string(),
    }),
  ),
});
export type IncidentDetail = z.output<typeof incidentDetailSchema>;

/** `POST /api/v1/facilities/{id}/incidents`. */
export const incidentBody = z.object({
  kind: z.enum(INCIDENT_KINDS),
  description: z.string().min(1).max(4000),
  personId: z.uuid().optional(),
  cell: z.string().min(1).max(32).optional(),
  occurredAt: isoInstant.optional(),
});
export type NewIncident = z.input<typeof incidentBody>;

/** The incident reported. */
export const incidentReportedSchema = z.object({
  incidentId: z.string(),
  facilityId: z.string(),
  kind: z.enum(INCIDENT_KINDS),
  personId: z.string().nullable(),
  cellId: z.string().nullable(),
  occurredAt: instantString,
  description: z.string(),
  at: instantString,
});
export type IncidentReported = z.output<typeof incidentReportedSchema>;

/** `POST /api/v1/incidents/{id}/status`. */
export const incidentStatusBody = z.object({
  to: z.enum(INCIDENT_STATUSES),
  note: z.string().min(1).max(4000),
});

/** `POST /api/v1/incidents/{id}/death-notifications`. */
export const deathNoticeBody = z.object({
  party: z.enum(DEATH_PARTIES),
  recipient: z.string().min(1).max(300),
  notifiedAt: isoInstant.optional(),
});
export type DeathNoticeInput = z.input<typeof deathNoticeBody>;

/**
 * `POST /api/v1/facilities/{id}/headcounts`. The schema holds the absolute ceiling; the service refuses
 * a count above twice what the facility can hold (`headcountLimit`), naming the figures.
 */
export const headcountBody = z.object({
  counted: z
    .number()
    .int()
    .min(0)
    .max(HEADCOUNT_MAX)
    .describe(
      `people counted: a whole number from 0 to ${HEADCOUNT_MAX}, and at most twice the largest of the facility's operational capacity, its bunks and the people expected`,
    ),
});

/** The headcount recorded; `incidentId` is the discrepancy incident it raised, if any. */
export const headcountRecordedSchema = z.object({
  headcountId: z.string(),
  facilityId: z.string(),
  countedAt: instantString,
  counted: z.number().int(),
  expected: z.number().int(),
  incidentId: z.string().nullable(),
});
export type HeadcountRecorded = z.output<typeof headcountRecordedSchema>;

const occupancyPoint = z.object({
  date: dateString,
  transferees: z.number().int(),
  local: z.number().int(),
  total: z.number().int(),
});

/** `GET /api/v1/facilities/{id}/occupancy`: recorded days, then the forecast. */
export const occupancyReportSchema = z.object({
  facility: z.string(),
  capacity: capacitySchema,
  history: z.array(occupancyPoint),
  forecast: z.array(occupancyPoint.extend({ arrivals: z.number().int(), releases: z.number().int() })),
});
export type OccupancyReport = z.output<typeof occupancyReportSchema>;

/** A notification obligation named in the path. */
export const notificationParams = z.object({ id: z.uuid(), obligationId: z.uuid() });

/** `POST /api/v1/people/{id}/notifications/{obligationId}`. */
export const notificationBody = z.object({
  recipients: z.string().min(1).max(500),
  fulfilledAt: isoInstant.optional(),
});

/** The notification recorded. */
export const notificationFulfilledSchema = z.object({
  obligationId: z.string(),
  personId: z.string(),
  recipients: z.string(),
  fulfilledAt: instantString,
  at: instantString,
});
