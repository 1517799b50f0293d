import { authorize } from '../auth/policy.js';
import type { AppContext } from '../context.js';
import { localDate, requirePeriod } from '../core/dates.js';
import { notFound } from '../core/errors.js';
import { addDays } from '../eligibility/sentence.js';
import * as facilities from '../facilities/store.js';
import type { Actor } from '../ledger/events.js';
import { treeHead } from '../ledger/ledger.js';
import {
  type ComplianceReport,
  type ComplianceThresholds,
  DEFAULT_THRESHOLDS,
  evaluateCompliance,
} from './compliance.js';
import { complianceCsv, compliancePdf, exportFileName } from './compliance-export.js';
import { regimeLog } from './regime-store.js';

/** The compliance report of a facility for a period (dates inclusive, in the facility's zone). */
export async function complianceReport(
  ctx: AppContext,
  actor: Actor,
  facilityIdOrCode: string,
  from: string,
  to: string,
  thresholds: Partial<ComplianceThresholds> = {},
): Promise<ComplianceReport & { facility: string; facilityName: string; timeZone: string }> {
  authorize(actor, 'facilities:read');
  requirePeriod(from, to, 366);
  const db = ctx.handle.db;
  const facility = await facilities.findFacility(db, facilityIdOrCode);
  if (!facility) throw notFound('facility', facilityIdOrCode);
  const t: ComplianceThresholds = { ...DEFAULT_THRESHOLDS, ...thresholds };
  const cells = await facilities.listCells(db, facility.id);
  const regime = await regimeLog(db, facility.id, addDays(from, -(t.familyContactDays - 1)), to);
  const zone = facility.timeZone;
  // Transferees housed per cell per day: in the cell at the end of the day (DOMAIN.md's custody day).
  const assignments = await db
    .selectFrom('housing_assignments')
    .select(['cell_id', 'assigned_at', 'ended_at'])
    .where('facility_id', '=', facility.id)
    .where('assigned_at', '<=', new Date(`${addDays(to, 1)}T12:00:00Z`))
    .where((w) =>
      w.or([w('ended_at', 'is', null), w('ended_at', '>=', new Date(`${addDays(from, -1)}T00:00:00Z`))]),
    )
    .execute();
  const housed = new Map<string, Map<string, number>>();
  for (const a of assignments) {
    const start = localDate(a.assigned_at, zone);
    const end = a.ended_at ? addDays(localDate(a.ended_at, zone), -1) : to;
    for (let d = start < from ? from : start; d <= end && d <= to; d = addDays(d, 1)) {
      const perDay = housed.get(a.cell_id) ?? new Map<string, number>();
      perDay.set(d, (perDay.get(d) ?? 0) + 1);
      housed.set(a.cell_id, perDay);
    }
  }
  const notifications = await db
    .selectFrom('notification_obligations as n')
    .innerJoin('custody_intervals as ci', 'ci.id', 'n.custody_interval_id')
    .innerJoin('people as p', 'p.id', 'n.person_id')
    .select(['p.ref', 'n.due_at', 'n.fulfilled_at', 'ci.started_at'])
    .where('ci.facility_id', '=', facility.id)
    .execute();
  const deaths = await db
    .selectFrom('incidents as i')
    .leftJoin('people as p', 'p.id', 'i.person_id')
    .select(['p.ref', 'i.occurred_at', 'i.next_of_kin_notified_at', 'i.authority_notified_at'])
    .where('i.facility_id', '=', facility.id)
    .where('i.kind', '=', 'death_in_custody')
    .execute();
  const report = evaluateCompliance({
    from,
    to,
    cells: cells.map((c) => ({
      id: c.id,
      code: c.code,
      areaM2: Number(c.area_m2),
      localOccupants: c.local_occupants,
    })),
    regime: regime.map((e) => ({ ...e, cellId: e.cellId })),
    housed,
    notifications: notifications.map((n) => ({
      ref: n.ref,
      dueAt: n.due_at.toISOString(),
      fulfilledAt: n.fulfilled_at?.toISOString() ?? null,
      date: localDate(n.started_at, zone),
    })),
    deaths: deaths.map((d) => ({
      ref: d.ref,
      date: localDate(d.occurred_at, zone),
      occurredAt: d.occurred_at.toISOString(),
      nextOfKinAt: d.next_of_kin_notified_at?.toISOString() ?? null,
      authorityAt: d.authority_notified_at?.toISOString() ?? null,
    })),
    now: ctx.clock.now().toISOString(),
    thresholds: t,
  });
  return { facility: facility.code, facilityName: facility.name, timeZone: zone, ...report };
}

export type ExportFormat = 'csv' | 'pdf';

/** The report as a file: CSV with every finding, or the bilingual PDF stamped with the ledger's head. */
export async function complianceFile(
  ctx: AppContext,
  report: Awaited<ReturnType<typeof complianceReport>>,
  format: ExportFormat,
): Promise<{ fileName: string; contentType: string; body: string | Buffer }> {
  const meta = { facilityCode: report.facility };
  if (format === 'csv') {
    return {
      fileName: exportFileName(meta, report, 'csv'),
      contentType: 'text/csv; charset=utf-8',
      body: complianceCsv(report),
    };
  }
  const head = await treeHead(ctx.handle.db);
  const body = await compliancePdf(report, {
    ...meta,
    facilityName: report.facilityName,
    timeZone: report.timeZone,
    generatedAt: ctx.clock.now().toISOString(),
    ledger: { size: head.size, rootHex: Buffer.from(head.root).toString('hex') },
  });
  return { fileName: exportFileName(meta, report, 'pdf'), contentType: 'application/pdf', body };
}
