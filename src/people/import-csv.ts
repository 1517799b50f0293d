import type { FieldIssue } from '../core/errors.js';
import type { Lang } from '../core/i18n.js';
import { translate } from '../core/messages/index.js';
import { textFault, textFaultIssue } from '../core/text.js';
import { CSV_COLUMNS, CSV_HEADER, CSV_PERSON_COLUMNS, type CsvColumn } from './import-csv-columns.js';
import { type ConvictionRow, CsvPersonBuilder } from './import-csv-person.js';
import { closest, duplicateRefIssue, HEADER_FIELD, LINE_FIELD, tooLongIssue } from './import-issues.js';
import { type ParsedRow, type PhysicalLine, RecentRefs, type RowReader } from './import-lines.js';

// CSV (RFC 4180), one row per conviction: physical lines are joined into records (a quoted field may hold
// line breaks), records into the rows of one person, and those rows into a record.

// A quoted field this long is an unclosed quote, and holding it would break the flat-memory promise.
const MAX_RECORD_CHARS = 1_000_000;
const MAX_ROWS_PER_PERSON = 1_000;

interface CsvRecord {
  line: number;
  fields: string[];
  /** What is wrong with the quoting, if anything. */
  error?: string;
  /** One of the record's lines was not UTF-8 (its bad bytes are U+FFFD in `fields`). */
  notUtf8?: boolean;
}

/** Joins physical lines into CSV records: a quoted field may contain commas, `""` and line breaks. */
class CsvRecordAssembler {
  private fields: string[] = [];
  private field = '';
  private inQuotes = false;
  private startLine = 0;
  private size = 0;
  private error: string | undefined;
  private notUtf8 = false;

  get open(): boolean {
    return this.inQuotes;
  }

  get openedOn(): number {
    return this.startLine;
  }

  /** Feeds one physical line; returns a record when one is complete. */
  feed(line: PhysicalLine): CsvRecord | undefined {
    if (!this.inQuotes) {
      this.fields = [];
      this.field = '';
      this.startLine = line.line;
      this.size = 0;
      this.error = undefined;
      this.notUtf8 = false;
    }
    if (line.notUtf8) this.notUtf8 = true;
    this.size += line.text.length;
    const { text } = line;
    let i = 0;
    if (this.inQuotes) {
      i = this.scanQuoted(text, 0);
      if (this.inQuotes) {
        this.field += line.cr ? '\r\n' : '\n';
        return undefined;
      }
      if (i < 0) return this.complete();
    }
    for (;;) {
      if (text[i] === '"') {
        this.inQuotes = true;
        i = this.scanQuoted(text, i + 1);
        if (this.inQuotes) {
          this.field += line.cr ? '\r\n' : '\n';
          return undefined;
        }
        if (i < 0) return this.complete();
        continue;
      }
      const comma = text.indexOf(',', i);
      const raw = text.slice(i, comma === -1 ? text.length : comma);
      if (raw.includes('"') && this.error === undefined) {
        this.error = `a double quote appears inside a field that does not start with one (column ${this.fields.length + 1}); put the whole field in double quotes and double each quote inside it, like "say ""hi"""`;
      }
      this.fields.push(raw);
      if (comma === -1) return this.complete();
      i = comma + 1;
    }
  }

  /** True when more than a record's worth of text is waiting for a closing quote. */
  get runaway(): boolean {
    return this.inQuotes && this.size > MAX_RECORD_CHARS;
  }

  /** Abandons a record left open at the end of the file. */
  reset(): void {
    this.inQuotes = false;
    this.fields = [];
    this.field = '';
  }

  // Reads a quoted field from `from`; returns the index after the field's comma, or -1 at line end.
  private scanQuoted(text: string, from: number): number {
    let i = from;
    for (;;) {
      const q = text.indexOf('"', i);
      if (q === -1) {
        this.field += text.slice(i);
        return -1;
      }
      this.field += text.slice(i, q);
      if (text[q + 1] === '"') {
        this.field += '"';
        i = q + 2;
        continue;
      }
      this.inQuotes = false;
      let after = q + 1;
      if (after < text.length && text[after] !== ',') {
        const comma = text.indexOf(',', after);
        const end = comma === -1 ? text.length : comma;
        if (this.error === undefined) {
          this.error = `text follows the closing double quote of column ${this.fields.length + 1}; put the whole field in double quotes and double each quote inside it`;
        }
        this.field += text.slice(after, end);
        after = end;
      }
      this.fields.push(this.field);
      this.field = '';
      if (after >= text.length) return -1;
      // A trailing comma means one more, empty, field.
      if (after + 1 >= text.length) {
        this.fields.push('');
        return -1;
      }
      return after + 1;
    }
  }

