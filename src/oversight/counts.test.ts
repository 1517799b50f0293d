import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAgreement } from '../agreements/store.js';
import { releasePerson } from '../custody/service.js';
import { verifyLedger } from '../ledger/verify.js';
import { createPerson, updatePerson, withdrawPerson } from '../people/service.js';
import { anActor, testContext } from '../test-support/context.js';
import { receivePeople } from '../test-support/custody-fixture.js';
import { aConviction, anEligiblePerson } from '../test-support/eligibility-fixtures.js';
import { locatorAgreement } from '../test-support/locator-fixture.js';
import { dashboard } from './dashboard.js';

const officer = anActor('sending_officer');

function person(ref: string, caseNo: number) {
  return anEligiblePerson({
    ref,
    names: { given: 'Ana', paternal: `Pérez ${ref}`, maternal: null },
    convictions: [aConviction({ caseNumber: `1:22-cr-0000${caseNo}` })],
  });
}

/** The dashboard's maintained counts (migration 0030) against a count of the rows, live and in replay. */
describe('maintained counts', () => {
  let ctx: Awaited<ReturnType<typeof testContext>>;
  let ids: { agreementId: string; facilityId: string };

  beforeAll(async () => {
    ctx = await testContext({ now: '2025-03-14T15:00:00Z' });
    ids = await locatorAgreement(ctx, { code: 'SV-CNT', name: 'Counted', address: 'Tecoluca' });
  });
  afterAll(() => ctx.handle.close());

  async function scanned() {
    const db = ctx.handle.db;
    const people = await db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('agreement_id', '=', ids.agreementId)
      .where('withdrawn_reason', 'is', null)
      .executeTakeFirstOrThrow();
    const held = await db
      .selectFrom('custody_intervals')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('facility_id', '=', ids.facilityId)
      .where('ended_at', 'is', null)
      .executeTakeFirstOrThrow();
    return { people: Number(people.n), held: Number(held.n) };
  }

  async function shown() {
    const board = await dashboard(ctx);
    const facility = board.facilities.find((f) => f.id === ids.facilityId);
    const agreement = await findAgreement(ctx.handle.db, ids.agreementId);
    return { people: agreement?.people, held: facility?.occupancy.transferees };
  }

  it('follows registrations, withdrawals, re-revisions, intakes and releases, and replays to the same rows', async () => {
    expect(await shown()).toEqual({ people: 0, held: 0 });
    await receivePeople(ctx, ids, [person('C-1', 1), person('C-2', 2), person('C-3', 3)]);
    const extra = await createPerson(ctx, officer, ids.agreementId, person('C-4', 4));
    expect(await shown()).toEqual({ people: 4, held: 3 });

    await withdrawPerson(ctx, officer, extra.id, 'entered in error');
    expect(await shown()).toEqual({ people: 3, held: 3 });
    // A revision puts a withdrawn person back on the roster; revising again changes nothing.
    await updatePerson(ctx, officer, extra.id, { ...person('C-4', 4), aliases: ['La Flaca'] });
    await updatePerson(ctx, officer, extra.id, { ...person('C-4', 4), aliases: ['Flaca'] });
    expect(await shown()).toEqual({ people: 4, held: 3 });

    const c1 = await ctx.handle.db
      .selectFrom('people')
      .select('id')
      .where('ref', '=', 'C-1')
      .executeTakeFirstOrThrow();
    ctx.clock.advance(24 * 3_600_000);
    await releasePerson(ctx, anActor('receiving_custody'), c1.id, { reason: 'sentence_served' });
    expect(await shown()).toEqual({ people: 4, held: 2 });
    expect(await shown()).toEqual(await scanned());

    const report = await verifyLedger(ctx.handle.db, { signer: ctx.signer, events: ctx.events });
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  }, 180_000);
});
