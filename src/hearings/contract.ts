/** The HTTP contract of video-link hearings (docs/domain.md, Video-link hearings; decision 0029). */
import { z } from 'zod';
import {
  BOOKING_FLAGS,
  BOOKING_STATES,
  EXTRA_MINUTES,
  HEARING_OUTCOMES,
  HEARING_TYPES,
  MAIN_MINUTES,
  NOT_PRODUCED_REASONS,
} from './model.js';
import { ROOM_USES, scheduleRowSchema } from './rooms.js';

export { BOOKING_FLAGS, BOOKING_STATES, HEARING_OUTCOMES, HEARING_TYPES, NOT_PRODUCED_REASONS, ROOM_USES };

const instant = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();
const text = (max: number) => z.string().trim().max(max);

/** A hearing named in the path. */
export const hearingParams = z.object({ id: z.uuid() });
/** A facility and one of its rooms named in the path. */
export const roomParams = z.object({ id: z.string().min(1).max(64), code: z.string().min(1).max(40) });
/** A court (party code or id) named in the path. */
export const courtParams = z.object({ court: z.string().min(1).max(80) });
/** A day list's date, in the facility's or the court's zone. */
export const dayQuery = z.object({ date: isoDate.describe('YYYY-MM-DD, in the zone of the list') });

/** A time as a zone shows it. */
export const zonedTimeSchema = z.object({
  zone: z.string().describe('IANA time zone'),
  local: z.string().describe('the wall clock, YYYY-MM-DDTHH:MM'),
});

const scheduleInput = z
  .union([z.string().max(2000), z.array(scheduleRowSchema).max(50)])
  .describe('rows, or text such as "Mon-Fri 08:00-12:00 court; Mon-Fri 13:00-17:00" (the facility\'s zone)');

/** `POST /api/v1/facilities/{id}/rooms`: add a hearing room. */
export const roomCreateBody = z.object({
  code: z.string().trim().min(1).max(40),
  name: text(200).optional(),
  schedule: scheduleInput.optional(),
});
export type RoomCreateInput = z.input<typeof roomCreateBody>;

/** `PUT /api/v1/facilities/{id}/rooms/{code}/schedule`: replace a room's weekly schedule. */
export const roomScheduleBody = z.object({ schedule: scheduleInput });
export type RoomScheduleInput = z.input<typeof roomScheduleBody>;

/** `POST /api/v1/facilities/{id}/rooms/{code}/blocks`: close a room for a while, saying why. */
export const roomBlockBody = z.object({ from: instant, to: instant, reason: text(500).min(1) });
export type RoomBlockInput = z.input<typeof roomBlockBody>;

/** A room with its schedule and the blocks still to come. */
export const roomSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  schedule: z.array(scheduleRowSchema),
  blocks: z.array(z.object({ id: z.string(), from: z.string(), to: z.string(), reason: z.string() })),
});
export type RoomView = z.output<typeof roomSchema>;

/** A facility's rooms. */
export const roomsSchema = z.object({
  facility: z.string(),
  timeZone: z.string(),
  rooms: z.array(roomSchema),
});
export type RoomsView = z.output<typeof roomsSchema>;

const termFields = {
  hearingType: z.enum(HEARING_TYPES),
  start: instant.describe('the main slot starts at this instant'),
  minutes: z.number().int().min(MAIN_MINUTES.min).max(MAIN_MINUTES.max).describe('the main slot, in minutes'),
  pre: z
    .number()
    .int()
    .min(EXTRA_MINUTES.min)
    .max(EXTRA_MINUTES.max)
    .optional()
    .describe('minutes before, e.g. with counsel'),
  post: z.number().int().min(EXTRA_MINUTES.min).max(EXTRA_MINUTES.max).optional().describe('minutes after'),
  room: z.string().trim().min(1).max(40).optional().describe('a room code; any free room when left out'),
  caseRef: text(100).optional(),
  videoUrl: text(500).optional().describe('the https link of the court; may come later'),
  counsel: text(200).optional(),
  interpreter: text(35)
    .optional()
    .describe('the language an interpreter is needed for, BCP 47 (es, ht, pt-BR)'),
};

/** `POST /api/v1/hearings`: a court books a hearing for a person in custody. */
export const hearingBookBody = z.object({
  person: z.string().min(1).max(100).describe('person id, or ref with agreement'),
  agreement: z.string().min(1).max(100).optional(),
  court: z.string().min(1).max(80).describe("the court's party code, e.g. D.D.C."),
  ...termFields,
});
export type HearingBookInput = z.input<typeof hearingBookBody>;

/** `POST /api/v1/hearings/{id}/amend`: what changes (anything left out is kept). */
export const hearingAmendBody = z.object({
  hearingType: termFields.hearingType.optional(),
  start: instant.optional(),
  minutes: termFields.minutes.optional(),
  pre: termFields.pre,
  post: termFields.post,
  room: termFields.room,
  caseRef: termFields.caseRef,
  videoUrl: termFields.videoUrl,
  counsel: termFields.counsel,
  interpreter: termFields.interpreter,
  reason: text(500).optional().describe('why the court amends the booking, kept in its history'),
});
export type HearingAmendInput = z.input<typeof hearingAmendBody>;

