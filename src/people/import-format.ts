import { extname } from 'node:path';
import { z } from 'zod';
import type { FieldIssue } from '../core/errors.js';
import { DomainError } from '../core/errors.js';
import type { PersonRecord } from './model.js';
import { personRecordSchema } from './model.js';

/**
 * The people import/export formats (docs/import-formats.md): NDJSON, one person per line, and CSV, one
 * row per conviction. Parsing streams: memory stays flat however long the file is, so a sending
 * state's whole roster (about 1.5 million people) can be checked on one machine.
 */

/** The two import formats. */
export type PeopleFormat = 'ndjson' | 'csv';

/** One person read from a file: the validated record, or every problem found in it. */
export type ParsedRow =
  | { line: number; ok: true; record: PersonRecord }
  | { line: number; ok: false; ref?: string; issues: FieldIssue[] };

/** Anything that yields the file's bytes or text in chunks, e.g. `fs.createReadStream(path)`. */
export type ChunkSource = AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;

/** The field name used for problems that concern a whole line rather than one field. */
export const LINE_FIELD = '(line)';
/** The field name used for problems with the CSV header. */
export const HEADER_FIELD = '(header)';

// A person is a few kilobytes; anything this long is a broken file (a missing newline or an unclosed
// quote) and holding it would break the flat-memory promise.
const MAX_LINE_CHARS = 1_000_000;
const MAX_RECORD_CHARS = 1_000_000;
const MAX_ROWS_PER_PERSON = 1_000;
// Remembering every ref would grow with the file, so only the most recent ones are kept: a ref that
// reappears within 50,000 people is always reported here (within 100,000, sometimes); the importer must still refuse a second
// occurrence further apart (it knows which refs this import has already written).
const RECENT_REF_WINDOW = 100_000;

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

/**
 * Reads people from a file's chunks, yielding one result per person in file order.
 * @example for await (const row of parsePeople(createReadStream('roster.csv'), 'csv')) if (!row.ok) console.log(row.issues)
 */
