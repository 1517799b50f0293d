import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, createUser } from '../auth/service.js';
import { DomainError } from '../core/errors.js';
import { systemActor } from '../ledger/events.js';
import { registerParty } from '../parties/service.js';
import { createPerson } from '../people/service.js';
import { buildApp } from '../server.js';
import { aCourt, anActor, testContext, testEngine } from '../test-support/context.js';
import { anEligiblePerson } from '../test-support/eligibility-fixtures.js';
import { locatorAgreement } from '../test-support/locator-fixture.js';
import { findPersonForHold } from './hold-person.js';
import { liftLegalHold, recordHold } from './holds.js';
import { act } from './service.js';

const system = systemActor('test');
const officer = anActor('sending_officer');
const legal = anActor('sending_legal');
const AS_OF = '2025-03-14';
const hold = (court: string, n: number) => ({ type: 'tro', court, case: `1:25-cv-0076${n}`, issued: AS_OF });

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

/** A court user acts only for its own courts: holds, lifts and return orders (docs/domain.md, Parties). */
describe(`a court's scope on ${testEngine}`, () => {
  let ctx: Awaited<ReturnType<typeof testContext>>;
  let built: Awaited<ReturnType<typeof buildApp>>;
  let token: string;
  let personId: string;
  let transferId: string;
  let agreementId: string;
  const ddc = aCourt('D.D.C.');

  beforeAll(async () => {
    ctx = await testContext({ now: `${AS_OF}T15:00:00Z` });
    built = await buildApp(ctx);
    await built.app.ready();
    ({ agreementId } = await locatorAgreement(ctx, {
      code: 'SV-CT',
      name: 'CECOT',
      address: 'Tecoluca',
    }));
    personId = (await createPerson(ctx, officer, agreementId, anEligiblePerson({ ref: 'CT-1' }))).id;
    transferId = (await act(ctx, officer, { action: 'nominate', personId, agreementId, asOf: AS_OF }))
      .transferId;
    await act(ctx, legal, { action: 'screen', transferId, asOf: AS_OF });
    await registerParty(ctx, system, { kind: 'court', code: 'D.D.C.', name: 'U.S. District Court for D.C.' });
    await createUser(ctx, system, {
      name: 'cy.court',
      role: 'court',
      password: 'correct horse battery',
      parties: ['D.D.C.'],
    });
    token = (await createToken(ctx, system, 'cy.court')).token;
  });
  afterAll(async () => {
    await built.app.close();
    await ctx.handle.close();
  });

  it('reads no person it has no case about, finds one by exact ref or A-number only, then reads its case', async () => {
    const get = (url: string, query: Record<string, string> = {}) =>
      built.app.inject({ url, query, headers: { authorization: `Bearer ${token}` } });
    const other = (await createPerson(ctx, officer, agreementId, anEligiblePerson({ ref: 'CT-OTHER' }))).id;
    // Before any hold of its courts: the person, the transfer and the people list answer as nobody.
    expect((await get(`/api/v1/people/${other}`)).statusCode).toBe(404);
    expect((await get('/api/v1/people', { agreement: agreementId })).json().items).toEqual([]);
    // The exact lookup answers whom, nothing else; a partial ref, or both at once, finds nobody.
    const found = await get('/api/v1/holds/person', { ref: 'CT-OTHER' });
    expect(found.statusCode).toBe(200);
    expect(found.json()).toEqual({
      matches: [
        { personId: other, ref: 'CT-OTHER', name: expect.any(String), agreement: expect.any(String) },
      ],
    });
    expect((await get('/api/v1/holds/person', { ref: 'CT-OTH' })).statusCode).toBe(404);
    expect((await get('/api/v1/holds/person', { ref: 'CT-OTHER', aNumber: 'A123456789' })).statusCode).toBe(
      400,
    );
    const aNumber = anEligiblePerson({ ref: 'CT-OTHER' }).identifiers?.[0]?.value ?? '';
    expect((await get('/api/v1/holds/person', { aNumber })).json().matches.length).toBeGreaterThan(0);
    // A monitor has no hold to record, so no lookup.
    expect(await refusal(findPersonForHold(ctx, anActor('monitor'), { ref: 'CT-OTHER' }))).toMatchObject({
      code: 'forbidden',
    });
    await recordHold(ctx, ddc, other, hold('D.D.C.', 9));
    expect((await get(`/api/v1/people/${other}`)).statusCode).toBe(200);
    expect((await get('/api/v1/people', { agreement: agreementId })).json().items).toHaveLength(1);
  });

  it('records a hold for one of its courts, and is refused one for another court, naming it (en, es)', async () => {
    const post = (body: object, lang: string) =>
      built.app.inject({
        method: 'POST',
        url: `/api/v1/people/${personId}/holds`,
        headers: { authorization: `Bearer ${token}`, 'accept-language': lang },
        payload: body,
      });
    const own = await post(hold('d.d.c.', 1), 'en');
    expect(own.statusCode).toBe(201);
    expect(own.json().transfersHeld).toEqual([transferId]);
    const other = await post(hold('S.D. Tex.', 2), 'en');
    expect(other.statusCode).toBe(403);
    expect(other.json().detail).toMatch(
      /may record a legal hold only for its own courts' cases, and S\.D\. Tex\. \(1:25-cv-00762\) is outside it\./,
    );
    const otro = await post(hold('S.D. Tex.', 2), 'es');
    expect(otro.statusCode).toBe(403);
    expect(otro.json().detail).toMatch(/solo puede .* S\.D\. Tex\. .*queda fuera/);
  });

  it('lifts only a hold of its courts; sending_legal records and lifts for any court', async () => {
    const tex = await recordHold(ctx, legal, personId, hold('S.D. Tex.', 3));
    const refused = await refusal(liftLegalHold(ctx, ddc, personId, { holdId: tex.holdId, lifted: AS_OF }));
    expect(refused.code).toBe('forbidden');
    expect(refused.messageKey).toBe('policy.out_of_scope');
    expect(refused.message).toMatch(/S\.D\. Tex\./);
    expect(refused.localized('es')).toMatch(/S\.D\. Tex\. .*queda fuera/);
    await liftLegalHold(ctx, aCourt('S.D. Tex.'), personId, { holdId: tex.holdId, lifted: AS_OF });
    const more = await recordHold(ctx, legal, personId, hold('D. Md.', 4));
    await liftLegalHold(ctx, legal, personId, { holdId: more.holdId, lifted: AS_OF });
  });

  it('puts a transfer on hold, lifts it and orders a return only for its own courts', async () => {
    const other = await refusal(
      act(ctx, ddc, {
        action: 'order_return',
        transferId,
        courtOrder: { court: 'D. Md.', case: '8:25-cv-00951' },
      }),
    );
    expect([other.code, other.messageKey]).toEqual(['forbidden', 'policy.out_of_scope']);
    const noCourts = await refusal(recordHold(ctx, anActor('court'), personId, hold('D.D.C.', 5)));
    expect(noCourts.code).toBe('forbidden');
  });
});
