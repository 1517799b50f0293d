import type {
  ComplianceReport as ComplianceReportModel,
  Finding,
  RuleReport,
  Severity,
  StandardId,
} from '../../src/custody/compliance.ts';
import type { DeathParty, IncidentKind, IncidentStatus } from '../../src/custody/incidents.ts';
import type { REGIME_CSV_COLUMNS, RegimeEntry } from '../../src/custody/regime.ts';
import { ApiError, send } from './api.ts';

/**
 * The API calls of the regime log, incident and compliance pages. Their types come from the server's
 * pure modules (type-only imports, as api.ts does). The writes go through api.ts's `send`: the session's
 * CSRF token, RFC 9457 problems thrown as `ApiError`, and a 401 that shows the sign-in page.
 */

export type { DeathParty, Finding, IncidentKind, IncidentStatus, RuleReport, Severity, StandardId };

/** The incident kinds of DOMAIN.md, in its order (the compiler checks the list against the server's). */
export const INCIDENT_KINDS = [
  'assault',
  'self_harm',
  'death_in_custody',
  'use_of_force',
  'escape',
  'release_in_error',
  'headcount_discrepancy',
  'food_refusal',
  'missing_after_transport',
] as const satisfies readonly IncidentKind[];

/** The incident statuses, in workflow order. */
export const INCIDENT_STATUSES = [
  'open',
  'under_review',
  'closed',
  'reopened',
] as const satisfies readonly IncidentStatus[];

// The compiler refuses these lines when the server adds a kind or a status the lists above lack.
const _everyKind: [Exclude<IncidentKind, (typeof INCIDENT_KINDS)[number]>] extends [never] ? true : never =
  true;
const _everyStatus: [Exclude<IncidentStatus, (typeof INCIDENT_STATUSES)[number]>] extends [never]
  ? true
  : never = true;
void _everyKind;
void _everyStatus;

/** The workflow `open → under_review → closed | reopened`: which status each may move to. */
export const INCIDENT_TRANSITIONS: Readonly<Record<IncidentStatus, readonly IncidentStatus[]>> = {
  open: ['under_review'],
  under_review: ['closed'],
  closed: ['reopened'],
  reopened: ['under_review'],
};

/** The parties a death in custody must be reported to, the rule and the hours allowed (Rules 69, 71). */
export const DEATH_PARTIES = [
  { party: 'next_of_kin', rule: 69, dueHours: 24 },
  { party: 'independent_authority', rule: 71, dueHours: 24 },
] as const satisfies readonly { party: DeathParty; rule: number; dueHours: number }[];

/** The CSV columns of `custodia regime import`, in order (checked against the server's list). */
export const REGIME_COLUMNS: typeof REGIME_CSV_COLUMNS = [
  'cell',
  'date',
  'minutesOutOfCell',
  'outdoorExerciseMinutes',
  'nightLightHours',
  'beddingProvided',
  'drinkingWaterLitresPerPerson',
  'mealsServed',
  'familyContacts',
  'legalVisits',
  'consularVisits',
  'restraintsOutsideTransport',
  'note',
];
export type RegimeColumn = (typeof REGIME_CSV_COLUMNS)[number];

/** The most entries one POST of the regime log takes (the route's limit). */
export const REGIME_MAX_ENTRIES = 20_000;

/** One entry of the regime log as `GET /api/v1/facilities/{id}/regime` lists it. */
export type RegimeLogEntry = RegimeEntry & { cellId: string; version: number };

/** `GET /api/v1/facilities/{id}/regime`. */
export interface RegimeLog {
  facility: string;
  from: string;
  to: string;
  entries: RegimeLogEntry[];
}

/** A field the server found wrong in one entry; `line` is the entry's index in the batch + 1. */
export interface EntryIssue {
  field: string;
  message: string;
  line?: number;
}

/** What recording a batch of regime entries did (201, or 422 when some were rejected). */
export interface RegimeReport {
  facility: string;
  rows: number;
  recorded: number;
  rejected: { line: number; issues: EntryIssue[] }[];
  rolledBack: boolean;
}

/** `GET /api/v1/facilities/{id}/compliance`. */
export type ComplianceReport = ComplianceReportModel & { facility: string };

/** The facility as `GET /api/v1/facilities/{id}` gives it; only what these pages read. */
export interface FacilityDetail {
  id: string;
  code: string;
  name: string;
  timeZone: string;
  cells: { id: string; code: string; module: string; status: string }[];
}

/** A row of `GET /api/v1/facilities/{id}/incidents` (the read table's columns). */
export interface IncidentRow {
  id: string;
  facility_id: string;
  kind: IncidentKind;
  person_id: string | null;
  cell_id: string | null;
  occurred_at: string;
  description: string;
  status: IncidentStatus;
  reported_at: string;
  reported_by: string;
  next_of_kin_notified_at: string | null;
  next_of_kin_recipient: string | null;
  authority_notified_at: string | null;
  authority_recipient: string | null;
  updated_at: string;
}

