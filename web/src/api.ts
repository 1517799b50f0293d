import type { Action } from '../../src/auth/policy.ts';
import type { Outcome, RuleEvaluation, RuleId, RuleResult } from '../../src/eligibility/policy.ts';
import type { Person, PersonRecord } from '../../src/people/model.ts';
import type {
  EntryStatus,
  IdentityCheck,
  ManifestAlarm,
  ManifestAlarmView,
  ManifestEntry,
  ManifestExceptionKind,
  ManifestState,
  ManifestStatus,
  Reconciliation,
  ZonedTime,
} from '../../src/transfers/manifest.ts';
import type {
  LegalHoldRef,
  ScreeningSummary,
  TransferAction,
  TransferState,
  TransferStatus,
} from '../../src/transfers/model.ts';

/**
 * The HTTP API client. The session lives in an httpOnly cookie; the CSRF token the API returns with the
 * session is kept here and sent as `x-csrf-token` on every request that is not a GET. Errors arrive as
 * RFC 9457 problem+json and are thrown as `ApiError`; a 401 from any call except the session check and
 * the login itself also tells the app to show the sign-in page.
 */

export type {
  EntryStatus,
  IdentityCheck,
  LegalHoldRef,
  ManifestAlarm,
  ManifestAlarmView,
  ManifestEntry,
  ManifestExceptionKind,
  ManifestState,
  ManifestStatus,
  Outcome,
  Person,
  PersonRecord,
  Reconciliation,
  RuleEvaluation,
  RuleId,
  RuleResult,
  ScreeningSummary,
  TransferAction,
  TransferState,
  TransferStatus,
  ZonedTime,
};

export interface User {
  id: string;
  name: string;
  role: string;
}

export interface Session {
  user: User;
  csrfToken: string | null;
  /** The access policy's actions the user's role may take (`people:read`, `manifest:create`, …): the UI offers only those. */
  permissions: Action[];
}

export interface AgreementSummary {
  id: string;
  code: string;
  title: string;
  status: string;
  bedAllotment: number;
  people: number;
  effectiveFrom: string | null;
  sendingJurisdiction: string;
  receivingJurisdiction: string;
}

export interface FacilitySummary {
  id: string;
  code: string;
  name: string;
  timeZone: string;
  capacity: { operationalCapacity: number; bunks: number; workingCapacity: number; localOccupants: number };
  occupancy: { transferees: number; local: number; total: number };
}

export interface Checkpoint {
  size: number;
  rootHex: string;
  signedAt: string;
  note: string;
}

export interface Dashboard {
  agreements: AgreementSummary[];
  facilities: FacilitySummary[];
  /** Transfers by state; a state with none is absent. */
  transfers: Partial<Record<TransferStatus, number>>;
  /** Manifests that arrived and are not reconciled. */
  alarms: { manifests: ManifestAlarmView[] };
  ledger: { size: number; origin: string; verifierKey: string; checkpoint: Checkpoint | null };
}

/** One row of the people list. */
export type PersonListItem = Pick<
  Person,
  'id' | 'agreementId' | 'ref' | 'names' | 'birthDate' | 'sex' | 'nationalities' | 'legalStatus' | 'version'
>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The full person as `GET /api/v1/people/{id}` returns it. */
export interface PersonDetail extends Person {
  withdrawnReason: string | null;
}

/** A screening computed by the engine: the outcome and every rule's evaluation, in the policy's order. */
export interface Screening {
  policy: string;
  asOf: string;
  ref: string;
  outcome: Outcome;
  rules: RuleEvaluation[];
  /** Hex SHA-256 of the canonical JSON of the person, the policy and the date. */
  inputsHash: string;
}

/** A screening as stored in the ledger and listed as a person's last recorded one. */
export interface RecordedScreening {
  id: string;
  policy: string;
  policyVersion: number;
  asOf: string;
  outcome: Outcome;
  rules: RuleEvaluation[];
  inputsHash: string;
  personVersion: number;
  recordedAt: string;
  actor: string;
}

/** `GET /api/v1/people/{id}/screening`: the screening as of a date, computed now, and the last recorded one. */
export interface PersonScreening {
  personId: string;
  personVersion: number;
  policyVersion: number;
  policy: string;
  asOf: string;
  current: Screening;
  lastRecorded: RecordedScreening | null;
}

/** `POST /api/v1/screenings`: the screening recorded in the ledger. */
export interface ScreeningRecorded {
  screeningId: string;
  personId: string;
  agreementId: string;
  ref: string;
  policyId: string;
  policyVersion: number;
  asOf: string;
  outcome: Outcome;
  rules: RuleEvaluation[];
  inputsHash: string;
  personVersion: number;
}

