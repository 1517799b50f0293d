import { type Expression, type SqlBool, sql } from 'kysely';
import type { Db, Tx } from '../db/database.js';
import { type FeatureEvents, projection } from '../ledger/registry.js';
import { consularEvent } from './consular.js';
import { isolationEvent } from './isolation.js';

type Q = Db | Tx;

/** Projections of isolation placements and of consular notifications' outcomes. */
export const isolationEvents: FeatureEvents = {
  feature: 'custody/isolation',
  tables: [
    { table: 'isolation_placements', orderBy: 'id' },
    { table: 'consular_notifications', orderBy: 'custody_interval_id' },
  ],
  events: [
    projection(isolationEvent.started, async (tx, e) => {
      const p = e.payload;
      await tx
        .insertInto('isolation_placements')
        .values({
          id: p.placementId,
          facility_id: p.facilityId,
          person_id: p.personId,
          custody_interval_id: p.intervalId,
          cell_id: p.cellId,
          reason: p.reason,
          authorised_by: p.authorisedBy,
          lighting: p.lighting,
          started_at: new Date(p.startedAt),
          ended_at: null,
          end_note: null,
          recorded_at: new Date(p.at),
          recorded_by: e.actor,
        })
        .execute();
    }),
    projection(isolationEvent.ended, async (tx, e) => {
      const p = e.payload;
      await tx
        .updateTable('isolation_placements')
        .set({ ended_at: new Date(p.endedAt), end_note: p.note })
        .where('id', '=', p.placementId)
        .execute();
    }),
    projection(consularEvent.recorded, async (tx, e) => {
      const p = e.payload;
      await tx
        .insertInto('consular_notifications')
        .values({
          custody_interval_id: p.intervalId,
          person_id: p.personId,
          facility_id: p.facilityId,
          outcome: p.outcome,
          consulate: p.consulate,
          outcome_at: new Date(p.outcomeAt),
          note: p.note,
          recorded_at: new Date(p.at),
          recorded_by: e.actor,
        })
        .execute();
    }),
  ],
};

/** The placements read with the person's ref and name and the cell's code. */
function placements(q: Q) {
  return q
    .selectFrom('isolation_placements as i')
    .innerJoin('people as p', 'p.id', 'i.person_id')
    .innerJoin('cells as c', 'c.id', 'i.cell_id')
    .innerJoin('facilities as f', 'f.id', 'i.facility_id')
    .select([
      'i.id',
      'i.facility_id as facilityId',
      'f.code as facility',
      'i.person_id as personId',
      'p.ref as personRef',
      'p.given_names as givenNames',
      'p.paternal_surname as paternalSurname',
      'i.cell_id as cellId',
      'c.code as cell',
      'i.reason',
      'i.authorised_by as authorisedBy',
      'i.lighting',
      'i.started_at as startedAt',
      'i.ended_at as endedAt',
      'i.end_note as endNote',
      'i.recorded_at as recordedAt',
      'i.recorded_by as recordedBy',
    ]);
}

/** A facility's placements, newest first; only the open ones with `open`. */
export async function placementsAt(
  q: Q,
  facilityId: string,
  options: { open?: boolean; visible?: Expression<SqlBool> } = {},
) {
  let query = placements(q)
    .where('i.facility_id', '=', facilityId)
    // Only the people a reader's scope reaches (parties/scope.ts, `peopleFilter` on `i.person_id`).
    .where(options.visible ?? sql<SqlBool>`true`)
    .orderBy('i.started_at', 'desc')
    .orderBy('i.id');
  if (options.open) query = query.where('i.ended_at', 'is', null);
  return query.limit(1000).execute();
}

/** A person's placements, at every facility, newest first. */
export async function placementsOf(q: Q, personId: string) {
  return placements(q)
    .where('i.person_id', '=', personId)
    .orderBy('i.started_at', 'desc')
    .orderBy('i.id')
    .execute();
}

/** One placement. */
export async function findPlacement(q: Q, placementId: string) {
  return placements(q).where('i.id', '=', placementId).executeTakeFirst();
}

/** Placements at a facility that started before `before`, for the compliance report. */
export async function placementsStartedBefore(q: Q, facilityId: string, before: Date) {
  return placements(q)
    .where('i.facility_id', '=', facilityId)
    .where('i.started_at', '<', before)
    .orderBy('i.started_at')
    .execute();
}

/** The person's custody intervals at a facility. */
export async function intervalsOfAt(q: Q, personId: string, facilityId: string) {
  return q
    .selectFrom('custody_intervals')
    .select(['id', 'started_at', 'ended_at'])
    .where('person_id', '=', personId)
    .where('facility_id', '=', facilityId)
    .execute();
}

/**
 * Custody intervals with what the consular duty turns on: the person's nationalities, the facility's
 * country, and the outcome recorded, if any. By facility or by person.
 */
export async function consularDuties(q: Q, by: { facilityId: string } | { personId: string }) {
  let query = q
    .selectFrom('custody_intervals as ci')
    .innerJoin('people as p', 'p.id', 'ci.person_id')
    .innerJoin('facilities as f', 'f.id', 'ci.facility_id')
    .leftJoin('consular_notifications as cn', 'cn.custody_interval_id', 'ci.id')
    .select([
      'ci.id as intervalId',
      'ci.person_id as personId',
      'p.ref as personRef',
      'p.nationalities',
      'ci.facility_id as facilityId',
      'f.code as facility',
      'f.jurisdiction as country',
      'f.time_zone as timeZone',
      'ci.started_at as startedAt',
      'ci.ended_at as endedAt',
      'cn.outcome',
      'cn.consulate',
      'cn.outcome_at as outcomeAt',
      'cn.note',
      'cn.recorded_by as recordedBy',
    ])
    .orderBy('ci.started_at', 'desc');
  query =
    'facilityId' in by
      ? query.where('ci.facility_id', '=', by.facilityId)
      : query.where('ci.person_id', '=', by.personId);
  return query.execute();
}
