import { generateInvoice, issueDocument } from '../../src/billing/service.js';
import type { AppContext } from '../../src/context.js';
import type { FixedClock } from '../../src/core/clock.js';
import { DomainError } from '../../src/core/errors.js';
import { endIsolation, startIsolation } from '../../src/custody/isolation-service.js';
import { intervalsOfAt } from '../../src/custody/isolation-store.js';
import { recordRegime } from '../../src/custody/regime-service.js';
import { allocateFacility } from '../../src/facilities/housing-service.js';
import type { Actor } from '../../src/ledger/events.js';
import { codeKey } from '../../src/parties/model.js';
import type { ParsedRow } from '../../src/people/import-format.js';
import { type PersonRecordInput, personRecordSchema } from '../../src/people/model.js';
import { importPeople } from '../../src/people/service.js';
import { recordNotice } from '../../src/transfers/facts.js';
import { recordHold } from '../../src/transfers/holds.js';
import {
  addToManifest,
  arriveManifest,
  boardPerson,
  closeManifest,
  createManifest,
  departManifest,
  handOverPerson,
  receivePerson,
  recordManifestException,
} from '../../src/transfers/manifest-service.js';
import { act, getTransfer } from '../../src/transfers/service.js';
import { consularSteps } from './consular.js';
import { awaitingScreening, type CohortFlight, eligibleCohort } from './eligible-cohort.js';
import { type HearingTally, hearingSteps } from './hearings.js';
import { ISOLATION_AUTHORITY, REPORTED_ISOLATION } from './isolation.js';
import { legalVisitSteps } from './legal-visits.js';
import { endedRepresentationSteps } from './parties.js';
import { addDays } from './random.js';
import { REGIME_MONTHS, reportedRegimeRows } from './regime.js';
import { RETURN_STORY } from './return.js';

/**
 * The eligible cohort's year, run through the real commands on a clock the caller passes in. Every step
 * is scheduled at its instant, and the steps of all flights run in time order, so the ledger reads as the
 * year happened. Per flight, on departure day D (America/Chicago):
 * - D−45: the people are imported (identity verified biometrically five days before);
 * - D−35: the sending officer nominates them, and sending legal screens them: pending, no notice yet;
 * - D−30: sending legal records written notice to each person and counsel, which re-screens the transfer;
 * - D−7: sending legal approves, and the receiving officer accepts, each with a fresh screening as of D;
 * - D−3: the sending officer creates the manifest and adds everyone, which schedules them;
 * - D, 14:00 CST/CDT: boarding person by person, departure, arrival three hours later, intake with a
 *   biometric identity check (custody starts; the Rule 68 notification falls due), closing, and the
 *   receiving officer's allocation of the new arrivals to cells.
 * Each month from April to November is invoiced by finance on the 5th of the next month, and issued.
 * On the May flight a habeas petition reaches the court while the plane is boarding: departure is refused
 * for that person, who is taken off (returned before departure) and stays on hold; the others fly.
 * On the June flight a habeas order is recorded only after departure; the court orders that man's return,
 * and he flies back on a return manifest in July (return.ts).
 */

/** The demo users who act in the story, with the roles docs/domain.md gives them. */
const ACTORS = {
  officer: { id: 'user:sending.officer', role: 'sending_officer', userId: null },
  legal: { id: 'user:sending.legal', role: 'sending_legal', userId: null },
  receiving: { id: 'user:receiving.officer', role: 'receiving_officer', userId: null },
  // The court acts for the one court of the story's habeas petitions (its holds and its return order).
  court: {
    id: 'user:court',
    role: 'court',
    userId: null,
    parties: { partyIds: [], courts: [codeKey('U.S. District Court, D.D.C.')], people: [] },
  },
  custody: { id: 'user:receiving.custody', role: 'receiving_custody', userId: null },
  // The administrator records the court's time zone for its video-link hearings.
  admin: { id: 'user:admin', role: 'admin', userId: null },
  finance: { id: 'user:finance', role: 'finance', userId: null },
} as const satisfies Record<string, Actor>;

/** The months billed in the story, April to November 2025: each is invoiced on the 5th of the next. */
export const BILLING_MONTHS = [
  '2025-04',
  '2025-05',
  '2025-06',
  '2025-07',
  '2025-08',
  '2025-09',
  '2025-10',
  '2025-11',
];

