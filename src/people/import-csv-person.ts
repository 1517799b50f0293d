import type { FieldIssue } from '../core/errors.js';
import {
  CONVICTION_PATHS,
  type ConvictionColumn,
  CSV_CONVICTION_COLUMNS,
  type CsvColumn,
  isListColumn,
  LIST_FORMS,
  type ListColumn,
  listItems,
  PERSON_PATHS,
  type PersonColumn,
  splitEscaped,
  unescapePart,
} from './import-csv-columns.js';
import { dotted, LINE_FIELD, problemsFrom, type SchemaProblem } from './import-issues.js';
import { type PersonRecord, personRecordSchema } from './model.js';

/** One well-formed CSV row of a person, its cells trimmed. */
export interface ConvictionRow {
  line: number;
  cells: readonly string[];
}

/** Turns one person's CSV rows into the record shape, then validates it with the shared schema. */
export class CsvPersonBuilder {
  private readonly issues: FieldIssue[] = [];
  /** Cells whose text could not be read; schema complaints about them would only repeat ours. */
  private readonly unreadable = new Set<string>();

  constructor(
    private readonly positions: Record<CsvColumn, number>,
    private readonly first: ConvictionRow,
    private readonly rows: readonly ConvictionRow[],
  ) {}

  build(): { record?: PersonRecord; issues: FieldIssue[] } {
    const convictionRows = this.rows.filter((row) =>
      CSV_CONVICTION_COLUMNS.some((c) => this.cell(row, c) !== ''),
    );
    const input = this.person(convictionRows);
    const result = personRecordSchema.safeParse(input);
    if (!result.success) {
      for (const problem of problemsFrom(result.error.issues, input)) {
        const issue = this.locate(problem, convictionRows);
        if (!this.unreadable.has(`${issue.field}@${issue.line}`)) this.issues.push(issue);
      }
    }
    if (this.issues.length > 0 || !result.success) return { issues: this.issues };
    return { record: result.data, issues: [] };
  }

  private cell(row: ConvictionRow, column: CsvColumn): string {
    return row.cells[this.positions[column]] ?? '';
  }

  private optional(row: ConvictionRow, column: CsvColumn): string | undefined {
    const value = this.cell(row, column);
    return value === '' ? undefined : value;
  }

  private fail(column: CsvColumn, line: number, message: string): undefined {
    this.issues.push({ field: column, line, message });
    this.unreadable.add(`${column}@${line}`);
    return undefined;
  }

  private bool(row: ConvictionRow, column: CsvColumn, hint = ''): boolean | undefined {
    const value = this.cell(row, column);
    if (value === '') return undefined;
    const lower = value.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    return this.fail(column, row.line, `${column} must be true or false${hint}, not "${value}"`);
  }

  private integer(row: ConvictionRow, column: CsvColumn): number | undefined {
    const value = this.cell(row, column);
    if (value === '') return undefined;
    // Negative numbers are let through so the schema's own "cannot be negative" message is used.
    if (/^-?\d+$/.test(value)) return Number(value);
    return this.fail(
      column,
      row.line,
      `${column} must be a whole number of days written with digits only, e.g. 3650, not "${value}"`,
    );
  }

  private compound(
    column: ListColumn,
    separator: ':' | '|',
    names: readonly string[],
    required: number,
  ): Record<string, string | undefined>[] {
    const row = this.first;
    return listItems(this.cell(row, column)).map((item, index) => {
      const parts = splitEscaped(item, separator).map(unescapePart);
      if (parts.length < required || parts.length > names.length) {
        this.fail(
          column,
          row.line,
          `item ${index + 1} ("${item}") has ${parts.length} part(s) separated by ${separator}; write each item as ${LIST_FORMS[column]}, items separated by ; (a backslash before ; : | makes it part of the text)`,
        );
        return {};
      }
      const object: Record<string, string | undefined> = {};
      names.forEach((name, i) => {
        const part = parts[i];
        if (part !== undefined && part !== '') object[name] = part;
      });
      return object;
    });
  }

