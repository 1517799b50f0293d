import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAgreement } from '../agreements/service.js';
import { custodyOf } from '../custody/store.js';
import { registerFacility } from '../facilities/service.js';
import { verifyLedger } from '../ledger/verify.js';
import { dashboard } from '../oversight/dashboard.js';
import { parsePeople } from '../people/import-format.js';
import { importPeople } from '../people/service.js';
import { aCourt, anActor, testContext, testEngine } from '../test-support/context.js';
import { AS_OF, anEligiblePerson } from '../test-support/eligibility-fixtures.js';
import { aFacility, aManifest, anAgreement } from '../test-support/factories.js';
import { recordIdentityVerification, recordNotice } from './facts.js';
import { recordHold } from './holds.js';
import {
  addToManifest,
  arriveManifest,
  boardPerson,
  closeManifest,
  createManifest,
  departManifest,
  manifestView,
  receivePerson,
  recordManifestException,
  removeFromManifest,
} from './manifest-service.js';
import { act, getTransfer } from './service.js';
import { listTransfers } from './store.js';

const officer = anActor('sending_officer');
const legal = anActor('sending_legal');
const receiving = anActor('receiving_officer');
const court = aCourt('D.D.C.', 'D. Md.');
const HOUR = 3_600_000;
const tro = { type: 'tro', court: 'D.D.C.', case: '1:25-cv-00766', issued: AS_OF };

async function* text(s: string) {
  yield s;
}

