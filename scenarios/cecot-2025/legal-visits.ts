import type { AppContext } from '../../src/context.js';
import type { Actor } from '../../src/ledger/events.js';
import { recordRepresentation } from '../../src/parties/service.js';
import { findParty } from '../../src/parties/store.js';
import { recordVisitOutcome, refuseVisit, requestVisit, scheduleVisit } from '../../src/visits/service.js';

/**
 * Legal visits at CECOT in April 2025 (docs/domain.md, Legal visits): a law office represents six men of
 * the first flight (received 10 April) and asks to see them. Lawyers reported that they could not reach
 * their clients; here two visits are held within Rule 61's 7 days, two are refused, one is scheduled and
 * not held, and one is never answered, so the compliance report for April judges `legal-access` with
 * findings. Synthetic: the office and its requests are the scenario's, not a real firm's.
 */

/** The scenario's law office: a party of kind `law_office`, registered with the others when the story starts (parties.ts). */
export const SCENARIO_LAW_OFFICE = {
  code: 'Defensa Migrante',
  name: 'Defensa Migrante, asociación de abogados',
} as const;

/** Where legal visits are held at CECOT: room 5, shared with hearings all day (hearings.ts). */
const ROOM = 'SALA-5';

type Plan =
  | { ref: string; kind: 'in_person' | 'video' | 'phone'; requestedAt: string; held: string }
  | {
      ref: string;
      kind: 'in_person' | 'video' | 'phone';
      requestedAt: string;
      refused: string;
      code: 'security' | 'no_room';
      reason: string;
    }
  | {
      ref: string;
      kind: 'in_person' | 'video' | 'phone';
      requestedAt: string;
      notHeld: string;
      reason: string;
    }
  | { ref: string; kind: 'in_person' | 'video' | 'phone'; requestedAt: string };

/** The requests, at 09:00–10:00 in San Salvador (UTC−6), and what became of each. */
export const LEGAL_VISIT_REQUESTS: readonly Plan[] = [
  {
    ref: 'ICE-2025-E00003',
    kind: 'in_person',
    requestedAt: '2025-04-14T15:00:00.000Z',
    held: '2025-04-17T15:00:00.000Z',
  },
  {
    ref: 'ICE-2025-E00004',
    kind: 'video',
    requestedAt: '2025-04-14T15:30:00.000Z',
    held: '2025-04-18T15:00:00.000Z',
  },
  {
    ref: 'ICE-2025-E00005',
    kind: 'phone',
    requestedAt: '2025-04-15T15:00:00.000Z',
    refused: '2025-04-16T15:00:00.000Z',
    code: 'security',
    reason: 'No legal calls from the maximum-security modules during the lockdown.',
  },
  {
    ref: 'ICE-2025-E00006',
    kind: 'in_person',
    requestedAt: '2025-04-16T15:00:00.000Z',
    refused: '2025-04-17T15:00:00.000Z',
    code: 'no_room',
    reason: 'The rooms are reserved for video-link hearings this week.',
  },
  {
    ref: 'ICE-2025-E00007',
    kind: 'video',
    requestedAt: '2025-04-22T15:00:00.000Z',
    notHeld: '2025-04-25T15:00:00.000Z',
    reason: 'The client was not brought from his module.',
  },
  // Never answered: still requested when the 7 days run out on 29 April.
  { ref: 'ICE-2025-E00008', kind: 'video', requestedAt: '2025-04-22T15:30:00.000Z' },
];

/** When sending legal records the office's representation of its clients (the day after the flight). */
const REPRESENTED_AT = '2025-04-11T15:00:00.000Z';

const hour = (instant: string, h: number) => new Date(Date.parse(instant) + h * 3_600_000).toISOString();

/**
 * The steps of the legal visits, for the cohort's timeline: the office's representations, then each
 * request and what receiving custody did. A man not in custody then (a smaller cohort) is left out.
 */
export function legalVisitSteps(
  ctx: AppContext,
  actors: { legal: Actor; custody: Actor },
  personIdOf: (ref: string) => Promise<string | undefined>,
): { at: string; order: number; run: () => Promise<void> }[] {
  let counsel: Actor | null = null;
  const clients = new Map<string, string>();
  const visits = new Map<string, string>();
  const steps = [
    {
      at: REPRESENTED_AT,
      order: 5_000_000,
      run: async () => {
        const office = await findParty(ctx.handle.db, SCENARIO_LAW_OFFICE.code);
        if (!office)
          throw new Error(`the scenario's law office ${SCENARIO_LAW_OFFICE.code} is not registered`);
        counsel = {
          id: 'user:counsel',
          role: 'counsel',
          userId: null,
          parties: { partyIds: [office.id], courts: [], people: [] },
        };
        for (const plan of LEGAL_VISIT_REQUESTS) {
          const personId = await personIdOf(plan.ref);
          const inCustody = personId
            ? await ctx.handle.db
                .selectFrom('custody_intervals')
                .select('id')
                .where('person_id', '=', personId)
                .where('ended_at', 'is', null)
                .executeTakeFirst()
            : undefined;
          if (!personId || !inCustody) continue;
          await recordRepresentation(ctx, actors.legal, {
            person: { personId },
            office: office.code,
            from: REPRESENTED_AT.slice(0, 10),
            source: 'recorded',
          });
          clients.set(plan.ref, personId);
        }
      },
    },
  ];
  for (const [i, plan] of LEGAL_VISIT_REQUESTS.entries()) {
    const order = 5_000_001 + i;
    steps.push({
      at: plan.requestedAt,
      order,
      run: async () => {
        const personId = clients.get(plan.ref);
        if (!personId || !counsel) return;
        const v = await requestVisit(ctx, counsel, personId, {
          kind: plan.kind,
          windowFrom: hour(plan.requestedAt, 24),
          windowTo: hour(plan.requestedAt, 24 * 5),
        });
        visits.set(plan.ref, v.id);
      },
    });
    const slotAt = 'held' in plan ? plan.held : 'notHeld' in plan ? plan.notHeld : null;
    if (slotAt) {
      steps.push({
        at: hour(plan.requestedAt, 24),
        order,
        run: async () => {
          const id = visits.get(plan.ref);
          if (id)
            await scheduleVisit(ctx, actors.custody, id, {
              room: ROOM,
              startsAt: slotAt,
              endsAt: hour(slotAt, 1),
            });
        },
      });
      steps.push({
        at: hour(slotAt, 2),
        order,
        run: async () => {
          const id = visits.get(plan.ref);
          if (!id) return;
          await recordVisitOutcome(
            ctx,
            actors.custody,
            id,
            'notHeld' in plan
              ? { outcome: 'not_held', reasonCode: 'security', reason: plan.reason }
              : { outcome: 'held' },
          );
        },
      });
    }
    if ('refused' in plan) {
      steps.push({
        at: plan.refused,
        order,
        run: async () => {
          const id = visits.get(plan.ref);
          if (id) await refuseVisit(ctx, actors.custody, id, { reasonCode: plan.code, reason: plan.reason });
        },
      });
    }
  }
  return steps;
}
