import { randomBytes } from 'node:crypto';
import { agreementInputSchema } from '../../src/agreements/model.js';
import { createAgreement } from '../../src/agreements/service.js';
import { createUser } from '../../src/auth/service.js';
import type { AppContext } from '../../src/context.js';
import type { FixedClock } from '../../src/core/clock.js';
import { DomainError } from '../../src/core/errors.js';
import { refreshStatistics } from '../../src/db/database.js';
import { facilityInputSchema } from '../../src/facilities/model.js';
import { registerAgency, registerFacility } from '../../src/facilities/service.js';
import type { Actor } from '../../src/ledger/events.js';
import type { ParsedRow } from '../../src/people/import-format.js';
import { personRecordSchema } from '../../src/people/model.js';
import { type ImportReport, importPeople } from '../../src/people/service.js';
import { act } from '../../src/transfers/service.js';
import { MAX_COHORT_SIZE } from './eligible-cohort.js';
import { type CohortResult, flyEligibleCohort } from './flights.js';
import { addCecotHearingRooms } from './hearings.js';
import { SCENARIO_LAW_OFFICE } from './legal-visits.js';
import { marchCohort } from './march-cohort.js';
import {
  DEMO_COURTS,
  registerScenarioFamily,
  registerScenarioParties,
  SCENARIO_FAMILY,
  SCENARIO_MONITORING_BODY,
} from './parties.js';
import { generateRoster } from './roster.js';

/**
 * The `cecot-2025` scenario: the February 2025 offer as docs/domain.md describes it. Every fact below comes from
 * docs/domain.md's "The shipped scenario"; nothing is added beyond the reports. It is loaded through the same
 * use cases (and so the same events) as real use.
 */

/** Population reported on 11 June 2024, the most recent exact figure; spread over the 256 cells. */
export const REPORTED_POPULATION = 14_532;
export const CECOT_MODULES = 8;
export const CELLS_PER_MODULE = 32;

const AGENCIES = [
  { code: 'US-BOP', name: 'Federal Bureau of Prisons', jurisdiction: 'US' },
  { code: 'US-ICE', name: 'U.S. Immigration and Customs Enforcement', jurisdiction: 'US' },
  { code: 'US-USMS', name: 'U.S. Marshals Service', jurisdiction: 'US' },
  { code: 'US-DOS', name: 'U.S. Department of State', jurisdiction: 'US' },
  { code: 'SV-DGCP', name: 'Dirección General de Centros Penales', jurisdiction: 'SV' },
];

/** CECOT: 8 modules × 32 cells of about 100 m² with 80 bunks; local occupants sum to the reported figure. */
export function cecotFacility() {
  const cells = CECOT_MODULES * CELLS_PER_MODULE;
  const base = Math.floor(REPORTED_POPULATION / cells);
  const extra = REPORTED_POPULATION - base * cells;
  let n = 0;
  return facilityInputSchema.parse({
    code: 'SV-CECOT',
    name: 'Centro de Confinamiento del Terrorismo (CECOT)',
    jurisdiction: 'SV',
    timeZone: 'America/El_Salvador',
    operationalCapacity: 40_000,
    location: 'Tecoluca, San Vicente, SV (about 74 km south-east of San Salvador)',
    address: 'Centro de Confinamiento del Terrorismo, Tecoluca, San Vicente, El Salvador',
    openedOn: '2023-01-31',
    staff: { custodialOfficers: 1000, soldiers: 600, police: 250, watchtowers: 19 },
    notes:
      'Reported: 23.5 h a day in the cell; 30 min in the corridor; lights on 24 h; no family visits; hearings only by video; ' +
      'no mattresses on the metal bunks (4 tiers); 2 toilets and 2 sinks per cell; water from barrels. Isolation cells: dark, up to 15 days. ' +
      `Local population set to ${REPORTED_POPULATION}, the figure reported on 11 June 2024.`,
    modules: Array.from({ length: CECOT_MODULES }, (_, m) => ({
      code: `M${m + 1}`,
      name: `Módulo ${m + 1}`,
      cells: Array.from({ length: CELLS_PER_MODULE }, (_, c) => {
        const localOccupants = base + (n++ < extra ? 1 : 0);
        return {
          code: `M${m + 1}-C${String(c + 1).padStart(2, '0')}`,
          areaM2: 100,
          bunks: 80,
          workingCapacity: 80,
          localOccupants,
          // CECOT holds men: the reports describe only male prisoners.
          localSex: 'M' as const,
        };
      }),
    })),
  });
}

/** The second facility, to prove nothing is CECOT-specific. Its cell structure is not published. */
export function guantanamoFacility() {
  return facilityInputSchema.parse({
    code: 'US-GTMO-MOC',
    name: 'Guantánamo Migrant Operations Center',
    jurisdiction: 'US',
    timeZone: 'America/Havana',
    operationalCapacity: 30_000,
    location: 'U.S. Naval Station Guantánamo Bay',
    address: 'Migrant Operations Center, U.S. Naval Station Guantánamo Bay, Guantánamo Bay, Cuba',
    notes:
      '30,000 planned places for deportee holding. No cell structure has been published, so none is recorded.',
  });
}