export async function* parsePeople(input: ChunkSource, format: PeopleFormat): AsyncGenerator<ParsedRow> {
  const reader: RowReader =
    format === 'csv' ? new CsvReader() : format === 'ndjson' ? new NdjsonReader() : unknownFormat(format);
  const lines = new LineSplitter();
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

// ---------------------------------------------------------------------------------------------------
// Lines

interface PhysicalLine {
  line: number;
  text: string;
  /** The line ended in CRLF; inside a quoted CSV field the CR is part of the value. */
  cr: boolean;
  tooLong: boolean;
}

/** Splits decoded text into lines, whatever the chunk boundaries (even inside a UTF-8 character). */
class LineSplitter {
  private readonly decoder = new TextDecoder('utf-8');
  private pending = '';
  private lineNo = 0;
  private started = false;
  private discarding = false;

  *push(chunk: string | Uint8Array): Generator<PhysicalLine> {
    // A string chunk after bytes: flush the decoder first so no half character is lost silently.
    const text =
      typeof chunk === 'string'
        ? this.decoder.decode() + chunk
        : this.decoder.decode(chunk, { stream: true });
    yield* this.split(text);
  }

  *end(): Generator<PhysicalLine> {
    yield* this.split(this.decoder.decode());
    if (this.pending !== '' || this.discarding) yield this.emit(this.pending);
    this.pending = '';
  }

  private *split(decoded: string): Generator<PhysicalLine> {
    let text = decoded;
    if (!this.started && text !== '') {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const buf = this.pending + text;
    let start = 0;
    let from = this.pending.length;
    for (;;) {
      const nl = buf.indexOf('\n', from);
      if (nl === -1) break;
      yield this.emit(buf.slice(start, nl));
      start = nl + 1;
      from = start;
    }
    this.pending = buf.slice(start);
    if (this.pending.length > MAX_LINE_CHARS) {
      this.discarding = true;
      this.pending = '';
    }
  }

  private emit(raw: string): PhysicalLine {
    this.lineNo++;
    if (this.discarding) {
      this.discarding = false;
      return { line: this.lineNo, text: '', cr: false, tooLong: true };
    }
    const cr = raw.endsWith('\r');
    return { line: this.lineNo, text: cr ? raw.slice(0, -1) : raw, cr, tooLong: false };
  }
}

interface RowReader {
  stopped: boolean;
  line(line: PhysicalLine): Generator<ParsedRow>;
  end(): Generator<ParsedRow>;
}

/** Bounded memory of recently seen refs, to catch the same person twice in one file. */
class RecentRefs {
  // Two generations rather than evicting one key at a time: deleting a Map's oldest key leaves
  // tombstones that every later "oldest" lookup walks over, which made long files quadratic.
  private current = new Map<string, number>();
  private previous = new Map<string, number>();

  /** Records `ref` at `line`; returns the line it was seen on before, if it was. */
  check(ref: string, line: number): number | undefined {
    const before = this.current.get(ref) ?? this.previous.get(ref);
    if (before !== undefined) return before;
    this.current.set(ref, line);
    if (this.current.size >= RECENT_REF_WINDOW / 2) {
      this.previous = this.current;
      this.current = new Map();
    }
    return undefined;
  }
}

function duplicateRefIssue(ref: string, line: number, before: number, csv: boolean): FieldIssue {
  const fix = csv
    ? 'put all rows of one person next to each other (sort the file by ref)'
    : 'keep one line per person; merge the two lines';
  return {
    field: 'ref',
    line,
    message: `ref ${ref} already appeared on line ${before}; ${fix}`,
  };
}

const NOT_UTF8 =
  'contains the character U+FFFD, which means the file is not UTF-8 or was damaged by an earlier conversion; save it as UTF-8 (in Excel: "CSV UTF-8") and check accented names';

function tooLongIssue(line: number): FieldIssue {
  return {
    field: LINE_FIELD,
    line,
    message: `line ${line} is longer than ${MAX_LINE_CHARS.toLocaleString('en-US')} characters; put one person per line and check for a missing line break`,
  };
}

// ---------------------------------------------------------------------------------------------------
// Validation shared by both formats

type Path = readonly PropertyKey[];

function dotted(path: Path): string {
  return path.map(String).join('.');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function valueAt(root: unknown, path: Path): unknown {
  let value = root;
  for (const key of path) {
    if (Array.isArray(value) && typeof key === 'number') value = value[key];
    else if (isPlainObject(value) && typeof key === 'string') value = value[key];
    else return undefined;
  }
  return value;
}

/** One schema problem, with its full path from the record's root. */
interface SchemaProblem {
  path: Path;
  message: string;
}

/**
 * Zod issues → problems. A failed union (a sentence) is replaced by the issues of the branch the input
 * was evidently aiming at, so `{"days":-5}` says "cannot be negative", not "must be days or life".
 */
function problemsFrom(issues: readonly z.core.$ZodIssue[], input: unknown, base: Path = []): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  for (const issue of issues) {
    const path = [...base, ...issue.path];
    // Unknown keys are reported by this parser's own check, with a "did you mean" hint.
    if (issue.code === 'unrecognized_keys') continue;
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const branch = likelyBranch(issue.errors, valueAt(input, path));
      if (branch) {
        out.push(...problemsFrom(branch, input, path));
        continue;
      }
    }
    out.push({ path, message: friendlier(issue) });
  }
  return out;
}

function likelyBranch(
  branches: readonly (readonly z.core.$ZodIssue[])[],
  value: unknown,
): readonly z.core.$ZodIssue[] | undefined {
  if (!isPlainObject(value)) return undefined;
  // Score each branch by how many of its complaints are about keys the input does not have at all:
  // the branch whose keys the input uses is the one it meant.
  const missing = branches.map(
    (issues) =>
      issues.filter(
        (i) => i.path.length === 1 && value[String(i.path[0])] === undefined && i.code !== 'custom',
      ).length,
  );
  const best = Math.min(...missing);
  if (missing.filter((m) => m === best).length !== 1) return undefined;
  return branches[missing.indexOf(best)];
}

/** Replaces Zod's generic English ("Invalid input: expected boolean…") with what to write instead. */
function friendlier(issue: z.core.$ZodIssue): string {
  if (!issue.message.startsWith('Invalid input')) return issue.message;
  if (issue.code === 'invalid_value' && issue.values.length === 1 && issue.values[0] === true) {
    return 'must be true for a life sentence; for a fixed term give "days" instead';
  }
  if (issue.code !== 'invalid_type') return issue.message;
  const received = /received (\w+)/.exec(issue.message)?.[1];
  const want: Record<string, string> = {
    boolean: 'true or false, without quotes',
    array: 'a list in square brackets, [] when there are none',
    object: 'an object in braces {…}',
    string: 'text in double quotes',
    number: 'a number without quotes',
  };
  const what = want[issue.expected] ?? issue.expected;
  if (received === 'undefined') return `is missing; give ${what}`;
  return received ? `must be ${what}, not ${received}` : `must be ${what}`;
}

// Objects are stripped of unknown keys by the schema, so a misspelt "protection" would vanish and the
// person would look unprotected. The import formats therefore refuse keys the schema does not know.
type AnySchema = z.core.$ZodType;

type Shape =
  | { kind: 'object'; fields: ReadonlyMap<string, AnySchema>; names: readonly string[] }
  | { kind: 'array'; element: AnySchema }
  | { kind: 'union'; options: readonly AnySchema[] }
  | { kind: 'leaf' };

// Unwrapping schemas is slow next to the walk itself, and a file repeats the same few schemas.
const shapes = new WeakMap<AnySchema, Shape>();

function shapeOf(schema: AnySchema): Shape {
  const cached = shapes.get(schema);
  if (cached) return cached;
  let s = schema;
  for (;;) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault) s = s.unwrap();
    else if (s instanceof z.ZodPipe) s = s.in;
    else break;
  }
  let shape: Shape = { kind: 'leaf' };
  if (s instanceof z.ZodObject) {
    const fields = new Map(Object.entries(s.shape as Record<string, AnySchema>));
    shape = { kind: 'object', fields, names: [...fields.keys()] };
  } else if (s instanceof z.ZodArray) {
    shape = { kind: 'array', element: s.element };
  } else if (s instanceof z.ZodUnion) {
    shape = { kind: 'union', options: s.options as readonly AnySchema[] };
  }
  shapes.set(schema, shape);
  return shape;
}