/** A label in both languages of the UI, as the API gives it for reason codes and rule reasons. */
export interface BilingualLabel {
  en: string;
  es: string;
}

/** A row of the transfers board (`GET /api/v1/transfers`). */
export interface TransferListItem {
  transferId: string;
  personId: string;
  ref: string;
  name: string;
  nationalities: string[];
  agreementId: string;
  status: TransferStatus;
  /** The number of legal holds keeping it on hold. */
  holds: number;
  lastScreening: ScreeningSummary | null;
  manifestId: string | null;
  updatedAt: string;
}

/** `GET /api/v1/transfers`: the counts by state (under the agreement, before the other filters) and the rows. */
export interface TransferBoard {
  counts: Partial<Record<TransferStatus, number>>;
  transfers: TransferListItem[];
}

/** A legal hold as the transfer page lists it. */
export interface PersonHold {
  holdId: string;
  type: string;
  court: string;
  case: string;
  issued: string;
  lifted: string | null;
  /** In force today. */
  inForce: boolean;
}

/** One step of a transfer's timeline, as the ledger projection stores it. */
export interface TransferHistoryItem {
  version: number;
  action: TransferAction;
  fromStatus: TransferStatus | null;
  toStatus: TransferStatus;
  actor: string;
  role: string;
  reasonCode: string | null;
  at: string;
  details: {
    screening?: ScreeningSummary;
    hold?: LegalHoldRef;
    lift?: { holdId: string; lifted: string };
    manifestId?: string;
    courtOrder?: { court: string; case: string };
    [key: string]: unknown;
  };
}

/** A screening recorded against the transfer when the person's facts changed. */
export interface TransferScreeningRecord {
  id: string;
  asOf: string;
  outcome: Outcome;
  rules: RuleEvaluation[];
  policyId: string;
  policyVersion: number;
  inputsHash: string;
  personVersion: number;
  recordedAt: string;
  actor: string;
  /** Why it was made, e.g. `notice_recorded`; null when asked for directly. */
  reason: string | null;
}

/** A custody interval that this transfer's intake started, with its Rule 68 notification. */
export interface CustodyInterval {
  id: string;
  facilityId: string;
  facilityName: string;
  timeZone: string;
  transferId: string;
  manifestId: string | null;
  startedAt: string;
  endedAt: string | null;
  releaseReason: string | null;
  notifications: {
    id: string;
    rule: string;
    source: string;
    recipients: string[];
    dueAt: string;
    fulfilledAt: string | null;
  }[];
}

/** An action the current user's role may take on a transfer in its current state. */
export interface AllowedAction {
  action: TransferAction;
  /** `transfer`: POST …/actions; `manifest`: on a transport manifest; `holds`: the person's legal holds. */
  via: 'transfer' | 'manifest' | 'holds';
  reason: string | null;
  reasonCodes: { code: string; label: BilingualLabel }[];
  screening: 'none' | 'fresh' | 'fresh_eligible';
}

/** `GET /api/v1/transfers/{id}`: the transfer, its person, timeline, screenings, manifest and custody. */
export interface TransferDetail extends TransferState {
  person: {
    id: string;
    ref: string;
    name: string;
    nationalities: string[];
    legalStatus: string;
    holds: PersonHold[];
    notice: Person['notice'];
    consent: Person['consent'];
    identityVerification: Person['identityVerification'];
  } | null;
  history: TransferHistoryItem[];
  screenings: TransferScreeningRecord[];
  manifestId: string | null;
  custody: CustodyInterval[];
  allowedActions: AllowedAction[];
}

/** A row of `GET /api/v1/manifests`: the manifest without its entries, with counts. */
export type ManifestSummary = Omit<ManifestState, 'entries'> & {
  people: number;
  reconciliation: Reconciliation;
};

/** `GET /api/v1/manifests`. */
export interface ManifestList {
  manifests: ManifestSummary[];
  alarms: ManifestAlarmView[];
}

/** One entry of `GET /api/v1/manifests/{id}`: the person, the transfer's state and the holds in force. */
export interface ManifestViewEntry extends ManifestEntry {
  person: { id: string; ref: string; name: string; nationalities: string[] } | null;
  transferStatus: TransferStatus | null;
  activeHolds: LegalHoldRef[];
}

