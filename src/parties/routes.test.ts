import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, createUser } from '../auth/service.js';
import { addRoom, bookHearing, setCourtZone } from '../hearings/service.js';
import { systemActor } from '../ledger/events.js';
import { buildApp } from '../server.js';
import { testContext, testEngine } from '../test-support/context.js';
import { receivePeople } from '../test-support/custody-fixture.js';
import { anEligiblePerson } from '../test-support/eligibility-fixtures.js';
import { locatorAgreement } from '../test-support/locator-fixture.js';
import { registerParty } from './service.js';

const system = systemActor('test');
const ADDRESS = 'Tecoluca, San Vicente, El Salvador';

/** An admin, sending legal, counsel of a law office and a family contact of one person held in a facility. */
describe(`the parties API on ${testEngine}`, () => {
  let ctx: Awaited<ReturnType<typeof testContext>>;
  let built: Awaited<ReturnType<typeof buildApp>>;
  const tokens: Record<string, string> = {};

  async function call(who: string, method: 'GET' | 'POST', url: string, payload?: unknown) {
    const response = await built.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${tokens[who]}` },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    return { status: response.statusCode, body: response.json(), text: response.body };
  }

  async function userWithToken(name: string, role: string, parties: string[] = []) {
    await createUser(ctx, system, { name, role, password: 'correct horse battery', parties });
    tokens[name] = (await createToken(ctx, system, name)).token;
  }

  beforeAll(async () => {
    ctx = await testContext({ now: '2025-03-14T15:00:00Z' });
    built = await buildApp(ctx);
    await built.app.ready();
    const { agreementId, facilityId } = await locatorAgreement(ctx, {
      code: 'SV-LOC',
      name: 'CECOT',
      address: ADDRESS,
    });
    await receivePeople(ctx, { agreementId, facilityId }, [
      anEligiblePerson({ ref: 'P-HELD' }),
      anEligiblePerson({ ref: 'P-OTHER' }),
    ]);
    await registerParty(ctx, system, { kind: 'law_office', code: 'Abogados Unidos' });
    await registerParty(ctx, system, {
      kind: 'family_contact',
      code: 'Familia Held',
      person: { ref: 'P-HELD', agreement: agreementId },
    });
    await userWithToken('ad.min', 'admin');
    await userWithToken('sl.legal', 'sending_legal');
    await userWithToken('co.counsel', 'counsel', ['Abogados Unidos']);
    await userWithToken('fa.family', 'family', ['Familia Held']);
    await userWithToken('mo.monitor', 'monitor');
    tokens.agreement = agreementId;
  });
  afterAll(async () => {
    await ctx.handle.close();
  });

  it('lists parties by kind and registers one (admin only)', async () => {
    const offices = await call('ad.min', 'GET', '/api/v1/parties?kind=law_office');
    expect(offices.status).toBe(200);
    expect(offices.body.items.map((p: { code: string }) => p.code)).toEqual(['Abogados Unidos']);
    const refused = await call('mo.monitor', 'POST', '/api/v1/parties', { kind: 'court', code: 'D.D.C.' });
    expect(refused.status).toBe(403);
    const court = await call('ad.min', 'POST', '/api/v1/parties', {
      kind: 'court',
      code: 'D.D.C.',
      name: 'U.S. District Court for D.C.',
    });
    expect(court.status).toBe(201);
    expect(court.body).toMatchObject({ kind: 'court', code: 'D.D.C.', personId: null });
    const taken = await call('ad.min', 'POST', '/api/v1/parties', { kind: 'court', code: 'd.d.c.' });
    expect(taken.status).toBe(409);
    const family = await call('ad.min', 'POST', '/api/v1/parties', {
      kind: 'family_contact',
      code: 'Sin persona',
    });
    expect(family.status).toBe(400);
  });

  it('adds a user with their parties and answers the one-time password once', async () => {
    const added = await call('ad.min', 'POST', '/api/v1/users', {
      name: 'ju.judge',
      role: 'court',
      parties: ['D.D.C.'],
    });
    expect(added.status).toBe(201);
    expect(added.body.user).toMatchObject({
      name: 'ju.judge',
      role: 'court',
      parties: ['D.D.C.'],
      mustChangePassword: true,
    });
    expect(added.body.password).toMatch(/^[\w-]{20}$/);
    const list = await call('ad.min', 'GET', '/api/v1/users');
    expect(list.text).not.toContain(added.body.password);
    const wrongKind = await call('ad.min', 'POST', '/api/v1/users', {
      name: 'co.two',
      role: 'counsel',
      parties: ['D.D.C.'],
    });
    expect(wrongKind.status).toBe(400);
    const refused = await call('sl.legal', 'POST', '/api/v1/users', {
      name: 'x.y',
      role: 'admin',
      parties: [],
    });
    expect(refused.status).toBe(403);
  });

  it('lets counsel file a notice of appearance for their own office, sending legal confirm it, and lists it', async () => {
    const filed = await call('co.counsel', 'POST', '/api/v1/representations/appearances', {
      ref: 'P-HELD',
      agreement: tokens.agreement,
      from: '2025-03-01',
    });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({
      personRef: 'P-HELD',
      officeCode: 'Abogados Unidos',
      source: 'appearance',
      confirmedAt: null,
    });
    const own = await call('co.counsel', 'GET', '/api/v1/representations/own');
    expect(own.body.items).toHaveLength(1);
    expect((await call('co.counsel', 'GET', '/api/v1/representations?ref=P-HELD&agreement=x')).status).toBe(
      403,
    );
    const confirmed = await call('sl.legal', 'POST', `/api/v1/representations/${filed.body.id}/confirm`);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.confirmedAt).not.toBeNull();
    const listed = await call('sl.legal', 'GET', `/api/v1/representations?person=${filed.body.personId}`);
    expect(listed.body.items.map((r: { id: string }) => r.id)).toEqual([filed.body.id]);
    const ended = await call('sl.legal', 'POST', `/api/v1/representations/${filed.body.id}/end`, {
      to: '2025-03-20',
    });
    expect(ended.body.to).toBe('2025-03-20');
    const recorded = await call('sl.legal', 'POST', '/api/v1/representations', {
      ref: 'P-OTHER',
      agreement: tokens.agreement,
      office: 'Abogados Unidos',
      from: '2025-03-02',
    });
    expect(recorded.status).toBe(201);
    expect(recorded.body.confirmedAt).not.toBeNull();
    expect((await call('sl.legal', 'GET', '/api/v1/representations')).status).toBe(400);
  });

  it("shows a family contact the locator's answer for their person, never the cell, and nobody else", async () => {
    const seen = await call('fa.family', 'GET', '/api/v1/family/person');
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ status: 'in_custody', facility: { code: 'SV-LOC', address: ADDRESS } });
    expect(Object.keys(seen.body).sort()).toEqual(['facility', 'since', 'status']);
    expect(seen.text).not.toMatch(/cell|module|P-HELD/i);
    expect((await call('co.counsel', 'GET', '/api/v1/family/person')).status).toBe(403);
    expect((await call('ad.min', 'GET', '/api/v1/family/person')).status).toBe(403);
    expect((await call('fa.family', 'GET', '/api/v1/parties')).status).toBe(403);
  });

  it("shows a family contact their person's next booked hearing alone, and counsel nothing", async () => {
    const none = await call('fa.family', 'GET', '/api/v1/family/hearings');
    expect(none.status).toBe(200);
    expect(none.body.hearings).toEqual([]);
    await registerParty(ctx, system, { kind: 'court', code: 'E.D. Va.' });
    await setCourtZone(ctx, system, 'E.D. Va.', { zone: 'America/New_York' });
    await addRoom(ctx, system, { facility: 'SV-LOC', code: 'SALA-F', schedule: 'Mon-Fri 08:00-17:00' });
    const book = (ref: string, start: string) =>
      bookHearing(ctx, system, {
        person: ref,
        agreement: tokens.agreement,
        court: 'E.D. Va.',
        hearingType: 'immigration',
        start,
        minutes: 30,
        room: 'SALA-F',
      });
    await book('P-HELD', '2025-04-15T15:00:00Z');
    await book('P-HELD', '2025-04-14T15:00:00Z');
    await book('P-OTHER', '2025-04-11T15:00:00Z');
    const next = await call('fa.family', 'GET', '/api/v1/family/hearings');
    expect(next.status).toBe(200);
    expect(next.body.hearings).toHaveLength(1);
    expect(next.body.hearings[0]).toMatchObject({
      personRef: 'P-HELD',
      court: 'E.D. Va.',
      hearingType: 'immigration',
      start: '2025-04-14T15:00:00.000Z',
      courtTime: { zone: 'America/New_York', local: '2025-04-14T11:00' },
    });
    expect(next.text).not.toMatch(/cell|module/i);
    expect((await call('co.counsel', 'GET', '/api/v1/family/hearings')).status).toBe(403);
  });
});
