import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAgreement } from '../agreements/service.js';
import { DomainError } from '../core/errors.js';
import { registerFacility } from '../facilities/service.js';
import { verifyLedger } from '../ledger/verify.js';
import { parsePeople } from '../people/import-format.js';
import { importPeople } from '../people/service.js';
import { anActor, testContext, testEngine } from '../test-support/context.js';
import { anEligiblePerson } from '../test-support/eligibility-fixtures.js';
import { aFacility, anAgreement } from '../test-support/factories.js';
import {
  changeIncidentStatus,
  facilityIncidents,
  incident,
  recordDeathNotice,
  recordHeadcount,
  reportIncident,
} from './incident-service.js';
import {
  decideDeathNotice,
  decideStatus,
  INCIDENT_STATUSES,
  INCIDENT_TRANSITIONS,
  type IncidentState,
} from './incidents.js';
import { decideRelease } from './model.js';

const NOW = new Date('2025-05-01T12:00:00Z');

function state(over: Partial<IncidentState> = {}): IncidentState {
  return {
    incidentId: 'i1',
    kind: 'assault',
    status: 'open',
    occurredAt: '2025-05-01T08:00:00.000Z',
    notified: {},
    ...over,
  };
}

describe('the incident workflow', () => {
  it('allows exactly open → under_review → closed → reopened → under_review', () => {
    for (const from of INCIDENT_STATUSES) {
      for (const to of INCIDENT_STATUSES) {
        const run = () => decideStatus(state({ status: from }), to, 'why', NOW);
        if (INCIDENT_TRANSITIONS[from].includes(to)) expect(run().to).toBe(to);
        else expect(run).toThrow(/can move only to/);
      }
    }
    expect(() => decideStatus(state({ status: 'open' }), 'under_review', ' ', NOW)).toThrow(/needs a note/);
  });

  it('keeps a death open until next of kin and the independent authority are notified', () => {
    const death = state({ kind: 'death_in_custody', status: 'under_review' });
    expect(() => decideStatus(death, 'closed', 'review done', NOW)).toThrow(
      /next of kin and independent authority are notified/,
    );
    expect(() =>
      decideStatus(
        { ...death, notified: { next_of_kin: '2025-05-01T09:00:00.000Z' } },
        'closed',
        'done',
        NOW,
      ),
    ).toThrow(/independent authority is notified/);
    expect(
      decideStatus(
        {
          ...death,
          notified: {
            next_of_kin: '2025-05-01T09:00:00.000Z',
            independent_authority: '2025-05-01T10:00:00.000Z',
          },
        },
        'closed',
        'done',
        NOW,
      ).to,
    ).toBe('closed');
  });
});

