import type { PersonRecordInput } from '../../src/people/model.js';
import {
  CENTRAL_AMERICAN_SURNAMES,
  COMMON_SURNAMES,
  MALE_GIVEN_NAMES,
  VENEZUELAN_MALE_GIVEN_NAMES,
} from './names.js';
import { courtCase, FEDERAL_OFFENSES } from './offenses.js';
import { addDays, createRandom, type Random } from './random.js';
import { releasedOn, SCENARIO_RELEASES } from './releases.js';

/**
 * The eligible cohort: people whom policy cecot-2025/v1 lets the United States send, flown to CECOT on
 * monthly manifests from April to December 2025 so later features have people in custody. Everyone is
 * a Salvadoran national with a final removal order to El Salvador, a final conviction in a dangerous
 * category with years left to serve, written notice served on them and counsel a month before their
 * flight, and a biometric identity verification. Synthetic people: names come from the generator's pools.
 * The April flight also carries the foreign nationals below (Venezuelans), as CECOT received other
 * nationals than its own in 2025: the consular-notification duty falls on their intake.
 */

/** One monthly flight: its date and what it carries. */
export interface CohortFlight {
  /** Departure date (America/Chicago) and the local departure time. */
  date: string;
  carrier: string;
  flightNumber: string;
  origin: string;
  people: PersonRecordInput[];
}

/** The flight dates, a Thursday a month from April to December 2025. */
export const FLIGHT_DATES = [
  '2025-04-10',
  '2025-05-08',
  '2025-06-12',
  '2025-07-10',
  '2025-08-14',
  '2025-09-11',
  '2025-10-09',
  '2025-11-13',
  '2025-12-11',
] as const;

/** The default cohort: within the bed allotment of 300, with room left for new nominations. */
export const DEFAULT_COHORT_SIZE = 243;

/**
 * Venezuelans on the April 2025 flight, beyond the cohort's size: foreign nationals in El Salvador, so their
 * intake creates the consular-notification duty (VCCR Art. 36; consular.ts records what became of it).
 */
export const FOREIGN_NATIONALS = 12;

/** The largest cohort the bed allotment of 300 leaves room for beside the foreign nationals. */
export const MAX_COHORT_SIZE = 300 - FOREIGN_NATIONALS;

/** People left nominated at the end of 2025, waiting for sending legal to screen them (demo material). */
export const AWAITING_SCREENING = 5;

const DANGEROUS = ['violent', 'trafficking', 'organized_crime', 'weapons'] as const;

/** One eligible Salvadoran flown on `flightDate`, drawn from `random` (foreign-nationals.ts reshapes it). */
export function eligiblePerson(random: Random, ref: string, flightDate: string): PersonRecordInput {
  const category = random.pick(DANGEROUS);
  const offense = random.pick(FEDERAL_OFFENSES[category].filter((o) => o.months[0] >= 24));
  const judgment = random.dateBetween('2016-01-01', '2023-12-31');
  const year = Number(judgment.slice(0, 4));
  // Years left at the flight: the term runs at least three years past it (the agreement asks 180 days).
  const life = offense.life !== undefined && random.chance(offense.life);
  const months = Math.max(offense.months[0], random.int(offense.months[0], offense.months[1]));
  const served = Math.round((Date.parse(flightDate) - Date.parse(judgment)) / 86_400_000);
  const days = Math.max(Math.round(months * 30.4), served + 1095 + random.int(0, 3650));
  const { court, caseNumber } = courtCase(random, offense, year);
  return {
    ref,
    names: {
      given: random.pick(MALE_GIVEN_NAMES),
      paternal: random.pick(CENTRAL_AMERICAN_SURNAMES),
      maternal: random.pick([...CENTRAL_AMERICAN_SURNAMES, ...COMMON_SURNAMES]),
    },
    birthDate: random.dateBetween('1970-01-01', '1998-12-31'),
    birthCountry: 'SV',
    sex: 'M',
    nationalities: ['SV'],
    legalStatus: 'no_status',
    identifiers: [
      { type: 'a_number', value: `A${random.int(200_000_000, 299_999_999)}` },
      { type: 'bop_register', value: `${random.int(10_000, 99_999)}-${random.int(100, 999)}` },
    ],
    identityVerification: { method: 'biometric', date: addDays(flightDate, -40) },
    convictions: [
      {
        id: 'c1',
        court,
        caseNumber,
        offense: offense.offense,
        statute: offense.statute,
        category,
        judgmentDate: judgment,
        final: true,
        sentence: life
          ? { life: true, start: judgment }
          : { days, start: judgment, creditDays: random.int(0, 120), consecutiveTo: null },
      },
    ],
    pendingCharges: [],
    removalOrder: { final: true, date: addDays(judgment, random.int(60, 400)), destination: 'SV' },
    protections: [],
    consent: null,
    dualCriminality: true,
    affiliations: random.chance(0.5)
      ? [
          {
            organization: random.pick(['MS-13', 'Barrio 18 Sureños', 'Barrio 18 Revolucionarios']),
            basis: random.pick(['court_finding', 'self_admission', 'intelligence'] as const),
            source: 'Presentence report',
            date: judgment,
          },
        ]
      : [],
    holds: [],
    notice: { servedOn: addDays(flightDate, -30), counselNotified: true },
  };
}

