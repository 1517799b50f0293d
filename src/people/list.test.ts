import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgreement } from '../agreements/service.js';
import { createToken, createUser } from '../auth/service.js';
import { releasePerson } from '../custody/service.js';
import { allocateFacility } from '../facilities/housing-service.js';
import { registerFacility } from '../facilities/service.js';
import { systemActor } from '../ledger/events.js';
import { buildApp } from '../server.js';
import { anActor, testContext, testEngine } from '../test-support/context.js';
import { receivePeople } from '../test-support/custody-fixture.js';
import { aConviction, anEligiblePerson } from '../test-support/eligibility-fixtures.js';
import { aFacility, anAgreement } from '../test-support/factories.js';
import { act } from '../transfers/service.js';
import type { PersonPage } from './contract.js';
import { createPerson } from './service.js';

const system = systemActor('test');
const officer = anActor('sending_officer');

/** Four people: two received into custody (one housed, one then released), one nominated, one never moved. */
describe(`the people list's custody and transfer columns on ${testEngine}`, () => {
  let ctx: Awaited<ReturnType<typeof testContext>>;
  let built: Awaited<ReturnType<typeof buildApp>>;
  let token: string;
  let agreementId: string;
  let facilityId: string;
  let transfers: Map<string, string>;
  let nominated: string;

  beforeAll(async () => {
    ctx = await testContext({ now: '2025-03-14T15:00:00Z' });
    built = await buildApp(ctx);
    await built.app.ready();
    await createUser(ctx, system, { name: 'mo.monitor', role: 'monitor', password: 'correct horse battery' });
    token = (await createToken(ctx, system, 'mo.monitor')).token;
    const facility = await registerFacility(
      ctx,
      system,
      aFacility({ code: 'SV-LIST', name: 'List facility' }),
    );
    facilityId = facility.id;
    agreementId = (await createAgreement(ctx, system, anAgreement([facility.id]))).id;
    transfers = await receivePeople(ctx, { agreementId, facilityId }, [
      anEligiblePerson({
        ref: 'L-HELD',
        names: { given: 'Ana', paternal: 'Alvarado', maternal: null },
        convictions: [aConviction({ caseNumber: '1:22-cr-00001' })],
      }),
      anEligiblePerson({
        ref: 'L-FREED',
        names: { given: 'Beto', paternal: 'Bonilla', maternal: null },
        convictions: [aConviction({ caseNumber: '1:22-cr-00002' })],
      }),
    ]);
    await allocateFacility(ctx, anActor('receiving_officer'), facilityId);
    const freed = await ctx.handle.db
      .selectFrom('people')
      .select('id')
      .where('ref', '=', 'L-FREED')
      .executeTakeFirstOrThrow();
    ctx.clock.advance(24 * 3_600_000);
    await releasePerson(ctx, anActor('receiving_custody'), freed.id, { reason: 'sentence_served' });
    const waiting = await createPerson(
      ctx,
      officer,
      agreementId,
      anEligiblePerson({ ref: 'L-NOMINATED', names: { given: 'Carla', paternal: 'Cruz', maternal: null } }),
    );
    nominated = (await act(ctx, officer, { action: 'nominate', personId: waiting.id, agreementId }))
      .transferId;
    await createPerson(
      ctx,
      officer,
      agreementId,
      anEligiblePerson({ ref: 'L-NEVER', names: { given: 'Diego', paternal: 'Durán', maternal: null } }),
    );
  });
  afterAll(async () => {
    await built.app.close();
    await ctx.handle.close();
  });

  async function list(query: string): Promise<PersonPage> {
    const response = await built.app.inject({
      method: 'GET',
      url: `/api/v1/people?agreement=${agreementId}${query}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.statusCode).toBe(200);
    return response.json();
  }

  it('shows where each person is held, their latest transfer, and the total', async () => {
    const page = await list('');
    expect(page.total).toBe(4);
    const byRef = new Map(page.items.map((item) => [item.ref, item]));
    const facility = { id: facilityId, code: 'SV-LIST', name: 'List facility' };

    expect(byRef.get('L-HELD')?.custody).toEqual({
      status: 'in_custody',
      facility,
      since: expect.any(String),
      cell: expect.stringMatching(/^M1-C\d\d$/),
    });
    expect(byRef.get('L-HELD')?.latestTransfer).toEqual({
      id: transfers.get('L-HELD'),
      status: 'received',
      updatedAt: expect.any(String),
    });

    expect(byRef.get('L-FREED')?.custody).toEqual({
      status: 'released',
      facility,
      releasedAt: '2025-03-15T19:00:00.000Z',
      releaseReason: 'sentence_served',
    });

    expect(byRef.get('L-NOMINATED')?.custody).toEqual({ status: 'not_in_custody' });
    expect(byRef.get('L-NOMINATED')?.latestTransfer).toEqual({
      id: nominated,
      status: 'nominated',
      updatedAt: expect.any(String),
    });

    expect(byRef.get('L-NEVER')?.custody).toEqual({ status: 'not_in_custody' });
    expect(byRef.get('L-NEVER')?.latestTransfer).toBeNull();
  });

  it('counts every person matching the search, not only the page', async () => {
    const first = await list('&limit=1');
    expect(first.items.map((item) => item.ref)).toEqual(['L-HELD']);
    expect(first.total).toBe(4);
    expect(first.nextCursor).not.toBeNull();
    const searched = await list('&q=cruz');
    expect(searched.items.map((item) => item.ref)).toEqual(['L-NOMINATED']);
    expect(searched.total).toBe(1);
    expect((await list('&q=nobody')).total).toBe(0);
  });
});
