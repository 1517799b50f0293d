import { z } from 'zod';
import { isCountryCode } from '../core/countries.js';
import { DomainError } from '../core/errors.js';
import { defineEvent, event, type NewEvent } from '../core/events.js';
import type { MessageKey, MessageParams } from '../core/messages/index.js';
import { isoDate } from '../core/schemas.js';

/** Facilities: a place of custody with a time zone, a structure module → cell, and staff strength. */

const jurisdiction = z
  .string()
  .refine(isCountryCode, { error: 'must be an ISO 3166-1 alpha-2 code such as US or SV' });

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}

export const agencySchema = z.object({
  code: z.string().regex(/^[A-Z]{2}-[A-Z0-9]{2,10}$/, {
    error: 'agency code is the jurisdiction and an acronym, e.g. US-ICE or SV-DGCP',
  }),
  name: z.string().trim().min(1, { error: 'agency name is empty' }).max(200),
  jurisdiction,
});
export type Agency = z.infer<typeof agencySchema>;

/**
 * The plausible bounds of a facility's figures. A cell holds at most 1,000 bunks (the largest dormitory
 * cells hold a few hundred); a facility's operational capacity and its staff in any role stay under
 * 1,000,000, the ceiling a headcount has too (incident-kinds.ts). A larger number is a typing error, and
 * it would make every occupancy and headcount figure meaningless.
 */
export const CELL_MAX_BUNKS = 1000;
/** The most a facility's operational capacity, or its staff in one role, can be. */
export const FACILITY_MAX_PEOPLE = 1_000_000;

const cellBunks = z
  .number()
  .int({ error: 'bunks must be a whole number' })
  .min(0, { error: 'bunks cannot be negative' })
  .max(CELL_MAX_BUNKS, {
    error: `bunks cannot exceed ${CELL_MAX_BUNKS.toLocaleString('en-US')} in one cell`,
  });
const cellWorkingCapacity = z
  .number()
  .int({ error: 'workingCapacity must be a whole number' })
  .min(0, { error: 'workingCapacity cannot be negative' })
  .max(CELL_MAX_BUNKS, {
    error: `workingCapacity cannot exceed ${CELL_MAX_BUNKS.toLocaleString('en-US')} in one cell`,
  });
const cellLocalOccupants = z
  .number()
  .int({ error: 'localOccupants must be a whole number' })
  .min(0, { error: 'localOccupants cannot be negative' })
  .max(CELL_MAX_BUNKS, {
    error: `localOccupants cannot exceed ${CELL_MAX_BUNKS.toLocaleString('en-US')} in one cell`,
  });

export const cellInputSchema = z
  .object({
    code: z.string().trim().min(1).max(32),
    areaM2: z.number().positive({ error: 'areaM2 must be more than 0 square metres' }).max(100_000),
    bunks: cellBunks,
    workingCapacity: cellWorkingCapacity,
    localOccupants: cellLocalOccupants.default(0),
    /** The sex of the local occupants; allocation keeps the sexes apart, so a cell with unknown ones takes nobody. */
    localSex: z.enum(['M', 'F']).nullable().default(null),
    status: z.enum(['active', 'inactive']).default('active'),
    statusReason: z.string().trim().min(1).max(300).nullable().default(null),
  })
  .refine((c) => c.workingCapacity <= c.bunks, {
    error: 'workingCapacity cannot exceed bunks: a cell cannot hold more people than it has beds',
    path: ['workingCapacity'],
  })
  .refine((c) => c.localSex === null || c.localOccupants > 0, {
    error: 'localSex describes local occupants; leave it null when there are none',
    path: ['localSex'],
  })
  .refine((c) => c.status === 'active' || c.statusReason !== null, {
    error: 'an inactive cell needs a statusReason saying why',
    path: ['statusReason'],
  });
export type CellInput = z.output<typeof cellInputSchema>;

export const moduleInputSchema = z.object({
  code: z.string().trim().min(1).max(32),
  name: z.string().trim().min(1).max(100),
  cells: z.array(cellInputSchema).default([]),
});

export const facilityInputSchema = z.object({
  code: z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, {
    error: 'facility code is 2–32 capitals, digits or dashes, e.g. SV-CECOT',
  }),
  name: z.string().trim().min(1).max(200),
  jurisdiction,
  timeZone: z.string().refine(isTimeZone, { error: 'must be an IANA time zone such as America/El_Salvador' }),
  operationalCapacity: z
    .number()
    .int({ error: 'operationalCapacity must be a whole number' })
    .min(0, { error: 'operationalCapacity cannot be negative' })
    .max(FACILITY_MAX_PEOPLE, {
      error: `operationalCapacity cannot exceed ${FACILITY_MAX_PEOPLE.toLocaleString('en-US')}: no place of custody holds more`,
    }),
  location: z.string().trim().max(300).nullable().default(null),
  /** The postal address the public locator gives families and counsel (docs/domain.md, Locator). */
  address: z.string().trim().max(300).nullable().default(null),
  openedOn: isoDate.nullable().default(null),
  staff: z.record(z.string(), z.number().int().min(0).max(FACILITY_MAX_PEOPLE)).default({}),
  notes: z.string().trim().max(2000).nullable().default(null),
  modules: z.array(moduleInputSchema).default([]),
});
export type FacilityInput = z.output<typeof facilityInputSchema>;

