import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAgreement } from '../agreements/service.js';
import { complianceReport } from '../custody/compliance-service.js';
import { personCustody, recordNotification, releasePerson } from '../custody/service.js';
import { verifyLedger } from '../ledger/verify.js';
import { anActor, testContext, testEngine } from '../test-support/context.js';
import { receivePeople } from '../test-support/custody-fixture.js';
import { aConviction, anEligiblePerson } from '../test-support/eligibility-fixtures.js';
import { aFacility, anAgreement } from '../test-support/factories.js';
import { allocateFacility } from './housing-service.js';
import { registerFacility, reviseCell, reviseFacility, showFacility } from './service.js';

const receiving = anActor('receiving_officer');

/** Four men: two MS-13 co-defendants, a Barrio 18 Sureños member, and one without affiliation. */
const PEOPLE = [
  { ref: 'H-1', org: 'MS-13', case: '1:22-cr-00001' },
  { ref: 'H-2', org: 'Barrio 18 Sureños', case: '1:22-cr-00002' },
  { ref: 'H-3', org: 'MS-13', case: '1:22-cr-00001' },
  { ref: 'H-4', org: null, case: '1:22-cr-00004' },
];

describe(`housing on ${testEngine}`, () => {
  let ctx: Awaited<ReturnType<typeof testContext>>;
  let facilityId: string;

  beforeEach(async () => {
    ctx = await testContext({ now: '2025-03-14T15:00:00Z' });
    // Three cells of 12: local occupants (men) in the first two; the third is inactive.
    const facility = await registerFacility(
      ctx,
      anActor('admin'),
      aFacility({
        modules: [
          {
            code: 'M1',
            name: 'Module 1',
            cells: [
              {
                code: 'M1-C01',
                areaM2: 100,
                bunks: 12,
                workingCapacity: 12,
                localOccupants: 10,
                localSex: 'M',
                status: 'active',
                statusReason: null,
              },
              {
                code: 'M1-C02',
                areaM2: 100,
                bunks: 12,
                workingCapacity: 12,
                localOccupants: 10,
                localSex: 'M',
                status: 'active',
                statusReason: null,
              },
              {
                code: 'M1-C03',
                areaM2: 100,
                bunks: 12,
                workingCapacity: 12,
                localOccupants: 0,
                localSex: null,
                status: 'inactive',
                statusReason: 'flooded',
              },
            ],
          },
        ],
      }),
    );
    facilityId = facility.id;
    const agreementId = (await createAgreement(ctx, anActor('admin'), anAgreement([facility.id]))).id;
    await receivePeople(
      ctx,
      { agreementId, facilityId: facility.id },
      PEOPLE.map((p) =>
        anEligiblePerson({
          ref: p.ref,
          convictions: [aConviction({ caseNumber: p.case })],
          affiliations: p.org
            ? [{ organization: p.org, basis: 'court_finding', source: 'PSR', date: '2021-05-01' }]
            : [],
        }),
      ),
    );
  });

  afterEach(async () => {
    await ctx.handle.close();
  });

  it('plans without recording, then applies: rivals and co-defendants apart, inactive cells unused', async () => {
    const plan = await allocateFacility(ctx, anActor('monitor'), facilityId, { dryRun: true });
    expect(plan).toMatchObject({ applied: false, mode: 'new' });
    expect(plan.checks.ok).toBe(true);
    const cellOf = Object.fromEntries(plan.placements.map((p) => [p.ref, p.cell]));
    expect(cellOf['H-1']).not.toBe(cellOf['H-3']);
    expect(cellOf['H-2']).not.toBe(cellOf['H-1']);
    expect(cellOf['H-2']).not.toBe(cellOf['H-3']);
    // Two cells, two MS-13 co-defendants and a rival: the rival cannot be placed.
    expect(plan.placements.map((p) => p.ref).sort()).toEqual(['H-1', 'H-3', 'H-4']);
    expect(plan.unplaced).toEqual([
      expect.objectContaining({ ref: 'H-2', constraint: 'rival_organisations' }),
    ]);
    expect(await ctx.handle.db.selectFrom('housing_assignments').selectAll().execute()).toEqual([]);

    await expect(allocateFacility(ctx, anActor('monitor'), facilityId)).rejects.toMatchObject({
      code: 'forbidden',
    });
    const applied = await allocateFacility(ctx, receiving, facilityId);
    expect(applied.applied).toBe(true);
    expect(applied.placements).toEqual(plan.placements);
    const shown = await showFacility(ctx, anActor('monitor'), facilityId);
    expect(shown.cells.map((c) => [c.code, c.occupancy])).toEqual([
      ['M1-C01', { transferees: 2, local: 10, total: 12 }],
      ['M1-C02', { transferees: 1, local: 10, total: 11 }],
      ['M1-C03', { transferees: 0, local: 0, total: 0 }],
    ]);

    // Nobody new to place; re-planning everyone gives the same cells, so nothing moves.
    expect((await allocateFacility(ctx, receiving, facilityId)).placements).toEqual([]);
    const again = await allocateFacility(ctx, receiving, facilityId, { all: true });
    expect(again.placements.filter((p) => p.moved)).toEqual([]);
    const entries = await ctx.handle.db
      .selectFrom('ledger_entries')
      .select('type')
      .where('type', '=', 'housing.assigned')
      .execute();
    expect(entries).toHaveLength(3);
    const report = await verifyLedger(ctx.handle.db, {
      signer: ctx.signer,
      events: ctx.events,
    });
    expect(report.problems).toEqual([]);
  });

  it('a release closes the interval with its reason and vacates the cell; there is nothing to release twice', async () => {
    await allocateFacility(ctx, receiving, facilityId);
    const h1 = await ctx.handle.db
      .selectFrom('people')
      .select('id')
      .where('ref', '=', 'H-1')
      .executeTakeFirstOrThrow();
    const custody = anActor('receiving_custody');
    await expect(releasePerson(ctx, receiving, h1.id, { reason: 'sentence_served' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      releasePerson(ctx, custody, h1.id, { reason: 'sentence_served', at: '2025-03-01T00:00:00Z' }),
    ).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/before intake/) });
    await expect(releasePerson(ctx, custody, h1.id, { reason: 'parole' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    ctx.clock.advance(3_600_000);
    const before = await personCustody(ctx, custody, h1.id);
    expect(before.intervals[0]?.housing).toMatchObject({
      cell: expect.stringMatching(/^M1-C0[12]$/),
      module: 'M1',
    });
    const released = await releasePerson(ctx, custody, h1.id, {
      reason: 'court_ordered_return',
      note: 'D.D.C. order',
    });
    expect(released).toMatchObject({ reason: 'court_ordered_return', at: ctx.clock.now().toISOString() });
    const { intervals } = await personCustody(ctx, custody, h1.id);
    expect(intervals[0]).toMatchObject({ releaseReason: 'court_ordered_return', housing: null });
    expect(intervals[0]!.endedAt?.toISOString()).toBe(released.at);
    const shown = await showFacility(ctx, anActor('monitor'), facilityId);
    expect(shown.cells.reduce((n, c) => n + c.occupancy.transferees, 0)).toBe(2);
    await expect(releasePerson(ctx, custody, h1.id, { reason: 'sentence_served' })).rejects.toMatchObject({
      code: 'rule_refusal',
      details: { rule: 'release-open-interval' },
    });
    const report = await verifyLedger(ctx.handle.db, {
      signer: ctx.signer,
      events: ctx.events,
    });
    expect(report.problems).toEqual([]);
  });

  it('never sets capacity below occupancy, in the service and in the database', async () => {
    await allocateFacility(ctx, receiving, facilityId);
    const admin = anActor('admin');
    // M1-C01 holds 10 local occupants and 2 transferees.
    await expect(reviseCell(ctx, admin, facilityId, 'M1-C01', { workingCapacity: 11 })).rejects.toMatchObject(
      {
        code: 'rule_refusal',
        details: { rule: 'capacity-not-below-occupancy', occupancy: 12 },
      },
    );
    await expect(
      reviseCell(ctx, admin, facilityId, 'M1-C01', { status: 'inactive', statusReason: 'repairs' }),
    ).rejects.toMatchObject({ details: { rule: 'inactive-cell-empty' } });
    await expect(reviseFacility(ctx, admin, facilityId, { operationalCapacity: 20 })).rejects.toMatchObject({
      details: { rule: 'capacity-not-below-occupancy', occupancy: 24 },
    });
    const revised = await reviseCell(ctx, admin, facilityId, 'M1-C02', { workingCapacity: 11 });
    expect(revised.cells.find((c) => c.code === 'M1-C02')?.workingCapacity).toBe(11);
    // The database refuses both on its own.
    const cell = await ctx.handle.db
      .selectFrom('cells')
      .selectAll()
      .where('code', '=', 'M1-C01')
      .executeTakeFirstOrThrow();
    await expect(
      ctx.handle.db.updateTable('cells').set({ working_capacity: 11 }).where('id', '=', cell.id).execute(),
    ).rejects.toThrow(/below the 12 people in it/);
    // H-2 was left unplaced: housing them in the full M1-C01 is refused when the transaction commits.
    const h2 = await ctx.handle.db
      .selectFrom('custody_intervals as ci')
      .innerJoin('people as p', 'p.id', 'ci.person_id')
      .select(['ci.id', 'ci.person_id'])
      .where('p.ref', '=', 'H-2')
      .executeTakeFirstOrThrow();
    await expect(
      ctx.handle.db
        .insertInto('housing_assignments')
        .values({
          id: '01900000-0000-7000-8000-000000000002',
          person_id: h2.person_id,
          facility_id: facilityId,
          cell_id: cell.id,
          custody_interval_id: h2.id,
          assigned_at: new Date(),
          ended_at: null,
          end_reason: null,
        })
        .execute(),
    ).rejects.toThrow(/would hold 13 people, over its working capacity of 12/);
  });

  it('records the Rule 68 notification once, and the compliance monitor counts it', async () => {
    const custody = anActor('receiving_custody');
    const h1 = await ctx.handle.db
      .selectFrom('people')
      .select('id')
      .where('ref', '=', 'H-1')
      .executeTakeFirstOrThrow();
    const { intervals } = await personCustody(ctx, custody, h1.id);
    const obligation = intervals[0]!.notifications[0]!;
    await expect(
      recordNotification(ctx, anActor('monitor'), h1.id, obligation.id, { recipients: 'sister' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    ctx.clock.advance(2 * 3_600_000);
    const done = await recordNotification(ctx, custody, h1.id, obligation.id, {
      recipients: 'sister, by phone; counsel by email',
    });
    expect(done.fulfilledAt).toBe(ctx.clock.now().toISOString());
    await expect(
      recordNotification(ctx, custody, h1.id, obligation.id, { recipients: 'again' }),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
    // A day later the other three are overdue: three findings, and H-1's is met.
    ctx.clock.advance(30 * 3_600_000);
    const report = await complianceReport(ctx, anActor('monitor'), facilityId, '2025-03-14', '2025-03-15');
    const rule = report.rules.find((r) => r.id === 'transfer-notification');
    expect(rule).toMatchObject({ evaluated: 4, findings: 3 });
    expect(
      report.findings.filter((f) => f.rule === 'transfer-notification').map((f) => f.person),
    ).not.toContain('H-1');
  });

  it('refuses two open custody intervals for one person in the database itself', async () => {
    const open = await ctx.handle.db.selectFrom('custody_intervals').selectAll().executeTakeFirstOrThrow();
    await expect(
      ctx.handle.db
        .insertInto('custody_intervals')
        .values({ ...open, id: '01900000-0000-7000-8000-000000000003' })
        .execute(),
    ).rejects.toThrow(/custody_intervals_one_open|duplicate key/);
  });

  it('refuses a second open assignment for a person in the database itself', async () => {
    await allocateFacility(ctx, receiving, facilityId);
    const row = await ctx.handle.db.selectFrom('housing_assignments').selectAll().executeTakeFirstOrThrow();
    await expect(
      ctx.handle.db
        .insertInto('housing_assignments')
        .values({ ...row, id: '01900000-0000-7000-8000-000000000001' })
        .execute(),
    ).rejects.toThrow(/housing_one_open|duplicate key/);
  });
});
