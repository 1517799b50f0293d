import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createToken, createUser } from '../auth/service.js';
import { computeBill } from '../billing/service.js';
import { custodyOf } from '../custody/store.js';
import { allocateFacility } from '../facilities/housing-service.js';
import { verifyLedger } from '../ledger/verify.js';
import { dashboard } from '../oversight/dashboard.js';
import { buildApp } from '../server.js';
import { anActor, testContext, testEngine } from '../test-support/context.js';
import { aManifest } from '../test-support/factories.js';
import { aReturnsAgreement, eligiblePeople, RETURN_ACTORS } from '../test-support/returns-fixture.js';
import { liftLegalHold, recordHold } from './holds.js';
import {
  addToManifest,
  arriveManifest,
  boardPerson,
  closeManifest,
  createManifest,
  departManifest,
  handOverPerson,
  manifestView,
  receivePerson,
} from './manifest-service.js';
import { startRepatriation } from './return-service.js';
import { act, getTransfer } from './service.js';

const { officer, legal, receiving, court } = RETURN_ACTORS;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ORDER = { court: 'U.S. District Court, D.D.C.', case: '1:25-cv-01201' };
const ICE = { agency: 'US-ICE', officer: 'Deportation Officer R. Whitfield' };

/** A return flight from San Salvador to Alexandria, `days` after the outbound fixture flight. */
function returnFlight(facilityId: string, days: number) {
  const departure = new Date(Date.parse('2025-03-14T18:00:00Z') + days * DAY).toISOString();
  return aManifest(facilityId, {
    direction: 'return',
    carrier: 'GlobalX',
    flightNumber: 'GXA 6060',
    origin: 'SAL',
    destination: 'AEX',
    scheduledDeparture: { instant: departure, zone: 'America/El_Salvador' },
    scheduledArrival: {
      instant: new Date(Date.parse(departure) + 3 * HOUR).toISOString(),
      zone: 'America/Chicago',
    },
  });
}

/** A repatriation flight from San Salvador to Caracas on 20 March 2025. */
function repatriationFlight(facilityId: string) {
  return aManifest(facilityId, {
    direction: 'repatriation',
    country: 'VE',
    carrier: 'Conviasa',
    flightNumber: 'VCV 2110',
    origin: 'SAL',
    destination: 'CCS',
    scheduledDeparture: { instant: '2025-03-20T15:00:00Z', zone: 'America/El_Salvador' },
    scheduledArrival: { instant: '2025-03-20T19:00:00Z', zone: 'America/Caracas' },
  });
}