/** The DomainError `run` throws. */
function refusalOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('custody refusals in Spanish', () => {
  it('names the rule, what failed and its source in either language', () => {
    const death = state({ kind: 'death_in_custody', status: 'under_review' });
    const error = refusalOf(() => decideStatus(death, 'closed', 'review done', NOW));
    expect(error.messageKey).toBe('incident.death_close_unnotified');
    expect(error.params).toEqual({ missing: ['next_of_kin', 'independent_authority'] });
    expect(error.message).toBe(
      'A death in custody cannot be closed before next of kin and independent authority are notified (Mandela Rules 69, 71).',
    );
    expect(error.localized('es')).toBe(
      'Una muerte bajo custodia no puede cerrarse hasta que conste que se notificó a los familiares y a la autoridad independiente (Reglas 69 y 71 de Mandela).',
    );
    const once = refusalOf(() =>
      decideStatus(
        { ...death, notified: { next_of_kin: '2025-05-01T09:00:00.000Z' } },
        'closed',
        'done',
        NOW,
      ),
    );
    expect(once.localized('es')).toMatch(/se notificó a la autoridad independiente \(Reglas 69 y 71/);
    expect(
      refusalOf(() => decideDeathNotice(state(), { party: 'next_of_kin', recipient: 'x' }, NOW)).localized(
        'es',
      ),
    ).toBe('El incidente i1 es de tipo «agresión», no una muerte bajo custodia.');
    expect(refusalOf(() => decideStatus(state(), 'closed', 'why', NOW)).localized('es')).toBe(
      'El incidente i1 está en el estado open; solo puede pasar a under_review, no a closed.',
    );
  });

  it('explains a release that cannot be recorded', () => {
    const error = refusalOf(() => decideRelease(undefined, { reason: 'pardon' }, NOW));
    expect(error.code).toBe('rule_refusal');
    expect(error.details).toEqual({ rule: 'release-open-interval' });
    expect(error.localized('es')).toMatch(/^Esta persona no tiene ningún periodo de custodia abierto/);
    const interval = {
      id: 'ci',
      personId: 'p',
      facilityId: 'f',
      startedAt: new Date('2025-04-01T00:00:00Z'),
    };
    const reason = refusalOf(() => decideRelease(interval, { reason: 'bored' }, NOW));
    expect(reason.message).toMatch(/^"bored" is not a release reason; use one of: sentence_served, /);
    expect(reason.localized('es')).toMatch(
      /^"bored" no es un motivo de liberación; use uno de estos: sentence_served, /,
    );
  });
});

async function* text(s: string) {
  yield s;
}

describe(`incidents and headcounts on ${testEngine}`, () => {
  let ctx: Awaited<ReturnType<typeof testContext>>;
  let facilityId: string;
  const custody = anActor('receiving_custody');

  beforeEach(async () => {
    ctx = await testContext({ now: '2025-05-01T12:00:00Z' });
    facilityId = (await registerFacility(ctx, anActor('admin'), aFacility())).id;
    const agreementId = (await createAgreement(ctx, anActor('admin'), anAgreement([facilityId]))).id;
    await importPeople(
      ctx,
      anActor('sending_officer'),
      agreementId,
      parsePeople(text(JSON.stringify(anEligiblePerson({ ref: 'D-1' }))), 'ndjson'),
    );
  });
  afterEach(async () => {
    await ctx.handle.close();
  });

  it('a headcount that does not match is an incident; one that matches is not', async () => {
    // Four cells of ten local occupants, nobody in custody: 40 expected.
    await expect(recordHeadcount(ctx, anActor('monitor'), facilityId, { counted: 40 })).rejects.toMatchObject(
      { code: 'forbidden' },
    );
    expect(await recordHeadcount(ctx, custody, facilityId, { counted: 40 })).toMatchObject({
      expected: 40,
      incidentId: null,
    });
    const off = await recordHeadcount(ctx, custody, facilityId, { counted: 39 });
    expect(off.incidentId).not.toBeNull();
    const { incidents } = await facilityIncidents(ctx, anActor('monitor'), facilityId);
    expect(incidents.map((i) => [i.kind, i.status, i.description])).toEqual([
      ['headcount_discrepancy', 'open', 'Headcount at SV-TEST: 39 counted, 40 expected (-1).'],
    ]);
  });

  it('refuses a headcount above twice what the facility can hold, or above the ceiling, and records nothing', async () => {
    // Operational capacity 400, 80 bunks, 40 expected: at most 800.
    await expect(recordHeadcount(ctx, custody, facilityId, { counted: 801 })).rejects.toMatchObject({
      code: 'invalid_input',
      messageKey: 'incident.headcount_over_capacity',
      params: { facility: 'SV-TEST', counted: 801, limit: 800, operationalCapacity: 400, expected: 40 },
    });
    await expect(recordHeadcount(ctx, custody, facilityId, { counted: 1e9 })).rejects.toMatchObject({
      messageKey: 'incident.headcount_range',
      params: { value: 1e9, max: 1_000_000 },
    });
    await expect(recordHeadcount(ctx, custody, facilityId, { counted: 2.5 })).rejects.toMatchObject({
      messageKey: 'incident.headcount_counted',
    });
    expect((await facilityIncidents(ctx, anActor('monitor'), facilityId)).incidents).toEqual([]);
    const most = await recordHeadcount(ctx, custody, facilityId, { counted: 800 });
    const { incidents } = await facilityIncidents(ctx, anActor('monitor'), facilityId);
    expect(incidents.map((i) => [i.id, i.description])).toEqual([
      [most.incidentId, 'Headcount at SV-TEST: 800 counted, 40 expected (+760).'],
    ]);
  });

  it('a death in custody tracks both notifications, and the ledger replays to the same tables', async () => {
    const person = await ctx.handle.db.selectFrom('people').select('id').executeTakeFirstOrThrow();
    await expect(
      reportIncident(ctx, custody, facilityId, {
        kind: 'death_in_custody',
        description: 'Found unresponsive in M1-C02',
      }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    const death = await reportIncident(ctx, custody, facilityId, {
      kind: 'death_in_custody',
      personId: person.id,
      cell: 'M1-C02',
      occurredAt: '2025-05-01T06:30:00Z',
      description: 'Found unresponsive at the 06:30 count',
    });
    await changeIncidentStatus(ctx, custody, death.incidentId, 'under_review', 'Medical examiner called');
    await expect(
      changeIncidentStatus(ctx, custody, death.incidentId, 'closed', 'done'),
    ).rejects.toMatchObject({
      details: { rule: 'death-notification' },
    });
    await recordDeathNotice(ctx, custody, death.incidentId, {
      party: 'next_of_kin',
      recipient: 'His sister, by phone',
      notifiedAt: '2025-05-01T09:00:00Z',
    });
    await expect(
      recordDeathNotice(ctx, custody, death.incidentId, { party: 'next_of_kin', recipient: 'again' }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await recordDeathNotice(ctx, custody, death.incidentId, {
      party: 'independent_authority',
      recipient: 'Procuraduría para la Defensa de los Derechos Humanos',
    });
    const closed = await changeIncidentStatus(ctx, custody, death.incidentId, 'closed', 'Review complete');
    expect(closed).toMatchObject({ status: 'closed', next_of_kin_recipient: 'His sister, by phone' });
    expect(closed.history.map((h) => h.action)).toEqual([
      'reported',
      'status',
      'notified_next_of_kin',
      'notified_independent_authority',
      'status',
    ]);
    expect((await incident(ctx, anActor('monitor'), death.incidentId)).cell_id).not.toBeNull();
    const report = await verifyLedger(ctx.handle.db, {
      signer: ctx.signer,
      events: ctx.events,
    });
    expect(report.problems).toEqual([]);
  });
});