  private complete(): CsvRecord {
    const record: CsvRecord = { line: this.startLine, fields: this.fields };
    if (this.error !== undefined) record.error = this.error;
    if (this.notUtf8) record.notUtf8 = true;
    this.fields = [];
    return record;
  }
}

interface Group {
  ref: string;
  line: number;
  /** The first well-formed row: its person columns are the person's. */
  first?: ConvictionRow;
  rows: ConvictionRow[];
  issues: FieldIssue[];
  overflowed: boolean;
}

/** Reads CSV: a header line, then one row per conviction, the rows of one person next to each other. */
export class CsvReader implements RowReader {
  stopped = false;
  private readonly records = new CsvRecordAssembler();
  /** Position of each column in the file's rows. */
  private positions: Record<CsvColumn, number> | undefined;
  private width = 0;
  /** The header's column names, by position, to name the cell a problem is in. */
  private names: string[] = [];
  private group: Group | undefined;
  private readonly refs = new RecentRefs();

  constructor(private readonly lang: Lang = 'en') {}

  *line(line: PhysicalLine): Generator<ParsedRow> {
    if (line.tooLong) {
      if (this.records.open) {
        yield* this.unclosedQuote(true);
        return;
      }
      yield* this.flush();
      yield { line: line.line, ok: false, issues: [tooLongIssue(line.line)] };
      return;
    }
    if (!this.records.open && line.text.trim() === '') return;
    const record = this.records.feed(line);
    if (this.records.runaway) {
      yield* this.unclosedQuote(true);
      return;
    }
    if (record) yield* this.record(record);
  }

  *end(): Generator<ParsedRow> {
    if (this.records.open) yield* this.unclosedQuote(false);
    yield* this.flush();
  }

  private *unclosedQuote(runaway: boolean): Generator<ParsedRow> {
    const line = this.records.openedOn;
    const where = runaway ? 'within a million characters' : 'before the end of the file';
    const issue: FieldIssue = {
      field: LINE_FIELD,
      line,
      message: `a double-quoted field opened on line ${line} is not closed ${where}; add the missing closing double quote (a quote inside a quoted field is written twice, "")`,
    };
    this.records.reset();
    yield* this.flush();
    yield { line, ok: false, issues: [issue] };
    // Where the next record starts is unknowable, so nothing after this point can be trusted.
    this.stopped = runaway;
  }

  private *record(record: CsvRecord): Generator<ParsedRow> {
    const positions = this.positions;
    if (!positions) {
      yield* this.header(record);
      return;
    }
    if (record.fields.every((f) => f.trim() === '')) return;
    const ref = (record.fields[positions.ref] ?? '').trim();
    const problem =
      record.error ??
      (record.fields.length === this.width
        ? undefined
        : `row has ${record.fields.length} columns but the header has ${this.width}; check for a comma inside a value that is not in double quotes, or a missing column`);
    const joins = this.group !== undefined && ref !== '' && ref === this.group.ref;
    if (!joins) {
      yield* this.flush();
      this.group = { ref, line: record.line, rows: [], issues: [], overflowed: false };
      if (ref !== '') {
        const before = this.refs.check(ref, record.line);
        if (before !== undefined) this.group.issues.push(duplicateRefIssue(ref, record.line, before, true));
      }
    }
    const group = this.group;
    if (!group) return;
    if (problem !== undefined) {
      group.issues.push({ field: LINE_FIELD, line: record.line, message: problem });
      return;
    }
    const cells = record.fields.map((f) => f.trim());
    group.issues.push(...this.textIssues(record, cells));
    const row = { line: record.line, cells };
    if (group.first) this.checkSamePerson(group.first, row, group.issues);
    else group.first = row;
    if (group.rows.length >= MAX_ROWS_PER_PERSON) {
      if (!group.overflowed) {
        group.overflowed = true;
        group.issues.push({
          field: 'ref',
          line: record.line,
          message: `ref ${ref} has more than ${MAX_ROWS_PER_PERSON} rows; check that the ref column is filled in correctly`,
        });
      }
      return;
    }
    group.rows.push(row);
  }

