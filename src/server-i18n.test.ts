import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, createUser } from './auth/service.js';
import type { AppContext } from './context.js';
import { systemActor } from './ledger/events.js';
import { buildApp } from './server.js';
import { testContext, testEngine } from './test-support/context.js';

const system = systemActor('test');

describe(`refusals in the reader's language on ${testEngine}`, () => {
  let ctx: AppContext;
  let built: Awaited<ReturnType<typeof buildApp>>;
  let token: string;

  beforeAll(async () => {
    ctx = await testContext();
    built = await buildApp(ctx);
    await built.app.ready();
    await createUser(ctx, system, { name: 'mo.monitor', role: 'monitor', password: 'correct horse battery' });
    token = (await createToken(ctx, system, 'mo.monitor')).token;
  });
  afterAll(async () => {
    await built.app.close();
    await ctx.handle.close();
  });

  const get = (url: string, lang?: string) =>
    built.app.inject({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${token}`, ...(lang ? { 'accept-language': lang } : {}) },
    });

  it('answers in English by default and in Spanish when asked, with the code, key and parameters', async () => {
    const id = '01900000-0000-7000-8000-000000000000';
    const english = await get(`/api/v1/transfers/${id}`);
    expect(english.statusCode).toBe(404);
    expect(english.json()).toMatchObject({
      title: 'Not found',
      detail: `Transfer ${id} does not exist. Check the id, or list them to find it.`,
      code: 'not_found',
      messageKey: 'common.not_found',
      params: { subject: 'transfer', id },
    });
    const spanish = await get(`/api/v1/transfers/${id}`, 'es-SV,es;q=0.9,en;q=0.5');
    expect(spanish.statusCode).toBe(404);
    expect(spanish.headers['content-type']).toContain('application/problem+json');
    expect(spanish.json()).toMatchObject({
      title: 'No encontrado',
      detail: `El traslado ${id} no existe. Compruebe el identificador o consulte la lista para encontrarlo.`,
      code: 'not_found',
      messageKey: 'common.not_found',
      params: { subject: 'transfer', id },
    });
  });

  it('names invalid fields in Spanish', async () => {
    const response = await built.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'accept-language': 'es' },
      payload: { name: '', password: 'x' },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.title).toBe('Datos no válidos');
    expect(body.detail).toBe('La solicitud tiene 1 campo(s) no válido(s); corrija los indicados en issues.');
    expect(body.issues).toEqual([
      { field: 'body.name', message: expect.stringMatching(/demasiado pequeño/i) },
    ]);
  });

  it('names the type received in Spanish, as the English text does', async () => {
    const send = (lang: string) =>
      built.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'accept-language': lang },
        payload: { name: 42, password: 'x' },
      });
    const english = (await send('en')).json().issues[0];
    expect(english).toEqual({
      field: 'body.name',
      message: 'Invalid input: expected string, received number',
    });
    const spanish = (await send('es')).json().issues[0];
    expect(spanish.field).toBe('body.name');
    expect(spanish.message).toMatch(/^Entrada inválida: se esperaba texto, recibido número$/);
  });

  it('says an unknown API route in Spanish', async () => {
    const response = await get('/api/v1/nothing-here', 'es');
    expect(response.statusCode).toBe(404);
    expect(response.json().detail).toBe(
      'No hay ninguna ruta de la API GET /api/v1/nothing-here. Consulte /api/docs.',
    );
  });
});
