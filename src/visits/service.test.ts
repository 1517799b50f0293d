import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../core/errors.js';
import { translate } from '../core/messages/index.js';
import { complianceReport } from '../custody/compliance-service.js';
import type { Actor } from '../ledger/events.js';
import { verifyLedger } from '../ledger/verify.js';
import { registerParty } from '../parties/service.js';
import { anActor, testContext, testEngine } from '../test-support/context.js';
import {
  cancelVisit,
  facilityVisits,
  legalVisit,
  personVisits,
  recordVisitOutcome,
  refuseVisit,
  requestVisit,
  scheduleVisit,
} from './service.js';
import { clientInCustody } from './test-fixture.js';

const custody = anActor('receiving_custody');

/** The error a promise is refused with. */
async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe(`legal visits on ${testEngine}`, () => {
  let ctx: Awaited<ReturnType<typeof testContext>>;
  let counsel: Actor;
  let otherCounsel: Actor;
  const person = new Map<string, string>();

  beforeAll(async () => {
    // V-1 and V-2 received at SV-TEST on 14 March 2025; the law office represents V-1 only.
    ctx = await testContext({ now: '2025-03-14T15:00:00Z' });
    const fixture = await clientInCustody(ctx, ['V-1', 'V-2']);
    for (const [ref, id] of fixture.person) person.set(ref, id);
    const other = await registerParty(ctx, anActor('admin'), { kind: 'law_office', code: 'Otro Despacho' });
    const parties = (id: string) => ({ partyIds: [id], courts: [], people: [] });
    counsel = { ...anActor('counsel'), parties: parties(fixture.officeId) };
    otherCounsel = { ...anActor('counsel', 'other.counsel'), parties: parties(other.id) };
  });
  afterAll(async () => {
    await ctx.handle.close();
  });

  const window = { kind: 'video', windowFrom: '2025-04-15T14:00:00Z', windowTo: '2025-04-17T22:00:00Z' };

  it('counsel request for their client; any other person is a 404 word for word a miss', async () => {
    ctx.clock.set('2025-04-14T15:00:00Z');
    const v = await requestVisit(ctx, counsel, person.get('V-1')!, window);
    expect(v).toMatchObject({
      status: 'requested',
      office: 'Defensa Legal',
      dueAt: '2025-04-21T15:00:00.000Z',
    });
    expect(JSON.stringify(v)).not.toMatch(/cell/i);
    const notClient = await refusal(requestVisit(ctx, counsel, person.get('V-2')!, window));
    const missing = '00000000-0000-4000-8000-000000000000';
    const miss = await refusal(requestVisit(ctx, counsel, missing, window));
    expect(notClient.code).toBe('not_found');
    expect(translate('en', notClient.messageKey, notClient.params).replace(person.get('V-2')!, 'X')).toBe(
      translate('en', miss.messageKey, miss.params).replace(missing, 'X'),
    );
    await expect(legalVisit(ctx, otherCounsel, v.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(personVisits(ctx, otherCounsel, person.get('V-1')!)).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(scheduleVisit(ctx, counsel, v.id, { room: 'SALA-1', ...slot })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  const slot = { startsAt: '2025-04-16T15:00:00Z', endsAt: '2025-04-16T16:00:00Z' };

  it('receiving custody schedule, refuse and record; lists are filtered by the scope', async () => {
    ctx.clock.set('2025-04-14T16:00:00Z');
    const held = await requestVisit(ctx, counsel, person.get('V-1')!, window);
    const refused = await requestVisit(ctx, counsel, person.get('V-1')!, { ...window, kind: 'phone' });
    const byOperator = await requestVisit(ctx, anActor('system'), person.get('V-2')!, window);
    await scheduleVisit(ctx, custody, held.id, { room: 'SALA-1', ...slot });
    await refuseVisit(ctx, custody, refused.id, {
      reasonCode: 'security',
      reason: 'lockdown after an incident',
    });
    const early = await refusal(recordVisitOutcome(ctx, custody, held.id, { outcome: 'held' }));
    expect(early.messageKey).toBe('legal_visit.not_started');
    ctx.clock.set('2025-04-16T16:30:00Z');
    expect(await recordVisitOutcome(ctx, custody, held.id, { outcome: 'held' })).toMatchObject({
      status: 'held',
    });
    const twice = await refusal(recordVisitOutcome(ctx, custody, held.id, { outcome: 'held' }));
    expect(twice.code).toBe('conflict');
    expect(translate('es', twice.messageKey, twice.params)).toMatch(/definitiva/);
    await cancelVisit(ctx, counsel, (await requestVisit(ctx, counsel, person.get('V-1')!, window)).id, {});

    const mine = await facilityVisits(ctx, counsel, 'SV-TEST');
    expect(new Set(mine.visits.map((v) => v.personRef))).toEqual(new Set(['V-1']));
    const all = await facilityVisits(ctx, custody, 'SV-TEST');
    expect(all.visits.map((v) => v.id)).toContain(byOperator.id);
    expect((await facilityVisits(ctx, otherCounsel, 'SV-TEST')).visits).toEqual([]);
    expect(
      (await facilityVisits(ctx, anActor('monitor'), 'SV-TEST', { status: 'refused' })).visits,
    ).toHaveLength(1);
    await expect(facilityVisits(ctx, anActor('finance'), 'SV-TEST')).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('judges legal-access for April and leaves March not evaluated; the ledger replays the visits', async () => {
    ctx.clock.set('2025-05-15T00:00:00Z');
    const april = await complianceReport(ctx, anActor('monitor'), 'SV-TEST', '2025-04-01', '2025-04-30');
    const rule = april.rules.find((r) => r.id === 'legal-access');
    // Held within 7 days (met); refused, and the first request still requested a month later (findings);
    // the operator's request for V-2 also still requested (finding); the cancelled one is not judged.
    expect(rule).toMatchObject({ evaluated: 4, findings: 3, note: null });
    const march = await complianceReport(ctx, anActor('monitor'), 'SV-TEST', '2025-03-01', '2025-03-31');
    expect(march.rules.find((r) => r.id === 'legal-access')).toMatchObject({ evaluated: 0, findings: 0 });
    const report = await verifyLedger(ctx.handle.db, { signer: ctx.signer, events: ctx.events });
    expect(report.ok).toBe(true);
  });
});
