import { csv } from '../core/csv.js';
import { plainDate } from '../core/dates.js';
import type { Lang } from '../core/i18n.js';
import { dateIn, grouped, wordOf } from '../core/messages/format.js';
import { type MessageKey, type MessageParams, translate } from '../core/messages/index.js';
import { RULE_REQUIREMENTS, RULE_SOURCES } from '../core/messages/standards.js';
import { drawTable, endWithFooter, ensureSpace, INK, MUTED, newPdf, pdfText } from '../core/pdf.js';
import type { ComplianceReport, ComplianceThresholds, RuleReport } from './compliance.js';

/**
 * The compliance report as files a monitor can file and share: CSV with every finding, one row each, and a
 * PDF in the reader's language with the summary per rule, a chart of findings per day, and the ledger's size and root at
 * the moment it was made (so a reader can check the report against the published checkpoints).
 */

export interface ExportMeta {
  facilityCode: string;
  facilityName: string;
  timeZone: string;
  /** When the report is made (ISO instant), printed on the facility's clock. */
  generatedAt: string;
  lang: Lang;
  ledger: { size: number; rootHex: string };
}

/** Every finding, one row each, in the report's order; the rule's source on each row. */
export function complianceCsv(report: ComplianceReport): string {
  return csv(
    ['rule', 'source', 'severity', 'date', 'cell', 'person', 'detail'],
    report.findings.map((f) => [f.rule, f.source, f.severity, f.date, f.cell, f.person, f.detail]),
  );
}

/** The file name for an export: facility, period and kind, nothing a file system would refuse. */
export function exportFileName(
  meta: Pick<ExportMeta, 'facilityCode'>,
  report: ComplianceReport,
  ext: string,
) {
  const safe = meta.facilityCode.replace(/[^A-Za-z0-9_-]+/g, '-');
  return `compliance-${safe}-${report.from}-${report.to}.${ext}`;
}

/** Why a rule was not evaluated, as the web's compliance page says it. */
function notEvaluatedReason(r: RuleReport, t: ComplianceThresholds, lang: Lang): string {
  // Cases exist but none could be judged: a notification not yet due, a log too short, or no measurement.
  if (r.notEvaluable > 0) {
    if (r.id === 'transfer-notification' || r.id === 'death-notification') {
      return translate(lang, 'pdf.compliance.reason_not_yet_due', { hours: t.notificationHours });
    }
    if (r.id === 'legal-access') return translate(lang, 'pdf.compliance.reason_legal_access_not_yet_due', {});
    if (r.id === 'family-contact') {
      return translate(lang, 'pdf.compliance.reason_window_short', { days: t.familyContactDays });
    }
    return translate(lang, 'pdf.compliance.reason_unmeasured', {});
  }
  if (r.id === 'legal-access') return translate(lang, 'pdf.compliance.reason_legal_access', {});
  if (r.id === 'death-notification') return translate(lang, 'pdf.compliance.reason_death_notification', {});
  if (r.id === 'isolation-limit') return translate(lang, 'pdf.compliance.reason_isolation_limit', {});
  return translate(lang, 'pdf.compliance.reason_no_records', {});
}

const BAR = '#b50909';
const AXIS = '#dfe1e2';

/** Findings per day as bars, with the largest count and the first and last day labelled. */
function drawChart(doc: PDFKit.PDFDocument, r: RuleReport, lang: Lang): void {
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const height = 48;
  const x0 = doc.page.margins.left;
  const max = Math.max(1, ...r.byDay.map((d) => d.findings));
  doc.fontSize(7).fillColor(MUTED);
  doc.text(pdfText(translate(lang, 'pdf.compliance.chart', { max })), x0, doc.y, { width });
  const y0 = doc.y + 2;
  doc.save().lineWidth(0.5).strokeColor(AXIS);
  doc
    .moveTo(x0, y0 + height)
    .lineTo(x0 + width, y0 + height)
    .stroke();
  doc.restore();
  const step = width / Math.max(1, r.byDay.length);
  const bar = Math.max(0.5, step * 0.8);
  doc.save().fillColor(BAR);
  r.byDay.forEach((d, i) => {
    if (d.findings === 0) return;
    const h = (d.findings / max) * height;
    doc.rect(x0 + i * step, y0 + height - h, bar, h).fill();
  });
  doc.restore();
  doc.fontSize(7).fillColor(MUTED);
  const first = r.byDay[0]?.date ?? '';
  const last = r.byDay.at(-1)?.date ?? '';
  doc.text(pdfText(dateIn(first, lang)), x0, y0 + height + 2, { width: width / 2, align: 'left' });
  doc.text(pdfText(dateIn(last, lang)), x0 + width / 2, y0 + height + 2, {
    width: width / 2,
    align: 'right',
  });
  doc.x = x0;
  doc.y = y0 + height + 14;
  doc.fillColor(INK);
}

/** The number of days from `from` to `to`, both included. */
function daysIn(from: string, to: string): number {
  return plainDate(from).until(plainDate(to), { largestUnit: 'days' }).days + 1;
}

