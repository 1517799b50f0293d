import type { AgreementList } from '../../../src/agreements/contract.ts';
import type { Wire } from '../../../src/core/contract.ts';
import type {
  ComplianceReport,
  DeathNoticeInput,
  HeadcountRecorded,
  IncidentDetail as IncidentDetailOut,
  IncidentList as IncidentListOut,
  IncidentReported,
  NewIncident,
  RecordExtent,
  RegimeLog,
  RegimeReport,
} from '../../../src/custody/contract.ts';
import {
  DEATH_NOTIFICATIONS,
  DEATH_PARTIES as DEATH_PARTY_ORDER,
  type DeathParty,
  HEADCOUNT_MAX,
  INCIDENT_KINDS,
  INCIDENT_STATUSES,
  INCIDENT_TRANSITIONS,
  type IncidentKind,
  type IncidentStatus,
} from '../../../src/custody/incident-kinds.ts';
import {
  REGIME_CSV_COLUMNS,
  REGIME_MAX_ENTRIES,
  REGIME_NUMBER_BOUNDS,
  type RegimeColumn,
  regimeCsvValue,
  splitCsvLine,
} from '../../../src/custody/regime-csv.ts';
import type { FacilityDetail } from '../../../src/facilities/contract.ts';
import type { PersonDetail, PersonListItem, PersonPage } from '../../../src/people/contract.ts';
import { ApiError, get, send } from '../api.ts';
import type { Lang } from '../i18n.ts';
import { peoplePath } from '../people/api.ts';

/**
 * The API calls of the regime log, incident and compliance pages. Their shapes are the custody contract's
 * (src/custody/contract.ts) in their wire form, and their value lists the server's own pure modules
 * (incident-kinds.ts, regime-csv.ts). The writes go through api.ts's `send`: the session's CSRF token,
 * RFC 9457 problems thrown as `ApiError`, and a 401 that shows the sign-in page.
 */

export type {
  ComplianceReport,
  DeathParty,
  FacilityDetail,
  HeadcountRecorded,
  IncidentKind,
  IncidentReported,
  IncidentStatus,
  NewIncident,
  PersonListItem,
  PersonPage,
  RecordExtent,
  RegimeColumn,
  RegimeLog,
  RegimeReport,
};
export {
  HEADCOUNT_MAX,
  INCIDENT_KINDS,
  INCIDENT_STATUSES,
  INCIDENT_TRANSITIONS,
  REGIME_MAX_ENTRIES,
  REGIME_NUMBER_BOUNDS,
};

/** True when a value is an incident status. */
export function isIncidentStatus(value: string | null): value is IncidentStatus {
  return (INCIDENT_STATUSES as readonly (string | null)[]).includes(value);
}

/** The parties a death in custody must be reported to, each with the hours allowed (Rules 69, 71). */
export const DEATH_PARTIES = DEATH_PARTY_ORDER.map((party) => ({ party, ...DEATH_NOTIFICATIONS[party] }));

/** The CSV columns of `custodia regime import`, in order (the server's list). */
export const REGIME_COLUMNS = REGIME_CSV_COLUMNS;

/** One entry of the regime log as `GET /api/v1/facilities/{id}/regime` lists it. */
export type RegimeLogEntry = RegimeLog['entries'][number];

/** A field the server found wrong in one entry; `line` is the entry's index in the batch + 1. */
export type EntryIssue = RegimeReport['rejected'][number]['issues'][number];

/** One rule's findings over the period of a compliance report. */
export type RuleReport = ComplianceReport['rules'][number];

/** One finding: a rule not met by a cell or a person on a day. */
export type Finding = ComplianceReport['findings'][number];

/** `GET /api/v1/facilities/{id}/incidents`: the incidents, newest first, with the person's ref and cell code. */
export type IncidentList = Wire<IncidentListOut>;

/** `GET /api/v1/incidents/{id}`: the incident and its history, oldest first. */
export type IncidentDetail = Wire<IncidentDetailOut>;

/** One step of an incident's history, oldest first. */
export type IncidentHistoryItem = IncidentDetail['history'][number];

/** The person an incident names, as much as these pages show of them. */
export type PersonBrief = Pick<PersonDetail, 'id' | 'ref' | 'names'>;

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

/** The download of a compliance report as CSV, or as a PDF in the page's language. */
export function complianceExportPath(
  facility: string,
  from: string,
  to: string,
  format: 'csv' | 'pdf',
  lang: Lang,
): string {
  const query = new URLSearchParams(format === 'pdf' ? { from, to, format, lang } : { from, to, format });
  return `${facilityBase(facility)}/compliance/export?${query}`;
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

/** The path of a facility's record extent: the first and last recorded day of each kind of record. */
export function recordExtentPath(facility: string): string {
  return `${facilityBase(facility)}/records`;
}

/** The path of the agreements (each names the facilities it places people in). */
export const AGREEMENTS_PATH = '/api/v1/agreements?limit=100';

/** `GET /api/v1/agreements`. */
export type { AgreementList };

/** A person's name in full: given names, then surnames. */
export function personName(names: { given: string; paternal: string; maternal?: string | null }): string {
  return [names.given, names.paternal, names.maternal].filter(Boolean).join(' ');
}

/** The people of these agreements whose name, ref, alias or identifier matches `q`, at most 10 of each. */
export async function findPeople(
  agreements: readonly string[],
  q: string,
  signal?: AbortSignal,
): Promise<PersonListItem[]> {
  const pages = await Promise.all(
    agreements.map((agreement) => get<PersonPage>(peoplePath(agreement, q, null, 10), signal)),
  );
  return pages.flatMap((page) => page.items);
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
export function recordDeathNotice(id: string, notice: DeathNoticeInput): Promise<IncidentDetail> {
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
    const entry = Object.fromEntries(header.map((h, j) => [h, regimeCsvValue(h, fields[j] ?? '')]));
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
