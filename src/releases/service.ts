import type { Expression, SqlBool } from 'kysely';
import { authorize } from '../auth/policy.js';
import type { AppContext } from '../context.js';
import { isIsoDate, localDate } from '../core/dates.js';
import { addDays, epochDayOf } from '../core/days.js';
import { DomainError, invalidInput, notFound } from '../core/errors.js';
import { event, type NewEvent } from '../core/events.js';
import type { Db, Tx } from '../db/database.js';
import * as facilities from '../facilities/store.js';
import type { Actor } from '../ledger/events.js';
import { transact } from '../ledger/transact.js';
import { authorizePerson, peopleFilter } from '../parties/scope.js';
import { fullName } from '../people/model.js';
import { findPerson } from '../people/store.js';
import {
  type CourtOrder,
  type DetentionExplained,
  decideCalculation,
  decideOverride,
  releaseDateEvent,
  standingOf,
  streamOf,
} from './model.js';
import * as store from './store.js';

/**
 * The calculations that follow from changed records: for each person given who is in custody or already
 * has a release date, a new calculation when the sentence inputs changed (none when they did not). Called
 * in the same transaction as the change, after it was projected.
 */
export async function recalculateReleaseDates(
  ctx: Pick<AppContext, 'newId'>,
  tx: Tx,
  personIds: readonly string[],
  now: Date,
): Promise<NewEvent[]> {
  if (personIds.length === 0) return [];
  const [current, held] = await Promise.all([
    store.currentCalculations(tx, personIds),
    store.inCustody(tx, personIds),
  ]);
  const events: NewEvent[] = [];
  for (const personId of personIds) {
    if (!held.has(personId) && !current.has(personId)) continue;
    const person = await findPerson(tx, personId);
    if (!person) continue;
    const decided = decideCalculation(personId, current.get(personId), person, now, ctx.newId);
    if (decided) events.push(decided);
  }
  return events;
}

/** The first calculation at intake (or a recalculation if the record changed since the last one). */
export async function calculateAtIntake(
  ctx: Pick<AppContext, 'newId'>,
  tx: Tx,
  personId: string,
  now: Date,
): Promise<NewEvent[]> {
  const person = await findPerson(tx, personId);
  if (!person) return [];
  const current = (await store.currentCalculations(tx, [personId])).get(personId);
  const decided = decideCalculation(personId, current, person, now, ctx.newId);
  return decided ? [decided] : [];
}

/** A person's release date: the calculation in force, the earlier ones, and court orders explaining detention. */
export async function personReleaseDate(ctx: AppContext, actor: Actor, personId: string) {
  // Out of the reader's scope (a monitor and a sealed record) reads as a person who does not exist.
  await authorizePerson(ctx, actor, 'people:read', personId);
  const db = ctx.handle.db;
  const person = await findPerson(db, personId);
  if (!person) throw notFound('person', personId);
  const [calculations, explanations] = await Promise.all([
    store.calculationsOf(db, personId),
    store.explanationsOf(db, personId),
  ]);
  const [current, ...earlier] = calculations;
  return {
    personId,
    ref: person.ref,
    name: fullName(person.names),
    current: current ?? null,
    earlier,
    explanations,
  };
}

/**
 * Overrides a person's release date by hand (sending legal or a court), with a reason and, when a court
 * ordered it, the order: a new calculation that keeps the computed result beside it.
 */
export async function overrideReleaseDate(
  ctx: AppContext,
  actor: Actor,
  personId: string,
  input: { date: string; reason: string; courtOrder?: CourtOrder | null },
) {
  authorize(actor, 'release_date:override');
  await transact(ctx, actor, async (tx, now) => {
    if (!(await findPerson(tx, personId))) throw notFound('person', personId);
    const current = (await store.currentCalculations(tx, [personId])).get(personId);
    const decided = decideOverride(
      personId,
      current,
      { date: input.date, reason: input.reason, courtOrder: input.courtOrder ?? null, role: actor.role },
      now,
      ctx.newId,
    );
    if ('key' in decided) {
      if (decided.key === 'release_date.not_calculated') {
        throw new DomainError('conflict', decided.key, decided.params);
      }
      throw invalidInput(decided.key, decided.params);
    }
    return { events: [decided], result: null };
  });
  return personReleaseDate(ctx, actor, personId);
}

/**
 * Records a court order that explains why a person is still held after their release date: it ends the
 * overdue alarm for this custody. Refused for someone not in custody.
 */
