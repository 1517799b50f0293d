import { authorize } from '../auth/policy.js';
import type { AppContext } from '../context.js';
import { localDate, requirePeriod } from '../core/dates.js';
import { type FieldIssue, notFound } from '../core/errors.js';
import { event } from '../core/events.js';
import { withWriteTransaction } from '../db/database.js';
import * as facilities from '../facilities/store.js';
import type { Actor, NewEvent } from '../ledger/events.js';
import { signCheckpoint } from '../ledger/ledger.js';
import { recordEvents } from '../ledger/transact.js';
import { type RegimeRecorded, type RegimeRow, regimeEvent } from './regime.js';
import { regimeLog } from './regime-store.js';

/** What recording a batch of regime entries did. */
export interface RegimeReport {
  facility: string;
  rows: number;
  recorded: number;
  rejected: { line: number; issues: FieldIssue[] }[];
  rolledBack: boolean;
}

class RollBack extends Error {}

/**
 * Records regime log entries for one facility in ONE transaction: every bad row is reported with its
 * line, field and fix (an unknown cell, a date in the future, the same cell and day twice in one batch);
 * the good rows are recorded, or with `allOrNothing` none at all.
 */
export async function recordRegime(
  ctx: AppContext,
  actor: Actor,
  facilityIdOrCode: string,
  rows: readonly RegimeRow[],
  options: { allOrNothing?: boolean } = {},
): Promise<RegimeReport> {
  authorize(actor, 'regime_log:record');
  const facility = await facilities.findFacility(ctx.handle.db, facilityIdOrCode);
  if (!facility) throw notFound('facility', facilityIdOrCode);
  const report: RegimeReport = {
    facility: facility.code,
    rows: rows.length,
    recorded: 0,
    rejected: [],
    rolledBack: false,
  };
  const now = ctx.clock.now();
  const today = localDate(now, facility.timeZone);
  try {
    await withWriteTransaction(ctx.handle, async (tx) => {
      const cells = new Map((await facilities.listCells(tx, facility.id)).map((c) => [c.code, c.id]));
      const seen = new Map<string, number>();
      const events: NewEvent[] = [];
      for (const row of rows) {
        if (!row.ok) {
          report.rejected.push({ line: row.line, issues: row.issues });
          continue;
        }
        const { entry, line } = row;
        const cellId = cells.get(entry.cell);
        const key = `${entry.cell}|${entry.date}`;
        const issues: FieldIssue[] = [];
        if (!cellId) {
          issues.push({
            field: 'cell',
            line,
            message: `${entry.cell} is not a cell of ${facility.code}; check the code (e.g. M1-C01)`,
          });
        }
        if (entry.date > today) {
          issues.push({
            field: 'date',
            line,
            message: `${entry.date} is after today (${today} at ${facility.code}); record a day once it has happened`,
          });
        }
        if (seen.has(key)) {
          issues.push({
            field: 'date',
            line,
            message: `${entry.cell} on ${entry.date} already appears on line ${seen.get(key)}; keep one row per cell and day`,
          });
        }
        if (issues.length > 0) {
          report.rejected.push({ line, issues });
          continue;
        }
        seen.set(key, line);
        const payload: RegimeRecorded = { ...entry, facilityId: facility.id, cellId: cellId! };
        events.push(event(regimeEvent.recorded, `cell:${cellId}`, payload));
      }
      if (options.allOrNothing && report.rejected.length > 0) throw new RollBack();
      if (events.length > 0) {
        await recordEvents(ctx, tx, events, actor, now);
        await signCheckpoint(tx, ctx.signer, now);
      }
      report.recorded = events.length;
    });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
    report.rolledBack = true;
    report.recorded = 0;
  }
  report.rejected.sort((a, b) => a.line - b.line);
  return report;
}

/** A facility's regime log between two dates. */
export async function facilityRegime(
  ctx: AppContext,
  actor: Actor,
  facilityIdOrCode: string,
  from: string,
  to: string,
) {
  authorize(actor, 'facilities:read');
  const facility = await facilities.findFacility(ctx.handle.db, facilityIdOrCode);
  if (!facility) throw notFound('facility', facilityIdOrCode);
  requirePeriod(from, to, 3660);
  return {
    facility: facility.code,
    from,
    to,
    entries: await regimeLog(ctx.handle.db, facility.id, from, to),
  };
}
