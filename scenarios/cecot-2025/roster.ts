import { isIsoDate, Temporal } from '../../src/core/dates.js';
import type { LegalStatus, PersonRecordInput } from '../../src/people/model.js';
import {
  ANDEAN_SURNAMES,
  CENTRAL_AMERICAN_SURNAMES,
  COMMON_SURNAMES,
  FEMALE_GIVEN_NAMES,
  HYPOCORISMS,
  LEADING_GIVEN_NAMES,
  MALE_GIVEN_NAMES,
  MEXICAN_SURNAMES,
  NICKNAMES,
  SECOND_GIVEN_NAMES,
  VENEZUELAN_FEMALE_GIVEN_NAMES,
  VENEZUELAN_MALE_GIVEN_NAMES,
} from './names.js';
import {
  type Category,
  civilCaseNumber,
  courtCase,
  FEDERAL_OFFENSES,
  type Offense,
  STACKED_JUDGMENTS,
  STATE_OFFENSES,
} from './offenses.js';
import { createRandom, dayToIso, isoToDay, type Random, type Weighted } from './random.js';

/*
 * Synthetic roster for the cecot-2025 scenario. Every person is invented; the distributions below are
 * chosen so that each eligibility rule of policy cecot-2025/v1 has people to pass, fail and pend, and so
 * that the mix resembles what was reported about the March 2025 transfers. Weights are relative.
 *
 * - Sending agency: ICE 75, BOP 25. The flights carried ICE detainees; BOP holds sentenced federal
 *   prisoners, who are the only people the offer ("only convicted criminals") plainly covers.
 * - Sex: M 95, F 5. The ICE and BOP populations are about 90% and 93% male, and the March 2025
 *   flights carried only men.
 * - Age at asOf 18–65: 18–24 18, 25–34 37, 35–44 28, 45–54 13, 55–65 4 (detained adults skew young).
 * - Nationality: VE 28, HN 14, GT 14, MX 14, SV 12, CO 5, NI 4, EC 4, DO 2, CU 1, PE 1. Venezuelans
 *   were most of the March 2025 cohort; the rest is ICE's removal mix. 2% are dual nationals.
 * - Legal status: citizen 0.6% (the offer named US citizens, and ICE does detain citizens in error:
 *   the `not-citizen` rule must catch them); otherwise no_status 60, asylum_seeker 15,
 *   lawful_permanent_resident 9, temporary_protected_status 7 (only VE, SV, HN, NI had TPS),
 *   visa_holder 4, refugee 3.
 * - Convictions: ICE detainees have none 56% of the time (most of the March 2025 cohort had no US
 *   conviction); BOP prisoners always have a running federal sentence. Overall about 42% have none.
 *   ICE convictions (1: 62, 2: 24, 3: 9, 4: 5 of them): immigration 30, other 16, drug_possession 14,
 *   property 12, violent 9, trafficking 7, weapons 5, sexual 3, organized_crime 2, within the last 25
 *   years; 85% are placed so the term ended before asOf (people reach ICE after serving), and life
 *   terms are a tenth as common as at sentencing (only paroled lifers reach ICE). BOP prisoners have
 *   0–3 such priors and one current federal case whose term runs past asOf: trafficking 40,
 *   immigration 22, weapons 12, violent 8, organized_crime 7, sexual 5, property 4, other 1.5,
 *   drug_possession 0.5, terrorism 0.2 (the non-citizen BOP population is mostly drug trafficking and
 *   illegal reentry).
 *   Judgments within 18 months of asOf are non-final 30% of the time (appeal), older ones 3%
 *   (collateral review). Custodial terms skew to the low end of each statute's usual range, with
 *   pre-trial credit for 60%. 924(c) and 1028A counts run consecutively as the statutes require;
 *   2.5% of BOP prisoners have a stacked judgment of 3–10 consecutive counts totalling 35–300 years.
 * - Pending charges: 14% of ICE detainees without a conviction, 6% of everyone else.
 * - Removal order (none for citizens): no_status final 65 / non-final 20; asylum seekers 8 / 35;
 *   LPRs 25 / 25; TPS, visa holders and refugees 10–20 / 15–20. Destination is the nationality, except
 *   3% sent to a third country (El Salvador for non-Salvadorans, the 2025 practice).
 * - Protections: asylum seekers 85% asylum_pending; refugees refugee or asylum_granted; TPS holders
 *   tps; of final orders 5% withholding_of_removal, 1.5% cat_withholding, 1% cat_deferral against the
 *   country of nationality (withholding is granted together with a removal order: that pairing is how
 *   a man protected from removal to El Salvador was sent there in March 2025). Pending asylum, TPS and
 *   refugee protection bar removal anywhere (`ALL`).
 * - Consent: 10% of convicted Salvadorans (the treaty route needs a sentenced national of the
 *   receiving state). dualCriminality is assessed for 70% of convicted Salvadorans: false when every
 *   conviction is an immigration offence (entering the US is no crime in El Salvador).
 * - Affiliations: about 17%, by nationality only (SV 28%, VE 24%, HN 22%, GT 15%, MX 8%, others 5%;
 *   women 40% of that), never by conviction status, because no affiliation counts toward eligibility.
 *   Basis: tattoos 32, association 26, intelligence 24, self_admission 12, court_finding 6 — weak
 *   bases dominate, as reported for the March 2025 cohort. 12% have a second record.
 * - Identifiers: A-number for 95% of ICE and 80% of BOP non-citizens (30% of citizens, naturalised);
 *   BOP register number for every BOP prisoner; FBI number for 80% with a record; passport 25%;
 *   DUI for 45% of Salvadorans. Identity verified for 85% (biometric 75, two identifiers 25).
 * - Legal holds: 3% (8% with a protection); tro 30, habeas_petition 40, stay_of_removal 25,
 *   court_order 5; 35% lifted. Notice served on 25%, within 75 days before asOf.
 */

