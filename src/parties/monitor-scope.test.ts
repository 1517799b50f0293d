import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, createUser } from '../auth/service.js';
import { generateInvoice } from '../billing/service.js';
import { reportIncident } from '../custody/incident-service.js';
import { startIsolation } from '../custody/isolation-service.js';
import { allocateFacility } from '../facilities/housing-service.js';
import { systemActor } from '../ledger/events.js';
import { buildApp } from '../server.js';
import { aCourt, anActor, testContext, testEngine } from '../test-support/context.js';
import { receivePeople } from '../test-support/custody-fixture.js';
import { anEligiblePerson } from '../test-support/eligibility-fixtures.js';
import { locatorAgreement } from '../test-support/locator-fixture.js';
import { registerParty, sealPerson } from './service.js';

const system = systemActor('test');
const PASSWORD = 'correct horse battery';

/**
 * A monitor reads everything not sealed (docs/domain.md, Parties, users and access): a sealed person is
 * "not found" by id and absent from every list a monitor reads, and still in every count.
 */
describe(`a monitor and a sealed record on ${testEngine}`, () => {
  let ctx: Awaited<ReturnType<typeof testContext>>;
  let built: Awaited<ReturnType<typeof buildApp>>;
  let facilityId: string;
  let agreementId: string;
  const tokens = new Map<string, string>();
  const ids = new Map<string, string>();
  const transfers = new Map<string, string>();
  let manifestId: string;
  let incidentId: string;

  async function get(user: string, url: string, query: Record<string, string> = {}) {
    const response = await built.app.inject({
      url,
      query,
      headers: { authorization: `Bearer ${tokens.get(user)}` },
    });
    return { status: response.statusCode, text: response.body, body: response.json() };
  }

  beforeAll(async () => {
    ctx = await testContext({ now: '2025-03-14T15:00:00Z' });
    built = await buildApp(ctx);
    await built.app.ready();
    const place = await locatorAgreement(ctx, { code: 'SV-MO', name: 'CECOT', address: 'Tecoluca' });
    facilityId = place.facilityId;
    agreementId = place.agreementId;
    const received = await receivePeople(ctx, place, [
      anEligiblePerson({ ref: 'MO-OPEN' }),
      anEligiblePerson({ ref: 'MO-SEALED' }),
    ]);
    for (const [ref, transferId] of received) transfers.set(ref, transferId);
    for (const row of await ctx.handle.db.selectFrom('people').select(['id', 'ref']).execute()) {
      ids.set(row.ref, row.id);
    }
    manifestId = (await ctx.handle.db.selectFrom('manifests').select('id').executeTakeFirstOrThrow()).id;
    await allocateFacility(ctx, anActor('receiving_officer'), facilityId);
    const cell = (await ctx.handle.db.selectFrom('cells').select('code').executeTakeFirstOrThrow()).code;
    const custody = anActor('receiving_custody');
    for (const ref of ['MO-OPEN', 'MO-SEALED']) {
      await startIsolation(ctx, custody, facilityId, {
        personId: ids.get(ref)!,
        cell,
        reason: 'fight',
        authorisedBy: 'Director',
        lighting: 'dark',
      });
    }
    incidentId = (
      await reportIncident(ctx, custody, facilityId, {
        kind: 'assault',
        personId: ids.get('MO-SEALED')!,
        description: 'An assault in the corridor.',
      })
    ).incidentId;
    await reportIncident(ctx, custody, facilityId, {
      kind: 'assault',
      description: 'A fight, nobody named.',
    });
    await sealPerson(ctx, aCourt('D.D.C.'), {
      person: { ref: 'MO-SEALED', agreement: agreementId },
      court: 'D.D.C.',
      order: 'SEAL-1',
    });
    await registerParty(ctx, system, { kind: 'monitoring_body', code: 'Observatorio', name: 'Observatorio' });
    await createUser(ctx, system, {
      name: 'mo.monitor',
      role: 'monitor',
      password: PASSWORD,
      parties: ['Observatorio'],
    });
    await createUser(ctx, system, { name: 'ada.admin', role: 'admin', password: PASSWORD });
    for (const name of ['mo.monitor', 'ada.admin'])
      tokens.set(name, (await createToken(ctx, system, name)).token);
  }, 120_000);
  afterAll(async () => {
    await built.app.close();
    await ctx.handle.close();
  });

  it('answers "not found" for the sealed person by id, word for word as for nobody, and reads the others', async () => {
    const sealed = ids.get('MO-SEALED')!;
    const open = ids.get('MO-OPEN')!;
    for (const suffix of ['', '/screening', '/custody', '/isolation', '/release-date', '/legal-visits']) {
      expect((await get('mo.monitor', `/api/v1/people/${open}${suffix}`)).status, suffix).toBe(200);
      const out = await get('mo.monitor', `/api/v1/people/${sealed}${suffix}`);
      expect(out.status, suffix).toBe(404);
      expect(out.text).not.toContain('MO-SEALED');
      // The installation still reads the record (legal visits are not among its reads).
      if (suffix !== '/legal-visits') {
        expect((await get('ada.admin', `/api/v1/people/${sealed}${suffix}`)).status, suffix).toBe(200);
      }
    }
    const transfer = await get('mo.monitor', `/api/v1/transfers/${transfers.get('MO-SEALED')}`);
    expect(transfer.status).toBe(404);
    expect((await get('mo.monitor', `/api/v1/incidents/${incidentId}`)).status).toBe(404);
    expect((await get('ada.admin', `/api/v1/incidents/${incidentId}`)).status).toBe(200);
    const reps = await get('mo.monitor', '/api/v1/representations', { person: sealed });
    expect(reps.status).toBe(404);
  });

  it('leaves the sealed person out of every list a monitor reads', async () => {
    const lists = [
      ['/api/v1/people', { agreement: agreementId }],
      ['/api/v1/people', { agreement: agreementId, q: 'MO-' }],
      ['/api/v1/transfers', {}],
      [`/api/v1/manifests/${manifestId}`, {}],
      [`/api/v1/facilities/${facilityId}/isolation`, {}],
      [`/api/v1/facilities/${facilityId}/incidents`, {}],
      [`/api/v1/facilities/${facilityId}/allocation`, { all: 'true' }],
      ['/api/v1/releases/due', { days: '3660' }],
      ['/api/v1/dashboard', {}],
    ] as const;
    for (const [url, query] of lists) {
      const seen = await get('mo.monitor', url, query);
      expect(seen.status, url).toBe(200);
      expect(seen.text, url).not.toContain('MO-SEALED');
      expect(seen.text, url).not.toContain(ids.get('MO-SEALED'));
      const admin = await get('ada.admin', url, query);
      expect(admin.status, url).toBe(200);
    }
    // What the admin sees of the same lists names the sealed person where the list has them.
    for (const url of ['/api/v1/transfers', `/api/v1/manifests/${manifestId}`]) {
      expect((await get('ada.admin', url)).text, url).toContain('MO-SEALED');
    }
    expect((await get('mo.monitor', '/api/v1/transfers')).text).toContain('MO-OPEN');
    // The incident about nobody is still listed; the one about the sealed person is not.
    const incidents = (await get('mo.monitor', `/api/v1/facilities/${facilityId}/incidents`)).body;
    expect(incidents.incidents).toHaveLength(1);
  });

  it('still counts the sealed person: occupancy, transfers by state, the manifest reconciliation', async () => {
    const mine = await get('mo.monitor', '/api/v1/dashboard');
    const theirs = await get('ada.admin', '/api/v1/dashboard');
    expect(mine.body.transfers).toEqual(theirs.body.transfers);
    expect(mine.body.facilities).toEqual(theirs.body.facilities);
    const manifest = (await get('mo.monitor', `/api/v1/manifests/${manifestId}`)).body;
    const full = (await get('ada.admin', `/api/v1/manifests/${manifestId}`)).body;
    expect(manifest.entries).toHaveLength(1);
    expect(full.entries).toHaveLength(2);
    expect(manifest.reconciliation).toEqual(full.reconciliation);
    const occupancy = await get('mo.monitor', `/api/v1/facilities/${facilityId}/occupancy`, {
      from: '2025-03-14',
      to: '2025-03-15',
    });
    expect(occupancy.status).toBe(200);
  });

  it("leaves a sealed person's ref out of an invoice a monitor reads, and keeps the line's days and amount", async () => {
    // The month is over, so its custody days are billed.
    ctx.clock.set('2025-04-02T15:00:00Z');
    const invoice = await generateInvoice(ctx, anActor('finance'), agreementId, '2025-03');
    const number = invoice.documents[0]?.number;
    const mine = await get('mo.monitor', `/api/v1/invoices/${number}`);
    const theirs = await get('ada.admin', `/api/v1/invoices/${number}`);
    expect(mine.status).toBe(200);
    expect(theirs.text).toContain('MO-SEALED');
    expect(mine.text).not.toContain('MO-SEALED');
    expect(mine.text).not.toContain(ids.get('MO-SEALED'));
    const sealedLines = mine.body.lines.filter((l: { sealed: boolean }) => l.sealed);
    expect(sealedLines).toHaveLength(1);
    expect(sealedLines[0]).toMatchObject({ ref: '', personId: null });
    expect(mine.body.totalCents).toBe(theirs.body.totalCents);
    expect(mine.body.lines.map((l: { amountCents: number }) => l.amountCents)).toEqual(
      theirs.body.lines.map((l: { amountCents: number }) => l.amountCents),
    );
    const csv = await built.app.inject({
      url: `/api/v1/invoices/${number}/export`,
      query: { format: 'csv' },
      headers: { authorization: `Bearer ${tokens.get('mo.monitor')}` },
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('MO-OPEN');
    expect(csv.body).not.toContain('MO-SEALED');
  });
});
