import { type Action, authorize, can, type PolicySubject, visibility } from '../auth/policy.js';
import type { AppContext } from '../context.js';
import { DomainError, notFound } from '../core/errors.js';
import { event } from '../core/events.js';
import type { Db, Tx } from '../db/database.js';
import * as facilities from '../facilities/store.js';
import type { Actor } from '../ledger/events.js';
import { transact } from '../ledger/transact.js';
import { findParty } from '../parties/store.js';
import { personSubject } from '../parties/visibility.js';
import {
  decideCancel,
  decideOutcome,
  decideRefusal,
  decideRequest,
  decideSchedule,
  LEGAL_ACCESS_DAYS,
  legalVisitEvent,
  type Visit,
  type VisitState,
} from './model.js';
import { custodyFacility, findVisit, type VisitRow, visitsAt, visitsOf } from './store.js';

type Q = Db | Tx;

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The day the scopes are judged on: a representation counts while in force that day. */
const dayOf = (now: Date) => now.toISOString().slice(0, 10);

/** A visit as the API presents it: never the person's cell. */
export function presentVisit(row: VisitRow) {
  return {
    id: row.id,
    personId: row.personId,
    personRef: row.personRef,
    name: `${row.givenNames} ${row.paternalSurname}`,
    facility: row.facility,
    timeZone: row.timeZone,
    office: row.office ?? null,
    kind: row.kind,
    windowFrom: row.windowFrom.toISOString(),
    windowTo: row.windowTo.toISOString(),
    note: row.note,
    status: row.status,
    requestedAt: row.requestedAt.toISOString(),
    requestedBy: row.requestedBy,
    /** Rule 61: held by this instant. */
    dueAt: new Date(row.requestedAt.getTime() + LEGAL_ACCESS_DAYS * 86_400_000).toISOString(),
    room: row.room,
    startsAt: iso(row.startsAt),
    endsAt: iso(row.endsAt),
    reasonCode: row.reasonCode,
    reason: row.reason,
    closedAt: iso(row.closedAt),
  };
}

/** The person as the policy sees them, or not found: a person out of scope answers exactly the same. */
async function subjectOf(q: Q, personId: string, now: Date): Promise<PolicySubject> {
  const subject = await personSubject(q, personId, dayOf(now));
  if (!subject) throw notFound('person', personId);
  return subject;
}

/** A visit with the policy's view of its person, authorised for `action`; out of scope reads as a miss. */
async function authorizedVisit(q: Q, actor: Actor, action: Action, visitId: string, now: Date) {
  const row = await findVisit(q, visitId);
  if (!row) throw notFound('legal_visit', visitId);
  const subject = await personSubject(q, row.personId, dayOf(now));
  if (!subject) throw notFound('legal_visit', visitId);
  authorize(actor, action, { ...subject, kind: 'legal_visit', id: visitId });
  const visit: Visit = {
    id: row.id,
    personId: row.personId,
    status: row.status,
    requestedAt: row.requestedAt.toISOString(),
    startsAt: iso(row.startsAt),
    endsAt: iso(row.endsAt),
  };
  return { row, visit };
}

/**
 * Counsel request a legal visit or call with a client in custody, in a preferred window. The law office
 * is the one of counsel's that represents the client; the CLI operator may name one (`office`).
 */
export async function requestVisit(
  ctx: AppContext,
  actor: Actor,
  personId: string,
  input: { kind: string; windowFrom: string; windowTo: string; note?: string | null; office?: string },
) {
  const { result } = await transact(ctx, actor, async (tx, now) => {
    const subject = await subjectOf(tx, personId, now);
    authorize(actor, 'legal_visit:request', subject);
    const mine = actor.parties?.partyIds.find((id) => subject.representedBy?.includes(id));
    let officeId = mine ?? null;
    if (officeId === null && input.office) {
      const office = await findParty(tx, input.office);
      if (!office) throw new DomainError('not_found', 'party.not_found', { code: input.office });
      officeId = office.id;
    }
    const facilityId = await custodyFacility(tx, personId);
    if (!facilityId)
      throw new DomainError(
        'rule_refusal',
        'legal_visit.not_in_custody',
        { personId },
        { details: { rule: 'legal-visit-custody' } },
      );
    const requested = decideRequest({ ...input, personId, facilityId, officeId }, now, ctx.newId);
    return {
      events: [
        event(legalVisitEvent.requested, `legal_visit:${requested.visitId}`, requested, { newStream: true }),
      ],
      result: requested,
    };
  });
  return visitById(ctx, result.visitId);
}