/** A person record as generated: the NDJSON import shape with every field written out. */
type Person = PersonRecordInput;
type Conviction = NonNullable<Person['convictions']>[number];
type Sentence = NonNullable<Conviction['sentence']>;
type Identifier = NonNullable<Person['identifiers']>[number];
type Protection = NonNullable<Person['protections']>[number];
type Affiliation = NonNullable<Person['affiliations']>[number];
type PendingCharge = NonNullable<Person['pendingCharges']>[number];
type Hold = NonNullable<Person['holds']>[number];
type Agency = 'ICE' | 'BOP';
type Sex = 'M' | 'F';

/** Options for {@link generateRoster}. */
export interface RosterOptions {
  /** How many people to generate. */
  count: number;
  /** The seed: the same seed gives the same roster. */
  seed: number;
  /** The date the roster describes (`YYYY-MM-DD`); nothing in it happens later. */
  asOf?: string;
}

/** The day the cecot-2025 agreement's roster describes: the agreement came into force on 2025-03-14. */
export const DEFAULT_AS_OF = '2025-03-14';

const AGENCIES: Weighted<Agency> = [
  ['ICE', 75],
  ['BOP', 25],
];
const SEXES: Weighted<Sex> = [
  ['M', 95],
  ['F', 5],
];
const AGE_BANDS: Weighted<readonly [number, number]> = [
  [[18, 24], 18],
  [[25, 34], 37],
  [[35, 44], 28],
  [[45, 54], 13],
  [[55, 65], 4],
];
const NATIONALITIES: Weighted<string> = [
  ['VE', 28],
  ['HN', 14],
  ['GT', 14],
  ['MX', 14],
  ['SV', 12],
  ['CO', 5],
  ['NI', 4],
  ['EC', 4],
  ['DO', 2],
  ['CU', 1],
  ['PE', 1],
];
/** Plausible second nationalities: neighbours, and Spain or Italy for descendants of emigrants. */
const SECOND_NATIONALITY: Readonly<Record<string, readonly string[]>> = {
  VE: ['CO', 'ES', 'IT'],
  HN: ['SV', 'NI', 'GT'],
  GT: ['MX', 'SV'],
  MX: ['GT'],
  SV: ['HN', 'GT'],
  CO: ['VE', 'ES'],
  NI: ['CR', 'HN'],
  EC: ['ES', 'CO'],
  DO: ['ES'],
  CU: ['ES'],
  PE: ['ES'],
};
/** Countries designated for Temporary Protected Status as of early 2025. */
const TPS_COUNTRIES = new Set(['VE', 'SV', 'HN', 'NI']);
const NON_CITIZEN_STATUSES: Weighted<Exclude<LegalStatus, 'citizen'>> = [
  ['no_status', 60],
  ['asylum_seeker', 15],
  ['lawful_permanent_resident', 9],
  ['temporary_protected_status', 7],
  ['visa_holder', 4],
  ['refugee', 3],
];
const ICE_CATEGORIES: Weighted<Category> = [
  ['immigration', 30],
  ['other', 16],
  ['drug_possession', 14],
  ['property', 12],
  ['violent', 9],
  ['trafficking', 7],
  ['weapons', 5],
  ['sexual', 3],
  ['organized_crime', 2],
];
const BOP_CATEGORIES: Weighted<Category> = [
  ['trafficking', 40],
  ['immigration', 22],
  ['weapons', 12],
  ['violent', 8],
  ['organized_crime', 7],
  ['sexual', 5],
  ['property', 4],
  ['other', 1.5],
  ['drug_possession', 0.5],
  ['terrorism', 0.2],
];
const ICE_CONVICTION_COUNTS: Weighted<number> = [
  [1, 62],
  [2, 24],
  [3, 9],
  [4, 5],
];
const BOP_PRIOR_COUNTS: Weighted<number> = [
  [0, 55],
  [1, 28],
  [2, 12],
  [3, 5],
];
/** [final, non-final] removal-order chances by legal status; the rest have no order. */
const REMOVAL_ORDER_CHANCES: Readonly<Record<LegalStatus, readonly [number, number]>> = {
  citizen: [0, 0],
  no_status: [0.65, 0.2],
  asylum_seeker: [0.08, 0.35],
  lawful_permanent_resident: [0.25, 0.25],
  temporary_protected_status: [0.1, 0.15],
  visa_holder: [0.2, 0.2],
  refugee: [0.1, 0.2],
};
const AFFILIATION_RATE: Readonly<Record<string, number>> = {
  SV: 0.28,
  VE: 0.24,
  HN: 0.22,
  GT: 0.15,
  MX: 0.08,
};
const ORGANIZATIONS: Readonly<Record<string, Weighted<string>>> = {
  VE: [
    ['Tren de Aragua', 95],
    ['MS-13', 5],
  ],
  SV: [
    ['MS-13', 55],
    ['Barrio 18 Sureños', 25],
    ['Barrio 18 Revolucionarios', 20],
  ],
  HN: [
    ['MS-13', 50],
    ['Barrio 18 Sureños', 35],
    ['Barrio 18 Revolucionarios', 15],
  ],
  GT: [
    ['MS-13', 45],
    ['Barrio 18 Sureños', 40],
    ['Barrio 18 Revolucionarios', 15],
  ],
  MX: [
    ['Barrio 18 Sureños', 55],
    ['MS-13', 45],
  ],
};
const OTHER_ORGANIZATIONS: Weighted<string> = [
  ['Tren de Aragua', 50],
  ['MS-13', 50],
];
type Basis = Affiliation['basis'];
const BASES: Weighted<Basis> = [
  ['tattoos', 32],
  ['association', 26],
  ['intelligence', 24],
  ['self_admission', 12],
  ['court_finding', 6],
];
// Sources name the record a basis comes from; none implies a criminal conviction, so that the
// affiliation stays independent of the conviction record.
const BASIS_SOURCES: Readonly<Record<Basis, readonly string[]>> = {
  tattoos: [
    'ICE Form I-213, tattoo observation',
    'Booking photographs, tattoo review',
    'DHS tattoo assessment',
  ],
  association: ['ICE Form I-213, seen with gang members', 'Field interview card', 'Social media review'],
  intelligence: [
    'HSI intelligence report',
    'CalGang database entry',
    'Texas TxGang database entry',
    'Regional fusion center bulletin',
    'Confidential informant report',
  ],
  self_admission: [
    'Intake classification interview',
    'Post-arrest interview',
    'Jail classification interview',
  ],
  court_finding: [
    'Immigration judge decision',
    'Bond hearing decision, immigration court',
    'Civil gang injunction, L.A. County Superior Court',
  ],
};
const HOLD_TYPES: Weighted<Hold['type']> = [
  ['habeas_petition', 40],
  ['tro', 30],
  ['stay_of_removal', 25],
  ['court_order', 5],
];
/** District courts that heard 2025 removal challenges, with their docket division numbers. */
export const HOLD_COURTS: readonly (readonly [string, readonly number[]])[] = [
  ['D.D.C.', [1]],
  ['S.D. Tex.', [1, 4, 7]],
  ['W.D. Tex.', [1, 5]],
  ['N.D. Tex.', [1]],
  ['D. Md.', [8]],
  ['S.D.N.Y.', [1]],
  ['D. Colo.', [1]],
  ['C.D. Cal.', [2]],
  ['D. Mass.', [1]],
];
/** Courts of appeals that stay removal on a petition for review, with their docket number shapes. */
export const STAY_COURTS: readonly (readonly [string, (random: Random, year: number) => string])[] = [
  ['5th Cir.', (r, y) => `${y % 100}-60${String(r.int(0, 999)).padStart(3, '0')}`],
  ['9th Cir.', (r, y) => `${y % 100}-${r.int(1000, 7999)}`],
  ['4th Cir.', (r, y) => `${y % 100}-${r.int(1000, 2999)}`],
  ['11th Cir.', (r, y) => `${y % 100}-1${String(r.int(0, 9999)).padStart(4, '0')}`],
];
const PASSPORT_FORMATS: Readonly<Record<string, string>> = {
  VE: '#########',
  SV: 'A########',
  HN: 'F#######',
  GT: '#########',
  MX: 'G########',
  CO: 'AT######',
  NI: 'C#######',
  EC: 'A#######',
};