describe(`returns and repatriation on ${testEngine}`, () => {
  let ctx: Awaited<ReturnType<typeof testContext>>;
  let agreementId: string;
  let facilityId: string;
  let people: Record<string, string> = {};

  beforeEach(async () => {
    ctx = await testContext({ now: '2025-03-14T15:00:00Z' });
    ({ facilityId, agreementId } = await aReturnsAgreement(ctx));
    people = await eligiblePeople(ctx, agreementId, { 'R-1': {}, 'R-2': { nationalities: ['VE', 'SV'] } });
  });

  afterEach(async () => {
    await ctx.handle.close();
  });

  /** Flies the people to the facility, receives and houses them; returns their transfer ids by ref. */
  async function received(refs: string[]): Promise<Record<string, string>> {
    const ids: Record<string, string> = {};
    for (const ref of refs) {
      const { transferId } = await act(ctx, officer, {
        action: 'nominate',
        personId: people[ref]!,
        agreementId,
      });
      await act(ctx, legal, { action: 'screen', transferId });
      await act(ctx, legal, { action: 'approve', transferId });
      await act(ctx, receiving, { action: 'accept', transferId });
      ids[ref] = transferId;
    }
    const { manifestId } = await createManifest(ctx, officer, aManifest(facilityId));
    for (const ref of refs) await addToManifest(ctx, officer, manifestId, ids[ref]!);
    for (const ref of refs) await boardPerson(ctx, officer, manifestId, ids[ref]!);
    await departManifest(ctx, officer, manifestId);
    ctx.clock.advance(4 * HOUR);
    await arriveManifest(ctx, receiving, manifestId);
    for (const ref of refs) {
      await receivePerson(ctx, receiving, manifestId, ids[ref]!, { method: 'biometric', matched: true });
    }
    await closeManifest(ctx, receiving, manifestId);
    await allocateFacility(ctx, receiving, facilityId);
    return ids;
  }

  it('carries a returned man back on a closed return manifest, handed over to a named agency; custody and billing stop at departure', async () => {
    const ids = await received(['R-1']);
    const original = ids['R-1']!;
    const personId = people['R-1']!;
    // A habeas court finds the transfer wrongful and orders his return.
    ctx.clock.advance(10 * DAY);
    await act(ctx, court, { action: 'order_return', transferId: original, courtOrder: ORDER });
    const returned = await getTransfer(ctx, original, court);
    expect(returned).toMatchObject({ status: 'returned', courtOrder: ORDER });
    const returnId = returned.returnTransferId!;
    expect(returned.linked).toEqual([
      { transferId: returnId, direction: 'return', status: 'ordered', relation: 'return' },
    ]);
    const back = await getTransfer(ctx, returnId, receiving);
    expect(back).toMatchObject({ direction: 'return', status: 'ordered', returnOf: original, personId });
    expect(back.linked).toEqual([
      { transferId: original, direction: 'outbound', status: 'returned', relation: 'original' },
    ]);
    expect(back.history.map((h) => h.action)).toEqual(['start_return']);

    // A second order finds the return already under way.
    await expect(
      act(ctx, court, { action: 'order_return', transferId: original, courtOrder: ORDER }),
    ).rejects.toMatchObject({ code: 'rule_refusal' });

    // The receiving officer puts him on a return manifest, boards him and departs; the sending officer may not.
    const flight = returnFlight(facilityId, 20);
    await expect(createManifest(ctx, officer, flight)).rejects.toMatchObject({ code: 'forbidden' });
    ctx.clock.set('2025-04-03T12:00:00Z');
    const manifest = await createManifest(ctx, receiving, flight);
    expect(manifest).toMatchObject({ direction: 'return', country: null });
    const { manifestId } = manifest;
    await addToManifest(ctx, receiving, manifestId, returnId);
    expect((await getTransfer(ctx, returnId)).status).toBe('scheduled');
    await expect(boardPerson(ctx, officer, manifestId, returnId)).rejects.toMatchObject({
      code: 'forbidden',
    });
    ctx.clock.set('2025-04-03T17:30:00Z');
    await boardPerson(ctx, receiving, manifestId, returnId);
    ctx.clock.set('2025-04-03T18:05:00Z');
    await departManifest(ctx, receiving, manifestId);
    expect((await getTransfer(ctx, returnId)).status).toBe('in_transit');

    // His custody interval closed at the departure: the cell is vacated and occupancy falls.
    const [interval] = await custodyOf(ctx.handle.db, personId);
    expect(interval!.endedAt?.toISOString()).toBe('2025-04-03T18:05:00.000Z');
    expect(interval!.releaseReason).toBe('court_ordered_return');
    const housed = await ctx.handle.db
      .selectFrom('housing_assignments')
      .select('ended_at')
      .where('person_id', '=', personId)
      .execute();
    expect(housed.map((h) => h.ended_at?.toISOString())).toEqual(['2025-04-03T18:05:00.000Z']);
    const board = await dashboard(ctx);
    expect(board.facilities.find((f) => f.id === facilityId)?.occupancy.transferees).toBe(0);

    // Billing: his last custody day is the day before departure (12:05 in San Salvador on 3 April).
    const april = await computeBill(ctx.handle.db, agreementId, '2025-04');
    expect(april.lines.find((l) => l.personId === personId)?.parts.at(-1)).toMatchObject({
      from: '2025-04-01',
      to: '2025-04-02',
      days: 2,
    });
    expect((await computeBill(ctx.handle.db, agreementId, '2025-05')).lines).toEqual([]);

    // On arrival the sending officer records the handover: intake is refused, an unknown agency too.
    ctx.clock.set('2025-04-03T21:10:00Z');
    await expect(arriveManifest(ctx, receiving, manifestId)).rejects.toMatchObject({ code: 'forbidden' });
    await arriveManifest(ctx, officer, manifestId);
    await expect(
      receivePerson(ctx, receiving, manifestId, returnId, { method: 'biometric', matched: true }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      handOverPerson(ctx, officer, manifestId, returnId, { agency: 'SV-DGCP', officer: 'X' }),
    ).rejects.toMatchObject({ details: { rule: 'named-handover' } });
    await expect(
      handOverPerson(ctx, officer, manifestId, returnId, { agency: 'US-ICE', officer: ' ' }),
    ).rejects.toMatchObject({ code: 'invalid_input', details: { rule: 'named-handover' } });
    await expect(closeManifest(ctx, officer, manifestId)).rejects.toMatchObject({
      details: { rule: 'manifest-reconciliation', unaccounted: [returnId] },
    });
    await handOverPerson(ctx, officer, manifestId, returnId, ICE);
    const closed = await closeManifest(ctx, officer, manifestId);
    expect(closed.status).toBe('closed');
    const view = await manifestView(ctx, manifestId);
    expect(view.reconciliation).toMatchObject({ reconciled: true, boarded: 1, received: 1 });
    expect(view.entries[0]).toMatchObject({
      status: 'handed_over',
      handover: ICE,
      transferStatus: 'received',
    });
    expect(await getTransfer(ctx, returnId)).toMatchObject({
      status: 'received',
      handover: { ...ICE, at: '2025-04-03T21:10:00.000Z' },
    });

    // Everything above replays from the ledger into the same read tables.
    const report = await verifyLedger(ctx.handle.db, { signer: ctx.signer, events: ctx.events });
    expect(report.problems).toEqual([]);
  });

  it('never stops a return with a hold, and never carries out of the facility someone not held there', async () => {
    const ids = await received(['R-1']);
    const personId = people['R-1']!;
    ctx.clock.advance(DAY);
    await act(ctx, court, { action: 'order_return', transferId: ids['R-1']!, courtOrder: ORDER });
    const returnId = (await getTransfer(ctx, ids['R-1']!)).returnTransferId!;
    // A habeas petition on a man being returned does not put the return on hold.
    const hold = await recordHold(ctx, court, personId, {
      type: 'habeas_petition',
      court: ORDER.court,
      case: ORDER.case,
      issued: '2025-03-15',
    });
    expect(hold.transfersHeld).toEqual([]);
    ctx.clock.set('2025-03-20T12:00:00Z');
    const { manifestId } = await createManifest(ctx, receiving, returnFlight(facilityId, 7));
    await addToManifest(ctx, receiving, manifestId, returnId);
    // An outbound manifest cannot take a return transfer, nor a return manifest an outbound one.
    const outbound = await createManifest(ctx, officer, aManifest(facilityId));
    await expect(addToManifest(ctx, officer, outbound.manifestId, returnId)).rejects.toMatchObject({
      code: 'rule_refusal',
    });
    ctx.clock.set('2025-03-21T18:05:00Z');
    await boardPerson(ctx, receiving, manifestId, returnId);
    await departManifest(ctx, receiving, manifestId);
    expect((await custodyOf(ctx.handle.db, personId))[0]?.endedAt).not.toBeNull();
  });

  it('holds a repatriation as a removal abroad: refused under a hold, stopped by one, resumed when it is lifted', async () => {
    const ids = await received(['R-2']);
    const personId = people['R-2']!;
    ctx.clock.set('2025-03-16T12:00:00Z');
    const habeas = { type: 'habeas_petition', court: ORDER.court, case: ORDER.case, issued: '2025-03-16' };
    const hold = await recordHold(ctx, court, personId, habeas);
    // Under a hold in force, no repatriation starts, in either language.
    const refused = startRepatriation(ctx, receiving, ids['R-2']!, 'VE');
    await expect(refused).rejects.toMatchObject({
      code: 'rule_refusal',
      messageKey: 'transfer.repatriation_held',
      details: { rule: 'no-active-hold' },
    });
    await liftLegalHold(ctx, court, personId, { holdId: hold.holdId, lifted: '2025-03-17' });
    ctx.clock.set('2025-03-18T12:00:00Z');
    const repatriation = await startRepatriation(ctx, receiving, ids['R-2']!, 'VE');
    const flight = repatriationFlight(facilityId);
    const { manifestId } = await createManifest(ctx, receiving, flight);
    await addToManifest(ctx, receiving, manifestId, repatriation.transferId);
    expect((await getTransfer(ctx, repatriation.transferId)).status).toBe('scheduled');
    // A stay of removal while it waits for its flight stops it; the person does not board.
    const stay = await recordHold(ctx, court, personId, {
      ...habeas,
      type: 'stay_of_removal',
      issued: '2025-03-19',
    });
    expect(stay.transfersHeld).toEqual([repatriation.transferId]);
    expect((await getTransfer(ctx, repatriation.transferId)).status).toBe('on_hold');
    ctx.clock.set('2025-03-20T15:10:00Z');
    await expect(boardPerson(ctx, receiving, manifestId, repatriation.transferId)).rejects.toMatchObject({
      messageKey: 'transfer.wrong_state',
    });
    // Lifted, it is back on its manifest, scheduled, and boards.
    await liftLegalHold(ctx, court, personId, { holdId: stay.holdId, lifted: '2025-03-20' });
    expect((await getTransfer(ctx, repatriation.transferId)).status).toBe('scheduled');
    await boardPerson(ctx, receiving, manifestId, repatriation.transferId);
    const report = await verifyLedger(ctx.handle.db, { signer: ctx.signer, events: ctx.events });
    expect(report.ok).toBe(true);
  });

  it('repatriates a man at the end of his sentence to his country of nationality, handed over to its authority', async () => {
    const ids = await received(['R-2']);
    const personId = people['R-2']!;
    ctx.clock.advance(DAY);
    // Only to a country of nationality, only by the receiving officer.
    await expect(startRepatriation(ctx, court, ids['R-2']!, 'VE')).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(startRepatriation(ctx, receiving, ids['R-2']!, 'CO')).rejects.toMatchObject({
      code: 'invalid_input',
      details: { rule: 'repatriation-nationality' },
    });
    // Through the API, as the receiving officer: started, then carried and handed over below.
    const built = await buildApp(ctx);
    await built.app.ready();
    await createUser(ctx, anActor('admin'), {
      name: 'rita.receiving',
      role: 'receiving_officer',
      password: 'correct horse battery',
    });
    const auth = {
      authorization: `Bearer ${(await createToken(ctx, anActor('admin'), 'rita.receiving')).token}`,
    };
    const started = await built.app.inject({
      method: 'POST',
      url: `/api/v1/transfers/${ids['R-2']}/repatriation`,
      headers: auth,
      payload: { country: 'VE' },
    });
    expect(started.statusCode).toBe(201);
    const repatriation = started.json<{ transferId: string }>();
    expect(repatriation).toMatchObject({
      direction: 'repatriation',
      status: 'ordered',
      country: 'VE',
      returnOf: ids['R-2'],
    });
    // The original stays received: the sentence was served, nothing is undone.
    expect((await getTransfer(ctx, ids['R-2']!)).status).toBe('received');

    const flight = repatriationFlight(facilityId);
    // A return manifest cannot carry a repatriation; one to another country cannot either.
    const wrong = await createManifest(ctx, receiving, { ...flight, country: 'CO' });
    await expect(
      addToManifest(ctx, receiving, wrong.manifestId, repatriation.transferId),
    ).rejects.toMatchObject({
      details: { rule: 'manifest-direction' },
    });
    const { manifestId } = await createManifest(ctx, receiving, flight);
    await addToManifest(ctx, receiving, manifestId, repatriation.transferId);
    ctx.clock.set('2025-03-20T15:10:00Z');
    await boardPerson(ctx, receiving, manifestId, repatriation.transferId);
    await departManifest(ctx, receiving, manifestId);
    const [interval] = await custodyOf(ctx.handle.db, personId);
    expect(interval).toMatchObject({ releaseReason: 'repatriation' });
    expect(interval!.endedAt?.toISOString()).toBe('2025-03-20T15:10:00.000Z');
    ctx.clock.set('2025-03-20T19:30:00Z');
    await arriveManifest(ctx, receiving, manifestId);
    const authority = { agency: 'VE-SAIME', officer: 'Comisario L. Pérez' };
    const handed = await built.app.inject({
      method: 'POST',
      url: `/api/v1/manifests/${manifestId}/transfers/${repatriation.transferId}/hand-over`,
      headers: auth,
      payload: authority,
    });
    expect(handed.statusCode).toBe(200);
    expect(handed.json()).toMatchObject({
      direction: 'repatriation',
      country: 'VE',
      entries: [{ status: 'handed_over', handover: authority }],
    });
    expect((await closeManifest(ctx, receiving, manifestId)).status).toBe('closed');
    const listed = await built.app.inject({
      method: 'GET',
      url: '/api/v1/manifests?direction=repatriation',
      headers: auth,
    });
    const ids2 = listed.json<{ manifests: { manifestId: string }[] }>().manifests.map((m) => m.manifestId);
    expect(ids2.sort()).toEqual([manifestId, wrong.manifestId].sort());
    const detail = await built.app.inject({
      method: 'GET',
      url: `/api/v1/transfers/${ids['R-2']}`,
      headers: auth,
    });
    expect(detail.json()).toMatchObject({
      status: 'received',
      linked: [
        {
          transferId: repatriation.transferId,
          direction: 'repatriation',
          status: 'received',
          relation: 'return',
        },
      ],
    });
    await built.app.close();
    expect(await getTransfer(ctx, repatriation.transferId)).toMatchObject({
      status: 'received',
      handover: authority,
    });
  });
});