/** What the story did, flight by flight. */
export interface CohortResult {
  flights: {
    date: string;
    flightNumber: string;
    manifestId: string;
    boarded: number;
    received: number;
    returnedBeforeDeparture: number;
  }[];
  received: number;
  /** People the receiving officer housed after intake (every one received). */
  housed: number;
  /** Departures refused by the check at the plane door, with the reason. */
  refusedAtDeparture: string[];
  awaitingScreening: number;
  /** Regime log entries recorded (one per cell per day). */
  regimeDaysRecorded: number;
  /** Isolation placements recorded (dark punishment cells, as reported). */
  isolationPlacements: number;
  /** Consular notification outcomes recorded for the April flight's Venezuelans (consular.ts). */
  consularRecorded: number;
  /** The April transferees' video-link hearings: booked, and what became of them (hearings.ts). */
  hearings: HearingTally;
  /** The monthly invoices finance generated and issued: month, number and total. */
  invoices: { month: string; number: number; totalCents: number }[];
  /** The man returned on the court's order: his original transfer, the return transfer and its manifest. */
  returned: { ref: string; transferId: string; returnTransferId: string; manifestId: string } | null;
}

interface Step {
  at: string;
  order: number;
  run: () => Promise<void>;
}

async function* rowsOf(people: readonly PersonRecordInput[]): AsyncGenerator<ParsedRow> {
  let line = 0;
  for (const input of people) yield { line: ++line, ok: true, record: personRecordSchema.parse(input) };
}

/** The instant of a local wall time on a date in America/Chicago (CST −6 or CDT −5, as on that date). */
function chicago(date: string, time: string): string {
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  // US daylight time in 2025: 9 March to 2 November.
  const dst = (month > 3 || (month === 3 && day >= 9)) && (month < 11 || (month === 11 && day < 2));
  return new Date(`${date}T${time}:00${dst ? '-05:00' : '-06:00'}`).toISOString();
}

function later(instant: string, minutes: number): string {
  return new Date(Date.parse(instant) + minutes * 60_000).toISOString();
}

async function idsByRef(ctx: AppContext, agreementId: string, refs: readonly string[]) {
  const rows = await ctx.handle.db
    .selectFrom('people')
    .select(['id', 'ref'])
    .where('agreement_id', '=', agreementId)
    .where('ref', 'in', [...refs])
    .execute();
  return new Map(rows.map((r) => [r.ref, r.id]));
}