/** 18 years of 365 days plus the at most 5 leap days they contain: on or after any 18th birthday. */
const ADULT_DAYS = 6575;
const DAYS_PER_MONTH = 365.25 / 12;
/** A multiplier coprime with 10⁸, so `i → (a·i + b) mod 10⁸` is a bijection: unique identifiers. */
const PERMUTATION_MULTIPLIER = 73_939_133;
const PERMUTATION_MODULUS = 100_000_000;

interface Context {
  random: Random;
  asOfDay: number;
  refYear: number;
  /** Birth-date bounds (as days) for each age from 18 to 65 at asOf. */
  birthBounds: readonly (readonly [number, number])[];
  aNumberOffset: number;
  bopOffset: number;
  counters: Record<Agency, number>;
  index: number;
}

/**
 * Streams `count` synthetic people for the cecot-2025 scenario, each valid against
 * `personRecordSchema`. Pure: the same options always give the same people, and memory stays flat
 * however many are taken. Example: `[...generateRoster({ count: 300, seed: 2025 })]`.
 */
export function generateRoster(options: RosterOptions): Generator<PersonRecordInput> {
  const { count, seed } = options;
  const asOf = options.asOf ?? DEFAULT_AS_OF;
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new RangeError(`count must be a whole number 0 or more, got ${count}`);
  }
  if (!isIsoDate(asOf)) throw new RangeError(`asOf must be a date written YYYY-MM-DD, got ${asOf}`);
  const random = createRandom(seed);
  const asOfDate = Temporal.PlainDate.from(asOf);
  const birthBounds: (readonly [number, number])[] = [];
  for (let age = 18; age <= 65; age++) {
    // Someone is `age` on asOf if born after asOf − (age + 1) years and no later than asOf − age years.
    const latest = isoToDay(asOfDate.subtract({ years: age }).toString());
    const earliest = isoToDay(asOfDate.subtract({ years: age + 1 }).toString()) + 1;
    birthBounds.push([earliest, latest]);
  }
  const context: Context = {
    random,
    asOfDay: isoToDay(asOf),
    refYear: asOfDate.year,
    birthBounds,
    aNumberOffset: random.int(0, PERMUTATION_MODULUS - 1),
    bopOffset: random.int(0, PERMUTATION_MODULUS - 1),
    counters: { ICE: 0, BOP: 0 },
    index: 0,
  };
  // Options are checked above, when called; people are made only as they are asked for.
  return stream(context, count);
}

