import { createHash } from 'node:crypto';
import { findAgreement, resolveAgreementId } from '../agreements/store.js';
import { authorize, can } from '../auth/policy.js';
import type { AppContext } from '../context.js';
import { canonicalize } from '../core/canonical-json.js';
import { DomainError, type FieldIssue, invalidInput, notFound } from '../core/errors.js';
import { type Db, refreshStatistics, type Tx, withWriteTransaction } from '../db/database.js';
import type { Actor, NewEvent } from '../ledger/events.js';
import { signCheckpoint } from '../ledger/ledger.js';
import { ledgerSize } from '../ledger/store.js';
import { recordEvents, transact } from '../ledger/transact.js';
import { needsSubject, peopleFilter, scopeDay } from '../parties/scope.js';
import type { PersonCustodyStatus } from './contract.js';
import type { ParsedRow } from './import-format.js';
import {
  decideUpsert,
  PEOPLE_EVENTS,
  type PersonRecord,
  type PersonRecordInput,
  type PersonRegistered,
  type PersonRevised,
  type PersonWithdrawn,
  personRecordSchema,
} from './model.js';
import * as store from './store.js';

/** The canonical hash of a record: equal records have equal hashes whatever their key order. */
export function recordHashOf(record: PersonRecord): string {
  return createHash('sha256').update(canonicalize(record)).digest('hex');
}

async function requireAgreement(ctx: AppContext, idOrCode: string, db: Db = ctx.handle.db): Promise<string> {
  const id = await resolveAgreementId(db, idOrCode);
  if (!id) throw notFound('agreement', idOrCode);
  return id;
}

/** Validates a record from an API body, with every issue named by field. */
export function parseRecord(input: unknown): PersonRecord {
  const parsed = personRecordSchema.safeParse(input);
  if (!parsed.success) {
    const issues: FieldIssue[] = parsed.error.issues.map((i) => ({
      field: i.path.join('.') || '(body)',
      message: i.message,
    }));
    throw invalidInput('people.record_invalid', { count: issues.length }, issues);
  }
  return parsed.data;
}

/** Registers a new person; refuses a ref that already exists under the agreement. */
export async function createPerson(
  ctx: AppContext,
  actor: Actor,
  agreementIdOrCode: string,
  input: PersonRecordInput,
) {
  authorize(actor, 'people:write');
  const agreementId = await requireAgreement(ctx, agreementIdOrCode);
  const record = parseRecord(input);
  const { result } = await transact(ctx, actor, async (tx) => {
    const existing = (await store.statesByRef(tx, agreementId, [record.ref])).get(record.ref);
    if (existing) {
      throw new DomainError(
        'conflict',
        'people.ref_taken',
        { ref: record.ref, personId: existing.personId },
        { details: { personId: existing.personId } },
      );
    }
    const event = decideUpsert(agreementId, undefined, record, recordHashOf(record), ctx.newId);
    if (!event) throw new DomainError('internal', 'people.register_no_event', {});
    return { events: [event], result: event.payload.personId };
  });
  return getPerson(ctx, actor, result);
}

/** Replaces a person's record (a new version); the ref cannot change. */
export async function updatePerson(
  ctx: AppContext,
  actor: Actor,
  personId: string,
  input: PersonRecordInput,
) {
  authorize(actor, 'people:write');
  const record = parseRecord(input);
  await transact(ctx, actor, async (tx, now) => {
    const current = await store.findPerson(tx, personId);
    if (!current) throw notFound('person', personId);
    if (current.ref !== record.ref) {
      throw invalidInput('people.ref_immutable', { ref: current.ref }, [
        { field: 'ref', message: `must stay ${current.ref}` },
      ]);
    }
    const existing = (await store.statesByRef(tx, current.agreementId, [record.ref])).get(record.ref);
    const event = decideUpsert(current.agreementId, existing, record, recordHashOf(record), ctx.newId);
    return {
      events: event ? [event] : [],
      result: null,
      ...(event
        ? { followUp: (t: Tx) => ctx.reactions.peopleRevised(ctx, t, [personId], 'record_revised', now) }
        : {}),
    };
  });
  return getPerson(ctx, actor, personId);
}

