import { authorize, scopeOf } from '../auth/policy.js';
import type { AppContext } from '../context.js';
import { localDate, requirePeriod } from '../core/dates.js';
import { addDays } from '../core/days.js';
import { notFound } from '../core/errors.js';
import type { Lang } from '../core/i18n.js';
import type { Db } from '../db/database.js';
import { assignmentsOverlapping } from '../facilities/housing-store.js';
import * as facilities from '../facilities/store.js';
import { outcomesBetween } from '../hearings/store.js';
import type { Actor } from '../ledger/events.js';
import { treeHead } from '../ledger/ledger.js';
import { peopleFilter } from '../parties/scope.js';
import { visitsRequestedBetween } from '../visits/store.js';
import {
  type ComplianceReport,
  type ComplianceThresholds,
  DEFAULT_THRESHOLDS,
  evaluateCompliance,
} from './compliance.js';
import { complianceCsv, compliancePdf, exportFileName } from './compliance-export.js';
import { isForeignNational } from './consular.js';
import { deathsInCustody } from './incident-store.js';
import { consularDuties, placementsStartedBefore } from './isolation-store.js';
import { regimeLog } from './regime-store.js';
import { notificationsAt } from './store.js';

/**
 * The compliance report of a facility for a period (dates inclusive, in the facility's zone), from the read
 * replica when there is one: a report may lag the primary a moment (docs/scaling.md).
 */
export async function complianceReport(
  ctx: AppContext,
  actor: Actor,
  facilityIdOrCode: string,
  from: string,
  to: string,
  thresholds: Partial<ComplianceThresholds> = {},
): Promise<FacilityComplianceReport> {
  authorize(actor, 'facilities:read');
  requirePeriod(from, to, 366);
  const report = await facilityCompliance(ctx, ctx.reads.db, facilityIdOrCode, from, to, thresholds);
  return findingsVisibleTo(ctx, actor, report);
}

/**
 * The report as a reader with a scope (a monitor) may see it: the findings that name a person it may not
 * read (a sealed record) are left out of the list, and still counted in each rule's figures.
 */
async function findingsVisibleTo(
  ctx: AppContext,
  actor: Actor,
  report: FacilityComplianceReport,
): Promise<FacilityComplianceReport> {
  const scope = scopeOf(actor.role, 'people:read');
  if (scope === 'all') return report;
  const refs = [...new Set(report.findings.flatMap((f) => (f.person ? [f.person] : [])))];
  const shown =
    refs.length === 0 || scope === undefined
      ? []
      : await ctx.reads.db
          .selectFrom('people')
          .select('ref')
          .where('ref', 'in', refs)
          .where(peopleFilter(ctx, actor, 'people:read', 'people.id'))
          .execute();
  const visible = new Set(shown.map((p) => p.ref));
  return { ...report, findings: report.findings.filter((f) => f.person === null || visible.has(f.person)) };
}

/** A compliance report with the facility it is about. */
export type FacilityComplianceReport = ComplianceReport & {
  facility: string;
  facilityName: string;
  timeZone: string;
};

/**
 * The compliance report of a facility read from `db` (the primary, or the read replica), for a caller that
 * has already decided the reader may see it: the public statistics publish only its counts per standard
 * (statistics/service.ts).
 */
