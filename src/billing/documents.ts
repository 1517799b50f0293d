import { csv } from '../core/csv.js';
import { money } from '../core/money.js';
import { ensureSpace, newPdf, pdfText } from '../core/pdf.js';
import type { invoiceDetail } from './service.js';

/**
 * An invoice as files: CSV of its lines, and a bilingual (English / Spanish) PDF with the agreement, the
 * clause and fee schedule version it was computed under, every line, the totals, and what has been paid
 * and credited. Amounts are integer cents, printed with two decimals, never through a float.
 */

export type InvoiceDetail = Awaited<ReturnType<typeof invoiceDetail>>;

const KIND = {
  invoice: ['Invoice', 'Factura'],
  supplementary: ['Supplementary invoice', 'Factura complementaria'],
  credit_note: ['Credit note', 'Nota de crédito'],
} as const;

const STATUS = {
  draft: ['Draft', 'Borrador'],
  issued: ['Issued', 'Emitida'],
  partially_paid: ['Partially paid', 'Pagada en parte'],
  paid: ['Paid', 'Pagada'],
} as const;

/** The lines as CSV: ref, kind, days, amount in cents and as money, and how it was reached. */
export function invoiceCsv(doc: InvoiceDetail): string {
  return csv(
    ['number', 'month', 'line', 'kind', 'ref', 'days', 'amount_cents', 'amount', 'currency', 'explanation'],
    doc.lines.map((l) => [
      doc.number,
      doc.month,
      l.lineNo,
      l.kind,
      l.ref,
      l.days,
      l.amountCents,
      money(l.amountCents, '-'),
      doc.currency,
      (l.parts as { explanation?: string }[]).map((p) => p.explanation ?? '').join('; '),
    ]),
  );
}

const INK = '#1b1b1b';
const MUTED = '#565c65';
const LINE = '#dfe1e2';

/** The bilingual PDF of a document. */
export function invoicePdf(doc: InvoiceDetail, generatedAt: string): Promise<Buffer> {
  const [kindEn, kindEs] = KIND[doc.kind];
  const { doc: pdf, done } = newPdf({
    title: `${kindEn} ${doc.number} ${doc.month}`,
    subject: `${doc.agreement?.code ?? ''} ${doc.month}`,
  });
  const left = pdf.page.margins.left;
  const width = pdf.page.width - left - pdf.page.margins.right;
  const write = (text: string, size: number, color = INK, options: PDFKit.Mixins.TextOptions = {}) =>
    pdf.fontSize(size).fillColor(color).text(pdfText(text), options);

  pdf.font('Helvetica-Bold');
  write(`${kindEn} / ${kindEs} No. ${doc.number}`, 18);
  pdf.font('Helvetica');
  const [stEn, stEs] = STATUS[doc.status];
  write(`${doc.month} · ${stEn} / ${stEs}`, 11, MUTED);
  pdf.moveDown(0.6);
  if (doc.agreement) {
    write(`${doc.agreement.title} (${doc.agreement.code})`, 11);
    write(
      `From / De: ${doc.agreement.receiving} (receiving state / Estado receptor)   To / Para: ${doc.agreement.sending} (sending state / Estado remitente)`,
      9,
    );
  }
  write(
    `Fee schedule version / Versión de la tarifa: ${doc.scheduleVersions.join(', ') || '-'}; clause / cláusula: ${doc.clause ?? '-'}`,
    9,
  );
  write(
    `Custody days in ${doc.zone}: the person is in custody at 23:59 (arrival day counts, release day does not) / Días de custodia en ${doc.zone}: la persona está bajo custodia a las 23:59 (cuenta el día de llegada, no el de salida)`,
    8,
    MUTED,
  );
  if (doc.references) {
    write(
      `Corrects / Corrige: ${KIND[doc.references.kind][0]} / ${KIND[doc.references.kind][1]} No. ${doc.references.number}. ${doc.reason ?? ''}`,
      9,
    );
  }
  write(`Issued / Emitida: ${doc.issuedAt ?? '- (draft / borrador)'}   Due / Vence: ${doc.dueOn ?? '-'}`, 9);
  pdf.moveDown(0.8);

  // Lines.
  const cols = [
    { label: '#', width: 30, align: 'right' as const },
    { label: 'Ref / Referencia', width: 190, align: 'left' as const },
    { label: 'Days / Días', width: 70, align: 'right' as const },
    { label: `Amount / Importe (${doc.currency})`, width: width - 290, align: 'right' as const },
  ];
  const row = (cells: string[], bold: boolean) => {
    ensureSpace(pdf, 16);
    const y = pdf.y;
    let x = left;
    pdf
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(8)
      .fillColor(INK);
    cells.forEach((cell, i) => {
      const col = cols[i]!;
      pdf.text(pdfText(cell), x, y, { width: col.width - 6, align: col.align, lineBreak: false });
      x += col.width;
    });
    pdf.y = y + 12;
    pdf.x = left;
    pdf
      .save()
      .lineWidth(0.5)
      .strokeColor(LINE)
      .moveTo(left, pdf.y - 2)
      .lineTo(left + width, pdf.y - 2)
      .stroke()
      .restore();
  };
  row(
    cols.map((c) => c.label),
    true,
  );
  for (const l of doc.lines) row([String(l.lineNo), l.ref, String(l.days), money(l.amountCents, '-')], false);
  pdf.moveDown(0.6);
  row(['', 'Total / Total', String(doc.totalDays), money(doc.totalCents, '-')], true);
  if (doc.kind !== 'credit_note') {
    row(['', 'Paid / Pagado', '', money(doc.paidCents, '-')], false);
    row(['', 'Credited / Acreditado', '', money(doc.creditedCents, '-')], false);
    row(['', 'Balance / Saldo', '', money(doc.balanceCents, '-')], true);
  }
  pdf.moveDown(1);
  ensureSpace(pdf, 40);
  write(
    'Each amount is round_half_up(days × annual fee / 365) in integer cents for a per person-year fee, or days × the daily fee. An issued document is never edited: corrections are credit notes or supplementary invoices that reference it.',
    8,
    MUTED,
  );
  write(
    'Cada importe es round_half_up(días × tarifa anual / 365) en centavos enteros para una tarifa por persona y año, o días × la tarifa diaria. Un documento emitido nunca se modifica: las correcciones son notas de crédito o facturas complementarias que lo citan.',
    8,
    MUTED,
  );
  write(`Generated / Generado ${generatedAt} by Custodia.`, 7, MUTED);
  pdf.end();
  return done;
}
