import { randomBytes } from 'node:crypto';
import type { AppContext } from '../context.js';
import { DomainError, invalidInput } from '../core/errors.js';
import { event } from '../core/events.js';
import type { Tx } from '../db/database.js';
import type { Actor } from '../ledger/events.js';
import { transact } from '../ledger/transact.js';
import type { TokenSummary, UserSummary } from './contract.js';
import { isRole, ROLES, type Role, userEvent } from './model.js';
import { hashPassword, verifyPassword } from './password.js';
import { authorize, can, rolesAllowed } from './policy.js';
import { partiesOfRole } from './role-parties.js';
import { actorFor, checkPasswordLength, createUser, type SessionUser } from './service.js';
import * as store from './store.js';

/**
 * The user lifecycle an admin runs (docs/domain.md, Parties, users and access): list, disable and enable,
 * change a role, reset a password, list and revoke tokens. Each act is a ledger event naming the user and
 * the actor; no secret (password, token, hash) enters the ledger or leaves these functions but the
 * one-time password, returned once to the admin who asked for it.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every user, by name, with their last sign-in and live sessions and tokens. */
export async function listUserSummaries(ctx: AppContext, actor: Actor): Promise<UserSummary[]> {
  authorize(actor, 'users:read');
  const rows = await store.listUsers(ctx.handle.db, ctx.clock.now());
  const parties = await store.partyCodesByUser(ctx.handle.db);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    role: r.role,
    createdAt: r.created_at.toISOString(),
    disabledAt: r.disabled_at?.toISOString() ?? null,
    lastSignInAt: r.last_sign_in_at?.toISOString() ?? null,
    mustChangePassword: r.must_change === true,
    activeSessions: Number(r.sessions ?? 0),
    activeTokens: Number(r.tokens ?? 0),
    parties: parties.get(r.id) ?? [],
  }));
}

/** The one user's summary, after an act on them. */
async function summaryOf(ctx: AppContext, actor: Actor, name: string): Promise<UserSummary> {
  const found = (await listUserSummaries(ctx, actor)).find((u) => u.name === name);
  if (!found) throw new DomainError('not_found', 'auth.user_not_found', { name });
  return found;
}

async function userNamed(tx: Tx, name: string): Promise<store.UserRow> {
  const user = await store.findUserByName(tx, name);
  if (!user) throw new DomainError('not_found', 'auth.user_not_found', { name });
  return user;
}

/**
 * Refuses an act that would leave nobody enabled who may manage users (the last enabled admin): someone
 * must still be able to.
 */
async function guardLastAdmin(tx: Tx, user: store.UserRow): Promise<void> {
  if (!can(user.role, 'users:manage') || user.disabled_at) return;
  if ((await store.otherEnabledUsersWithRoles(tx, user.id, rolesAllowed('users:manage'))) === 0) {
    throw new DomainError('conflict', 'auth.last_admin', { name: user.name });
  }
}

/**
 * Disables a user: in the same transaction their sessions end and their tokens are revoked, so the next
 * request with any of them is 401. The last enabled admin cannot be disabled.
 */
export async function disableUser(ctx: AppContext, actor: Actor, name: string): Promise<UserSummary> {
  authorize(actor, 'users:manage');
  await transact(ctx, actor, async (tx, now) => {
    const user = await userNamed(tx, name);
    if (user.disabled_at) throw new DomainError('conflict', 'auth.user_already_disabled', { name });
    await guardLastAdmin(tx, user);
    const tokensRevoked = await store.unrevokedTokenIds(tx, user.id);
    const sessionsEnded = await store.endSessionsOf(tx, user.id);
    return {
      events: [
        event(userEvent.disabled, `user:${user.id}`, {
          userId: user.id,
          name: user.name,
          sessionsEnded,
          tokensRevoked,
        }),
      ],
      result: undefined,
      after: (tx2) => store.revokeTokens(tx2, tokensRevoked, now),
    };
  });
  return summaryOf(ctx, actor, name);
}

/** Enables a disabled user again; the tokens revoked when they were disabled stay revoked. */
export async function enableUser(ctx: AppContext, actor: Actor, name: string): Promise<UserSummary> {
  authorize(actor, 'users:manage');
  await transact(ctx, actor, async (tx) => {
    const user = await userNamed(tx, name);
    if (!user.disabled_at) throw new DomainError('conflict', 'auth.user_not_disabled', { name });
    return {
      events: [event(userEvent.enabled, `user:${user.id}`, { userId: user.id, name: user.name })],
      result: undefined,
    };
  });
  return summaryOf(ctx, actor, name);
}

/** Changes a user's role; it applies to their live sessions and tokens at once. The last admin keeps theirs. */
export async function changeRole(
  ctx: AppContext,
  actor: Actor,
  name: string,
  role: string,
): Promise<UserSummary> {
  authorize(actor, 'users:manage');
  if (!isRole(role)) throw invalidInput('auth.role_unknown', { role, roles: ROLES });
  await transact(ctx, actor, async (tx) => {
    const user = await userNamed(tx, name);
    const from = user.role;
    if (!isRole(from)) throw invalidInput('auth.role_unknown', { role: from, roles: ROLES });
    if (from === role) throw new DomainError('conflict', 'auth.role_unchanged', { name, role });
    await guardLastAdmin(tx, user);
    const to: Role = role;
    await guardPartiesFit(tx, user.id, name, to);
    return {
      events: [event(userEvent.roleChanged, `user:${user.id}`, { userId: user.id, name, from, to })],
      result: undefined,
    };
  });
  return summaryOf(ctx, actor, name);
}