function* stream(context: Context, count: number): Generator<PersonRecordInput> {
  for (let i = 0; i < count; i++) {
    context.index = i;
    yield makePerson(context);
  }
}

function makePerson(context: Context): Person {
  const { random: r, asOfDay } = context;
  const agency = r.weighted(AGENCIES);
  context.counters[agency] += 1;
  const ref = `${agency}-${context.refYear}-${String(context.counters[agency]).padStart(6, '0')}`;
  const sex = r.weighted(SEXES);
  const origin = r.weighted(NATIONALITIES);
  const citizen = r.chance(0.006);
  const legalStatus: LegalStatus = citizen ? 'citizen' : pickStatus(r, origin);
  const nationalities = pickNationalities(r, origin, citizen);
  const names = makeNames(r, sex, origin);
  const aliases = makeAliases(r, names);
  const [youngest, oldest] = r.weighted(AGE_BANDS);
  const [bornFrom, bornTo] = context.birthBounds[r.int(youngest, oldest) - 18]!;
  const birthDay = r.int(bornFrom, bornTo);
  // Everyone is 18 by asOf, so capping at asOf keeps this on or after the 18th birthday.
  const adultDay = Math.min(birthDay + ADULT_DAYS, asOfDay);

  // Affiliations are drawn before, and without looking at, the criminal record: no affiliation, on
  // any basis, counts toward eligibility, so the roster must not let one stand in for a conviction.
  const affiliations = makeAffiliations(r, sex, origin, birthDay, asOfDay);

  const convictions =
    agency === 'BOP'
      ? makeBopConvictions(r, adultDay, asOfDay)
      : r.chance(0.56)
        ? []
        : numberCases(
            makePriorCases(r, ICE_CATEGORIES, r.weighted(ICE_CONVICTION_COUNTS), adultDay, asOfDay),
          );
  const hasRecord = convictions.length > 0;
  const pendingCharges = r.chance(agency === 'ICE' && !hasRecord ? 0.14 : 0.06)
    ? [makePendingCharge(r, adultDay, asOfDay)]
    : [];

  const identifiers = makeIdentifiers(context, agency, origin, nationalities, citizen, {
    record: hasRecord || pendingCharges.length > 0,
  });
  const identityVerification = r.chance(0.85) ? makeVerification(r, agency, identifiers, asOfDay) : null;

  const removalOrder = makeRemovalOrder(r, legalStatus, origin, asOfDay);
  const protections = makeProtections(r, legalStatus, origin, removalOrder, asOfDay);

  const salvadoran = nationalities.includes('SV');
  const lastJudgment = convictions.reduce((last, c) => Math.max(last, isoToDay(c.judgmentDate)), -Infinity);
  const consent =
    salvadoran && hasRecord && r.chance(0.1)
      ? {
          // 18 U.S.C. 4108: a US magistrate judge verifies that consent to a treaty transfer is voluntary.
          verifiedBy: `U.S. Magistrate Judge, ${r.pick(['S.D. Tex.', 'E.D. Va.', 'D. Md.', 'C.D. Cal.'])}`,
          verifiedOn: dayToIso(r.int(Math.min(lastJudgment, asOfDay), asOfDay)),
        }
      : null;
  const dualCriminality =
    salvadoran && hasRecord && r.chance(0.7) ? convictions.some((c) => c.category !== 'immigration') : null;

  const holds = r.chance(protections.length > 0 ? 0.08 : 0.03) ? [makeHold(r, asOfDay)] : [];
  const notice = r.chance(0.25)
    ? { servedOn: dayToIso(r.int(asOfDay - 75, asOfDay)), counselNotified: r.chance(0.55) }
    : null;

  return {
    ref,
    names,
    aliases,
    birthDate: dayToIso(birthDay),
    birthCountry: origin,
    sex,
    nationalities,
    legalStatus,
    identifiers,
    identityVerification,
    convictions,
    pendingCharges,
    removalOrder,
    protections,
    consent,
    dualCriminality,
    affiliations,
    holds,
    notice,
  };
}

