import type { AgreementList } from '../../src/agreements/contract.ts';
import type { Session, SessionUser } from '../../src/auth/contract.ts';
import type { Problem as ServerProblem, Wire } from '../../src/core/contract.ts';
import type {
  PersonScreening,
  RecordedScreening,
  RuleEvaluationView,
  Screening,
  ScreeningRecorded,
} from '../../src/eligibility/contract.ts';
import {
  type Outcome,
  RULE_IDS,
  type RuleId,
  type RuleResult,
  SENDING_STATE_LAW,
} from '../../src/eligibility/policy.ts';
import type { Dashboard } from '../../src/oversight/contract.ts';
import type { PersonDetail, PersonListItem, PersonPage } from '../../src/people/contract.ts';
import type {
  HoldLifted,
  HoldRecorded,
  NewHold,
  ScreeningSummary,
  TransferActionBody,
  TransferBoard,
  TransferDetail as TransferDetailOut,
  TransferListItem,
  TransferState,
} from '../../src/transfers/contract.ts';
import type {
  ExceptionInput,
  IdentityCheckInput,
  ManifestList,
  ManifestState,
  ManifestView,
  NewManifest,
  ZonedTime,
} from '../../src/transfers/manifest-contract.ts';
import { HOLD_TYPES, type HoldType } from '../../src/transfers/reasons.ts';
import type {
  EntryStatus,
  ManifestExceptionKind,
  ManifestStatus,
  TransferAction,
  TransferStatus,
} from '../../src/transfers/states.ts';

/**
 * The HTTP API client. The session lives in an httpOnly cookie; the CSRF token the API returns with the
 * session is kept here and sent as `x-csrf-token` on every request that is not a GET. Errors arrive as
 * RFC 9457 problem+json and are thrown as `ApiError`; a 401 from any call except the session check and
 * the login itself also tells the app to show the sign-in page.
 *
 * Every request and response shape is the server's, imported from the features' HTTP contracts
 * (src/<feature>/contract.ts), in its wire form (`Wire`: an instant the server holds as a Date arrives
 * as an ISO 8601 string). The names below are the pages' names for them and for their parts.
 */

export type {
  AgreementList,
  Dashboard,
  EntryStatus,
  HoldType,
  ManifestExceptionKind,
  ManifestList,
  ManifestState,
  ManifestStatus,
  ManifestView,
  NewHold,
  NewManifest,
  Outcome,
  PersonDetail,
  PersonListItem,
  PersonPage,
  PersonScreening,
  RecordedScreening,
  RuleId,
  RuleResult,
  Screening,
  ScreeningRecorded,
  ScreeningSummary,
  Session,
  TransferAction,
  TransferActionBody,
  TransferBoard,
  TransferListItem,
  TransferState,
  TransferStatus,
  ZonedTime,
};
export { HOLD_TYPES, RULE_IDS, SENDING_STATE_LAW };

/** True when a form's value is a kind of legal hold. */
export function isHoldType(value: string): value is HoldType {
  return (HOLD_TYPES as readonly string[]).includes(value);
}

/** The signed-in user. */
export type User = SessionUser;

/** An agreement as the dashboard summarises it. */
export type AgreementSummary = Dashboard['agreements'][number];

/** A facility as the dashboard summarises it: its capacity figures against who it holds. */
export type FacilitySummary = Dashboard['facilities'][number];

/** One rule applied to one person: its result, why in English and Spanish, its source, the facts. */
export type RuleEvaluation = RuleEvaluationView;

/** `GET /api/v1/transfers/{id}`: the transfer, its person, timeline, screenings, manifest and custody. */
export type TransferDetail = Wire<TransferDetailOut>;

/** A legal hold as the transfer page lists it, `inForce` today. */
export type PersonHold = NonNullable<TransferDetail['person']>['holds'][number];

/** One step of a transfer's timeline, with the screening, hold, lift, manifest or court order it recorded. */
export type TransferHistoryItem = TransferDetail['history'][number];

/** A screening recorded against the transfer when the person's facts changed. */
export type TransferScreeningRecord = TransferDetail['screenings'][number];

/** A custody interval that this transfer's intake started, with its Rule 68 notifications. */
export type CustodyInterval = TransferDetail['custody'][number];

/** An action the current user's role may take on a transfer in its current state. */
export type AllowedAction = TransferDetail['allowedActions'][number];

/** An alarm of a manifest that arrived unreconciled, with the flight and who is unaccounted for. */
export type ManifestAlarmView = ManifestList['alarms'][number];

/** One entry of `GET /api/v1/manifests/{id}`: the person, the transfer's state and the holds in force. */
export type ManifestViewEntry = ManifestView['entries'][number];

/**
 * An RFC 9457 problem document as the client holds it: the server's problem, or as much of one as
 * arrived (nothing, when the server could not be reached).
 */
export type Problem = Partial<ServerProblem>;

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
    throw new ApiError(0, {});
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

/** The filters of the transfers board, as the page holds them (the query sends the states comma-separated). */
export interface TransferFilter {
  status?: readonly TransferStatus[];
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

/** Moves a transfer; the server checks the role, the reason and a fresh screening. */
export function actOnTransfer(id: string, body: TransferActionBody): Promise<TransferState> {
  return request<TransferState>('POST', `${transferPath(id)}/actions`, { body });
}

/** Records a legal hold (court, or sending_legal): every open pre-departure transfer goes on hold. */
export function recordHold(personId: string, hold: NewHold): Promise<HoldRecorded> {
  return request('POST', `${personPath(personId)}/holds`, { body: hold });
}

/** Lifts a legal hold on a date: the transfers it held return to screened. */
export function liftHold(personId: string, holdId: string, lifted: string): Promise<HoldLifted> {
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
  identity: IdentityCheckInput,
): Promise<ManifestState> {
  return request<ManifestState>('POST', `${entryPath(manifestId, transferId)}/receive`, { body: identity });
}

/** Accounts for one person by an explained exception instead of intake. */
export function recordException(
  manifestId: string,
  transferId: string,
  kind: ExceptionInput['kind'],
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
