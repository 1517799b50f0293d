import type { Expression, SqlBool } from 'kysely';
import type { Db, Tx } from '../db/database.js';
import { type FeatureEvents, projection } from '../ledger/registry.js';
import { type DeathParty, type IncidentState, type IncidentStatus, incidentEvent } from './incidents.js';

type Q = Db | Tx;

export { HEADCOUNT_EVENT, type HeadcountRecorded } from './incidents.js';

async function history(
  tx: Tx,
  incidentId: string,
  row: { at: Date; action: string; from: string | null; to: string | null; note: string; actor: string },
) {
  const last = await tx
    .selectFrom('incident_history')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('incident_id', '=', incidentId)
    .executeTakeFirst();
  await tx
    .insertInto('incident_history')
    .values({
      incident_id: incidentId,
      seq: Number(last?.seq ?? 0) + 1,
      at: row.at,
      action: row.action,
      from_status: row.from,
      to_status: row.to,
      note: row.note,
      actor: row.actor,
    })
    .execute();
}

/** Projections for incidents and headcounts. */
export const incidentEvents: FeatureEvents = {
  feature: 'custody/incidents',
  tables: [
    { table: 'incidents', orderBy: 'id' },
    { table: 'incident_history', orderBy: 'incident_id, seq' },
    { table: 'headcounts', orderBy: 'id' },
  ],
  events: [
    projection(incidentEvent.reported, async (tx, e) => {
      const p = e.payload;
      const at = new Date(p.at);
      await tx
        .insertInto('incidents')
        .values({
          id: p.incidentId,
          facility_id: p.facilityId,
          kind: p.kind,
          person_id: p.personId,
          cell_id: p.cellId,
          occurred_at: new Date(p.occurredAt),
          description: p.description,
          status: 'open',
          reported_at: at,
          reported_by: e.actor,
          next_of_kin_notified_at: null,
          next_of_kin_recipient: null,
          authority_notified_at: null,
          authority_recipient: null,
          updated_at: at,
        })
        .execute();
      await history(tx, p.incidentId, {
        at,
        action: 'reported',
        from: null,
        to: 'open',
        note: p.description,
        actor: e.actor,
      });
    }),
    projection(incidentEvent.statusChanged, async (tx, e) => {
      const p = e.payload;
      const at = new Date(p.at);
      await tx
        .updateTable('incidents')
        .set({ status: p.to, updated_at: at })
        .where('id', '=', p.incidentId)
        .execute();
      await history(tx, p.incidentId, {
        at,
        action: 'status',
        from: p.from,
        to: p.to,
        note: p.note,
        actor: e.actor,
      });
    }),
    projection(incidentEvent.deathNotified, async (tx, e) => {
      const p = e.payload;
      const at = new Date(p.at);
      const notified = new Date(p.notifiedAt);
      await tx
        .updateTable('incidents')
        .set(
          p.party === 'next_of_kin'
            ? { next_of_kin_notified_at: notified, next_of_kin_recipient: p.recipient, updated_at: at }
            : { authority_notified_at: notified, authority_recipient: p.recipient, updated_at: at },
        )
        .where('id', '=', p.incidentId)
        .execute();
      await history(tx, p.incidentId, {
        at,
        action: `notified_${p.party}`,
        from: null,
        to: null,
        note: `${p.recipient} at ${p.notifiedAt}`,
        actor: e.actor,
      });
    }),
    projection(incidentEvent.headcountRecorded, async (tx, e) => {
      const p = e.payload;
      await tx
        .insertInto('headcounts')
        .values({
          id: p.headcountId,
          facility_id: p.facilityId,
          counted_at: new Date(p.countedAt),
          counted: p.counted,
          expected: p.expected,
          incident_id: p.incidentId,
          actor: e.actor,
        })
        .execute();
    }),
  ],
};

/** One incident as its decisions see it. */
export async function loadIncident(q: Q, incidentId: string): Promise<IncidentState | undefined> {
  const row = await q.selectFrom('incidents').selectAll().where('id', '=', incidentId).executeTakeFirst();
  if (!row) return undefined;
  const notified: Partial<Record<DeathParty, string>> = {};
  if (row.next_of_kin_notified_at) notified.next_of_kin = row.next_of_kin_notified_at.toISOString();
  if (row.authority_notified_at) notified.independent_authority = row.authority_notified_at.toISOString();
  return {
    incidentId: row.id,
    kind: row.kind as IncidentState['kind'],
    status: row.status as IncidentStatus,
    occurredAt: row.occurred_at.toISOString(),
    notified,
  };
}

/** A facility's incidents, newest first, optionally by status. */
export async function listIncidents(
  q: Q,
  facilityId: string,
  status?: IncidentStatus,
  /** Only incidents about no one or about a person a reader's scope reaches (`peopleFilter` on `i.person_id`). */
  visible?: Expression<SqlBool>,
) {
  let query = q
    .selectFrom('incidents as i')
    .leftJoin('people as p', 'p.id', 'i.person_id')
    .leftJoin('cells as c', 'c.id', 'i.cell_id')
    .selectAll('i')
    .select(['p.ref as person_ref', 'c.code as cell_code'])
    .where('i.facility_id', '=', facilityId)
    .orderBy('i.occurred_at', 'desc')
    .orderBy('i.id');
  if (status) query = query.where('i.status', '=', status);
  if (visible) query = query.where((eb) => eb.or([eb('i.person_id', 'is', null), visible]));
  return query.limit(500).execute();
}

/** An incident's history, oldest first. */
export async function incidentHistory(q: Q, incidentId: string) {
  return q
    .selectFrom('incident_history')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .orderBy('seq')
    .execute();
}

/** One incident's row. */
export async function findIncident(q: Q, incidentId: string) {
  return q.selectFrom('incidents').selectAll().where('id', '=', incidentId).executeTakeFirst();
}

/** Every death in custody at a facility, with the person's ref (null when unknown). */
export async function deathsInCustody(
  q: Q,
  facilityId: string,
): Promise<
  {
    ref: string | null;
    occurredAt: Date;
    nextOfKinNotifiedAt: Date | null;
    authorityNotifiedAt: Date | null;
  }[]
> {
  const rows = await q
    .selectFrom('incidents as i')
    .leftJoin('people as p', 'p.id', 'i.person_id')
    .select(['p.ref', 'i.occurred_at', 'i.next_of_kin_notified_at', 'i.authority_notified_at'])
    .where('i.facility_id', '=', facilityId)
    .where('i.kind', '=', 'death_in_custody')
    .execute();
  return rows.map((r) => ({
    ref: r.ref,
    occurredAt: r.occurred_at,
    nextOfKinNotifiedAt: r.next_of_kin_notified_at,
    authorityNotifiedAt: r.authority_notified_at,
  }));
}