function pickStatus(r: Random, origin: string): LegalStatus {
  const status = r.weighted(NON_CITIZEN_STATUSES);
  return status === 'temporary_protected_status' && !TPS_COUNTRIES.has(origin) ? 'no_status' : status;
}

function pickNationalities(r: Random, origin: string, citizen: boolean): string[] {
  // Citizens are US-born (US only) or naturalised and still nationals of their country of origin.
  if (citizen) return r.chance(0.5) ? ['US'] : ['US', origin];
  const seconds = SECOND_NATIONALITY[origin];
  return seconds && r.chance(0.02) ? [origin, r.pick(seconds)] : [origin];
}

function givenNamePool(r: Random, sex: Sex, origin: string): readonly string[] {
  const venezuelan = origin === 'VE' && r.chance(0.5);
  if (sex === 'M') return venezuelan ? VENEZUELAN_MALE_GIVEN_NAMES : MALE_GIVEN_NAMES;
  return venezuelan ? VENEZUELAN_FEMALE_GIVEN_NAMES : FEMALE_GIVEN_NAMES;
}

function surname(r: Random, origin: string): string {
  const regional =
    origin === 'VE' || origin === 'CO' || origin === 'EC' || origin === 'PE'
      ? ANDEAN_SURNAMES
      : origin === 'MX'
        ? MEXICAN_SURNAMES
        : origin === 'SV' || origin === 'HN' || origin === 'GT' || origin === 'NI'
          ? CENTRAL_AMERICAN_SURNAMES
          : COMMON_SURNAMES;
  return r.pick(r.chance(0.35) ? regional : COMMON_SURNAMES);
}

interface Names {
  given: string;
  paternal: string;
  maternal: string | null;
}

function makeNames(r: Random, sex: Sex, origin: string): Names {
  // Compound given names (José Luis, María Fernanda, Darwin Alexander) are the norm, not the exception;
  // they mostly pair a handful of leading names with a handful of usual second names.
  const compound = r.chance(0.55);
  const first =
    compound && r.chance(0.4) ? r.pick(LEADING_GIVEN_NAMES[sex]) : r.pick(givenNamePool(r, sex, origin));
  let given = first;
  if (compound) {
    const second = r.chance(0.65) ? r.pick(SECOND_GIVEN_NAMES[sex]) : r.pick(givenNamePool(r, sex, origin));
    if (second !== first) given = `${first} ${second}`;
  }
  const paternal = surname(r, origin);
  // About 8% are registered with one surname: a single registered parent, or a record that dropped it.
  let maternal: string | null = r.chance(0.08) ? null : surname(r, origin);
  if (maternal === paternal && r.chance(0.7)) maternal = surname(r, origin);
  return { given, paternal, maternal };
}

const stripAccents = (text: string): string => text.normalize('NFD').replace(/\p{Diacritic}/gu, '');

function makeAliases(r: Random, names: Names): string[] {
  if (!r.chance(0.3)) return [];
  const { given, paternal, maternal } = names;
  const full = [given, paternal, maternal].filter(Boolean).join(' ');
  const [first = given, ...rest] = given.split(' ');
  // Variants that US records produce from a Spanish name: lost accents, a middle initial, the maternal
  // surname hyphenated or mistaken for the last name, and the familiar forms people are booked under.
  const candidates = new Set<string>();
  const plain = stripAccents(full);
  if (plain !== full) candidates.add(plain);
  if (rest.length > 0 && !rest[0]?.startsWith('de')) {
    candidates.add(`${stripAccents(first)} ${rest[0]?.[0] ?? ''}. ${stripAccents(paternal)}`);
  }
  if (maternal) {
    candidates.add(`${first} ${paternal}-${maternal}`);
    candidates.add(stripAccents(`${given} ${maternal}`));
  }
  candidates.add(stripAccents(`${paternal}, ${given}`));
  const familiar = HYPOCORISMS[first];
  if (familiar) candidates.add(`${r.pick(familiar)} ${paternal}`);
  if (r.chance(0.15)) candidates.add(r.pick(NICKNAMES));
  const pool = [...candidates];
  const aliases: string[] = [];
  const wanted = r.weighted<number>([
    [1, 60],
    [2, 30],
    [3, 10],
  ]);
  while (aliases.length < wanted && pool.length > 0) {
    aliases.push(pool.splice(r.int(0, pool.length - 1), 1)[0]!);
  }
  return aliases;
}

/** A day in [from, to]; `from` when the window is empty (someone who came of age days ago). */
function dayIn(r: Random, from: number, to: number): number {
  return from > to ? from : r.int(from, to);
}

const yearOf = (day: number): number => Number(dayToIso(day).slice(0, 4));

function pickOffense(r: Random, category: Category, federalShare: number): Offense {
  const stateOffenses = STATE_OFFENSES[category];
  const useFederal = stateOffenses.length === 0 || r.chance(federalShare);
  return r.pick(useFederal ? FEDERAL_OFFENSES[category] : stateOffenses);
}

/** What a court imposed: no custodial term, life, or a term of days with pre-trial custody credited. */
type Term = { kind: 'none' } | { kind: 'life' } | { kind: 'days'; days: number; creditDays: number };

