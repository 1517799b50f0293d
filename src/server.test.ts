import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgreement } from './agreements/service.js';
import { createToken, createUser } from './auth/service.js';
import type { AppContext } from './context.js';
import { registerFacility } from './facilities/service.js';
import { systemActor } from './ledger/events.js';
import { buildApp } from './server.js';
import { testContext, testEngine } from './test-support/context.js';
import { aFacility, anAgreement, aPerson } from './test-support/factories.js';
import { pdfTextOf } from './test-support/pdf-text.js';

const system = systemActor('test');

describe(`HTTP API on ${testEngine}`, () => {
  let ctx: AppContext;
  let built: Awaited<ReturnType<typeof buildApp>>;
  let token: string;
  let agreementId: string;
  let facilityId: string;

  beforeAll(async () => {
    ctx = await testContext();
    built = await buildApp(ctx);
    await built.app.ready();
    await createUser(ctx, system, {
      name: 'ana.officer',
      role: 'sending_officer',
      password: 'correct horse battery',
    });
    await createUser(ctx, system, { name: 'mo.monitor', role: 'monitor', password: 'correct horse battery' });
    token = (await createToken(ctx, system, 'ana.officer')).token;
    const facility = await registerFacility(ctx, system, aFacility());
    facilityId = facility.id;
    agreementId = (await createAgreement(ctx, system, anAgreement([facility.id]))).id;
  });
  afterAll(async () => {
    await built.app.close();
    await ctx.handle.close();
  });

  it('declares access on every route, and refuses anonymous calls to non-public ones with 401', async () => {
    expect(built.routes.length).toBeGreaterThan(15);
    for (const route of built.routes) {
      expect(route.access, `${route.method} ${route.url}`).toBeDefined();
      if (route.access === 'public' || route.method === 'HEAD') continue;
      const url = route.url.replace(/:id/g, '01900000-0000-7000-8000-000000000000');
      const response = await built.app.inject({
        method: route.method as 'GET',
        url,
        payload: route.method === 'GET' ? undefined : {},
      });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('answers malformed JSON with a 400 problem', async () => {
    const response = await built.app.inject({
      method: 'POST',
      url: `/api/v1/people?agreement=${agreementId}`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: '{"ref": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 400, code: 'malformed_json' });
  });

  it('answers an invalid body with a 400 problem naming the fields', async () => {
    const response = await built.app.inject({
      method: 'POST',
      url: `/api/v1/people?agreement=${agreementId}`,
      headers: { authorization: `Bearer ${token}` },
      payload: aPerson({ birthDate: '2025-02-30', nationalities: ['VZ'] }),
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.issues.map((i: { field: string }) => i.field)).toEqual(
      expect.arrayContaining(['body.birthDate', 'body.nationalities.0']),
    );
  });

  it('creates and reads a person with a bearer token', async () => {
    const created = await built.app.inject({
      method: 'POST',
      url: `/api/v1/people?agreement=${agreementId}`,
      headers: { authorization: `Bearer ${token}` },
      payload: aPerson(),
    });
    expect(created.statusCode).toBe(201);
    const list = await built.app.inject({
      url: `/api/v1/people?agreement=test-agreement&q=hernandez`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(list.json().items).toHaveLength(1);
  });

  it('imports an NDJSON upload: good rows stored, bad rows in a 422 problem with their lines', async () => {
    const body = [
      JSON.stringify(aPerson({ ref: 'UP-1' })),
      '{"ref":',
      JSON.stringify(aPerson({ ref: 'UP-2', nationalities: ['VZ'] })),
    ].join('\n');
    const response = await built.app.inject({
      method: 'POST',
      url: `/api/v1/people/import?agreement=${agreementId}`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
      payload: body,
    });
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const report = response.json();
    expect(report.registered).toBe(1);
    expect(report.rejected.map((r: { line: number }) => r.line)).toEqual([2, 3]);
    const wrongType = await built.app.inject({
      method: 'POST',
      url: `/api/v1/people/import?agreement=${agreementId}`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: {},
    });
    expect(wrongType.statusCode).toBe(400);
  });

  it('nominates a person for transfer and refuses a step the role may not take', async () => {
    const list = await built.app.inject({
      url: `/api/v1/people?agreement=${agreementId}&q=UP-1`,
      headers: { authorization: `Bearer ${token}` },
    });
    const personId = list.json().items[0].id;
    const nominated = await built.app.inject({
      method: 'POST',
      url: '/api/v1/transfers',
      headers: { authorization: `Bearer ${token}` },
      payload: { personId, agreementId },
    });
    expect(nominated.statusCode).toBe(201);
    expect(nominated.json()).toMatchObject({ status: 'nominated', personId });
    const accept = await built.app.inject({
      method: 'POST',
      url: `/api/v1/transfers/${nominated.json().transferId}/actions`,
      headers: { authorization: `Bearer ${token}` },
      payload: { action: 'screen' },
    });
    // Screening review is sending_legal's step, not the sending officer's.
    expect(accept.statusCode).toBe(403);
    const timeline = await built.app.inject({
      url: `/api/v1/transfers/${nominated.json().transferId}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(timeline.json().history.map((h: { action: string }) => h.action)).toEqual(['nominate']);
  });

  it('sends the transfers board and a timeline step through their contracts', async () => {
    const board = await built.app.inject({
      url: `/api/v1/transfers?agreementId=${agreementId}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(board.statusCode).toBe(200);
    expect(board.json().counts).toEqual({ nominated: 1 });
    const [row] = board.json().transfers;
    expect(row).toMatchObject({ status: 'nominated', agreementId });
    const detail = await built.app.inject({
      url: `/api/v1/transfers/${row.transferId}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(detail.statusCode).toBe(200);
    expect(detail.json().history[0]).toMatchObject({
      action: 'nominate',
      fromStatus: null,
      toStatus: 'nominated',
      details: { personId: row.personId, agreementId },
    });
  });

  it('sends an incident, its list and its history through their contracts', async () => {
    await createUser(ctx, system, {
      name: 'rui.custody',
      role: 'receiving_custody',
      password: 'correct horse battery',
    });
    const custody = (await createToken(ctx, system, 'rui.custody')).token;
    const reported = await built.app.inject({
      method: 'POST',
      url: `/api/v1/facilities/${facilityId}/incidents`,
      headers: { authorization: `Bearer ${custody}` },
      payload: { kind: 'food_refusal', description: 'Refused breakfast and lunch.' },
    });
    expect(reported.statusCode).toBe(201);
    const list = await built.app.inject({
      url: `/api/v1/facilities/${facilityId}/incidents`,
      headers: { authorization: `Bearer ${custody}` },
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().incidents[0]).toMatchObject({ kind: 'food_refusal', status: 'open' });
    const detail = await built.app.inject({
      url: `/api/v1/incidents/${reported.json().incidentId}`,
      headers: { authorization: `Bearer ${custody}` },
    });
    expect(detail.statusCode).toBe(200);
    expect(detail.json().history).toMatchObject([{ action: 'reported', to_status: 'open' }]);
  });

  it('refuses a headcount of 1e9 or beyond what the facility can hold, naming the bound in both languages', async () => {
    await createUser(ctx, system, {
      name: 'hc.custody',
      role: 'receiving_custody',
      password: 'correct horse battery',
    });
    const custody = (await createToken(ctx, system, 'hc.custody')).token;
    const headcount = (payload: string, lang: 'en' | 'es') =>
      built.app.inject({
        method: 'POST',
        url: `/api/v1/facilities/${facilityId}/headcounts`,
        headers: {
          authorization: `Bearer ${custody}`,
          'content-type': 'application/json',
          'accept-language': lang,
        },
        payload,
      });
    for (const counted of ['1e9', '1000000000']) {
      const en = await headcount(`{"counted": ${counted}}`, 'en');
      expect(en.statusCode).toBe(400);
      expect(en.json().issues).toEqual([
        { field: 'body.counted', message: expect.stringContaining('1000000') },
      ]);
      const es = await headcount(`{"counted": ${counted}}`, 'es');
      expect(es.statusCode).toBe(400);
      expect(es.json().issues).toEqual([
        { field: 'body.counted', message: expect.stringContaining('1000000') },
      ]);
      expect(es.json().issues[0].message).not.toBe(en.json().issues[0].message);
    }
    // Under the ceiling but more than twice what the test facility holds (operational capacity 400).
    const over = await headcount('{"counted": 5000}', 'en');
    expect(over.statusCode).toBe(400);
    expect(over.json()).toMatchObject({
      code: 'invalid_input',
      messageKey: 'incident.headcount_over_capacity',
    });
    expect(over.json().detail).toMatch(
      /^counted 5,000 is more than SV-TEST can hold: a headcount is at most 800, twice/,
    );
    const overEs = await headcount('{"counted": 5000}', 'es');
    expect(overEs.json().detail).toMatch(
      /^counted 5,000 supera lo que SV-TEST puede albergar: .*como máximo 800, el doble/,
    );
    const half = await headcount('{"counted": 2.5}', 'en');
    expect(half.statusCode).toBe(400);
    expect(half.json().issues[0].field).toBe('body.counted');
  });

  it('withdraws a person with a reason instead of deleting them', async () => {
    const list = await built.app.inject({
      url: `/api/v1/people?agreement=${agreementId}&q=UP-1`,
      headers: { authorization: `Bearer ${token}` },
    });
    const id = list.json().items[0].id;
    const gone = await built.app.inject({
      method: 'DELETE',
      url: `/api/v1/people/${id}?reason=entered_in_error`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(gone.statusCode).toBe(204);
    const person = await built.app.inject({
      url: `/api/v1/people/${id}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(person.json().withdrawnReason).toBe('entered_in_error');
  });

  it('logs in with a cookie session that is httpOnly and SameSite=Strict, and requires the CSRF token', async () => {
    const login = await built.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { name: 'mo.monitor', password: 'correct horse battery' },
    });
    expect(login.statusCode).toBe(200);
    const setCookie = String(login.headers['set-cookie']);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    const cookie = setCookie.split(';')[0]!;
    const { csrfToken } = login.json();
    const session = await built.app.inject({ url: '/api/v1/auth/session', headers: { cookie } });
    expect(session.json().user.name).toBe('mo.monitor');
    const noCsrf = await built.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie },
    });
    expect(noCsrf.statusCode).toBe(403);
    const forbidden = await built.app.inject({
      method: 'POST',
      url: `/api/v1/people?agreement=${agreementId}`,
      headers: { cookie, 'x-csrf-token': csrfToken },
      payload: aPerson({ ref: 'X-2' }),
    });
    expect(forbidden.statusCode).toBe(403);
    const out = await built.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    expect(out.statusCode).toBe(204);
    const after = await built.app.inject({ url: '/api/v1/auth/session', headers: { cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('rate-limits login', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < ctx.config.loginRateLimit + 2; i++) {
      const r = await built.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '10.9.9.9',
        payload: { name: 'nobody', password: 'wrong password!' },
      });
      statuses.push(r.statusCode);
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(ctx.config.loginRateLimit);
  });

  it('exports the compliance report as a CSV or PDF download, and refuses another format', async () => {
    const monitor = (await createToken(ctx, system, 'mo.monitor')).token;
    const url = '/api/v1/facilities/SV-TEST/compliance/export?from=2025-04-01&to=2025-04-30';
    const get = (format: string) =>
      built.app.inject({ url: `${url}&format=${format}`, headers: { authorization: `Bearer ${monitor}` } });
    const csvReply = await get('csv');
    expect(csvReply.statusCode).toBe(200);
    expect(csvReply.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csvReply.headers['content-disposition']).toBe(
      'attachment; filename="compliance-SV-TEST-2025-04-01-2025-04-30.csv"',
    );
    expect(csvReply.body).toBe('rule,source,severity,date,cell,person,detail\r\n');
    const pdfReply = await get('pdf');
    expect(pdfReply.statusCode).toBe(200);
    expect(pdfReply.headers['content-type']).toBe('application/pdf');
    expect(pdfReply.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfTextOf(pdfReply.rawPayload)).toContain('Standards compliance report');
    // Spanish when the query or the reader's Accept-Language asks for it; the query wins.
    const spanish = await get('pdf&lang=es');
    expect(pdfTextOf(spanish.rawPayload)).toContain('Informe de cumplimiento de las normas');
    const byHeader = await built.app.inject({
      url: `${url}&format=pdf`,
      headers: { authorization: `Bearer ${monitor}`, 'accept-language': 'es-SV,es;q=0.9,en;q=0.5' },
    });
    expect(pdfTextOf(byHeader.rawPayload)).toContain('Periodo: del 1 abr 2025 al 30 abr 2025');
    const queryWins = await built.app.inject({
      url: `${url}&format=pdf&lang=en`,
      headers: { authorization: `Bearer ${monitor}`, 'accept-language': 'es' },
    });
    expect(pdfTextOf(queryWins.rawPayload)).toContain('Period: Apr 1, 2025 to Apr 30, 2025');
    const refused = await get('xls');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().issues).toEqual([expect.objectContaining({ field: 'querystring.format' })]);
  });

  it('sends a transfer cancelled as ineligible with its screening, every rule with result, reason and source', async () => {
    await createUser(ctx, system, {
      name: 'lu.legal',
      role: 'sending_legal',
      password: 'correct horse battery',
    });
    const legal = (await createToken(ctx, system, 'lu.legal')).token;
    const imported = await built.app.inject({
      method: 'POST',
      url: `/api/v1/people/import?agreement=${agreementId}`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
      payload: JSON.stringify(aPerson({ ref: 'MAR-1', nationalities: ['VE'], convictions: [] })),
    });
    expect(imported.json().registered).toBe(1);
    const list = await built.app.inject({
      url: `/api/v1/people?agreement=${agreementId}&q=MAR-1`,
      headers: { authorization: `Bearer ${token}` },
    });
    const personId = list.json().items[0].id;
    const nominated = await built.app.inject({
      method: 'POST',
      url: '/api/v1/transfers',
      headers: { authorization: `Bearer ${token}` },
      payload: { personId, agreementId },
    });
    const id = nominated.json().transferId;
    // As of the day the agreement's policy came into force (the test clock is earlier).
    const asOf = '2025-03-14';
    for (const payload of [
      { action: 'screen', asOf },
      { action: 'cancel', reasonCode: 'ineligible', asOf },
    ]) {
      const step = await built.app.inject({
        method: 'POST',
        url: `/api/v1/transfers/${id}/actions`,
        headers: { authorization: `Bearer ${legal}` },
        payload,
      });
      expect(step.statusCode, step.body).toBe(200);
    }
    const detail = await built.app.inject({
      url: `/api/v1/transfers/${id}`,
      headers: { authorization: `Bearer ${legal}` },
    });
    expect(detail.statusCode).toBe(200);
    const transfer = detail.json();
    expect(transfer.status).toBe('cancelled');
    expect(transfer.screenings).toHaveLength(1);
    expect(transfer.screenings[0]).toMatchObject({ outcome: 'ineligible', reason: 'step_screen' });
    const rules = transfer.screenings[0].rules;
    expect(rules).toHaveLength(9);
    expect(rules).toContainEqual(expect.objectContaining({ id: 'convicted', result: 'fail' }));
    for (const rule of rules) {
      expect(rule).toEqual({
        id: expect.any(String),
        result: expect.any(String),
        reason: { en: expect.stringMatching(/\S/), es: expect.stringMatching(/\S/) },
        source: expect.stringMatching(/\S/),
        facts: expect.any(Object),
      });
    }
    const screened = transfer.history.find((h: { action: string }) => h.action === 'screen');
    expect(screened.details.screening).toMatchObject({
      outcome: 'ineligible',
      screeningId: transfer.screenings[0].id,
      rules,
    });
  });

  it('serves the OpenAPI document, health, readiness and the public checkpoint', async () => {
    const doc = (await built.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/v1/people');
    expect((await built.app.inject({ url: '/healthz' })).statusCode).toBe(200);
    const ready = await built.app.inject({ url: '/readyz' });
    expect(ready.json().components.migrations.status).toBe('ok');
    const cp = await built.app.inject({ url: '/api/v1/public/checkpoint' });
    expect(cp.body.startsWith(`${ctx.signer.name}\n`)).toBe(true);
    expect(cp.body).toContain('\n\n\u2014 ');
  });
});

describe(`readiness on ${testEngine}`, () => {
  it('reports the database component down with 503 when the database is unreachable', async () => {
    const ctx = await testContext();
    const { app } = await buildApp(ctx);
    await app.ready();
    await ctx.handle.close();
    const response = await app.inject({ url: '/readyz' });
    expect(response.statusCode).toBe(503);
    expect(response.json().components.database.status).toBe('down');
    expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
    await app.close();
  });
});