/** The agreement: US → SV, in force from 2025-03-14, 300 beds, $20,000 per person-year billed monthly. */
export function cecotAgreement(facilityId: string) {
  return agreementInputSchema.parse({
    code: 'cecot-2025',
    title: 'United States – El Salvador custody arrangement (CECOT), 2025',
    sendingJurisdiction: 'US',
    receivingJurisdiction: 'SV',
    status: 'in_force',
    effectiveFrom: '2025-03-14',
    bedAllotment: 300,
    facilityIds: [facilityId],
    sendingAgencies: ['US-ICE', 'US-BOP'],
    receivingAgencies: ['SV-DGCP'],
    settings: {
      separateFromLocal: false,
      // docs/domain.md's cost anchors for the billing reports.
      costAnchors: {
        receivingSystemYearCents: 20_000_000_000,
        domestic: [
          {
            id: 'BOP',
            label: 'US Federal Bureau of Prisons, cost of incarceration FY2023',
            dailyCents: 12_080,
          },
          { id: 'ICE', label: 'ICE detention bed FY2023', dailyCents: 18_748 },
        ],
      },
    },
    standards: ['UN Nelson Mandela Rules', 'CPT standards (2015)'],
    reports: [
      {
        id: 'use-of-funds',
        title: 'Yearly use-of-funds report',
        due: 'within 6 months of each calendar year end',
      },
    ],
    eligibilityPolicy: {
      policyId: 'cecot-2025/v1',
      effectiveFrom: '2025-03-14',
      rules: [
        'convicted',
        'dangerous-offense',
        'remaining-sentence',
        'not-citizen',
        'lawful-pathway',
        'no-protection',
        'notice-period',
        'no-active-hold',
        'identity-verified',
      ].map((id) => ({
        id,
        params:
          id === 'remaining-sentence' ? { minDays: 180 } : id === 'notice-period' ? { minDays: 21 } : {},
      })),
    },
    feeSchedule: {
      kind: 'per_person_year',
      amountCents: 2_000_000,
      currency: 'USD',
      billingPeriod: 'month',
      effectiveFrom: '2025-03-14',
      clause: 'About $6M for about 300 people for one year: $20,000 per person-year, billed monthly.',
    },
  });
}

/**
 * One demo user per role, with the parties each acts for (docs/domain.md, Parties, users and access):
 * counsel for the law office of the legal visits, the court for the District of Columbia (as the story's
 * orders and the roster's holds spell it), the monitor for the monitoring body, the family contact for one
 * transferee. The family contact's party exists only once its person is imported, so that user comes last.
 */
export const DEMO_USERS: readonly (readonly [name: string, role: string, parties: readonly string[]])[] = [
  ['admin', 'admin', []],
  ['sending.officer', 'sending_officer', []],
  ['sending.legal', 'sending_legal', []],
  ['receiving.officer', 'receiving_officer', []],
  ['receiving.custody', 'receiving_custody', []],
  ['finance', 'finance', []],
  ['court', 'court', DEMO_COURTS],
  ['counsel', 'counsel', [SCENARIO_LAW_OFFICE.code]],
  ['monitor', 'monitor', [SCENARIO_MONITORING_BODY.code]],
  ['family', 'family', [SCENARIO_FAMILY.code]],
];

/** What loading did: the demo users' one-time passwords, the roster import report, the March cohort. */
export interface ScenarioResult {
  agreementId: string;
  facilityId: string;
  users: { name: string; role: string; password: string }[];
  roster: ImportReport;
  marchCohort: { nominated: number; outcomes: Record<string, number>; cancelledAsIneligible: number };
  eligibleCohort: CohortResult;
}

/** When the story starts: the agreement is drafted and the roster arrives (2025-02-20). */
export const STORY_START = '2025-02-20T15:00:00.000Z';
/** When the March cohort is nominated and screened (2025-03-15, the day the first planes left). */
const MARCH_SCREENING = '2025-03-15T14:00:00.000Z';

/** A demo user acting in the scenario, so every step is recorded with the role docs/domain.md gives it. */
function demoActor(name: string, role: string): Actor {
  return { id: `user:${name}`, role, userId: null };
}

/**
 * The March 2025 cohort goes through the real workflow on 2025-03-15: imported, nominated by the sending
 * officer, screened by sending legal under cecot-2025/v1, and every ineligible transfer cancelled with
 * reason \`ineligible\`, so none of them can board.
 */