/** Withdraws a person from the roster with a reason. The record stays in the ledger. */
export async function withdrawPerson(ctx: AppContext, actor: Actor, personId: string, reason: string) {
  authorize(actor, 'people:write');
  if (!reason.trim()) throw invalidInput('people.withdrawal_reason_missing', {});
  await transact(ctx, actor, async (tx) => {
    const current = await store.findPerson(tx, personId);
    if (!current) throw notFound('person', personId);
    if (current.withdrawnReason) throw new DomainError('conflict', 'people.already_withdrawn', { personId });
    const payload: PersonWithdrawn = { personId, agreementId: current.agreementId, reason: reason.trim() };
    return {
      events: [{ type: PEOPLE_EVENTS.withdrawn, streamId: `person:${personId}`, payload }],
      result: null,
    };
  });
}

/** One person with the full record. */
export async function getPerson(ctx: AppContext, actor: Actor, personId: string) {
  if (!needsSubject(actor, 'people:read')) {
    authorize(actor, 'people:read');
    const person = await store.findPerson(ctx.handle.db, personId);
    if (!person) throw notFound('person', personId);
    return person;
  }
  // A scoped reader: the person and what the policy decides on, read together; the policy then decides.
  const found = await store.findPersonWithSubject(ctx.handle.db, personId, scopeDay(ctx));
  if (!found) throw notFound('person', personId);
  authorize(actor, 'people:read', found.subject);
  return found.person;
}

/** People of an agreement, searched and paged: from the read replica when there is one (it may lag a moment). */
export async function listPeople(
  ctx: AppContext,
  actor: Actor,
  options: { agreement: string; search?: string; cursor?: string; limit?: number },
) {
  const visible = peopleFilter(ctx, actor, 'people:read', 'people.id');
  const agreementId = await requireAgreement(ctx, options.agreement, ctx.reads.db);
  if (options.cursor && !store.isValidCursor(options.cursor)) {
    throw invalidInput('people.cursor_unknown', {}, [{ field: 'cursor', message: 'unknown cursor' }]);
  }
  const page = await store.listPeople(ctx.reads.db, {
    agreementId,
    visible,
    ...(options.search ? { search: options.search } : {}),
    ...(options.cursor ? { cursor: options.cursor } : {}),
    limit: Math.min(Math.max(options.limit ?? 50, 1), 500),
  });
  // A reader who may not see where a person is housed (counsel) gets the custody without the cell.
  if (can(actor.role, 'housing:read')) return page;
  return { ...page, items: page.items.map((item) => ({ ...item, custody: withoutCell(item.custody) })) };
}

/** A custody status with the cell left out (null), for readers the policy does not show it to. */
export function withoutCell(custody: PersonCustodyStatus): PersonCustodyStatus {
  return custody.status === 'in_custody' ? { ...custody, cell: null } : custody;
}

/** Every current record of an agreement, in the import format. */
export async function* exportPeople(
  ctx: AppContext,
  actor: Actor,
  agreement: string,
): AsyncGenerator<PersonRecord> {
  authorize(actor, 'people:read');
  const agreementId = await requireAgreement(ctx, agreement);
  yield* store.exportRecords(ctx.handle.db, agreementId);
}

/** What an import did, row by row. */
export interface ImportReport {
  agreement: string;
  rows: number;
  registered: number;
  revised: number;
  unchanged: number;
  rejected: { line: number; ref?: string; issues: FieldIssue[] }[];
  /** Bad rows in all; `rejected` lists the first 1,000. */
  rejectedCount: number;
  /** True when nothing was stored: `--all-or-nothing` with at least one bad row. */
  rolledBack: boolean;
  ledgerSize: number;
}

/** Rows validated and stored per batch; the whole import is still one transaction. */
const BATCH = 500;
/** Rejections kept in the report; beyond this only the count grows, so memory stays flat. */
const MAX_REPORTED = 1000;

class RollBack extends Error {}

/**
 * Imports people from parsed rows in ONE transaction: bad rows are reported with line, field and fix;
 * good rows are upserted by ref (unchanged rows add no ledger entry); with `allOrNothing` any bad row
 * stores nothing. A ref that appears twice in one file is a bad row (the second occurrence).
 */
