import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, createUser } from '../auth/service.js';
import { releasePerson } from '../custody/service.js';
import { allocateFacility } from '../facilities/housing-service.js';
import { systemActor } from '../ledger/events.js';
import { createPerson } from '../people/service.js';
import { buildApp } from '../server.js';
import { anActor, testContext, testEngine } from '../test-support/context.js';
import { receivePeople } from '../test-support/custody-fixture.js';
import { aConviction, anEligiblePerson } from '../test-support/eligibility-fixtures.js';
import { aManifest } from '../test-support/factories.js';
import { locatorAgreement } from '../test-support/locator-fixture.js';
import { addToManifest, boardPerson, createManifest } from '../transfers/manifest-service.js';
import { act } from '../transfers/service.js';

const system = systemActor('test');
const officer = anActor('sending_officer');
const legal = anActor('sending_legal');
const ADDRESS = 'Centro de Confinamiento del Terrorismo, Tecoluca, San Vicente, El Salvador';

function person(ref: string, given: string, paternal: string, aNumber: string, caseNo: number) {
  return anEligiblePerson({
    ref,
    names: { given, paternal, maternal: null },
    birthCountry: 'SV',
    identifiers: [{ type: 'a_number', value: aNumber }],
    convictions: [aConviction({ caseNumber: `1:22-cr-0000${caseNo}` })],
  });
}

/**
 * One person in custody (housed in a cell), one released, one boarded and not received, one never moved,
 * and two people with the same name, birth date and country.
 */
