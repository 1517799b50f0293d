/** The HTTP contract of transport manifests: request and response schemas. */
import { z } from 'zod';
import { instantString } from '../core/contract.js';
import { isoInstant } from '../core/schemas.js';
import { HOLD_TYPES } from './reasons.js';
import {
  DIRECTIONS,
  ENTRY_STATUSES,
  MANIFEST_EXCEPTIONS,
  MANIFEST_STATUSES,
  TRANSFER_STATUSES,
} from './states.js';

/** An instant and the IANA zone it is read in. */
export const zonedTimeSchema = z
  .object({
    instant: isoInstant.describe('ISO 8601 instant, e.g. 2025-03-15T14:00:00Z'),
    zone: z.string().min(1).describe('IANA time zone, e.g. America/El_Salvador'),
  })
  .describe('an instant and the zone it is read in');
export type ZonedTime = z.output<typeof zonedTimeSchema>;

/** A manifest named in the path. */
export const manifestParams = z.object({ id: z.uuid() });

/** One entry of a manifest named in the path. */
export const entryParams = z.object({ id: z.uuid(), transferId: z.uuid() });

/** The filter of the manifests list. */
export const manifestListQuery = z.object({
  status: z.enum(MANIFEST_STATUSES).optional(),
  direction: z.enum(DIRECTIONS).optional(),
});

/** `POST /api/v1/manifests`. */
export const newManifestBody = z.object({
  direction: z
    .enum(DIRECTIONS)
    .optional()
    .describe('outbound (default) into the facility; return or repatriation out of it'),
  facilityId: z
    .string()
    .min(1)
    .describe(
      'the receiving facility, by id or code: where an outbound manifest arrives, or a return leaves',
    ),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional()
    .describe("a repatriation's country of destination, ISO 3166 alpha-2, e.g. VE"),
  carrier: z.string().min(1),
  flightNumber: z.string().min(1),
  origin: z.string().min(1),
  destination: z.string().min(1),
  scheduledDeparture: zonedTimeSchema,
  scheduledArrival: zonedTimeSchema,
});
export type NewManifest = z.input<typeof newManifestBody>;

/** `POST /api/v1/manifests/{id}/transfers`. */
export const addTransferBody = z.object({ transferId: z.uuid() });

/** `POST /api/v1/manifests/{id}/depart` and `…/arrive`: the actual time, default now. */
export const actualTimeBody = z.object({ actual: zonedTimeSchema.optional() }).default({});

/** `POST /api/v1/manifests/{id}/transfers/{transferId}/receive`: the identity check at intake. */
export const receiveBody = z.object({ method: z.enum(['biometric', 'document']), matched: z.boolean() });
export type IdentityCheckInput = z.input<typeof receiveBody>;

/** Who took a person at the end of a return or repatriation, by name. */
export const handoverSchema = z.object({
  agency: z
    .string()
    .min(1)
    .max(200)
    .describe(
      "the agency (a return: one of the agreement's sending agencies, e.g. US-ICE) or the country's authority",
    ),
  officer: z.string().min(1).max(200).describe('the officer who took the person, by name'),
});
export type HandoverInput = z.input<typeof handoverSchema>;

/** `POST /api/v1/manifests/{id}/transfers/{transferId}/hand-over`: who took the person, by name. */
export const handOverBody = handoverSchema;

/** `POST /api/v1/manifests/{id}/transfers/{transferId}/exception`. */
export const exceptionBody = z.object({
  kind: z.enum(MANIFEST_EXCEPTIONS),
  explanation: z.string().min(1).max(2000),
});
export type ExceptionInput = z.input<typeof exceptionBody>;

/** A zoned time as the manifest stores it. */
const storedZoned = z.object({ instant: instantString, zone: z.string() });

