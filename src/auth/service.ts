import { createHash, randomBytes } from 'node:crypto';
import type { AppContext } from '../context.js';
import { DomainError, invalidInput } from '../core/errors.js';
import { afterEveryWrite } from '../db/database.js';
import type { Actor } from '../ledger/events.js';
import { transact } from '../ledger/transact.js';
import { decideUserParties, type Party } from '../parties/model.js';
import { findParty } from '../parties/store.js';
import {
  type ApiTokenIssued,
  isRole,
  PASSWORD_LENGTH,
  passwordSchema,
  ROLES,
  TOKEN_DAYS,
  USER_EVENTS,
  type UserPartyJoined,
  type UserRegistered,
  userNameSchema,
} from './model.js';
import { hashPassword, verifyPassword } from './password.js';
import { type ActorParties, authorize, NO_PARTIES } from './policy.js';
import * as store from './store.js';

/** A signed-in user as the HTTP layer sees them. */
export interface SessionUser {
  id: string;
  name: string;
  role: string;
  /** The parties the user acts for (their scope); loaded with every session and token. */
  parties?: ActorParties;
  /** True while the user signs in with a one-time password: every route but setting a new one is refused. */
  mustChangePassword?: boolean;
}

/** The actor recorded in the ledger for a user. */
export function actorFor(user: SessionUser): Actor {
  return { id: `user:${user.name}`, role: user.role, userId: user.id, parties: user.parties ?? NO_PARTIES };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Refuses a password shorter or longer than PASSWORD_LENGTH allows (400, naming the bound). */
export function checkPasswordLength(password: string): void {
  if (passwordSchema.safeParse(password).success) return;
  throw password.length < PASSWORD_LENGTH.min
    ? invalidInput('auth.password_too_short', { min: PASSWORD_LENGTH.min })
    : invalidInput('auth.password_too_long', { max: PASSWORD_LENGTH.max });
}

/**
 * Creates a user with a role, the parties they act for (by code: a court user may name several courts;
 * counsel, court and family users must name one) and a scrypt-hashed password.
 */
export async function createUser(
  ctx: AppContext,
  actor: Actor,
  input: {
    name: string;
    role: string;
    password: string;
    parties?: readonly string[];
    /** True for a password generated for the admin to hand over: it opens one session, to set a new one. */
    oneTime?: boolean;
  },
): Promise<SessionUser & { partyCodes: string[] }> {
  authorize(actor, 'users:manage');
  if (!userNameSchema.safeParse(input.name).success) {
    throw invalidInput('auth.user_name_invalid', { name: input.name });
  }
  const role = input.role;
  if (!isRole(role)) throw invalidInput('auth.role_unknown', { role, roles: ROLES });
  checkPasswordLength(input.password);
  const passwordHash = await hashPassword(input.password);
  const { result } = await transact(ctx, actor, async (tx, now) => {
    if (await store.findUserByName(tx, input.name)) {
      throw new DomainError('conflict', 'auth.user_exists', { name: input.name });
    }
    const found: Party[] = [];
    for (const code of input.parties ?? []) {
      const party = await findParty(tx, code);
      if (!party) throw new DomainError('not_found', 'party.not_found', { code });
      found.push(party);
    }
    const parties = decideUserParties(role, found);
    const userId = ctx.newId();
    const payload: UserRegistered = { userId, name: input.name, role };
    const joined = parties.map((p) => ({
      type: USER_EVENTS.partyJoined,
      streamId: `user:${userId}`,
      payload: { userId, name: input.name, partyId: p.id } satisfies UserPartyJoined,
    }));
    return {
      events: [
        { type: USER_EVENTS.registered, streamId: `user:${userId}`, payload, newStream: true },
        ...joined,
      ],
      result: { userId, partyCodes: parties.map((p) => p.code) },
      after: (tx2) => store.saveCredentials(tx2, userId, passwordHash, now, input.oneTime === true),
    };
  });
  return { id: result.userId, name: input.name, role: input.role, partyCodes: result.partyCodes };
}

/** The session user for a row of the users table, with the parties they act for. */
async function sessionUserOf(
  ctx: AppContext,
  row: {
    id: string;
    name: string;
    role: string;
    must_change: boolean | null;
    /** Read with the user by the same query (sessions and tokens); otherwise read here. */
    parties?: { id: string; kind: string; code: string; person_id: string | null }[];
  },
): Promise<SessionUser> {
  const parties: ActorParties = row.parties
    ? store.actorParties(row.parties)
    : await store.partiesOfUser(ctx.handle.db, row.id);
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    mustChangePassword: row.must_change === true,
    parties,
  };
}

/** Checks a name and password; on success opens a session and returns its secret id and CSRF token. */
export async function login(
  ctx: AppContext,
  input: { name: string; password: string },
): Promise<{ sessionId: string; csrfToken: string; user: SessionUser; expiresAt: Date }> {
  const row = await store.findCredentials(ctx.handle.db, input.name);
  // Verify against a dummy hash when the user is unknown, so timing does not reveal which names exist.
  const ok = await verifyPassword(input.password, row?.password_hash ?? DUMMY_HASH);
  // A one-time password (an admin's reset) opens one session: spending it is the first thing a sign-in does.
  const spent =
    row &&
    ok &&
    !row.disabled_at &&
    (await store.recordSignIn(ctx.handle.db, row.id, ctx.clock.now(), row.must_change));
  if (!row || !spent) {
    throw new DomainError('unauthenticated', 'auth.login_failed', {});
  }
  const sessionId = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + ctx.config.sessionHours * 3600_000);
  await store.openSession(ctx.handle.db, {
    idHash: sha256(sessionId),
    userId: row.id,
    csrfToken,
    createdAt: now,
    expiresAt,
  });
  const user = await sessionUserOf(ctx, row);
  return { sessionId, csrfToken, user, expiresAt };
}

