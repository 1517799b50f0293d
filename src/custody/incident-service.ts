import { authorize } from '../auth/policy.js';
import type { AppContext } from '../context.js';
import { DomainError, notFound } from '../core/errors.js';
import type { Db, Tx } from '../db/database.js';
import * as facilities from '../facilities/store.js';
import type { Actor } from '../ledger/events.js';
import { transact } from '../ledger/transact.js';
import { authorizePerson, peopleFilter } from '../parties/scope.js';
import { findPerson } from '../people/store.js';
import { HEADCOUNT_MAX, headcountLimit } from './incident-kinds.js';
import {
  findIncident,
  HEADCOUNT_EVENT,
  type HeadcountRecorded,
  incidentHistory,
  listIncidents,
  loadIncident,
} from './incident-store.js';
import {
  decideDeathNotice,
  decideReport,
  decideStatus,
  INCIDENT_EVENTS,
  type IncidentReported,
  type IncidentStatus,
} from './incidents.js';

async function requireFacility(q: Db | Tx, idOrCode: string) {
  const facility = await facilities.findFacility(q, idOrCode);
  if (!facility) throw notFound('facility', idOrCode);
  return facility;
}

/** Reports an incident at a facility; a person and a cell may be named (a cell by its code). */
export async function reportIncident(
  ctx: AppContext,
  actor: Actor,
  facilityIdOrCode: string,
  input: { kind: string; personId?: string; cell?: string; occurredAt?: string; description: string },
): Promise<IncidentReported> {
  authorize(actor, 'incident:report');
  const { result } = await transact(ctx, actor, async (tx, now) => {
    const facility = await requireFacility(tx, facilityIdOrCode);
    if (input.personId && !(await findPerson(tx, input.personId))) throw notFound('person', input.personId);
    let cellId: string | null = null;
    if (input.cell) {
      const cell = (await facilities.listCells(tx, facility.id)).find((c) => c.code === input.cell);
      if (!cell) throw notFound('cell', `${facility.code} ${input.cell}`);
      cellId = cell.id;
    }
    const event = decideReport(
      { ...input, facilityId: facility.id, personId: input.personId ?? null, cellId },
      now,
      ctx.newId,
    );
    return {
      events: [
        {
          type: INCIDENT_EVENTS.reported,
          streamId: `incident:${event.incidentId}`,
          payload: event,
          newStream: true,
        },
      ],
      result: event,
    };
  });
  return result;
}

/** Moves an incident along its workflow with a note. */
export async function changeIncidentStatus(
  ctx: AppContext,
  actor: Actor,
  incidentId: string,
  to: string,
  note: string,
) {
  authorize(actor, 'incident:change_status');
  await transact(ctx, actor, async (tx, now) => {
    const state = await loadIncident(tx, incidentId);
    if (!state) throw notFound('incident', incidentId);
    const event = decideStatus(state, to, note, now);
    return {
      events: [{ type: INCIDENT_EVENTS.statusChanged, streamId: `incident:${incidentId}`, payload: event }],
      result: null,
    };
  });
  return incident(ctx, actor, incidentId);
}

/** Records that next of kin or the independent authority was told of a death in custody. */
export async function recordDeathNotice(
  ctx: AppContext,
  actor: Actor,
  incidentId: string,
  input: { party: string; recipient: string; notifiedAt?: string },
) {
  authorize(actor, 'death_notice:record');
  await transact(ctx, actor, async (tx, now) => {
    const state = await loadIncident(tx, incidentId);
    if (!state) throw notFound('incident', incidentId);
    const event = decideDeathNotice(state, input, now);
    return {
      events: [{ type: INCIDENT_EVENTS.deathNotified, streamId: `incident:${incidentId}`, payload: event }],
      result: null,
    };
  });
  return incident(ctx, actor, incidentId);
}

