import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { custodyDaysIn, dayCount, localEpochDay, monthRange } from '../billing/custody-days.js';
import { computeBill } from '../billing/service.js';
import { DomainError } from '../core/errors.js';
import { testContext, testEngine } from '../test-support/context.js';
import { aReturnsAgreement, eligiblePeople, RETURN_ACTORS } from '../test-support/returns-fixture.js';
import type { ManifestState } from './manifest.js';
import {
  addToManifest,
  arriveManifest,
  boardPerson,
  closeManifest,
  createManifest,
  departManifest,
  handOverPerson,
  receivePerson,
} from './manifest-service.js';
import type { TransferStatus } from './model.js';
import { act } from './service.js';

/**
 * Nobody is in two places at once across transfers and returns (issue 17): random sequences of outbound
 * flights, court-ordered returns and return flights, each step tried whether or not it is allowed, and
 * after every step: a person is on at most one movement (an added or boarded entry of an unclosed
 * manifest), in custody in at most one facility, never both in transit and in custody; a custody
 * interval a return closed ends at that return's departure; every custody day is billed once.
 */

const { officer, legal, receiving, court } = RETURN_ACTORS;
const HOUR = 3_600_000;
const ZONE = 'America/El_Salvador';
const STEPS = [
  'nominate',
  'outbound',
  'return',
  'add',
  'board',
  'depart',
  'arrive',
  'end',
  'close',
  'order_return',
] as const;
type StepKind = (typeof STEPS)[number];
interface Step {
  kind: StepKind;
  person: number;
  manifest: number;
  hours: number;
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

describe(`nobody in two places at once, across transfers and returns, on ${testEngine}`, () => {
  let ctx: Awaited<ReturnType<typeof testContext>>;
  let agreementId: string;
  let facilityId: string;
  let run = 0;

  beforeAll(async () => {
    ctx = await testContext({ now: '2025-03-14T15:00:00Z' });
    ({ facilityId, agreementId } = await aReturnsAgreement(ctx));
  });

  afterAll(async () => {
    await ctx.handle.close();
  });

  /** The person's newest transfer in one of `statuses`, if any. */
  async function transferOf(personId: string, statuses: readonly TransferStatus[]) {
    const row = await ctx.handle.db
      .selectFrom('transfers')
      .select(['id', 'direction'])
      .where('person_id', '=', personId)
      .where('status', 'in', [...statuses])
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    return row;
  }

  /** One step, tried: a refusal by the rules is an answer, not a failure. */
  async function attempt(step: Step, people: string[], manifests: ManifestState[]): Promise<void> {
    const personId = people[step.person % people.length]!;
    const manifest = manifests.length > 0 ? manifests[step.manifest % manifests.length] : undefined;
    const now = ctx.clock.now().getTime();
    const schedule = (direction: 'outbound' | 'return') => ({
      direction,
      facilityId,
      carrier: 'GlobalX',
      flightNumber: `GXA ${6000 + manifests.length}`,
      origin: direction === 'outbound' ? 'AEX' : 'SAL',
      destination: direction === 'outbound' ? 'SAL' : 'AEX',
      scheduledDeparture: { instant: new Date(now + 24 * HOUR).toISOString(), zone: ZONE },
      scheduledArrival: { instant: new Date(now + 27 * HOUR).toISOString(), zone: ZONE },
    });
    try {
      switch (step.kind) {
        case 'nominate': {
          const { transferId } = await act(ctx, officer, { action: 'nominate', personId, agreementId });
          await act(ctx, legal, { action: 'screen', transferId });
          await act(ctx, legal, { action: 'approve', transferId });
          await act(ctx, receiving, { action: 'accept', transferId });
          return;
        }
        case 'outbound':
          manifests.push(await createManifest(ctx, officer, schedule('outbound')));
          return;
        case 'return':
          manifests.push(await createManifest(ctx, receiving, schedule('return')));
          return;
        case 'order_return': {
          const t = await transferOf(personId, ['received']);
          if (t?.direction === 'outbound') {
            await act(ctx, court, {
              action: 'order_return',
              transferId: t.id,
              courtOrder: { court: 'D.D.C.', case: `1:25-cv-${run}` },
            });
          }
          return;
        }
      }
      if (!manifest) return;
      const id = manifest.manifestId;
      const leaving = manifest.direction !== 'outbound';
      const by = leaving ? receiving : officer;
      const atEnd = leaving ? officer : receiving;
      switch (step.kind) {
        case 'add': {
          const t = await transferOf(personId, ['accepted', 'ordered']);
          if (t) await addToManifest(ctx, by, id, t.id);
          return;
        }
        case 'board': {
          const t = await transferOf(personId, ['scheduled']);
          if (t) await boardPerson(ctx, by, id, t.id);
          return;
        }
        case 'depart':
          await departManifest(ctx, by, id);
          return;
        case 'arrive':
          await arriveManifest(ctx, atEnd, id);
          return;
        case 'end': {
          const t = await transferOf(personId, ['in_transit']);
          if (!t) return;
          if (leaving) await handOverPerson(ctx, atEnd, id, t.id, { agency: 'US-ICE', officer: 'Officer A' });
          else await receivePerson(ctx, atEnd, id, t.id, { method: 'biometric', matched: true });
          return;
        }
        case 'close':
          await closeManifest(ctx, atEnd, id);
          return;
      }
    } catch (error) {
      if (!(error instanceof DomainError) || error.code === 'internal') throw error;
    }
  }

  /** The invariants, checked against the read tables after every step. */
  async function expectOnePlace(people: string[]): Promise<void> {
    const db = ctx.handle.db;
    for (const personId of people) {
      const moving = await db
        .selectFrom('manifest_entries')
        .innerJoin('manifests', 'manifests.id', 'manifest_entries.manifest_id')
        .select('manifest_entries.manifest_id')
        .where('manifest_entries.person_id', '=', personId)
        .where('manifests.status', '<>', 'closed')
        .where('manifest_entries.status', 'in', ['added', 'boarded'])
        .execute();
      expect(moving.length, 'on at most one movement').toBeLessThanOrEqual(1);
      const held = await db
        .selectFrom('custody_intervals')
        .select('facility_id')
        .where('person_id', '=', personId)
        .where('ended_at', 'is', null)
        .execute();
      expect(held.length, 'in custody in at most one facility').toBeLessThanOrEqual(1);
      const inTransit = await db
        .selectFrom('transfers')
        .select('id')
        .where('person_id', '=', personId)
        .where('status', '=', 'in_transit')
        .execute();
      expect(inTransit.length, 'in transit at most once').toBeLessThanOrEqual(1);
      expect(held.length > 0 && inTransit.length > 0, 'never both in transit and in custody').toBe(false);
    }
  }

  /** A custody interval a return closed ends at the departure of the return manifest that carried the person. */
  async function expectCustodyEndsAtDeparture(): Promise<void> {
    const ended = await ctx.handle.db
      .selectFrom('custody_intervals')
      .innerJoin('manifest_entries', 'manifest_entries.person_id', 'custody_intervals.person_id')
      .innerJoin('manifests', 'manifests.id', 'manifest_entries.manifest_id')
      .select(['custody_intervals.ended_at', 'custody_intervals.started_at', 'manifests.state'])
      .where('custody_intervals.release_reason', '=', 'court_ordered_return')
      .where('manifests.direction', '=', 'return')
      .where('manifests.status', '<>', 'open')
      .execute();
    for (const row of ended) {
      const manifest = row.state as ManifestState;
      if (!manifest.actualDeparture || row.started_at > new Date(manifest.actualDeparture.instant)) continue;
      expect(row.ended_at?.toISOString()).toBe(manifest.actualDeparture.instant);
      // The departure day is the first day not billed: custody days end the day before.
      const days = custodyDaysIn(
        [{ intakeMs: row.started_at.getTime(), releaseMs: row.ended_at!.getTime() }],
        ZONE,
        { first: 0, last: 100_000 },
      );
      const departureDay = localEpochDay(Date.parse(manifest.actualDeparture.instant), ZONE);
      if (days.length > 0) expect(days.at(-1)!.last).toBe(departureDay - 1);
    }
  }

  /** Every custody day is billed once: the months' bills add up to the intervals' days. */
  async function expectBilledOnce(people: string[]): Promise<void> {
    const intervals = await ctx.handle.db
      .selectFrom('custody_intervals')
      .select(['person_id', 'started_at', 'ended_at'])
      .where('person_id', 'in', people)
      .execute();
    // Every month from the first flight to now, each billed once for everyone.
    const months: string[] = [];
    const last = ctx.clock.now().toISOString().slice(0, 7);
    for (let m = '2025-03'; m <= last; m = nextMonth(m)) months.push(m);
    const bills = [];
    for (const month of months) bills.push(await computeBill(ctx.handle.db, agreementId, month));
    for (const personId of people) {
      const own = intervals
        .filter((i) => i.person_id === personId)
        .map((i) => ({ intakeMs: i.started_at.getTime(), releaseMs: i.ended_at?.getTime() ?? null }));
      const period = { first: monthRange(months[0]!).first, last: monthRange(months.at(-1)!).last };
      const expected = dayCount(custodyDaysIn(own, ZONE, period));
      const billed = bills.reduce(
        (n, bill) => n + (bill.lines.find((l) => l.personId === personId)?.days ?? 0),
        0,
      );
      expect(billed, 'every custody day billed once').toBe(expected);
    }
  }

  it('holds for random sequences of flights, returns and return flights', async () => {
    const step = fc.record({
      kind: fc.constantFrom(...STEPS),
      person: fc.nat(1),
      manifest: fc.nat(3),
      hours: fc.integer({ min: 1, max: 60 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 15, maxLength: 45 }), async (steps) => {
        run++;
        const people = Object.values(
          await eligiblePeople(ctx, agreementId, { [`P-${run}-A`]: {}, [`P-${run}-B`]: {} }),
        );
        const manifests: ManifestState[] = [];
        // Lead with a flight that carries both into custody and a return manifest, so the random steps
        // that follow have people to return and a way back.
        const outbound = [
          'nominate',
          'nominate',
          'outbound',
          'add',
          'add',
          'board',
          'board',
          'depart',
        ] as const;
        const intake = ['arrive', 'end', 'end', 'close', 'order_return', 'order_return', 'return'] as const;
        const lead: Step[] = [
          ...[...outbound, ...intake].map((kind, i) => ({ kind, person: i % 2, manifest: 0, hours: 1 })),
          ...(['add', 'add', 'board', 'board'] as const).map((kind, i) => ({
            kind,
            person: i % 2,
            manifest: 1,
            hours: 1,
          })),
        ];
        for (const s of [...lead, ...steps]) {
          ctx.clock.advance(s.hours * 60_000 * 10);
          await attempt(s, people, manifests);
          await expectOnePlace(people);
        }
        await expectCustodyEndsAtDeparture();
        await expectBilledOnce(people);
      }),
      { numRuns: 6 },
    );
    // The runs did return people: the property was tried on returns, not only on outbound flights.
    const returned = await ctx.handle.db
      .selectFrom('custody_intervals')
      .select('id')
      .where('release_reason', '=', 'court_ordered_return')
      .execute();
    expect(returned.length).toBeGreaterThan(0);
  }, 600_000);
});
