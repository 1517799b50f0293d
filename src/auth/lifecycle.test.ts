import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../ledger/events.js';
import { verifyLedger } from '../ledger/verify.js';
import { registerParty } from '../parties/service.js';
import { buildApp } from '../server.js';
import { testContext, testEngine } from '../test-support/context.js';
import { parseExpiresIn } from './cli.js';
import { changeRole, disableUser, resetPassword } from './lifecycle.js';
import { actorFor, createToken, createUser } from './service.js';

const system = systemActor('test');
const PASSWORD = 'correct horse battery';

describe(`the user lifecycle, on ${testEngine}`, () => {
  let ctx: Awaited<ReturnType<typeof testContext>>;
  let built: Awaited<ReturnType<typeof buildApp>>;
  /** Every secret the tests see: none may reach the ledger. */
  const secrets: string[] = [PASSWORD];
  let address = 0;

  const inject = (options: InjectOptions) => built.app.inject(options);

  /** Signs in from a fresh address (the throttle is per address) and returns the cookie and CSRF token. */
  async function signIn(name: string, password = PASSWORD) {
    address += 1;
    const res = await inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: `10.9.0.${address}`,
      payload: { name, password },
    });
    if (res.statusCode !== 200) return { status: res.statusCode, headers: {} };
    const cookie = String(res.headers['set-cookie']).split(';')[0]!;
    return {
      status: 200,
      body: res.json(),
      headers: { cookie, 'x-csrf-token': String(res.json().csrfToken) },
    };
  }

  async function token(name: string, expiresInDays?: number) {
    const created = await createToken(ctx, system, name, { expiresInDays });
    secrets.push(created.token);
    return { authorization: `Bearer ${created.token}` };
  }

  let admin: Record<string, string>;

  beforeAll(async () => {
    ctx = await testContext();
    built = await buildApp(ctx);
    await built.app.ready();
    await createUser(ctx, system, { name: 'ada.admin', role: 'admin', password: PASSWORD });
    await createUser(ctx, system, { name: 'mo.monitor', role: 'monitor', password: PASSWORD });
    await createUser(ctx, system, { name: 'sol.officer', role: 'sending_officer', password: PASSWORD });
    admin = await token('ada.admin');
  });
  afterAll(async () => {
    await built.app.close();
    await ctx.handle.close();
  });

  it('lists users with role, sign-in, sessions and tokens, and never a secret', async () => {
    await signIn('mo.monitor');
    await token('mo.monitor');
    const res = await inject({ url: '/api/v1/users', headers: admin });
    expect(res.statusCode).toBe(200);
    const mo = res.json().items.find((u: { name: string }) => u.name === 'mo.monitor');
    expect(mo).toMatchObject({
      role: 'monitor',
      disabledAt: null,
      lastSignInAt: '2025-03-01T12:00:00.000Z',
      mustChangePassword: false,
      activeSessions: 1,
      activeTokens: 1,
    });
    expect(res.body).not.toMatch(/scrypt|password_hash|token_hash|cust_/);
    const officer = await token('sol.officer');
    expect((await inject({ url: '/api/v1/users', headers: officer })).statusCode).toBe(403);
    const refused = await inject({
      method: 'POST',
      url: '/api/v1/users/ada.admin/disable',
      headers: officer,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().messageKey).toBe('policy.refused');
  });

  it("disabling a user answers 401 at once to their session and their tokens, and enabling doesn't revive the tokens", async () => {
    const session = await signIn('sol.officer');
    const bearer = await token('sol.officer');
    expect((await inject({ url: '/api/v1/facilities', headers: session.headers })).statusCode).toBe(200);
    expect((await inject({ url: '/api/v1/facilities', headers: bearer })).statusCode).toBe(200);

    const res = await inject({ method: 'POST', url: '/api/v1/users/sol.officer/disable', headers: admin });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      disabledAt: '2025-03-01T12:00:00.000Z',
      activeSessions: 0,
      activeTokens: 0,
    });
    expect((await inject({ url: '/api/v1/facilities', headers: session.headers })).statusCode).toBe(401);
    const byToken = await inject({ url: '/api/v1/facilities', headers: bearer });
    expect(byToken.statusCode).toBe(401);
    expect(byToken.json().messageKey).toBe('auth.token_unknown');
    expect((await signIn('sol.officer')).status).toBe(401);

    const again = await inject({ method: 'POST', url: '/api/v1/users/sol.officer/disable', headers: admin });
    expect(again.statusCode).toBe(409);

    const enabled = await inject({ method: 'POST', url: '/api/v1/users/sol.officer/enable', headers: admin });
    expect(enabled.json()).toMatchObject({ disabledAt: null });
    expect((await signIn('sol.officer')).status).toBe(200);
    expect((await inject({ url: '/api/v1/facilities', headers: bearer })).statusCode).toBe(401);
    const tokens = await inject({ url: '/api/v1/users/sol.officer/tokens', headers: admin });
    expect(tokens.json().items.every((t: { status: string }) => t.status === 'revoked')).toBe(true);
  });

  it('changes a role, which applies to a live session at once', async () => {
    const session = await signIn('mo.monitor');
    expect((await inject({ url: '/api/v1/users', headers: session.headers })).statusCode).toBe(403);
    const res = await inject({
      method: 'PUT',
      url: '/api/v1/users/mo.monitor/role',
      headers: admin,
      payload: { role: 'admin' },
    });
    expect(res.json()).toMatchObject({ role: 'admin' });
    expect((await inject({ url: '/api/v1/users', headers: session.headers })).statusCode).toBe(200);
    const back = await changeRole(ctx, system, 'mo.monitor', 'monitor');
    expect(back.role).toBe('monitor');
    const unknown = await inject({
      method: 'PUT',
      url: '/api/v1/users/mo.monitor/role',
      headers: admin,
      payload: { role: 'jailer' },
    });
    expect(unknown.statusCode).toBe(400);
  });

  it("refuses a role the user's parties do not fit, in both languages, and changes nothing", async () => {
    await expect(changeRole(ctx, system, 'sol.officer', 'court')).rejects.toMatchObject({
      messageKey: 'party.role_change_misfit',
      message: expect.stringContaining('sol.officer acts for no party, and a court user acts for a court'),
    });
    await registerParty(ctx, system, { kind: 'law_office', code: 'Bufete Uno' });
    await createUser(ctx, system, {
      name: 'lu.counsel',
      role: 'counsel',
      password: PASSWORD,
      parties: ['Bufete Uno'],
    });
    const res = await inject({
      method: 'PUT',
      url: '/api/v1/users/lu.counsel/role',
      headers: { ...admin, 'accept-language': 'es' },
      payload: { role: 'court' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ messageKey: 'party.role_change_misfit' });
    expect(res.json().detail).toContain(
      'lu.counsel actúa por Bufete Uno, y un usuario court actúa por un tribunal',
    );
    const users = await inject({ url: '/api/v1/users', headers: admin });
    expect(users.json().items.find((u: { name: string }) => u.name === 'lu.counsel')).toMatchObject({
      role: 'counsel',
    });
    // A role with no party required takes a user who acts for none.
    expect((await changeRole(ctx, system, 'sol.officer', 'receiving_officer')).role).toBe(
      'receiving_officer',
    );
    expect((await changeRole(ctx, system, 'sol.officer', 'sending_officer')).role).toBe('sending_officer');
  });

  it('refuses to disable or demote the last enabled admin, in both languages', async () => {
    const disable = await inject({
      method: 'POST',
      url: '/api/v1/users/ada.admin/disable',
      headers: { ...admin, 'accept-language': 'es' },
    });
    expect(disable.statusCode).toBe(409);
    expect(disable.json()).toMatchObject({
      messageKey: 'auth.last_admin',
      detail:
        'ada.admin es el último administrador habilitado: habilite o nombre antes a otro administrador, o nadie podría gestionar los usuarios.',
    });
    await expect(changeRole(ctx, system, 'ada.admin', 'monitor')).rejects.toMatchObject({
      code: 'conflict',
      message:
        'ada.admin is the last enabled admin: enable or appoint another admin first, or nobody could manage users.',
    });
    // With a second admin, the first may go.
    await createUser(ctx, system, { name: 'bea.admin', role: 'admin', password: PASSWORD });
    await disableUser(ctx, actorFor({ id: 'x', name: 'bea.admin', role: 'admin' }), 'ada.admin');
    await expect(disableUser(ctx, system, 'bea.admin')).rejects.toMatchObject({
      messageKey: 'auth.last_admin',
    });
    await inject({
      method: 'POST',
      url: '/api/v1/users/ada.admin/enable',
      headers: await token('bea.admin'),
    });
    admin = await token('ada.admin');
  });

  it('a reset password works once, and only to set a new one', async () => {
    const old = await signIn('mo.monitor');
    const res = await inject({
      method: 'POST',
      url: '/api/v1/users/mo.monitor/reset-password',
      headers: admin,
    });
    expect(res.statusCode).toBe(200);
    const oneTime: string = res.json().password;
    secrets.push(oneTime);
    expect(res.json().user).toMatchObject({ mustChangePassword: true, activeSessions: 0 });
    expect((await inject({ url: '/api/v1/facilities', headers: old.headers })).statusCode).toBe(401);
    expect((await signIn('mo.monitor')).status).toBe(401);

    const first = await signIn('mo.monitor', oneTime);
    expect(first.status).toBe(200);
    expect(first.body.mustChangePassword).toBe(true);
    const refused = await inject({ url: '/api/v1/facilities', headers: first.headers });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({
      messageKey: 'auth.must_change_password',
      detail:
        'Your password was reset: set a new password first (POST /api/v1/auth/password). Until then nothing else is open to you.',
    });
    const session = await inject({ url: '/api/v1/auth/session', headers: first.headers });
    expect(session.json().mustChangePassword).toBe(true);
    // The one-time password opened its one session: a second sign-in with it fails.
    expect((await signIn('mo.monitor', oneTime)).status).toBe(401);

    const short = await inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: first.headers,
      payload: { newPassword: 'short' },
    });
    expect(short.statusCode).toBe(400);
    const fresh = 'a brand new passphrase';
    secrets.push(fresh);
    const changed = await inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: first.headers,
      payload: { newPassword: fresh },
    });
    expect(changed.statusCode).toBe(204);
    expect((await inject({ url: '/api/v1/facilities', headers: first.headers })).statusCode).toBe(200);
    expect((await signIn('mo.monitor', oneTime)).status).toBe(401);
    const next = await signIn('mo.monitor', fresh);
    expect(next.status).toBe(200);
    expect(next.body.mustChangePassword).toBe(false);

    // Outside a reset, the current password is asked for.
    const wrong = await inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: next.headers,
      payload: { currentPassword: 'not it at all', newPassword: PASSWORD },
    });
    expect(wrong.json()).toMatchObject({ code: 'invalid_input', messageKey: 'auth.current_password_wrong' });
  });

  it('revokes one token: the next request with it is 401, the others still work', async () => {
    const one = await token('sol.officer');
    const two = await token('sol.officer');
    const list = await inject({ url: '/api/v1/users/sol.officer/tokens', headers: admin });
    const active = list.json().items.filter((t: { status: string }) => t.status === 'active');
    expect(active).toHaveLength(2);
    const newest = active[0].id;
    const res = await inject({
      method: 'POST',
      url: `/api/v1/users/sol.officer/tokens/${newest}/revoke`,
      headers: admin,
    });
    expect(res.statusCode).toBe(204);
    expect((await inject({ url: '/api/v1/facilities', headers: two })).statusCode).toBe(401);
    expect((await inject({ url: '/api/v1/facilities', headers: one })).statusCode).toBe(200);
    const twice = await inject({
      method: 'POST',
      url: `/api/v1/users/sol.officer/tokens/${newest}/revoke`,
      headers: admin,
    });
    expect(twice.statusCode).toBe(409);
    const elsewhere = await inject({
      method: 'POST',
      url: `/api/v1/users/mo.monitor/tokens/${active[1].id}/revoke`,
      headers: admin,
    });
    expect(elsewhere.statusCode).toBe(404);
  });

  it('expires a token: 401 once its time is past, saying so; the life is bounded', async () => {
    const bearer = await token('sol.officer', 1);
    expect((await inject({ url: '/api/v1/facilities', headers: bearer })).statusCode).toBe(200);
    const start = ctx.clock.now();
    ctx.clock.set(new Date(start.getTime() + 86_400_000).toISOString());
    const expired = await inject({ url: '/api/v1/facilities', headers: bearer });
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({ messageKey: 'auth.token_expired' });
    ctx.clock.set(start.toISOString());
    await expect(createToken(ctx, system, 'sol.officer', { expiresInDays: 366 })).rejects.toMatchObject({
      messageKey: 'auth.token_days_invalid',
    });
    const created = await inject({
      method: 'POST',
      url: '/api/v1/users/sol.officer/tokens',
      headers: admin,
      payload: {},
    });
    expect(created.statusCode).toBe(201);
    secrets.push(created.json().token);
    expect(created.json().expiresAt).toBe('2025-05-30T12:00:00.000Z');
    expect(parseExpiresIn('30d')).toBe(30);
    expect(parseExpiresIn('365')).toBe(365);
    expect(() => parseExpiresIn('1y')).toThrow(/1 to 365 days/);
    expect(() => parseExpiresIn('0d')).toThrow(/1 to 365 days/);
  });

  it('records each act in the ledger, naming the user and the actor, never a secret; the ledger verifies', async () => {
    const { password } = await resetPassword(ctx, system, 'sol.officer');
    secrets.push(password);
    const entries = await ctx.handle.db
      .selectFrom('ledger_entries')
      .select(['type', 'actor', 'leaf'])
      .where('type', 'like', 'user.%')
      .execute();
    const types = new Set(entries.map((e) => e.type));
    for (const type of [
      'user.disabled',
      'user.enabled',
      'user.role_changed',
      'user.password_reset',
      'user.password_changed',
      'user.api_token_issued',
      'user.api_token_revoked',
    ]) {
      expect(types, type).toContain(type);
    }
    const disabled = entries.find((e) => e.type === 'user.disabled')!;
    expect(disabled.actor).toBe('user:ada.admin');
    expect(String(disabled.leaf)).toContain('sol.officer');
    const everything = entries.map((e) => String(e.leaf)).join('\n');
    for (const secret of secrets) expect(everything).not.toContain(secret);
    expect(everything).not.toMatch(/scrypt\$/);
    const report = await verifyLedger(ctx.handle.db, { signer: ctx.signer, events: ctx.events });
    expect(report.problems).toEqual([]);
  });

  it('writes no password or token to the request log while resetting and changing a password', async () => {
    const lines: string[] = [];
    const logged = await buildApp(ctx, { logger: { stream: { write: (line: string) => lines.push(line) } } });
    try {
      const bearer = await token('ada.admin');
      const reset = await logged.app.inject({
        method: 'POST',
        url: '/api/v1/users/sol.officer/reset-password',
        headers: bearer,
      });
      const oneTime: string = reset.json().password;
      address += 1;
      const login = await logged.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: `10.9.0.${address}`,
        payload: { name: 'sol.officer', password: oneTime },
      });
      const cookie = String(login.headers['set-cookie']).split(';')[0]!;
      const fresh = 'another brand new passphrase';
      const changed = await logged.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: { cookie, 'x-csrf-token': String(login.json().csrfToken) },
        payload: { newPassword: fresh },
      });
      expect(changed.statusCode).toBe(204);
      const text = lines.join('');
      expect(text).toContain('/api/v1/auth/password');
      for (const secret of [oneTime, fresh, bearer.authorization.slice(7), cookie.split('=')[1]!]) {
        expect(text).not.toContain(secret);
      }
    } finally {
      await logged.app.close();
    }
  });
});