  /**
   * The cells no field may hold, each named by its column: bytes that were not UTF-8, a NUL, half of a
   * UTF-16 surrogate pair (src/core/text.ts). The row is bad; the rows after it are read as usual.
   */
  private textIssues(record: CsvRecord, cells: readonly string[]): FieldIssue[] {
    const issues: FieldIssue[] = [];
    const line = record.line;
    let named = false;
    const notUtf8 = translate(this.lang, 'import.not_utf8', { fields: '' });
    cells.forEach((cell, i) => {
      const field = this.names[i] ?? `column ${i + 1}`;
      if (record.notUtf8 && cell.includes('\uFFFD')) {
        named = true;
        issues.push({ field, line, message: notUtf8 });
      }
      const fault = textFault(cell);
      if (fault) issues.push(textFaultIssue({ field, fault }, this.lang, line));
    });
    if (record.notUtf8 && !named) issues.push({ field: LINE_FIELD, line, message: notUtf8 });
    return issues;
  }

  private *header(record: CsvRecord): Generator<ParsedRow> {
    const names = record.fields.map((f) => f.trim());
    const known: ReadonlySet<string> = new Set(CSV_COLUMNS);
    const problems: string[] = [];
    if (record.error) problems.push(record.error);
    if (record.notUtf8) {
      problems.push(translate(this.lang, 'import.not_utf8', { fields: '' }));
    }
    const unknown = names
      .map((n, i) =>
        n === '' ? `column ${i + 1} has no name` : known.has(n) ? undefined : describeUnknown(n),
      )
      .filter((n): n is string => n !== undefined);
    if (unknown.length > 0) problems.push(`unknown column(s): ${unknown.join(', ')}`);
    const duplicated = names.filter((n, i) => n !== '' && names.indexOf(n) !== i);
    if (duplicated.length > 0) problems.push(`column(s) named twice: ${[...new Set(duplicated)].join(', ')}`);
    const missing = CSV_COLUMNS.filter((c) => !names.includes(c));
    if (missing.length > 0) problems.push(`missing column(s): ${missing.join(', ')}`);
    if (problems.length > 0) {
      this.stopped = true;
      yield {
        line: record.line,
        ok: false,
        issues: [
          {
            field: HEADER_FIELD,
            line: record.line,
            message: `the header line is not right: ${problems.join('; ')}. The first line must name every column (in any order; a column may be left empty but not out): ${CSV_HEADER}`,
          },
        ],
      };
      return;
    }
    const positions = {} as Record<CsvColumn, number>;
    for (const column of CSV_COLUMNS) positions[column] = names.indexOf(column);
    this.positions = positions;
    this.width = names.length;
    this.names = names;
  }

  private checkSamePerson(first: ConvictionRow, row: ConvictionRow, issues: FieldIssue[]): void {
    const positions = this.positions;
    if (!positions) return;
    for (const column of CSV_PERSON_COLUMNS) {
      const value = row.cells[positions[column]] ?? '';
      const original = first.cells[positions[column]] ?? '';
      if (value !== '' && value !== original) {
        issues.push({
          field: column,
          line: row.line,
          message: `${column} is "${value}" here but "${original}" on line ${first.line}, the first row for ref ${row.cells[positions.ref]}; rows of one person must agree, so repeat the same value or leave it empty`,
        });
      }
    }
  }

  private *flush(): Generator<ParsedRow> {
    const group = this.group;
    this.group = undefined;
    if (!group || !this.positions) return;
    const ref = group.ref === '' ? undefined : group.ref;
    if (!group.first) {
      yield ref === undefined
        ? { line: group.line, ok: false, issues: group.issues }
        : { line: group.line, ok: false, ref, issues: group.issues };
      return;
    }
    const built = new CsvPersonBuilder(this.positions, group.first, group.rows).build();
    const issues = [...group.issues, ...built.issues];
    if (issues.length === 0 && built.record) {
      yield { line: group.line, ok: true, record: built.record };
      return;
    }
    // In file order, and along each line in column order, as a user reads it.
    const order = (field: string) => {
      const i = CSV_COLUMNS.indexOf(field as CsvColumn);
      return i === -1 ? CSV_COLUMNS.length : i;
    };
    issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || order(a.field) - order(b.field));
    yield ref === undefined
      ? { line: group.line, ok: false, issues }
      : { line: group.line, ok: false, ref, issues };
  }
}

function describeUnknown(name: string): string {
  const guess = closest(name, CSV_COLUMNS);
  return guess ? `"${name}" (did you mean ${guess}?)` : `"${name}"`;
}
