import { sql } from 'kysely';
import { isUuid } from '../core/ids.js';
import type { Db, Tx } from '../db/database.js';
import { type FeatureEvents, projection } from '../ledger/registry.js';
import { type AgencyRegistered, type CapacitySummary, facilityEvent } from './model.js';

type Q = Db | Tx;

/** Facility event types and their projections: agencies, facilities, modules and cells. */
export const facilityEvents: FeatureEvents = {
  feature: 'facilities',
  tables: [
    { table: 'agencies', orderBy: 'code' },
    { table: 'facilities', orderBy: 'id' },
    { table: 'facility_modules', orderBy: 'id' },
    { table: 'cells', orderBy: 'id' },
  ],
  events: [
    projection(facilityEvent.agencyRegistered, async (tx, e) => {
      const p = e.payload;
      await tx
        .insertInto('agencies')
        .values({
          code: p.code,
          name: p.name,
          jurisdiction: p.jurisdiction,
          registered_at: new Date(e.recordedAt),
        })
        .execute();
    }),
    projection(facilityEvent.facilityRegistered, async (tx, e) => {
      const p = e.payload;
      await tx
        .insertInto('facilities')
        .values({
          id: p.facilityId,
          code: p.code,
          name: p.name,
          jurisdiction: p.jurisdiction,
          time_zone: p.timeZone,
          operational_capacity: p.operationalCapacity,
          location: p.location,
          address: p.address ?? null,
          opened_on: p.openedOn,
          staff: JSON.stringify(p.staff),
          notes: p.notes,
          version: e.streamVersion,
          created_at: new Date(e.recordedAt),
          updated_at: new Date(e.recordedAt),
        })
        .execute();
    }),
    projection(facilityEvent.facilityRevised, async (tx, e) => {
      const { facilityId, changes } = e.payload;
      await tx
        .updateTable('facilities')
        .set({
          ...(changes.name !== undefined ? { name: changes.name } : {}),
          ...(changes.operationalCapacity !== undefined
            ? { operational_capacity: changes.operationalCapacity }
            : {}),
          ...(changes.location !== undefined ? { location: changes.location } : {}),
          ...(changes.address !== undefined ? { address: changes.address } : {}),
          ...(changes.notes !== undefined ? { notes: changes.notes } : {}),
          ...(changes.staff !== undefined ? { staff: JSON.stringify(changes.staff) } : {}),
          version: e.streamVersion,
          updated_at: new Date(e.recordedAt),
        })
        .where('id', '=', facilityId)
        .execute();
    }),
    projection(facilityEvent.moduleAdded, async (tx, e) => {
      const p = e.payload;
      await tx
        .insertInto('facility_modules')
        .values({ id: p.moduleId, facility_id: p.facilityId, code: p.code, name: p.name })
        .execute();
    }),
    projection(facilityEvent.cellAdded, async (tx, e) => {
      const p = e.payload;
      await tx
        .insertInto('cells')
        .values({
          id: p.cellId,
          facility_id: p.facilityId,
          module_id: p.moduleId,
          code: p.code,
          area_m2: p.areaM2,
          bunks: p.bunks,
          working_capacity: p.workingCapacity,
          local_occupants: p.localOccupants,
          local_sex: p.localSex ?? null,
          status: p.status,
          status_reason: p.statusReason,
        })
        .execute();
    }),
    projection(facilityEvent.cellRevised, async (tx, e) => {
      const { cellId, changes } = e.payload;
      await tx
        .updateTable('cells')
        .set({
          ...(changes.bunks !== undefined ? { bunks: changes.bunks } : {}),
          ...(changes.workingCapacity !== undefined ? { working_capacity: changes.workingCapacity } : {}),
          ...(changes.localOccupants !== undefined ? { local_occupants: changes.localOccupants } : {}),
          ...(changes.localSex !== undefined ? { local_sex: changes.localSex } : {}),
          ...(changes.status !== undefined ? { status: changes.status } : {}),
          ...(changes.statusReason !== undefined ? { status_reason: changes.statusReason } : {}),
        })
        .where('id', '=', cellId)
        .execute();
    }),
  ],
};

/** The facility read model returned by the API and CLI. */
export interface FacilityView {
  id: string;
  code: string;
  name: string;
  jurisdiction: string;
  timeZone: string;
  location: string | null;
  address: string | null;
  openedOn: string | null;
  staff: Record<string, number>;
  notes: string | null;
  version: number;
  capacity: CapacitySummary;
  /** Who is held now: transferees in custody (and of them, those housed in a cell), local occupants. */
  occupancy: { transferees: number; housed: number; local: number; total: number };
  modules: number;
  cells: number;
}

function toView(row: {
  id: string;
  code: string;
  name: string;
  jurisdiction: string;
  time_zone: string;
  location: string | null;
  address: string | null;
  opened_on: string | null;
  staff: unknown;
  notes: string | null;
  version: number;
  operational_capacity: number;
  bunks: number;
  working_capacity: number;
  local_occupants: number;
  modules: number;
  cells: number;
  transferees: number;
  housed: number;
}): FacilityView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    jurisdiction: row.jurisdiction,
    timeZone: row.time_zone,
    location: row.location,
    address: row.address,
    openedOn: row.opened_on,
    staff: row.staff as Record<string, number>,
    notes: row.notes,
    version: row.version,
    capacity: {
      operationalCapacity: row.operational_capacity,
      bunks: row.bunks,
      workingCapacity: row.working_capacity,
      localOccupants: row.local_occupants,
    },
    occupancy: {
      transferees: row.transferees,
      housed: row.housed,
      local: row.local_occupants,
      total: row.local_occupants + row.transferees,
    },
    modules: row.modules,
    cells: row.cells,
  };
}

