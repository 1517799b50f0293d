/** The HTTP contract of legal visits (docs/domain.md, Legal visits; Mandela Rule 61). */
import { z } from 'zod';
import { NOT_HELD_REASONS, REFUSAL_REASONS, VISIT_KINDS, VISIT_STATES } from './model.js';

export { NOT_HELD_REASONS, REFUSAL_REASONS, VISIT_KINDS, VISIT_STATES };

const instant = z.iso.datetime({ offset: true });

/** A legal visit named in the path. */
export const visitParams = z.object({ id: z.uuid() });

/** `POST /api/v1/people/{id}/legal-visits`: counsel request a visit or call with their client. */
export const visitRequestBody = z.object({
  kind: z.enum(VISIT_KINDS).describe('in_person, video or phone'),
  windowFrom: instant.describe('the preferred window: from this instant'),
  windowTo: instant.describe('the preferred window: to this instant, after windowFrom'),
  note: z.string().max(2000).optional(),
  office: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe("the law office (party code or id), only for the operator; counsel's own office is used"),
});
export type VisitRequestInput = z.input<typeof visitRequestBody>;

/** `POST /api/v1/legal-visits/{id}/schedule`: receiving custody schedules it. */
export const visitScheduleBody = z.object({
  room: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .describe("the room, as the facility's location code (there is no rooms list yet)"),
  startsAt: instant,
  endsAt: instant,
});
export type VisitScheduleInput = z.input<typeof visitScheduleBody>;

/** `POST /api/v1/legal-visits/{id}/refuse`: receiving custody refuses it, saying why. */
export const visitRefuseBody = z.object({
  reasonCode: z.enum(REFUSAL_REASONS),
  reason: z.string().trim().min(1).max(2000),
});
export type VisitRefuseInput = z.input<typeof visitRefuseBody>;

/** `POST /api/v1/legal-visits/{id}/outcome`: held, or not held with a reason. */
export const visitOutcomeBody = z.object({
  outcome: z.enum(['held', 'not_held']),
  reasonCode: z.enum(NOT_HELD_REASONS).optional().describe('required when not held'),
  reason: z.string().max(2000).optional().describe('required when not held'),
});
export type VisitOutcomeInput = z.input<typeof visitOutcomeBody>;

/** `POST /api/v1/legal-visits/{id}/cancel`: counsel cancel it. */
export const visitCancelBody = z.object({ reason: z.string().max(2000).optional() });
export type VisitCancelInput = z.input<typeof visitCancelBody>;

/** `GET /api/v1/facilities/{id}/legal-visits`: optionally only those in one state. */
export const facilityVisitsQuery = z.object({ status: z.enum(VISIT_STATES).optional() });

/** One legal visit: never the person's cell. */
export const legalVisitSchema = z.object({
  id: z.string(),
  personId: z.string(),
  personRef: z.string(),
  name: z.string(),
  facility: z.string(),
  timeZone: z.string().describe("the facility's time zone, to show the slot on its clock"),
  office: z.string().nullable(),
  kind: z.enum(VISIT_KINDS),
  windowFrom: z.string(),
  windowTo: z.string(),
  note: z.string().nullable(),
  status: z.enum(VISIT_STATES),
  requestedAt: z.string(),
  requestedBy: z.string(),
  dueAt: z.string().describe('Mandela Rule 61: held by this instant, 7 days after the request'),
  room: z.string().nullable(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  reasonCode: z.string().nullable(),
  reason: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export type LegalVisitView = z.output<typeof legalVisitSchema>;

/** A facility's legal visits. */
export const facilityVisitsSchema = z.object({ facility: z.string(), visits: z.array(legalVisitSchema) });
export type FacilityVisits = z.output<typeof facilityVisitsSchema>;

/** A person's legal visits. */
export const personVisitsSchema = z.object({ personId: z.string(), visits: z.array(legalVisitSchema) });
export type PersonVisits = z.output<typeof personVisitsSchema>;