function termDays(r: Random, offense: Offense): number {
  const [low, high] = offense.months;
  // Squaring skews toward the low end: most guideline sentences fall near the bottom of the range.
  const months = low + (high - low) * r.next() ** 2;
  return Math.max(1, Math.round(months * DAYS_PER_MONTH));
}

function drawTerm(r: Random, offense: Offense): Term {
  if (offense.probation && r.chance(offense.probation)) return { kind: 'none' };
  if (offense.life && r.chance(offense.life)) return { kind: 'life' };
  const days = termDays(r, offense);
  const creditDays = r.chance(0.6) ? r.int(0, Math.min(540, Math.floor(days / 2))) : 0;
  return { kind: 'days', days, creditDays };
}

/** One count of a judgment, before it is given its conviction id. */
interface Count {
  offense: Offense;
  judgmentDay: number;
  court: string;
  caseNumber: string;
  final: boolean;
  sentence: Sentence | null;
  /** The release day of a term of days (start + term − credits), to chain a consecutive count after. */
  endDay: number | null;
  /** True when the count runs consecutively to the count before it in the same case. */
  consecutive: boolean;
}

function finality(r: Random, judgmentDay: number, asOfDay: number): boolean {
  // Recent judgments are often on direct appeal; old ones only rarely under collateral review.
  return r.chance(asOfDay - judgmentDay < 548 ? 0.7 : 0.97);
}

/** A count sentenced on `judgmentDay`; the term starts that day. */
function makeCount(r: Random, offense: Offense, term: Term, judgmentDay: number, asOfDay: number): Count {
  // Cases are filed one to thirteen months before judgment, and dockets carry the filing year.
  const { court, caseNumber } = courtCase(r, offense, yearOf(judgmentDay - r.int(30, 400)));
  const count = { offense, judgmentDay, court, caseNumber, final: finality(r, judgmentDay, asOfDay) };
  const start = dayToIso(judgmentDay);
  if (term.kind === 'none') return { ...count, sentence: null, endDay: null, consecutive: false };
  if (term.kind === 'life')
    return { ...count, sentence: { life: true, start }, endDay: null, consecutive: false };
  const { days, creditDays } = term;
  return {
    ...count,
    sentence: { days, start, creditDays, consecutiveTo: null },
    endDay: judgmentDay + days - creditDays,
    consecutive: false,
  };
}

/**
 * A later count of the same judgment run consecutively to `previous`. docs/domain.md: it starts the day
 * after the other ends, so its start is derived, not drawn; credits were applied to the first count.
 */
function consecutiveCount(r: Random, previous: Count, offense: Offense): Count {
  const days = termDays(r, offense);
  const startDay = (previous.endDay ?? previous.judgmentDay) + 1;
  return {
    ...previous,
    offense,
    sentence: { days, start: dayToIso(startDay), creditDays: 0, consecutiveTo: null },
    endDay: startDay + days,
    consecutive: true,
  };
}

/** A case: one count, plus the statutorily consecutive count that sometimes comes with it. */
function withCompanion(r: Random, main: Count): Count[] {
  const companion = main.offense.companion;
  if (!companion || main.endDay === null || !r.chance(companion.chance)) return [main];
  return [main, consecutiveCount(r, main, companion.offense)];
}

/** Ids follow judgment order (c1 is the oldest), so `consecutiveTo` always names an earlier id. */
function numberCases(cases: readonly Count[][]): Conviction[] {
  const ordered = [...cases].sort((a, b) => (a[0]?.judgmentDay ?? 0) - (b[0]?.judgmentDay ?? 0));
  const convictions: Conviction[] = [];
  for (const counts of ordered) {
    for (const count of counts) {
      const previousId = `c${convictions.length}`;
      const sentence =
        count.sentence && count.consecutive
          ? { ...count.sentence, consecutiveTo: previousId }
          : count.sentence;
      convictions.push({
        id: `c${convictions.length + 1}`,
        court: count.court,
        caseNumber: count.caseNumber,
        offense: count.offense.offense,
        statute: count.offense.statute,
        category: count.offense.category,
        judgmentDate: dayToIso(count.judgmentDay),
        final: count.final,
        sentence,
      });
    }
  }
  return convictions;
}

/** Earlier cases: records reach back at most 25 years, the span ICE and BOP files usually cover. */
function makePriorCases(
  r: Random,
  categories: Weighted<Category>,
  howMany: number,
  adultDay: number,
  asOfDay: number,
): Count[][] {
  const cases: Count[][] = [];
  for (let i = 0; i < howMany; i++) {
    const drawn = pickOffense(r, r.weighted(categories), 0.45);
    // Someone serving life is not in ICE custody unless paroled from it (California lifers are paroled
    // to ICE for removal), so a prior record carries a life term only a tenth as often as at sentencing.
    const offense = drawn.life ? { ...drawn, life: drawn.life / 10 } : drawn;
    const term = drawTerm(r, offense);
    const earliest = Math.max(adultDay, asOfDay - 9131);
    let latest = asOfDay - 30;
    // A record is usually a served sentence: people reach ICE, or a new federal case, after release.
    if (term.kind === 'days' && r.chance(0.85))
      latest = Math.min(latest, asOfDay - (term.days - term.creditDays) - 1);
    const judgmentDay = earliest <= latest ? r.int(earliest, latest) : dayIn(r, earliest, asOfDay - 30);
    cases.push(withCompanion(r, makeCount(r, offense, term, judgmentDay, asOfDay)));
  }
  return cases;
}