export async function facilityCompliance(
  ctx: AppContext,
  db: Db,
  facilityIdOrCode: string,
  from: string,
  to: string,
  thresholds: Partial<ComplianceThresholds> = {},
): Promise<FacilityComplianceReport> {
  const facility = await facilities.findFacility(db, facilityIdOrCode);
  if (!facility) throw notFound('facility', facilityIdOrCode);
  const t: ComplianceThresholds = { ...DEFAULT_THRESHOLDS, ...thresholds };
  const cells = await facilities.listCells(db, facility.id);
  const regime = await regimeLog(db, facility.id, addDays(from, -(t.familyContactDays - 1)), to);
  const zone = facility.timeZone;
  // Transferees housed per cell per day: in the cell at the end of the day (docs/domain.md's custody day).
  const assignments = await assignmentsOverlapping(db, facility.id, {
    assignedBy: new Date(`${addDays(to, 1)}T12:00:00Z`),
    endedFrom: new Date(`${addDays(from, -1)}T00:00:00Z`),
  });
  const housed = new Map<string, Map<string, number>>();
  for (const a of assignments) {
    const start = localDate(a.assignedAt, zone);
    const end = a.endedAt ? addDays(localDate(a.endedAt, zone), -1) : to;
    for (let d = start < from ? from : start; d <= end && d <= to; d = addDays(d, 1)) {
      const perDay = housed.get(a.cellId) ?? new Map<string, number>();
      perDay.set(d, (perDay.get(d) ?? 0) + 1);
      housed.set(a.cellId, perDay);
    }
  }
  const notifications = await notificationsAt(db, facility.id);
  const deaths = await deathsInCustody(db, facility.id);
  // Every placement that started by the end of the period: a run of isolation may have begun long before it.
  const placements = await placementsStartedBefore(db, facility.id, new Date(`${addDays(to, 2)}T00:00:00Z`));
  const duties = (await consularDuties(db, { facilityId: facility.id })).filter((d) =>
    isForeignNational(d.nationalities, d.country),
  );
  // Legal visit requests made on the period's days in the facility's zone (a day's margin either side).
  const visits = await visitsRequestedBetween(
    db,
    facility.id,
    new Date(`${addDays(from, -1)}T00:00:00Z`),
    new Date(`${addDays(to, 2)}T00:00:00Z`),
  );
  // Video-link hearings of the period's days with an outcome (a day's margin either side).
  const hearings = await outcomesBetween(
    db,
    facility.id,
    new Date(`${addDays(from, -1)}T00:00:00Z`),
    new Date(`${addDays(to, 2)}T00:00:00Z`),
  );
  const report = evaluateCompliance({
    from,
    to,
    hearings: hearings.flatMap((h) =>
      h.status === 'booked' || h.status === 'cancelled'
        ? []
        : [
            {
              person: h.personRef,
              date: localDate(h.start, zone),
              outcome: h.status,
              reasonCode: h.reasonCode,
            },
          ],
    ),
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
      dueAt: n.dueAt.toISOString(),
      fulfilledAt: n.fulfilledAt?.toISOString() ?? null,
      date: localDate(n.startedAt, zone),
    })),
    deaths: deaths.map((d) => ({
      ref: d.ref,
      date: localDate(d.occurredAt, zone),
      occurredAt: d.occurredAt.toISOString(),
      nextOfKinAt: d.nextOfKinNotifiedAt?.toISOString() ?? null,
      authorityAt: d.authorityNotifiedAt?.toISOString() ?? null,
    })),
    isolation: placements
      .filter((p) => localDate(p.startedAt, zone) <= to)
      .map((p) => ({
        person: p.personRef,
        cellId: p.cellId,
        cell: p.cell,
        lighting: p.lighting,
        startedAt: p.startedAt.toISOString(),
        endedAt: p.endedAt?.toISOString() ?? null,
      })),
    timeZone: zone,
    consular: duties.map((d) => ({
      person: d.personRef,
      date: localDate(d.startedAt, zone),
      startedAt: d.startedAt.toISOString(),
      outcome: d.outcome ?? null,
      outcomeAt: d.outcomeAt?.toISOString() ?? null,
    })),
    legalVisits: visits.map((v) => ({
      person: v.personRef,
      date: localDate(v.requestedAt, zone),
      requestedAt: v.requestedAt.toISOString(),
      status: v.status,
      startsAt: v.startsAt?.toISOString() ?? null,
      closedAt: v.closedAt?.toISOString() ?? null,
    })),
    now: ctx.clock.now().toISOString(),
    thresholds: t,
  });
  return { facility: facility.code, facilityName: facility.name, timeZone: zone, ...report };
}

export type ExportFormat = 'csv' | 'pdf';

/** The report as a file: CSV with every finding, or the PDF in `lang` stamped with the ledger's head. */
export async function complianceFile(
  ctx: AppContext,
  report: Awaited<ReturnType<typeof complianceReport>>,
  format: ExportFormat,
  lang: Lang,
): Promise<{ fileName: string; contentType: string; body: string | Buffer }> {
  const meta = { facilityCode: report.facility };
  if (format === 'csv') {
    return {
      fileName: exportFileName(meta, report, 'csv'),
      contentType: 'text/csv; charset=utf-8',
      body: complianceCsv(report),
    };
  }
  // The ledger head the report was read beside: the replica's when the report came from it.
  const head = await treeHead(ctx.reads.db);
  const body = await compliancePdf(report, {
    ...meta,
    facilityName: report.facilityName,
    timeZone: report.timeZone,
    generatedAt: ctx.clock.now().toISOString(),
    lang,
    ledger: { size: head.size, rootHex: Buffer.from(head.root).toString('hex') },
  });
  return { fileName: exportFileName(meta, report, 'pdf'), contentType: 'application/pdf', body };
}
