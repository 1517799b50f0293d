import type { CustodyReleased, ReleaseReason } from '../../src/custody/model.ts';
import type { ForecastPoint, OccupancyPoint } from '../../src/custody/occupancy.ts';
import type {
  AllocationChecks,
  AllocationResult,
  AllocationRules,
  HardConstraint,
} from '../../src/facilities/allocation.ts';
import { type CustodyInterval, send } from './api.ts';

/**
 * The API calls of the facility, allocation and occupancy pages and of the person page's release form.
 * Their types come from the server's pure modules (type-only imports, as api.ts does); writes go through
 * api.ts's `send`, with the session's CSRF token and the app's error handling.
 */

export type {
  AllocationChecks,
  AllocationRules,
  ForecastPoint,
  HardConstraint,
  OccupancyPoint,
  ReleaseReason,
};

/** The capacity figures of a facility: never merged, since CECOT's signed capacity is not its bunks. */
export interface CapacityFigures {
  /** The capacity the facility's operator signed for. */
  operationalCapacity: number;
  /** Physical beds in active cells. */
  bunks: number;
  /** What active cells can actually hold. */
  workingCapacity: number;
  /** The local (non-transferee) population, as recorded per cell. */
  localOccupants: number;
}

/** A facility as `GET /api/v1/facilities` lists it and `GET /api/v1/facilities/{id}` begins. */
export interface FacilityView {
  id: string;
  code: string;
  name: string;
  jurisdiction: string;
  timeZone: string;
  location: string | null;
  openedOn: string | null;
  staff: Record<string, number>;
  notes: string | null;
  version: number;
  capacity: CapacityFigures;
  /** Who it holds now: transferees in custody (open custody intervals), of them those housed in a cell, and the local population. */
  occupancy: FacilityOccupancy;
  modules: number;
  cells: number;
}

/** A facility's occupancy now; `transferees - housed` are in custody but waiting for a cell. */
export interface FacilityOccupancy {
  transferees: number;
  housed: number;
  local: number;
  /** Transferees plus the local population. */
  total: number;
}

/** One cell of `GET /api/v1/facilities/{id}`, with the transferees housed in it now. */
export interface CellView {
  id: string;
  code: string;
  /** The module's code. */
  module: string;
  areaM2: number;
  bunks: number;
  workingCapacity: number;
  status: 'active' | 'inactive';
  statusReason: string | null;
  localSex: string | null;
  occupancy: { transferees: number; local: number; total: number };
}

/** `GET /api/v1/facilities/{id}`: the facility with every cell. */
export interface FacilityDetail extends Omit<FacilityView, 'cells'> {
  cells: CellView[];
}

/** `GET /api/v1/facilities`. */
export interface FacilityList {
  items: FacilityView[];
  nextCursor: string | null;
}

/** `GET /api/v1/facilities/{id}/occupancy`: recorded days, then the 90-day forecast. */
export interface OccupancyReport {
  facility: string;
  capacity: CapacityFigures;
  history: OccupancyPoint[];
  forecast: ForecastPoint[];
}

/** `GET|POST /api/v1/facilities/{id}/allocation` (the server's `AllocationReport`). */
export interface AllocationReport {
  facility: { id: string; code: string };
  /** `new`: only people not yet housed; `all`: everyone in custody re-planned. */
  mode: 'new' | 'all';
  applied: boolean;
  placements: { ref: string; personId: string; name: string; cell: string; module: string; moved: boolean }[];
  unplaced: { ref: string; personId: string; name: string; constraint: HardConstraint; reason: string }[];
  checks: AllocationChecks;
  evenness: AllocationResult['evenness'];
  rules: AllocationRules;
}

/** A constraint of the check report: the hard constraints, and that everyone is placed once in a known cell. */
export type CheckedConstraint = keyof AllocationChecks['constraints'];

/** The cell a person is in now: `cell` and `module` are codes, `assignedAt` is when they were housed there. */
export interface CustodyHousing {
  cellId: string;
  cell: string;
  module: string;
  assignedAt: string;
}

/** A custody interval of `GET /api/v1/people/{id}/custody`, with the cell the person is in now. */
export interface PersonCustodyInterval extends CustodyInterval {
  /** Null when the person is not housed in a cell, and always after the release. */
  housing: CustodyHousing | null;
}

/** `GET /api/v1/people/{id}/custody`: the person's custody intervals, newest first. */
export interface PersonCustody {
  personId: string;
  intervals: PersonCustodyInterval[];
}

/** The body of `POST /api/v1/people/{id}/release`. */
export interface ReleaseInput {
  reason: ReleaseReason;
  /** ISO 8601 with an offset; the server takes now when it is left out. */
  at?: string;
  note?: string;
}

/** The release reasons of DOMAIN.md, in the server's order (the compiler checks the list is complete). */
export const RELEASE_REASONS = [
  'sentence_served',
  'court_ordered_return',
  'repatriation',
  'transfer_other_facility',
  'pardon',
  'death',
  'released_in_error',
  'escape',
] as const satisfies readonly ReleaseReason[];

// The compiler refuses this line when the server adds a release reason the list above lacks.
const _everyReason: [Exclude<ReleaseReason, (typeof RELEASE_REASONS)[number]>] extends [never]
  ? true
  : never = true;
void _everyReason;

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
