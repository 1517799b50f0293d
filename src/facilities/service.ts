import { authorize } from '../auth/policy.js';
import type { AppContext } from '../context.js';
import { DomainError, notFound } from '../core/errors.js';
import { requireIdCursor } from '../core/ids.js';
import type { Actor } from '../ledger/events.js';
import { transact } from '../ledger/transact.js';
import { housedPerCell } from './housing-store.js';
import {
  type Agency,
  agencySchema,
  type CellPatch,
  decideRegisterFacility,
  decideReviseCell,
  FACILITY_EVENTS,
  type FacilityInput,
  type FacilityPatch,
  type FacilityRevised,
} from './model.js';
import * as store from './store.js';

/** Registers an agency acting for a jurisdiction. */
export async function registerAgency(ctx: AppContext, actor: Actor, input: Agency): Promise<Agency> {
  authorize(actor, 'facilities:write');
  const agency = agencySchema.parse(input);
  await transact(ctx, actor, async (tx) => {
    const existing = await store.agencyRegistered(tx, agency.code);
    if (existing) throw new DomainError('conflict', 'facility.agency_registered', { code: agency.code });
    return {
      events: [
        { type: FACILITY_EVENTS.agencyRegistered, streamId: `agency:${agency.code}`, payload: agency },
      ],
      result: null,
    };
  });
  return agency;
}

/** Registers a facility with its modules and cells. */
export async function registerFacility(ctx: AppContext, actor: Actor, input: FacilityInput) {
  authorize(actor, 'facilities:write');
  const { result } = await transact(ctx, actor, async (tx) => {
    const { facilityId, events } = decideRegisterFacility(input, await store.facilityCodes(tx), ctx.newId);
    return { events, result: facilityId };
  });
  return getFacility(ctx, actor, result);
}

/** Revises a facility's descriptive fields and operational capacity. */
export async function reviseFacility(
  ctx: AppContext,
  actor: Actor,
  idOrCode: string,
  changes: FacilityPatch,
) {
  authorize(actor, 'facilities:write');
  const facility = await store.findFacility(ctx.handle.db, idOrCode);
  if (!facility) throw notFound('facility', idOrCode);
  if (Object.keys(changes).length === 0) return facility;
  const payload: FacilityRevised = { facilityId: facility.id, changes };
  await transact(ctx, actor, async (tx) => {
    if (changes.operationalCapacity !== undefined) {
      const occupancy = await store.peopleHeld(tx, facility.id);
      if (changes.operationalCapacity < occupancy) {
        throw new DomainError(
          'rule_refusal',
          'facility.capacity_below_occupancy',
          { facility: facility.code, capacity: changes.operationalCapacity, occupancy },
          { details: { rule: 'capacity-not-below-occupancy', occupancy } },
        );
      }
    }
    return {
      events: [{ type: FACILITY_EVENTS.facilityRevised, streamId: `facility:${facility.id}`, payload }],
      result: null,
    };
  });
  return getFacility(ctx, actor, facility.id);
}

/**
 * Revises one cell: bunks, working capacity, local occupants (and their sex), status and reason. Refuses
 * working capacity above the bunks or below the people in the cell, and deactivating an occupied cell.
 */
export async function reviseCell(
  ctx: AppContext,
  actor: Actor,
  facilityIdOrCode: string,
  cellCode: string,
  changes: CellPatch,
) {
  authorize(actor, 'facilities:write');
  const facility = await store.findFacility(ctx.handle.db, facilityIdOrCode);
  if (!facility) throw notFound('facility', facilityIdOrCode);
  await transact(ctx, actor, async (tx) => {
    const row = (await store.listCells(tx, facility.id)).find((c) => c.code === cellCode);
    if (!row) throw notFound('cell', `${facility.code} ${cellCode}`);
    const transferees = (await housedPerCell(tx, facility.id)).get(row.id) ?? 0;
    const event = decideReviseCell(
      { facilityId: facility.id, cellId: row.id },
      {
        code: row.code,
        bunks: row.bunks,
        workingCapacity: row.working_capacity,
        localOccupants: row.local_occupants,
        localSex: row.local_sex,
        status: row.status,
        statusReason: row.status_reason,
      },
      transferees,
      changes,
    );
    return {
      events: event
        ? [{ type: FACILITY_EVENTS.cellRevised, streamId: `facility:${facility.id}`, payload: event }]
        : [],
      result: null,
    };
  });
  return showFacility(ctx, actor, facility.id);
}

/** One facility with its capacity figures. */
export async function getFacility(ctx: AppContext, actor: Actor, idOrCode: string) {
  authorize(actor, 'facilities:read');
  const facility = await store.findFacility(ctx.handle.db, idOrCode);
  if (!facility) throw notFound('facility', idOrCode);
  return facility;
}

/** One facility with every cell, for `custodia facility show`. */
export async function showFacility(ctx: AppContext, actor: Actor, idOrCode: string) {
  const facility = await getFacility(ctx, actor, idOrCode);
  const cells = await store.listCells(ctx.handle.db, facility.id);
  const housed = await housedPerCell(ctx.handle.db, facility.id);
  return {
    ...facility,
    cells: cells.map((c) => ({
      id: c.id,
      code: c.code,
      module: c.module,
      areaM2: Number(c.area_m2),
      bunks: c.bunks,
      workingCapacity: c.working_capacity,
      status: c.status,
      statusReason: c.status_reason,
      localSex: c.local_sex,
      occupancy: {
        transferees: housed.get(c.id) ?? 0,
        local: c.local_occupants,
        total: (housed.get(c.id) ?? 0) + c.local_occupants,
      },
    })),
  };
}

/** Facilities, paged by id. */
export async function listFacilities(
  ctx: AppContext,
  actor: Actor,
  options: { cursor?: string; limit?: number },
) {
  authorize(actor, 'facilities:read');
  requireIdCursor(options.cursor);
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 500);
  const items = await store.listFacilities(ctx.handle.db, {
    limit: limit + 1,
    ...(options.cursor ? { cursor: options.cursor } : {}),
  });
  const page = items.slice(0, limit);
  return { items: page, nextCursor: items.length > limit ? (page.at(-1)?.id ?? null) : null };
}
