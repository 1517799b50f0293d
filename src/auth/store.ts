import type { ExpressionBuilder } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Db, Tx } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { type FeatureEvents, projection } from '../ledger/registry.js';
import { codeKey } from '../parties/model.js';
import { userEvent } from './model.js';
import type { ActorParties } from './policy.js';

type Q = Db | Tx;

/** Projections for users. Credentials, sessions and tokens are operational and not projected. */
export const userEvents: FeatureEvents = {
  feature: 'auth',
  tables: [
    { table: 'users', orderBy: 'id' },
    { table: 'user_parties', orderBy: 'user_id, party_id' },
  ],
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
    // Revoking a token and ending sessions touch only the operational tables, which the service writes.
    projection(userEvent.tokenRevoked, async () => {}),
    projection(userEvent.disabled, async (tx, e) => {
      await tx
        .updateTable('users')
        .set({ disabled_at: new Date(e.recordedAt) })
        .where('id', '=', e.payload.userId)
        .execute();
    }),
    projection(userEvent.enabled, async (tx, e) => {
      await tx.updateTable('users').set({ disabled_at: null }).where('id', '=', e.payload.userId).execute();
    }),
    projection(userEvent.roleChanged, async (tx, e) => {
      await tx.updateTable('users').set({ role: e.payload.to }).where('id', '=', e.payload.userId).execute();
    }),
    projection(userEvent.passwordReset, async () => {}),
    projection(userEvent.passwordChanged, async () => {}),
    projection(userEvent.partyJoined, async (tx, e) => {
      await tx
        .insertInto('user_parties')
        .values({ user_id: e.payload.userId, party_id: e.payload.partyId, joined_at: new Date(e.recordedAt) })
        .execute();
    }),
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
    .select(['u.id', 'u.name', 'u.role', 'u.disabled_at', 'c.password_hash', 'c.changed_at', 'c.must_change'])
    .where('u.name', '=', name)
    .executeTakeFirst();
}

/**
 * Stores or replaces a password hash. `mustChange` marks a one-time password (an admin's reset): it opens
 * one session, in which the user must set a new password.
 */
export async function saveCredentials(
  tx: Tx,
  userId: string,
  passwordHash: string,
  at: Date,
  mustChange = false,
): Promise<void> {
  await tx
    .insertInto('credentials')
    .values({ user_id: userId, password_hash: passwordHash, changed_at: at, must_change: mustChange })
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({
        password_hash: passwordHash,
        changed_at: at,
        must_change: mustChange,
        one_time_used: false,
      }),
    )
    .execute();
}

/**
 * Records a successful sign-in. With a one-time password, it also spends it, and answers false when it
 * was already spent (two sign-ins racing with it: only one wins).
 */
