import { sql } from 'kysely';
import { DomainError } from '../core/errors.js';
import type { Db, Tx } from '../db/database.js';
import { type FeatureEvents, projection } from '../ledger/registry.js';
import type { PersonRecord } from '../people/model.js';
import { custodyEvent } from './model.js';

type Q = Db | Tx;

/** Custody event types and their projections: an interval and its notification obligation per intake. */
export const custodyEvents: FeatureEvents = {
  feature: 'custody',
  tables: [
    { table: 'custody_intervals', orderBy: 'id' },
    { table: 'notification_obligations', orderBy: 'id' },
    { table: 'facility_occupancy', orderBy: 'facility_id' },
  ],
  events: [
    projection(custodyEvent.started, async (tx, e) => {
      const p = e.payload;
      await tx
        .insertInto('custody_intervals')
        .values({
          id: p.intervalId,
          person_id: p.personId,
          agreement_id: p.agreementId,
          facility_id: p.facilityId,
          transfer_id: p.transferId,
          manifest_id: p.manifestId,
          started_at: new Date(p.startedAt),
          ended_at: null,
          release_reason: null,
        })
        .execute();
      // The facility's maintained count of transferees (migration 0030), which the dashboard reads.
      await tx
        .insertInto('facility_occupancy')
        .values({ facility_id: p.facilityId, transferees: 1 })
        .onConflict((oc) =>
          oc
            .column('facility_id')
            .doUpdateSet({ transferees: sql<number>`facility_occupancy.transferees + 1` }),
        )
        .execute();
      await tx
        .insertInto('notification_obligations')
        .values({
          id: p.notification.obligationId,
          person_id: p.personId,
          custody_interval_id: p.intervalId,
          rule: p.notification.rule,
          source: p.notification.source,
          recipients: JSON.stringify(p.notification.recipients),
          due_at: new Date(p.notification.dueAt),
          fulfilled_at: null,
        })
        .execute();
    }),
    projection(custodyEvent.notificationFulfilled, async (tx, e) => {
      const p = e.payload;
      await tx
        .updateTable('notification_obligations')
        .set({ fulfilled_at: new Date(p.fulfilledAt) })
        .where('id', '=', p.obligationId)
        .execute();
    }),
    projection(custodyEvent.released, async (tx, e) => {
      const p = e.payload;
      const at = new Date(p.at);
      // Counted off the facility only if the interval is still open (read before it closes).
      await tx
        .updateTable('facility_occupancy')
        .set({ transferees: sql<number>`transferees - 1` })
        .where('facility_id', '=', (eb) =>
          eb
            .selectFrom('custody_intervals')
            .select('facility_id')
            .where('id', '=', p.intervalId)
            .where('ended_at', 'is', null),
        )
        .execute();
      await tx
        .updateTable('custody_intervals')
        .set({ ended_at: at, release_reason: p.reason })
        .where('id', '=', p.intervalId)
        .execute();
      // The cell is vacated with the release.
      await tx
        .updateTable('housing_assignments')
        .set({ ended_at: at, end_reason: 'released' })
        .where('custody_interval_id', '=', p.intervalId)
        .where('ended_at', 'is', null)
        .execute();
      // So does an isolation placement still open: it cannot outlast custody.
      await tx
        .updateTable('isolation_placements')
        .set({ ended_at: at, end_note: 'released from custody' })
        .where('custody_interval_id', '=', p.intervalId)
        .where('ended_at', 'is', null)
        .where('started_at', '<', at)
        .execute();
    }),
  ],
};