async function visitById(ctx: AppContext, visitId: string) {
  const row = await findVisit(ctx.handle.db, visitId);
  if (!row) throw notFound('legal_visit', visitId);
  return presentVisit(row);
}

/** Receiving custody schedules a requested visit in a room (a facility location code) at a time. */
export async function scheduleVisit(
  ctx: AppContext,
  actor: Actor,
  visitId: string,
  input: { room: string; startsAt: string; endsAt: string },
) {
  await transact(ctx, actor, async (tx, now) => {
    const { visit } = await authorizedVisit(tx, actor, 'legal_visit:schedule', visitId, now);
    const scheduled = decideSchedule(visit, input, now);
    return { events: [event(legalVisitEvent.scheduled, `legal_visit:${visitId}`, scheduled)], result: null };
  });
  return visitById(ctx, visitId);
}

/** Receiving custody refuses a requested visit, with a reason code and a text. */
export async function refuseVisit(
  ctx: AppContext,
  actor: Actor,
  visitId: string,
  input: { reasonCode: string; reason: string },
) {
  await transact(ctx, actor, async (tx, now) => {
    const { visit } = await authorizedVisit(tx, actor, 'legal_visit:refuse', visitId, now);
    const refused = decideRefusal(visit, input, now);
    return { events: [event(legalVisitEvent.refused, `legal_visit:${visitId}`, refused)], result: null };
  });
  return visitById(ctx, visitId);
}

/** Receiving custody records a scheduled visit held, or not held with a reason. */
export async function recordVisitOutcome(
  ctx: AppContext,
  actor: Actor,
  visitId: string,
  input: { outcome: string; reasonCode?: string | null; reason?: string | null },
) {
  await transact(ctx, actor, async (tx, now) => {
    const { visit } = await authorizedVisit(tx, actor, 'legal_visit:record_outcome', visitId, now);
    const outcome = decideOutcome(visit, input, now);
    return { events: [event(legalVisitEvent.outcome, `legal_visit:${visitId}`, outcome)], result: null };
  });
  return visitById(ctx, visitId);
}

/** Counsel cancel their client's visit while it is requested or scheduled. */
export async function cancelVisit(
  ctx: AppContext,
  actor: Actor,
  visitId: string,
  input: { reason?: string | null },
) {
  await transact(ctx, actor, async (tx, now) => {
    const { visit } = await authorizedVisit(tx, actor, 'legal_visit:cancel', visitId, now);
    const cancelled = decideCancel(visit, input, now);
    return { events: [event(legalVisitEvent.cancelled, `legal_visit:${visitId}`, cancelled)], result: null };
  });
  return visitById(ctx, visitId);
}

/** A facility's legal visits the actor may see (counsel: their clients'), newest request first. */
export async function facilityVisits(
  ctx: AppContext,
  actor: Actor,
  facilityIdOrCode: string,
  options: { status?: VisitState } = {},
) {
  // A role without the read is refused; a scoped one sees its clients' visits only.
  if (!can(actor.role, 'legal_visits:read')) authorize(actor, 'legal_visits:read');
  const db = ctx.handle.db;
  const facility = await facilities.findFacility(db, facilityIdOrCode);
  if (!facility) throw notFound('facility', facilityIdOrCode);
  const vis = visibility(actor, 'legal_visits:read');
  const rows = await visitsAt(db, facility.id, vis, dayOf(ctx.clock.now()), options.status);
  return { facility: facility.code, visits: rows.map(presentVisit) };
}

/** A person's legal visits, newest request first; a person out of the actor's scope is not found. */
export async function personVisits(ctx: AppContext, actor: Actor, personId: string) {
  const db = ctx.handle.db;
  const subject = await subjectOf(db, personId, ctx.clock.now());
  authorize(actor, 'legal_visits:read', subject);
  return { personId, visits: (await visitsOf(db, personId)).map(presentVisit) };
}

/** One legal visit; out of the actor's scope it is not found. */
export async function legalVisit(ctx: AppContext, actor: Actor, visitId: string) {
  const { row } = await authorizedVisit(ctx.handle.db, actor, 'legal_visits:read', visitId, ctx.clock.now());
  return presentVisit(row);
}
