import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAgreement } from '../agreements/service.js';
import { createToken, createUser } from '../auth/service.js';
import { registerFacility } from '../facilities/service.js';
import { systemActor } from '../ledger/events.js';
import { buildApp } from '../server.js';
import { anActor, testContext, testEngine } from '../test-support/context.js';
import { receivePeople } from '../test-support/custody-fixture.js';
import { anEligiblePerson } from '../test-support/eligibility-fixtures.js';
import { aFacility, anAgreement } from '../test-support/factories.js';
import { recordHeadcount, reportIncident } from './incident-service.js';
import { startIsolation } from './isolation-service.js';
import { recordExtent, union } from './record-extent-service.js';
import { parseRegimeCsv } from './regime.js';
import { recordRegime } from './regime-service.js';

const HEADER =
  'cell,date,minutesOutOfCell,outdoorExerciseMinutes,nightLightHours,beddingProvided,drinkingWaterLitresPerPerson,mealsServed,familyContacts,legalVisits,consularVisits,restraintsOutsideTransport,note';

describe('the union of record spans', () => {
  it('runs from the earliest first day to the latest last day, and is null when nothing is recorded', () => {
    expect(union(null, null)).toBeNull();
    expect(
      union({ first: '2025-04-01', last: '2025-12-31' }, null, { first: '2025-03-15', last: '2025-06-01' }),
    ).toEqual({ first: '2025-03-15', last: '2025-12-31' });
  });
});

describe(`a facility's record extent on ${testEngine}`, () => {
  let ctx: Awaited<ReturnType<typeof testContext>>;
  let facilityId: string;
  const custody = anActor('receiving_custody');

  beforeEach(async () => {
    ctx = await testContext({ now: '2025-05-02T03:00:00Z' });
    facilityId = (await registerFacility(ctx, anActor('admin'), aFacility())).id;
  });
  afterEach(async () => {
    await ctx.handle.close();
  });

  it('is empty for a facility with no records', async () => {
    expect(await recordExtent(ctx, anActor('monitor'), facilityId)).toMatchObject({
      facility: 'SV-TEST',
      regime: null,
      incidents: null,
      headcounts: null,
      intakes: null,
      isolation: null,
      compliance: null,
    });
  });

  it('gives the first and last day of the regime log, incidents and headcounts, in the facility’s zone', async () => {
    const lines = [HEADER, 'M1-C01,2025-04-12,30,0,12,false,,3,0,0,0,false,'];
    lines.push('M1-C02,2025-04-01,30,0,12,false,,3,0,0,0,false,');
    lines.push('M1-C01,2025-04-20,30,0,12,false,,3,0,0,0,false,');
    await recordRegime(ctx, custody, facilityId, parseRegimeCsv(lines.join('\n')).rows);
    await reportIncident(ctx, custody, facilityId, {
      kind: 'food_refusal',
      description: 'Refused the evening meal.',
      occurredAt: '2025-03-30T20:00:00Z',
    });
    // 03:00 UTC on 2 May is still 1 May in El Salvador (UTC−6).
    await recordHeadcount(ctx, custody, facilityId, { counted: 40 });
    const extent = await recordExtent(ctx, anActor('monitor'), facilityId);
    expect(extent).toMatchObject({
      timeZone: 'America/El_Salvador',
      regime: { first: '2025-04-01', last: '2025-04-20' },
      incidents: { first: '2025-03-30', last: '2025-03-30' },
      headcounts: { first: '2025-05-01', last: '2025-05-01' },
      intakes: null,
      isolation: null,
      compliance: { first: '2025-03-30', last: '2025-04-20' },
    });
    await expect(recordExtent(ctx, anActor('monitor'), 'SV-NONE')).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('counts isolation placements, and the compliance span reaches the last one started', async () => {
    const agreementId = (await createAgreement(ctx, anActor('admin'), anAgreement([facilityId]))).id;
    await receivePeople(ctx, { agreementId, facilityId }, [anEligiblePerson({ ref: 'X-1' })]);
    const person = await ctx.handle.db.selectFrom('people').select('id').executeTakeFirstOrThrow();
    ctx.clock.set('2025-06-01T12:00:00Z');
    // 02:00 UTC on 20 May is still 19 May in El Salvador (UTC−6).
    await startIsolation(ctx, custody, facilityId, {
      personId: person.id,
      cell: 'M1-C02',
      reason: 'disciplinary sanction',
      authorisedBy: 'Director J. Pérez',
      lighting: 'normal',
      startedAt: '2025-05-20T02:00:00Z',
    });
    const extent = await recordExtent(ctx, anActor('monitor'), facilityId);
    expect(extent.isolation).toEqual({ first: '2025-05-19', last: '2025-05-19' });
    expect(extent.compliance?.last).toBe('2025-05-19');
    expect(extent.intakes?.first).toBe(extent.compliance?.first);
  });

  it('is served at GET /api/v1/facilities/{id}/records to a reader of facilities', async () => {
    const system = systemActor('test');
    await createUser(ctx, system, { name: 'mo.monitor', role: 'monitor', password: 'correct horse battery' });
    const { token } = await createToken(ctx, system, 'mo.monitor');
    const built = await buildApp(ctx);
    try {
      await built.app.ready();
      const response = await built.app.inject({
        url: '/api/v1/facilities/SV-TEST/records',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        facility: 'SV-TEST',
        timeZone: 'America/El_Salvador',
        regime: null,
        incidents: null,
        headcounts: null,
        intakes: null,
        isolation: null,
        compliance: null,
      });
      const anonymous = await built.app.inject({ url: '/api/v1/facilities/SV-TEST/records' });
      expect(anonymous.statusCode).toBe(401);
    } finally {
      await built.app.close();
    }
  });
});
