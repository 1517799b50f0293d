import PDFDocument from 'pdfkit';

/**
 * PDF building blocks shared by the reports Custodia exports (the compliance report; invoices later). The
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

/** A new A4 document whose bytes are collected into the promise `done`. */
export function newPdf(meta: { title: string; subject?: string }): {
  doc: PDFKit.PDFDocument;
  done: Promise<Buffer>;
} {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
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
