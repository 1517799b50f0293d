import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgreement } from '../agreements/service.js';
import {
  type ActorParties,
  covers,
  NO_PARTIES,
  type PolicyActor,
  SCOPES_IN_ORDER,
  visibilityOf,
} from '../auth/policy.js';
import type { AppContext } from '../context.js';
import type { FixedClock } from '../core/clock.js';
import { registerFacility } from '../facilities/service.js';
import { parsePeople } from '../people/import-format.js';
import { importPeople } from '../people/service.js';
import { anActor, testContext } from '../test-support/context.js';
import { anEligiblePerson } from '../test-support/eligibility-fixtures.js';
import { aFacility, anAgreement } from '../test-support/factories.js';
import { codeKey } from './model.js';
import { recordRepresentation, registerParty } from './service.js';
import { personSubject, personVisible } from './visibility.js';

async function* text(s: string) {
  yield s;
}

/**
 * The scopes in SQL (`personVisible`, which lists filter by) and in the pure policy (`inScope` on
 * `personSubject`, which a read of one person asks) must give the same answer for every actor and person:
 * otherwise a list would show someone a direct read calls "not found", or hide someone it shows.
 */
describe('who a scoped actor sees: the SQL filter agrees with the policy', () => {
  let ctx: AppContext & { clock: FixedClock };
  const admin = anActor('admin');
  const DAY = '2025-05-01';
  const ids = new Map<string, string>();
  const offices = new Map<string, string>();

  beforeAll(async () => {
    ctx = await testContext({ now: `${DAY}T12:00:00Z` });
    const facilityId = (await registerFacility(ctx, admin, aFacility())).id;
    const agreementId = (await createAgreement(ctx, admin, anAgreement([facilityId]))).id;
    const hold = (court: string) => ({
      type: 'habeas_petition' as const,
      court,
      case: '25-1',
      issued: '2025-04-01',
      lifted: null,
    });
    const people = [
      anEligiblePerson({ ref: 'P-CLIENT' }),
      anEligiblePerson({ ref: 'P-ENDED' }),
      anEligiblePerson({ ref: 'P-DDC', holds: [hold('D.D.C.')] }),
      anEligiblePerson({ ref: 'P-TEX', holds: [hold('S.D.  Tex.')] }),
      anEligiblePerson({ ref: 'P-SEALED' }),
      anEligiblePerson({ ref: 'P-NONE' }),
    ];
    const file = people.map((p) => JSON.stringify(p)).join('\n');
    await importPeople(ctx, anActor('sending_officer'), agreementId, parsePeople(text(file), 'ndjson'));
    const rows = await ctx.handle.db.selectFrom('people').select(['id', 'ref']).execute();
    for (const r of rows) ids.set(r.ref, r.id);
    for (const code of ['Abogados Unidos', 'Otro Despacho']) {
      offices.set(code, (await registerParty(ctx, admin, { kind: 'law_office', code })).id);
    }
    const legal = anActor('sending_legal');
    const person = (ref: string) => ({ ref, agreement: agreementId });
    await recordRepresentation(ctx, legal, {
      person: person('P-CLIENT'),
      office: 'Abogados Unidos',
      from: '2025-04-01',
      source: 'recorded',
    });
    await recordRepresentation(ctx, legal, {
      person: person('P-ENDED'),
      office: 'Abogados Unidos',
      from: '2025-03-01',
      to: '2025-04-15',
      source: 'recorded',
    });
    // Sealing is a court's act; the table is what the scope reads.
    await ctx.handle.db
      .insertInto('person_seals')
      .values({
        person_id: ids.get('P-SEALED') ?? '',
        court: 'D.D.C.',
        order_ref: '25-9',
        sealed_on: DAY,
        sealed_at: new Date(),
        sealed_by: 'test',
      })
      .execute();
  }, 120_000);
  afterAll(async () => {
    await ctx.handle.close();
  });

  const actors = (): [string, PolicyActor][] => {
    const as = (role: string, parties: Partial<ActorParties>): PolicyActor => ({
      id: `user:${role}`,
      role,
      parties: { ...NO_PARTIES, ...parties },
    });
    return [
      ['admin', as('admin', {})],
      ['counsel of Abogados Unidos', as('counsel', { partyIds: [offices.get('Abogados Unidos') ?? ''] })],
      ['counsel of another office', as('counsel', { partyIds: [offices.get('Otro Despacho') ?? ''] })],
      ['counsel with no party', as('counsel', {})],
      ['a court of D.D.C. and S.D. Tex.', as('court', { courts: [codeKey('d.d.c.'), codeKey('S.D. TEX.')] })],
      ['family of P-NONE', as('family', { people: [ids.get('P-NONE') ?? ''] })],
      ['a monitor', as('monitor', {})],
    ];
  };

  it('for every scope and every actor: the people the SQL lists are exactly those the policy admits', async () => {
    for (const scope of SCOPES_IN_ORDER) {
      for (const [label, actor] of actors()) {
        const sqlSees = (
          await ctx.handle.db
            .selectFrom('people as p')
            .select('p.ref')
            .where(personVisible(visibilityOf(scope, actor.parties ?? NO_PARTIES), 'p.id', DAY))
            .orderBy('p.ref')
            .execute()
        ).map((r) => r.ref);
        const policySees: string[] = [];
        for (const [ref, id] of [...ids].sort()) {
          const subject = await personSubject(ctx.handle.db, id, DAY);
          if (subject && covers(scope, actor, subject)) policySees.push(ref);
        }
        expect(sqlSees, `${scope}, ${label}`).toEqual(policySees);
      }
    }
  });

  it('reaches exactly the expected people', async () => {
    const see = async (vis: Parameters<typeof personVisible>[0]) =>
      (
        await ctx.handle.db
          .selectFrom('people as p')
          .select('p.ref')
          .where(personVisible(vis, 'p.id', DAY))
          .orderBy('p.ref')
          .execute()
      ).map((r) => r.ref);
    // A representation ended before the day no longer counts; a court's key ignores case and spacing.
    expect(await see({ kind: 'clients', offices: [offices.get('Abogados Unidos') ?? ''] })).toEqual([
      'P-CLIENT',
    ]);
    expect(await see({ kind: 'courts', courts: [codeKey('s.d. tex.')] })).toEqual(['P-TEX']);
    expect(await see({ kind: 'people', people: [ids.get('P-NONE') ?? ''] })).toEqual(['P-NONE']);
    expect(await see({ kind: 'unsealed' })).toEqual(['P-CLIENT', 'P-DDC', 'P-ENDED', 'P-NONE', 'P-TEX']);
    expect(await see({ kind: 'none' })).toEqual([]);
    expect(await see({ kind: 'all' })).toHaveLength(6);
  });
});
