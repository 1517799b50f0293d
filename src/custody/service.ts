import { authorize, can } from '../auth/policy.js';
import type { AppContext } from '../context.js';
import { notFound } from '../core/errors.js';
import { currentHousingOf } from '../facilities/housing-store.js';
import type { Actor } from '../ledger/events.js';
import { transact } from '../ledger/transact.js';
import { authorizePerson } from '../parties/scope.js';
import { findPerson } from '../people/store.js';
import { consularByInterval } from './isolation-service.js';
import {
  type CustodyReleased,
  decideNotification,
  decideRelease,
  NOTIFICATION_EVENT,
  type NotificationFulfilled,
  RELEASE_EVENT,
} from './model.js';
import { custodyOf, findNotificationObligation, openInterval } from './store.js';

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
  await authorizePerson(ctx, actor, 'people:read', personId);
  const person = await findPerson(ctx.handle.db, personId);
  if (!person) throw notFound('person', personId);
  const db = ctx.handle.db;
  // Counsel see where their client is held, never the cell (the policy's `housing:read`).
  const showsCell = can(actor.role, 'housing:read');
  const [intervals, housing, consular] = await Promise.all([
    custodyOf(db, personId),
    currentHousingOf(db, personId),
    consularByInterval(ctx, personId),
  ]);
  // The cell the person is in now (at most one open assignment), on the interval it belongs to.
  return {
    personId,
    intervals: intervals.map((i) => {
      const h = housing.find((a) => a.intervalId === i.id);
      return {
        ...i,
        housing:
          h && showsCell
            ? { cellId: h.cellId, cell: h.cell, module: h.module, assignedAt: h.assignedAt.toISOString() }
            : null,
        consular: consular.get(i.id) ?? null,
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
    const obligation = await findNotificationObligation(tx, obligationId, personId);
    const event = decideNotification(obligation, input, now);
    return {
      events: [{ type: NOTIFICATION_EVENT, streamId: `person:${personId}`, payload: event }],
      result: event,
    };
  });
  return result;
}
