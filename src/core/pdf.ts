import PDFDocument from 'pdfkit';
import type { Lang } from './i18n.js';

/**
 * PDF building blocks shared by the reports Custodia exports (the compliance report, the invoices and credit notes). The
 * documents use the PDF standard fonts (Helvetica), which need no font file on the machine but can only
 * draw the Windows-1252 ("WinAnsi") characters: Spanish accents, ñ, ², “quotes” and dashes are there; ≥,
 * ≤ and arrows are not, so `pdfText` spells them out rather than letting them print as garbage.
 */

const SPELLED: Readonly<Record<string, string>> = {
  '≥': '>=',
  '≤': '<=',
  '→': '->',
  '←': '<-',
  '×': 'x',
  '−': '-',
  '\u00a0': ' ',
  '\u202f': ' ',
};

/** The characters of Windows-1252 above 0x7F that are not Latin-1 (0x80–0x9F). */
const CP1252_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** `text` drawable with a standard font: known symbols spelled out, anything else outside WinAnsi as '?'. */
export function pdfText(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || ch === '\n') out += ch;
    else if (SPELLED[ch] !== undefined) out += SPELLED[ch];
    else if (CP1252_EXTRA.has(ch)) out += ch;
    else out += '?';
  }
  return out;
}

/** A new A4 document in `lang`, whose bytes are collected into the promise `done`. */
export function newPdf(meta: { title: string; subject?: string; lang: Lang }): {
  doc: PDFKit.PDFDocument;
  done: Promise<Buffer>;
} {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    lang: meta.lang,
    displayTitle: true,
    // Pages stay in memory until the end so each can be numbered "page n of N".
    bufferPages: true,
    info: { Title: pdfText(meta.title), Subject: pdfText(meta.subject ?? ''), Creator: 'Custodia' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

/** Starts a new page when fewer than `needed` points are left above the bottom margin. */
export function ensureSpace(doc: PDFKit.PDFDocument, needed: number): void {
  if (doc.y + needed > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

export const INK = '#1b1b1b';
export const MUTED = '#565c65';
const RULE_LINE = '#dfe1e2';

/** A column of a table: its heading, its width in points, and how its cells align. */
export interface Column {
  label: string;
  width: number;
  align?: 'left' | 'right';
}

/** A row of a table: a cell per column, bold for headings and totals. */
export interface Row {
  cells: readonly string[];
  bold?: boolean;
}

const CELL_SIZE = 8;
const CELL_GAP = 12;

/**
 * Draws a table at the left margin: the heading row, then each row, cells wrapped within their column and
 * a thin line under each row. A row never splits across pages, and the heading is repeated on each new
 * page the table runs onto.
 */
export function drawTable(doc: PDFKit.PDFDocument, columns: readonly Column[], rows: readonly Row[]): void {
  const heading: Row = { cells: columns.map((c) => c.label), bold: true };
  drawRow(doc, columns, heading);
  for (const row of rows) {
    if (doc.y + rowHeight(doc, columns, row) > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      drawRow(doc, columns, heading);
    }
    drawRow(doc, columns, row);
  }
  // What follows the table is body text, whatever the last row's weight.
  doc.font('Helvetica').fillColor(INK);
}

/**
 * Where a cell's text sits within its column: half the gap on each side between columns, none at the
 * table's outer edges, so the first column starts at the margin and the last ends at the table's edge.
 */
function cellBox(columns: readonly Column[], i: number): { offset: number; width: number } {
  const left = i === 0 ? 0 : CELL_GAP / 2;
  const right = i === columns.length - 1 ? 0 : CELL_GAP / 2;
  return { offset: left, width: (columns[i]?.width ?? 60) - left - right };
}

function rowHeight(doc: PDFKit.PDFDocument, columns: readonly Column[], row: Row): number {
  doc.font(row.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(CELL_SIZE);
  const heights = row.cells.map((cell, i) =>
    doc.heightOfString(pdfText(cell), { width: cellBox(columns, i).width }),
  );
  return Math.max(CELL_SIZE, ...heights) + 5;
}

function drawRow(doc: PDFKit.PDFDocument, columns: readonly Column[], row: Row): void {
  const height = rowHeight(doc, columns, row);
  ensureSpace(doc, height);
  const left = doc.page.margins.left;
  const y = doc.y;
  let x = left;
  doc.fillColor(INK);
  row.cells.forEach((cell, i) => {
    const box = cellBox(columns, i);
    doc.text(pdfText(cell), x + box.offset, y, { width: box.width, align: columns[i]?.align ?? 'left' });
    x += columns[i]?.width ?? 60;
  });
  doc.x = left;
  doc.y = y + height;
  doc
    .save()
    .lineWidth(0.5)
    .strokeColor(RULE_LINE)
    .moveTo(left, doc.y - 2)
    .lineTo(x, doc.y - 2)
    .stroke()
    .restore();
}

/**
 * Writes a footer on every page, e.g. "Page 2 of 3", in the bottom margin, then ends the document. Call it
 * instead of `doc.end()` on a document made by `newPdf`.
 */
export function endWithFooter(
  doc: PDFKit.PDFDocument,
  footer: (page: number, pages: number) => string,
): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Text below the bottom margin would start a new page; the margin is lifted while the footer is drawn.
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(7)
      .fillColor(MUTED)
      .text(pdfText(footer(i + 1, range.count)), doc.page.margins.left, doc.page.height - bottom + 16, {
        width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
        align: 'right',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
}
