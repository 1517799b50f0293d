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
  NewHold,
  ScreeningSummary,
  TransferActionBody,
  TransferBoard,
  TransferDetail as TransferDetailOut,
  TransferListItem,
  TransferState,
} from '../../src/transfers/contract.ts';
import type {
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

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
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
