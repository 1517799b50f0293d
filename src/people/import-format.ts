import { extname } from 'node:path';
import { DomainError } from '../core/errors.js';
import type { Lang } from '../core/i18n.js';
import { CsvReader } from './import-csv.js';
import {
  type ChunkSource,
  type ImportEncoding,
  LineSplitter,
  type ParsedRow,
  type RowReader,
} from './import-lines.js';
import { NdjsonReader } from './import-ndjson.js';

/**
 * The people import/export formats (docs/import-formats.md): NDJSON, one person per line, and CSV, one
 * row per conviction. Parsing streams: memory stays flat however long the file is, so a sending
 * state's whole roster (about 1.5 million people) can be checked on one machine.
 */

/** The two import formats. */
export type PeopleFormat = 'ndjson' | 'csv';

// The formats' parts, re-exported so that importers need only this module.
export {
  CSV_COLUMNS,
  CSV_CONVICTION_COLUMNS,
  CSV_HEADER,
  CSV_PERSON_COLUMNS,
  formatPersonCsvRows,
} from './import-csv-columns.js';
export { HEADER_FIELD, LINE_FIELD } from './import-issues.js';
export type { ChunkSource, ImportEncoding, ParsedRow } from './import-lines.js';
export { formatPersonNdjson } from './import-ndjson.js';

/** Picks the format from a file name: `.ndjson`, `.jsonl`, `.json` or `.csv`. */
export function detectFormat(path: string): PeopleFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.ndjson' || ext === '.jsonl' || ext === '.json') return 'ndjson';
  if (ext === '.csv') return 'csv';
  throw new DomainError(
    'invalid_input',
    'import.format_from_name',
    { path },
    { details: { path, accepted: ['.ndjson', '.jsonl', '.json', '.csv'] } },
  );
}

/** How to read a file: its encoding (UTF-8 unless told), and the language of the messages it adds. */
export interface ParseOptions {
  encoding?: ImportEncoding;
  lang?: Lang;
}

/** The encodings `--encoding` accepts, read from what a user typed; refuses anything else, naming it. */
export function importEncoding(value: string | undefined): ImportEncoding {
  if (value === undefined) return 'utf8';
  const v = value.trim().toLowerCase().replace(/[-_]/g, '');
  if (v === 'utf8' || v === 'usascii' || v === 'ascii') return 'utf8';
  if (v === 'latin1' || v === 'iso88591' || v === 'windows1252' || v === 'cp1252') return 'latin1';
  throw new DomainError('invalid_input', 'import.encoding', { value });
}

/**
 * Reads people from a file's chunks, yielding one result per person in file order. A row holding a NUL,
 * a broken UTF-16 character or bytes that are not UTF-8 is a bad row naming its line and field; it never
 * stops the rows after it.
 * @example for await (const row of parsePeople(createReadStream('roster.csv'), 'csv')) if (!row.ok) console.log(row.issues)
 */
export async function* parsePeople(
  input: ChunkSource,
  format: PeopleFormat,
  options: ParseOptions = {},
): AsyncGenerator<ParsedRow> {
  const lang = options.lang ?? 'en';
  const reader: RowReader =
    format === 'csv'
      ? new CsvReader(lang)
      : format === 'ndjson'
        ? new NdjsonReader(lang)
        : unknownFormat(format);
  const lines = new LineSplitter(options.encoding ?? 'utf8');
  for await (const chunk of input) {
    for (const line of lines.push(chunk)) {
      yield* reader.line(line);
      if (reader.stopped) return;
    }
  }
  for (const line of lines.end()) {
    yield* reader.line(line);
    if (reader.stopped) return;
  }
  yield* reader.end();
}

function unknownFormat(format: never): never {
  throw new DomainError('invalid_input', 'import.format_unknown', { format: String(format) });
}