function unknownKeys(schema: AnySchema, value: unknown, path: PropertyKey[], out: SchemaProblem[]): void {
  const shape = shapeOf(schema);
  if (shape.kind === 'object') {
    if (!isPlainObject(value)) return;
    for (const key of Object.keys(value)) {
      const child = shape.fields.get(key);
      if (child) unknownKeys(child, value[key], [...path, key], out);
      else out.push({ path: [...path, key], message: unknownKeyMessage(key, shape.names) });
    }
  } else if (shape.kind === 'array') {
    if (!Array.isArray(value)) return;
    value.forEach((item, i) => {
      unknownKeys(shape.element, item, [...path, i], out);
    });
  } else if (shape.kind === 'union') {
    // Check against the option the value parses as, or else the one it has fewest strangers for.
    const chosen =
      shape.options.find((o) => z.safeParse(o, value).success) ??
      shape.options.reduce<{ o: AnySchema | undefined; n: number }>(
        (best, o) => {
          const found: SchemaProblem[] = [];
          unknownKeys(o, value, path, found);
          return found.length < best.n ? { o, n: found.length } : best;
        },
        { o: undefined, n: Number.POSITIVE_INFINITY },
      ).o;
    if (chosen) unknownKeys(chosen, value, path, out);
  }
}

function unknownKeyMessage(key: string, known: readonly string[]): string {
  const guess = closest(key, known);
  const hint = guess ? `did you mean "${guess}"? ` : '';
  return `is not a field here; ${hint}remove it or fix its spelling (fields here: ${known.join(', ')})`;
}