/** `GET /api/v1/manifests/{id}`: the manifest with its checklists, reconciliation and alarm. */
export interface ManifestView extends Omit<ManifestState, 'entries'> {
  facility: { id: string; code: string; name: string; timeZone: string } | null;
  entries: ManifestViewEntry[];
  reconciliation: Reconciliation;
  alarm: ManifestAlarm | null;
}

/** What creating a manifest needs; `facilityId` may be a facility code such as `SV-CECOT`. */
export interface NewManifest {
  facilityId: string;
  carrier: string;
  flightNumber: string;
  origin: string;
  destination: string;
  scheduledDeparture: ZonedTime;
  scheduledArrival: ZonedTime;
}

/** An RFC 9457 problem document. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  issues?: { field: string; message: string }[];
}

/** A failed API call: the HTTP status (0 when the server could not be reached) and the problem document. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

let csrfToken: string | null = null;
let language = 'en';

/** The page's language, sent as `Accept-Language` so the server's refusals come back in it. */
export function setApiLanguage(lang: string): void {
  language = lang;
}
let onUnauthorized: () => void = () => {};

/** Registers what to do when a call finds the session gone (the app shows the sign-in page). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
  /** When false, a 401 is only thrown, not reported to the app (session check, login). */
  reportUnauthorized?: boolean;
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, { code: 'network_error' });
  }
  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const problem: Problem = body && typeof body === 'object' ? (body as Problem) : {};
    if (response.status === 401 && options.reportUnauthorized !== false) {
      csrfToken = null;
      onUnauthorized();
    }
    throw new ApiError(response.status, problem);
  }
  return body as T;
}

function remember(session: Session): Session {
  csrfToken = session.csrfToken;
  return session;
}

