import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allocateFacility } from '../facilities/housing-service.js';
import { verifyLedger } from '../ledger/verify.js';
import { locate } from '../locator/service.js';
import { dashboard } from '../oversight/dashboard.js';
import { aCourt, anActor, testContext, testEngine } from '../test-support/context.js';
import { receivePeople } from '../test-support/custody-fixture.js';
import { anEligiblePerson } from '../test-support/eligibility-fixtures.js';
import { locatorAgreement } from '../test-support/locator-fixture.js';
import { sealPerson } from './service.js';

/** A court seals a record: absent for the public locator, present in counts, replayed by the ledger. */
describe(`sealing a person's record on ${testEngine}`, () => {
  let ctx: Awaited<ReturnType<typeof testContext>>;
  let agreementId: string;
  const asked = { aNumber: 'A123456789', birthCountry: 'SV' };

  beforeAll(async () => {
    ctx = await testContext({ now: '2025-03-14T15:00:00Z' });
    const place = await locatorAgreement(ctx, { code: 'SV-SE', name: 'CECOT', address: 'Tecoluca' });
    agreementId = place.agreementId;
    await receivePeople(ctx, place, [
      anEligiblePerson({
        ref: 'SE-1',
        birthCountry: 'SV',
        identifiers: [{ type: 'a_number', value: 'A123456789' }],
        holds: [
          {
            type: 'habeas_petition',
            court: 'D.D.C.',
            case: '1:25-cv-00766',
            issued: '2025-03-01',
            lifted: '2025-03-02',
          },
        ],
      }),
    ]);
    await allocateFacility(ctx, anActor('receiving_officer'), place.facilityId);
  });
  afterAll(async () => {
    await ctx.handle.close();
  });

  it('is refused to a court for another court, naming it, and to roles without the grant', async () => {
    const person = { ref: 'SE-1', agreement: agreementId };
    await expect(
      sealPerson(ctx, aCourt('S.D. Tex.'), { person, court: 'D.D.C.', order: 'ORD-1' }),
    ).rejects.toMatchObject({ code: 'forbidden', messageKey: 'policy.out_of_scope', message: /D\.D\.C\./ });
    await expect(
      sealPerson(ctx, anActor('monitor'), { person, court: 'D.D.C.', order: 'ORD-1' }),
    ).rejects.toMatchObject({ code: 'forbidden', messageKey: 'policy.refused' });
  });

  it('hides the person from the locator and keeps them in the counts; a second seal is a conflict', async () => {
    expect((await locate(ctx, asked, 'en', null)).match).toBe(true);
    const before = await dashboard(ctx);
    const person = { ref: 'SE-1', agreement: agreementId };
    const sealed = await sealPerson(ctx, aCourt('d.d.c.'), { person, court: 'D.D.C.', order: 'ORD-1' });
    expect([sealed.court, sealed.order, sealed.on]).toEqual(['D.D.C.', 'ORD-1', '2025-03-14']);
    expect((await locate(ctx, asked, 'en', null)).match).toBe(false);
    const after = await dashboard(ctx);
    expect(after.facilities.map((f) => f.occupancy)).toEqual(before.facilities.map((f) => f.occupancy));
    expect(after.transfers).toEqual(before.transfers);
    await expect(
      sealPerson(ctx, anActor('sending_legal'), { person, court: 'S.D. Tex.', order: 'ORD-2' }),
    ).rejects.toMatchObject({ code: 'conflict', messageKey: 'person.already_sealed' });
    const report = await verifyLedger(ctx.handle.db, { signer: ctx.signer, events: ctx.events });
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });
});
