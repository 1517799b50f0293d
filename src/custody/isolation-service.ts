import { authorize } from '../auth/policy.js';
import type { AppContext } from '../context.js';
import { DomainError, notFound } from '../core/errors.js';
import * as facilities from '../facilities/store.js';
import type { Actor } from '../ledger/events.js';
import { transact } from '../ledger/transact.js';
import { authorizePerson, peopleFilter } from '../parties/scope.js';
import { findPerson } from '../people/store.js';
import {
  CONSULAR_EVENT,
  CONSULAR_NOTIFICATION,
  type ConsularOutcome,
  type ConsularRecorded,
  consularDueAt,
  decideConsular,
  isForeignNational,
} from './consular.js';
import {
  decideEndIsolation,
  decideStartIsolation,
  ISOLATION_EVENTS,
  type IsolationEnded,
  type IsolationStarted,
} from './isolation.js';
import {
  consularDuties,
  findPlacement,
  intervalsOfAt,
  placementsAt,
  placementsOf,
} from './isolation-store.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** A placement as the API presents it. */
function present(row: Awaited<ReturnType<typeof placementsOf>>[number]) {
  return {
    id: row.id,
    facility: row.facility,
    personId: row.personId,
    personRef: row.personRef,
    name: `${row.givenNames} ${row.paternalSurname}`,
    cell: row.cell,
    reason: row.reason,
    authorisedBy: row.authorisedBy,
    lighting: row.lighting,
    startedAt: row.startedAt.toISOString(),
    endedAt: iso(row.endedAt),
    endNote: row.endNote,
    recordedBy: row.recordedBy,
  };
}

/**
 * Starts an isolation placement (receiving custody): the person must be in custody at the facility at the
 * start, the cell one of the facility's, and no other placement of the person may overlap it.
 */
export async function startIsolation(
  ctx: AppContext,
  actor: Actor,
  facilityIdOrCode: string,
  input: {
    personId: string;
    cell: string;
    reason: string;
    authorisedBy: string;
    lighting: string;
    startedAt?: string;
  },
): Promise<IsolationStarted> {
  authorize(actor, 'isolation:record');
  const { result } = await transact(ctx, actor, async (tx, now) => {
    const facility = await facilities.findFacility(tx, facilityIdOrCode);
    if (!facility) throw notFound('facility', facilityIdOrCode);
    if (!(await findPerson(tx, input.personId))) throw notFound('person', input.personId);
    const cell = (await facilities.listCells(tx, facility.id)).find((c) => c.code === input.cell.trim());
    if (!cell) {
      throw new DomainError('invalid_input', 'isolation.cell_unknown', {
        cell: input.cell,
        facility: facility.code,
      });
    }
    const intervals = await intervalsOfAt(tx, input.personId, facility.id);
    const existing = await placementsOf(tx, input.personId);
    const event = decideStartIsolation(
      { ...input, facilityId: facility.id, cellId: cell.id, cell: cell.code },
      {
        intervals: intervals.map((i) => ({
          id: i.id,
          startedAt: i.started_at.toISOString(),
          endedAt: iso(i.ended_at),
        })),
        placements: existing.map((p) => ({
          placementId: p.id,
          startedAt: p.startedAt.toISOString(),
          endedAt: iso(p.endedAt),
        })),
      },
      now,
      ctx.newId,
    );
    return {
      events: [{ type: ISOLATION_EVENTS.started, streamId: `person:${input.personId}`, payload: event }],
      result: event,
    };
  });
  return result;
}

/** Ends an open isolation placement, at a time (default now) after its start. */
export async function endIsolation(
  ctx: AppContext,
  actor: Actor,
  placementId: string,
  input: { endedAt?: string; note?: string | null },
): Promise<IsolationEnded> {
  authorize(actor, 'isolation:record');
  const { result } = await transact(ctx, actor, async (tx, now) => {
    const row = await findPlacement(tx, placementId);
    const event = decideEndIsolation(
      row && {
        placementId: row.id,
        personId: row.personId,
        startedAt: row.startedAt.toISOString(),
        endedAt: iso(row.endedAt),
      },
      input,
      now,
    );
    return {
      events: [{ type: ISOLATION_EVENTS.ended, streamId: `person:${event.personId}`, payload: event }],
      result: event,
    };
  });
  return result;
}