/** The person's open custody interval, if any. */
export async function openInterval(q: Q, personId: string) {
  return q
    .selectFrom('custody_intervals')
    .selectAll()
    .where('person_id', '=', personId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
}

/** Refuses a second open interval: a person is in one place at a time (docs/domain.md, Custody). */
export async function requireNoOpenInterval(q: Q, personId: string): Promise<void> {
  const open = await openInterval(q, personId);
  if (open) {
    throw new DomainError(
      'rule_refusal',
      'custody.already_in_custody',
      { personId, intervalId: open.id, since: open.started_at.toISOString() },
      { details: { rule: 'one-open-interval', intervalId: open.id } },
    );
  }
}

/** A person's custody intervals with their notification obligations, newest first. */
export async function custodyOf(q: Q, personId: string) {
  const intervals = await q
    .selectFrom('custody_intervals')
    .innerJoin('facilities', 'facilities.id', 'custody_intervals.facility_id')
    .select([
      'custody_intervals.id',
      'custody_intervals.facility_id as facilityId',
      'facilities.name as facilityName',
      'facilities.time_zone as timeZone',
      'custody_intervals.transfer_id as transferId',
      'custody_intervals.manifest_id as manifestId',
      'custody_intervals.started_at as startedAt',
      'custody_intervals.ended_at as endedAt',
      'custody_intervals.release_reason as releaseReason',
    ])
    .where('custody_intervals.person_id', '=', personId)
    .orderBy('custody_intervals.started_at', 'desc')
    .execute();
  const obligations = await q
    .selectFrom('notification_obligations')
    .selectAll()
    .where('person_id', '=', personId)
    .execute();
  return intervals.map((i) => ({
    ...i,
    notifications: obligations
      .filter((o) => o.custody_interval_id === i.id)
      .map((o) => ({
        id: o.id,
        rule: o.rule,
        source: o.source,
        recipients: o.recipients,
        dueAt: o.due_at,
        fulfilledAt: o.fulfilled_at,
      })),
  }));
}

/** A notification obligation of a person, with the start of its custody interval. */
export async function findNotificationObligation(
  q: Q,
  obligationId: string,
  personId: string,
): Promise<{ id: string; personId: string; startedAt: Date; fulfilledAt: Date | null } | undefined> {
  const row = await q
    .selectFrom('notification_obligations as n')
    .innerJoin('custody_intervals as ci', 'ci.id', 'n.custody_interval_id')
    .select(['n.id', 'n.person_id', 'n.fulfilled_at', 'ci.started_at'])
    .where('n.id', '=', obligationId)
    .where('n.person_id', '=', personId)
    .executeTakeFirst();
  return row
    ? { id: row.id, personId: row.person_id, startedAt: row.started_at, fulfilledAt: row.fulfilled_at }
    : undefined;
}

/** Every notification obligation of custody at a facility, with the person's ref and the intake time. */
export async function notificationsAt(
  q: Q,
  facilityId: string,
): Promise<{ ref: string; dueAt: Date; fulfilledAt: Date | null; startedAt: Date }[]> {
  const rows = await q
    .selectFrom('notification_obligations as n')
    .innerJoin('custody_intervals as ci', 'ci.id', 'n.custody_interval_id')
    .innerJoin('people as p', 'p.id', 'n.person_id')
    .select(['p.ref', 'n.due_at', 'n.fulfilled_at', 'ci.started_at'])
    .where('ci.facility_id', '=', facilityId)
    .execute();
  return rows.map((r) => ({
    ref: r.ref,
    dueAt: r.due_at,
    fulfilledAt: r.fulfilled_at,
    startedAt: r.started_at,
  }));
}

/** Every custody interval at a facility, open or ended, with the person's record. */
export async function intervalsAt(
  q: Q,
  facilityId: string,
): Promise<{ startedAt: Date; endedAt: Date | null; record: PersonRecord }[]> {
  const rows = await q
    .selectFrom('custody_intervals as ci')
    .innerJoin('people as p', 'p.id', 'ci.person_id')
    .select(['ci.started_at', 'ci.ended_at', 'p.record'])
    .where('ci.facility_id', '=', facilityId)
    .execute();
  return rows.map((r) => ({
    startedAt: r.started_at,
    endedAt: r.ended_at,
    record: r.record as PersonRecord,
  }));
}
