import { sql } from 'kysely';
import type { Db, Tx } from '../db/database.js';
import type { EventEnvelope, Projector } from '../ledger/events.js';
import { type FeatureEvents, projection } from '../ledger/registry.js';
import { type RegimeEntry, type RegimeRecorded, regimeEvent } from './regime.js';

type Q = Db | Tx;

function row(p: RegimeRecorded, e: EventEnvelope<RegimeRecorded>) {
  return {
    facility_id: p.facilityId,
    cell_id: p.cellId,
    date: p.date,
    minutes_out_of_cell: p.minutesOutOfCell,
    outdoor_exercise_minutes: p.outdoorExerciseMinutes,
    night_light_hours: p.nightLightHours,
    bedding_provided: p.beddingProvided,
    drinking_water_litres_per_person: p.drinkingWaterLitresPerPerson,
    meals_served: p.mealsServed,
    family_contacts: p.familyContacts,
    legal_visits: p.legalVisits,
    consular_visits: p.consularVisits,
    restraints_outside_transport: p.restraintsOutsideTransport,
    note: p.note,
    version: 1,
    recorded_at: new Date(e.recordedAt),
    actor: e.actor,
  };
}

async function upsert(tx: Tx, rows: ReturnType<typeof row>[]): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insertInto('regime_log')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['cell_id', 'date']).doUpdateSet((eb) => ({
        minutes_out_of_cell: eb.ref('excluded.minutes_out_of_cell'),
        outdoor_exercise_minutes: eb.ref('excluded.outdoor_exercise_minutes'),
        night_light_hours: eb.ref('excluded.night_light_hours'),
        bedding_provided: eb.ref('excluded.bedding_provided'),
        drinking_water_litres_per_person: eb.ref('excluded.drinking_water_litres_per_person'),
        meals_served: eb.ref('excluded.meals_served'),
        family_contacts: eb.ref('excluded.family_contacts'),
        legal_visits: eb.ref('excluded.legal_visits'),
        consular_visits: eb.ref('excluded.consular_visits'),
        restraints_outside_transport: eb.ref('excluded.restraints_outside_transport'),
        note: eb.ref('excluded.note'),
        version: sql<number>`regime_log.version + 1`,
        recorded_at: eb.ref('excluded.recorded_at'),
        actor: eb.ref('excluded.actor'),
      })),
    )
    .execute();
}

const project: Projector<RegimeRecorded> = async (tx, e) => upsert(tx, [row(e.payload, e)]);
project.many = async (tx, events) => {
  // One statement may not touch the same cell and day twice: apply a repeated key in a later statement.
  let batch: ReturnType<typeof row>[] = [];
  const keys = new Set<string>();
  for (const e of events) {
    const r = row(e.payload, e);
    const key = `${r.cell_id}|${r.date}`;
    if (keys.has(key) || batch.length >= 1000) {
      await upsert(tx, batch);
      batch = [];
      keys.clear();
    }
    keys.add(key);
    batch.push(r);
  }
  await upsert(tx, batch);
};

/** The regime event type and its projection: one row per cell and day, a correction replacing it. */
export const regimeEvents: FeatureEvents = {
  feature: 'custody/regime',
  tables: [{ table: 'regime_log', orderBy: 'cell_id, date' }],
  events: [projection(regimeEvent.recorded, project)],
};

/** A facility's regime log between two dates (inclusive), by date then cell code. */
export async function regimeLog(
  q: Q,
  facilityId: string,
  from: string,
  to: string,
): Promise<(RegimeEntry & { cellId: string; version: number })[]> {
  const rows = await q
    .selectFrom('regime_log as r')
    .innerJoin('cells as c', 'c.id', 'r.cell_id')
    .selectAll('r')
    .select('c.code')
    .where('r.facility_id', '=', facilityId)
    .where('r.date', '>=', from)
    .where('r.date', '<=', to)
    .orderBy('r.date')
    .orderBy('c.code')
    .execute();
  const num = (v: string | null) => (v === null ? null : Number(v));
  return rows.map((r) => ({
    cell: r.code,
    cellId: r.cell_id,
    date: r.date,
    minutesOutOfCell: r.minutes_out_of_cell,
    outdoorExerciseMinutes: r.outdoor_exercise_minutes,
    nightLightHours: num(r.night_light_hours),
    beddingProvided: r.bedding_provided,
    drinkingWaterLitresPerPerson: num(r.drinking_water_litres_per_person),
    mealsServed: r.meals_served,
    familyContacts: r.family_contacts,
    legalVisits: r.legal_visits,
    consularVisits: r.consular_visits,
    restraintsOutsideTransport: r.restraints_outside_transport,
    note: r.note,
    version: r.version,
  }));
}
