import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgreement } from './agreements/service.js';
import { ROLES, type Role } from './auth/model.js';
import { createToken, createUser } from './auth/service.js';
import type { AppContext } from './context.js';
import { registerFacility } from './facilities/service.js';
import { systemActor } from './ledger/events.js';
import { verifyLedger } from './ledger/verify.js';
import { CSV_HEADER, formatPersonCsvRows } from './people/import-format.js';
import { personRecordSchema } from './people/model.js';
import { buildApp } from './server.js';
import { testContext, testEngine } from './test-support/context.js';
import { aFacility, anAgreement, aPerson } from './test-support/factories.js';
import { testPartiesFor } from './test-support/parties.js';

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
const post = (
  name: string,
  role: Role,
  url: (ids: Ids) => string,
  body: (ids: Ids, bad: string) => unknown,
  field: string,
): Case => ({ name, role, method: 'POST', url, body, field });
const get = (name: string, url: (bad: string) => string, field: string): Case => ({
  name,
  role: 'sending_officer',
  method: 'GET',
  url: (_, bad) => url(bad),
  field,
});
const people = () => '/api/v1/people?agreement=test-agreement';
const incidents = (ids: Ids) => `/api/v1/facilities/${ids.facility}/incidents`;
const payments = () => '/api/v1/invoices/1/payments';
const holds = () => `/api/v1/people/${UNKNOWN}/holds`;
const agreements = () => '/api/v1/agreements';
const manifest = (ids: Ids, carrier: string, departure: string) => ({
  facilityId: ids.facility,
  carrier,
  flightNumber: 'GS1',
  origin: 'AEX',
  destination: 'SAL',
  scheduledDeparture: zoned(departure),
  scheduledArrival: zoned('2025-03-15T18:00:00Z'),
});
const preview = (ref: string, intakeAt: string) => ({
  agreement: 'test-agreement',
  month: '2025-03',
  intervals: [{ ref, intakeAt, releasedAt: null }],
});
const incident = (description: string, occurredAt?: string) => ({
  kind: 'use_of_force',
  severity: 'minor',
  description,
  ...(occurredAt ? { occurredAt } : {}),
});
const hold = (court: string, issued: string) => ({ type: 'tro', court, case: '1:25-cv-1', issued });

/** One text field of each feature the fuzzing broke. */
const textCases: Case[] = [
  post(
    'people',
    'sending_officer',
    people,
    (_, bad) => aPerson({ names: { given: bad, paternal: 'Ruiz', maternal: null } }),
    'body.names.given',
  ),
  post(
    'regime',
    'receiving_custody',
    (ids) => `/api/v1/facilities/${ids.facility}/regime`,
    (_, bad) => ({ entries: [{ cell: bad, date: '2025-03-01' }] }),
    'body.entries.0.cell',
  ),
  post('incidents', 'receiving_custody', incidents, (_, bad) => incident(bad), 'body.description'),
  post(
    'credit notes',
    'finance',
    () => '/api/v1/invoices/1/credit-notes',
    (_, bad) => ({ amountCents: 100, reason: bad }),
    'body.reason',
  ),
  post(
    'payments',
    'finance',
    payments,
    (_, bad) => ({ amountCents: 100, receivedOn: '2025-03-01', reference: bad }),
    'body.reference',
  ),
  post(
    'manifests',
    'sending_officer',
    () => '/api/v1/manifests',
    (ids, bad) => manifest(ids, bad, '2025-03-15T14:00:00Z'),
    'body.carrier',
  ),
  post('holds', 'sending_legal', holds, (_, bad) => hold(bad, '2025-03-01'), 'body.court'),
  post(
    'agreements',
    'admin',
    agreements,
    (ids, bad) => ({ ...anAgreement([ids.facility]), title: bad }),
    'body.title',
  ),
  post(
    'invoice preview',
    'finance',
    () => '/api/v1/invoices/preview',
    (_, bad) => preview(bad, '2025-03-01T00:00:00Z'),
    'body.intervals.0.ref',
  ),
  get(
    'screening asOf',
    (bad) => `/api/v1/people/${UNKNOWN}/screening?asOf=${encodeLoosely(bad)}`,
    'querystring.asOf',
  ),
  get('people search', (bad) => `${people()}&q=${encodeLoosely(bad)}`, 'querystring.q'),
];

