import type { Db, Tx } from '../db/database.js';
import { type FeatureEvents, projection } from '../ledger/registry.js';
import { housingEvent } from './housing.js';

type Q = Db | Tx;

/** Projections for housing: a move ends the previous assignment and opens the new one. */
export const housingEvents: FeatureEvents = {
  feature: 'facilities/housing',
  tables: [{ table: 'housing_assignments', orderBy: 'id' }],
  events: [
    projection(housingEvent.assigned, async (tx, e) => {
      const p = e.payload;
      if (p.endsAssignmentId) {
        await tx
          .updateTable('housing_assignments')
          .set({ ended_at: new Date(p.at), end_reason: 'moved' })
          .where('id', '=', p.endsAssignmentId)
          .execute();
      }
      await tx
        .insertInto('housing_assignments')
        .values({
          id: p.assignmentId,
          person_id: p.personId,
          facility_id: p.facilityId,
          cell_id: p.cellId,
          custody_interval_id: p.intervalId,
          assigned_at: new Date(p.at),
          ended_at: null,
          end_reason: null,
        })
        .execute();
    }),
  ],
};

/** Transferees housed per cell of a facility now. */
export async function housedPerCell(q: Q, facilityId: string): Promise<Map<string, number>> {
  const rows = await q
    .selectFrom('housing_assignments')
    .select(['cell_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('facility_id', '=', facilityId)
    .where('ended_at', 'is', null)
    .groupBy('cell_id')
    .execute();
  return new Map(rows.map((r) => [r.cell_id, Number(r.n)]));
}

/** The people in custody at a facility: their open interval, record and current cell (if housed). */
export async function inCustodyAt(q: Q, facilityId: string) {
  return q
    .selectFrom('custody_intervals as ci')
    .innerJoin('people as p', 'p.id', 'ci.person_id')
    .leftJoin('housing_assignments as h', (join) =>
      join.onRef('h.person_id', '=', 'ci.person_id').on('h.ended_at', 'is', null),
    )
    .select([
      'ci.id as intervalId',
      'p.id as personId',
      'p.ref',
      'p.sex',
      'p.record',
      'h.id as assignmentId',
      'h.cell_id as cellId',
    ])
    .where('ci.facility_id', '=', facilityId)
    .where('ci.ended_at', 'is', null)
    .orderBy('p.ref')
    .execute();
}

/** A person's open housing assignments (at most one), with the cell and module codes. */
export async function currentHousingOf(q: Q, personId: string) {
  const rows = await q
    .selectFrom('housing_assignments as h')
    .innerJoin('cells as c', 'c.id', 'h.cell_id')
    .innerJoin('facility_modules as m', 'm.id', 'c.module_id')
    .select(['h.custody_interval_id', 'h.cell_id', 'c.code as cell', 'm.code as module', 'h.assigned_at'])
    .where('h.person_id', '=', personId)
    .where('h.ended_at', 'is', null)
    .execute();
  return rows.map((r) => ({
    intervalId: r.custody_interval_id,
    cellId: r.cell_id,
    cell: r.cell,
    module: r.module,
    assignedAt: r.assigned_at,
  }));
}

/** A facility's housing assignments made by `assignedBy` and not ended before `endedFrom`. */
export async function assignmentsOverlapping(
  q: Q,
  facilityId: string,
  window: { assignedBy: Date; endedFrom: Date },
): Promise<{ cellId: string; assignedAt: Date; endedAt: Date | null }[]> {
  const rows = await q
    .selectFrom('housing_assignments')
    .select(['cell_id', 'assigned_at', 'ended_at'])
    .where('facility_id', '=', facilityId)
    .where('assigned_at', '<=', window.assignedBy)
    .where((w) => w.or([w('ended_at', 'is', null), w('ended_at', '>=', window.endedFrom)]))
    .execute();
  return rows.map((r) => ({ cellId: r.cell_id, assignedAt: r.assigned_at, endedAt: r.ended_at }));
}