  private person(convictionRows: readonly ConvictionRow[]): Record<string, unknown> {
    const row = this.first;
    const get = (column: PersonColumn) => this.optional(row, column);
    const simpleList = (column: PersonColumn) => listItems(this.cell(row, column)).map(unescapePart);
    const ivMethod = get('identityVerificationMethod');
    const ivDate = get('identityVerificationDate');
    const ivBy = get('identityVerifiedBy');
    const roFinal = this.bool(row, 'removalOrderFinal');
    const roDate = get('removalOrderDate');
    const roDestination = get('removalOrderDestination');
    const consentBy = get('consentVerifiedBy');
    const consentOn = get('consentVerifiedOn');
    const served = get('noticeServedOn');
    const counsel = this.bool(row, 'noticeCounselNotified');
    // A group of cells is "absent" (null) only when every cell in it is empty, so a half-filled
    // removal order is reported rather than dropped.
    const anyCell = (...columns: PersonColumn[]) => columns.some((c) => this.cell(row, c) !== '');
    return {
      ref: get('ref'),
      names: { given: get('given'), paternal: get('paternal'), maternal: get('maternal') },
      aliases: simpleList('aliases'),
      birthDate: get('birthDate'),
      sex: get('sex'),
      nationalities: simpleList('nationalities'),
      legalStatus: get('legalStatus'),
      identifiers: this.compound('identifiers', ':', ['type', 'value', 'country'], 2),
      identityVerification: anyCell(
        'identityVerificationMethod',
        'identityVerificationDate',
        'identityVerifiedBy',
      )
        ? { method: ivMethod, date: ivDate, by: ivBy }
        : null,
      convictions: convictionRows.map((r) => this.conviction(r)),
      pendingCharges: this.compound(
        'pendingCharges',
        '|',
        ['court', 'caseNumber', 'offense', 'statute', 'category', 'filed'],
        3,
      ),
      removalOrder: anyCell('removalOrderFinal', 'removalOrderDate', 'removalOrderDestination')
        ? { final: roFinal, date: roDate, destination: roDestination }
        : null,
      protections: this.compound('protections', ':', ['type', 'country', 'date'], 2),
      consent: anyCell('consentVerifiedBy', 'consentVerifiedOn')
        ? { verifiedBy: consentBy, verifiedOn: consentOn }
        : null,
      dualCriminality: this.bool(row, 'dualCriminality') ?? null,
      affiliations: this.compound('affiliations', '|', ['organization', 'basis', 'source', 'date'], 2),
      holds: this.compound('holds', '|', ['type', 'court', 'case', 'issued', 'lifted'], 4),
      notice: anyCell('noticeServedOn', 'noticeCounselNotified')
        ? { servedOn: served, counselNotified: counsel }
        : null,
    };
  }

  private conviction(row: ConvictionRow): Record<string, unknown> {
    const get = (column: ConvictionColumn) => this.optional(row, column);
    const life = this.bool(
      row,
      'sentenceLife',
      ' (true for a life sentence; leave empty for a term in days)',
    );
    const days = this.integer(row, 'sentenceDays');
    const creditDays = this.integer(row, 'creditDays');
    const start = get('sentenceStart');
    const consecutiveTo = get('consecutiveTo');
    const hasSentence = (
      ['sentenceDays', 'sentenceLife', 'sentenceStart', 'creditDays', 'consecutiveTo'] as const
    ).some((c) => this.cell(row, c) !== '');
    let sentence: Record<string, unknown> | undefined;
    if (hasSentence) {
      const rest = { start, creditDays, consecutiveTo };
      if (life === true) {
        if (this.cell(row, 'sentenceDays') !== '') {
          this.fail('sentenceDays', row.line, 'give either sentenceDays or sentenceLife=true, not both');
        }
        sentence = { life: true, ...rest };
      } else {
        if (this.cell(row, 'sentenceDays') === '') {
          this.fail(
            'sentenceDays',
            row.line,
            'sentenceDays is empty; give the term in days, or sentenceLife=true for a life sentence (leave every sentence column empty when there is no sentence)',
          );
        }
        sentence = { days, ...rest };
      }
    }
    return {
      id: get('convictionId'),
      court: get('court'),
      caseNumber: get('caseNumber'),
      offense: get('offense'),
      statute: get('statute'),
      category: get('category'),
      judgmentDate: get('judgmentDate'),
      final: this.bool(row, 'final', ' (true when no appeal or collateral review is pending)'),
      sentence,
    };
  }

  /** Points a schema problem at a CSV column and line, rewording JSON-specific advice. */
  private locate(problem: SchemaProblem, convictionRows: readonly ConvictionRow[]): FieldIssue {
    const [head, index, ...rest] = problem.path;
    const key = dotted(problem.path);
    const personColumn = PERSON_PATHS[key];
    if (personColumn) return { field: personColumn, line: this.first.line, message: problem.message };
    if (head === 'convictions' && typeof index === 'number') {
      const row = convictionRows[index] ?? this.first;
      const column = CONVICTION_PATHS[dotted(rest)];
      if (column) {
        const message =
          column === 'sentenceDays' && rest.length === 1
            ? 'give sentenceStart with either sentenceDays or sentenceLife=true'
            : problem.message;
        return { field: column, line: row.line, message };
      }
      return { field: key, line: row.line, message: problem.message };
    }
    if (typeof head === 'string' && isListColumn(head)) {
      const line = this.first.line;
      if (typeof index !== 'number')
        return { field: head, line, message: csvListMessage(head, problem.message) };
      const part = rest.length > 0 ? ` (${dotted(rest)})` : '';
      return {
        field: head,
        line,
        message: `item ${index + 1}${part}: ${csvListMessage(head, problem.message)}`,
      };
    }
    return { field: key || LINE_FIELD, line: this.first.line, message: problem.message };
  }
}

function csvListMessage(column: ListColumn, message: string): string {
  // The shared schema speaks JSON ("[\"VE\"]", "{\"type\":…}"); in CSV, show the cell's own syntax.
  if (!message.includes('[') && !message.includes('{')) return message;
  const sentence = message.split(/,? e\.g\./)[0] ?? message;
  return `${sentence}; in this column write ${LIST_FORMS[column]}`;
}