function flightSteps(
  ctx: AppContext,
  clock: FixedClock,
  importer: Actor,
  ids: { agreementId: string; facilityId: string },
  flight: CohortFlight,
  index: number,
  result: CohortResult,
): Step[] {
  const { officer, legal, receiving, court } = ACTORS;
  const D = flight.date;
  const refs = flight.people.map((p) => p.ref);
  const people = new Map<string, string>();
  const transfers = new Map<string, string>();
  let manifestId = '';
  const steps: Step[] = [];
  const at = (instant: string, run: () => Promise<void>) =>
    steps.push({ at: instant, order: index * 10 + steps.length, run });
  const record = flight.people.map((p) => ({
    ...p,
    identityVerification: { method: 'biometric' as const, date: addDays(D, -50) },
    notice: null,
  }));

  at(chicago(addDays(D, -45), '09:00'), async () => {
    await importPeople(ctx, importer, ids.agreementId, rowsOf(record));
    for (const [ref, id] of await idsByRef(ctx, ids.agreementId, refs)) people.set(ref, id);
  });
  at(chicago(addDays(D, -35), '10:00'), async () => {
    for (const ref of refs) {
      const personId = people.get(ref)!;
      const { transferId } = await act(ctx, officer, {
        action: 'nominate',
        personId,
        agreementId: ids.agreementId,
      });
      transfers.set(ref, transferId);
      await act(ctx, legal, { action: 'screen', transferId, asOf: D });
    }
  });
  at(chicago(addDays(D, -30), '11:00'), async () => {
    for (const ref of refs) {
      await recordNotice(ctx, legal, people.get(ref)!, { servedOn: addDays(D, -30), counselNotified: true });
    }
  });
  at(chicago(addDays(D, -7), '10:00'), async () => {
    for (const ref of refs)
      await act(ctx, legal, { action: 'approve', transferId: transfers.get(ref)!, asOf: D });
  });
  at(chicago(addDays(D, -7), '15:00'), async () => {
    for (const ref of refs)
      await act(ctx, receiving, { action: 'accept', transferId: transfers.get(ref)!, asOf: D });
  });
  at(chicago(addDays(D, -3), '09:00'), async () => {
    const departure = chicago(D, '14:00');
    const manifest = await createManifest(ctx, officer, {
      facilityId: ids.facilityId,
      carrier: flight.carrier,
      flightNumber: flight.flightNumber,
      origin: flight.origin,
      destination: 'SAL',
      scheduledDeparture: { instant: departure, zone: 'America/Chicago' },
      scheduledArrival: { instant: later(departure, 180), zone: 'America/El_Salvador' },
    });
    manifestId = manifest.manifestId;
    for (const ref of refs) await addToManifest(ctx, officer, manifestId, transfers.get(ref)!);
  });
  const boarding = chicago(D, '13:00');
  at(boarding, async () => {
    for (const ref of refs) {
      await boardPerson(ctx, officer, manifestId, transfers.get(ref)!);
      clock.advance(60_000);
    }
  });
  // May: a habeas petition is filed and the court's order arrives while the aircraft is boarding.
  const heldRef = index === 1 && refs.length > 1 ? refs[Math.min(3, refs.length - 1)] : undefined;
  if (heldRef) {
    at(later(boarding, 45), async () => {
      await recordHold(ctx, court, people.get(heldRef)!, {
        type: 'habeas_petition',
        court: 'U.S. District Court, D.D.C.',
        case: '1:25-cv-01142',
        issued: D,
      });
    });
  }
  at(chicago(D, '14:00'), async () => {
    try {
      await departManifest(ctx, officer, manifestId);
    } catch (error) {
      if (!(error instanceof DomainError) || !heldRef) throw error;
      result.refusedAtDeparture.push(error.message);
      await recordManifestException(
        ctx,
        officer,
        manifestId,
        transfers.get(heldRef)!,
        'returned_before_departure',
        'Habeas petition 1:25-cv-01142 (D.D.C.): the court ordered that he not be removed; taken off the aircraft before departure and returned to ICE custody.',
      );
      await departManifest(ctx, officer, manifestId);
    }
  });
  at(chicago(D, '17:00'), async () => {
    await arriveManifest(ctx, receiving, manifestId);
  });
  at(chicago(D, '17:30'), async () => {
    let received = 0;
    for (const ref of refs) {
      if (ref === heldRef) continue;
      await receivePerson(ctx, receiving, manifestId, transfers.get(ref)!, {
        method: 'biometric',
        matched: true,
      });
      clock.advance(60_000);
      received++;
    }
    await closeManifest(ctx, receiving, manifestId);
    result.received += received;
    // The receiving officer houses the new arrivals within capacity and the separation rules.
    clock.advance(30 * 60_000);
    const allocation = await allocateFacility(ctx, receiving, ids.facilityId);
    if (allocation.unplaced.length > 0) {
      throw new Error(
        `the scenario could not house ${allocation.unplaced.length} arrivals of ${D}: ${JSON.stringify(allocation.unplaced[0])}`,
      );
    }
    result.housed += allocation.placements.length;
    result.flights.push({
      date: D,
      flightNumber: flight.flightNumber,
      manifestId,
      boarded: refs.length,
      received,
      returnedBeforeDeparture: heldRef ? 1 : 0,
    });
  });
  const returnedRef = index === RETURN_STORY.flightIndex ? refs[0] : undefined;
  if (returnedRef) {
    steps.push(
      ...returnSteps(
        ctx,
        () => ({ personId: people.get(returnedRef)!, transferId: transfers.get(returnedRef)! }),
        D,
        result,
        returnedRef,
      ).map((step, i) => ({ ...step, order: index * 10 + steps.length + i })),
    );
  }
  return steps;
}

/**
 * The court-ordered return (return.ts): the habeas order recorded after departure, the order of return,
 * and the return manifest, closed once the sending officer has recorded the handover to ICE.
 */
