import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgreement } from './agreements/service.js';
import { ROLES, type Role } from './auth/model.js';
import { createToken, createUser } from './auth/service.js';
import type { AppContext } from './context.js';
import { registerFacility } from './facilities/service.js';
import { systemActor } from './ledger/events.js';
import { verifyLedger } from './ledger/verify.js';
import { buildApp } from './server.js';
import { testContext, testEngine } from './test-support/context.js';
import { aFacility, anAgreement, aPerson } from './test-support/factories.js';

// The five causes of the 500s the fuzzing found (issue 14), each now a 400/404/422 naming the field:
// a NUL, a lone UTF-16 surrogate and a year-0000 date in the text and date fields of every feature, an
// invalid paging cursor, and %00 as a path id (docs/decisions/0018).

const system = systemActor('test');
const NUL = 'a\u0000b';
const SURROGATE = 'a\ud800b';
const UNKNOWN = '01900000-0000-7000-8000-000000000000';

/** A request whose `bad` value goes into one field, named as the answer must name it. */
interface Case {
  name: string;
  /** A role that may take the action, so the request reaches validation rather than a 403. */
  role: Role;
  method: 'GET' | 'POST' | 'PUT';
  url: (ids: Ids, bad: string) => string;
  body?: (ids: Ids, bad: string) => unknown;
  /** The field that holds `bad`, as the 400 names it. */
  field: string;
}
interface Ids {
  facility: string;
}

const zoned = (instant: string) => ({ instant, zone: 'America/El_Salvador' });

/** One text field and one date field of each feature the fuzzing broke. */
const textCases: Case[] = [
  {
    name: 'people',
    role: 'sending_officer',
    method: 'POST',
    url: () => '/api/v1/people?agreement=test-agreement',
    body: (_, bad) => aPerson({ names: { given: bad, paternal: 'Ruiz', maternal: null } }),
    field: 'body.names.given',
  },
  {
    name: 'regime',
    role: 'receiving_custody',
    method: 'POST',
    url: (ids) => `/api/v1/facilities/${ids.facility}/regime`,
    body: (_, bad) => ({ entries: [{ cell: bad, date: '2025-03-01' }] }),
    field: 'body.entries.0.cell',
  },
  {
    name: 'incidents',
    role: 'receiving_custody',
    method: 'POST',
    url: (ids) => `/api/v1/facilities/${ids.facility}/incidents`,
    body: (_, bad) => ({ kind: 'use_of_force', severity: 'minor', description: bad }),
    field: 'body.description',
  },
  {
    name: 'credit notes',
    role: 'finance',
    method: 'POST',
    url: () => '/api/v1/invoices/1/credit-notes',
    body: (_, bad) => ({ amountCents: 100, reason: bad }),
    field: 'body.reason',
  },
  {
    name: 'payments',
    role: 'finance',
    method: 'POST',
    url: () => '/api/v1/invoices/1/payments',
    body: (_, bad) => ({ amountCents: 100, receivedOn: '2025-03-01', reference: bad }),
    field: 'body.reference',
  },
  {
    name: 'manifests',
    role: 'sending_officer',
    method: 'POST',
    url: () => '/api/v1/manifests',
    body: (ids, bad) => ({
      facilityId: ids.facility,
      carrier: bad,
      flightNumber: 'GS1',
      origin: 'AEX',
      destination: 'SAL',
      scheduledDeparture: zoned('2025-03-15T14:00:00Z'),
      scheduledArrival: zoned('2025-03-15T18:00:00Z'),
    }),
    field: 'body.carrier',
  },
  {
    name: 'holds',
    role: 'sending_legal',
    method: 'POST',
    url: () => `/api/v1/people/${UNKNOWN}/holds`,
    body: (_, bad) => ({ type: 'tro', court: bad, case: '1:25-cv-1', issued: '2025-03-01' }),
    field: 'body.court',
  },
  {
    name: 'agreements',
    role: 'admin',
    method: 'POST',
    url: () => '/api/v1/agreements',
    body: (ids, bad) => ({ ...anAgreement([ids.facility]), title: bad }),
    field: 'body.title',
  },
  {
    name: 'invoice preview',
    role: 'finance',
    method: 'POST',
    url: () => '/api/v1/invoices/preview',
    body: (_, bad) => ({
      agreement: 'test-agreement',
      month: '2025-03',
      intervals: [{ ref: bad, intakeAt: '2025-03-01T00:00:00Z', releasedAt: null }],
    }),
    field: 'body.intervals.0.ref',
  },
  {
    name: 'screening asOf',
    role: 'sending_officer',
    method: 'GET',
    url: (_, bad) => `/api/v1/people/${UNKNOWN}/screening?asOf=${encodeLoosely(bad)}`,
    field: 'querystring.asOf',
  },
  {
    name: 'people search',
    role: 'sending_officer',
    method: 'GET',
    url: (_, bad) => `/api/v1/people?agreement=test-agreement&q=${encodeLoosely(bad)}`,
    field: 'querystring.q',
  },
];