/** `POST /api/v1/hearings/{id}/cancel`. */
export const hearingCancelBody = z.object({ reason: text(500).optional() });
export type HearingCancelInput = z.input<typeof hearingCancelBody>;

/** `POST /api/v1/hearings/{id}/outcome`: the outcome, and a hold or return ordered at the hearing. */
export const hearingOutcomeBody = z.object({
  outcome: z.enum(HEARING_OUTCOMES),
  reasonCode: z.enum(NOT_PRODUCED_REASONS).optional().describe('required when not produced'),
  reason: text(2000).optional(),
  hold: z
    .object({ type: z.string().min(1).max(40), case: z.string().trim().min(1).max(100) })
    .optional()
    .describe('a legal hold the court issued at the hearing, recorded in the same transaction'),
  returnOrder: z
    .object({ case: z.string().trim().min(1).max(100) })
    .optional()
    .describe('a return the court ordered at the hearing, recorded in the same transaction'),
});
export type HearingOutcomeInput = z.input<typeof hearingOutcomeBody>;

/** An alternative slot: room, main slot, both zones. */
export const slotOptionSchema = z.object({
  room: z.string(),
  start: z.string(),
  end: z.string(),
  courtTime: zonedTimeSchema,
  facilityTime: zonedTimeSchema,
});

/** One hearing: both zones, flags; never the person's cell. */
export const hearingSchema = z.object({
  id: z.string(),
  personId: z.string(),
  personRef: z.string(),
  name: z.string(),
  facility: z.string(),
  court: z.string(),
  room: z.string(),
  hearingType: z.enum(HEARING_TYPES),
  start: z.string(),
  end: z.string(),
  courtTime: zonedTimeSchema,
  facilityTime: zonedTimeSchema,
  courtEnd: zonedTimeSchema,
  facilityEnd: zonedTimeSchema,
  preMinutes: z.number(),
  postMinutes: z.number(),
  caseRef: z.string().nullable(),
  videoUrl: z.string().nullable(),
  counsel: z.string().nullable(),
  interpreter: z.string().nullable(),
  status: z.enum(BOOKING_STATES),
  reasonCode: z.string().nullable(),
  reason: z.string().nullable(),
  version: z.number(),
  bookedAt: z.string(),
  bookedBy: z.string(),
  flags: z.array(z.enum(BOOKING_FLAGS)),
});
export type HearingView = z.output<typeof hearingSchema>;

/** One hearing with its history (each act a ledger event). */
export const hearingDetailSchema = hearingSchema.extend({
  history: z.array(
    z.object({
      version: z.number(),
      kind: z.enum(['booked', 'amended', 'cancelled', 'outcome']),
      at: z.string(),
      actor: z.string(),
      changed: z.array(z.string()),
      reason: z.string().nullable().describe("an amendment's or a cancellation's reason"),
    }),
  ),
});
export type HearingDetail = z.output<typeof hearingDetailSchema>;

/** The answer to a booking: booked, or not with why and up to 3 alternatives. */
export const bookResultSchema = z.union([
  z.object({ booked: z.literal(true), booking: hearingSchema }),
  z.object({
    booked: z.literal(false),
    conflicts: z.array(z.string()),
    alternatives: z.array(slotOptionSchema),
  }),
]);
export type BookResult = z.output<typeof bookResultSchema>;

/** The answer to an amendment. */
export const amendResultSchema = z.union([
  z.object({ amended: z.literal(true), booking: hearingSchema }),
  z.object({
    amended: z.literal(false),
    conflicts: z.array(z.string()),
    alternatives: z.array(slotOptionSchema),
  }),
]);
export type AmendResult = z.output<typeof amendResultSchema>;

/** The answer to an outcome: the hearing, and the hold recorded with it. */
export const outcomeResultSchema = hearingSchema.extend({ holdId: z.string().nullable() });

/** A facility's day list. */
export const facilityDaySchema = z.object({
  facility: z.string(),
  timeZone: z.string(),
  date: z.string(),
  hearings: z.array(hearingSchema),
});
export type FacilityDay = z.output<typeof facilityDaySchema>;

/** A court's day list, in the court's zone. */
export const courtDaySchema = z.object({
  court: z.string(),
  timeZone: z.string(),
  date: z.string(),
  hearings: z.array(hearingSchema),
});
export type CourtDay = z.output<typeof courtDaySchema>;

/** A person's hearings (a family contact: the next one). */
export const personHearingsSchema = z.object({
  personId: z.string(),
  facilityZone: z
    .string()
    .nullable()
    .describe('the zone of the facility holding the person; null when not in custody'),
  hearings: z.array(hearingSchema),
});
export type PersonHearings = z.output<typeof personHearingsSchema>;
