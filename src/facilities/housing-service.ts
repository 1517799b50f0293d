import { settingsOfAgreementsCovering } from '../agreements/store.js';
import { authorize, can, scopeOf } from '../auth/policy.js';
import type { AppContext } from '../context.js';
import { notFound } from '../core/errors.js';
import { event } from '../core/events.js';
import type { Db, Tx } from '../db/database.js';
import type { Actor } from '../ledger/events.js';
import { transact } from '../ledger/transact.js';
import { peopleFilter } from '../parties/scope.js';
import { fullName, type PersonRecord } from '../people/model.js';
import {
  type AllocationInput,
  type AllocationPerson,
  type AllocationResult,
  allocate,
  DEFAULT_RIVALRIES,
  type HardConstraint,
} from './allocation.js';
import { decideHousing, housingEvent } from './housing.js';
import { inCustodyAt } from './housing-store.js';
import * as store from './store.js';

type Q = Db | Tx;

/** The rules the agreements covering a facility set: their rivalry table, and separation from locals. */
async function rulesFor(q: Q, facilityId: string): Promise<AllocationInput['rules']> {
  const settings = await settingsOfAgreementsCovering(q, facilityId);
  const tables = settings
    .map((s) => s.rivalries)
    .filter(
      (t): t is [string, string][] => Array.isArray(t) && t.every((p) => Array.isArray(p) && p.length === 2),
    );
  return {
    rivalries: tables.length > 0 ? tables.flat() : DEFAULT_RIVALRIES,
    separateFromLocal: settings.some((s) => s.separateFromLocal === true),
  };
}

function personOf(row: { personId: string; ref: string; sex: string; record: unknown }): AllocationPerson {
  const record = row.record as PersonRecord;
  return {
    personId: row.personId,
    ref: row.ref,
    sex: row.sex,
    organizations: record.affiliations.map((a) => a.organization),
    caseNumbers: record.convictions.map((c) => c.caseNumber),
  };
}

/** What allocation reads: the facility's cells, who is in custody there and where they sleep. */
async function loadInput(q: Q, facilityId: string, all: boolean) {
  const cells = await store.listCells(q, facilityId);
  const people = await inCustodyAt(q, facilityId);
  const rules = await rulesFor(q, facilityId);
  const housed = all ? [] : people.filter((p) => p.cellId !== null);
  const toPlace = all ? people : people.filter((p) => p.cellId === null);
  const input: AllocationInput = {
    cells: cells.map((c) => ({
      id: c.id,
      code: c.code,
      module: c.module,
      workingCapacity: c.working_capacity,
      active: c.status === 'active',
      localOccupants: c.local_occupants,
      localSex: c.local_sex,
    })),
    housed: housed.map((p) => ({ ...personOf(p), cellId: p.cellId! })),
    people: toPlace.map(personOf),
    rules,
  };
  return {
    input,
    current: new Map(
      people
        .filter((p) => p.assignmentId && p.cellId)
        .map((p) => [p.personId, { assignmentId: p.assignmentId!, cellId: p.cellId! }]),
    ),
    intervals: new Map(people.map((p) => [p.personId, p.intervalId])),
    names: new Map(people.map((p) => [p.personId, fullName((p.record as PersonRecord).names)])),
  };
}

/** The allocation as `custodia allocate --json` prints it and the API returns it. */
export interface AllocationReport {
  facility: { id: string; code: string };
  mode: 'new' | 'all';
  applied: boolean;
  placements: { ref: string; personId: string; name: string; cell: string; module: string; moved: boolean }[];
  unplaced: { ref: string; personId: string; name: string; constraint: HardConstraint; reason: string }[];
  checks: AllocationResult['checks'];
  evenness: AllocationResult['evenness'];
  rules: AllocationInput['rules'];
}

function report(
  facility: { id: string; code: string },
  all: boolean,
  applied: boolean,
  input: AllocationInput,
  result: AllocationResult,
  current: ReadonlyMap<string, { cellId: string }>,
  names: ReadonlyMap<string, string>,
): AllocationReport {
  const moduleOf = new Map(input.cells.map((c) => [c.code, c.module]));
  return {
    facility,
    mode: all ? 'all' : 'new',
    applied,
    placements: result.placements.map((p) => ({
      ref: p.ref,
      personId: p.personId,
      name: names.get(p.personId) ?? '',
      cell: p.cell,
      module: moduleOf.get(p.cell) ?? '',
      moved: current.has(p.personId) && current.get(p.personId)!.cellId !== p.cellId,
    })),
    unplaced: result.unplaced.map((u) => ({
      ref: u.ref,
      name: names.get(u.personId) ?? '',
      personId: u.personId,
      constraint: u.constraint,
      reason: u.reason,
    })),
    checks: result.checks,
    evenness: result.evenness,
    rules: input.rules,
  };
}

/**
 * The plan as a reader with a scope (a monitor) may see it: planned over everyone, with the placements and
 * unplaced people it may not see housed (a sealed record) left out; the checks still count them.
 */
async function onlyVisible(
  ctx: AppContext,
  actor: Actor,
  planned: AllocationReport,
): Promise<AllocationReport> {
  const scope = scopeOf(actor.role, 'housing:read');
  if (scope === undefined || scope === 'all') return planned;
  const ids = [...new Set([...planned.placements, ...planned.unplaced].map((p) => p.personId))];
  if (ids.length === 0) return planned;
  const rows = await ctx.handle.db
    .selectFrom('people')
    .select('id')
    .where('id', 'in', ids)
    .where(peopleFilter(ctx, actor, 'housing:read', 'people.id'))
    .execute();
  const seen = new Set(rows.map((r) => r.id));
  return {
    ...planned,
    placements: planned.placements.filter((p) => seen.has(p.personId)),
    unplaced: planned.unplaced.filter((u) => seen.has(u.personId)),
  };
}

/**
 * Allocates transferees in custody at a facility to cells. By default only people not yet housed are
 * placed; `all` re-plans everyone. With `dryRun` nothing is recorded; otherwise each new or changed
 * assignment is a `housing.assigned` event, in one transaction, planned on the state inside it.
 */
export async function allocateFacility(
  ctx: AppContext,
  actor: Actor,
  facilityIdOrCode: string,
  options: { all?: boolean; dryRun?: boolean } = {},
): Promise<AllocationReport> {
  const all = options.all === true;
  // A dry run is open to anyone who may read facilities; applying it is the receiving officer's.
  authorize(actor, options.dryRun ? 'facilities:read' : 'housing:allocate');
  const facility = await store.findFacility(ctx.handle.db, facilityIdOrCode);
  if (!facility) throw notFound('facility', facilityIdOrCode);
  const ref = { id: facility.id, code: facility.code };
  if (options.dryRun) {
    const { input, current, names } = await loadInput(ctx.handle.db, facility.id, all);
    // Names are personal data: a dry run is open to anyone who may read facilities, names only to
    // those who may read people.
    const shown = can(actor.role, 'people:read') ? names : new Map<string, string>();
    const planned = report(ref, all, false, input, allocate(input), current, shown);
    return onlyVisible(ctx, actor, planned);
  }
  const { result } = await transact(ctx, actor, async (tx, now) => {
    const { input, current, intervals, names } = await loadInput(tx, facility.id, all);
    const result = allocate(input);
    const events = decideHousing(result, {
      facilityId: facility.id,
      current,
      intervals,
      now,
      newId: ctx.newId,
    });
    return {
      events: events.map((payload) => event(housingEvent.assigned, `person:${payload.personId}`, payload)),
      result: report(ref, all, true, input, result, current, names),
    };
  });
  return result;
}
