import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../core/errors.js';
import { verifyLedger } from '../ledger/verify.js';
import { registerParty } from '../parties/service.js';
import { aCourt, anActor, testContext, testEngine } from '../test-support/context.js';
import { startRepatriation } from '../transfers/return-service.js';
import { clientInCustody } from '../visits/test-fixture.js';
import {
  addRoom,
  amendHearing,
  blockRoom,
  bookHearing,
  cancelHearing,
  courtDayList,
  facilityDayList,
  hearing,
  listRooms,
  personHearings,
  recordOutcome,
  setCourtZone,
} from './service.js';

const admin = anActor('admin');
const custody = anActor('receiving_custody');
const court = aCourt('D.D.C.');
const otherCourt = aCourt('S.D. Tex.');

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe(`video-link hearings on ${testEngine}`, () => {
  let ctx: Awaited<ReturnType<typeof testContext>>;
  let h1: string;
  let h2: string;
  const person = new Map<string, string>();

  beforeAll(async () => {
    ctx = await testContext({ now: '2025-03-14T15:00:00Z' });
    const fixture = await clientInCustody(ctx, ['H-1', 'H-2']);
    for (const [ref, id] of fixture.person) person.set(ref, id);
    await registerParty(ctx, admin, { kind: 'court', code: 'D.D.C.' });
    await registerParty(ctx, admin, { kind: 'court', code: 'S.D. Tex.' });
    await setCourtZone(ctx, admin, 'D.D.C.', { zone: 'America/New_York', jurisdiction: 'US' });
    await addRoom(ctx, custody, { facility: 'SV-TEST', code: 'SALA-1', schedule: 'Mon-Sun 08:00-17:00' });
    await addRoom(ctx, custody, {
      facility: 'SV-TEST',
      code: 'SALA-2',
      schedule: 'Mon-Fri 08:00-12:00 court',
    });
    ctx.clock.set('2025-10-27T15:00:00Z');
  });
  afterAll(async () => {
    await ctx.handle.close();
  });

  const request = (over: Record<string, unknown> = {}) => ({
    person: person.get('H-1') ?? '',
    court: 'D.D.C.',
    hearingType: 'bail',
    start: '2025-11-03T15:00:00Z',
    minutes: 60,
    room: 'SALA-1',
    ...over,
  });

  it('keeps rooms with schedules and blocks; only receiving custody manages them', async () => {
    const rooms = await listRooms(ctx, custody, 'SV-TEST');
    expect(rooms.rooms.map((r) => r.code)).toEqual(['SALA-1', 'SALA-2']);
    expect(rooms.rooms[1]?.schedule).toEqual([
      { fromDay: 1, toDay: 5, from: '08:00', to: '12:00', use: 'court' },
    ]);
    expect((await refusal(addRoom(ctx, court, { facility: 'SV-TEST', code: 'X' }))).code).toBe('forbidden');
    expect((await refusal(addRoom(ctx, custody, { facility: 'SV-TEST', code: 'SALA-1' }))).messageKey).toBe(
      'room.code_taken',
    );
  });

  it('books a hearing shown in both zones on the day US clocks fall back; another court is refused', async () => {
    // Sunday 2 November 2025: New York goes from UTC−4 to UTC−5, El Salvador stays at UTC−6.
    const r = await bookHearing(ctx, court, request({ start: '2025-11-02T15:00:00Z', minutes: 30, pre: 15 }));
    expect(r.booked).toBe(true);
    if (!r.booked) return;
    h1 = r.booking.id;
    expect(r.booking.courtTime).toEqual({ zone: 'America/New_York', local: '2025-11-02T10:00' });
    expect(r.booking.facilityTime).toEqual({ zone: 'America/El_Salvador', local: '2025-11-02T09:00' });
    expect(r.booking.flags).toEqual([]);
    const other = await refusal(bookHearing(ctx, otherCourt, request({ court: 'D.D.C.' })));
    expect(other.code).toBe('forbidden');
    const list = await courtDayList(ctx, court, 'D.D.C.', '2025-11-02');
    expect(list.hearings.map((h) => h.id)).toEqual([h1]);
    expect((await courtDayList(ctx, otherCourt, 'D.D.C.', '2025-11-02')).hearings).toEqual([]);
  });

  it("refuses to book for a court whose clock is unknown, rather than show the facility's as the court's", async () => {
    await registerParty(ctx, admin, { kind: 'court', code: 'D. Mass.' });
    const noZone = await refusal(bookHearing(ctx, aCourt('D. Mass.'), request({ court: 'D. Mass.' })));
    expect(noZone.code).toBe('rule_refusal');
    expect(noZone.messageKey).toBe('hearing.court_zone_missing');
    expect(noZone.message).toContain('custodia court zone "D. Mass." --zone');
  });

  it('offers 3 alternatives for a collision, each of which can then be booked', async () => {
    const first = await bookHearing(ctx, court, request());
    expect(first.booked).toBe(true);
    if (first.booked) h2 = first.booking.id;
    const clash = await bookHearing(ctx, court, request({ person: person.get('H-2') }));
    expect(clash.booked).toBe(false);
    if (clash.booked) return;
    expect(clash.conflicts).toEqual(['room_booked']);
    expect(clash.alternatives.map((a) => `${a.room} ${a.facilityTime.local}`)).toEqual([
      'SALA-1 2025-11-03T08:00',
      'SALA-1 2025-11-03T10:00',
      'SALA-1 2025-11-03T10:15',
    ]);
    const ids: string[] = [];
    for (const alt of clash.alternatives) {
      const again = await bookHearing(
        ctx,
        court,
        request({ person: person.get('H-2'), room: alt.room, start: alt.start, minutes: 15 }),
      );
      expect(again.booked).toBe(true);
      if (again.booked) ids.push(again.booking.id);
    }
    for (const id of ids) await cancelHearing(ctx, court, id, { reason: 'test' });
  });

  it('refuses a double booking under concurrent requests', async () => {
    const slot = request({ person: person.get('H-2'), start: '2025-11-04T15:00:00Z', room: 'SALA-2' });
    const both = await Promise.all([
      bookHearing(ctx, court, slot),
      bookHearing(ctx, court, { ...slot, person: person.get('H-1') ?? '' }),
    ]);
    expect(both.filter((b) => b.booked)).toHaveLength(1);
  });

  it('amends with history, flags a missing link within 24 hours, keeps blocks', async () => {
    const a = await amendHearing(ctx, court, h2, { videoUrl: 'https://meet.example/ddc-1' });
    expect(a.amended).toBe(true);
    const moved = await amendHearing(ctx, court, h2, {
      start: '2025-11-03T14:00:00Z',
      reason: 'The judge sits an hour earlier.',
    });
    expect(moved.amended).toBe(true);
    const h = await hearing(ctx, court, h2);
    expect(h.history.map((x) => [x.version, x.kind, x.changed])).toEqual([
      [1, 'booked', []],
      [2, 'amended', ['videoUrl']],
      [3, 'amended', ['start', 'end']],
    ]);
    expect(h.history.map((x) => x.reason)).toEqual([null, null, 'The judge sits an hour earlier.']);
    await blockRoom(ctx, custody, 'SV-TEST', 'SALA-1', {
      from: '2025-11-05T14:00:00Z',
      to: '2025-11-05T23:00:00Z',
      reason: 'link equipment under repair',
    });
    const blocked = await bookHearing(ctx, court, request({ start: '2025-11-05T15:00:00Z' }));
    expect(!blocked.booked && blocked.conflicts).toEqual(['blocked']);
    ctx.clock.set('2025-11-02T10:00:00Z');
    const day = await facilityDayList(ctx, custody, 'SV-TEST', '2025-11-02');
    expect(day.hearings.map((x) => x.flags)).toEqual([['no_video_url']]);
    expect((await refusal(hearing(ctx, otherCourt, h1))).code).toBe('not_found');
  });

  it('records an outcome with a legal hold in the same transaction; not produced needs a reason', async () => {
    ctx.clock.set('2025-11-02T15:10:00Z');
    const np = await refusal(recordOutcome(ctx, court, h1, { outcome: 'not_produced' }));
    expect(np.messageKey).toBe('hearing.reason_required');
    const before = await ctx.handle.db
      .selectFrom('ledger_entries')
      .select((eb) => eb.fn.max('seq').as('n'))
      .executeTakeFirstOrThrow();
    const done = await recordOutcome(ctx, court, h1, {
      outcome: 'held',
      hold: { type: 'habeas_petition', case: '1:25-cv-00101' },
    });
    expect(done.status).toBe('held');
    expect(done.holdId).toContain('D.D.C.');
    const entries = await ctx.handle.db
      .selectFrom('ledger_entries')
      .select(['type', 'seq'])
      .where('seq', '>', Number(before.n))
      .orderBy('seq')
      .execute();
    expect(entries.map((e) => e.type).slice(0, 2)).toEqual(['hearing.outcome_recorded', 'person.revised']);
    const p = await personHearings(ctx, anActor('monitor'), person.get('H-1') ?? '');
    expect(p.hearings.map((x) => x.status)).toContain('held');
  });

  it("puts the person's open transfer on hold with the outcome's hold, in one transaction", async () => {
    // H-2 is at the facility; their repatriation is ordered and waits for a flight: an open transfer.
    const db = ctx.handle.db;
    const received = await db
      .selectFrom('transfers')
      .select('id')
      .where('person_id', '=', person.get('H-2') ?? '')
      .executeTakeFirstOrThrow();
    const repatriation = await startRepatriation(ctx, anActor('receiving_officer'), received.id, 'SV');
    expect(repatriation.status).toBe('ordered');
    ctx.clock.set('2025-11-04T14:00:00Z');
    const booked = await bookHearing(
      ctx,
      court,
      request({ person: person.get('H-2'), start: '2025-11-05T14:00:00Z', room: 'SALA-2', minutes: 30 }),
    );
    if (!booked.booked) throw new Error('expected a booking');
    ctx.clock.set('2025-11-05T14:40:00Z');
    const checkpoints = async () =>
      (await db.selectFrom('ledger_checkpoints').select('size').execute()).length;
    const last = async () =>
      Number(
        (
          await db
            .selectFrom('ledger_entries')
            .select((eb) => eb.fn.max('seq').as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const [signedBefore, seqBefore] = [await checkpoints(), await last()];
    await recordOutcome(ctx, court, booked.booking.id, {
      outcome: 'adjourned',
      hold: { type: 'habeas_petition', case: '1:25-cv-00202' },
    });
    const after = await db
      .selectFrom('transfers')
      .select('state')
      .where('id', '=', repatriation.transferId)
      .executeTakeFirstOrThrow();
    expect(after.state).toMatchObject({ status: 'on_hold' });
    const types = (
      await db
        .selectFrom('ledger_entries')
        .select('type')
        .where('seq', '>', seqBefore)
        .orderBy('seq')
        .execute()
    ).map((e) => e.type);
    expect(types[0]).toBe('hearing.outcome_recorded');
    expect(types).toContain('person.revised');
    expect(types.some((t) => t.startsWith('transfer.'))).toBe(true);
    // One transaction signs one checkpoint: the outcome, the hold and the transfer's stop together.
    expect(await checkpoints()).toBe(signedBefore + 1);
  });

  it('replays every hearing table in ledger verify', async () => {
    const report = await verifyLedger(ctx.handle.db, { signer: ctx.signer, events: ctx.events });
    expect(report.ok).toBe(true);
  });
});