/** `GET /api/v1/facilities/{id}/incidents`: the incidents, newest first, with the person's ref and cell code. */
export interface IncidentList {
  facility: string;
  incidents: (IncidentRow & { person_ref: string | null; cell_code: string | null })[];
}

/** One step of an incident's history, oldest first. */
export interface IncidentHistoryItem {
  incident_id: string;
  seq: number;
  at: string;
  /** `reported`, `status`, `notified_next_of_kin` or `notified_independent_authority`. */
  action: string;
  from_status: IncidentStatus | null;
  to_status: IncidentStatus | null;
  note: string;
  actor: string;
}

/** `GET /api/v1/incidents/{id}`. */
export interface IncidentDetail extends IncidentRow {
  history: IncidentHistoryItem[];
}

/** What reporting an incident recorded. */
export interface IncidentReported {
  incidentId: string;
  facilityId: string;
  kind: IncidentKind;
  personId: string | null;
  cellId: string | null;
  occurredAt: string;
  description: string;
  at: string;
}

/** What a headcount recorded; `incidentId` is the discrepancy incident it raised, if any. */
export interface HeadcountRecorded {
  headcountId: string;
  facilityId: string;
  countedAt: string;
  counted: number;
  expected: number;
  incidentId: string | null;
}

/** The person an incident names, as much as these pages show of them. */
export interface PersonBrief {
  id: string;
  ref: string;
  names: { given: string; paternal: string; maternal?: string | null };
}

const facilityBase = (id: string) => `/api/v1/facilities/${encodeURIComponent(id)}`;

/** The path of one facility. */
export function facilityPath(id: string): string {
  return facilityBase(id);
}

/** The path of a facility's regime log between two dates. */
export function regimePath(facility: string, from: string, to: string): string {
  return `${facilityBase(facility)}/regime?${new URLSearchParams({ from, to })}`;
}

/** The path of a facility's compliance report for a period. */
export function compliancePath(facility: string, from: string, to: string): string {
  return `${facilityBase(facility)}/compliance?${new URLSearchParams({ from, to })}`;
}

/** The download of a compliance report as CSV or PDF. */
export function complianceExportPath(facility: string, from: string, to: string, format: 'csv' | 'pdf') {
  return `${facilityBase(facility)}/compliance/export?${new URLSearchParams({ from, to, format })}`;
}

/** The path of a facility's incidents, optionally of one status. */
export function incidentsPath(facility: string, status?: IncidentStatus | null): string {
  const path = `${facilityBase(facility)}/incidents`;
  return status ? `${path}?${new URLSearchParams({ status })}` : path;
}

/** The path of one incident. */
export function incidentPath(id: string): string {
  return `/api/v1/incidents/${encodeURIComponent(id)}`;
}

/** The path of one person. */
export function personBriefPath(id: string): string {
  return `/api/v1/people/${encodeURIComponent(id)}`;
}

/** True when a refusal's body is a regime report (422: some entries refused) rather than a problem. */
function isRegimeReport(body: unknown): body is RegimeReport {
  return typeof body === 'object' && body !== null && Array.isArray((body as Partial<RegimeReport>).rejected);
}

/**
 * Records regime log entries (receiving custody). The server validates each entry with the same schema as
 * `custodia regime import` and answers with what it recorded and, per entry, what was wrong: 201, or 422
 * when some were refused, whose body is the same report.
 */
export async function recordRegime(
  facility: string,
  entries: readonly Record<string, unknown>[],
  allOrNothing: boolean,
): Promise<RegimeReport> {
  try {
    return await send<RegimeReport>('POST', `${facilityBase(facility)}/regime`, { entries, allOrNothing });
  } catch (error) {
    if (error instanceof ApiError && error.status === 422 && isRegimeReport(error.problem))
      return error.problem;
    throw error;
  }
}

/** A new incident; `cell` is a cell code, `occurredAt` an ISO instant with offset. */
export interface NewIncident {
  kind: IncidentKind;
  description: string;
  personId?: string;
  cell?: string;
  occurredAt?: string;
}

/** Reports an incident at a facility (receiving custody). */
export function reportIncident(facility: string, incident: NewIncident): Promise<IncidentReported> {
  return send<IncidentReported>('POST', `${facilityBase(facility)}/incidents`, incident);
}

/** Records a headcount; a discrepancy is reported as an incident in the same transaction. */
export function recordHeadcount(facility: string, counted: number): Promise<HeadcountRecorded> {
  return send<HeadcountRecorded>('POST', `${facilityBase(facility)}/headcounts`, { counted });
}

/** Moves an incident along its workflow with a note. */
export function changeIncidentStatus(id: string, to: IncidentStatus, note: string): Promise<IncidentDetail> {
  return send<IncidentDetail>('POST', `${incidentPath(id)}/status`, { to, note });
}

