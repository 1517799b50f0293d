import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testContext, testEngine } from '../test-support/context.js';
import { receivePeople } from '../test-support/custody-fixture.js';
import { anEligiblePerson } from '../test-support/eligibility-fixtures.js';
import { locatorAgreement } from '../test-support/locator-fixture.js';
import { dashboard } from './dashboard.js';

/**
 * The dashboard keeps its shared figures while the ledger does not grow: a write must show on the next
 * read, from this process or any other, and a reader between writes gets the same figures.
 */
describe(`the dashboard's kept figures on ${testEngine}`, () => {
  let ctx: Awaited<ReturnType<typeof testContext>>;
  let place: Awaited<ReturnType<typeof locatorAgreement>>;

  beforeAll(async () => {
    ctx = await testContext({ now: '2025-03-14T15:00:00Z' });
    place = await locatorAgreement(ctx, { code: 'SV-DB', name: 'CECOT', address: 'Tecoluca' });
  }, 60_000);
  afterAll(async () => {
    await ctx.handle.close();
  });

  const occupancy = async () =>
    (await dashboard(ctx)).facilities.find((f) => f.id === place.facilityId)?.occupancy.transferees;

  it('shows a write on the very next read, and the same figures to readers in between', async () => {
    expect(await occupancy()).toBe(0);
    const [a, b] = await Promise.all([dashboard(ctx), dashboard(ctx)]);
    expect(a.transfers).toEqual(b.transfers);
    await receivePeople(ctx, place, [anEligiblePerson({ ref: 'DB-1' }), anEligiblePerson({ ref: 'DB-2' })]);
    expect(await occupancy()).toBe(2);
    const after = await dashboard(ctx);
    expect(after.ledger.size).toBeGreaterThan(a.ledger.size);
    expect(after.ledger.checkpoint?.size).toBe(after.ledger.size);
  });
});
