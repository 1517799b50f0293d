import type { Outcome, RuleEvaluation, RuleId, RuleResult } from '../../src/eligibility/policy.ts';
import type { Person, PersonRecord } from '../../src/people/model.ts';

/**
 * The HTTP API client. The session lives in an httpOnly cookie; the CSRF token the API returns with the
 * session is kept here and sent as `x-csrf-token` on every request that is not a GET. Errors arrive as
 * RFC 9457 problem+json and are thrown as `ApiError`; a 401 from any call except the session check and
 * the login itself also tells the app to show the sign-in page.
 */

export type { Outcome, Person, PersonRecord, RuleEvaluation, RuleId, RuleResult };

export interface User {
  id: string;
  name: string;
  role: string;
}

export interface Session {
  user: User;
  csrfToken: string | null;
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
  const headers: Record<string, string> = { accept: 'application/json' };
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
