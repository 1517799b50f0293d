import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAgreement } from '../agreements/service.js';
import type { AppContext } from '../context.js';
import type { FixedClock } from '../core/clock.js';
import { registerFacility } from '../facilities/service.js';
import { verifyLedger } from '../ledger/verify.js';
import { parsePeople } from '../people/import-format.js';
import { importPeople } from '../people/service.js';
import { anActor, testContext } from '../test-support/context.js';
import { anEligiblePerson } from '../test-support/eligibility-fixtures.js';
import { aFacility, anAgreement } from '../test-support/factories.js';
import { clientsOf } from './model.js';
import {
  confirmRepresentation,
  endRepresentation,
  parties,
  recordRepresentation,
  registerParty,
  representationsOf,
} from './service.js';
import { listRepresentations } from './store.js';

async function* text(s: string) {
  yield s;
}

describe('parties and representation', () => {
  let ctx: AppContext & { clock: FixedClock };
  const admin = anActor('admin');
  const legal = anActor('sending_legal');
  const counsel = anActor('counsel');
  const person = { ref: 'R-1', agreement: 'test-agreement' };

  beforeEach(async () => {
    ctx = await testContext({ now: '2025-05-01T12:00:00Z' });
    const facilityId = (await registerFacility(ctx, admin, aFacility())).id;
    const agreementId = (await createAgreement(ctx, admin, anAgreement([facilityId]))).id;
    const file = ['R-1', 'R-2'].map((ref) => JSON.stringify(anEligiblePerson({ ref }))).join('\n');
    await importPeople(ctx, anActor('sending_officer'), agreementId, parsePeople(text(file), 'ndjson'));
    await registerParty(ctx, admin, {
      kind: 'law_office',
      code: 'Abogados Unidos',
      name: 'Abogados Unidos LLP',
    });
    await registerParty(ctx, admin, { kind: 'court', code: 'D.D.C.', name: 'U.S. District Court for D.C.' });
  });
  afterEach(async () => {
    await ctx.handle.close();
  });

  it('registers parties (admin only), a family contact for one person, and lists them by kind', async () => {
    await expect(registerParty(ctx, legal, { kind: 'court', code: 'S.D. Tex.' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    const family = await registerParty(ctx, admin, { kind: 'family_contact', code: 'Familia R-1', person });
    expect(family.personId).toMatch(/^[0-9a-f-]{36}$/);
    await expect(registerParty(ctx, admin, { kind: 'court', code: 'd.d.c.' })).rejects.toMatchObject({
      code: 'conflict',
      messageKey: 'party.code_taken',
    });
    expect((await parties(ctx, admin)).map((p) => `${p.kind}:${p.code}`)).toEqual([
      'court:D.D.C.',
      'family_contact:Familia R-1',
      'law_office:Abogados Unidos',
    ]);
    expect((await parties(ctx, anActor('monitor'), 'court')).map((p) => p.code)).toEqual(['D.D.C.']);
    await expect(parties(ctx, counsel)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('sending legal records a representation in force at once; counsel cannot record one', async () => {
    const input = { person, office: 'abogados unidos', from: '2025-04-01', source: 'recorded' as const };
    await expect(recordRepresentation(ctx, counsel, input)).rejects.toMatchObject({ code: 'forbidden' });
    const rep = await recordRepresentation(ctx, legal, input);
    expect(rep).toMatchObject({ from: '2025-04-01', to: null, source: 'recorded' });
    expect(rep.confirmedAt).not.toBeNull();
    const [office] = await parties(ctx, admin, 'law_office');
    const all = await listRepresentations(ctx.handle.db, { officeId: office!.id });
    expect(clientsOf(all, office!.id, '2025-05-01')).toEqual(new Set([rep.personId]));
    await expect(recordRepresentation(ctx, legal, { ...input, office: 'D.D.C.' })).rejects.toMatchObject({
      messageKey: 'party.not_a_law_office',
    });
    await expect(recordRepresentation(ctx, legal, { ...input, from: '2025-06-01' })).rejects.toMatchObject({
      messageKey: 'party.representation_overlaps',
    });
  });

  it("counsel's notice of appearance is in force only once sending legal confirms it", async () => {
    const filed = await recordRepresentation(ctx, counsel, {
      person,
      office: 'Abogados Unidos',
      from: '2025-04-15',
      source: 'appearance',
    });
    expect(filed.confirmedAt).toBeNull();
    const [office] = await parties(ctx, admin, 'law_office');
    expect(clientsOf(await listRepresentations(ctx.handle.db, {}), office!.id, '2025-05-01').size).toBe(0);
    await expect(confirmRepresentation(ctx, counsel, filed.id)).rejects.toMatchObject({ code: 'forbidden' });
    const confirmed = await confirmRepresentation(ctx, legal, filed.id);
    expect(confirmed.confirmedAt).not.toBeNull();
    expect(clientsOf(await listRepresentations(ctx.handle.db, {}), office!.id, '2025-05-01').size).toBe(1);
    await expect(confirmRepresentation(ctx, legal, filed.id)).rejects.toMatchObject({
      messageKey: 'party.representation_already_confirmed',
    });
  });

  it('a court ends a representation; the ledger replays to the same parties and representations', async () => {
    const rep = await recordRepresentation(ctx, anActor('court'), {
      person,
      office: 'Abogados Unidos',
      from: '2025-04-01',
      source: 'recorded',
    });
    const ended = await endRepresentation(ctx, anActor('court'), rep.id, '2025-04-30');
    expect(ended.to).toBe('2025-04-30');
    expect((await representationsOf(ctx, admin, person)).map((r) => r.to)).toEqual(['2025-04-30']);
    await expect(endRepresentation(ctx, legal, rep.id, '2025-05-31')).rejects.toMatchObject({
      messageKey: 'party.representation_already_ended',
    });
    await expect(
      endRepresentation(ctx, legal, '01234567-89ab-7def-8123-456789abcdef', '2025-05-31'),
    ).rejects.toMatchObject({ code: 'not_found', messageKey: 'party.representation_not_found' });
    const report = await verifyLedger(ctx.handle.db, { signer: ctx.signer, events: ctx.events });
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });
});