/** Records that next of kin (Rule 69) or the independent authority (Rule 71) was told of a death. */
export function recordDeathNotice(
  id: string,
  notice: { party: DeathParty; recipient: string; notifiedAt?: string },
): Promise<IncidentDetail> {
  return send<IncidentDetail>('POST', `${incidentPath(id)}/death-notifications`, notice);
}

/** A calendar date `YYYY-MM-DD` moved by `days`. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The dates from `from` to `to`, inclusive. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let d = from; d <= to && dates.length <= 3660; d = addDays(d, 1)) dates.push(d);
  return dates;
}

/** True for a real calendar date `YYYY-MM-DD`. */
export function isIsoDate(value: string | null): value is string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * A problem the browser finds in a regime CSV before anything is sent: the line (1 is the header), the
 * field (`(header)`, `(line)` or a column) and a message code with its parameters, which the page words
 * as `regime.upload.<code>`.
 */
export interface CsvIssue {
  line: number;
  field: string;
  code:
    | 'unknownColumns'
    | 'missingColumn'
    | 'repeatedColumns'
    | 'unclosedQuote'
    | 'columnCount'
    | 'duplicate';
  params: Record<string, string | number>;
}

/** Splits one CSV line as the server does: commas separate, double quotes enclose, `""` is a quote. */
function splitCsvLine(text: string): { fields: string[]; unclosed: boolean } {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return { fields, unclosed: quoted };
}

const BOOLEAN_COLUMNS = new Set<string>(['beddingProvided', 'restraintsOutsideTransport']);
const TEXT_COLUMNS = new Set<string>(['cell', 'date', 'note']);

/** A value as `custodia regime import` reads it: empty is "not measured", yes/no are booleans. */
function csvValue(column: string, raw: string): unknown {
  const text = raw.trim();
  if (TEXT_COLUMNS.has(column)) return text === '' && column === 'note' ? null : text;
  if (text === '') return null;
  if (BOOLEAN_COLUMNS.has(column)) {
    if (/^(true|yes|1)$/i.test(text)) return true;
    if (/^(false|no|0)$/i.test(text)) return false;
    return text;
  }
  const n = Number(text);
  return Number.isFinite(n) ? n : text;
}

/**
 * Reads a regime CSV as the server's `parseRegimeCsv` does (src/custody/regime.ts): a header naming the
 * columns (any order; `cell` and `date` required; unknown or repeated columns refused), then one entry per
 * line, an empty value being "not measured". A line that does not split into the header's columns is
 * refused here, and so is a cell and day given twice (the server sees only one request at a time). Every
 * other check is the server's: the entries go to `recordRegime`, which validates each with the schema.
 */
export function parseRegimeCsv(text: string): {
  headerIssues: CsvIssue[];
  entries: { line: number; entry: Record<string, unknown> }[];
  issues: CsvIssue[];
} {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? '').fields.map((h) => h.trim());
  const known = new Set<string>(REGIME_COLUMNS);
  const headerIssues: CsvIssue[] = [];
  const atHeader = (code: CsvIssue['code'], params: CsvIssue['params']): CsvIssue => ({
    line: 1,
    field: '(header)',
    code,
    params,
  });
  const unknown = header.filter((h) => !known.has(h));
  if (unknown.length > 0) headerIssues.push(atHeader('unknownColumns', { columns: unknown.join(', ') }));
  for (const column of ['cell', 'date']) {
    if (!header.includes(column)) headerIssues.push(atHeader('missingColumn', { column }));
  }
  const twice = header.filter((h, i) => header.indexOf(h) !== i);
  if (twice.length > 0) headerIssues.push(atHeader('repeatedColumns', { columns: twice.join(', ') }));
  if (headerIssues.length > 0) return { headerIssues, entries: [], issues: [] };

  const entries: { line: number; entry: Record<string, unknown> }[] = [];
  const issues: CsvIssue[] = [];
  const seen = new Map<string, number>();
  for (let i = 1; i < lines.length; i++) {
    const line = i + 1;
    const raw = lines[i] ?? '';
    if (raw.trim() === '') continue;
    const { fields, unclosed } = splitCsvLine(raw);
    if (unclosed) {
      issues.push({ line, field: '(line)', code: 'unclosedQuote', params: {} });
      continue;
    }
    if (fields.length !== header.length) {
      issues.push({
        line,
        field: '(line)',
        code: 'columnCount',
        params: { n: fields.length, header: header.length },
      });
      continue;
    }
    const entry = Object.fromEntries(header.map((h, j) => [h, csvValue(h, fields[j] ?? '')]));
    const cell = String(entry.cell);
    const date = String(entry.date);
    const first = seen.get(`${cell}|${date}`);
    if (first !== undefined) {
      issues.push({ line, field: 'date', code: 'duplicate', params: { cell, date, first } });
      continue;
    }
    seen.set(`${cell}|${date}`, line);
    entries.push({ line, entry });
  }
  return { headerIssues: [], entries, issues };
}
