import { csv } from '../core/csv.js';
import { ensureSpace, newPdf, pdfText } from '../core/pdf.js';
import { type ComplianceReport, type RuleReport, STANDARDS } from './compliance.js';

/**
 * The compliance report as files a monitor can file and share: CSV with every finding, one row each, and a
 * bilingual PDF with the summary per rule, a chart of findings per day, and the ledger's size and root at
 * the moment it was made (so a reader can check the report against the published checkpoints).
 */

export interface ExportMeta {
  facilityCode: string;
  facilityName: string;
  timeZone: string;
  generatedAt: string;
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

const REQUIREMENT_ES = Object.fromEntries(STANDARDS.map((s) => [s.id, s.requirementEs])) as Record<
  RuleReport['id'],
  string
>;

/** English / Spanish. */
function both(en: string, es: string): string {
  return `${en} / ${es}`;
}

function statusLine(r: RuleReport): string {
  if (r.evaluated === 0) {
    return both(`Not evaluated: ${r.note ?? 'no records'}`, 'No evaluado');
  }
  if (r.findings === 0) return both(`Met: ${r.evaluated} evaluated`, `Cumplido: ${r.evaluated} evaluados`);
  return both(
    `${r.findings} findings (${r.bySeverity.high} high) on ${r.daysAffected} days, of ${r.evaluated} evaluated`,
    `${r.findings} hallazgos (${r.bySeverity.high} graves) en ${r.daysAffected} días, de ${r.evaluated} evaluados`,
  );
}

const INK = '#1b1b1b';
const MUTED = '#565c65';
const BAR = '#b50909';
const RULE_LINE = '#dfe1e2';

/** Findings per day as bars, with the largest count and the first and last day labelled. */
function drawChart(doc: PDFKit.PDFDocument, r: RuleReport): void {
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const height = 48;
  const x0 = doc.page.margins.left;
  const y0 = doc.y;
  const max = Math.max(1, ...r.byDay.map((d) => d.findings));
  doc.save().lineWidth(0.5).strokeColor(RULE_LINE);
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
  doc.text(both(`max ${max} a day`, `máx. ${max} al día`), x0, y0 - 9, { width, align: 'right' });
  const first = r.byDay[0]?.date ?? '';
  const last = r.byDay.at(-1)?.date ?? '';
  doc.text(first, x0, y0 + height + 2, { width: width / 2, align: 'left' });
  doc.text(last, x0 + width / 2, y0 + height + 2, { width: width / 2, align: 'right' });
  doc.x = x0;
  doc.y = y0 + height + 14;
  doc.fillColor(INK);
}

/** The bilingual PDF of the report. */
export function compliancePdf(report: ComplianceReport, meta: ExportMeta): Promise<Buffer> {
  const { doc, done } = newPdf({
    title: `Compliance report ${meta.facilityCode} ${report.from} – ${report.to}`,
    subject: 'Standards compliance / Cumplimiento de normas',
  });
  const left = doc.page.margins.left;
  const write = (text: string, size: number, options: PDFKit.Mixins.TextOptions = {}, color = INK) =>
    doc.fontSize(size).fillColor(color).text(pdfText(text), options);

  doc.font('Helvetica-Bold');
  write('Standards compliance report', 18);
  write('Informe de cumplimiento de normas', 13, {}, MUTED);
  doc.font('Helvetica').moveDown(0.6);
  write(`${meta.facilityName} (${meta.facilityCode}), ${meta.timeZone}`, 11);
  write(both(`Period: ${report.from} to ${report.to}`, `Periodo: ${report.from} a ${report.to}`), 10);
  write(both(`Generated ${meta.generatedAt}`, `Generado ${meta.generatedAt}`), 9, {}, MUTED);
  write(
    `Ledger / Registro: ${meta.ledger.size} entries / entradas; root / raíz ${meta.ledger.rootHex}`,
    8,
    {},
    MUTED,
  );
  const t = report.thresholds;
  write(
    `Thresholds: outdoor exercise ≥ ${t.outdoorExerciseMinutes} min a day; a night is ${t.nightHours} h; floor space ≥ ${t.floorSpaceM2} m² a person; water ≥ ${t.drinkingWaterLitres} L a person a day; family contact every ${t.familyContactDays} days; notification within ${t.notificationHours} h`,
    8,
    {},
    MUTED,
  );
  write(
    `Umbrales: ejercicio al aire libre ≥ ${t.outdoorExerciseMinutes} min al día; una noche son ${t.nightHours} h; superficie ≥ ${t.floorSpaceM2} m² por persona; agua ≥ ${t.drinkingWaterLitres} L por persona al día; contacto familiar cada ${t.familyContactDays} días; notificación en ${t.notificationHours} h`,
    8,
    {},
    MUTED,
  );
  doc.moveDown(0.8);

  // Summary table.
  doc.font('Helvetica-Bold');
  write(both('Summary by rule', 'Resumen por regla'), 12);
  doc.font('Helvetica').moveDown(0.3);
  const cols = [
    { label: both('Rule', 'Regla'), width: 150 },
    { label: both('Source', 'Fuente'), width: 140 },
    { label: both('Evaluated', 'Evaluados'), width: 70 },
    { label: both('Findings', 'Hallazgos'), width: 70 },
    { label: both('Days', 'Días'), width: 60 },
  ];
  const row = (cells: string[], bold: boolean) => {
    ensureSpace(doc, 24);
    const y = doc.y;
    let x = left;
    doc
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(8)
      .fillColor(INK);
    let height = 0;
    cells.forEach((cell, i) => {
      const width = cols[i]?.width ?? 60;
      doc.text(pdfText(cell), x, y, { width: width - 6 });
      height = Math.max(height, doc.y - y);
      x += width;
    });
    doc.y = y + height + 3;
    doc.x = left;
    doc
      .save()
      .lineWidth(0.5)
      .strokeColor(RULE_LINE)
      .moveTo(left, doc.y - 1.5)
      .lineTo(x, doc.y - 1.5)
      .stroke()
      .restore();
  };
  row(
    cols.map((c) => c.label),
    true,
  );
  for (const r of report.rules) {
    row(
      [
        r.id,
        r.source,
        r.evaluated === 0 ? both('not evaluated', 'no evaluado') : String(r.evaluated),
        String(r.findings),
        String(r.daysAffected),
      ],
      false,
    );
  }
  doc.moveDown(1);

  // One section per rule.
  for (const r of report.rules) {
    ensureSpace(doc, 150);
    doc.font('Helvetica-Bold');
    write(r.id, 11);
    doc.font('Helvetica');
    write(`${r.requirement} (${r.source})`, 9);
    write(`${REQUIREMENT_ES[r.id]} (${r.source})`, 9, {}, MUTED);
    write(statusLine(r), 9);
    if (r.notEvaluable > 0 && r.evaluated > 0) {
      write(
        both(`${r.notEvaluable} not evaluable (not recorded)`, `${r.notEvaluable} sin datos registrados`),
        8,
        {},
        MUTED,
      );
    }
    if (r.worstCells.length > 0) {
      write(
        both('Worst cells', 'Celdas con más hallazgos') +
          `: ${r.worstCells.map((c) => `${c.cell} (${c.findings})`).join(', ')}`,
        8,
      );
    }
    if (r.evaluated > 0) {
      doc.moveDown(1);
      drawChart(doc, r);
    }
    doc.moveDown(0.8);
  }
  ensureSpace(doc, 40);
  write(
    both(
      `Every finding (${report.findings.length}) is listed, with its date, cell or person and detail, in the CSV export of this report.`,
      `Cada hallazgo (${report.findings.length}) figura, con su fecha, celda o persona y detalle, en la exportación CSV de este informe.`,
    ),
    8,
    {},
    MUTED,
  );
  doc.end();
  return done;
}