describe(`the public locator API on ${testEngine}`, () => {
  let ctx: Awaited<ReturnType<typeof testContext>>;
  let built: Awaited<ReturnType<typeof buildApp>>;
  let monitorToken: string;
  let officerToken: string;
  let heldId: string;
  let ip = 0;

  /** Asks the locator from a fresh client address, so the limit per address does not interfere. */
  async function ask(query: Record<string, string>, headers: Record<string, string> = {}) {
    ip += 1;
    const response = await built.app.inject({
      url: '/api/v1/public/locator',
      query,
      headers,
      remoteAddress: `198.51.100.${ip}`,
    });
    return {
      status: response.statusCode,
      body: response.json(),
      text: response.body,
      headers: response.headers,
    };
  }

  beforeAll(async () => {
    ctx = await testContext({ now: '2025-03-14T15:00:00Z' });
    built = await buildApp(ctx);
    await built.app.ready();
    await createUser(ctx, system, { name: 'mo.monitor', role: 'monitor', password: 'correct horse battery' });
    monitorToken = (await createToken(ctx, system, 'mo.monitor')).token;
    await createUser(ctx, system, {
      name: 'so.officer',
      role: 'sending_officer',
      password: 'correct horse battery',
    });
    officerToken = (await createToken(ctx, system, 'so.officer')).token;
    const { agreementId, facilityId } = await locatorAgreement(ctx, {
      code: 'SV-LOC',
      name: 'Centro de Confinamiento del Terrorismo (CECOT)',
      address: ADDRESS,
    });
    await receivePeople(ctx, { agreementId, facilityId }, [
      anEligiblePerson({
        ref: 'LOC-HELD',
        names: { given: 'José Luis', paternal: 'Hernández', maternal: 'García' },
        birthCountry: 'SV',
        identifiers: [{ type: 'a_number', value: 'A123456789' }],
        convictions: [aConviction({ caseNumber: '1:22-cr-00001' })],
      }),
      person('LOC-FREED', 'Beto', 'Bonilla', 'A200000001', 2),
    ]);
    await allocateFacility(ctx, anActor('receiving_officer'), facilityId);
    const idOf = async (ref: string) =>
      (await ctx.handle.db.selectFrom('people').select('id').where('ref', '=', ref).executeTakeFirstOrThrow())
        .id;
    heldId = await idOf('LOC-HELD');
    ctx.clock.advance(24 * 3_600_000);
    await releasePerson(ctx, anActor('receiving_custody'), await idOf('LOC-FREED'), {
      reason: 'sentence_served',
    });

    const transit = await createPerson(
      ctx,
      officer,
      agreementId,
      person('LOC-TRANSIT', 'Carla', 'Cruz', 'A200000002', 3),
    );
    const { transferId } = await act(ctx, officer, { action: 'nominate', personId: transit.id, agreementId });
    await act(ctx, legal, { action: 'screen', transferId });
    await act(ctx, legal, { action: 'approve', transferId });
    await act(ctx, anActor('receiving_officer'), { action: 'accept', transferId });
    const manifest = await createManifest(
      ctx,
      officer,
      aManifest(facilityId, {
        flightNumber: 'GXA 6052',
        scheduledDeparture: { instant: '2025-03-17T18:00:00Z', zone: 'America/Chicago' },
        scheduledArrival: { instant: '2025-03-17T22:00:00Z', zone: 'America/El_Salvador' },
      }),
    );
    await addToManifest(ctx, officer, manifest.manifestId, transferId);
    ctx.clock.advance(3_600_000);
    await boardPerson(ctx, officer, manifest.manifestId, transferId);

    await createPerson(ctx, officer, agreementId, person('LOC-NEVER', 'Diego', 'Durán', 'A200000003', 4));
    for (const [ref, aNumber] of [
      ['LOC-TWIN-1', 'A200000004'],
      ['LOC-TWIN-2', 'A200000005'],
    ] as const) {
      await createPerson(ctx, officer, agreementId, {
        ...person(ref, 'Elena', 'Estrada', aNumber, ref.endsWith('1') ? 5 : 6),
        birthDate: '1985-01-01',
      });
    }
  }, 120_000);
  afterAll(async () => {
    await built.app.close();
    await ctx.handle.close();
  });

  it('answers an exact A-number and country of birth with the status, since when and the facility, nothing else', async () => {
    const { status, body, text } = await ask({ aNumber: 'A123456789', birthCountry: 'SV' });
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(['facility', 'match', 'since', 'status']);
    expect(Object.keys(body.facility).sort()).toEqual(['address', 'code', 'name']);
    expect(body).toMatchObject({
      match: true,
      status: 'in_custody',
      facility: { code: 'SV-LOC', name: 'Centro de Confinamiento del Terrorismo (CECOT)', address: ADDRESS },
    });
    // Intake was at 2025-03-14T19:00Z (departure plus four hours): 13:00 on the facility's clock.
    expect(body.since).toBe('2025-03-14T13:00:00-06:00');
    // Never the cell (the person is housed in one), nor anything else about the person.
    const cell = await ctx.handle.db
      .selectFrom('housing_assignments as h')
      .innerJoin('cells as c', 'c.id', 'h.cell_id')
      .select(['c.code', 'c.id'])
      .where('h.person_id', '=', heldId)
      .executeTakeFirstOrThrow();
    for (const secret of [cell.code, cell.id, 'M1', 'cell', 'LOC-HELD', 'Hernández', heldId]) {
      expect(text).not.toContain(secret);
    }
  });

  it('answers no match for one wrong digit, with the agency to contact in the reader’s language', async () => {
    const miss = await ask({ aNumber: 'A123456788', birthCountry: 'SV' });
    expect(miss.status).toBe(200);
    expect(Object.keys(miss.body).sort()).toEqual(['contact', 'match']);
    expect(miss.body).toEqual({
      match: false,
      contact:
        'No person matches these details exactly. For help, contact U.S. Immigration and Customs Enforcement (US-ICE).',
    });
    const es = await ask({ aNumber: 'A123456788', birthCountry: 'SV' }, { 'accept-language': 'es' });
    expect(es.body.contact).toMatch(
      /^Ninguna persona coincide exactamente.*comuníquese con U\.S\. Immigration/,
    );
    const lang = await ask({ aNumber: 'A123456788', birthCountry: 'SV', lang: 'es' });
    expect(lang.body.contact).toBe(es.body.contact);
    expect((await ask({ aNumber: 'A123456789', birthCountry: 'GT' })).body.match).toBe(false);
  });

  it('finds by full name without the maternal surname, accents or case; a missing birth date is no match', async () => {
    const exact = await ask({ aNumber: 'A123456789', birthCountry: 'SV' });
    for (const name of ['José Luis Hernández', 'JOSE LUIS HERNANDEZ GARCIA', 'josé  luis hernández garcía']) {
      const found = await ask({ name, birthCountry: 'SV', birthDate: '1990-05-12' });
      expect(found.body, name).toEqual(exact.body);
    }
    const undated = await ask({ name: 'José Luis Hernández', birthCountry: 'SV' });
    expect(undated.status).toBe(200);
    expect(undated.body.match).toBe(false);
    expect(
      (await ask({ name: 'José Hernández', birthCountry: 'SV', birthDate: '1990-05-12' })).body.match,
    ).toBe(false);
  });

  it('answers no match when two people match: it never chooses and never lists', async () => {
    const twins = await ask({ name: 'Elena Estrada', birthCountry: 'SV', birthDate: '1985-01-01' });
    expect(Object.keys(twins.body).sort()).toEqual(['contact', 'match']);
    expect((await ask({ aNumber: 'A200000004', birthCountry: 'SV' })).body.match).toBe(true);
  });

  it('says released, in transit (towards the manifest facility) and not in custody', async () => {
    const freed = await ask({ aNumber: 'A200000001', birthCountry: 'SV' });
    expect(freed.body).toMatchObject({ match: true, status: 'released', since: '2025-03-15T13:00:00-06:00' });
    expect(freed.body.facility.code).toBe('SV-LOC');
    const transit = await ask({ aNumber: 'A200000002', birthCountry: 'SV' });
    expect(transit.body).toMatchObject({ match: true, status: 'in_transit', facility: { code: 'SV-LOC' } });
    expect(new Date(transit.body.since).toISOString()).toBe('2025-03-15T20:00:00.000Z');
    const never = await ask({ aNumber: 'A200000003', birthCountry: 'SV' });
    expect(never.body).toEqual({ match: true, status: 'not_in_custody', since: null, facility: null });
  });

  it('refuses bad input with a 400 naming the field, in English and Spanish', async () => {
    const none = await ask({});
    expect(none.status).toBe(400);
    expect(none.body).toMatchObject({ code: 'invalid_input', messageKey: 'locator.query_incomplete' });
    expect(none.body.issues[0].field).toBe('aNumber');
    const malformed = await ask({ aNumber: 'A12', birthCountry: 'SV' }, { 'accept-language': 'es' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.detail).toBe(
      'aNumber no es un número A: escriba A seguida de 8 o 9 dígitos, p. ej. A123456789.',
    );
    const country = await ask({ aNumber: 'A123456789', birthCountry: 'XX' });
    expect(country.body.detail).toMatch(/^birthCountry is not a country code/);
    expect(country.body.issues).toEqual([{ field: 'birthCountry', message: expect.any(String) }]);
    const date = await ask({
      name: 'José Luis Hernández',
      birthCountry: 'SV',
      birthDate: '12/05/1990',
      lang: 'es',
    });
    expect(date.body.detail).toMatch(/^birthDate no es una fecha/);
  });

  it('limits each client address to the configured queries per minute: beyond, 429 with Retry-After', async () => {
    const from = (remoteAddress: string, lang = 'en') =>
      built.app.inject({
        url: '/api/v1/public/locator',
        query: { aNumber: 'A123456789', birthCountry: 'SV' },
        headers: { 'accept-language': lang },
        remoteAddress,
      });
    for (let i = 0; i < ctx.config.locatorRateLimit; i++)
      expect((await from('203.0.113.7')).statusCode).toBe(200);
    const refused = await from('203.0.113.7', 'es');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(refused.json().detail).toMatch(/^Demasiadas consultas al localizador/);
    expect((await from('203.0.113.7')).json().detail).toMatch(/^Too many locator queries/);
    expect((await from('203.0.113.8')).statusCode).toBe(200);
    ctx.clock.advance(60_000);
    expect((await from('203.0.113.7')).statusCode).toBe(200);
  });

  it('answers any query string below 500: hostile text, NUL, lone surrogates, year 0000', async () => {
    const hostile = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.constantFrom(
        '\u0000',
        '\ud800',
        'A12345678\u0000',
        '0000-01-01',
        '9999-12-31',
        'sv',
        'A-000-000-000',
      ),
    );
    const queries = fc.sample(
      fc.record(
        { aNumber: hostile, name: hostile, birthCountry: hostile, birthDate: hostile },
        { requiredKeys: [] },
      ),
      { seed: 15, numRuns: 60 },
    );
    for (const query of queries) {
      const { status } = await ask(query);
      expect(status, JSON.stringify(query)).toBeLessThan(500);
    }
  });

  it('records a signed-in user’s lookups, never what a miss asked, and shows them to monitors only', async () => {
    const before = await ctx.handle.db.selectFrom('locator_lookups').select('id').execute();
    await ask({ aNumber: 'A123456789', birthCountry: 'SV' });
    expect(await ctx.handle.db.selectFrom('locator_lookups').select('id').execute()).toHaveLength(
      before.length,
    );
    const auth = { authorization: `Bearer ${monitorToken}` };
    expect((await ask({ aNumber: 'A123456789', birthCountry: 'SV' }, auth)).body.match).toBe(true);
    ctx.clock.advance(1000);
    expect((await ask({ aNumber: 'A987654321', birthCountry: 'SV' }, auth)).body.match).toBe(false);
    const list = await built.app.inject({ url: '/api/v1/locator/lookups', headers: auth });
    expect(list.statusCode).toBe(200);
    const [miss, hit] = list.json().lookups;
    expect(hit).toMatchObject({
      actor: 'user:mo.monitor',
      role: 'monitor',
      personId: heldId,
      ref: 'LOC-HELD',
      form: 'a_number',
      channel: 'api',
    });
    expect(miss).toMatchObject({ actor: 'user:mo.monitor', personId: null, ref: null, form: 'a_number' });
    const leaves = await ctx.handle.db
      .selectFrom('ledger_entries')
      .select('leaf')
      .where('type', '=', 'locator.looked_up')
      .execute();
    expect(leaves).toHaveLength(2);
    for (const { leaf } of leaves) expect(leaf).not.toMatch(/987654321|123456789/);
    const refused = await built.app.inject({
      url: '/api/v1/locator/lookups',
      headers: { authorization: `Bearer ${officerToken}` },
    });
    expect(refused.statusCode).toBe(403);
    expect((await built.app.inject({ url: '/api/v1/locator/lookups' })).statusCode).toBe(401);
  });
});
