import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../context.js';
import { systemActor } from '../ledger/events.js';
import { buildApp } from '../server.js';
import { testContext, testEngine } from '../test-support/context.js';
import { aPerson } from '../test-support/factories.js';
import { actionsOf } from './policy.js';
import { createToken, createUser } from './service.js';

const system = systemActor('test');
const PASSWORD = 'correct horse battery';

describe(`sign-in and the session's actions, on ${testEngine}`, () => {
  let ctx: AppContext;
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
        'user:mo.monitor (rol monitor) no puede añadir, modificar o retirar personas: solo puede hacerlo sending_officer (DOMAIN.md, Roles). Pídaselo a un usuario con ese rol.',
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