/** The date fields: year 0000 in each. */
const dateCases: { name: string; case: Case; status: number }[] = [
  {
    name: 'people',
    status: 400,
    case: {
      name: 'people',
      role: 'sending_officer',
      method: 'POST',
      url: () => '/api/v1/people?agreement=test-agreement',
      body: (_, bad) => aPerson({ birthDate: bad }),
      field: 'body.birthDate',
    },
  },
  {
    name: 'incidents',
    status: 400,
    case: {
      name: 'incidents',
      role: 'receiving_custody',
      method: 'POST',
      url: (ids) => `/api/v1/facilities/${ids.facility}/incidents`,
      body: (_, bad) => ({
        kind: 'use_of_force',
        severity: 'minor',
        description: 'x',
        occurredAt: `${bad}T00:00:00Z`,
      }),
      field: 'body.occurredAt',
    },
  },
  {
    name: 'payments',
    status: 400,
    case: {
      name: 'payments',
      role: 'finance',
      method: 'POST',
      url: () => '/api/v1/invoices/1/payments',
      body: (_, bad) => ({ amountCents: 100, receivedOn: bad, reference: 'r' }),
      field: 'body.receivedOn',
    },
  },
  {
    name: 'manifests',
    status: 400,
    case: {
      name: 'manifests',
      role: 'sending_officer',
      method: 'POST',
      url: () => '/api/v1/manifests',
      body: (ids, bad) => ({
        facilityId: ids.facility,
        carrier: 'GlobalX',
        flightNumber: 'GS1',
        origin: 'AEX',
        destination: 'SAL',
        scheduledDeparture: zoned(`${bad}T14:00:00Z`),
        scheduledArrival: zoned('2025-03-15T18:00:00Z'),
      }),
      field: 'body.scheduledDeparture.instant',
    },
  },
  {
    name: 'holds',
    status: 400,
    case: {
      name: 'holds',
      role: 'sending_legal',
      method: 'POST',
      url: () => `/api/v1/people/${UNKNOWN}/holds`,
      body: (_, bad) => ({ type: 'tro', court: 'D.D.C.', case: '1:25-cv-1', issued: bad }),
      field: 'body.issued',
    },
  },
  {
    name: 'agreements',
    status: 400,
    case: {
      name: 'agreements',
      role: 'admin',
      method: 'POST',
      url: () => '/api/v1/agreements',
      body: (ids, bad) => ({ ...anAgreement([ids.facility]), effectiveFrom: bad }),
      field: 'body.effectiveFrom',
    },
  },
  {
    name: 'screening asOf',
    status: 400,
    case: {
      name: 'screening asOf',
      role: 'sending_officer',
      method: 'GET',
      url: (_, bad) => `/api/v1/people/${UNKNOWN}/screening?asOf=${bad}`,
      field: 'querystring.asOf',
    },
  },
];

