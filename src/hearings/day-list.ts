import { csv } from '../core/csv.js';
import type { HearingView } from './contract.js';

/**
 * Day lists as CSV (docs/domain.md, Video-link hearings): the facility's by room, for the officers who
 * bring people to the rooms, and the court's in its zone. Both show every time in both zones.
 */

const HEADER = [
  'room',
  'court_time',
  'court_zone',
  'facility_time',
  'facility_zone',
  'end_facility_time',
  'pre_minutes',
  'post_minutes',
  'person_ref',
  'name',
  'court',
  'hearing_type',
  'case_ref',
  'interpreter',
  'counsel',
  'video_url',
  'status',
  'flags',
] as const;

/** The CSV of a day list's hearings, in the order given. */
export function dayListCsv(hearings: readonly HearingView[]): string {
  return csv(
    HEADER,
    hearings.map((h) => [
      h.room,
      h.courtTime.local,
      h.courtTime.zone,
      h.facilityTime.local,
      h.facilityTime.zone,
      h.facilityEnd.local,
      h.preMinutes,
      h.postMinutes,
      h.personRef,
      h.name,
      h.court,
      h.hearingType,
      h.caseRef,
      h.interpreter,
      h.counsel,
      h.videoUrl,
      h.status,
      h.flags.join(' '),
    ]),
  );
}
