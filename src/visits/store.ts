import type { Visibility } from '../auth/policy.js';
import type { Db, Tx } from '../db/database.js';
import { type FeatureEvents, projection } from '../ledger/registry.js';
import { personVisible } from '../parties/visibility.js';
import { legalVisitEvent, type VisitState } from './model.js';

type Q = Db | Tx;

/** Projections of legal visits: one row a visit, its state and the facts of each step. */
export const legalVisitEvents: FeatureEvents = {
  feature: 'visits',
  tables: [{ table: 'legal_visits', orderBy: 'id' }],
  events: [
    projection(legalVisitEvent.requested, async (tx, e) => {
      const p = e.payload;
      await tx
        .insertInto('legal_visits')
        .values({
          id: p.visitId,
          person_id: p.personId,
          facility_id: p.facilityId,
          office_id: p.officeId,
          kind: p.kind,
          window_from: new Date(p.windowFrom),
          window_to: new Date(p.windowTo),
          note: p.note,
          status: 'requested',
          requested_at: new Date(p.at),
          requested_by: e.actor,
          room: null,
          starts_at: null,
          ends_at: null,
          scheduled_by: null,
          reason_code: null,
          reason: null,
          closed_at: null,
          closed_by: null,
        })
        .execute();
    }),
    projection(legalVisitEvent.scheduled, async (tx, e) => {
      const p = e.payload;
      await tx
        .updateTable('legal_visits')
        .set({
          status: 'scheduled',
          room: p.room,
          starts_at: new Date(p.startsAt),
          ends_at: new Date(p.endsAt),
          scheduled_by: e.actor,
        })
        .where('id', '=', p.visitId)
        .execute();
    }),
    projection(legalVisitEvent.refused, async (tx, e) =>
      close(tx, e, { status: 'refused', reason_code: e.payload.reasonCode, reason: e.payload.reason }),
    ),
    projection(legalVisitEvent.outcome, async (tx, e) =>
      close(tx, e, {
        status: e.payload.outcome,
        reason_code: e.payload.reasonCode,
        reason: e.payload.reason,
      }),
    ),
    projection(legalVisitEvent.cancelled, async (tx, e) =>
      close(tx, e, { status: 'cancelled', reason_code: null, reason: e.payload.reason }),
    ),
  ],
};

/** Projects a visit's final step: its state, reason, and when and by whom it was closed. */
async function close(
  tx: Tx,
  e: { actor: string; payload: { visitId: string; at: string } },
  set: { status: VisitState; reason_code: string | null; reason: string | null },
): Promise<void> {
  await tx
    .updateTable('legal_visits')
    .set({ ...set, closed_at: new Date(e.payload.at), closed_by: e.actor })
    .where('id', '=', e.payload.visitId)
    .execute();
}

/** The visits read with the person's ref and name, the facility's code and the law office's name. */
function visits(q: Q) {
  return q
    .selectFrom('legal_visits as v')
    .innerJoin('people as p', 'p.id', 'v.person_id')
    .innerJoin('facilities as f', 'f.id', 'v.facility_id')
    .leftJoin('parties as o', 'o.id', 'v.office_id')
    .select([
      'v.id',
      'v.person_id as personId',
      'p.ref as personRef',
      'p.given_names as givenNames',
      'p.paternal_surname as paternalSurname',
      'v.facility_id as facilityId',
      'f.code as facility',
      'f.time_zone as timeZone',
      'v.office_id as officeId',
      'o.name as office',
      'v.kind',
      'v.window_from as windowFrom',
      'v.window_to as windowTo',
      'v.note',
      'v.status',
      'v.requested_at as requestedAt',
      'v.requested_by as requestedBy',
      'v.room',
      'v.starts_at as startsAt',
      'v.ends_at as endsAt',
      'v.reason_code as reasonCode',
      'v.reason',
      'v.closed_at as closedAt',
    ]);
}

/** A visit row as the store reads it. */
export type VisitRow = Awaited<ReturnType<typeof findVisit>> & {};

/** One visit. */
export async function findVisit(q: Q, visitId: string) {
  return visits(q).where('v.id', '=', visitId).executeTakeFirst();
}

/**
 * A facility's visits the actor may see (`vis`, filtered as the policy's scope on `day`), newest request
 * first; only those in `status` when given.
 */
export async function visitsAt(q: Q, facilityId: string, vis: Visibility, day: string, status?: VisitState) {
  let query = visits(q)
    .where('v.facility_id', '=', facilityId)
    .where(personVisible(vis, 'v.person_id', day))
    .orderBy('v.requested_at', 'desc')
    .orderBy('v.id');
  if (status) query = query.where('v.status', '=', status);
  return query.limit(1000).execute();
}

/** A person's visits at every facility, newest request first. */
export async function visitsOf(q: Q, personId: string) {
  return visits(q)
    .where('v.person_id', '=', personId)
    .orderBy('v.requested_at', 'desc')
    .orderBy('v.id')
    .execute();
}

/** A facility's visits requested in [from, to), for the compliance report. */
export async function visitsRequestedBetween(q: Q, facilityId: string, from: Date, to: Date) {
  return visits(q)
    .where('v.facility_id', '=', facilityId)
    .where('v.requested_at', '>=', from)
    .where('v.requested_at', '<', to)
    .orderBy('v.requested_at')
    .execute();
}

/** The facility a person is in custody at now (their open custody interval), if any. */
export async function custodyFacility(q: Q, personId: string): Promise<string | undefined> {
  const row = await q
    .selectFrom('custody_intervals')
    .select('facility_id')
    .where('person_id', '=', personId)
    .where('ended_at', 'is', null)
    .orderBy('started_at', 'desc')
    .executeTakeFirst();
  return row?.facility_id;
}
