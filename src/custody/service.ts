import { authorize } from '../auth/policy.js';
import type { AppContext } from '../context.js';
import { notFound } from '../core/errors.js';
import type { Actor } from '../ledger/events.js';
import { transact } from '../ledger/transact.js';
import { findPerson } from '../people/store.js';
import {
  type CustodyReleased,
  decideNotification,
  decideRelease,
  NOTIFICATION_EVENT,
  type NotificationFulfilled,
  RELEASE_EVENT,
} from './model.js';
import { custodyOf, openInterval } from './store.js';

/** Releases a person from custody: the interval closes with the reason, and their cell is vacated. */
export async function releasePerson(
  ctx: AppContext,
  actor: Actor,
  personId: string,
  input: { reason: string; at?: string; note?: string | null },
): Promise<CustodyReleased> {
  authorize(actor, 'release:record');
  const { result } = await transact(ctx, actor, async (tx, now) => {
    const person = await findPerson(tx, personId);
    if (!person) throw notFound('person', personId);
    const open = await openInterval(tx, personId);
    const event = decideRelease(
      open ? { id: open.id, personId, facilityId: open.facility_id, startedAt: open.started_at } : undefined,
      input,
      now,
    );
    return {
      events: [{ type: RELEASE_EVENT, streamId: `person:${personId}`, payload: event }],
      result: event,
    };
  });
  return result;
}

/** A person's custody intervals with their notifications, newest first. */
export async function personCustody(ctx: AppContext, actor: Actor, personId: string) {
  authorize(actor, 'people:read');
  const person = await findPerson(ctx.handle.db, personId);
  if (!person) throw notFound('person', personId);
  const db = ctx.handle.db;
  const [intervals, housing] = await Promise.all([
    custodyOf(db, personId),
    db
      .selectFrom('housing_assignments as h')
      .innerJoin('cells as c', 'c.id', 'h.cell_id')
      .innerJoin('facility_modules as m', 'm.id', 'c.module_id')
      .select(['h.custody_interval_id', 'h.cell_id', 'c.code as cell', 'm.code as module', 'h.assigned_at'])
      .where('h.person_id', '=', personId)
      .where('h.ended_at', 'is', null)
      .execute(),
  ]);
  // The cell the person is in now (at most one open assignment), on the interval it belongs to.
  return {
    personId,
    intervals: intervals.map((i) => {
      const h = housing.find((a) => a.custody_interval_id === i.id);
      return {
        ...i,
        housing: h
          ? { cellId: h.cell_id, cell: h.cell, module: h.module, assignedAt: h.assigned_at.toISOString() }
          : null,
      };
    }),
  };
}

/** Records that family and counsel were told where the person is held (Mandela Rule 68). */
export async function recordNotification(
  ctx: AppContext,
  actor: Actor,
  personId: string,
  obligationId: string,
  input: { recipients: string; fulfilledAt?: string },
): Promise<NotificationFulfilled> {
  authorize(actor, 'notification:record');
  const { result } = await transact(ctx, actor, async (tx, now) => {
    const row = await tx
      .selectFrom('notification_obligations as n')
      .innerJoin('custody_intervals as ci', 'ci.id', 'n.custody_interval_id')
      .select(['n.id', 'n.person_id', 'n.fulfilled_at', 'ci.started_at'])
      .where('n.id', '=', obligationId)
      .where('n.person_id', '=', personId)
      .executeTakeFirst();
    const event = decideNotification(
      row
        ? { id: row.id, personId: row.person_id, startedAt: row.started_at, fulfilledAt: row.fulfilled_at }
        : undefined,
      input,
      now,
    );
    return {
      events: [{ type: NOTIFICATION_EVENT, streamId: `person:${personId}`, payload: event }],
      result: event,
    };
  });
  return result;
}
