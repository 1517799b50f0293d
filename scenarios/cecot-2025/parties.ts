import type { AppContext } from '../../src/context.js';
import type { Actor } from '../../src/ledger/events.js';
import { endRepresentation, recordRepresentation, registerParty } from '../../src/parties/service.js';
import { SCENARIO_LAW_OFFICE } from './legal-visits.js';
import { RETURN_STORY } from './return.js';
import { HOLD_COURTS, STAY_COURTS } from './roster.js';

/**
 * The scenario's parties (docs/domain.md, Parties, users and access): the law office of the legal visits,
 * a monitoring body, every court a hold of the story names, and a family contact verified for one
 * transferee. Synthetic: the office, the monitoring body and the family are the scenario's, not real ones.
 */

/** The monitoring body the demo monitor acts for. */
export const SCENARIO_MONITORING_BODY = {
  code: 'Observatorio de Custodia',
  name: 'Observatorio de Custodia (independent monitoring body of the arrangement)',
} as const;

/** The court of the story's habeas petitions, as its holds and its return order name it (flights.ts, return.ts). */
export const STORY_COURT = RETURN_STORY.court;

/** The full names of the courts the roster's holds name by their short codes. */
const COURT_NAMES: Readonly<Record<string, string>> = {
  'D.D.C.': 'U.S. District Court for the District of Columbia',
  'S.D. Tex.': 'U.S. District Court for the Southern District of Texas',
  'W.D. Tex.': 'U.S. District Court for the Western District of Texas',
  'N.D. Tex.': 'U.S. District Court for the Northern District of Texas',
  'D. Md.': 'U.S. District Court for the District of Maryland',
  'S.D.N.Y.': 'U.S. District Court for the Southern District of New York',
  'D. Colo.': 'U.S. District Court for the District of Colorado',
  'C.D. Cal.': 'U.S. District Court for the Central District of California',
  'D. Mass.': 'U.S. District Court for the District of Massachusetts',
  '5th Cir.': 'U.S. Court of Appeals for the Fifth Circuit',
  '9th Cir.': 'U.S. Court of Appeals for the Ninth Circuit',
  '4th Cir.': 'U.S. Court of Appeals for the Fourth Circuit',
  '11th Cir.': 'U.S. Court of Appeals for the Eleventh Circuit',
};

/** The clock of each court of the roster's holds (a court of appeals: the city where it sits). */
const COURT_ZONES: Readonly<Record<string, string>> = {
  'D.D.C.': 'America/New_York',
  'S.D. Tex.': 'America/Chicago',
  'W.D. Tex.': 'America/Chicago',
  'N.D. Tex.': 'America/Chicago',
  'D. Md.': 'America/New_York',
  'S.D.N.Y.': 'America/New_York',
  'D. Colo.': 'America/Denver',
  'C.D. Cal.': 'America/Los_Angeles',
  'D. Mass.': 'America/New_York',
  '5th Cir.': 'America/Chicago',
  '9th Cir.': 'America/Los_Angeles',
  '4th Cir.': 'America/New_York',
  '11th Cir.': 'America/New_York',
};

/** Each scenario court's time zone, so that a hearing any of them books is shown on its own clock. */
export function courtZoneOf(code: string): string {
  return code === STORY_COURT ? 'America/New_York' : (COURT_ZONES[code] ?? 'America/New_York');
}

/**
 * Every court a hold or order of the scenario names, as a party whose code is the court as the holds carry
 * it: the story's own court, then the district courts and courts of appeals of the roster's holds.
 */
export const SCENARIO_COURTS: readonly { code: string; name: string }[] = [
  { code: STORY_COURT, name: 'U.S. District Court for the District of Columbia' },
  ...[...HOLD_COURTS, ...STAY_COURTS].map(([code]) => ({ code, name: COURT_NAMES[code] ?? code })),
];

/**
 * The demo court's courts: the District of Columbia, spelled as the story's habeas orders spell it and as the
 * roster's holds abbreviate it, so the demo court user sees every D.D.C. case.
 */
export const DEMO_COURTS = [STORY_COURT, 'D.D.C.'] as const;

/**
 * The family contact: a relative verified for one man of the first flight, who is also one of the law
 * office's clients. Registered once he is in the record (he is imported with his flight).
 */
export const SCENARIO_FAMILY = {
  ref: 'ICE-2025-E00003',
  code: 'Familia de ICE-2025-E00003',
  name: 'Family contact of ICE-2025-E00003 (verified by sending legal)',
} as const;

/**
 * A representation that ended: the office represented one more man of the first flight from the day after
 * it landed, and the client changed lawyers at the end of July.
 */
export const ENDED_REPRESENTATION = {
  ref: 'ICE-2025-E00009',
  from: '2025-04-11',
  recordedAt: '2025-04-11T15:30:00.000Z',
  to: '2025-07-31',
  endedAt: '2025-08-01T15:00:00.000Z',
} as const;

/**
 * Registers the parties known when the story starts: the law office, the monitoring body and the courts.
 * Their users are created right after (scenario.ts, DEMO_USERS).
 */
export async function registerScenarioParties(ctx: AppContext, operator: Actor): Promise<void> {
  await registerParty(ctx, operator, { kind: 'law_office', ...SCENARIO_LAW_OFFICE });
  await registerParty(ctx, operator, { kind: 'monitoring_body', ...SCENARIO_MONITORING_BODY });
  for (const court of SCENARIO_COURTS) await registerParty(ctx, operator, { kind: 'court', ...court });
}

/**
 * Registers the family contact once their person is in the record; false when a smaller cohort never
 * imported him (the family demo user is then not created).
 */
export async function registerScenarioFamily(
  ctx: AppContext,
  operator: Actor,
  personId: string | undefined,
): Promise<boolean> {
  if (!personId) return false;
  await registerParty(ctx, operator, {
    kind: 'family_contact',
    code: SCENARIO_FAMILY.code,
    name: SCENARIO_FAMILY.name,
    person: { personId },
  });
  return true;
}

/**
 * The ended representation's steps for the cohort's timeline: sending legal records it the day after the
 * first flight, and ends it on 31 July. Left out when the man is not in custody then (a smaller cohort).
 */
export function endedRepresentationSteps(
  ctx: AppContext,
  legal: Actor,
  personIdOf: (ref: string) => Promise<string | undefined>,
): { at: string; order: number; run: () => Promise<void> }[] {
  let representationId: string | null = null;
  const plan = ENDED_REPRESENTATION;
  return [
    {
      at: plan.recordedAt,
      order: 5_100_000,
      run: async () => {
        const personId = await personIdOf(plan.ref);
        if (!personId) return;
        const inCustody = await ctx.handle.db
          .selectFrom('custody_intervals')
          .select('id')
          .where('person_id', '=', personId)
          .where('ended_at', 'is', null)
          .executeTakeFirst();
        if (!inCustody) return;
        const rep = await recordRepresentation(ctx, legal, {
          person: { personId },
          office: SCENARIO_LAW_OFFICE.code,
          from: plan.from,
          source: 'recorded',
        });
        representationId = rep.id;
      },
    },
    {
      at: plan.endedAt,
      order: 5_100_000,
      run: async () => {
        if (representationId) await endRepresentation(ctx, legal, representationId, plan.to);
      },
    },
  ];
}
