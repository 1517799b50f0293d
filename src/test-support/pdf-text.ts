import { inflateSync } from 'node:zlib';

/**
 * The text a PDF made by pdfkit draws, for tests to read: each content stream is inflated (pdfkit
 * compresses them with Flate) and the strings of its text operators (`Tj`, `TJ`) are decoded from the
 * standard fonts' WinAnsi encoding. Each text operator becomes a line, so words of one line of a
 * paragraph stay together; a table cell is a line of its own.
 */
export function pdfTextOf(pdf: Buffer): string {
  const lines: string[] = [];
  const raw = pdf.toString('latin1');
  const streams = /<<([\s\S]*?)>>\s*stream\r?\n/g;
  for (let m = streams.exec(raw); m; m = streams.exec(raw)) {
    const dict = m[1] ?? '';
    const start = m.index + m[0].length;
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
    if (!Number.isFinite(length)) continue;
    const bytes = pdf.subarray(start, start + length);
    let content: string;
    try {
      content = (dict.includes('/FlateDecode') ? inflateSync(bytes) : bytes).toString('latin1');
    } catch {
      continue; // A stream that is not content (an image, a font) may not inflate; it holds no text.
    }
    lines.push(...textOperators(content));
  }
  return lines.join('\n');
}

/** The strings shown by the `[...] TJ` and `<...> Tj` / `(...) Tj` operators of a content stream. */
function textOperators(content: string): string[] {
  const out: string[] = [];
  const ops =
    /\[((?:<[0-9a-fA-F]*>|\((?:\\.|[^\\)])*\)|[-\d.\s])*)\]\s*TJ|(<[0-9a-fA-F]*>|\((?:\\.|[^\\)])*\))\s*Tj/g;
  for (let m = ops.exec(content); m; m = ops.exec(content)) {
    const strings = (m[1] ?? m[2] ?? '').match(/<[0-9a-fA-F]*>|\((?:\\.|[^\\)])*\)/g) ?? [];
    out.push(strings.map(decodeString).join(''));
  }
  return out;
}

/** The Windows-1252 characters at 0x80–0x9F, which Latin-1 does not have. */
const CP1252: Readonly<Record<number, string>> = {
  128: '€',
  130: '‚',
  131: 'ƒ',
  132: '„',
  133: '…',
  134: '†',
  135: '‡',
  136: 'ˆ',
  137: '‰',
  138: 'Š',
  139: '‹',
  140: 'Œ',
  142: 'Ž',
  145: '‘',
  146: '’',
  147: '“',
  148: '”',
  149: '•',
  150: '–',
  151: '—',
  152: '˜',
  153: '™',
  154: 'š',
  155: '›',
  156: 'œ',
  158: 'ž',
  159: 'Ÿ',
};

function decodeString(token: string): string {
  const bytes: number[] = [];
  if (token.startsWith('<')) {
    const hex = token.slice(1, -1);
    for (let i = 0; i + 1 < hex.length; i += 2) bytes.push(Number.parseInt(hex.slice(i, i + 2), 16));
  } else {
    const body = token.slice(1, -1).replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_all, esc: string) => {
      const named: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
      return named[esc] ?? (/^[0-7]+$/.test(esc) ? String.fromCharCode(Number.parseInt(esc, 8)) : esc);
    });
    for (const ch of body) bytes.push(ch.charCodeAt(0));
  }
  return bytes.map((b) => CP1252[b] ?? String.fromCharCode(b)).join('');
}