/**
 * The Venezuelans of the April flight, drawn from their own seed so that the Salvadoran cohort's random
 * stream (and every figure derived from it) is the same with or without them. Each is an eligible person
 * reshaped: Venezuelan names, born in Venezuela, a Venezuelan national, removal ordered to Venezuela.
 */
export function foreignNationals(flightDate: string = FLIGHT_DATES[0], seed = 317): PersonRecordInput[] {
  const random = createRandom(seed);
  return Array.from({ length: FOREIGN_NATIONALS }, (_, i) => {
    const person = eligiblePerson(random, `ICE-2025-V${String(i + 1).padStart(5, '0')}`, flightDate);
    return {
      ...person,
      names: {
        given: random.pick(VENEZUELAN_MALE_GIVEN_NAMES),
        paternal: random.pick(COMMON_SURNAMES),
        maternal: random.pick(COMMON_SURNAMES),
      },
      birthCountry: 'VE',
      nationalities: ['VE'],
      removalOrder: person.removalOrder && { ...person.removalOrder, destination: 'VE' },
      affiliations: (person.affiliations ?? []).map((a) => ({ ...a, organization: 'Tren de Aragua' })),
    };
  });
}

/**
 * The flights of the eligible cohort of `size` people, deterministic for a seed; the April flight also
 * carries the foreign nationals, after the cohort's own people (when the cohort has an April flight).
 */
export function eligibleCohort(size = DEFAULT_COHORT_SIZE, seed = 410): CohortFlight[] {
  const random = createRandom(seed);
  const perFlight = Math.ceil(size / FLIGHT_DATES.length);
  let n = 0;
  return FLIGHT_DATES.map((date, f) => {
    const people: PersonRecordInput[] = [];
    for (let i = 0; i < perFlight && n < size; i++) {
      n++;
      const person = eligiblePerson(random, `ICE-2025-E${String(n).padStart(5, '0')}`, date);
      // Drawn first, then cut, so the random stream (and everyone else) is the same as without it.
      const release = SCENARIO_RELEASES.find((r) => r.flight === f && r.position === i)?.release;
      people.push(release ? releasedOn(person, release) : person);
    }
    if (f === 0 && people.length > 0) people.push(...foreignNationals(date));
    return {
      date,
      carrier: f % 2 === 0 ? 'GlobalX' : 'Eastern Air Express',
      flightNumber: f % 2 === 0 ? `GXA ${6100 + f}` : `EAX ${3100 + f}`,
      origin: f % 3 === 2 ? 'HRL' : 'AEX',
      people,
    };
  }).filter((flight) => flight.people.length > 0);
}

/** People nominated in December 2025 and not yet screened, eligible from January 2026. */
export function awaitingScreening(seed = 1215): PersonRecordInput[] {
  const random = createRandom(seed);
  return Array.from({ length: AWAITING_SCREENING }, (_, i) =>
    eligiblePerson(random, `ICE-2025-R${String(i + 1).padStart(5, '0')}`, '2026-01-15'),
  );
}