export async function importPeople(
  ctx: AppContext,
  actor: Actor,
  agreementIdOrCode: string,
  rows: AsyncIterable<ParsedRow>,
  options: { allOrNothing?: boolean; onRow?: (report: ImportReport) => void } = {},
): Promise<ImportReport> {
  authorize(actor, 'people:import');
  const agreementId = await requireAgreement(ctx, agreementIdOrCode);
  const agreement = await findAgreement(ctx.handle.db, agreementId);
  const report: ImportReport = {
    agreement: agreement?.code ?? agreementId,
    rows: 0,
    registered: 0,
    revised: 0,
    unchanged: 0,
    rejected: [],
    rejectedCount: 0,
    rolledBack: false,
    ledgerSize: 0,
  };
  const reject = (row: { line: number; ref?: string; issues: FieldIssue[] }) => {
    report.rejectedCount++;
    if (report.rejected.length < MAX_REPORTED) report.rejected.push(row);
  };
  const now = ctx.clock.now();
  try {
    await withWriteTransaction(ctx.handle, async (tx) => {
      // Refs seen in this file live in a temporary table, not in memory, so a 1.5M-row file stays flat.
      await store.createImportSeen(tx);
      let batch: { line: number; record: PersonRecord }[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        await storeBatch(ctx, tx, actor, agreementId, batch, now, report, reject);
        batch = [];
        options.onRow?.(report);
      };
      for await (const row of rows) {
        report.rows++;
        if (!row.ok) {
          reject({ line: row.line, ...(row.ref ? { ref: row.ref } : {}), issues: row.issues });
          continue;
        }
        batch.push({ line: row.line, record: row.record });
        if (batch.length >= BATCH) await flush();
      }
      await flush();
      if (options.allOrNothing && report.rejectedCount > 0) throw new RollBack();
      await signCheckpoint(tx, ctx.signer, now);
    });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
    report.rolledBack = true;
    report.registered = 0;
    report.revised = 0;
  }
  // A bulk import changes the roster's shape: the planner needs fresh statistics to use the indexes.
  if (report.registered + report.revised > 0) await refreshStatistics(ctx.handle.db);
  report.ledgerSize = await ledgerSize(ctx.handle.db);
  return report;
}

async function storeBatch(
  ctx: AppContext,
  tx: Tx,
  actor: Actor,
  agreementId: string,
  batch: { line: number; record: PersonRecord }[],
  now: Date,
  report: ImportReport,
  reject: (row: { line: number; ref?: string; issues: FieldIssue[] }) => void,
): Promise<void> {
  const { seenLines: firstLine, states } = await store.lookUpImportBatch(
    tx,
    agreementId,
    batch.map((b) => ({ ref: b.record.ref, line: b.line })),
  );
  const accepted: { line: number; record: PersonRecord }[] = [];
  for (const item of batch) {
    const first = firstLine.get(item.record.ref);
    if (first !== undefined) {
      reject({
        line: item.line,
        ref: item.record.ref,
        issues: [
          {
            field: 'ref',
            line: item.line,
            message: `ref ${item.record.ref} already appeared on line ${first} of this file; merge the two rows into one person`,
          },
        ],
      });
      continue;
    }
    firstLine.set(item.record.ref, item.line);
    accepted.push(item);
  }
  const events: NewEvent<PersonRegistered | PersonRevised>[] = [];
  for (const { record } of accepted) {
    const event = decideUpsert(agreementId, states.get(record.ref), record, recordHashOf(record), ctx.newId);
    if (!event) report.unchanged++;
    else if (event.type === PEOPLE_EVENTS.registered) report.registered++;
    else report.revised++;
    if (event) events.push(event);
  }
  await recordEvents(ctx, tx, events, actor, now);
  const revised = events.flatMap((e) => (e.type === PEOPLE_EVENTS.revised ? [e.payload.personId] : []));
  await recordEvents(
    ctx,
    tx,
    await ctx.reactions.peopleRevised(ctx, tx, revised, 'record_revised', now),
    actor,
    now,
  );
}