/**
 * Refuses a role whose parties the user does not act for: a user of a sending agency made `court` would
 * read no court's cases, one made `counsel` no clients, and a court user made `counsel` would keep acting
 * for courts. A new user with the right party is the way (parties are joined when a user is added).
 */
async function guardPartiesFit(tx: Tx, userId: string, name: string, role: Role): Promise<void> {
  const parties = await store.partyKindsOfUser(tx, userId);
  const { kinds, required, several } = partiesOfRole(role);
  const fits =
    parties.every((p) => kinds.some((k) => k === p.kind)) &&
    (parties.length > 0 || !required) &&
    (parties.length <= 1 || several);
  if (fits) return;
  throw invalidInput('party.role_change_misfit', { name, role, kinds, parties: parties.map((p) => p.code) }, [
    { field: 'role', message: `${name}'s parties do not fit the role ${role}` },
  ]);
}

/**
 * Resets a user's password to a one-time password, returned here once and never stored in clear: it
 * opens one session, in which every route but setting a new password is refused (403). The user's
 * sessions end; their tokens answer 403 too until the new password is set.
 */
export async function resetPassword(
  ctx: AppContext,
  actor: Actor,
  name: string,
): Promise<{ user: UserSummary; password: string }> {
  authorize(actor, 'users:manage');
  const password = randomBytes(15).toString('base64url');
  const hash = await hashPassword(password);
  await transact(ctx, actor, async (tx, now) => {
    const user = await userNamed(tx, name);
    await store.endSessionsOf(tx, user.id);
    return {
      events: [event(userEvent.passwordReset, `user:${user.id}`, { userId: user.id, name })],
      result: undefined,
      after: (tx2) => store.saveCredentials(tx2, user.id, hash, now, true),
    };
  });
  return { user: await summaryOf(ctx, actor, name), password };
}

/**
 * Adds a user with their parties and a generated one-time password, answered once (it is not kept in
 * clear): like `custodia user add` without `--password-stdin`, but the user must set a new one first.
 */
export async function addUser(
  ctx: AppContext,
  actor: Actor,
  input: { name: string; role: string; parties: readonly string[] },
): Promise<{ user: UserSummary; password: string }> {
  authorize(actor, 'users:manage');
  const password = randomBytes(15).toString('base64url');
  await createUser(ctx, actor, { ...input, password, oneTime: true });
  return { user: await summaryOf(ctx, actor, input.name), password };
}

/**
 * The signed-in user sets a new password. After a reset the session itself proves the one-time password;
 * otherwise the current password must be given.
 */
export async function changeOwnPassword(
  ctx: AppContext,
  user: SessionUser,
  input: { currentPassword?: string | undefined; newPassword: string },
): Promise<void> {
  checkPasswordLength(input.newPassword);
  if (!user.mustChangePassword) {
    const row = await store.findCredentials(ctx.handle.db, user.name);
    const ok = row && (await verifyPassword(input.currentPassword ?? '', row.password_hash));
    if (!ok) throw invalidInput('auth.current_password_wrong', {});
  }
  const hash = await hashPassword(input.newPassword);
  await transact(ctx, actorFor(user), async (_tx, now) => ({
    events: [event(userEvent.passwordChanged, `user:${user.id}`, { userId: user.id, name: user.name })],
    result: undefined,
    after: (tx2) => store.saveCredentials(tx2, user.id, hash, now, false),
  }));
}

/** A user's tokens, newest first, with whether each is active, expired or revoked. */
export async function listUserTokens(ctx: AppContext, actor: Actor, name: string): Promise<TokenSummary[]> {
  authorize(actor, 'users:read');
  const user = await store.findUserByName(ctx.handle.db, name);
  if (!user) throw new DomainError('not_found', 'auth.user_not_found', { name });
  const now = ctx.clock.now();
  const rows = await store.listTokens(ctx.handle.db, user.id);
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.created_at.toISOString(),
    expiresAt: r.expires_at?.toISOString() ?? null,
    revokedAt: r.revoked_at?.toISOString() ?? null,
    status: r.revoked_at ? 'revoked' : r.expires_at && r.expires_at <= now ? 'expired' : 'active',
  }));
}

/** Revokes one API token by id (of `ownerName`, when given): the next request with it is 401. */
export async function revokeToken(
  ctx: AppContext,
  actor: Actor,
  tokenId: string,
  ownerName?: string,
): Promise<{ tokenId: string; name: string }> {
  authorize(actor, 'users:manage');
  if (!UUID.test(tokenId)) throw new DomainError('not_found', 'auth.token_not_found', { id: tokenId });
  return (
    await transact(ctx, actor, async (tx, now) => {
      const token = await store.findToken(tx, tokenId);
      if (!token || (ownerName !== undefined && token.name !== ownerName)) {
        throw new DomainError('not_found', 'auth.token_not_found', { id: tokenId });
      }
      if (token.revoked_at) throw new DomainError('conflict', 'auth.token_already_revoked', { id: tokenId });
      return {
        events: [
          event(userEvent.tokenRevoked, `user:${token.user_id}`, {
            userId: token.user_id,
            name: token.name,
            tokenId,
          }),
        ],
        result: { tokenId, name: token.name },
        after: (tx2) => store.revokeTokens(tx2, [tokenId], now),
      };
    })
  ).result;
}