/** The date fields the schemas check: year 0000 in each is a 400 naming it. */
const dateCases: Case[] = [
  post('people', 'sending_officer', people, (_, bad) => aPerson({ birthDate: bad }), 'body.birthDate'),
  post(
    'incidents',
    'receiving_custody',
    incidents,
    (_, bad) => incident('x', `${bad}T00:00:00Z`),
    'body.occurredAt',
  ),
  post(
    'payments',
    'finance',
    payments,
    (_, bad) => ({ amountCents: 100, receivedOn: bad, reference: 'r' }),
    'body.receivedOn',
  ),
  post(
    'manifests',
    'sending_officer',
    () => '/api/v1/manifests',
    (ids, bad) => manifest(ids, 'GlobalX', `${bad}T14:00:00Z`),
    'body.scheduledDeparture.instant',
  ),
  post('holds', 'sending_legal', holds, (_, bad) => hold('D.D.C.', bad), 'body.issued'),
  post(
    'agreements',
    'admin',
    agreements,
    (ids, bad) => ({ ...anAgreement([ids.facility]), effectiveFrom: bad }),
    'body.effectiveFrom',
  ),
  get('screening asOf', (bad) => `/api/v1/people/${UNKNOWN}/screening?asOf=${bad}`, 'querystring.asOf'),
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
    // A family user is created with the family contact they act for; that role holds no route yet. A court or counsel user acts for a test court or law office.
    for (const role of ROLES.filter((r) => r !== 'family')) {
      const name = `boundary.${role.replace(/_/g, '-')}`;
      const parties = await testPartiesFor(ctx, role);
      await createUser(ctx, system, { name, role, password: 'correct horse battery', parties });
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
    it(`refuses year 0000 in ${d.name} with a 400 naming ${d.field}`, async () => {
      const response = await send(d, '0000-01-01');
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().issues).toContainEqual({
        field: d.field,
        message: 'has a year outside 0001 to 9999, the years a date may have; check the year',
      });
      const es = await send(d, '0000-01-01', 'es');
      expect(es.json().issues).toContainEqual({
        field: d.field,
        message: 'tiene un año fuera de 0001 a 9999, los años que admite una fecha; revise el año',
      });
    });
  }

  it('refuses year 0000 in regime entries and preview intervals, and 10000 anywhere, without a 500', async () => {
    const regime = await send(
      post(
        'regime',
        'receiving_custody',
        (i) => `/api/v1/facilities/${i.facility}/regime`,
        (_, bad) => ({ entries: [{ cell: 'M1-C01', date: bad }] }),
        '',
      ),
      '0000-01-01',
    );
    expect(regime.statusCode, regime.body).toBe(422);
    expect(regime.json().rejected[0].issues).toContainEqual(
      expect.objectContaining({
        field: 'date',
        message: expect.stringContaining('year outside 0001 to 9999'),
      }),
    );
    const previewed = await send(
      post(
        'preview',
        'finance',
        () => '/api/v1/invoices/preview',
        (_, bad) => preview('P1', `${bad}T00:00:00Z`),
        '',
      ),
      '0000-01-01',
    );
    expect(previewed.statusCode, previewed.body).toBe(400);
    expect(previewed.body).toContain('intakeAt');
    for (const month of ['0000-03', '10000-03']) {
      const generated = await built.app.inject({
        method: 'POST',
        url: '/api/v1/invoices/preview',
        headers: { authorization: `Bearer ${tokens.get('finance')}` },
        payload: { agreement: 'test-agreement', month, intervals: [] },
      });
      expect(generated.statusCode, generated.body).toBe(400);
    }
    const far = await send(dateCases[0]!, '10000-01-01');
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

  it('answers %00, 36 characters that are not a uuid, and other broken path ids with 400 or 404, never 500', async () => {
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
      // 36 characters from a uuid's alphabet that are not a uuid: compared as a code, never cast to uuid.
      `/api/v1/facilities/${'-'.repeat(36)}`,
      `/api/v1/agreements/${'a'.repeat(36)}`,
      `/api/v1/invoices/${'-'.repeat(36)}`,
      `/api/v1/people/${'0'.repeat(36)}`,
      `/api/v1/transfers/${'f-'.repeat(18)}`,
      `/api/v1/manifests/${'-'.repeat(36)}`,
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

  it('refuses a Latin-1 CSV upload naming line and field, and reads it when the body says charset=iso-8859-1', async () => {
    const record = personRecordSchema.parse(
      aPerson({ ref: 'HTTP-L1', names: { given: 'Ana', paternal: 'PLACEHOLDER' } }),
    );
    const [before, after] = formatPersonCsvRows(record).join('\n').split('PLACEHOLDER');
    const body = Buffer.concat([
      Buffer.from(`${CSV_HEADER}\n${before}`),
      Buffer.from([0x50, 0x65, 0xf1, 0x61]), // "Peña" in Latin-1
      Buffer.from(`${after}\n`),
    ]);
    const upload = (type: string) =>
      built.app.inject({
        method: 'POST',
        url: '/api/v1/people/import?agreement=test-agreement',
        headers: {
          authorization: `Bearer ${tokens.get('sending_officer')}`,
          'content-type': type,
          'accept-language': 'es',
        },
        payload: body,
      });
    const refused = await upload('text/csv');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().rejected).toEqual([
      {
        line: 2,
        ref: 'HTTP-L1',
        issues: [{ field: 'paternal', line: 2, message: expect.stringContaining('los bytes no son UTF-8') }],
      },
    ]);
    const read = await upload('text/csv; charset=ISO-8859-1');
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({ registered: 1, rejectedCount: 0 });
  });
});
