import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../ledger/events.js';
import { buildApp } from '../server.js';
import { testContext, testEngine } from '../test-support/context.js';
import { aPerson } from '../test-support/factories.js';
import { testPartiesFor } from '../test-support/parties.js';
import { actionsOf } from './policy.js';
import { createToken, createUser } from './service.js';

const system = systemActor('test');
const PASSWORD = 'correct horse battery';

describe(`sign-in and the session's actions, on ${testEngine}`, () => {
  let ctx: Awaited<ReturnType<typeof testContext>>;
  let built: Awaited<ReturnType<typeof buildApp>>;

  beforeAll(async () => {
    ctx = await testContext();
    built = await buildApp(ctx);
    await built.app.ready();
    await createUser(ctx, system, { name: 'mo.monitor', role: 'monitor', password: PASSWORD });
    await createUser(ctx, system, { name: 'sol.officer', role: 'sending_officer', password: PASSWORD });
  });
  afterAll(async () => {
    await built.app.close();
    await ctx.handle.close();
  });

  it('refuses a wrong password in the language asked for, with its code, key and parameters', async () => {
    const login = (lang: string) =>
      built.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: `10.1.1.${lang === 'es' ? 1 : 2}`,
        headers: { 'accept-language': lang },
        payload: { name: 'mo.monitor', password: 'not the password' },
      });
    const es = await login('es');
    expect(es.statusCode).toBe(401);
    expect(es.headers['content-type']).toContain('application/problem+json');
    expect(es.json()).toMatchObject({
      title: 'Se requiere autenticación',
      detail: 'El nombre de usuario o la contraseña no son correctos. Compruebe ambos e inténtelo de nuevo.',
      code: 'unauthenticated',
      messageKey: 'auth.login_failed',
      params: {},
    });
    const en = await login('en');
    expect(en.json()).toMatchObject({
      title: 'Authentication required',
      detail: 'The user name or password is wrong. Check both and try again.',
      messageKey: 'auth.login_failed',
    });
  });

  it("answers login and the session with the policy's actions for the user's role", async () => {
    const login = await built.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '10.1.1.3',
      payload: { name: 'sol.officer', password: PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json().permissions).toEqual(actionsOf('sending_officer'));
    expect(login.json().permissions).toContain('manifest:create');
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const session = await built.app.inject({ url: '/api/v1/auth/session', headers: { cookie } });
    expect(session.json().permissions).toEqual(actionsOf('sending_officer'));
  });

  it('throttles failed logins per address with 429, Retry-After and the time to try again in both languages', async () => {
    const login = (remoteAddress: string, password: string, lang = 'en') =>
      built.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress,
        headers: { 'accept-language': lang },
        payload: { name: 'sol.officer', password },
      });
    for (let i = 0; i < ctx.config.loginRateLimit; i++) {
      expect((await login('10.2.0.1', 'not the password')).statusCode).toBe(401);
    }
    const en = await login('10.2.0.1', PASSWORD);
    expect(en.statusCode).toBe(429);
    expect(en.headers['retry-after']).toBe('30');
    expect(en.headers['content-type']).toContain('application/problem+json');
    expect(en.json()).toMatchObject({
      title: 'Too many requests',
      code: 'rate_limited',
      messageKey: 'auth.login_throttled_address',
      params: { retryAt: '2025-03-01T12:00:30.000Z', retryAfterSeconds: 30 },
      detail: 'Too many failed sign-ins from this address. Try again at 12:00:30 UTC (in 30 seconds).',
    });
    const es = await login('10.2.0.1', PASSWORD, 'es');
    expect(es.json()).toMatchObject({
      title: 'Demasiadas solicitudes',
      detail:
        'Demasiados intentos fallidos de inicio de sesión desde esta dirección. Inténtelo de nuevo a las 12:00:30 UTC (dentro de 30 segundos).',
    });
    // The right password from another address still signs in.
    expect((await login('10.2.0.2', PASSWORD)).statusCode).toBe(200);
  });

  it('throttles guesses at one account spread over several addresses', async () => {
    await createUser(ctx, system, {
      name: 'cy.court',
      role: 'court',
      password: PASSWORD,
      parties: await testPartiesFor(ctx, 'court'),
    });
    const login = (remoteAddress: string, password: string) =>
      built.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress,
        payload: { name: 'cy.court', password },
      });
    // Today's probe: four addresses at one account. Each stays under its own limit; the account does not.
    const statuses: number[] = [];
    for (let i = 0; i < 4 * ctx.config.loginRateLimit; i++) {
      statuses.push((await login(`10.3.0.${i % 4}`, 'not the password')).statusCode);
    }
    const perAccount = ctx.config.loginRateLimit * 2;
    expect(statuses.filter((s) => s === 401)).toHaveLength(perAccount);
    const refused = await login('10.3.0.99', PASSWORD);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('30');
    expect(refused.json().messageKey).toBe('auth.login_throttled_account');
    ctx.clock.advance(30_000);
    expect((await login('10.3.0.99', PASSWORD)).statusCode).toBe(200);
  });

  it('refuses a route the role may not use, naming the actor, the role, the action and who may', async () => {
    const token = (await createToken(ctx, system, 'mo.monitor')).token;
    const refused = await built.app.inject({
      method: 'POST',
      url: '/api/v1/people?agreement=01900000-0000-7000-8000-000000000000',
      headers: { authorization: `Bearer ${token}`, 'accept-language': 'es' },
      payload: aPerson({ ref: 'P-1' }),
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({
      title: 'Permiso denegado',
      detail:
        'user:mo.monitor (rol monitor) no puede añadir, modificar o retirar personas: solo puede hacerlo sending_officer (docs/domain.md, Roles). Pídaselo a un usuario con ese rol.',
      code: 'forbidden',
      messageKey: 'policy.refused',
      params: {
        actor: 'user:mo.monitor',
        role: 'monitor',
        action: 'people:write',
        allowedRoles: ['sending_officer'],
      },
    });
  });

  it('refuses a malformed or unknown bearer token, in Spanish when asked', async () => {
    const malformed = await built.app.inject({
      url: '/api/v1/auth/session',
      headers: { authorization: 'Token abc', 'accept-language': 'es' },
    });
    expect(malformed.statusCode).toBe(401);
    expect(malformed.json()).toMatchObject({
      messageKey: 'auth.bearer_malformed',
      detail: 'La cabecera Authorization debe ser «Bearer <token>».',
    });
    const unknown = await built.app.inject({
      url: '/api/v1/auth/session',
      headers: { authorization: 'Bearer cust_nope' },
    });
    expect(unknown.json()).toMatchObject({
      messageKey: 'auth.token_unknown',
      detail: 'The API token is unknown or revoked; create a new one.',
    });
  });

  it('refuses creating a user with an unknown role, a bad name, a short password or a taken name', async () => {
    const add = (input: { name: string; role: string; password: string }) => createUser(ctx, system, input);
    await expect(add({ name: 'x.y', role: 'jailer', password: PASSWORD })).rejects.toMatchObject({
      code: 'invalid_input',
      messageKey: 'auth.role_unknown',
      message: expect.stringMatching(/^Role "jailer" does not exist\. Use one of: admin, sending_officer/),
    });
    await expect(add({ name: 'X', role: 'court', password: PASSWORD })).rejects.toMatchObject({
      messageKey: 'auth.user_name_invalid',
    });
    await expect(add({ name: 'c.court', role: 'court', password: 'short' })).rejects.toMatchObject({
      message: 'passwords need at least 12 characters',
    });
    await expect(add({ name: 'mo.monitor', role: 'court', password: PASSWORD })).rejects.toMatchObject({
      code: 'conflict',
      message: 'User mo.monitor already exists; choose another name.',
    });
    await expect(createToken(ctx, system, 'nobody')).rejects.toMatchObject({
      code: 'not_found',
      messageKey: 'auth.user_not_found',
    });
  });
});