/** Percent-encodes text, a lone surrogate as the (invalid) UTF-8 bytes a careless client would send. */
function encodeLoosely(text: string): string {
  return [...text].map((c) => (/^[\ud800-\udfff]$/.test(c) ? '%ED%A0%80' : encodeURIComponent(c))).join('');
}

describe(`text and dates at the boundary, over HTTP on ${testEngine}`, () => {
  let ctx: AppContext;
  let built: Awaited<ReturnType<typeof buildApp>>;
  const tokens = new Map<Role, string>();
  let ids: Ids;

  beforeAll(async () => {
    ctx = await testContext();
    built = await buildApp(ctx);
    await built.app.ready();
    for (const role of ROLES) {
      const name = `boundary.${role.replace(/_/g, '-')}`;
      await createUser(ctx, system, { name, role, password: 'correct horse battery' });
      tokens.set(role, (await createToken(ctx, system, name)).token);
    }
    const facility = await registerFacility(ctx, system, aFacility());
    await createAgreement(ctx, system, anAgreement([facility.id]));
    ids = { facility: facility.id };
  });
  afterAll(async () => {
    await built.app.close();
    await ctx.handle.close();
  });

  const send = (c: Case, bad: string, lang = 'en') => {
    const headers = { authorization: `Bearer ${tokens.get(c.role)}`, 'accept-language': lang };
    if (!c.body) return built.app.inject({ method: c.method, url: c.url(ids, bad), headers });
    return built.app.inject({
      method: c.method,
      url: c.url(ids, bad),
      headers: { ...headers, 'content-type': 'application/json' },
      payload: JSON.stringify(c.body(ids, bad)),
    });
  };

  for (const c of textCases) {
    it(`refuses a NUL and a lone surrogate in ${c.name} with a 400 naming ${c.field}`, async () => {
      for (const [bad, words] of [
        [NUL, 'contains the NUL character (U+0000)'],
        [SURROGATE, 'contains half of a UTF-16 surrogate pair'],
      ] as const) {
        const response = await send(c, bad);
        // A URL carries bytes: the bytes of a lone surrogate are not UTF-8 and arrive as U+FFFD, which is
        // text; only a JSON escape (\ud800) can carry a lone surrogate in.
        if (bad === SURROGATE && !c.body) {
          expect(response.statusCode, response.body).toBeLessThan(500);
          continue;
        }
        expect(response.statusCode, `${c.name} ${JSON.stringify(bad)}: ${response.body}`).toBe(400);
        const body = response.json();
        expect(body.code).toBe('invalid_input');
        expect(body.issues).toEqual([
          { field: c.field, message: expect.stringContaining(`${c.field} ${words}`) },
        ]);
      }
      const es = (await send(c, NUL, 'es')).json();
      expect(es.issues[0].message).toContain(`${c.field} contiene el carácter NUL (U+0000)`);
    });
  }

  for (const d of dateCases) {
    it(`refuses year 0000 in ${d.name} with a ${d.status} naming ${d.case.field}`, async () => {
      const response = await send(d.case, '0000-01-01');
      expect(response.statusCode, response.body).toBe(d.status);
      expect(response.json().issues).toContainEqual({
        field: d.case.field,
        message: 'has a year outside 0001 to 9999, the years a date may have; check the year',
      });
      const es = await send(d.case, '0000-01-01', 'es');
      expect(es.json().issues).toContainEqual({
        field: d.case.field,
        message: 'tiene un año fuera de 0001 a 9999, los años que admite una fecha; revise el año',
      });
    });
  }

  it('refuses year 0000 in regime entries and preview intervals, and 10000 anywhere, without a 500', async () => {
    const regime = await send(
      {
        name: 'regime',
        role: 'receiving_custody',
        method: 'POST',
        url: (i) => `/api/v1/facilities/${i.facility}/regime`,
        body: (_, bad) => ({ entries: [{ cell: 'M1-C01', date: bad }] }),
        field: '',
      },
      '0000-01-01',
    );
    expect(regime.statusCode, regime.body).toBe(422);
    expect(regime.json().rejected[0].issues).toContainEqual(
      expect.objectContaining({
        field: 'date',
        message: expect.stringContaining('year outside 0001 to 9999'),
      }),
    );
    const preview = await send(
      {
        name: 'preview',
        role: 'finance',
        method: 'POST',
        url: () => '/api/v1/invoices/preview',
        body: (_, bad) => ({
          agreement: 'test-agreement',
          month: '2025-03',
          intervals: [{ ref: 'P1', intakeAt: `${bad}T00:00:00Z`, releasedAt: null }],
        }),
        field: '',
      },
      '0000-01-01',
    );
    expect(preview.statusCode, preview.body).toBe(400);
    expect(preview.body).toContain('intakeAt');
    for (const month of ['0000-03', '10000-03']) {
      const generated = await built.app.inject({
        method: 'POST',
        url: '/api/v1/invoices/preview',
        headers: { authorization: `Bearer ${tokens.get('finance')}` },
        payload: { agreement: 'test-agreement', month, intervals: [] },
      });
      expect(generated.statusCode, generated.body).toBe(400);
    }
    const far = await send(dateCases[0]!.case, '10000-01-01');
    expect(far.statusCode).toBe(400);
  });

  it('answers an invalid paging cursor with a 400 naming the cursor, in both languages', async () => {
    for (const url of [
      '/api/v1/agreements?cursor=%%%',
      '/api/v1/facilities?cursor=%%%',
      '/api/v1/agreements?cursor=nope',
    ]) {
      const response = await built.app.inject({
        url,
        headers: { authorization: `Bearer ${tokens.get('admin')}` },
      });
      expect(response.statusCode, `${url}: ${response.body}`).toBe(400);
      expect(response.json().issues).toContainEqual({
        field: 'cursor',
        message: 'The cursor is not one this list returned; start again without a cursor.',
      });
    }
    const es = await built.app.inject({
      url: '/api/v1/agreements?cursor=%%%',
      headers: { authorization: `Bearer ${tokens.get('admin')}`, 'accept-language': 'es' },
    });
    expect(es.json().detail).toBe(
      'El cursor no es uno de los que devolvió esta lista; empiece de nuevo sin cursor.',
    );
  });

  it('answers %00 and other broken path ids with 400 or 404, never 500', async () => {
    const paths = [
      '/api/v1/people/%00',
      '/api/v1/people/%00/screening',
      '/api/v1/facilities/%00',
      '/api/v1/agreements/%00',
      '/api/v1/manifests/%00',
      '/api/v1/transfers/%00',
      '/api/v1/incidents/%00',
      '/api/v1/invoices/%00',
      '/api/v1/people/%ED%A0%80',
      '/api/v1/facilities/a%00b/regime?from=2025-01-01&to=2025-01-31',
    ];
    for (const url of paths) {
      const response = await built.app.inject({
        url,
        headers: { authorization: `Bearer ${tokens.get('admin')}` },
      });
      expect([400, 404], `${url}: ${response.body}`).toContain(response.statusCode);
    }
    const nul = await built.app.inject({
      url: '/api/v1/people/%00',
      headers: { authorization: `Bearer ${tokens.get('admin')}` },
    });
    expect(nul.json().issues).toEqual([
      { field: 'params.id', message: expect.stringContaining('params.id contains the NUL character') },
    ]);
  });

  it('refuses a NUL in an object key, naming it with the NUL escaped, and the ledger still verifies', async () => {
    const response = await built.app.inject({
      method: 'POST',
      url: '/api/v1/people?agreement=test-agreement',
      headers: { authorization: `Bearer ${tokens.get('sending_officer')}` },
      payload: { ...aPerson(), 'x\u0000y': 1 },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().issues).toEqual([
      {
        field: 'body.x\\u0000y',
        message: expect.stringContaining('body.x\\u0000y contains the NUL character'),
      },
    ]);
    const report = await verifyLedger(ctx.handle.db, { signer: ctx.signer, events: ctx.events });
    expect(report.problems).toEqual([]);
  });
});