function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const c of candidates) {
    const d = c.toLowerCase() === word.toLowerCase() ? 0 : editDistance(word, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

// ---------------------------------------------------------------------------------------------------
// NDJSON

class NdjsonReader implements RowReader {
  stopped = false;
  private sawContent = false;
  private readonly refs = new RecentRefs();

  *line({ line, text, tooLong }: PhysicalLine): Generator<ParsedRow> {
    if (tooLong) {
      yield { line, ok: false, issues: [tooLongIssue(line)] };
      return;
    }
    const trimmed = text.trim();
    if (trimmed === '') return;
    if (!this.sawContent) {
      this.sawContent = true;
      // A pretty-printed document or a JSON array would otherwise give one error per line.
      if (trimmed === '{' || trimmed.startsWith('[')) {
        this.stopped = true;
        yield {
          line,
          ok: false,
          issues: [
            {
              field: LINE_FIELD,
              line,
              message: `the file starts with "${trimmed.slice(0, 1)}", so it looks like ${trimmed === '{' ? 'pretty-printed JSON' : 'a JSON array'}; NDJSON needs each person as one JSON object on its own line, with no enclosing [ ]`,
            },
          ],
        };
        return;
      }
    }
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (error) {
      const said = error instanceof Error ? error.message : String(error);
      yield {
        line,
        ok: false,
        issues: [
          {
            field: LINE_FIELD,
            line,
            message: `line ${line} is not valid JSON (${said}); write each person as one complete JSON object on a single line, with keys and text in double quotes`,
          },
        ],
      };
      return;
    }
    if (!isPlainObject(value)) {
      const found = value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`;
      yield {
        line,
        ok: false,
        issues: [
          {
            field: LINE_FIELD,
            line,
            message: `line ${line} must be one JSON object {…} describing a person, not ${found}`,
          },
        ],
      };
      return;
    }
    const ref = typeof value.ref === 'string' && value.ref.trim() !== '' ? value.ref.trim() : undefined;
    const issues: FieldIssue[] = [];
    if (text.includes('\uFFFD')) issues.push({ field: LINE_FIELD, line, message: NOT_UTF8 });
    const strangers: SchemaProblem[] = [];
    unknownKeys(personRecordSchema, value, [], strangers);
    for (const p of strangers) issues.push({ field: dotted(p.path), line, message: p.message });
    const result = personRecordSchema.safeParse(value);
    if (!result.success) {
      for (const p of problemsFrom(result.error.issues, value)) {
        issues.push({ field: dotted(p.path) || LINE_FIELD, line, message: p.message });
      }
    }
    if (ref !== undefined) {
      const before = this.refs.check(ref, line);
      if (before !== undefined) issues.push(duplicateRefIssue(ref, line, before, false));
    }
    if (issues.length > 0 || !result.success) {
      yield ref === undefined ? { line, ok: false, issues } : { line, ok: false, ref, issues };
      return;
    }
    yield { line, ok: true, record: result.data };
  }

  *end(): Generator<ParsedRow> {}
}

/** One person as one NDJSON line (no newline), keys in the documented order; it re-imports unchanged. */
export function formatPersonNdjson(record: PersonRecord): string {
  const r = record;
  return JSON.stringify({
    ref: r.ref,
    names: { given: r.names.given, paternal: r.names.paternal, maternal: r.names.maternal },
    aliases: r.aliases,
    birthDate: r.birthDate,
    sex: r.sex,
    nationalities: r.nationalities,
    legalStatus: r.legalStatus,
    identifiers: r.identifiers.map((i) => ({ type: i.type, value: i.value, country: i.country })),
    identityVerification: r.identityVerification && {
      method: r.identityVerification.method,
      date: r.identityVerification.date,
      by: r.identityVerification.by,
    },
    convictions: r.convictions.map((c) => ({
      id: c.id,
      court: c.court,
      caseNumber: c.caseNumber,
      offense: c.offense,
      statute: c.statute,
      category: c.category,
      judgmentDate: c.judgmentDate,
      final: c.final,
      sentence:
        c.sentence &&
        ('life' in c.sentence
          ? {
              life: c.sentence.life,
              start: c.sentence.start,
              creditDays: c.sentence.creditDays,
              consecutiveTo: c.sentence.consecutiveTo,
            }
          : {
              days: c.sentence.days,
              start: c.sentence.start,
              creditDays: c.sentence.creditDays,
              consecutiveTo: c.sentence.consecutiveTo,
            }),
    })),
    pendingCharges: r.pendingCharges.map((p) => ({
      court: p.court,
      caseNumber: p.caseNumber,
      offense: p.offense,
      statute: p.statute,
      category: p.category,
      filed: p.filed,
    })),
    removalOrder: r.removalOrder && {
      final: r.removalOrder.final,
      date: r.removalOrder.date,
      destination: r.removalOrder.destination,
    },
    protections: r.protections.map((p) => ({ type: p.type, country: p.country, date: p.date })),
    consent: r.consent && { verifiedBy: r.consent.verifiedBy, verifiedOn: r.consent.verifiedOn },
    dualCriminality: r.dualCriminality,
    affiliations: r.affiliations.map((a) => ({
      organization: a.organization,
      basis: a.basis,
      source: a.source,
      date: a.date,
    })),
    holds: r.holds.map((h) => ({
      type: h.type,
      court: h.court,
      case: h.case,
      issued: h.issued,
      lifted: h.lifted,
    })),
    notice: r.notice && { servedOn: r.notice.servedOn, counselNotified: r.notice.counselNotified },
  });
}

// ---------------------------------------------------------------------------------------------------
// CSV columns and list encodings

/** CSV columns describing the person; repeated (or left empty) on each of the person's rows. */
export const CSV_PERSON_COLUMNS = [
  'ref',
  'given',
  'paternal',
  'maternal',
  'aliases',
  'birthDate',
  'sex',
  'nationalities',
  'legalStatus',
  'identifiers',
  'identityVerificationMethod',
  'identityVerificationDate',
  'identityVerifiedBy',
  'removalOrderFinal',
  'removalOrderDate',
  'removalOrderDestination',
  'protections',
  'consentVerifiedBy',
  'consentVerifiedOn',
  'dualCriminality',
  'affiliations',
  'holds',
  'noticeServedOn',
  'noticeCounselNotified',
  'pendingCharges',
] as const;

/** CSV columns describing one conviction; empty on the single row of a person with none. */
export const CSV_CONVICTION_COLUMNS = [
  'convictionId',
  'court',
  'caseNumber',
  'offense',
  'statute',
  'category',
  'judgmentDate',
  'final',
  'sentenceDays',
  'sentenceLife',
  'sentenceStart',
  'creditDays',
  'consecutiveTo',
] as const;

/** Every CSV column, in the order the exporter writes them. */
export const CSV_COLUMNS = [...CSV_PERSON_COLUMNS, ...CSV_CONVICTION_COLUMNS] as const;

/** The CSV header line (no newline). */
export const CSV_HEADER = CSV_COLUMNS.join(',');

type CsvColumn = (typeof CSV_COLUMNS)[number];
type PersonColumn = (typeof CSV_PERSON_COLUMNS)[number];
type ConvictionColumn = (typeof CSV_CONVICTION_COLUMNS)[number];

/** How each list column's items are written, for messages and the docs. */
const LIST_FORMS = {
  aliases: 'one alias per item',
  nationalities: 'country codes, e.g. SV;VE',
  identifiers: 'type:value, or passport:value:COUNTRY, e.g. a_number:A123456789;passport:X1234567:VE',
  protections: 'type:COUNTRY or type:ALL, optionally :date, e.g. cat_deferral:SV:2024-03-01',
  affiliations:
    'organization|basis|source|date (source and date may be left out), e.g. MS-13|court_finding|PSR|2021-05-01',
  holds: 'type|court|case|issued|lifted (lifted may be left out), e.g. tro|D.D.C.|1:25-cv-00766|2025-03-15',
  pendingCharges:
    'court|caseNumber|offense|statute|category|filed (the last three may be left out), e.g. D. Md.|8:24-cr-00001|Illegal reentry|8 U.S.C. 1326',
} as const satisfies Partial<Record<CsvColumn, string>>;

type ListColumn = keyof typeof LIST_FORMS;

// Within a list cell `;` separates items, and `:` or `|` separates an item's parts; a backslash makes
// any of `\ ; : |` literal so that any text survives a round trip.
const ESCAPABLE = new Set(['\\', ';', ':', '|']);
const ESCAPE_SIMPLE = /[\\;]/g;
const ESCAPE_COLON = /[\\;:]/g;
const ESCAPE_PIPE = /[\\;|]/g;

function splitEscaped(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    const next = text[i + 1];
    if (c === '\\' && next !== undefined && ESCAPABLE.has(next)) {
      current += c + next;
      i++;
    } else if (c === separator) {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts;
}

function unescapePart(part: string): string {
  return part.replace(/\\([\\;:|])/g, '$1').trim();
}

function listItems(cell: string): string[] {
  if (cell === '') return [];
  return splitEscaped(cell, ';')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function joinParts(parts: readonly (string | null | undefined)[], separator: ':' | '|'): string {
  const special = separator === ':' ? ESCAPE_COLON : ESCAPE_PIPE;
  const written = parts.map((p) => (p == null ? '' : p.replace(special, '\\$&')));
  while (written.length > 0 && written[written.length - 1] === '') written.pop();
  return written.join(separator);
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One person as CSV rows (no newlines between them): one per conviction, or one if there are none. */
export function formatPersonCsvRows(record: PersonRecord): string[] {
  const r = record;
  const person: Record<PersonColumn, string> = {
    ref: r.ref,
    given: r.names.given,
    paternal: r.names.paternal,
    maternal: r.names.maternal ?? '',
    aliases: r.aliases.map((a) => a.replace(ESCAPE_SIMPLE, '\\$&')).join(';'),
    birthDate: r.birthDate,
    sex: r.sex,
    nationalities: r.nationalities.join(';'),
    legalStatus: r.legalStatus,
    identifiers: r.identifiers.map((i) => joinParts([i.type, i.value, i.country], ':')).join(';'),
    identityVerificationMethod: r.identityVerification?.method ?? '',
    identityVerificationDate: r.identityVerification?.date ?? '',
    identityVerifiedBy: r.identityVerification?.by ?? '',
    removalOrderFinal: r.removalOrder ? String(r.removalOrder.final) : '',
    removalOrderDate: r.removalOrder?.date ?? '',
    removalOrderDestination: r.removalOrder?.destination ?? '',
    protections: r.protections.map((p) => joinParts([p.type, p.country, p.date], ':')).join(';'),
    consentVerifiedBy: r.consent?.verifiedBy ?? '',
    consentVerifiedOn: r.consent?.verifiedOn ?? '',
    dualCriminality: r.dualCriminality === null ? '' : String(r.dualCriminality),
    affiliations: r.affiliations
      .map((a) => joinParts([a.organization, a.basis, a.source, a.date], '|'))
      .join(';'),
    holds: r.holds.map((h) => joinParts([h.type, h.court, h.case, h.issued, h.lifted], '|')).join(';'),
    noticeServedOn: r.notice?.servedOn ?? '',
    noticeCounselNotified: r.notice ? String(r.notice.counselNotified) : '',
    pendingCharges: r.pendingCharges
      .map((p) => joinParts([p.court, p.caseNumber, p.offense, p.statute, p.category, p.filed], '|'))
      .join(';'),
  };
  const none: Record<ConvictionColumn, string> = {
    convictionId: '',
    court: '',
    caseNumber: '',
    offense: '',
    statute: '',
    category: '',
    judgmentDate: '',
    final: '',
    sentenceDays: '',
    sentenceLife: '',
    sentenceStart: '',
    creditDays: '',
    consecutiveTo: '',
  };
  const convictions: Record<ConvictionColumn, string>[] = r.convictions.map((c) => {
    const s = c.sentence;
    return {
      convictionId: c.id,
      court: c.court,
      caseNumber: c.caseNumber,
      offense: c.offense,
      statute: c.statute ?? '',
      category: c.category,
      judgmentDate: c.judgmentDate,
      final: String(c.final),
      sentenceDays: s && !('life' in s) ? String(s.days) : '',
      sentenceLife: s && 'life' in s ? 'true' : '',
      sentenceStart: s?.start ?? '',
      creditDays: s ? String(s.creditDays) : '',
      consecutiveTo: s?.consecutiveTo ?? '',
    };
  });
  return (convictions.length > 0 ? convictions : [none]).map((conviction) =>
    CSV_COLUMNS.map((column) =>
      csvCell(isPersonColumn(column) ? person[column] : conviction[column as ConvictionColumn]),
    ).join(','),
  );
}

const PERSON_COLUMN_SET: ReadonlySet<string> = new Set(CSV_PERSON_COLUMNS);

function isPersonColumn(column: string): column is PersonColumn {
  return PERSON_COLUMN_SET.has(column);
}

// ---------------------------------------------------------------------------------------------------
// CSV records (RFC 4180)

interface CsvRecord {
  line: number;
  fields: string[];
  /** What is wrong with the quoting, if anything. */
  error?: string;
}

/** Joins physical lines into CSV records: a quoted field may contain commas, `""` and line breaks. */
class CsvRecordAssembler {
  private fields: string[] = [];
  private field = '';
  private inQuotes = false;
  private startLine = 0;
  private size = 0;
  private error: string | undefined;

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
    }
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
    this.fields = [];
    return record;
  }
}

// ---------------------------------------------------------------------------------------------------
// CSV people

interface ConvictionRow {
  line: number;
  cells: readonly string[];
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

class CsvReader implements RowReader {
  stopped = false;
  private readonly records = new CsvRecordAssembler();
  /** Position of each column in the file's rows. */
  private positions: Record<CsvColumn, number> | undefined;
  private width = 0;
  private group: Group | undefined;
  private readonly refs = new RecentRefs();

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

  private *header(record: CsvRecord): Generator<ParsedRow> {
    const names = record.fields.map((f) => f.trim());
    const known: ReadonlySet<string> = new Set(CSV_COLUMNS);
    const problems: string[] = [];
    if (record.error) problems.push(record.error);
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

// Where each schema path of a person ends up in the CSV, for pointing at the cell to fix.
const PERSON_PATHS: Readonly<Record<string, PersonColumn>> = {
  ref: 'ref',
  names: 'given',
  'names.given': 'given',
  'names.paternal': 'paternal',
  'names.maternal': 'maternal',
  birthDate: 'birthDate',
  sex: 'sex',
  legalStatus: 'legalStatus',
  identityVerification: 'identityVerificationMethod',
  'identityVerification.method': 'identityVerificationMethod',
  'identityVerification.date': 'identityVerificationDate',
  'identityVerification.by': 'identityVerifiedBy',
  removalOrder: 'removalOrderFinal',
  'removalOrder.final': 'removalOrderFinal',
  'removalOrder.date': 'removalOrderDate',
  'removalOrder.destination': 'removalOrderDestination',
  consent: 'consentVerifiedBy',
  'consent.verifiedBy': 'consentVerifiedBy',
  'consent.verifiedOn': 'consentVerifiedOn',
  dualCriminality: 'dualCriminality',
  notice: 'noticeServedOn',
  'notice.servedOn': 'noticeServedOn',
  'notice.counselNotified': 'noticeCounselNotified',
};

const CONVICTION_PATHS: Readonly<Record<string, ConvictionColumn>> = {
  id: 'convictionId',
  court: 'court',
  caseNumber: 'caseNumber',
  offense: 'offense',
  statute: 'statute',
  category: 'category',
  judgmentDate: 'judgmentDate',
  final: 'final',
  sentence: 'sentenceDays',
  'sentence.days': 'sentenceDays',
  'sentence.life': 'sentenceLife',
  'sentence.start': 'sentenceStart',
  'sentence.creditDays': 'creditDays',
  'sentence.consecutiveTo': 'consecutiveTo',
};

const LIST_COLUMNS: ReadonlySet<string> = new Set(Object.keys(LIST_FORMS));

function isListColumn(name: string): name is ListColumn {
  return LIST_COLUMNS.has(name);
}

/** Turns one person's CSV rows into the record shape, then validates it with the shared schema. */
class CsvPersonBuilder {
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
