import { createHash, randomBytes } from 'node:crypto';
import type { AppContext } from '../context.js';
import { DomainError, invalidInput } from '../core/errors.js';
import type { Actor } from '../ledger/events.js';
import { transact } from '../ledger/transact.js';
import {
  type ApiTokenIssued,
  isRole,
  PASSWORD_LENGTH,
  passwordSchema,
  ROLES,
  USER_EVENTS,
  type UserRegistered,
  userNameSchema,
} from './model.js';
import { hashPassword, verifyPassword } from './password.js';
import { authorize } from './policy.js';
import * as store from './store.js';

/** A signed-in user as the HTTP layer sees them. */
export interface SessionUser {
  id: string;
  name: string;
  role: string;
}

/** The actor recorded in the ledger for a user. */
export function actorFor(user: SessionUser): Actor {
  return { id: `user:${user.name}`, role: user.role, userId: user.id };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Creates a user with a role and a scrypt-hashed password. */
export async function createUser(
  ctx: AppContext,
  actor: Actor,
  input: { name: string; role: string; password: string },
): Promise<SessionUser> {
  authorize(actor, 'users:manage');
  if (!userNameSchema.safeParse(input.name).success) {
    throw invalidInput('auth.user_name_invalid', { name: input.name });
  }
  const role = input.role;
  if (!isRole(role)) throw invalidInput('auth.role_unknown', { role, roles: ROLES });
  if (!passwordSchema.safeParse(input.password).success) {
    throw input.password.length < PASSWORD_LENGTH.min
      ? invalidInput('auth.password_too_short', { min: PASSWORD_LENGTH.min })
      : invalidInput('auth.password_too_long', { max: PASSWORD_LENGTH.max });
  }
  const passwordHash = await hashPassword(input.password);
  const { result } = await transact(ctx, actor, async (tx, now) => {
    if (await store.findUserByName(tx, input.name)) {
      throw new DomainError('conflict', 'auth.user_exists', { name: input.name });
    }
    const userId = ctx.newId();
    const payload: UserRegistered = { userId, name: input.name, role };
    return {
      events: [{ type: USER_EVENTS.registered, streamId: `user:${userId}`, payload, newStream: true }],
      result: userId,
      after: (tx2) => store.saveCredentials(tx2, userId, passwordHash, now),
    };
  });
  return { id: result, name: input.name, role: input.role };
}

/** Checks a name and password; on success opens a session and returns its secret id and CSRF token. */
export async function login(
  ctx: AppContext,
  input: { name: string; password: string },
): Promise<{ sessionId: string; csrfToken: string; user: SessionUser; expiresAt: Date }> {
  const row = await store.findCredentials(ctx.handle.db, input.name);
  // Verify against a dummy hash when the user is unknown, so timing does not reveal which names exist.
  const ok = await verifyPassword(input.password, row?.password_hash ?? DUMMY_HASH);
  if (!row || !ok || row.disabled_at) {
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
  return { sessionId, csrfToken, user: { id: row.id, name: row.name, role: row.role }, expiresAt };
}

// A real scrypt hash of a random password: verifying against it costs the same as a real check.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/** The live session for a session id, with its CSRF token. */
export async function sessionFor(
  ctx: AppContext,
  sessionId: string,
): Promise<{ user: SessionUser; csrfToken: string } | undefined> {
  const row = await store.findSession(ctx.handle.db, sha256(sessionId), ctx.clock.now());
  return row
    ? { user: { id: row.id, name: row.name, role: row.role }, csrfToken: row.csrf_token }
    : undefined;
}

/** Ends a session. */
export async function logout(ctx: AppContext, sessionId: string): Promise<void> {
  await store.endSession(ctx.handle.db, sha256(sessionId));
}

/** Issues a bearer API token for a user; the token is shown once and only its hash is kept. */
export async function createToken(
  ctx: AppContext,
  actor: Actor,
  userName: string,
): Promise<{ token: string; user: SessionUser }> {
  authorize(actor, 'users:manage');
  const token = `cust_${randomBytes(32).toString('base64url')}`;
  const { result } = await transact(ctx, actor, async (tx, now) => {
    const user = await store.findUserByName(tx, userName);
    if (!user) throw new DomainError('not_found', 'auth.user_not_found', { name: userName });
    const tokenId = ctx.newId();
    const payload: ApiTokenIssued = { userId: user.id, tokenId };
    return {
      events: [{ type: USER_EVENTS.tokenIssued, streamId: `user:${user.id}`, payload }],
      result: { id: user.id, name: user.name, role: user.role },
      after: (tx2) =>
        store.saveApiToken(tx2, { id: tokenId, userId: user.id, tokenHash: sha256(token), createdAt: now }),
    };
  });
  return { token, user: result };
}

/** The user behind a bearer token. */
export async function userForToken(ctx: AppContext, token: string): Promise<SessionUser | undefined> {
  const row = await store.findTokenUser(ctx.handle.db, sha256(token));
  return row ? { id: row.id, name: row.name, role: row.role } : undefined;
}