/** One incident with its history. */
export async function incident(ctx: AppContext, actor: Actor, incidentId: string) {
  authorize(actor, 'facilities:read');
  const row = await findIncident(ctx.handle.db, incidentId);
  if (!row) throw notFound('incident', incidentId);
  // An incident about a person the reader may not read (a monitor and a sealed record) is not found.
  if (row.person_id) {
    await authorizePerson(ctx, actor, 'people:read', row.person_id, { kind: 'incident', id: incidentId });
  }
  return { ...row, history: await incidentHistory(ctx.handle.db, incidentId) };
}

/** A facility's incidents, optionally by status. */
export async function facilityIncidents(
  ctx: AppContext,
  actor: Actor,
  facilityIdOrCode: string,
  status?: IncidentStatus,
) {
  authorize(actor, 'facilities:read');
  const facility = await requireFacility(ctx.handle.db, facilityIdOrCode);
  const visible = peopleFilter(ctx, actor, 'people:read', 'i.person_id');
  return {
    facility: facility.code,
    incidents: await listIncidents(ctx.handle.db, facility.id, status, visible),
  };
}

const ENGLISH_NUMBER = new Intl.NumberFormat('en-US');

/**
 * The discrepancy incident's description, stored in English like every description: the figures with
 * thousands separators (`14,548 counted, 14,549 expected (-1)`) so a large count reads at a glance.
 */
function headcountDescription(facility: string, counted: number, expected: number): string {
  const diff = counted - expected;
  const n = (x: number) => ENGLISH_NUMBER.format(x);
  return `Headcount at ${facility}: ${n(counted)} counted, ${n(expected)} expected (${diff > 0 ? '+' : '-'}${n(Math.abs(diff))}).`;
}

/**
 * Records a headcount: the number counted against the number who should be there (local occupants and
 * transferees in custody). A discrepancy is an incident, reported in the same transaction.
 */
export async function recordHeadcount(
  ctx: AppContext,
  actor: Actor,
  facilityIdOrCode: string,
  input: { counted: number },
): Promise<HeadcountRecorded> {
  authorize(actor, 'headcount:record');
  if (!Number.isInteger(input.counted) || input.counted < 0) {
    throw new DomainError('invalid_input', 'incident.headcount_counted', {});
  }
  if (input.counted > HEADCOUNT_MAX) {
    throw new DomainError('invalid_input', 'incident.headcount_range', {
      value: input.counted,
      max: HEADCOUNT_MAX,
    });
  }
  const { result } = await transact(ctx, actor, async (tx, now) => {
    const facility = await requireFacility(tx, facilityIdOrCode);
    const expected = await facilities.peopleHeld(tx, facility.id);
    const limit = headcountLimit(facility.capacity, expected);
    if (input.counted > limit) {
      throw new DomainError('invalid_input', 'incident.headcount_over_capacity', {
        facility: facility.code,
        counted: input.counted,
        limit,
        operationalCapacity: facility.capacity.operationalCapacity,
        bunks: facility.capacity.bunks,
        expected,
      });
    }
    const discrepancy =
      input.counted === expected
        ? null
        : decideReport(
            {
              facilityId: facility.id,
              kind: 'headcount_discrepancy',
              description: headcountDescription(facility.code, input.counted, expected),
            },
            now,
            ctx.newId,
          );
    const payload: HeadcountRecorded = {
      headcountId: ctx.newId(),
      facilityId: facility.id,
      countedAt: now.toISOString(),
      counted: input.counted,
      expected,
      incidentId: discrepancy?.incidentId ?? null,
    };
    return {
      events: [
        ...(discrepancy
          ? [
              {
                type: INCIDENT_EVENTS.reported,
                streamId: `incident:${discrepancy.incidentId}`,
                payload: discrepancy,
                newStream: true,
              },
            ]
          : []),
        { type: HEADCOUNT_EVENT, streamId: `facility:${facility.id}`, payload },
      ],
      result: payload,
    };
  });
  return result;
}