function returnSteps(
  ctx: AppContext,
  whom: () => { personId: string; transferId: string },
  D: string,
  result: CohortResult,
  ref: string,
): Omit<Step, 'order'>[] {
  const { officer, receiving, court } = ACTORS;
  const story = RETURN_STORY;
  let returnTransferId = '';
  let manifestId = '';
  return [
    {
      at: chicago(D, story.holdRecordedAt),
      run: async () => {
        await recordHold(ctx, court, whom().personId, {
          type: 'habeas_petition',
          court: story.court,
          case: story.case,
          issued: D,
        });
      },
    },
    {
      at: story.orderedAt,
      run: async () => {
        const { transferId } = whom();
        await act(ctx, court, {
          action: 'order_return',
          transferId,
          courtOrder: { court: story.court, case: story.case },
        });
        returnTransferId = (await getTransfer(ctx, transferId)).returnTransferId ?? '';
      },
    },
    {
      at: story.manifestCreatedAt,
      run: async () => {
        const manifest = await createManifest(ctx, receiving, {
          direction: 'return',
          facilityId: await facilityOf(ctx, whom().personId),
          carrier: story.carrier,
          flightNumber: story.flightNumber,
          origin: 'SAL',
          destination: 'AEX',
          scheduledDeparture: { instant: story.departure, zone: 'America/El_Salvador' },
          scheduledArrival: { instant: story.arrival, zone: 'America/Chicago' },
        });
        manifestId = manifest.manifestId;
        await addToManifest(ctx, receiving, manifestId, returnTransferId);
      },
    },
    {
      at: story.boardingAt,
      run: async () => void (await boardPerson(ctx, receiving, manifestId, returnTransferId)),
    },
    { at: story.departure, run: async () => void (await departManifest(ctx, receiving, manifestId)) },
    { at: story.arrival, run: async () => void (await arriveManifest(ctx, officer, manifestId)) },
    {
      at: story.handoverAt,
      run: async () => {
        await handOverPerson(ctx, officer, manifestId, returnTransferId, story.handover);
        await closeManifest(ctx, officer, manifestId);
        result.returned = { ref, transferId: whom().transferId, returnTransferId, manifestId };
      },
    },
  ];
}

