import type { Db, Tx } from '../db/database.js';
import { type FeatureEvents, projection } from '../ledger/registry.js';
import { userEvent } from './model.js';

type Q = Db | Tx;

/** Projections for users. Credentials, sessions and tokens are operational and not projected. */
export const userEvents: FeatureEvents = {
  feature: 'auth',
  tables: [{ table: 'users', orderBy: 'id' }],
  events: [
    projection(userEvent.registered, async (tx, e) => {
      const p = e.payload;
      await tx
        .insertInto('users')
        .values({
          id: p.userId,
          name: p.name,
          role: p.role,
          created_at: new Date(e.recordedAt),
          disabled_at: null,
        })
        .execute();
    }),
    // The token's hash is written by the service into api_tokens, which is not a read table: the ledger
    // records only that a token was issued, to whom, and when.
    projection(userEvent.tokenIssued, async () => {}),
  ],
};

export interface UserRow {
  id: string;
  name: string;
  role: string;
  disabled_at: Date | null;
}

/** A user by name. */
export async function findUserByName(q: Q, name: string): Promise<UserRow | undefined> {
  return q
    .selectFrom('users')
    .select(['id', 'name', 'role', 'disabled_at'])
    .where('name', '=', name)
    .executeTakeFirst();
}

/** A user with their password hash, for login. */
export async function findCredentials(q: Q, name: string) {
  return q
    .selectFrom('users as u')
    .innerJoin('credentials as c', 'c.user_id', 'u.id')
    .select(['u.id', 'u.name', 'u.role', 'u.disabled_at', 'c.password_hash'])
    .where('u.name', '=', name)
    .executeTakeFirst();
}

/** Stores or replaces a password hash. */
export async function saveCredentials(tx: Tx, userId: string, passwordHash: string, at: Date): Promise<void> {
  await tx
    .insertInto('credentials')
    .values({ user_id: userId, password_hash: passwordHash, changed_at: at })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ password_hash: passwordHash, changed_at: at }))
    .execute();
}

/** The user behind a session id hash, if the session is live. */
export async function findSession(q: Q, idHash: string, now: Date) {
  return q
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['u.id', 'u.name', 'u.role', 's.csrf_token', 's.expires_at'])
    .where('s.id_hash', '=', idHash)
    .where('s.expires_at', '>', now)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
}

/** The user behind an API token hash, if the token is live. */
export async function findTokenUser(q: Q, tokenHash: string) {
  return q
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['u.id', 'u.name', 'u.role'])
    .where('t.token_hash', '=', tokenHash)
    .where('t.revoked_at', 'is', null)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
}

/** All users, for the admin. */
export async function listUsers(q: Q) {
  return q
    .selectFrom('users')
    .select(['id', 'name', 'role', 'created_at', 'disabled_at'])
    .orderBy('name')
    .execute();
}

/** Opens a session: only the hash of its secret id is kept. */
export async function openSession(
  q: Q,
  session: { idHash: string; userId: string; csrfToken: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await q
    .insertInto('sessions')
    .values({
      id_hash: session.idHash,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      created_at: session.createdAt,
      expires_at: session.expiresAt,
    })
    .execute();
}

/** Ends the session with this id hash, if any. */
export async function endSession(q: Q, idHash: string): Promise<void> {
  await q.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** Stores an API token: only its hash is kept. */
export async function saveApiToken(
  q: Q,
  token: { id: string; userId: string; tokenHash: string; createdAt: Date },
): Promise<void> {
  await q
    .insertInto('api_tokens')
    .values({
      id: token.id,
      user_id: token.userId,
      token_hash: token.tokenHash,
      created_at: token.createdAt,
      revoked_at: null,
    })
    .execute();
}