function facilityQuery(q: Q) {
  return q
    .selectFrom('facilities as f')
    .select([
      'f.id',
      'f.code',
      'f.name',
      'f.jurisdiction',
      'f.time_zone',
      'f.location',
      'f.address',
      'f.opened_on',
      'f.staff',
      'f.notes',
      'f.version',
      'f.operational_capacity',
      sql<number>`(select coalesce(sum(c.bunks) filter (where c.status = 'active'), 0)::int8 from cells c where c.facility_id = f.id)`.as(
        'bunks',
      ),
      sql<number>`(select coalesce(sum(c.working_capacity) filter (where c.status = 'active'), 0)::int8 from cells c where c.facility_id = f.id)`.as(
        'working_capacity',
      ),
      sql<number>`(select coalesce(sum(c.local_occupants), 0)::int8 from cells c where c.facility_id = f.id)`.as(
        'local_occupants',
      ),
      sql<number>`(select count(*)::int8 from facility_modules m where m.facility_id = f.id)`.as('modules'),
      sql<number>`(select count(*)::int8 from cells c where c.facility_id = f.id)`.as('cells'),
      sql<number>`(select count(*)::int8 from custody_intervals ci where ci.facility_id = f.id and ci.ended_at is null)`.as(
        'transferees',
      ),
      sql<number>`(select count(*)::int8 from housing_assignments h where h.facility_id = f.id and h.ended_at is null)`.as(
        'housed',
      ),
    ]);
}

/** One facility by id or code. */
export async function findFacility(q: Q, idOrCode: string): Promise<FacilityView | undefined> {
  // Only a well-formed uuid is compared with the id column: anything else is a code (or no match), never a cast error.
  const isId = isUuid(idOrCode);
  const row = await facilityQuery(q)
    .where(isId ? 'f.id' : 'f.code', '=', idOrCode)
    .executeTakeFirst();
  return row ? toView(row) : undefined;
}

/** Facilities after `cursor` (by id), up to `limit`. */
export async function listFacilities(
  q: Q,
  options: { cursor?: string; limit: number },
): Promise<FacilityView[]> {
  let query = facilityQuery(q).orderBy('f.id').limit(options.limit);
  if (options.cursor) query = query.where('f.id', '>', options.cursor);
  return (await query.execute()).map(toView);
}

/** The codes already taken. */
export async function facilityCodes(q: Q): Promise<Set<string>> {
  const rows = await q.selectFrom('facilities').select('code').execute();
  return new Set(rows.map((r) => r.code));
}

/** The agencies, by code. */
export async function listAgencies(q: Q): Promise<AgencyRegistered[]> {
  return q.selectFrom('agencies').select(['code', 'name', 'jurisdiction']).orderBy('code').execute();
}

/** Cells of a facility with their module, for `facility show`. */
export async function listCells(q: Q, facilityId: string) {
  return q
    .selectFrom('cells as c')
    .innerJoin('facility_modules as m', 'm.id', 'c.module_id')
    .select([
      'c.id',
      'c.code',
      'm.code as module',
      'c.area_m2',
      'c.bunks',
      'c.working_capacity',
      'c.local_occupants',
      'c.local_sex',
      'c.status',
      'c.status_reason',
    ])
    .where('c.facility_id', '=', facilityId)
    .orderBy('m.code')
    .orderBy('c.code')
    .execute();
}

/** Everyone a facility holds now: its local occupants and the transferees in custody there. */
export async function peopleHeld(q: Q, facilityId: string): Promise<number> {
  const local = await q
    .selectFrom('cells')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<string>('local_occupants'), eb.val('0')).as('n'))
    .where('facility_id', '=', facilityId)
    .executeTakeFirst();
  const custody = await q
    .selectFrom('custody_intervals')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('facility_id', '=', facilityId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return Number(local?.n ?? 0) + Number(custody?.n ?? 0);
}

/** Whether an agency with this code is registered. */
export async function agencyRegistered(q: Q, code: string): Promise<boolean> {
  const row = await q.selectFrom('agencies').select('code').where('code', '=', code).executeTakeFirst();
  return row !== undefined;
}

/** The agency codes among `codes` that are registered. */
export async function registeredAgencyCodes(q: Q, codes: readonly string[]): Promise<string[]> {
  const rows = await q.selectFrom('agencies').select('code').where('code', 'in', codes).execute();
  return rows.map((r) => r.code);
}

/** The facility ids among `ids` that exist. */
export async function existingFacilityIds(q: Q, ids: readonly string[]): Promise<string[]> {
  const rows = await q.selectFrom('facilities').select('id').where('id', 'in', ids).execute();
  return rows.map((r) => r.id);
}