export const facilityPatchSchema = facilityInputSchema
  .pick({ name: true, operationalCapacity: true, location: true, address: true, notes: true, staff: true })
  .partial();
export type FacilityPatch = z.output<typeof facilityPatchSchema>;

/*
 * Event payloads, as recorded. These schemas describe what is stored (shapes, no trimming, defaults or
 * cross-field rules: the input schemas above enforce those once, when the command comes in).
 */
const staffSchema = z.record(z.string(), z.number().int());
const cellFields = {
  bunks: z.number().int(),
  workingCapacity: z.number().int(),
  localOccupants: z.number().int(),
  localSex: z.enum(['M', 'F']).nullable(),
  status: z.enum(['active', 'inactive']),
  statusReason: z.string().nullable(),
};

export const agencyRegisteredSchema = z.object({
  code: z.string(),
  name: z.string(),
  jurisdiction: z.string(),
});
export type AgencyRegistered = z.output<typeof agencyRegisteredSchema>;

export const facilityRegisteredSchema = z.object({
  facilityId: z.string(),
  code: z.string(),
  name: z.string(),
  jurisdiction: z.string(),
  timeZone: z.string(),
  operationalCapacity: z.number().int(),
  location: z.string().nullable(),
  // Facilities registered before addresses were recorded have none in their event.
  address: z.string().nullable().optional(),
  openedOn: isoDate.nullable(),
  staff: staffSchema,
  notes: z.string().nullable(),
});
export type FacilityRegistered = z.output<typeof facilityRegisteredSchema>;

export const facilityRevisedSchema = z.object({
  facilityId: z.string(),
  changes: z
    .object({
      name: z.string(),
      operationalCapacity: z.number().int(),
      location: z.string().nullable(),
      address: z.string().nullable(),
      notes: z.string().nullable(),
      staff: staffSchema,
    })
    .partial(),
});
export type FacilityRevised = z.output<typeof facilityRevisedSchema>;

export const moduleAddedSchema = z.object({
  facilityId: z.string(),
  moduleId: z.string(),
  code: z.string(),
  name: z.string(),
});
export type ModuleAdded = z.output<typeof moduleAddedSchema>;

export const cellAddedSchema = z.object({
  facilityId: z.string(),
  moduleId: z.string(),
  cellId: z.string(),
  code: z.string(),
  areaM2: z.number(),
  ...cellFields,
});
export type CellAdded = z.output<typeof cellAddedSchema>;

export const FACILITY_EVENTS = {
  agencyRegistered: 'agency.registered',
  facilityRegistered: 'facility.registered',
  facilityRevised: 'facility.revised',
  moduleAdded: 'facility.module_added',
  cellAdded: 'facility.cell_added',
  cellRevised: 'facility.cell_revised',
} as const;

/** The fields of a cell that can be revised. */
export const cellPatchSchema = z
  .strictObject({
    bunks: cellBunks,
    workingCapacity: cellWorkingCapacity,
    localOccupants: cellLocalOccupants,
    localSex: z.enum(['M', 'F']).nullable(),
    status: z.enum(['active', 'inactive']),
    statusReason: z.string().trim().min(1).max(300).nullable(),
  })
  .partial();
export type CellPatch = z.output<typeof cellPatchSchema>;

/** A cell as its revision sees it. */
export interface CellState {
  code: string;
  bunks: number;
  workingCapacity: number;
  localOccupants: number;
  localSex: 'M' | 'F' | null;
  status: 'active' | 'inactive';
  statusReason: string | null;
}

export const cellRevisedSchema = z.object({
  facilityId: z.string(),
  cellId: z.string(),
  code: z.string(),
  changes: z.object(cellFields).partial(),
});
export type CellRevised = z.output<typeof cellRevisedSchema>;

/** The facility event types, each with its payload schema. */
export const facilityEvent = {
  agencyRegistered: defineEvent(FACILITY_EVENTS.agencyRegistered, agencyRegisteredSchema),
  facilityRegistered: defineEvent(FACILITY_EVENTS.facilityRegistered, facilityRegisteredSchema),
  facilityRevised: defineEvent(FACILITY_EVENTS.facilityRevised, facilityRevisedSchema),
  moduleAdded: defineEvent(FACILITY_EVENTS.moduleAdded, moduleAddedSchema),
  cellAdded: defineEvent(FACILITY_EVENTS.cellAdded, cellAddedSchema),
  cellRevised: defineEvent(FACILITY_EVENTS.cellRevised, cellRevisedSchema),
};