export async function explainDetention(
  ctx: AppContext,
  actor: Actor,
  personId: string,
  input: { courtOrder: CourtOrder; note?: string | null },
): Promise<DetentionExplained> {
  authorize(actor, 'detention_explanation:record');
  const { result } = await transact(ctx, actor, async (tx, now) => {
    if (!(await findPerson(tx, personId))) throw notFound('person', personId);
    const intervalId = await store.openIntervalId(tx, personId);
    if (!intervalId) throw new DomainError('conflict', 'release_date.not_in_custody', { personId });
    if (input.courtOrder.date > localDate(now, 'UTC')) {
      throw invalidInput('release_date.order_in_future', { date: input.courtOrder.date });
    }
    const payload: DetentionExplained = {
      explanationId: ctx.newId(),
      personId,
      intervalId,
      courtOrder: {
        reference: input.courtOrder.reference.trim(),
        court: input.courtOrder.court.trim(),
        date: input.courtOrder.date,
      },
      note: input.note?.trim() || null,
      at: now.toISOString(),
    };
    return { events: [event(releaseDateEvent.explained, streamOf(personId), payload)], result: payload };
  });
  return result;
}

/** One row of the releases-due worklist or the overdue alarm. */
export interface ReleaseRow {
  personId: string;
  ref: string;
  name: string;
  facility: string;
  facilityName: string;
  releaseDate: string;
  status: 'due' | 'overdue' | 'explained';
  /** Days until the release when due; days past it when overdue or explained. */
  days: number;
  calculationReason: string;
  courtOrder: CourtOrder | null;
}

/** People held whose release date in force is on or before `today + days` at each facility's own date. */
async function heldRows(
  ctx: AppContext,
  options: { facilityId?: string; on?: string; days: number; visible?: Expression<SqlBool> },
  db: Db = ctx.handle.db,
) {
  const now = ctx.clock.now();
  // Facilities keep their own calendar; a day's margin either side of UTC covers every zone.
  const utcToday = options.on ?? localDate(now, 'UTC');
  const rows = await store.heldWithReleaseBy(
    db,
    epochDayOf(addDays(utcToday, options.days + 1)),
    options.facilityId,
    options.visible,
  );
  const seen = new Set<string>();
  const out: ReleaseRow[] = [];
  for (const r of rows) {
    if (seen.has(r.personId) || r.result.kind !== 'date') continue;
    seen.add(r.personId);
    const today = options.on ?? localDate(now, r.timeZone);
    const courtOrder =
      r.orderReference && r.orderCourt && r.orderDate
        ? { reference: r.orderReference, court: r.orderCourt, date: r.orderDate }
        : null;
    const standing = standingOf(r.result, today, courtOrder !== null);
    if (standing.status === 'none' || (standing.status === 'due' && standing.days > options.days)) continue;
    out.push({
      personId: r.personId,
      ref: r.ref,
      name: fullName({ given: r.givenNames, paternal: r.paternalSurname, maternal: r.maternalSurname }),
      facility: r.facility,
      facilityName: r.facilityName,
      releaseDate: r.result.date,
      status: standing.status,
      days: standing.days,
      calculationReason: r.reason,
      courtOrder,
    });
  }
  return out;
}

/** The most days ahead the worklist looks. */
export const MAX_DUE_DAYS = 3660;

/**
 * The releases-due worklist: people held (at a facility, or everywhere) whose release falls in the next
 * `days` days (default 90) as of `on` (default today), and those already past it, overdue first.
 */
export async function releasesDue(
  ctx: AppContext,
  actor: Actor,
  options: { facility?: string; days?: number; on?: string },
) {
  // Only the people the reader may read: a monitor does not see a sealed record here.
  const visible = peopleFilter(ctx, actor, 'people:read', 'p.id');
  const days = options.days ?? 90;
  if (!Number.isInteger(days) || days < 0 || days > MAX_DUE_DAYS) {
    throw invalidInput('release_date.days_range', { days, max: MAX_DUE_DAYS });
  }
  if (options.on !== undefined && !isIsoDate(options.on)) {
    throw invalidInput('release_date.on_invalid', { on: options.on });
  }
  let facilityId: string | undefined;
  if (options.facility) {
    const facility = await facilities.findFacility(ctx.handle.db, options.facility);
    if (!facility) throw notFound('facility', options.facility);
    facilityId = facility.id;
  }
  const rows = await heldRows(ctx, {
    days,
    visible,
    ...(facilityId ? { facilityId } : {}),
    ...(options.on ? { on: options.on } : {}),
  });
  const rank = { overdue: 0, explained: 1, due: 2 } as const;
  rows.sort((a, b) => rank[a.status] - rank[b.status] || a.releaseDate.localeCompare(b.releaseDate));
  return {
    on: options.on ?? localDate(ctx.clock.now(), 'UTC'),
    days,
    facility: options.facility ?? null,
    items: rows,
  };
}

/** The dashboard's alarm: everyone held after their release date with no court order explaining it. */
export async function overdueReleases(ctx: AppContext, db: Db = ctx.handle.db): Promise<ReleaseRow[]> {
  const rows = await heldRows(ctx, { days: 0 }, db);
  return rows.filter((r) => r.status === 'overdue');
}