/** One transfer on a manifest. */
export const manifestEntrySchema = z.object({
  transferId: z.string(),
  personId: z.string(),
  status: z.enum(ENTRY_STATUSES),
  addedAt: instantString,
  boardedAt: instantString.nullable(),
  boardedBy: z.string().nullable(),
  receivedAt: instantString.nullable(),
  receivedBy: z.string().nullable(),
  identity: z
    .object({ method: z.enum(['biometric', 'document']), matched: z.boolean(), checkedBy: z.string() })
    .nullable(),
  handover: z
    .object({ agency: z.string(), officer: z.string() })
    .nullable()
    .describe('on a return or repatriation manifest: who took the person (receivedAt is when)'),
  exception: z
    .object({ kind: z.enum(MANIFEST_EXCEPTIONS), explanation: z.string(), at: instantString, by: z.string() })
    .nullable(),
});

const manifestFields = {
  manifestId: z.string(),
  direction: z.enum(DIRECTIONS),
  facilityId: z.string(),
  country: z.string().nullable().describe("a repatriation's country of destination"),
  carrier: z.string(),
  flightNumber: z.string(),
  origin: z.string(),
  destination: z.string(),
  scheduledDeparture: storedZoned,
  scheduledArrival: storedZoned,
  actualDeparture: storedZoned.nullable(),
  actualArrival: storedZoned.nullable(),
  status: z.enum(MANIFEST_STATUSES),
  version: z.number().int().describe('the number of events applied'),
  createdAt: instantString,
  updatedAt: instantString,
};

/** A manifest with its entries, as every manifest action returns it. */
export const manifestStateSchema = z.object({
  ...manifestFields,
  entries: z.array(manifestEntrySchema).readonly(),
});
export type ManifestState = z.output<typeof manifestStateSchema>;

/** The reconciliation of a manifest; the counts cover people who boarded. */
export const reconciliationSchema = z.object({
  reconciled: z.boolean(),
  boarded: z.number().int(),
  received: z.number().int().describe('received at intake, or handed over at the end of a return'),
  exceptions: z.number().int(),
  unaccounted: z.array(z.string()).describe('transfers boarded and neither received nor excepted'),
});

/** The alarm of a manifest that arrived unreconciled. */
export const manifestAlarmSchema = z.object({
  manifestId: z.string(),
  unaccounted: z.array(z.string()),
  since: instantString.describe('the actual arrival'),
});

/** An alarm with the flight, and who is unaccounted for by ref and name. */
export const manifestAlarmViewSchema = manifestAlarmSchema.extend({
  carrier: z.string(),
  flightNumber: z.string(),
  people: z.array(
    z.object({ transferId: z.string(), personId: z.string(), ref: z.string(), name: z.string() }),
  ),
});

/** `GET /api/v1/manifests`: manifests without their entries, with counts; and the open alarms. */
export const manifestListSchema = z.object({
  manifests: z.array(
    z.object({ ...manifestFields, people: z.number().int(), reconciliation: reconciliationSchema }),
  ),
  alarms: z.array(manifestAlarmViewSchema),
});
export type ManifestList = z.output<typeof manifestListSchema>;

/** A legal hold in force, as a manifest entry lists it. */
export const legalHoldRefSchema = z.object({
  holdId: z.string(),
  type: z.enum(HOLD_TYPES),
  court: z.string(),
  case: z.string(),
  issued: z.string(),
});

/** `GET /api/v1/manifests/{id}`: the manifest with its checklists, reconciliation and alarm. */
export const manifestViewSchema = z.object({
  ...manifestFields,
  facility: z.object({ id: z.string(), code: z.string(), name: z.string(), timeZone: z.string() }).nullable(),
  entries: z.array(
    manifestEntrySchema.extend({
      person: z
        .object({ id: z.string(), ref: z.string(), name: z.string(), nationalities: z.array(z.string()) })
        .nullable(),
      transferStatus: z.enum(TRANSFER_STATUSES).nullable(),
      activeHolds: z.array(legalHoldRefSchema),
    }),
  ),
  reconciliation: reconciliationSchema,
  alarm: manifestAlarmSchema.nullable(),
});
export type ManifestView = z.output<typeof manifestViewSchema>;