function makeBopConvictions(r: Random, adultDay: number, asOfDay: number): Conviction[] {
  const priors = makePriorCases(r, ICE_CATEGORIES, r.weighted(BOP_PRIOR_COUNTS), adultDay, asOfDay);
  const current = r.chance(0.025)
    ? makeStackedCase(r, adultDay, asOfDay)
    : makeCurrentCase(r, adultDay, asOfDay);
  return numberCases([...priors, current]);
}

/** The federal case a BOP prisoner is serving: judgment placed so that the term runs past asOf. */
function makeCurrentCase(r: Random, adultDay: number, asOfDay: number): Count[] {
  const offense = pickOffense(r, r.weighted(BOP_CATEGORIES), 1);
  // A BOP prisoner is in custody, so the current case always has a custodial term.
  const term = drawTerm(r, { ...offense, probation: 0 });
  const latest = asOfDay - 20;
  const earliest = asOfDay - 9131;
  let judgmentDay: number;
  if (term.kind === 'days') {
    const served = term.days - term.creditDays;
    // Release at least 30 days after asOf; a term too short for that is placed mid-way instead.
    const from = Math.max(earliest, asOfDay - served + 30);
    judgmentDay = from <= latest ? r.int(from, latest) : asOfDay - Math.floor(served / 2);
  } else {
    judgmentDay = r.int(earliest, latest);
  }
  // Federal prisoners were sentenced as adults: never before the 18th birthday (which is ≤ asOf).
  judgmentDay = Math.max(judgmentDay, adultDay);
  return withCompanion(r, makeCount(r, offense, term, judgmentDay, asOfDay));
}

function makeStackedCase(r: Random, adultDay: number, asOfDay: number): Count[] {
  const { first, second, later, counts } = r.weighted(STACKED_JUDGMENTS);
  const howMany = r.int(counts[0], counts[1]);
  const judgmentDay = dayIn(r, Math.max(adultDay, asOfDay - 5475), asOfDay - 60);
  const chain = [makeCount(r, first, drawTerm(r, { ...first, life: 0, probation: 0 }), judgmentDay, asOfDay)];
  for (let i = 1; i < howMany; i++)
    chain.push(consecutiveCount(r, chain[i - 1]!, (i === 1 && second) || later));
  return chain;
}

function makePendingCharge(r: Random, adultDay: number, asOfDay: number): PendingCharge {
  const offense = pickOffense(r, r.weighted(ICE_CATEGORIES), 0.3);
  const filedDay = dayIn(r, Math.max(adultDay, asOfDay - 730), asOfDay - 1);
  const { court, caseNumber } = courtCase(r, offense, yearOf(filedDay));
  return {
    court,
    caseNumber,
    offense: offense.offense,
    statute: offense.statute,
    category: offense.category,
    filed: dayToIso(filedDay),
  };
}

