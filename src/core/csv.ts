/**
 * CSV for reports people open in a spreadsheet (RFC 4180 quoting, CRLF line ends). A text field that
 * starts with a formula character is prefixed with an apostrophe, so a value such as `=HYPERLINK(…)` shows
 * as text instead of running. (The people export is a different thing: it round-trips through import, so
 * it writes values exactly as stored.)
 */

/** One CSV field (RFC 4180), with a leading formula character neutralised so spreadsheets show it as text. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** CSV text: a header row and the rows, CRLF line ends as RFC 4180 writes them. */
export function csv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
