import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgreement } from '../agreements/service.js';
import { createToken, createUser } from '../auth/service.js';
import { releasePerson } from '../custody/service.js';
import { registerFacility } from '../facilities/service.js';
import { systemActor } from '../ledger/events.js';
import { verifyLedger } from '../ledger/verify.js';
import { buildApp } from '../server.js';
import { anActor, testContext, testEngine } from '../test-support/context.js';
import { receivePeople } from '../test-support/custody-fixture.js';
import { anEligiblePerson } from '../test-support/eligibility-fixtures.js';
import { aFacility, anAgreement } from '../test-support/factories.js';
import { refusal } from '../test-support/refusal.js';
import { publishStatistics, statistics } from './service.js';

const monitor = anActor('monitor');
const custody = anActor('receiving_custody');
const MARCH = { facility: 'SV-TEST', from: '2025-03-01', to: '2025-03-31' };

/** A count from 1 to 9 anywhere a count is published, in JSON text. */
const SMALL_COUNT = /"(total|count|evaluated|met|notMet|ended)":[1-9](?![0-9.])/;

describe(`public statistics on ${testEngine}`, () => {
  let ctx: Awaited<ReturnType<typeof testContext>>;
  let built: Awaited<ReturnType<typeof buildApp>>;
  const person = new Map<string, string>();

  beforeAll(async () => {
    // Twelve received at SV-TEST on 14 March 2025: ten Salvadoran, two Venezuelan.
    ctx = await testContext({ now: '2025-03-14T15:00:00Z' });
    built = await buildApp(ctx);
    await built.app.ready();
    const facilityId = (await registerFacility(ctx, anActor('admin'), aFacility())).id;
    const agreementId = (await createAgreement(ctx, anActor('admin'), anAgreement([facilityId]))).id;
    const people = Array.from({ length: 12 }, (_, i) =>
      anEligiblePerson({ ref: `S-${i + 1}`, nationalities: i < 10 ? ['SV'] : ['VE'] }),
    );
    await receivePeople(ctx, { agreementId, facilityId }, people);
    for (const r of await ctx.handle.db.selectFrom('people').select(['id', 'ref']).execute())
      person.set(r.ref, r.id);
    ctx.clock.set('2025-03-20T15:00:00Z');
    await releasePerson(ctx, custody, person.get('S-1') ?? '', { reason: 'pardon' });
    ctx.clock.set('2025-04-02T15:00:00Z');
  });
  afterAll(async () => {
    await built.app.close();
    await ctx.handle.close();
  });

  it('computes the figures with every count from 1 to 9 suppressed, unpublished', async () => {
    const answer = await statistics(ctx, MARCH);
    expect(answer).toMatchObject({ scope: 'facility', subject: 'SV-TEST', published: false, release: null });
    const f = answer.figures;
    expect(f.population.total).toBe(11);
    // SV 9 and VE 2: both under 10, and with the total of 11 neither can be worked out.
    expect(f.population.byNationality).toEqual([
      { key: 'SV', count: '<10' },
      { key: 'VE', count: '<10' },
    ]);
    expect(f.transfers.byOutcome.find((o) => o.outcome === 'received')).toMatchObject({ total: 12 });
    expect(f.custodyLength).toMatchObject({ ended: '<10', medianDays: null, buckets: null });
    expect(f.releases).toEqual({ total: '<10', byReason: null });
    // About 6.9 people a day on average: the ADP is under 10 too, and no death is a rate of 0.
    expect(f.deaths).toEqual({ count: 0, averageDailyPopulation: '<10', ratePer100k: 0 });
    expect(JSON.stringify(answer)).not.toMatch(SMALL_COUNT);
    expect(answer.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('publishes a release as a ledger event, records nothing for the same figures, and a revision names the release it revises', async () => {
    await expect(publishStatistics(ctx, anActor('sending_officer'), MARCH)).rejects.toMatchObject({
      code: 'forbidden',
    });
    const first = await publishStatistics(ctx, monitor, MARCH);
    expect(first).toMatchObject({ published: true, recorded: true, release: { revises: null } });
    const entry = await ctx.handle.db
      .selectFrom('ledger_entries')
      .select(['type', 'leaf'])
      .where('seq', '=', first.release?.ledgerEntry ?? -1)
      .executeTakeFirstOrThrow();
    expect(entry.type).toBe('statistics.published');
    expect(entry.leaf).toContain(first.hash);
    expect(await statistics(ctx, MARCH)).toMatchObject({ published: true, hash: first.hash });

    const again = await publishStatistics(ctx, monitor, MARCH);
    expect(again).toMatchObject({ recorded: false, release: { id: first.release?.id } });

    // A release recorded late, dated in March, changes March's figures: publishing again is a revision.
    await releasePerson(ctx, custody, person.get('S-2') ?? '', {
      reason: 'pardon',
      at: '2025-03-25T15:00:00Z',
    });
    const revised = await publishStatistics(ctx, anActor('admin'), MARCH);
    expect(revised).toMatchObject({ recorded: true, release: { revises: first.release?.id } });
    expect(revised.hash).not.toBe(first.hash);
    expect(revised.figures.population.total).toBe(10);
    expect((await verifyLedger(ctx.handle.db, { signer: ctx.signer, events: ctx.events })).problems).toEqual(
      [],
    );
  });

  it('refuses bad parameters naming the parameter, in English and Spanish', async () => {
    expect(await refusal(statistics(ctx, { facility: 'SV-TEST', to: '2025-03-31' }))).toMatchObject({
      code: 'invalid_input',
      en: 'from is missing: give the period as from=YYYY-MM-DD and to=YYYY-MM-DD.',
      es: 'Falta from: indique el periodo como from=AAAA-MM-DD y to=AAAA-MM-DD.',
    });
    expect((await refusal(statistics(ctx, { ...MARCH, to: '2025-02-30' }))).en).toBe(
      'to is not a date (2025-02-30): write YYYY-MM-DD, e.g. 2025-04-30.',
    );
    expect((await refusal(statistics(ctx, { ...MARCH, facility: 'NOPE' }))).es).toBe(
      'facility: no existe el centro NOPE. Revise el código (p. ej. SV-CECOT).',
    );
    expect((await refusal(statistics(ctx, { ...MARCH, facility: '-'.repeat(36) }))).code).toBe(
      'invalid_input',
    );
    expect(
      (await refusal(statistics(ctx, { to: MARCH.to, from: MARCH.from, agreement: 'f'.repeat(36) }))).code,
    ).toBe('invalid_input');
    expect((await refusal(statistics(ctx, { ...MARCH, agreement: 'X' }))).en).toBe(
      'Give facility or agreement, not both: leave one of them out.',
    );
    expect((await refusal(statistics(ctx, { ...MARCH, date: '2025-04-01' }))).en).toBe(
      'date 2025-04-01 is outside the period 2025-03-01 to 2025-03-31: give a day within it.',
    );
    expect((await refusal(statistics(ctx, { ...MARCH, from: '2024-01-01' }))).code).toBe('invalid_input');
  });

  it('serves the API without sign-in, as JSON or CSV, and refuses a bad parameter with 400', async () => {
    const query = { ...MARCH, from: '2025-03-01', to: '2025-04-30' };
    const json = await built.app.inject({ url: '/api/v1/public/statistics', query });
    expect(json.statusCode).toBe(200);
    expect(json.json()).toMatchObject({ published: false, figures: { population: { total: 10 } } });
    expect(json.body).not.toMatch(SMALL_COUNT);
    const csv = await built.app.inject({
      url: '/api/v1/public/statistics',
      query: { ...query, format: 'csv' },
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('population,total,,10\r\n');
    expect(csv.body).not.toMatch(/^(?!release|deaths,average|compliance_[a-z-]+,share).*,[1-9]\r$/m);
    const bad = await built.app.inject({
      url: '/api/v1/public/statistics',
      query: { ...query, format: 'xml', lang: 'es' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toBe('format debe ser json o csv, no xml.');
    const missing = await built.app.inject({
      url: '/api/v1/public/statistics',
      query: { facility: 'SV-TEST' },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().detail).toContain('from');
    const unsigned = await built.app.inject({
      method: 'POST',
      url: '/api/v1/statistics/publish',
      payload: MARCH,
    });
    expect(unsigned.statusCode).toBe(401);
    await createUser(ctx, systemActor('test'), {
      name: 'mo.monitor',
      role: 'monitor',
      password: 'correct horse battery',
    });
    const token = (await createToken(ctx, systemActor('test'), 'mo.monitor')).token;
    const published = await built.app.inject({
      method: 'POST',
      url: '/api/v1/statistics/publish',
      payload: query,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ recorded: true, published: true });
  });
});
