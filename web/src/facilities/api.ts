import type { Wire } from '../../../src/core/contract.ts';
import type {
  CustodyReleased,
  OccupancyReport,
  PersonCustody as PersonCustodyOut,
  ReleaseInput,
} from '../../../src/custody/contract.ts';
import { RELEASE_REASONS, type ReleaseReason } from '../../../src/custody/release-reasons.ts';
import type {
  AllocationReport,
  CapacityFigures,
  CellView,
  CheckedConstraint,
  FacilityDetail,
  FacilityList,
  FacilityView,
} from '../../../src/facilities/contract.ts';
import { send } from '../api.ts';

/**
 * The API calls of the facility, allocation and occupancy pages and of the person page's release form.
 * The shapes are the facilities' and custody's contracts (src/facilities/contract.ts,
 * src/custody/contract.ts) in their wire form; writes go through api.ts's `send`, with the session's CSRF
 * token and the app's error handling.
 */

export type {
  AllocationReport,
  CapacityFigures,
  CellView,
  CheckedConstraint,
  CustodyReleased,
  FacilityDetail,
  FacilityList,
  FacilityView,
  OccupancyReport,
  ReleaseInput,
  ReleaseReason,
};
export { RELEASE_REASONS };

/** A facility's occupancy now; `transferees - housed` are in custody but waiting for a cell. */
export type FacilityOccupancy = FacilityView['occupancy'];

/** One recorded day of a facility's occupancy. */
export type OccupancyPoint = OccupancyReport['history'][number];

/** One forecast day: the occupancy with the arrivals and releases expected. */
export type ForecastPoint = OccupancyReport['forecast'][number];

/** `GET /api/v1/people/{id}/custody`: the person's custody intervals, newest first. */
export type PersonCustody = Wire<PersonCustodyOut>;

/** A custody interval of a person, with the cell the person is in now (null when not housed). */
export type PersonCustodyInterval = PersonCustody['intervals'][number];

/** The cell a person is in now: `cell` and `module` are codes, `assignedAt` is when they were housed there. */
export type CustodyHousing = NonNullable<PersonCustodyInterval['housing']>;

/** The path of one facility (its id or its code, e.g. `SV-CECOT`). */
export function facilityPath(id: string): string {
  return `/api/v1/facilities/${encodeURIComponent(id)}`;
}

/** The path of the facilities list. */
export const FACILITIES_PATH = '/api/v1/facilities?limit=500';

/** The path of a facility's occupancy between two dates (YYYY-MM-DD) and its forecast. */
export function occupancyPath(id: string, from: string, to: string): string {
  return `${facilityPath(id)}/occupancy?${new URLSearchParams({ from, to })}`;
}

/** The path of a dry-run allocation: only the people waiting for a cell, or everyone (`all`). */
export function allocationPath(id: string, all: boolean): string {
  return `${facilityPath(id)}/allocation${all ? '?all=true' : ''}`;
}

/** The path of a person's custody intervals. */
export function custodyPath(personId: string): string {
  return `/api/v1/people/${encodeURIComponent(personId)}/custody`;
}

/** Plans and applies an allocation (receiving officer): each changed cell is a `housing.assigned` event. */
export function applyAllocation(facilityId: string, all: boolean): Promise<AllocationReport> {
  return send<AllocationReport>('POST', `${facilityPath(facilityId)}/allocation`, { all });
}

/** Releases a person (receiving custody): the custody interval closes and the cell is vacated. */
export function releasePerson(personId: string, input: ReleaseInput): Promise<CustodyReleased> {
  return send<CustodyReleased>('POST', `/api/v1/people/${encodeURIComponent(personId)}/release`, input);
}