function digits(r: Random, pattern: string): string {
  return pattern.replace(/#/g, () => String(r.int(0, 9)));
}

/** `i → (a·i + b) mod 10⁸`, eight digits: a bijection, so identifiers never repeat within 10⁸ people. */
function permuted(index: number, offset: number): string {
  const value = (PERMUTATION_MULTIPLIER * (index % PERMUTATION_MODULUS) + offset) % PERMUTATION_MODULUS;
  return String(value).padStart(8, '0');
}

function makeIdentifiers(
  context: Context,
  agency: Agency,
  origin: string,
  nationalities: readonly string[],
  citizen: boolean,
  facts: { record: boolean },
): Identifier[] {
  const r = context.random;
  const identifiers: Identifier[] = [];
  const aNumberChance = citizen ? 0.3 : agency === 'ICE' ? 0.95 : 0.8;
  if (r.chance(aNumberChance)) {
    // A-numbers are nine digits; older files start with 0, those issued since the 2010s with 2.
    const leading = r.chance(0.7) ? '2' : '0';
    identifiers.push({
      type: 'a_number',
      value: `A${leading}${permuted(context.index, context.aNumberOffset)}`,
    });
  }
  if (agency === 'BOP') {
    // Register numbers read NNNNN-NNN (number, then the committing district's code); splitting one
    // permuted eight-digit value keeps them unique across the roster.
    const body = permuted(context.counters.BOP, context.bopOffset);
    identifiers.push({ type: 'bop_register', value: `${body.slice(0, 5)}-${body.slice(5)}` });
  }
  if (facts.record && r.chance(0.8)) {
    identifiers.push({
      type: 'fbi',
      value: `${digits(r, '######')}${r.pick(['AA', 'KA', 'LB', 'MC', 'RD', 'WE'])}${digits(r, '#')}`,
    });
  }
  if (r.chance(0.25)) {
    const country = nationalities.find((n) => n !== 'US') ?? origin;
    identifiers.push({
      type: 'passport',
      value: digits(r, PASSPORT_FORMATS[country] ?? 'P########'),
      country,
    });
  }
  if (origin === 'SV' && r.chance(0.45)) {
    // The Salvadoran DUI: eight digits and a check digit.
    identifiers.push({ type: 'sv_dui', value: digits(r, '########-#') });
  }
  return identifiers;
}

function makeVerification(
  r: Random,
  agency: Agency,
  identifiers: readonly Identifier[],
  asOfDay: number,
): Person['identityVerification'] {
  const date = dayToIso(r.int(asOfDay - 730, asOfDay));
  // Two identifiers can only be corroborated when the person has two.
  if (identifiers.length >= 2 && r.chance(0.25)) {
    return {
      method: 'two_identifiers',
      date,
      by: agency === 'BOP' ? 'BOP records office' : 'ICE ERO records officer',
    };
  }
  return {
    method: 'biometric',
    date,
    by: r.pick(['DHS IDENT/HART fingerprint match', 'FBI NGI fingerprint match']),
  };
}

function makeRemovalOrder(
  r: Random,
  legalStatus: LegalStatus,
  origin: string,
  asOfDay: number,
): Person['removalOrder'] {
  const [finalChance, pendingChance] = REMOVAL_ORDER_CHANCES[legalStatus];
  const roll = r.next();
  if (roll >= finalChance + pendingChance) return null;
  const final = roll < finalChance;
  // Third-country removal to El Salvador of non-Salvadorans was the 2025 practice the scenario models.
  const destination = origin !== 'SV' && r.chance(0.03) ? 'SV' : origin;
  // Orders from the last 15 years; children receive removal orders too, so age sets no floor.
  const day = r.int(asOfDay - 5479, asOfDay - 1);
  return { final, date: dayToIso(day), destination };
}

function makeProtections(
  r: Random,
  legalStatus: LegalStatus,
  origin: string,
  removalOrder: Person['removalOrder'],
  asOfDay: number,
): Protection[] {
  const protections: Protection[] = [];
  const within = (years: number): string => dayToIso(r.int(asOfDay - Math.round(years * 365.25), asOfDay));
  if (legalStatus === 'asylum_seeker' && r.chance(0.85)) {
    // A pending asylum claim bars removal anywhere until decided (policy rule `no-protection`).
    protections.push({ type: 'asylum_pending', country: 'ALL', date: within(6) });
  }
  if (legalStatus === 'refugee' && r.chance(0.9)) {
    protections.push({
      type: r.chance(0.6) ? 'refugee' : 'asylum_granted',
      country: 'ALL',
      date: within(12),
    });
  }
  if (legalStatus === 'temporary_protected_status' && r.chance(0.95)) {
    protections.push({ type: 'tps', country: 'ALL', date: within(4) });
  }
  if (removalOrder?.final) {
    // Withholding and CAT protection are granted with the removal order and bind only as to the
    // country named: removal elsewhere stays lawful, removal there does not.
    const kind = r.weighted<Protection['type'] | null>([
      ['withholding_of_removal', 5],
      ['cat_withholding', 1.5],
      ['cat_deferral', 1],
      [null, 92.5],
    ]);
    if (kind) protections.push({ type: kind, country: origin, date: removalOrder.date });
  }
  return protections;
}

function makeAffiliations(
  r: Random,
  sex: Sex,
  origin: string,
  birthDay: number,
  asOfDay: number,
): Affiliation[] {
  const rate = (AFFILIATION_RATE[origin] ?? 0.05) * (sex === 'F' ? 0.4 : 1);
  if (!r.chance(rate)) return [];
  const organization = r.weighted(ORGANIZATIONS[origin] ?? OTHER_ORGANIZATIONS);
  const record = (org: string): Affiliation => {
    const basis = r.weighted(BASES);
    return {
      organization: org,
      basis,
      source: r.pick(BASIS_SOURCES[basis]),
      // Recorded from age 13, and within the last 12 years, the life of today's gang databases.
      date: dayToIso(dayIn(r, Math.max(birthDay + 4748, asOfDay - 4383), asOfDay)),
    };
  };
  const affiliations = [record(organization)];
  if (r.chance(0.12)) {
    // A second record usually corroborates the first; sometimes it contradicts it (rival gangs), which
    // is what weak evidence looks like and what housing separation has to cope with.
    affiliations.push(record(r.chance(0.8) ? organization : r.weighted(OTHER_ORGANIZATIONS)));
  }
  return affiliations;
}

function makeHold(r: Random, asOfDay: number): Hold {
  const type = r.weighted(HOLD_TYPES);
  const issuedDay = r.int(asOfDay - 400, asOfDay);
  const year = Number(dayToIso(issuedDay).slice(0, 4));
  let court: string;
  let docket: string;
  if (type === 'stay_of_removal') {
    const [name, number] = r.pick(STAY_COURTS);
    court = name;
    docket = number(r, year);
  } else {
    const [name, divisions] = r.pick(HOLD_COURTS);
    court = name;
    docket = civilCaseNumber(r, r.pick(divisions), year);
  }
  const lifted = r.chance(0.35) ? dayToIso(r.int(issuedDay, asOfDay)) : null;
  return { type, court, case: docket, issued: dayToIso(issuedDay), lifted };
}