/** The current session, or null when there is none (401). */
export async function getSession(): Promise<Session | null> {
  try {
    return remember(await request<Session>('GET', '/api/v1/auth/session', { reportUnauthorized: false }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** Signs in; throws an ApiError whose problem `detail` says why it failed. */
export async function login(name: string, password: string): Promise<Session> {
  return remember(
    await request<Session>('POST', '/api/v1/auth/login', {
      body: { name, password },
      reportUnauthorized: false,
    }),
  );
}

/** Signs out and forgets the CSRF token. */
export async function logout(): Promise<void> {
  try {
    await request<void>('POST', '/api/v1/auth/logout', { reportUnauthorized: false });
  } finally {
    csrfToken = null;
  }
}

/** A GET of any API path, with the app's error handling. */
export function get<T>(path: string, signal?: AbortSignal): Promise<T> {
  return request<T>('GET', path, signal ? { signal } : {});
}

/**
 * A POST (or PATCH) of any API path with a JSON body, with the session's CSRF token and the app's error
 * handling: the call every form's write goes through.
 */
export function send<T>(method: 'POST' | 'PATCH', path: string, body: unknown = {}): Promise<T> {
  return request<T>(method, path, { body });
}

/** The path of the people list for an agreement, a search and a cursor. */
export function peoplePath(agreement: string, q: string, cursor: string | null, limit = 25): string {
  const query = new URLSearchParams({ agreement, limit: String(limit) });
  if (q) query.set('q', q);
  if (cursor) query.set('cursor', cursor);
  return `/api/v1/people?${query}`;
}

/** The path of one person. */
export function personPath(id: string): string {
  return `/api/v1/people/${encodeURIComponent(id)}`;
}

/** The path of a person's screening as of a date (YYYY-MM-DD). */
export function screeningPath(id: string, asOf: string): string {
  return `${personPath(id)}/screening?${new URLSearchParams({ asOf })}`;
}

/** Screens a person as of a date and records the screening in the ledger (201). */
export function recordScreening(personId: string, asOf: string): Promise<ScreeningRecorded> {
  return request<ScreeningRecorded>('POST', '/api/v1/screenings', { body: { personId, asOf } });
}

/** The filters of the transfers board. */
export interface TransferFilter {
  status?: readonly string[];
  nationality?: string;
  q?: string;
  agreementId?: string;
  limit?: number;
}

/** The path of the transfers board for a filter. */
export function transfersPath(filter: TransferFilter = {}): string {
  const query = new URLSearchParams();
  if (filter.status && filter.status.length > 0) query.set('status', filter.status.join(','));
  if (filter.nationality) query.set('nationality', filter.nationality);
  if (filter.q) query.set('q', filter.q);
  if (filter.agreementId) query.set('agreementId', filter.agreementId);
  query.set('limit', String(filter.limit ?? 1000));
  return `/api/v1/transfers?${query}`;
}

/** The path of one transfer. */
export function transferPath(id: string): string {
  return `/api/v1/transfers/${encodeURIComponent(id)}`;
}

/** Nominates a person for transfer under an agreement (sending_officer). */
export function nominate(personId: string, agreementId: string): Promise<TransferState> {
  return request<TransferState>('POST', '/api/v1/transfers', { body: { personId, agreementId } });
}

/** A transfer action from the transfer page; reject and cancel need a reason code, a return its court order. */
export type TransferActionBody =
  | { action: 'screen' | 'approve' | 'accept' }
  | { action: 'reject' | 'cancel'; reasonCode: string }
  | { action: 'order_return'; courtOrder: { court: string; case: string } };

/** Moves a transfer; the server checks the role, the reason and a fresh screening. */
export function actOnTransfer(id: string, body: TransferActionBody): Promise<TransferState> {
  return request<TransferState>('POST', `${transferPath(id)}/actions`, { body });
}

/** A new legal hold on a person. */
export interface NewHold {
  type: string;
  court: string;
  case: string;
  /** YYYY-MM-DD */
  issued: string;
}

/** Records a legal hold (court, or sending_legal): every open pre-departure transfer goes on hold. */
export function recordHold(
  personId: string,
  hold: NewHold,
): Promise<{ holdId: string; transfersHeld: string[] }> {
  return request('POST', `${personPath(personId)}/holds`, { body: hold });
}

/** Lifts a legal hold on a date: the transfers it held return to screened. */
export function liftHold(
  personId: string,
  holdId: string,
  lifted: string,
): Promise<{ transfersReleased: string[] }> {
  return request('POST', `${personPath(personId)}/holds/lift`, { body: { holdId, lifted } });
}

/** The path of the manifests list, optionally of one status. */
export function manifestsPath(status?: string | null): string {
  return status ? `/api/v1/manifests?${new URLSearchParams({ status })}` : '/api/v1/manifests';
}

/** The path of one manifest. */
export function manifestPath(id: string): string {
  return `/api/v1/manifests/${encodeURIComponent(id)}`;
}

/** Creates a manifest (sending_officer). */
export function createManifest(manifest: NewManifest): Promise<ManifestState> {
  return request<ManifestState>('POST', '/api/v1/manifests', { body: manifest });
}

/** Adds a transfer to an open manifest; an accepted transfer is scheduled onto it. */
export function addToManifest(manifestId: string, transferId: string): Promise<ManifestState> {
  return request<ManifestState>('POST', `${manifestPath(manifestId)}/transfers`, { body: { transferId } });
}

function entryPath(manifestId: string, transferId: string): string {
  return `${manifestPath(manifestId)}/transfers/${encodeURIComponent(transferId)}`;
}

/** Removes an entry that has not boarded. */
export function removeFromManifest(manifestId: string, transferId: string): Promise<ManifestState> {
  return request<ManifestState>('DELETE', entryPath(manifestId, transferId));
}

/** Confirms one person boarded; refused under an active hold or without an eligible screening now. */
export function board(manifestId: string, transferId: string): Promise<ManifestState> {
  return request<ManifestState>('POST', `${entryPath(manifestId, transferId)}/board`);
}

/** Records the departure now. */
export function depart(manifestId: string): Promise<ManifestState> {
  return request<ManifestState>('POST', `${manifestPath(manifestId)}/depart`, { body: {} });
}

/** Records the arrival now. */
export function arrive(manifestId: string): Promise<ManifestState> {
  return request<ManifestState>('POST', `${manifestPath(manifestId)}/arrive`, { body: {} });
}

/** Confirms one person's intake with an identity check. */
export function receive(
  manifestId: string,
  transferId: string,
  identity: Omit<IdentityCheck, 'checkedBy'>,
): Promise<ManifestState> {
  return request<ManifestState>('POST', `${entryPath(manifestId, transferId)}/receive`, { body: identity });
}

/** Accounts for one person by an explained exception instead of intake. */
export function recordException(
  manifestId: string,
  transferId: string,
  kind: ManifestExceptionKind,
  explanation: string,
): Promise<ManifestState> {
  return request<ManifestState>('POST', `${entryPath(manifestId, transferId)}/exception`, {
    body: { kind, explanation },
  });
}

/** Closes a reconciled manifest; refused while anyone who boarded is unaccounted for. */
export function closeManifest(manifestId: string): Promise<ManifestState> {
  return request<ManifestState>('POST', `${manifestPath(manifestId)}/close`);
}