describe(`transport manifests on ${testEngine}`, () => {
  let ctx: Awaited<ReturnType<typeof testContext>>;
  let agreementId: string;
  let facilityId: string;
  const people: Record<string, string> = {};

  beforeEach(async () => {
    ctx = await testContext({ now: `${AS_OF}T15:00:00Z` });
    const facility = await registerFacility(ctx, anActor('admin'), aFacility());
    facilityId = facility.id;
    agreementId = (await createAgreement(ctx, anActor('admin'), anAgreement([facility.id]))).id;
    const file = ['M-1', 'M-2', 'M-3']
      .map((ref) => JSON.stringify(anEligiblePerson({ ref })))
      .concat(JSON.stringify(anEligiblePerson({ ref: 'M-NEW', notice: null, identityVerification: null })))
      .join('\n');
    await importPeople(ctx, officer, agreementId, parsePeople(text(file), 'ndjson'));
    for (const row of await ctx.handle.db.selectFrom('people').select(['id', 'ref']).execute()) {
      people[row.ref] = row.id;
    }
  });

  afterEach(async () => {
    await ctx.handle.close();
  });

  async function accepted(ref: string): Promise<string> {
    const { transferId } = await act(ctx, officer, {
      action: 'nominate',
      personId: people[ref]!,
      agreementId,
    });
    await act(ctx, legal, { action: 'screen', transferId });
    await act(ctx, legal, { action: 'approve', transferId });
    await act(ctx, receiving, { action: 'accept', transferId });
    return transferId;
  }

  async function flightWith(refs: string[]) {
    const ids = [];
    for (const ref of refs) ids.push(await accepted(ref));
    const { manifestId } = await createManifest(ctx, officer, aManifest(facilityId));
    for (const id of ids) await addToManifest(ctx, officer, manifestId, id);
    return { manifestId, ids };
  }

  it('receives person by person: intake starts custody and the Rule 68 notification, due 24 h later', async () => {
    const { manifestId, ids } = await flightWith(['M-1', 'M-2']);
    for (const id of ids) await boardPerson(ctx, officer, manifestId, id);
    await departManifest(ctx, officer, manifestId);
    expect((await getTransfer(ctx, ids[0]!)).status).toBe('in_transit');
    ctx.clock.advance(4 * HOUR);
    await arriveManifest(ctx, receiving, manifestId);
    await receivePerson(ctx, receiving, manifestId, ids[0]!, { method: 'biometric', matched: true });
    const [interval] = await custodyOf(ctx.handle.db, people['M-1']!);
    expect(interval).toMatchObject({ facilityId, manifestId, transferId: ids[0], endedAt: null });
    expect(interval!.startedAt.toISOString()).toBe('2025-03-14T19:00:00.000Z');
    expect(interval!.notifications).toEqual([
      expect.objectContaining({
        rule: 'transfer-notification',
        source: 'UN Nelson Mandela Rules, Rule 68',
        recipients: ['family', 'counsel'],
        fulfilledAt: null,
      }),
    ]);
    expect(interval!.notifications[0]!.dueAt.toISOString()).toBe('2025-03-15T19:00:00.000Z');

    // M-2 boarded and is neither received nor excepted: the manifest cannot close, and it is an alarm.
    await expect(closeManifest(ctx, receiving, manifestId)).rejects.toMatchObject({
      code: 'rule_refusal',
      details: { rule: 'manifest-reconciliation', unaccounted: [ids[1]] },
    });
    const board = await dashboard(ctx);
    expect(board.alarms.manifests).toEqual([expect.objectContaining({ manifestId, unaccounted: [ids[1]] })]);
    expect(board.facilities.find((f) => f.id === facilityId)?.occupancy.transferees).toBe(1);

    // A failed identity check takes nobody in; an explained exception accounts for the person.
    await expect(
      receivePerson(ctx, receiving, manifestId, ids[1]!, { method: 'document', matched: false }),
    ).rejects.toMatchObject({ code: 'rule_refusal', details: { rule: 'manifest-identity-match' } });
    await recordManifestException(
      ctx,
      receiving,
      manifestId,
      ids[1]!,
      'missing_after_transport',
      'Not on the aircraft at the gate; the carrier and ICE were told at 19:10.',
    );
    const closed = await closeManifest(ctx, receiving, manifestId);
    expect(closed.status).toBe('closed');
    expect((await dashboard(ctx)).alarms.manifests).toEqual([]);
    const report = await verifyLedger(ctx.handle.db, {
      signer: ctx.signer,
      events: ctx.events,
    });
    expect(report.problems).toEqual([]);
  });

  it('a hold issued after boarding stops departure, naming the person, until they are taken off', async () => {
    const { manifestId, ids } = await flightWith(['M-1', 'M-2']);
    for (const id of ids) await boardPerson(ctx, officer, manifestId, id);
    const held = await recordHold(ctx, court, people['M-2']!, tro);
    expect(held.transfersHeld).toEqual([ids[1]]);
    await expect(departManifest(ctx, officer, manifestId)).rejects.toMatchObject({
      code: 'rule_refusal',
      details: {
        rule: 'manifest-departure-check',
        refused: [expect.objectContaining({ transferId: ids[1] })],
      },
      message: expect.stringMatching(/M-2 .*active legal hold: tro D\.D\.C\. 1:25-cv-00766/),
    });
    // Nothing departed: M-1 is still scheduled.
    expect((await getTransfer(ctx, ids[0]!)).status).toBe('scheduled');
    await recordManifestException(
      ctx,
      officer,
      manifestId,
      ids[1]!,
      'returned_before_departure',
      'TRO served at the gate; taken off the aircraft.',
    );
    const departed = await departManifest(ctx, officer, manifestId);
    expect(departed.status).toBe('departed');
    expect((await getTransfer(ctx, ids[0]!)).status).toBe('in_transit');
    expect((await getTransfer(ctx, ids[1]!)).status).toBe('on_hold');
    const view = await manifestView(ctx, manifestId);
    expect(view.entries.map((e) => [e.person?.ref, e.status, e.transferStatus])).toEqual([
      ['M-1', 'boarded', 'in_transit'],
      ['M-2', 'exception', 'on_hold'],
    ]);
  });

  it('nobody is on two manifests, and only a not-yet-boarded entry can be removed', async () => {
    const { manifestId, ids } = await flightWith(['M-1']);
    const other = await createManifest(ctx, officer, aManifest(facilityId, { flightNumber: 'GXA 6052' }));
    await expect(addToManifest(ctx, officer, other.manifestId, ids[0]!)).rejects.toMatchObject({
      details: { rule: 'manifest-one-place' },
    });
    await removeFromManifest(ctx, officer, manifestId, ids[0]!);
    await addToManifest(ctx, officer, other.manifestId, ids[0]!);
    await boardPerson(ctx, officer, other.manifestId, ids[0]!);
    await expect(removeFromManifest(ctx, officer, other.manifestId, ids[0]!)).rejects.toMatchObject({
      details: { rule: 'manifest-remove' },
    });
    await expect(boardPerson(ctx, receiving, other.manifestId, ids[0]!)).rejects.toMatchObject({
      code: 'forbidden',
    });
    const listed = await listTransfers(ctx.handle.db, { status: ['scheduled'] });
    expect(listed.map((t) => [t.ref, t.manifestId])).toEqual([['M-1', other.manifestId]]);
  });

  it('recording notice and identity verification re-screens the open transfers', async () => {
    const { transferId } = await act(ctx, officer, {
      action: 'nominate',
      personId: people['M-NEW']!,
      agreementId,
    });
    await act(ctx, legal, { action: 'screen', transferId });
    await expect(act(ctx, legal, { action: 'approve', transferId })).rejects.toMatchObject({
      details: { rule: 'fresh-eligible-screening' },
    });
    await expect(
      recordNotice(ctx, officer, people['M-NEW']!, { servedOn: '2025-02-01', counselNotified: true }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const noticed = await recordNotice(ctx, legal, people['M-NEW']!, {
      servedOn: '2025-02-01',
      counselNotified: true,
    });
    expect(noticed.rescreened).toEqual([transferId]);
    const verified = await recordIdentityVerification(ctx, officer, people['M-NEW']!, {
      method: 'biometric',
      date: '2025-03-01',
    });
    expect(verified.rescreened).toEqual([transferId]);
    const transfer = await getTransfer(ctx, transferId, anActor('sending_legal'));
    // The re-screenings, newest first, then the screening the `screen` step was decided on.
    expect(transfer.screenings.map((s) => [s.reason, s.outcome])).toEqual([
      ['identity_verified', 'eligible'],
      ['notice_recorded', 'pending'],
      ['step_screen', 'ineligible'],
    ]);
    expect(transfer.allowedActions.map((a) => a.action)).toEqual(['approve', 'hold', 'cancel']);
    await act(ctx, legal, { action: 'approve', transferId });
  });
});