/** A facility's isolation placements, newest first; only the current ones with `open`. */
export async function facilityIsolation(
  ctx: AppContext,
  actor: Actor,
  facilityIdOrCode: string,
  options: { open?: boolean } = {},
) {
  authorize(actor, 'facilities:read');
  const facility = await facilities.findFacility(ctx.handle.db, facilityIdOrCode);
  if (!facility) throw notFound('facility', facilityIdOrCode);
  // Each placement names a person and a cell: only those of the people the reader may see housed.
  const visible = peopleFilter(ctx, actor, 'housing:read', 'i.person_id');
  const rows = await placementsAt(ctx.handle.db, facility.id, { ...options, visible });
  return { facility: facility.code, placements: rows.map(present) };
}

/** A person's isolation placements at every facility, newest first. */
export async function personIsolation(ctx: AppContext, actor: Actor, personId: string) {
  // Every placement names its cell: a reader the policy does not show the cell to (counsel) may not read them.
  await authorizePerson(ctx, actor, 'housing:read', personId);
  await authorizePerson(ctx, actor, 'people:read', personId);
  if (!(await findPerson(ctx.handle.db, personId))) throw notFound('person', personId);
  return { personId, placements: (await placementsOf(ctx.handle.db, personId)).map(present) };
}

/** One custody interval's consular notification duty, as the API presents it; null when none is owed. */
export function consularOf(row: Awaited<ReturnType<typeof consularDuties>>[number]) {
  if (!isForeignNational(row.nationalities, row.country)) return null;
  return {
    country: row.country,
    nationalities: row.nationalities,
    dueAt: consularDueAt(row.startedAt).toISOString(),
    outcome: (row.outcome ?? null) as ConsularOutcome | null,
    consulate: row.consulate ?? null,
    outcomeAt: iso(row.outcomeAt ?? null),
    note: row.note ?? null,
  };
}

/** The consular duties of a person's custody intervals, by interval id. */
export async function consularByInterval(ctx: AppContext, personId: string) {
  const rows = await consularDuties(ctx.handle.db, { personId });
  return new Map(rows.map((r) => [r.intervalId, consularOf(r)]));
}

/**
 * Records the outcome of a foreign national's consular notification duty (VCCR Art. 36(1)(b)) for their
 * latest custody interval: the consulate was notified, or the person objected.
 */
export async function recordConsular(
  ctx: AppContext,
  actor: Actor,
  personId: string,
  input: { outcome: string; consulate?: string | null; at?: string; note?: string | null },
): Promise<ConsularRecorded & { dueAt: string; rule: string }> {
  authorize(actor, 'consular:record');
  const { result } = await transact(ctx, actor, async (tx, now) => {
    if (!(await findPerson(tx, personId))) throw notFound('person', personId);
    const latest = (await consularDuties(tx, { personId }))[0];
    const event = decideConsular(
      latest && {
        intervalId: latest.intervalId,
        personId,
        facilityId: latest.facilityId,
        facility: latest.facility,
        country: latest.country,
        nationalities: latest.nationalities,
        startedAt: latest.startedAt,
        endedAt: latest.endedAt,
        recorded:
          latest.outcome && latest.outcomeAt
            ? { outcome: latest.outcome, outcomeAt: latest.outcomeAt }
            : null,
      },
      input,
      now,
    );
    const dueAt = consularDueAt(latest?.startedAt ?? now).toISOString();
    return {
      events: [{ type: CONSULAR_EVENT, streamId: `person:${personId}`, payload: event }],
      result: { ...event, dueAt, rule: CONSULAR_NOTIFICATION.rule },
    };
  });
  return result;
}
