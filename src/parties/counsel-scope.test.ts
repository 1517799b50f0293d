import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, createUser } from '../auth/service.js';
import { personScreening } from '../eligibility/service.js';
import { allocateFacility } from '../facilities/housing-service.js';
import { systemActor } from '../ledger/events.js';
import { buildApp } from '../server.js';
import { anActor, testContext, testEngine } from '../test-support/context.js';
import { receivePeople } from '../test-support/custody-fixture.js';
import { anEligiblePerson } from '../test-support/eligibility-fixtures.js';
import { locatorAgreement } from '../test-support/locator-fixture.js';
import { confirmRepresentation, recordRepresentation, registerParty } from './service.js';

const system = systemActor('test');
const PASSWORD = 'correct horse battery';

/**
 * Counsel through the API (docs/domain.md, Parties, users and access): their client's record, screening
 * with every rule, custody and transfers; anyone else answers exactly as a person who does not exist; a
 * representation ended or a notice of appearance not yet confirmed reaches nobody; the cell never shows.
 */
describe(`counsel's scope on ${testEngine}`, () => {
  let ctx: Awaited<ReturnType<typeof testContext>>;
  let built: Awaited<ReturnType<typeof buildApp>>;
  let token: string;
  let agreementId: string;
  const ids = new Map<string, string>();
  const transfers = new Map<string, string>();
  const cells: string[] = [];

  async function get(url: string, query: Record<string, string> = {}) {
    const response = await built.app.inject({ url, query, headers: { authorization: `Bearer ${token}` } });
    return { status: response.statusCode, body: response.json(), text: response.body };
  }

  beforeAll(async () => {
    ctx = await testContext({ now: '2025-03-14T15:00:00Z' });
    built = await buildApp(ctx);
    await built.app.ready();
    const place = await locatorAgreement(ctx, {
      code: 'SV-CO',
      name: 'CECOT',
      address: 'Tecoluca, El Salvador',
    });
    agreementId = place.agreementId;
    const refs = ['CL-CLIENT', 'CL-OTHER', 'CL-ENDED', 'CL-NOTICE'];
    const received = await receivePeople(
      ctx,
      place,
      refs.map((ref) => anEligiblePerson({ ref })),
    );
    for (const [ref, transferId] of received) transfers.set(ref, transferId);
    await allocateFacility(ctx, anActor('receiving_officer'), place.facilityId);
    for (const row of await ctx.handle.db.selectFrom('people').select(['id', 'ref']).execute()) {
      ids.set(row.ref, row.id);
    }
    for (const row of await ctx.handle.db.selectFrom('cells').select('code').execute()) cells.push(row.code);

    await registerParty(ctx, system, {
      kind: 'law_office',
      code: 'Abogados Unidos',
      name: 'Abogados Unidos',
    });
    // A client in force, one whose representation ended, and a notice of appearance not yet confirmed.
    const represent = (ref: string, source: 'recorded' | 'appearance', to: string | null = null) =>
      recordRepresentation(ctx, anActor(source === 'recorded' ? 'sending_legal' : 'counsel'), {
        person: { ref, agreement: agreementId },
        office: 'Abogados Unidos',
        from: '2025-03-01',
        to,
        source,
      });
    await represent('CL-CLIENT', 'recorded');
    await represent('CL-ENDED', 'recorded', '2025-03-10');
    await represent('CL-NOTICE', 'appearance');
    await createUser(ctx, system, {
      name: 'ana.abogada',
      role: 'counsel',
      password: PASSWORD,
      parties: ['Abogados Unidos'],
    });
    token = (await createToken(ctx, system, 'ana.abogada')).token;
  });
  afterAll(async () => {
    await built.app.close();
    await ctx.handle.close();
  });

  it("reads their client's record, screening with every rule, custody (no cell) and transfer", async () => {
    const id = ids.get('CL-CLIENT')!;
    const record = await get(`/api/v1/people/${id}`);
    expect(record.status).toBe(200);
    expect(record.body.ref).toBe('CL-CLIENT');
    const screening = await get(`/api/v1/people/${id}/screening`, { asOf: '2025-03-14' });
    expect(screening.status).toBe(200);
    // Every rule, exactly as an officer reading every record gets it.
    const full = await personScreening(ctx, system, id, '2025-03-14');
    expect(screening.body.current.rules.length).toBe(full.current.rules.length);
    expect(screening.body.current.rules.length).toBeGreaterThan(5);
    const custody = await get(`/api/v1/people/${id}/custody`);
    expect(custody.status).toBe(200);
    expect(custody.body.intervals[0].facilityName).toBe('CECOT');
    expect(custody.body.intervals[0].housing).toBeNull();
    const transfer = await get(`/api/v1/transfers/${transfers.get('CL-CLIENT')}`);
    expect(transfer.status).toBe(200);
    expect(transfer.body.status).toBe('received');
  });

  it('lists only their clients, in the people search and on the transfers board, with no cell', async () => {
    const people = await get('/api/v1/people', { agreement: agreementId });
    expect(people.status).toBe(200);
    expect(people.body.items.map((p: { ref: string }) => p.ref)).toEqual(['CL-CLIENT']);
    expect(people.body.total).toBe(1);
    expect(people.body.items[0].custody).toMatchObject({ status: 'in_custody', cell: null });
    const board = await get('/api/v1/transfers');
    expect(board.status).toBe(200);
    expect(board.body.transfers.map((t: { ref: string }) => t.ref)).toEqual(['CL-CLIENT']);
    expect(board.body.counts).toEqual({ received: 1 });
  });

  it('answers anyone else, an ended representation and an unconfirmed notice exactly as a miss', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const [suffix, miss] of [
      ['', await get(`/api/v1/people/${missing}`)],
      ['/screening', await get(`/api/v1/people/${missing}/screening`)],
      ['/custody', await get(`/api/v1/people/${missing}/custody`)],
    ] as const) {
      expect(miss.status).toBe(404);
      for (const ref of ['CL-OTHER', 'CL-ENDED', 'CL-NOTICE']) {
        const id = ids.get(ref)!;
        const out = await get(`/api/v1/people/${id}${suffix}`);
        expect(out.status).toBe(404);
        expect(out.text.replaceAll(id, missing)).toBe(miss.text);
      }
    }
    const otherTransfer = transfers.get('CL-OTHER')!;
    const out = await get(`/api/v1/transfers/${otherTransfer}`);
    const miss = await get(`/api/v1/transfers/${'00000000-0000-4000-8000-000000000001'}`);
    expect(out.status).toBe(404);
    expect(out.text.replaceAll(otherTransfer, '00000000-0000-4000-8000-000000000001')).toBe(miss.text);
  });

  it('reaches a client once sending legal confirms the notice of appearance', async () => {
    const id = ids.get('CL-NOTICE')!;
    const rep = await ctx.handle.db
      .selectFrom('representations')
      .select('id')
      .where('person_id', '=', id)
      .executeTakeFirstOrThrow();
    await confirmRepresentation(ctx, anActor('sending_legal'), rep.id);
    expect((await get(`/api/v1/people/${id}`)).status).toBe(200);
  });

  it('never sees a cell code, on any route counsel reaches', async () => {
    expect(cells.length).toBeGreaterThan(0);
    const id = ids.get('CL-CLIENT')!;
    const texts = [
      (await get('/api/v1/people', { agreement: agreementId })).text,
      (await get(`/api/v1/people/${id}`)).text,
      (await get(`/api/v1/people/${id}/custody`)).text,
      (await get(`/api/v1/people/${id}/screening`)).text,
      (await get(`/api/v1/transfers/${transfers.get('CL-CLIENT')}`)).text,
      (await get('/api/v1/transfers')).text,
      (await get('/api/v1/dashboard')).text,
    ];
    const housed = await ctx.handle.db
      .selectFrom('housing_assignments as h')
      .innerJoin('cells as c', 'c.id', 'h.cell_id')
      .select(['c.code', 'c.id'])
      .where('h.person_id', '=', id)
      .executeTakeFirstOrThrow();
    for (const text of texts) {
      expect(text).not.toContain(`"${housed.code}"`);
      expect(text).not.toContain(housed.id);
    }
    expect((await get(`/api/v1/people/${id}/isolation`)).status).toBe(403);
    expect((await get('/api/v1/manifests')).status).toBe(403);
  });
});
