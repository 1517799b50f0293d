import type { Expression, SqlBool } from 'kysely';
import { epochDayOf } from '../core/days.js';
import type { Db, Tx } from '../db/database.js';
import { type FeatureEvents, projection } from '../ledger/registry.js';
import {
  breakdownLineSchema,
  type CalculationInputs,
  type CurrentCalculation,
  calculationInputsSchema,
  overrideSchema,
  type ReleaseResult,
  releaseDateEvent,
  releaseResultSchema,
} from './model.js';

type Q = Db | Tx;

function releaseDayOf(result: ReleaseResult): number | null {
  return result.kind === 'date' ? epochDayOf(result.date) : null;
}

/** Projections of release-date calculations and of detention explained by a court order. */
export const releaseDateEvents: FeatureEvents = {
  feature: 'releases',
  tables: [
    { table: 'release_date_calculations', orderBy: 'id' },
    { table: 'detention_explanations', orderBy: 'id' },
  ],
  events: [
    projection(releaseDateEvent.calculated, async (tx, e) => {
      const p = e.payload;
      // The new calculation is the one in force; the earlier ones stay as history.
      await tx
        .updateTable('release_date_calculations')
        .set({ current: false })
        .where('person_id', '=', p.personId)
        .where('current', '=', true)
        .execute();
      await tx
        .insertInto('release_date_calculations')
        .values({
          id: p.calculationId,
          person_id: p.personId,
          reason: p.reason,
          inputs_hash: p.inputsHash,
          inputs: JSON.stringify(p.inputs),
          computed: JSON.stringify(p.computed),
          result: JSON.stringify(p.result),
          release_day: releaseDayOf(p.result),
          breakdown: JSON.stringify(p.breakdown),
          override: p.override ? JSON.stringify(p.override) : null,
          current: true,
          calculated_at: new Date(p.at),
          calculated_by: e.actor,
        })
        .execute();
    }),
    projection(releaseDateEvent.explained, async (tx, e) => {
      const p = e.payload;
      await tx
        .insertInto('detention_explanations')
        .values({
          id: p.explanationId,
          person_id: p.personId,
          custody_interval_id: p.intervalId,
          order_reference: p.courtOrder.reference,
          court: p.courtOrder.court,
          order_date: p.courtOrder.date,
          note: p.note,
          recorded_at: new Date(p.at),
          recorded_by: e.actor,
        })
        .execute();
    }),
  ],
};

/** The calculation in force for each of the people given, by person id. */
export async function currentCalculations(
  q: Q,
  personIds: readonly string[],
): Promise<Map<string, CurrentCalculation>> {
  if (personIds.length === 0) return new Map();
  const rows = await q
    .selectFrom('release_date_calculations')
    .select(['person_id', 'inputs_hash', 'inputs', 'override'])
    .where('person_id', 'in', personIds)
    .where('current', '=', true)
    .execute();
  return new Map(
    rows.map((r) => [
      r.person_id,
      {
        inputsHash: r.inputs_hash,
        inputs: calculationInputsSchema.parse(r.inputs),
        override: r.override === null ? null : overrideSchema.parse(r.override),
      },
    ]),
  );
}

/** Which of the people given are in custody now (an open custody interval). */
export async function inCustody(q: Q, personIds: readonly string[]): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows = await q
    .selectFrom('custody_intervals')
    .select('person_id')
    .where('person_id', 'in', personIds)
    .where('ended_at', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.person_id));
}

/** Every calculation of a person, newest first, as stored. */
export async function calculationsOf(q: Q, personId: string) {
  const rows = await q
    .selectFrom('release_date_calculations')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('calculated_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    reason: r.reason,
    inputsHash: r.inputs_hash,
    inputs: calculationInputsSchema.parse(r.inputs) satisfies CalculationInputs,
    computed: releaseResultSchema.parse(r.computed),
    result: releaseResultSchema.parse(r.result),
    breakdown: breakdownLineSchema.array().parse(r.breakdown),
    override: r.override === null ? null : overrideSchema.parse(r.override),
    current: r.current,
    calculatedAt: r.calculated_at.toISOString(),
    calculatedBy: r.calculated_by,
  }));
}

/**
 * People in custody now whose release date in force is on or before `lastDay` (a day number), with the
 * facility and any court order recorded for this custody that explains holding them past it; by facility
 * when given, soonest first.
 */
export async function heldWithReleaseBy(
  q: Q,
  lastDay: number,
  facilityId?: string,
  /** Only the people a reader's scope reaches (parties/scope.ts, `peopleFilter` on `p.id`). */
  visible?: Expression<SqlBool>,
) {
  let query = q
    .selectFrom('release_date_calculations as r')
    .innerJoin('custody_intervals as ci', (join) =>
      join.onRef('ci.person_id', '=', 'r.person_id').on('ci.ended_at', 'is', null),
    )
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .innerJoin('facilities as f', 'f.id', 'ci.facility_id')
    .leftJoin('detention_explanations as d', 'd.custody_interval_id', 'ci.id')
    .select([
      'r.person_id as personId',
      'p.ref',
      'p.given_names as givenNames',
      'p.paternal_surname as paternalSurname',
      'p.maternal_surname as maternalSurname',
      'ci.id as intervalId',
      'f.id as facilityId',
      'f.code as facility',
      'f.name as facilityName',
      'f.time_zone as timeZone',
      'r.result',
      'r.reason',
      'd.order_reference as orderReference',
      'd.court as orderCourt',
      'd.order_date as orderDate',
    ])
    .where('r.current', '=', true)
    .where('r.release_day', '<=', lastDay)
    .orderBy('r.release_day')
    .orderBy('p.ref');
  if (facilityId) query = query.where('ci.facility_id', '=', facilityId);
  if (visible) query = query.where(visible);
  const rows = await query.execute();
  return rows.map((r) => ({ ...r, result: releaseResultSchema.parse(r.result) }));
}

/** The person's open custody interval's id, if any. */
export async function openIntervalId(q: Q, personId: string): Promise<string | undefined> {
  const row = await q
    .selectFrom('custody_intervals')
    .select('id')
    .where('person_id', '=', personId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return row?.id;
}

/** The court orders recorded as explaining a person's detention, newest first. */
export async function explanationsOf(q: Q, personId: string) {
  const rows = await q
    .selectFrom('detention_explanations')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('recorded_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    intervalId: r.custody_interval_id,
    courtOrder: { reference: r.order_reference, court: r.court, date: r.order_date },
    note: r.note,
    recordedAt: r.recorded_at.toISOString(),
    recordedBy: r.recorded_by,
  }));
}