export async function recordSignIn(q: Q, userId: string, at: Date, oneTime: boolean): Promise<boolean> {
  let update = q.updateTable('credentials').set({ last_sign_in_at: at }).where('user_id', '=', userId);
  if (oneTime) update = update.set({ one_time_used: true }).where('one_time_used', '=', false);
  const result = await update.executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The user behind a session id hash, if the session is live. */
export async function findSession(q: Q, idHash: string, now: Date) {
  return q
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('credentials as c', 'c.user_id', 'u.id')
    .select(['u.id', 'u.name', 'u.role', 's.csrf_token', 's.expires_at', 'c.must_change'])
    .select((eb) => partiesOf(eb))
    .where('s.id_hash', '=', idHash)
    .where('s.expires_at', '>', now)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
}

/** The user behind an API token hash, if the token is not revoked and its user not disabled; the caller checks expiry. */
export async function findTokenUser(q: Q, tokenHash: string) {
  return q
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .leftJoin('credentials as c', 'c.user_id', 'u.id')
    .select(['u.id', 'u.name', 'u.role', 't.expires_at', 'c.must_change'])
    .select((eb) => partiesOf(eb))
    .where('t.token_hash', '=', tokenHash)
    .where('t.revoked_at', 'is', null)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
}

/**
 * All users, for the admin, with their last sign-in and how many sessions and tokens are live at `now`.
 * Never a secret: no hash leaves this query.
 */
export async function listUsers(q: Q, now: Date) {
  return q
    .selectFrom('users as u')
    .leftJoin('credentials as c', 'c.user_id', 'u.id')
    .select((eb) => [
      'u.id',
      'u.name',
      'u.role',
      'u.created_at',
      'u.disabled_at',
      'c.last_sign_in_at',
      'c.must_change',
      eb
        .selectFrom('sessions as s')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('s.user_id', '=', 'u.id')
        .where('s.expires_at', '>', now)
        .as('sessions'),
      eb
        .selectFrom('api_tokens as t')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('t.user_id', '=', 'u.id')
        .where('t.revoked_at', 'is', null)
        .where((e) => e.or([e('t.expires_at', 'is', null), e('t.expires_at', '>', now)]))
        .as('tokens'),
    ])
    .orderBy('u.name')
    .execute();
}

/** How many enabled users other than `exceptId` hold one of `roles`: the last-admin guard asks. */
export async function otherEnabledUsersWithRoles(
  q: Q,
  exceptId: string,
  roles: readonly string[],
): Promise<number> {
  if (roles.length === 0) return 0;
  const row = await q
    .selectFrom('users')
    .select((e) => e.fn.countAll<string>().as('n'))
    .where('role', 'in', [...roles])
    .where('disabled_at', 'is', null)
    .where('id', '<>', exceptId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Ends every session of a user; returns how many there were. */
export async function endSessionsOf(q: Q, userId: string): Promise<number> {
  const rows = await q.deleteFrom('sessions').where('user_id', '=', userId).returning('id_hash').execute();
  return rows.length;
}

/** The ids of a user's tokens not yet revoked. */
export async function unrevokedTokenIds(q: Q, userId: string): Promise<string[]> {
  const rows = await q
    .selectFrom('api_tokens')
    .select('id')
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Revokes these tokens at `at`. */
export async function revokeTokens(q: Q, ids: readonly string[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await q
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('id', 'in', [...ids])
    .execute();
}

/** A user's tokens, newest first: never the hash. */
export async function listTokens(q: Q, userId: string) {
  return q
    .selectFrom('api_tokens')
    .select(['id', 'created_at', 'expires_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** A token by id, with its user's name: never the hash. */
export async function findToken(q: Q, id: string) {
  return q
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['t.id', 't.user_id', 'u.name', 't.revoked_at'])
    .where('t.id', '=', id)
    .executeTakeFirst();
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
  token: { id: string; userId: string; tokenHash: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await q
    .insertInto('api_tokens')
    .values({
      id: token.id,
      user_id: token.userId,
      token_hash: token.tokenHash,
      created_at: token.createdAt,
      revoked_at: null,
      expires_at: token.expiresAt,
    })
    .execute();
}

/**
 * The parties a user acts for, as the access policy's scopes need them: their ids, their courts' code keys
 * (what holds and orders name), and the people their family-contact parties are verified for.
 */
export async function partiesOfUser(q: Q, userId: string): Promise<ActorParties> {
  const rows = await q
    .selectFrom('user_parties as up')
    .innerJoin('parties as p', 'p.id', 'up.party_id')
    .select(['p.id', 'p.kind', 'p.code', 'p.person_id'])
    .where('up.user_id', '=', userId)
    .orderBy('p.code_key')
    .execute();
  return actorParties(rows);
}

/** A user's parties as one column of the query that finds the user (`u`): a session or a token read is one query. */
function partiesOf(eb: ExpressionBuilder<Database & { u: Database['users'] }, 'u'>) {
  return jsonArrayFrom(
    eb
      .selectFrom('user_parties as up')
      .innerJoin('parties as p', 'p.id', 'up.party_id')
      .select(['p.id', 'p.kind', 'p.code', 'p.person_id'])
      .whereRef('up.user_id', '=', 'u.id')
      .orderBy('p.code_key'),
  ).as('parties');
}

/** What the policy knows of a user's parties: their ids, the courts by code key, the family contact's people. */
export function actorParties(
  rows: readonly { id: string; kind: string; code: string; person_id: string | null }[],
): ActorParties {
  return {
    partyIds: rows.map((r) => r.id),
    courts: rows.filter((r) => r.kind === 'court').map((r) => codeKey(r.code)),
    people: rows.flatMap((r) => (r.kind === 'family_contact' && r.person_id ? [r.person_id] : [])),
  };
}

/** The kind and code of each party a user acts for: what a change of role is checked against. */
export async function partyKindsOfUser(q: Q, userId: string): Promise<{ kind: string; code: string }[]> {
  return q
    .selectFrom('user_parties as up')
    .innerJoin('parties as p', 'p.id', 'up.party_id')
    .select(['p.kind', 'p.code'])
    .where('up.user_id', '=', userId)
    .orderBy('p.code_key')
    .execute();
}

/** The codes of the parties each user acts for, by user id: what the admin's list shows. */
export async function partyCodesByUser(q: Q): Promise<Map<string, string[]>> {
  const rows = await q
    .selectFrom('user_parties as up')
    .innerJoin('parties as p', 'p.id', 'up.party_id')
    .select(['up.user_id', 'p.code'])
    .orderBy('p.code_key')
    .execute();
  const byUser = new Map<string, string[]>();
  for (const r of rows) byUser.set(r.user_id, [...(byUser.get(r.user_id) ?? []), r.code]);
  return byUser;
}
