import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/auth/service.js';
import { FixedClock } from '../../src/core/clock.js';
import { systemActor } from '../../src/ledger/events.js';
import { codeKey } from '../../src/parties/model.js';
import { buildApp } from '../../src/server.js';
import { testContext, testEngine } from '../../src/test-support/context.js';
import { LEGAL_VISIT_REQUESTS, SCENARIO_LAW_OFFICE } from './legal-visits.js';
import { ENDED_REPRESENTATION, SCENARIO_COURTS, SCENARIO_FAMILY } from './parties.js';
import { generateRoster } from './roster.js';
import { DEMO_USERS, loadCecot2025 } from './scenario.js';

const system = systemActor('scenario');

describe('the scenario courts', () => {
  it('has a party for the court of every hold the roster and the story record', () => {
    const codes = new Set(SCENARIO_COURTS.map((c) => codeKey(c.code)));
    const held = [...generateRoster({ count: 5000, seed: 2025 })].flatMap((p) => p.holds ?? []);
    expect(held.length).toBeGreaterThan(50);
    for (const hold of held) expect(codes, hold.court).toContain(codeKey(hold.court));
    expect(codes).toContain(codeKey('U.S. District Court, D.D.C.'));
  });
});

/**
 * The scenario's parties and demo users, loaded with a first flight of nine so that the law office's
 * clients are in custody when their representations are recorded.
 */
describe(`the cecot-2025 parties on ${testEngine}`, () => {
  let ctx: Awaited<ReturnType<typeof testContext>>;
  let built: Awaited<ReturnType<typeof buildApp>>;
  const tokens = new Map<string, string>();
  const ids = new Map<string, string>();

  async function get(user: string, url: string) {
    const response = await built.app.inject({
      url,
      headers: { authorization: `Bearer ${tokens.get(user)}` },
    });
    return { status: response.statusCode, text: response.body, body: response.json() };
  }

  beforeAll(async () => {
    ctx = await testContext({ now: '2026-11-24T12:00:00Z' });
    await loadCecot2025(ctx, system, {
      roster: 20,
      seed: 7,
      cohort: 81,
      regimeMonths: 0,
      billingMonths: 0,
      clock: new FixedClock('2025-01-01T00:00:00Z'),
    });
    built = await buildApp(ctx);
    await built.app.ready();
    for (const [name] of DEMO_USERS) tokens.set(name, (await createToken(ctx, system, name)).token);
    const people = await ctx.handle.db.selectFrom('people').select(['id', 'ref']).execute();
    for (const p of people) ids.set(p.ref, p.id);
  }, 600_000);

  afterAll(async () => {
    await built?.app.close();
    await ctx?.handle.close();
  });

  it('ties every scoped demo user to its party', async () => {
    const rows = await ctx.handle.db
      .selectFrom('user_parties')
      .innerJoin('users', 'users.id', 'user_parties.user_id')
      .innerJoin('parties', 'parties.id', 'user_parties.party_id')
      .select(['users.name', 'parties.code', 'parties.kind'])
      .orderBy('users.name')
      .orderBy('parties.code')
      .execute();
    expect(rows).toEqual([
      { name: 'counsel', code: SCENARIO_LAW_OFFICE.code, kind: 'law_office' },
      { name: 'court', code: 'D.D.C.', kind: 'court' },
      { name: 'court', code: 'U.S. District Court, D.D.C.', kind: 'court' },
      { name: 'family', code: SCENARIO_FAMILY.code, kind: 'family_contact' },
      { name: 'monitor', code: 'Observatorio de Custodia', kind: 'monitoring_body' },
    ]);
  });

  it('records the office representing its legal-visit clients from the day after the flight, and one ended', async () => {
    const reps = await ctx.handle.db
      .selectFrom('representations')
      .innerJoin('people', 'people.id', 'representations.person_id')
      .select(['people.ref', 'from_date', 'to_date', 'confirmed_at'])
      .orderBy('people.ref')
      .execute();
    const day = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : d);
    expect(reps.map((r) => [r.ref, day(r.from_date), day(r.to_date)])).toEqual([
      ...LEGAL_VISIT_REQUESTS.map((v) => [v.ref, '2025-04-11', null]),
      [ENDED_REPRESENTATION.ref, ENDED_REPRESENTATION.from, ENDED_REPRESENTATION.to],
    ]);
    expect(reps.every((r) => r.confirmed_at !== null)).toBe(true);
  });

  it('lets the demo counsel read a client, and nobody else, never with the cell', async () => {
    const client = ids.get('ICE-2025-E00003')!;
    const record = await get('counsel', `/api/v1/people/${client}`);
    expect(record.status).toBe(200);
    expect((await get('counsel', `/api/v1/people/${client}/custody`)).status).toBe(200);
    const screening = await get('counsel', `/api/v1/people/${client}/screening`);
    expect(screening.status).toBe(200);
    // The ended representation and a man the office never represented answer as nobody.
    for (const ref of [ENDED_REPRESENTATION.ref, 'ICE-2025-E00001']) {
      expect((await get('counsel', `/api/v1/people/${ids.get(ref)}`)).status).toBe(404);
    }
    const cells = await ctx.handle.db.selectFrom('cells').select('code').execute();
    const custody = await get('counsel', `/api/v1/people/${client}/custody`);
    for (const { code } of cells) expect(custody.text).not.toContain(`"${code}"`);
  });

  it('gives the family contact the locator answer for their person', async () => {
    const family = await get('family', '/api/v1/family/person');
    expect(family.status).toBe(200);
    expect(family.text).toContain('SV-CECOT');
    expect((await get('family', `/api/v1/people/${ids.get(SCENARIO_FAMILY.ref)}`)).status).toBe(403);
  });
});
