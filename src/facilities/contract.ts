/** The HTTP contract of agencies, facilities, cells and allocation: request and response schemas. */
import { z } from 'zod';
import { dateString, pageOf, pageQuery } from '../core/contract.js';
import { HARD_CONSTRAINTS } from './allocation.js';
import { agencySchema, cellPatchSchema, facilityInputSchema, facilityPatchSchema } from './model.js';

export { agencySchema, cellPatchSchema, facilityInputSchema, facilityPatchSchema };

/** The query of the facilities list. */
export const facilityListQuery = pageQuery;

/** A facility named in the path by id or code. */
export const facilityParams = z.object({ id: z.string().min(1).max(100).describe('Facility id or code') });

/** A cell of a facility named in the path. */
export const cellParams = facilityParams.extend({ code: z.string().min(1).max(32) });

/** `GET /api/v1/agencies`. */
export const agencyListSchema = z.object({ items: z.array(agencySchema) });

/** The capacity figures of a facility: never merged, since a signed capacity is not its bunks. */
export const capacitySchema = z.object({
  operationalCapacity: z.number().int().describe("the capacity the facility's operator signed for"),
  bunks: z.number().int().describe('physical beds in active cells'),
  workingCapacity: z.number().int().describe('what active cells can actually hold'),
  localOccupants: z.number().int().describe('the local (non-transferee) population, recorded per cell'),
});
export type CapacityFigures = z.output<typeof capacitySchema>;

/** Who a facility holds now; `transferees - housed` are in custody but waiting for a cell. */
export const facilityOccupancySchema = z.object({
  transferees: z.number().int(),
  housed: z.number().int(),
  local: z.number().int(),
  total: z.number().int().describe('transferees plus the local population'),
});

const facilityFields = {
  id: z.string(),
  code: z.string(),
  name: z.string(),
  jurisdiction: z.string(),
  timeZone: z.string(),
  location: z.string().nullable(),
  address: z.string().nullable(),
  openedOn: dateString.nullable(),
  staff: z.record(z.string(), z.number().int()),
  notes: z.string().nullable(),
  version: z.number().int(),
  capacity: capacitySchema,
  occupancy: facilityOccupancySchema,
  modules: z.number().int(),
};

/** A facility as the list gives it, with its counts of modules and cells. */
export const facilityViewSchema = z.object({ ...facilityFields, cells: z.number().int() });
export type FacilityView = z.output<typeof facilityViewSchema>;

/** One cell with the people housed in it now. */
export const cellViewSchema = z.object({
  id: z.string(),
  code: z.string(),
  module: z.string().describe("the module's code"),
  areaM2: z.number(),
  bunks: z.number().int(),
  workingCapacity: z.number().int(),
  status: z.enum(['active', 'inactive']),
  statusReason: z.string().nullable(),
  localSex: z.enum(['M', 'F']).nullable(),
  occupancy: z.object({ transferees: z.number().int(), local: z.number().int(), total: z.number().int() }),
});
export type CellView = z.output<typeof cellViewSchema>;

/** `GET /api/v1/facilities/{id}`: the facility with every cell. */
export const facilityDetailSchema = z.object({ ...facilityFields, cells: z.array(cellViewSchema) });
export type FacilityDetail = z.output<typeof facilityDetailSchema>;

/** `GET /api/v1/facilities`. */
export const facilityListSchema = pageOf(facilityViewSchema);
export type FacilityList = z.output<typeof facilityListSchema>;

/** The constraints the allocation check report covers: the hard ones, and placed once in a known cell. */
export const CHECKED_CONSTRAINTS = [...HARD_CONSTRAINTS, 'placed_once', 'known_cell'] as const;

const constraintCheck = z.object({ ok: z.boolean(), violations: z.number().int() });

/** The check report of an allocation: per constraint whether it holds, and every violation. */
export const allocationChecksSchema = z.object({
  ok: z.boolean(),
  cellsChecked: z.number().int(),
  peopleChecked: z.number().int(),
  constraints: z.record(z.enum(CHECKED_CONSTRAINTS), constraintCheck),
  violations: z.array(
    z.object({
      constraint: z.enum(CHECKED_CONSTRAINTS),
      cell: z.string().nullable(),
      people: z.array(z.string()),
      detail: z.string(),
    }),
  ),
});

/** `GET|POST /api/v1/facilities/{id}/allocation`: placements, the unplaced and why, and the checks. */
export const allocationReportSchema = z.object({
  facility: z.object({ id: z.string(), code: z.string() }),
  mode: z
    .enum(['new', 'all'])
    .describe('new: only people not yet housed; all: everyone in custody re-planned'),
  applied: z.boolean(),
  placements: z.array(
    z.object({
      ref: z.string(),
      personId: z.string(),
      name: z.string(),
      cell: z.string(),
      module: z.string(),
      moved: z.boolean(),
    }),
  ),
  unplaced: z.array(
    z.object({
      ref: z.string(),
      personId: z.string(),
      name: z.string(),
      constraint: z.enum(HARD_CONSTRAINTS).describe('the constraint that ruled out the most cells'),
      reason: z.string(),
    }),
  ),
  checks: allocationChecksSchema,
  evenness: z.object({ maxRatio: z.number(), minRatio: z.number(), modulesOpened: z.number().int() }),
  rules: z.object({
    rivalries: z
      .array(z.array(z.string()).length(2).readonly().describe('two organisations kept apart'))
      .readonly(),
    separateFromLocal: z.boolean(),
  }),
});
export type AllocationReport = z.output<typeof allocationReportSchema>;
/** A constraint of the check report: the hard constraints, and that everyone is placed once in a known cell. */
export type CheckedConstraint = (typeof CHECKED_CONSTRAINTS)[number];

/** The query of a dry-run allocation. */
export const allocationQuery = z.object({
  all: z.enum(['true', 'false']).optional().describe('re-plan everyone in custody, not only the unhoused'),
});

/** The body of an applied allocation. */
export const allocationBody = z.object({ all: z.boolean().default(false) }).default({ all: false });
