import { describe, expect, it } from 'vitest';
import { computeBill } from '../../src/billing/service.js';
import { complianceReport } from '../../src/custody/compliance-service.js';
import { facilityOccupancy } from '../../src/custody/occupancy-service.js';
import { custodyOf } from '../../src/custody/store.js';
import { systemActor } from '../../src/ledger/events.js';
import { verifyLedger } from '../../src/ledger/verify.js';
import { dashboard } from '../../src/oversight/dashboard.js';
import { findPerson } from '../../src/people/store.js';
import { testEngine } from '../../src/test-support/context.js';
import { STORY_OPTIONS, storyContext } from '../../src/test-support/scenario-template.js';
import { manifestView } from '../../src/transfers/manifest-service.js';
import { getTransfer } from '../../src/transfers/service.js';
import { BILLING_MONTHS } from './flights.js';
import { MARCH_COHORT_SIZE } from './march-cohort.js';

/**
 * The story as the run loaded it once (src/test-support/scenario-template.ts): loadCecot2025 with
 * STORY_OPTIONS, on a clock of its own started on 2025-01-01, which loadCecot2025 moves to each step's
 * instant. release-dates.test.ts reads the same story.
 */
describe(`the cecot-2025 story on ${testEngine}`, () => {
  it('runs through the real commands on the clock it is given: nobody from March boards, the eligible cohort is received', async () => {
    expect(STORY_OPTIONS).toMatchObject({ cohort: 18, regimeMonths: 1, billingMonths: 8 });
    const { ctx, result } = await storyContext({ now: '2026-11-24T12:00:00Z' });
    try {
      const db = ctx.handle.db;

      // March 2025: every nomination screened and cancelled as ineligible; none boarded any manifest.
      expect(result.marchCohort).toMatchObject({
        nominated: MARCH_COHORT_SIZE,
        cancelledAsIneligible: MARCH_COHORT_SIZE,
      });
      const marchOnManifests = await db
        .selectFrom('manifest_entries')
        .innerJoin('people', 'people.id', 'manifest_entries.person_id')
        .select('people.ref')
        .where('people.ref', 'like', 'ICE-2025-M%')
        .execute();
      expect(marchOnManifests).toEqual([]);

      // The eligible cohort: 18 people on 9 closed manifests, and 12 Venezuelans on the April one; one taken
      // off in May by a habeas petition.
      expect(result.eligibleCohort.flights).toHaveLength(9);
      expect(result.eligibleCohort.flights[0]).toMatchObject({ boarded: 2 + 12, received: 2 + 12 });
      expect(result.eligibleCohort.received).toBe(17 + 12);
      expect(result.eligibleCohort.refusedAtDeparture).toEqual([
        expect.stringMatching(/habeas_petition .*1:25-cv-01142/),
      ]);
      const statuses = await db
        .selectFrom('transfers')
        .innerJoin('people', 'people.id', 'transfers.person_id')
        .select(['transfers.status', (eb) => eb.fn.countAll<string>().as('n')])
        .where('people.ref', 'not like', 'ICE-2025-M%')
        .groupBy('transfers.status')
        .execute();
      // 16 + 12 outbound transfers received, and the return transfer received by ICE; the man it brought
      // back's original transfer ended returned.
      expect(Object.fromEntries(statuses.map((s) => [s.status, Number(s.n)]))).toEqual({
        received: 17 + 12,
        returned: 1,
        on_hold: 1,
        nominated: 5,
      });
      const manifests = await db.selectFrom('manifests').select(['status', 'direction']).execute();
      expect(manifests.map((m) => m.status)).toEqual(Array(10).fill('closed'));
      expect(manifests.filter((m) => m.direction === 'return')).toHaveLength(1);
      const custody = await db
        .selectFrom('custody_intervals')
        .select(['person_id', 'started_at', 'ended_at'])
        .execute();
      expect(custody).toHaveLength(17 + 12);
      for (const c of custody) {
        expect(c.started_at.toISOString() >= '2025-04-10' && c.started_at.toISOString() < '2026').toBe(true);
      }
      expect(custody.filter((c) => c.ended_at !== null)).toHaveLength(1);
      // Each arrival was housed after intake: one open cell assignment per person in custody.
      expect(result.eligibleCohort.housed).toBe(17 + 12);
      const housed = await db
        .selectFrom('housing_assignments')
        .select(['person_id', 'cell_id'])
        .where('ended_at', 'is', null)
        .execute();
      expect(new Set(housed.map((h) => h.person_id)).size).toBe(16 + 12);
      const board = await dashboard(ctx);
      expect(board.alarms.manifests).toEqual([]);
      expect(board.facilities.find((f) => f.id === result.facilityId)?.occupancy.transferees).toBe(16 + 12);

      // The court-ordered return (issue 17): the man sent in June despite a habeas order is on a closed
      // return manifest, handed over to ICE by name; his original transfer is returned; his custody interval
      // ends at the return's departure, and billing stops that day: 1 July is his last day billed.
      const returned = result.eligibleCohort.returned!;
      expect(returned.ref).toBe('ICE-2025-E00005');
      const original = await getTransfer(ctx, returned.transferId);
      expect(original).toMatchObject({ status: 'returned', returnTransferId: returned.returnTransferId });
      expect(await getTransfer(ctx, returned.returnTransferId)).toMatchObject({
        direction: 'return',
        status: 'received',
        returnOf: returned.transferId,
        handover: { agency: 'US-ICE', officer: 'Deportation Officer M. Castellanos' },
      });
      const back = await manifestView(ctx, returned.manifestId);
      expect(back).toMatchObject({ direction: 'return', status: 'closed', flightNumber: 'GXA 6198' });
      expect(back.reconciliation).toMatchObject({ reconciled: true, boarded: 1, received: 1 });
      expect(back.entries).toEqual([
        expect.objectContaining({
          status: 'handed_over',
          handover: { agency: 'US-ICE', officer: 'Deportation Officer M. Castellanos' },
        }),
      ]);
      const [interval] = await custodyOf(db, original.personId);
      expect(interval).toMatchObject({ releaseReason: 'court_ordered_return' });
      expect(interval!.endedAt?.toISOString()).toBe(back.actualDeparture?.instant);
      expect(back.actualDeparture?.instant).toBe('2025-07-02T16:00:00.000Z');
      const july = await computeBill(db, result.agreementId, '2025-07');
      expect(july.lines.find((l) => l.personId === original.personId)).toMatchObject({
        days: 1,
        parts: [expect.objectContaining({ from: '2025-07-01', to: '2025-07-01' })],
      });
      expect(
        (await computeBill(db, result.agreementId, '2025-08')).lines.some(
          (l) => l.personId === original.personId,
        ),
      ).toBe(false);

      // April 2025's regime, as reported, against the standards: each finding cites its source.
      expect(result.eligibleCohort.regimeDaysRecorded).toBe(256 * 30);
      const compliance = await complianceReport(
        ctx,
        systemActor('scenario'),
        'SV-CECOT',
        '2025-04-01',
        '2025-04-30',
      );
      const rule = (id: string) => compliance.rules.find((r) => r.id === id)!;
      for (const [id, source] of [
        ['outdoor-exercise', 'Mandela Rule 23'],
        ['lighting', 'Mandela Rules 14, 43'],
        ['bedding', 'Mandela Rule 21'],
        ['floor-space', 'CPT standards (2015)'],
        ['family-contact', 'Mandela Rule 58'],
      ] as const) {
        expect(rule(id).findings, id).toBeGreaterThan(0);
        expect(rule(id).source).toBe(source);
        expect(compliance.findings.filter((f) => f.rule === id).every((f) => f.source === source)).toBe(true);
      }
      // Two men in a dark punishment cell from 20 and 25 April, as reported: every day of it a finding.
      expect(result.eligibleCohort.isolationPlacements).toBe(2);
      expect(rule('isolation-limit')).toMatchObject({ evaluated: 11 + 6, findings: 11 + 6 });
      expect(compliance.findings.find((f) => f.rule === 'isolation-limit')).toMatchObject({
        source: 'Mandela Rules 43–45',
        detail: 'in isolation in a cell recorded dark',
      });
      // The 12 Venezuelans received on 10 April are foreign nationals in El Salvador: each intake is judged.
      // Ten were notified or objected within 72 hours; one was notified six days late (medium) and nothing
      // was recorded for one (high). The Salvadorans are owed no consular notification.
      expect(result.eligibleCohort.consularRecorded).toBe(11);
      expect(rule('consular-notification')).toMatchObject({
        evaluated: 12,
        findings: 2,
        bySeverity: { high: 1, medium: 1 },
        source: 'VCCR Art. 36(1)(b); Mandela Rule 62',
      });
      expect(
        compliance.findings
          .filter((f) => f.rule === 'consular-notification')
          .map((f) => [f.severity, f.date, f.detail.split(';')[0]]),
      ).toEqual([
        [
          'medium',
          '2025-04-10',
          expect.stringMatching(/^consulate notified 2025-04-16T16:00:00\.000Z, after/),
        ],
        ['high', '2025-04-10', 'consulate not notified and no objection recorded'],
      ]);
      // Video-link hearings (hearings.ts): the court books the 14 April men's hearings the working day before,
      // half the men one weekday and the other half the next, for two weeks, and records each outcome. The first man is not produced twice in
      // April (a high access-to-courts finding); the second is held at his third hearing by a court order.
      expect(result.eligibleCohort.hearings).toEqual({
        booked: 10 * 7,
        held: 54,
        adjourned: 11,
        notProduced: 5,
        holds: 1,
      });
      const hearingRows = await db.selectFrom('hearings').select(['status', 'room_id']).execute();
      expect(hearingRows).toHaveLength(10 * 7);
      expect(hearingRows.every((h) => h.status !== 'booked')).toBe(true);
      expect(rule('access-to-courts').findings).toBeGreaterThan(0);
      expect(
        compliance.findings.filter((f) => f.rule === 'access-to-courts').every((f) => f.severity === 'high'),
      ).toBe(true);
      const withHold = await db.selectFrom('hearings').select('person_id').distinct().execute();
      const holdsAtHearing = [];
      for (const { person_id } of withHold) {
        const person = await findPerson(db, person_id);
        holdsAtHearing.push(...(person?.holds ?? []).filter((h) => h.case === '1:25-cv-01301'));
      }
      expect(holdsAtHearing).toEqual([
        expect.objectContaining({ type: 'court_order', court: 'U.S. District Court, D.D.C.' }),
      ]);
      // The water's quantity is not reported, so it is not evaluated rather than guessed.
      expect(rule('drinking-water')).toMatchObject({ evaluated: 0, findings: 0 });

      // Occupancy: nobody in custody before the first flight, 28 transferees after the last.
      const occupancy = await facilityOccupancy(
        ctx,
        systemActor('scenario'),
        'SV-CECOT',
        '2025-04-09',
        '2025-12-14',
      );
      expect(occupancy.history[0]).toMatchObject({ date: '2025-04-09', transferees: 0, local: 14_532 });
      expect(occupancy.history.at(-1)).toMatchObject({
        date: '2025-12-14',
        transferees: 16 + 12,
        total: 14_532 + 28,
      });
      expect(occupancy.forecast).toHaveLength(90);

      // Billing: April to November invoiced on the 5th of the next month and issued; each equals the
      // custody record's bill for its month, and nothing is paid.
      const invoices = result.eligibleCohort.invoices;
      expect(invoices.map((i) => i.month)).toEqual(BILLING_MONTHS);
      for (const invoice of invoices) {
        const bill = await computeBill(db, result.agreementId, invoice.month);
        expect(invoice.totalCents).toBe(bill.totalCents);
      }
      const docs = await db.selectFrom('invoices').select(['status', 'issued_at', 'paid_cents']).execute();
      expect(docs.every((d) => d.status === 'issued' && d.paid_cents === 0)).toBe(true);
      expect(docs.map((d) => d.issued_at?.toISOString().slice(8, 10))).toEqual(Array(8).fill('05'));

      // The ledger reads as the year happened: times never go backwards, and it verifies and replays.
      const times = await db.selectFrom('ledger_entries').select('recorded_at').orderBy('seq').execute();
      const instants = times.map((t) => t.recorded_at.getTime());
      expect(instants.every((t, i) => i === 0 || t >= instants[i - 1]!)).toBe(true);
      expect(new Date(instants.at(-1)!).toISOString() < '2026-01-01').toBe(true);
      const report = await verifyLedger(db, {
        signer: ctx.signer,
        events: ctx.events,
      });
      expect(report.problems).toEqual([]);
    } finally {
      await ctx.handle.close();
    }
  }, 600_000);
});