// A real scrypt hash of a random password: verifying against it costs the same as a real check.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/** The live session for a session id, with its CSRF token. */
export async function sessionFor(
  ctx: AppContext,
  sessionId: string,
): Promise<{ user: SessionUser; csrfToken: string } | undefined> {
  const row = await store.findSession(ctx.handle.db, sha256(sessionId), ctx.clock.now());
  if (!row) return undefined;
  return { user: await sessionUserOf(ctx, row), csrfToken: row.csrf_token };
}

/** Ends a session. */
export async function logout(ctx: AppContext, sessionId: string): Promise<void> {
  await store.endSession(ctx.handle.db, sha256(sessionId));
}

/**
 * Issues a bearer API token for a user; the token is shown once and only its hash is kept. It expires
 * after `expiresInDays` (TOKEN_DAYS: 90 by default, at most 365).
 */
export async function createToken(
  ctx: AppContext,
  actor: Actor,
  userName: string,
  options: { expiresInDays?: number } = {},
): Promise<{ token: string; user: SessionUser; tokenId: string; expiresAt: string }> {
  authorize(actor, 'users:manage');
  const days = options.expiresInDays ?? TOKEN_DAYS.default;
  if (!Number.isInteger(days) || days < 1 || days > TOKEN_DAYS.max) {
    throw invalidInput('auth.token_days_invalid', { days: String(days), max: TOKEN_DAYS.max });
  }
  const token = `cust_${randomBytes(32).toString('base64url')}`;
  const { result } = await transact(ctx, actor, async (tx, now) => {
    const user = await store.findUserByName(tx, userName);
    if (!user) throw new DomainError('not_found', 'auth.user_not_found', { name: userName });
    const tokenId = ctx.newId();
    const expiresAt = new Date(now.getTime() + days * 86_400_000);
    const payload: ApiTokenIssued = { userId: user.id, tokenId, expiresAt: expiresAt.toISOString() };
    return {
      events: [{ type: USER_EVENTS.tokenIssued, streamId: `user:${user.id}`, payload }],
      result: { user: { id: user.id, name: user.name, role: user.role }, tokenId, expiresAt },
      after: (tx2) =>
        store.saveApiToken(tx2, {
          id: tokenId,
          userId: user.id,
          tokenHash: sha256(token),
          createdAt: now,
          expiresAt,
        }),
    };
  });
  return { token, user: result.user, tokenId: result.tokenId, expiresAt: result.expiresAt.toISOString() };
}

/**
 * The user behind a bearer token: undefined when the token is unknown, revoked or its user disabled; an
 * expired token is refused (401) saying so.
 */
export async function userForToken(ctx: AppContext, token: string): Promise<SessionUser | undefined> {
  const hash = sha256(token);
  const cache = tokenCacheOf(ctx);
  let known = cache?.users.get(hash);
  if (!known) {
    const generation = cache?.generation;
    const row = await store.findTokenUser(ctx.handle.db, hash);
    if (!row) return undefined;
    known = { expiresAt: row.expires_at, user: await sessionUserOf(ctx, row) };
    // Kept only if no write ended while it was read: a revocation that committed meanwhile wins.
    if (cache && cache.generation === generation && cache.users.size < TOKEN_CACHE_SIZE) {
      cache.users.set(hash, known);
    }
  }
  if (known.expiresAt && known.expiresAt <= ctx.clock.now()) {
    throw new DomainError('unauthenticated', 'auth.token_expired', {
      expiredAt: known.expiresAt.toISOString(),
    });
  }
  return known.user;
}

interface TokenCache {
  users: Map<string, { expiresAt: Date | null; user: SessionUser }>;
  /** Counts the write transactions ended since the cache was made. */
  generation: number;
}

const TOKEN_CACHE_SIZE = 1000;
const tokenCaches = new WeakMap<AppContext['handle']['db'], TokenCache>();

/**
 * The users behind bearer tokens, kept between write transactions on the embedded engine, where the
 * locked data directory makes this process the only writer: revoking a token, disabling a user or changing
 * a user's parties is a write transaction, and every one empties the cache. Two of the three queries a read
 * by id made were these. On a server another process may revoke a token, so nothing is kept there.
 */
function tokenCacheOf(ctx: AppContext): TokenCache | undefined {
  const { handle } = ctx;
  if (handle.engine !== 'pglite') return undefined;
  const existing = tokenCaches.get(handle.db);
  if (existing) return existing;
  const made: TokenCache = { users: new Map(), generation: 0 };
  tokenCaches.set(handle.db, made);
  afterEveryWrite(handle.db, () => {
    made.users.clear();
    made.generation++;
  });
  return made;
}
