import type { Wire } from '../../../src/core/contract.ts';
import {
  type AmendResult as AmendResultOut,
  type BookResult as BookResultOut,
  type CourtDay as CourtDayOut,
  type FacilityDay as FacilityDayOut,
  HEARING_OUTCOMES,
  HEARING_TYPES,
  type HearingAmendInput,
  type HearingBookInput,
  type HearingDetail as HearingDetailOut,
  type HearingOutcomeInput,
  NOT_PRODUCED_REASONS,
  type PersonHearings as PersonHearingsOut,
  type RoomsView as RoomsOut,
} from '../../../src/hearings/contract.ts';
import { ApiError, request, send } from '../api.ts';

/**
 * The API calls of video-link hearings, typed from the server's contract (src/hearings/contract.ts) in
 * their wire form, with its value lists.
 */

export { HEARING_OUTCOMES, HEARING_TYPES, NOT_PRODUCED_REASONS };

/** The answer to a booking: booked, or not with why and up to 3 alternatives. */
export type BookResult = Wire<BookResultOut>;
/** A slot offered instead of the one asked for. */
export type Alternative = Extract<BookResult, { booked: false }>['alternatives'][number];
/** A facility's hearings of a day. */
export type FacilityDay = Wire<FacilityDayOut>;
/** One hearing. */
export type Hearing = FacilityDay['hearings'][number];
/** A kind of hearing. */
export type HearingType = (typeof HEARING_TYPES)[number];

/** A court's hearings of a day, in its zone. */
export type CourtDay = Wire<CourtDayOut>;

/** The path of a court's day list (the court by its party code). */
export function courtDayPath(court: string, date: string): string {
  return `/api/v1/courts/${encodeURIComponent(court)}/hearings?date=${encodeURIComponent(date)}`;
}

/** The path of a facility's day list. */
export function facilityDayPath(facility: string, date: string): string {
  return `/api/v1/facilities/${encodeURIComponent(facility)}/hearings?date=${encodeURIComponent(date)}`;
}

/** True when a 409's body is the refusal of a slot: its conflicts and alternatives. */
function isUnavailable(body: unknown): body is Extract<BookResult, { booked: false }> {
  return (
    typeof body === 'object' &&
    body !== null &&
    'booked' in body &&
    body.booked === false &&
    'alternatives' in body &&
    Array.isArray(body.alternatives)
  );
}

/** Books a hearing; a slot that does not fit answers 409 with its alternatives, returned as such. */
export async function bookHearing(input: HearingBookInput): Promise<BookResult> {
  try {
    return await send<BookResult>('POST', '/api/v1/hearings', input);
  } catch (error) {
    if (error instanceof ApiError && error.status === 409 && isUnavailable(error.problem))
      return error.problem;
    throw error;
  }
}

/** A person's hearings, and the zone of the facility holding them. */
export type PersonHearings = Wire<PersonHearingsOut>;

/** The path of a person's hearings. */
export function personHearingsPath(personId: string): string {
  return `/api/v1/people/${encodeURIComponent(personId)}/hearings`;
}

/** Records a hearing's outcome, with a legal hold or a return ordered at it. */
export function recordOutcome(id: string, input: HearingOutcomeInput): Promise<Hearing> {
  return send('POST', `/api/v1/hearings/${encodeURIComponent(id)}/outcome`, input);
}

/** The answer to an amendment: amended, or not with why and up to 3 alternatives. */
export type AmendResult = Wire<AmendResultOut>;

/** One hearing with its history (each act: booked, amended, cancelled, outcome). */
export type HearingDetail = Wire<HearingDetailOut>;

/** The path of one hearing with its history. */
export function hearingPath(id: string): string {
  return `/api/v1/hearings/${encodeURIComponent(id)}`;
}

/** True when a 409's body is the refusal of an amended slot. */
function isNotAmended(body: unknown): body is Extract<AmendResult, { amended: false }> {
  return typeof body === 'object' && body !== null && 'amended' in body && body.amended === false;
}

/** Amends a booked hearing; a new slot that does not fit answers 409 with its alternatives, returned as such. */
export async function amendHearing(id: string, input: HearingAmendInput): Promise<AmendResult> {
  try {
    return await send<AmendResult>('POST', `${hearingPath(id)}/amend`, input);
  } catch (error) {
    if (error instanceof ApiError && error.status === 409 && isNotAmended(error.problem))
      return error.problem;
    throw error;
  }
}

/** Cancels a booked hearing, saying why. */
export function cancelHearing(id: string, reason: string): Promise<Hearing> {
  return send('POST', `${hearingPath(id)}/cancel`, { reason });
}

/** A facility's hearing rooms with their weekly schedules and blocks to come. */
export type Rooms = Wire<RoomsOut>;

/** The path of a facility's hearing rooms. */
export function roomsPath(facility: string): string {
  return `/api/v1/facilities/${encodeURIComponent(facility)}/rooms`;
}

/** Replaces a room's weekly schedule, written as text (`Mon-Fri 07:00-12:00 court; Mon-Fri 12:00-16:00`). */
export function setRoomSchedule(facility: string, room: string, schedule: string): Promise<unknown> {
  return request('PUT', `${roomsPath(facility)}/${encodeURIComponent(room)}/schedule`, {
    body: { schedule },
  });
}

/** Closes a room from one instant to another, saying why. */
export function blockRoom(
  facility: string,
  room: string,
  block: { from: string; to: string; reason: string },
): Promise<unknown> {
  return send('POST', `${roomsPath(facility)}/${encodeURIComponent(room)}/blocks`, block);
}