async function loadMarchCohort(ctx: AppContext, actor: Actor, agreementId: string) {
  const officer = demoActor('sending.officer', 'sending_officer');
  const legal = demoActor('sending.legal', 'sending_legal');
  const cohort = marchCohort();
  async function* rows(): AsyncGenerator<ParsedRow> {
    let line = 0;
    for (const input of cohort) yield { line: ++line, ok: true, record: personRecordSchema.parse(input) };
  }
  await importPeople(ctx, actor, agreementId, rows());
  const ids = await ctx.handle.db
    .selectFrom('people')
    .select(['id', 'ref'])
    .where('agreement_id', '=', agreementId)
    .where(
      'ref',
      'in',
      cohort.map((p) => p.ref),
    )
    .orderBy('ref')
    .execute();
  const outcomes: Record<string, number> = {};
  let cancelled = 0;
  const asOf = '2025-03-15';
  for (const { id } of ids) {
    const nominated = await act(ctx, officer, { action: 'nominate', personId: id, agreementId, asOf });
    const screened = await act(ctx, legal, { action: 'screen', transferId: nominated.transferId, asOf });
    const outcome = screened.lastScreening?.outcome ?? 'unknown';
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    if (outcome === 'ineligible') {
      await act(ctx, legal, {
        action: 'cancel',
        transferId: nominated.transferId,
        reasonCode: 'ineligible',
        asOf,
      });
      cancelled++;
    }
  }
  return { nominated: ids.length, outcomes, cancelledAsIneligible: cancelled };
}

async function* rosterRows(count: number, seed: number): AsyncGenerator<ParsedRow> {
  let line = 0;
  for (const input of generateRoster({ count, seed })) {
    line++;
    const parsed = personRecordSchema.safeParse(input);
    yield parsed.success
      ? { line, ok: true, record: parsed.data }
      : {
          line,
          ok: false,
          issues: parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message, line })),
        };
  }
}

/** Loads the scenario into an empty installation. */
export async function loadCecot2025(
  base: AppContext,
  actor: Actor,
  options: {
    roster: number;
    seed: number;
    /** People in the eligible cohort flown over 2025 (within the allotment of 300). */
    cohort: number;
    /** Months of the reported regime log to record from April 2025 (0–9; default all nine). */
    regimeMonths?: number;
    /** Months invoiced and issued from April 2025 (0–8; default all eight, April to November). */
    billingMonths?: number;
    /** The story's clock: it is set to each step's instant, from 2025-02-20 to 2025-12-15. */
    clock: FixedClock;
    onProgress?: (done: number) => void;
    onCohortStep?: (done: number, total: number) => void;
  },
): Promise<ScenarioResult> {
  const { clock } = options;
  if (options.cohort < 0 || options.cohort > MAX_COHORT_SIZE) {
    throw new DomainError('invalid_input', 'scenario.cohort_range', { cohort: options.cohort });
  }
  clock.set(STORY_START);
  const ctx: AppContext = { ...base, clock };
  for (const agency of AGENCIES) await registerAgency(ctx, actor, agency);
  const cecot = await registerFacility(ctx, actor, cecotFacility());
  await registerFacility(ctx, actor, guantanamoFacility());
  await addCecotHearingRooms(ctx, actor, cecot.id);
  const agreement = await createAgreement(ctx, actor, cecotAgreement(cecot.id));
  await registerScenarioParties(ctx, actor);
  const users: ScenarioResult['users'] = [];
  const addUser = async ([name, role, parties]: (typeof DEMO_USERS)[number]) => {
    const password = randomBytes(12).toString('base64url');
    await createUser(ctx, actor, { name, role, password, parties });
    users.push({ name, role, password });
  };
  for (const user of DEMO_USERS) if (user[1] !== 'family') await addUser(user);
  const roster = await importPeople(ctx, actor, agreement.id, rosterRows(options.roster, options.seed), {
    onRow: (r) => options.onProgress?.(r.rows),
  });
  clock.set(MARCH_SCREENING);
  const march = await loadMarchCohort(ctx, actor, agreement.id);
  const eligible = await flyEligibleCohort(
    ctx,
    clock,
    actor,
    { agreementId: agreement.id, facilityId: cecot.id },
    options.cohort,
    options.onCohortStep,
    options.regimeMonths,
    options.billingMonths,
  );
  // The family contact, verified for a man of the first flight once he is in the record, and its user.
  const relative = await ctx.handle.db
    .selectFrom('people')
    .select('id')
    .where('agreement_id', '=', agreement.id)
    .where('ref', '=', SCENARIO_FAMILY.ref)
    .executeTakeFirst();
  if (await registerScenarioFamily(ctx, actor, relative?.id)) {
    for (const user of DEMO_USERS) if (user[1] === 'family') await addUser(user);
  }
  // The story wrote every read table; fresh statistics let the planner use their indexes at once.
  await refreshStatistics(ctx.handle.db);
  return {
    agreementId: agreement.id,
    facilityId: cecot.id,
    users,
    roster,
    marchCohort: march,
    eligibleCohort: eligible,
  };
}
