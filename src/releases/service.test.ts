import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgreement } from '../agreements/service.js';
import { releasePerson } from '../custody/service.js';
import { registerFacility } from '../facilities/service.js';
import { verifyLedger } from '../ledger/verify.js';
import { dashboard } from '../oversight/dashboard.js';
import { recordOf } from '../people/model.js';
import { getPerson, updatePerson } from '../people/service.js';
import { aCourt, anActor, testContext, testEngine } from '../test-support/context.js';
import { receivePeople } from '../test-support/custody-fixture.js';
import { aConviction, anEligiblePerson } from '../test-support/eligibility-fixtures.js';
import { aFacility, anAgreement } from '../test-support/factories.js';
import { refusal } from '../test-support/refusal.js';
import { explainDetention, overrideReleaseDate, personReleaseDate, releasesDue } from './service.js';

const reader = anActor('monitor');

/** A person whose one sentence of `days` from 2024-10-01 ends `days` later, less credits. */
function sentenced(ref: string, days: number, creditDays = 0) {
  return anEligiblePerson({
    ref,
    convictions: [aConviction({ sentence: { days, start: '2024-10-01', creditDays, consecutiveTo: null } })],
  });
}

describe(`release dates on ${testEngine}`, () => {
  let ctx: Awaited<ReturnType<typeof testContext>>;
  const person = new Map<string, string>();

  beforeAll(async () => {
    // Received on 14 March 2025. R-1: release 2025-10-28 (392 days from 2024-10-01); R-2: life; R-3: 2026-10-01.
    ctx = await testContext({ now: '2025-03-14T15:00:00Z' });
    const facilityId = (await registerFacility(ctx, anActor('admin'), aFacility())).id;
    const agreementId = (await createAgreement(ctx, anActor('admin'), anAgreement([facilityId]))).id;
    await receivePeople(ctx, { agreementId, facilityId }, [
      sentenced('R-1', 392),
      anEligiblePerson({
        ref: 'R-2',
        convictions: [
          aConviction({ sentence: { life: true, start: '2020-01-01', creditDays: 0, consecutiveTo: null } }),
        ],
      }),
      sentenced('R-3', 730),
    ]);
    const rows = await ctx.handle.db.selectFrom('people').select(['id', 'ref']).execute();
    for (const r of rows) person.set(r.ref, r.id);
  });
  afterAll(async () => {
    await ctx.handle.close();
  });

  it('calculates each person at intake, with the breakdown; life has no date, and says so', async () => {
    const r1 = await personReleaseDate(ctx, reader, person.get('R-1')!);
    expect(r1.current).toMatchObject({
      reason: 'initial',
      result: { kind: 'date', date: '2025-10-28' },
      calculatedBy: 'user:receiving.officer',
      breakdown: [{ convictionId: 'c1', start: '2024-10-01', days: 392, creditDays: 0, governing: true }],
    });
    expect(r1.earlier).toEqual([]);
    const r2 = await personReleaseDate(ctx, reader, person.get('R-2')!);
    expect(r2.current?.result).toEqual({ kind: 'life', beyondRepresentable: false });
  });

  it('recalculates when credits change, keeps the earlier one, and makes none when nothing changed', async () => {
    ctx.clock.set('2025-06-01T12:00:00Z');
    const id = person.get('R-1')!;
    const record = recordOf(await getPerson(ctx, reader, id));
    const credited = {
      ...record,
      convictions: record.convictions.map((c) => ({
        ...c,
        sentence: { days: 392, start: '2024-10-01', creditDays: 200, consecutiveTo: null },
      })),
    };
    await updatePerson(ctx, anActor('sending_officer'), id, credited);
    const view = await personReleaseDate(ctx, reader, id);
    expect(view.current).toMatchObject({
      reason: 'credits_changed',
      result: { kind: 'date', date: '2025-04-11' },
    });
    expect(view.earlier.map((c) => c.reason)).toEqual(['initial']);
    // A change elsewhere in the record (an alias) leaves the inputs alone: no new calculation.
    await updatePerson(ctx, anActor('sending_officer'), id, { ...credited, aliases: ['J. L. H.'] });
    expect((await personReleaseDate(ctx, reader, id)).earlier).toHaveLength(1);
  });

  it('lists releases due, and raises an overdue alarm naming the person until a court order explains it', async () => {
    const due = await releasesDue(ctx, reader, { facility: 'SV-TEST', days: 365 });
    expect(due.items.map((r) => [r.ref, r.status, r.releaseDate, r.days])).toEqual([
      ['R-1', 'overdue', '2025-04-11', 51],
    ]);
    const soon = await releasesDue(ctx, reader, { days: 500 });
    expect(soon.items.map((r) => r.ref)).toEqual(['R-1', 'R-3']);
    const board = await dashboard(ctx);
    expect(board.alarms.overdueReleases).toEqual([
      expect.objectContaining({
        ref: 'R-1',
        name: 'José Luis Hernández Martínez',
        status: 'overdue',
        days: 51,
      }),
    ]);
    expect(
      (
        await refusal(
          explainDetention(ctx, reader, person.get('R-1')!, {
            courtOrder: { reference: 'x', court: 'y', date: '2025-05-01' },
          }),
        )
      ).code,
    ).toBe('forbidden');
    await explainDetention(ctx, anActor('court'), person.get('R-1')!, {
      courtOrder: { reference: 'HC-2025-0142', court: 'Sala de lo Constitucional', date: '2025-05-30' },
    });
    expect((await dashboard(ctx)).alarms.overdueReleases).toEqual([]);
    const explained = await releasesDue(ctx, reader, { facility: 'SV-TEST' });
    expect(explained.items[0]).toMatchObject({
      ref: 'R-1',
      status: 'explained',
      courtOrder: { reference: 'HC-2025-0142' },
    });
  });

  it('the alarm ends with the release', async () => {
    const id = person.get('R-3')!;
    ctx.clock.set('2026-10-05T12:00:00Z');
    expect((await dashboard(ctx)).alarms.overdueReleases.map((r) => r.ref)).toEqual(['R-3']);
    await releasePerson(ctx, anActor('receiving_custody'), id, { reason: 'sentence_served' });
    expect((await dashboard(ctx)).alarms.overdueReleases).toEqual([]);
  });

  it('overrides by a court with its order and reason; refuses other roles and a date before the start', async () => {
    const id = person.get('R-2')!;
    const order = { reference: 'HC-2026-0007', court: 'Sala de lo Constitucional', date: '2026-10-01' };
    expect(
      (await refusal(overrideReleaseDate(ctx, reader, id, { date: '2030-01-01', reason: 'x' }))).code,
    ).toBe('forbidden');
    const early = await refusal(
      overrideReleaseDate(ctx, aCourt('Sala de lo Constitucional'), id, {
        date: '2019-01-01',
        reason: 'commuted',
        courtOrder: order,
      }),
    );
    expect(early).toMatchObject({ code: 'invalid_input', key: 'release_date.override_before_start' });
    expect(early.es).toContain('nadie queda en libertad');
    const view = await overrideReleaseDate(ctx, aCourt('Sala de lo Constitucional'), id, {
      date: '2035-01-01',
      reason: 'life commuted to 15 years',
      courtOrder: order,
    });
    expect(view.current).toMatchObject({
      reason: 'court_order',
      result: { kind: 'date', date: '2035-01-01' },
      computed: { kind: 'life' },
      override: { reason: 'life commuted to 15 years', role: 'court', courtOrder: order },
      calculatedBy: 'user:court',
    });
    expect(view.earlier.map((c) => c.reason)).toEqual(['initial']);
  });

  it('refuses bad worklist options in both languages', async () => {
    const days = await refusal(releasesDue(ctx, reader, { days: 99_999 }));
    expect(days).toMatchObject({ code: 'invalid_input', key: 'release_date.days_range' });
    expect(days.es).toContain('fuera de rango');
    expect((await refusal(releasesDue(ctx, reader, { on: '2025-02-30' }))).key).toBe(
      'release_date.on_invalid',
    );
  });

  it('replays: ledger verify rebuilds the calculations and explanations', async () => {
    expect((await verifyLedger(ctx.handle.db, { signer: ctx.signer, events: ctx.events })).problems).toEqual(
      [],
    );
  });
});