function cellRefusal<K extends MessageKey>(
  key: K,
  params: MessageParams<K>,
  rule: string,
  details: Record<string, unknown>,
): DomainError {
  return new DomainError('rule_refusal', key, params, { details: { rule, ...details } });
}

/**
 * Decides a cell revision (docs/domain.md, Housing): working capacity stays within the bunks and
 * never below the people in the cell (local occupants and housed transferees); an inactive cell needs a
 * reason and must be empty; local occupants' sex is recorded only when there are some. Null when nothing
 * changes.
 */
export function decideReviseCell(
  ids: { facilityId: string; cellId: string },
  cell: CellState,
  transferees: number,
  changes: CellPatch,
): CellRevised | null {
  const next: CellState = { ...cell, ...changes };
  if (changes.status === 'active' && changes.statusReason === undefined) next.statusReason = null;
  if (changes.localOccupants === 0 && changes.localSex === undefined) next.localSex = null;
  const occupancy = next.localOccupants + transferees;
  if (next.workingCapacity > next.bunks) {
    throw cellRefusal(
      'cell.capacity_over_bunks',
      { cell: cell.code, workingCapacity: next.workingCapacity, bunks: next.bunks },
      'working-capacity-within-bunks',
      { workingCapacity: next.workingCapacity, bunks: next.bunks },
    );
  }
  if (next.workingCapacity < occupancy) {
    throw cellRefusal(
      'cell.capacity_below_occupancy',
      {
        cell: cell.code,
        workingCapacity: next.workingCapacity,
        occupancy,
        local: next.localOccupants,
        transferees,
      },
      'capacity-not-below-occupancy',
      { workingCapacity: next.workingCapacity, occupancy },
    );
  }
  if (next.status === 'inactive' && next.statusReason === null) {
    throw cellRefusal('cell.inactive_needs_reason', { cell: cell.code }, 'inactive-needs-reason', {});
  }
  if (next.status === 'inactive' && occupancy > 0) {
    throw cellRefusal('cell.inactive_not_empty', { cell: cell.code, occupancy }, 'inactive-cell-empty', {
      occupancy,
    });
  }
  if (next.localSex !== null && next.localOccupants === 0) {
    throw new DomainError('invalid_input', 'cell.local_sex_without_occupants', { cell: cell.code });
  }
  const changed = (Object.keys(next) as (keyof CellState)[]).filter(
    (k) => next[k] !== cell[k] && k !== 'code',
  );
  if (changed.length === 0) return null;
  return {
    ...ids,
    code: cell.code,
    changes: Object.fromEntries(changed.map((k) => [k, next[k]])) as CellPatch,
  };
}

/** Decides the events that register a facility with its structure; ids come from `newId`. */
export function decideRegisterFacility(
  input: FacilityInput,
  existingCodes: ReadonlySet<string>,
  newId: () => string,
) {
  if (existingCodes.has(input.code)) {
    throw new DomainError('conflict', 'facility.exists', { code: input.code });
  }
  const facilityId = newId();
  const { modules, ...facility } = input;
  const stream = `facility:${facilityId}`;
  const events: NewEvent[] = [
    event(facilityEvent.facilityRegistered, stream, { facilityId, ...facility }, { newStream: true }),
  ];
  const moduleCodes = new Set<string>();
  const cellCodes = new Set<string>();
  for (const module of modules) {
    if (moduleCodes.has(module.code)) {
      throw new DomainError('invalid_input', 'facility.module_code_twice', { code: module.code });
    }
    moduleCodes.add(module.code);
    const moduleId = newId();
    events.push(
      event(
        facilityEvent.moduleAdded,
        stream,
        { facilityId, moduleId, code: module.code, name: module.name },
        { newStream: true },
      ),
    );
    for (const cell of module.cells) {
      if (cellCodes.has(cell.code)) {
        throw new DomainError('invalid_input', 'facility.cell_code_twice', { code: cell.code });
      }
      cellCodes.add(cell.code);
      events.push(
        event(
          facilityEvent.cellAdded,
          stream,
          { facilityId, moduleId, cellId: newId(), ...cell },
          { newStream: true },
        ),
      );
    }
  }
  return { facilityId, events };
}

/** A facility's capacity figures, reported side by side and never conflated. */
export interface CapacitySummary {
  /** The signed operational capacity (40,000 for CECOT). */
  operationalCapacity: number;
  /** Physical beds across active cells. */
  bunks: number;
  /** Working capacity across active cells. */
  workingCapacity: number;
  /** People held who are not under an agreement. */
  localOccupants: number;
}
