import { csv } from '../core/csv.js';
import type { Lang } from '../core/i18n.js';
import { grouped, monthIn } from '../core/messages/format.js';
import { type MessageKey, type MessageParams, translate } from '../core/messages/index.js';
import { money } from '../core/money.js';
import { drawTable, endWithFooter, ensureSpace, INK, MUTED, newPdf, pdfText } from '../core/pdf.js';
import type { invoiceDetail } from './reads.js';

/**
 * An invoice as files: CSV of its lines, and a PDF in the reader's language with the agreement, the
 * clause and fee schedule version it was computed under, every line, the totals, and what has been paid
 * and credited. Amounts are integer cents, printed with two decimals, never through a float.
 */

export type InvoiceDetail = Awaited<ReturnType<typeof invoiceDetail>>;

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

/** What an invoice's PDF prints beside the document itself: its language, the moment, the parties' names. */
export interface InvoicePdfOptions {
  lang: Lang;
  /** When the PDF is made (ISO instant), printed in the document's zone. */
  generatedAt: string;
  /** The names of the agencies recorded for each side of the agreement. */
  agencies: { sending: readonly string[]; receiving: readonly string[] };
  /** The facilities whose clock the custody days are counted on, by name. */
  facilities: readonly string[];
}

/** A line's reference in words: a person's reference as recorded, a lump sum or a credit named. */
function lineRef(line: InvoiceDetail['lines'][number], lang: Lang): string {
  if (line.kind === 'credit') return translate(lang, 'pdf.invoice.credit', {});
  if (line.sealed) return translate(lang, 'pdf.invoice.sealed', {});
  const lumpSum = /^lump sum (.+)$/.exec(line.ref);
  if (line.kind === 'lump_sum' && lumpSum?.[1]) {
    return translate(lang, 'pdf.invoice.lump_sum', { period: lumpSum[1] });
  }
  return line.ref;
}

/**
 * The PDF of a document in one language: the agreement and its parties by name, the clause and fee
 * schedule version it was computed under, every line, the totals, what has been paid and credited. Every
 * instant is printed on the clock of the document's zone (the agreement's facility), every date and
 * amount as the language writes it.
 */
export function invoicePdf(doc: InvoiceDetail, options: InvoicePdfOptions): Promise<Buffer> {
  const { lang } = options;
  const t = <K extends MessageKey>(key: K, params: MessageParams<K>) => translate(lang, key, params);
  const title = t('pdf.invoice.title', { kind: doc.kind, number: doc.number });
  const { doc: pdf, done } = newPdf({
    title,
    subject: `${doc.agreement?.code ?? ''} ${monthIn(doc.month, lang)}`,
    lang,
  });
  const width = pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
  const write = (text: string, size: number, color = INK) =>
    pdf.fontSize(size).fillColor(color).text(pdfText(text), { width });

  pdf.font('Helvetica-Bold');
  write(title, 18);
  pdf.font('Helvetica');
  write(t('pdf.invoice.subtitle', { month: doc.month, status: doc.status }), 11, MUTED);
  pdf.moveDown(0.6);
  if (doc.agreement) {
    write(t('pdf.invoice.agreement', { title: doc.agreement.title, code: doc.agreement.code }), 11);
    write(t('pdf.invoice.from', { state: doc.agreement.receiving, agencies: options.agencies.receiving }), 9);
    write(t('pdf.invoice.to', { state: doc.agreement.sending, agencies: options.agencies.sending }), 9);
  }
  write(t('pdf.invoice.terms', { versions: doc.scheduleVersions, clause: doc.clause }), 9);
  if (doc.references) {
    write(
      t('pdf.invoice.corrects', {
        kind: doc.references.kind,
        number: doc.references.number,
        reason: doc.reason,
      }),
      9,
    );
  }
  write(
    `${t('pdf.invoice.issued', { at: doc.issuedAt, zone: doc.zone })}   ${t('pdf.invoice.due', { on: doc.dueOn })}`,
    9,
  );
  pdf.moveDown(0.3);
  write(t('pdf.invoice.custody_days', { zone: doc.zone, facilities: options.facilities }), 8, MUTED);
  pdf.moveDown(0.8);

  const amountWidth = 110;
  const columns = [
    { label: '#', width: 30, align: 'right' as const },
    { label: t('pdf.invoice.col_ref', {}), width: width - 30 - 60 - amountWidth },
    { label: t('pdf.invoice.col_days', {}), width: 60, align: 'right' as const },
    {
      label: t('pdf.invoice.col_amount', { currency: doc.currency }),
      width: amountWidth,
      align: 'right' as const,
    },
  ];
  const amount = (cents: number) => money(cents, '-');
  const totals = [
    {
      cells: [
        '',
        t('pdf.invoice.total', {}),
        // Days are counted only on people's lines; a credit or a lump sum alone has none to total.
        doc.lines.some((l) => l.kind === 'person') ? grouped(doc.totalDays, lang) : '',
        amount(doc.totalCents),
      ],
      bold: true,
    },
  ];
  if (doc.kind !== 'credit_note') {
    totals.push(
      { cells: ['', t('pdf.invoice.paid', {}), '', amount(doc.paidCents)], bold: false },
      { cells: ['', t('pdf.invoice.credited', {}), '', amount(doc.creditedCents)], bold: false },
      { cells: ['', t('pdf.invoice.balance', {}), '', amount(doc.balanceCents)], bold: true },
    );
  }
  drawTable(pdf, columns, [
    ...doc.lines.map((l) => ({
      cells: [
        grouped(l.lineNo, lang),
        lineRef(l, lang),
        // A lump sum or a credit is not counted in days.
        l.kind === 'person' ? grouped(l.days, lang) : '',
        amount(l.amountCents),
      ],
    })),
    ...totals,
  ]);

  if (doc.payments.length > 0) {
    pdf.moveDown(0.8);
    ensureSpace(pdf, 30);
    pdf.font('Helvetica-Bold');
    write(t('pdf.invoice.payments', {}), 10);
    pdf.font('Helvetica');
    for (const p of doc.payments) {
      write(
        t('pdf.invoice.payment', {
          amountCents: p.amountCents,
          currency: doc.currency,
          on: p.receivedOn,
          reference: p.reference,
        }),
        8,
      );
    }
  }
  pdf.moveDown(1);
  ensureSpace(pdf, 50);
  write(t('pdf.invoice.method', {}), 8, MUTED);
  pdf.moveDown(0.3);
  write(t('pdf.generated', { at: options.generatedAt, zone: doc.zone }), 7, MUTED);
  endWithFooter(pdf, (page, pages) => `${title} · ${t('pdf.page', { page, pages })}`);
  return done;
}