/**
 * The PDF of the report in one language: the summary per rule by title, a chart of findings per day, and
 * the ledger's size and root at the moment it was made. Dates are written as the language writes them and
 * the moment it was made is read on the facility's clock.
 */
export function compliancePdf(report: ComplianceReport, meta: ExportMeta): Promise<Buffer> {
  const { lang } = meta;
  const t = <K extends MessageKey>(key: K, params: MessageParams<K>) => translate(lang, key, params);
  const title = t('pdf.compliance.title', {});
  const { doc, done } = newPdf({
    title: `${title}: ${meta.facilityName}, ${dateIn(report.from, lang)} – ${dateIn(report.to, lang)}`,
    subject: title,
    lang,
  });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const write = (text: string, size: number, color = INK) =>
    doc.fontSize(size).fillColor(color).text(pdfText(text), { width });

  doc.font('Helvetica-Bold');
  write(title, 18);
  doc.font('Helvetica').moveDown(0.4);
  write(
    t('pdf.compliance.facility', { name: meta.facilityName, code: meta.facilityCode, zone: meta.timeZone }),
    11,
  );
  write(
    t('pdf.compliance.period', { from: report.from, to: report.to, days: daysIn(report.from, report.to) }),
    10,
  );
  write(t('pdf.generated', { at: meta.generatedAt, zone: meta.timeZone }), 9, MUTED);
  write(t('pdf.compliance.ledger', { size: meta.ledger.size, root: meta.ledger.rootHex }), 8, MUTED);
  const th = report.thresholds;
  write(
    t('pdf.compliance.thresholds', {
      outdoor: th.outdoorExerciseMinutes,
      night: th.nightHours,
      space: th.floorSpaceM2,
      water: th.drinkingWaterLitres,
      family: th.familyContactDays,
      notify: th.notificationHours,
    }),
    8,
    MUTED,
  );
  doc.moveDown(0.8);

  doc.font('Helvetica-Bold');
  write(t('pdf.compliance.summary', {}), 12);
  doc.font('Helvetica').moveDown(0.3);
  const figure = 80;
  const source = 125;
  drawTable(
    doc,
    [
      { label: t('pdf.compliance.col_rule', {}), width: width - source - 3 * figure },
      { label: t('pdf.compliance.col_source', {}), width: source },
      { label: t('pdf.compliance.col_evaluated', {}), width: figure, align: 'right' },
      { label: t('pdf.compliance.col_findings', {}), width: figure, align: 'right' },
      { label: t('pdf.compliance.col_days', {}), width: figure, align: 'right' },
    ],
    report.rules.map((r) => ({
      cells: [
        t('pdf.compliance.rule_title', { rule: r.id }),
        wordOf(RULE_SOURCES, r.id, lang),
        // A rule not evaluated has no findings to count, rather than none found.
        ...(r.evaluated === 0
          ? [t('pdf.compliance.not_evaluated', {}), '–', '–']
          : [grouped(r.evaluated, lang), grouped(r.findings, lang), grouped(r.daysAffected, lang)]),
      ],
    })),
  );
  doc.moveDown(1);

  const totalDays = daysIn(report.from, report.to);
  for (const r of report.rules) {
    // A rule's heading, text and chart stay on one page.
    ensureSpace(doc, r.evaluated > 0 ? 150 : 60);
    doc.font('Helvetica-Bold');
    write(t('pdf.compliance.rule_title', { rule: r.id }), 11);
    doc.font('Helvetica');
    write(wordOf(RULE_REQUIREMENTS, r.id, lang), 9);
    write(t('pdf.compliance.source', { rule: r.id }), 8, MUTED);
    if (r.evaluated === 0) write(notEvaluatedReason(r, th, lang), 9);
    else if (r.findings === 0) write(t('pdf.compliance.met', { evaluated: r.evaluated }), 9);
    else {
      write(
        t('pdf.compliance.found', {
          findings: r.findings,
          high: r.bySeverity.high,
          days: r.daysAffected,
          total: totalDays,
          evaluated: r.evaluated,
        }),
        9,
      );
    }
    if (r.notEvaluable > 0 && r.evaluated > 0)
      write(t('pdf.compliance.partly', { n: r.notEvaluable }), 8, MUTED);
    if (r.worstCells.length > 0) {
      write(
        t('pdf.compliance.worst_cells', {
          cells: r.worstCells.map((c) => c.cell),
          counts: r.worstCells.map((c) => c.findings),
        }),
        8,
      );
    }
    if (r.evaluated > 0) {
      doc.moveDown(0.6);
      drawChart(doc, r, lang);
    }
    doc.moveDown(0.8);
  }
  ensureSpace(doc, 40);
  write(t('pdf.compliance.csv_note', { findings: report.findings.length }), 8, MUTED);
  endWithFooter(doc, (page, pages) => `${meta.facilityName} · ${t('pdf.page', { page, pages })}`);
  return done;
}