/** The facility of a person's open custody interval. */
async function facilityOf(ctx: AppContext, personId: string): Promise<string> {
  const row = await ctx.handle.db
    .selectFrom('custody_intervals')
    .select('facility_id')
    .where('person_id', '=', personId)
    .where('ended_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.facility_id;
}

/**
 * Runs the eligible cohort's 2025 on `clock`: `size` people over the monthly flights, then the people
 * nominated in December and left for sending legal to screen. The clock ends on 2025-12-15.
 */
export async function flyEligibleCohort(
  base: AppContext,
  clock: FixedClock,
  importer: Actor,
  ids: { agreementId: string; facilityId: string },
  size: number,
  onStep?: (done: number, total: number) => void,
  regimeMonths: number = REGIME_MONTHS.length,
  billingMonths: number = BILLING_MONTHS.length,
): Promise<CohortResult> {
  const ctx: AppContext = { ...base, clock };
  const result: CohortResult = {
    flights: [],
    received: 0,
    housed: 0,
    refusedAtDeparture: [],
    awaitingScreening: 0,
    regimeDaysRecorded: 0,
    isolationPlacements: 0,
    consularRecorded: 0,
    hearings: { booked: 0, held: 0, adjourned: 0, notProduced: 0, holds: 0 },
    invoices: [],
    returned: null,
  };
  const steps = eligibleCohort(size).flatMap((flight, i) =>
    flightSteps(ctx, clock, importer, ids, flight, i, result),
  );
  const awaiting = awaitingScreening();
  steps.push({
    at: '2025-12-15T16:00:00.000Z',
    order: 1_000_000,
    run: async () => {
      await importPeople(
        ctx,
        importer,
        ids.agreementId,
        rowsOf(
          awaiting.map((p) => ({
            ...p,
            identityVerification: { method: 'biometric' as const, date: '2025-12-10' },
            notice: { servedOn: '2025-12-15', counselNotified: true },
          })),
        ),
      );
      for (const [, personId] of await idsByRef(
        ctx,
        ids.agreementId,
        awaiting.map((p) => p.ref),
      )) {
        await act(ctx, ACTORS.officer, { action: 'nominate', personId, agreementId: ids.agreementId });
        result.awaitingScreening++;
      }
    },
  });
  // Receiving custody records each month's regime log for every cell, as reported.
  const cells = (
    await ctx.handle.db
      .selectFrom('cells')
      .select('code')
      .where('facility_id', '=', ids.facilityId)
      .orderBy('code')
      .execute()
  ).map((c) => c.code);
  for (const [i, month] of REGIME_MONTHS.slice(0, regimeMonths).entries()) {
    steps.push({
      at: month.recordedAt,
      order: 2_000_000 + i,
      run: async () => {
        const report = await recordRegime(
          ctx,
          ACTORS.custody,
          ids.facilityId,
          reportedRegimeRows(cells, month.from, month.to),
        );
        if (report.rejected.length > 0) {
          throw new Error(
            `the scenario's regime log for ${month.from} was refused: ${JSON.stringify(report.rejected[0])}`,
          );
        }
        result.regimeDaysRecorded += report.recorded;
      },
    });
  }
  // Receiving custody records the isolation placements as reported: dark punishment cells, up to 15 days,
  // in the facility's last cell. A man not in custody then (a smaller cohort flew him later) is left out.
  const punishmentCell = cells.at(-1);
  for (const [i, placement] of REPORTED_ISOLATION.entries()) {
    let placementId: string | null = null;
    steps.push({
      at: placement.startedAt,
      order: 4_000_000 + i,
      run: async () => {
        const personId = (await idsByRef(ctx, ids.agreementId, [placement.ref])).get(placement.ref);
        if (!personId || !punishmentCell) return;
        const intervals = await intervalsOfAt(ctx.handle.db, personId, ids.facilityId);
        if (!intervals.some((c) => c.started_at.toISOString() <= placement.startedAt)) return;
        const started = await startIsolation(ctx, ACTORS.custody, ids.facilityId, {
          personId,
          cell: punishmentCell,
          reason: placement.reason,
          authorisedBy: ISOLATION_AUTHORITY,
          lighting: 'dark',
          startedAt: placement.startedAt,
        });
        placementId = started.placementId;
        result.isolationPlacements++;
      },
    });
    steps.push({
      at: placement.endedAt,
      order: 4_000_000 + i,
      run: async () => {
        if (placementId) await endIsolation(ctx, ACTORS.custody, placementId, { endedAt: placement.endedAt });
      },
    });
  }
  // A law office asks to see six men of the first flight in April; receiving custody answers (legal-visits.ts).
  steps.push(
    ...legalVisitSteps(ctx, { legal: ACTORS.legal, custody: ACTORS.custody }, async (ref) =>
      (await idsByRef(ctx, ids.agreementId, [ref])).get(ref),
    ),
    // One more client of the office, whose representation ended in July (parties.ts).
    ...endedRepresentationSteps(ctx, ACTORS.legal, async (ref) =>
      (await idsByRef(ctx, ids.agreementId, [ref])).get(ref),
    ),
  );
  // Receiving custody records the April Venezuelans' consular notifications (consular.ts).
  steps.push(
    ...consularSteps(
      ctx,
      ACTORS.custody,
      async (ref) => (await idsByRef(ctx, ids.agreementId, [ref])).get(ref),
      () => result.consularRecorded++,
    ),
  );
  // The court hears the April transferees by video link, 15–20 a weekday for two weeks (hearings.ts).
  steps.push(
    ...hearingSteps(
      ctx,
      { admin: ACTORS.admin, court: ACTORS.court },
      async () =>
        (
          await ctx.handle.db
            .selectFrom('custody_intervals')
            .innerJoin('people', 'people.id', 'custody_intervals.person_id')
            .select(['people.id', 'people.ref'])
            .where('custody_intervals.facility_id', '=', ids.facilityId)
            .where('custody_intervals.started_at', '<', new Date('2025-05-01T00:00:00Z'))
            .where('custody_intervals.ended_at', 'is', null)
            .orderBy('people.ref')
            .execute()
        ).map((p) => ({ id: p.id, ref: p.ref })),
      result.hearings,
    ),
  );
  // Finance invoices each month on the 5th of the next, 10:00 in San Salvador, from the custody record,
  // and issues it. No payment is recorded: the reports give none.
  for (const [i, month] of BILLING_MONTHS.slice(0, billingMonths).entries()) {
    const [y, m] = month.split('-').map(Number) as [number, number];
    const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    steps.push({
      at: `${next}-05T16:00:00.000Z`,
      order: 3_000_000 + i,
      run: async () => {
        const generated = await generateInvoice(ctx, ACTORS.finance, ids.agreementId, month);
        const draft = generated.documents.find((d) => d.kind === 'invoice' && d.status === 'draft');
        if (!draft)
          throw new Error(`the scenario's invoice for ${month} was not drafted: ${generated.action}`);
        const issued = await issueDocument(ctx, ACTORS.finance, draft.number);
        result.invoices.push({ month, number: issued.number, totalCents: issued.totalCents });
      },
    });
  }
  steps.sort((a, b) => a.at.localeCompare(b.at) || a.order - b.order);
  let done = 0;
  for (const step of steps) {
    if (Date.parse(step.at) > clock.now().getTime()) clock.set(step.at);
    await step.run();
    onStep?.(++done, steps.length);
  }
  result.flights.sort((a, b) => a.date.localeCompare(b.date));
  return result;
}
