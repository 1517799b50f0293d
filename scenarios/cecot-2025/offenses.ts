import type { CONVICTION_CATEGORIES } from '../../src/people/model.js';
import type { Random, Weighted } from './random.js';

/**
 * Offences, statutes and courts for synthetic convictions. Each offence carries the statute that
 * defines it and a sentence range drawn from the usual outcome for that statute (federal ranges follow
 * the Sentencing Guidelines' typical band; state ranges the statutory ranges), so that a category is
 * never paired with an implausible statute or term.
 */

/** A conviction category from docs/domain.md. */
export type Category = (typeof CONVICTION_CATEGORIES)[number];

/** The state courts used for state offences. */
export type State = 'TX' | 'CA' | 'NY' | 'FL' | 'VA' | 'MD' | 'AZ';

/** One kind of offence, with where it is tried and how it is usually sentenced. */
export interface Offense {
  category: Category;
  offense: string;
  statute: string;
  /** `federal`, or the state whose courts try it. */
  court: 'federal' | State;
  /** Custodial term range in months; the low end is likelier (guideline sentences cluster low). */
  months: readonly [number, number];
  /** Chance the sentence is life. */
  life?: number;
  /** Chance the court imposes no custodial term (probation or a fine): the sentence is absent. */
  probation?: number;
  /** A federal petty offence, docketed as a magistrate (`mj`) case rather than `cr`. */
  petty?: boolean;
  /** A count that by statute runs consecutively to this one, and how often it is charged with it. */
  companion?: { offense: Offense; chance: number };
}

// 18 U.S.C. 924(c)(1)(D)(ii) and 1028A(b)(2) forbid running these terms concurrently with any other,
// which is why they are the usual source of consecutive sentences in federal judgments.
const FIREARM_924C: Offense = {
  category: 'weapons',
  offense: 'Use of a firearm during and in relation to a crime of violence or drug trafficking crime',
  statute: '18 U.S.C. 924(c)(1)(A)',
  court: 'federal',
  months: [60, 84],
};
const IDENTITY_THEFT_1028A: Offense = {
  category: 'property',
  offense: 'Aggravated identity theft',
  statute: '18 U.S.C. 1028A(a)(1)',
  court: 'federal',
  months: [24, 24],
};

const federal = (
  category: Category,
  offense: string,
  statute: string,
  months: readonly [number, number],
  extra: Partial<Offense> = {},
): Offense => ({ category, offense, statute, court: 'federal', months, ...extra });

const state = (
  court: State,
  category: Category,
  offense: string,
  statute: string,
  months: readonly [number, number],
  extra: Partial<Offense> = {},
): Offense => ({ category, offense, statute, court, months, ...extra });

/** Federal offences, by category. */
export const FEDERAL_OFFENSES: Readonly<Record<Category, readonly Offense[]>> = {
  violent: [
    federal('violent', 'Murder in aid of racketeering', '18 U.S.C. 1959(a)(1)', [240, 480], { life: 0.6 }),
    federal(
      'violent',
      'Assault with a dangerous weapon in aid of racketeering',
      '18 U.S.C. 1959(a)(3)',
      [36, 120],
    ),
    federal('violent', 'Hobbs Act robbery', '18 U.S.C. 1951(a)', [41, 120], {
      companion: { offense: FIREARM_924C, chance: 0.3 },
    }),
    federal('violent', 'Carjacking', '18 U.S.C. 2119', [60, 180], {
      companion: { offense: FIREARM_924C, chance: 0.3 },
    }),
    federal('violent', 'Kidnapping', '18 U.S.C. 1201(a)', [120, 360], { life: 0.15 }),
    federal('violent', 'Assault resulting in serious bodily injury', '18 U.S.C. 113(a)(6)', [12, 60]),
  ],
  weapons: [
    federal('weapons', 'Alien in possession of a firearm', '18 U.S.C. 922(g)(5)', [12, 60]),
    federal('weapons', 'Felon in possession of a firearm', '18 U.S.C. 922(g)(1)', [24, 120]),
    federal('weapons', 'Dealing in firearms without a license', '18 U.S.C. 922(a)(1)(A)', [12, 46]),
    FIREARM_924C,
  ],
  trafficking: [
    federal(
      'trafficking',
      'Conspiracy to possess with intent to distribute methamphetamine',
      '21 U.S.C. 846, 841(a)(1)',
      [60, 360],
      { life: 0.03, companion: { offense: FIREARM_924C, chance: 0.12 } },
    ),
    federal('trafficking', 'Possession with intent to distribute cocaine', '21 U.S.C. 841(a)(1)', [37, 240], {
      companion: { offense: FIREARM_924C, chance: 0.1 },
    }),
    federal('trafficking', 'Importation of methamphetamine', '21 U.S.C. 952, 960', [46, 240]),
    federal('trafficking', 'Conspiracy to distribute fentanyl', '21 U.S.C. 846, 841(b)(1)(A)', [60, 360], {
      life: 0.03,
    }),
    federal('trafficking', 'Sex trafficking by force, fraud, or coercion', '18 U.S.C. 1591(a)', [180, 480], {
      life: 0.1,
    }),
  ],
  terrorism: [
    federal(
      'terrorism',
      'Providing material support to a designated foreign terrorist organization',
      '18 U.S.C. 2339B',
      [120, 240],
    ),
  ],
  organized_crime: [
    federal('organized_crime', 'Racketeering conspiracy', '18 U.S.C. 1962(d)', [60, 360], { life: 0.12 }),
    federal('organized_crime', 'Conspiracy to commit money laundering', '18 U.S.C. 1956(h)', [24, 240]),
    federal('organized_crime', 'Interstate travel in aid of racketeering', '18 U.S.C. 1952', [12, 60]),
  ],
  sexual: [
    federal('sexual', 'Aggravated sexual abuse', '18 U.S.C. 2241(a)', [240, 480], { life: 0.25 }),
    federal('sexual', 'Production of child pornography', '18 U.S.C. 2251(a)', [180, 360]),
    federal('sexual', 'Coercion and enticement of a minor', '18 U.S.C. 2422(b)', [120, 300]),
    federal(
      'sexual',
      'Transportation of a minor with intent to engage in criminal sexual activity',
      '18 U.S.C. 2423(a)',
      [120, 360],
    ),
  ],
  property: [
    federal('property', 'Bank fraud', '18 U.S.C. 1344', [12, 84], {
      companion: { offense: IDENTITY_THEFT_1028A, chance: 0.35 },
    }),
    federal('property', 'Wire fraud', '18 U.S.C. 1343', [12, 96], {
      companion: { offense: IDENTITY_THEFT_1028A, chance: 0.2 },
    }),
    federal('property', 'Theft of government property', '18 U.S.C. 641', [6, 36]),
  ],
  drug_possession: [
    federal('drug_possession', 'Simple possession of a controlled substance', '21 U.S.C. 844(a)', [0.3, 12], {
      probation: 0.4,
      petty: true,
    }),
  ],
  immigration: [
    federal('immigration', 'Reentry of a removed alien', '8 U.S.C. 1326(a)', [4, 24]),
    federal(
      'immigration',
      'Reentry of a removed alien after an aggravated felony conviction',
      '8 U.S.C. 1326(a), (b)(2)',
      [24, 96],
    ),
    federal('immigration', 'Improper entry by an alien', '8 U.S.C. 1325(a)', [0.1, 6], {
      probation: 0.2,
      petty: true,
    }),
    federal('immigration', 'Bringing in and harboring certain aliens', '8 U.S.C. 1324(a)(1)(A)', [12, 60]),
    federal(
      'immigration',
      'Fraud and misuse of visas, permits, and other documents',
      '18 U.S.C. 1546(a)',
      [6, 24],
    ),
    federal('immigration', 'False claim to United States citizenship', '18 U.S.C. 911', [0.5, 12]),
  ],
  other: [
    federal('other', 'Failure to register as a sex offender', '18 U.S.C. 2250(a)', [12, 36]),
    federal('other', 'Misprision of a felony', '18 U.S.C. 4', [0.5, 12], { probation: 0.3 }),
    federal('other', 'Escape from federal custody', '18 U.S.C. 751(a)', [6, 24]),
  ],
};

/** State offences, by category; immigration and terrorism are federal matters only. */
export const STATE_OFFENSES: Readonly<Record<Category, readonly Offense[]>> = {
  violent: [
    state('TX', 'violent', 'Aggravated assault with a deadly weapon', 'Tex. Penal Code 22.02', [24, 180]),
    state('TX', 'violent', 'Murder', 'Tex. Penal Code 19.02', [240, 720], { life: 0.2 }),
    state('TX', 'violent', 'Aggravated robbery', 'Tex. Penal Code 29.03', [60, 300]),
    state('CA', 'violent', 'Robbery', 'Cal. Penal Code 211', [24, 72]),
    state('CA', 'violent', 'Assault with a deadly weapon', 'Cal. Penal Code 245(a)(1)', [24, 48]),
    // California second-degree murder is 15 years to life: an indeterminate term, recorded as life.
    state('CA', 'violent', 'Second-degree murder', 'Cal. Penal Code 187(a)', [180, 180], { life: 1 }),
    state('NY', 'violent', 'Assault in the second degree', 'N.Y. Penal Law 120.05', [24, 84]),
    state('NY', 'violent', 'Robbery in the first degree', 'N.Y. Penal Law 160.15', [60, 300]),
    state('FL', 'violent', 'Aggravated battery', 'Fla. Stat. 784.045', [12, 180]),
    state('MD', 'violent', 'Assault in the first degree', 'Md. Code, Crim. Law 3-202', [24, 300]),
    state('VA', 'violent', 'Malicious wounding', 'Va. Code 18.2-51', [60, 240]),
    state('AZ', 'violent', 'Aggravated assault', 'Ariz. Rev. Stat. 13-1204', [24, 90]),
  ],
  weapons: [
    state('TX', 'weapons', 'Unlawful possession of a firearm by a felon', 'Tex. Penal Code 46.04', [24, 120]),
    state('CA', 'weapons', 'Carrying a loaded firearm in public', 'Cal. Penal Code 25850', [6, 36]),
    state(
      'NY',
      'weapons',
      'Criminal possession of a weapon in the second degree',
      'N.Y. Penal Law 265.03',
      [42, 180],
    ),
    state('VA', 'weapons', 'Possession of a firearm by a convicted felon', 'Va. Code 18.2-308.2', [24, 60]),
  ],
  trafficking: [
    state(
      'TX',
      'trafficking',
      'Manufacture or delivery of a controlled substance',
      'Tex. Health & Safety Code 481.112',
      [24, 240],
    ),
    state('TX', 'trafficking', 'Trafficking of persons', 'Tex. Penal Code 20A.02', [60, 360]),
    state('FL', 'trafficking', 'Trafficking in cocaine', 'Fla. Stat. 893.135(1)(b)', [36, 360]),
    state(
      'CA',
      'trafficking',
      'Possession for sale of a controlled substance',
      'Cal. Health & Safety Code 11351',
      [24, 48],
    ),
    state(
      'NY',
      'trafficking',
      'Criminal sale of a controlled substance in the third degree',
      'N.Y. Penal Law 220.39',
      [12, 108],
    ),
  ],
  terrorism: [],
  organized_crime: [
    state(
      'TX',
      'organized_crime',
      'Engaging in organized criminal activity',
      'Tex. Penal Code 71.02',
      [24, 240],
    ),
    state(
      'CA',
      'organized_crime',
      'Active participation in a criminal street gang',
      'Cal. Penal Code 186.22(a)',
      [16, 36],
    ),
    state('NY', 'organized_crime', 'Enterprise corruption', 'N.Y. Penal Law 460.20', [36, 300]),
  ],
  sexual: [
    state('TX', 'sexual', 'Sexual assault', 'Tex. Penal Code 22.011', [24, 240]),
    state('TX', 'sexual', 'Continuous sexual abuse of a young child', 'Tex. Penal Code 21.02', [300, 720], {
      life: 0.05,
    }),
    state(
      'CA',
      'sexual',
      'Lewd or lascivious acts with a child under 14',
      'Cal. Penal Code 288(a)',
      [36, 96],
    ),
    state('NY', 'sexual', 'Rape in the first degree', 'N.Y. Penal Law 130.35', [60, 300]),
  ],
  property: [
    state('TX', 'property', 'Burglary of a habitation', 'Tex. Penal Code 30.02', [24, 120]),
    state('TX', 'property', 'Theft', 'Tex. Penal Code 31.03', [0.5, 24], { probation: 0.3 }),
    state('CA', 'property', 'Second-degree burglary', 'Cal. Penal Code 459', [6, 36]),
    state('CA', 'property', 'Grand theft', 'Cal. Penal Code 487', [6, 36], { probation: 0.3 }),
    state('NY', 'property', 'Grand larceny in the fourth degree', 'N.Y. Penal Law 155.30', [3, 48]),
    state('FL', 'property', 'Grand theft', 'Fla. Stat. 812.014', [3, 60], { probation: 0.3 }),
    state('VA', 'property', 'Grand larceny', 'Va. Code 18.2-95', [6, 60]),
    state('MD', 'property', 'Theft', 'Md. Code, Crim. Law 7-104', [1, 18], { probation: 0.3 }),
  ],
  drug_possession: [
    state(
      'TX',
      'drug_possession',
      'Possession of a controlled substance',
      'Tex. Health & Safety Code 481.115',
      [1, 24],
      { probation: 0.3 },
    ),
    state('TX', 'drug_possession', 'Possession of marijuana', 'Tex. Health & Safety Code 481.121', [0.1, 6], {
      probation: 0.4,
    }),
    state(
      'CA',
      'drug_possession',
      'Possession of a controlled substance',
      'Cal. Health & Safety Code 11350',
      [0.5, 12],
      { probation: 0.5 },
    ),
    state('FL', 'drug_possession', 'Possession of cocaine', 'Fla. Stat. 893.13(6)(a)', [1, 24], {
      probation: 0.4,
    }),
    state(
      'NY',
      'drug_possession',
      'Criminal possession of a controlled substance in the seventh degree',
      'N.Y. Penal Law 220.03',
      [0.1, 12],
      { probation: 0.4 },
    ),
    state('AZ', 'drug_possession', 'Possession of dangerous drugs', 'Ariz. Rev. Stat. 13-3407', [1, 24], {
      probation: 0.4,
    }),
  ],
  immigration: [],
  other: [
    state('TX', 'other', 'Driving while intoxicated', 'Tex. Penal Code 49.04', [0.1, 6], { probation: 0.5 }),
    state('TX', 'other', 'Evading arrest or detention', 'Tex. Penal Code 38.04', [1, 24]),
    state('CA', 'other', 'Driving under the influence', 'Cal. Veh. Code 23152(a)', [0.1, 6], {
      probation: 0.6,
    }),
    state('CA', 'other', 'Hit and run causing injury', 'Cal. Veh. Code 20001', [3, 24]),
    state('NY', 'other', 'Driving while intoxicated', 'N.Y. Veh. & Traf. Law 1192(3)', [0.1, 12], {
      probation: 0.5,
    }),
    state('VA', 'other', 'Driving while intoxicated', 'Va. Code 18.2-266', [0.1, 12], { probation: 0.5 }),
    state('FL', 'other', 'Driving while license suspended', 'Fla. Stat. 322.34', [0.1, 3], {
      probation: 0.6,
    }),
    state('MD', 'other', 'Driving under the influence', 'Md. Code, Transp. 21-902', [0.1, 12], {
      probation: 0.5,
    }),
    state('AZ', 'other', 'Aggravated driving under the influence', 'Ariz. Rev. Stat. 28-1383', [4, 36]),
  ],
};

const HOBBS_ACT_ROBBERY = FEDERAL_OFFENSES.violent.find((o) => o.statute === '18 U.S.C. 1951(a)')!;
const SEX_TRAFFICKING = FEDERAL_OFFENSES.trafficking.find((o) => o.statute === '18 U.S.C. 1591(a)')!;
const CHILD_PORNOGRAPHY = FEDERAL_OFFENSES.sexual.find((o) => o.statute === '18 U.S.C. 2251(a)')!;

/** A judgment of several counts run one after another: the first count, the later ones, how many. */
export interface StackedJudgment {
  first: Offense;
  /** The count right after the first, when it differs from the later ones. */
  second?: Offense;
  later: Offense;
  counts: readonly [number, number];
}

/** Judgments whose consecutive counts add up to lifetimes, as federal courts have imposed. */
export const STACKED_JUDGMENTS: Weighted<StackedJudgment> = [
  // A robbery series with a 924(c) count per robbery: before the First Step Act (2018) every 924(c)
  // count after the first carried 25 years, consecutively.
  [
    {
      first: HOBBS_ACT_ROBBERY,
      second: FIREARM_924C,
      later: { ...FIREARM_924C, months: [300, 300] },
      counts: [3, 8],
    },
    40,
  ],
  [{ first: SEX_TRAFFICKING, later: SEX_TRAFFICKING, counts: [3, 6] }, 30],
  // 2251(e) caps each count at 30 years; courts reach centuries by running the counts consecutively.
  [{ first: CHILD_PORNOGRAPHY, later: { ...CHILD_PORNOGRAPHY, months: [360, 360] }, counts: [4, 10] }, 30],
];

/** A federal district court: its name and the division numbers it puts in front of case numbers. */
interface FederalCourt {
  name: string;
  divisions: readonly number[];
}

// Weighted toward the border districts, which try most federal immigration and drug cases.
const FEDERAL_COURTS: Weighted<FederalCourt> = [
  [{ name: 'U.S. District Court, S.D. Tex.', divisions: [1, 2, 4, 5, 7] }, 14],
  [{ name: 'U.S. District Court, W.D. Tex.', divisions: [1, 2, 3, 4, 5, 7] }, 10],
  [{ name: 'U.S. District Court, D. Ariz.', divisions: [2, 4] }, 9],
  [{ name: 'U.S. District Court, S.D. Cal.', divisions: [3] }, 8],
  [{ name: 'U.S. District Court, C.D. Cal.', divisions: [2, 5, 8] }, 5],
  [{ name: 'U.S. District Court, D.N.M.', divisions: [1, 2] }, 5],
  [{ name: 'U.S. District Court, N.D. Tex.', divisions: [3, 4, 5] }, 4],
  [{ name: 'U.S. District Court, S.D. Fla.', divisions: [0, 1, 9] }, 4],
  [{ name: 'U.S. District Court, S.D.N.Y.', divisions: [1, 7] }, 3],
  [{ name: 'U.S. District Court, E.D.N.Y.', divisions: [1, 2] }, 3],
  [{ name: 'U.S. District Court, D. Md.', divisions: [1, 8] }, 3],
  [{ name: 'U.S. District Court, E.D. Va.', divisions: [1, 3] }, 3],
  [{ name: 'U.S. District Court, N.D. Ga.', divisions: [1] }, 3],
  [{ name: 'U.S. District Court, D. Mass.', divisions: [1] }, 2],
];

const digits = (random: Random, count: number): string => {
  let out = '';
  for (let i = 0; i < count; i++) out += String(random.int(0, 9));
  return out;
};

/** The last two digits of `year`, as docket numbers write it. */
const yy = (year: number): string => String(year % 100).padStart(2, '0');

/** A state court and how its clerk numbers cases (formats follow each clerk's public dockets). */
interface StateCourt {
  name: string;
  caseNumber: (random: Random, year: number) => string;
}

const STATE_COURTS: Readonly<Record<State, readonly StateCourt[]>> = {
  TX: [
    { name: 'Harris County District Court, Tex.', caseNumber: (r) => `1${digits(r, 6)}` },
    {
      name: 'Dallas County Criminal District Court, Tex.',
      caseNumber: (r, y) => `F-${yy(y)}-${digits(r, 5)}`,
    },
    { name: 'Hidalgo County District Court, Tex.', caseNumber: (r, y) => `CR-${digits(r, 4)}-${yy(y)}-A` },
  ],
  CA: [
    { name: 'Los Angeles County Superior Court, Cal.', caseNumber: (r) => `BA${digits(r, 6)}` },
    { name: 'Orange County Superior Court, Cal.', caseNumber: (r, y) => `${yy(y)}CF${digits(r, 4)}` },
  ],
  NY: [
    { name: 'Supreme Court of New York, Queens County', caseNumber: (r, y) => `${digits(r, 5)}-${y}` },
    {
      name: 'Supreme Court of New York, Bronx County',
      caseNumber: (r, y) => `IND-7${digits(r, 4)}-${yy(y)}`,
    },
  ],
  FL: [
    { name: 'Circuit Court, Miami-Dade County, Fla.', caseNumber: (r, y) => `F${yy(y)}-0${digits(r, 5)}` },
  ],
  VA: [{ name: 'Circuit Court, Fairfax County, Va.', caseNumber: (r, y) => `FE-${y}-000${digits(r, 4)}` }],
  MD: [{ name: 'Circuit Court for Montgomery County, Md.', caseNumber: (r) => `${digits(r, 6)}C` }],
  AZ: [
    { name: 'Superior Court, Maricopa County, Ariz.', caseNumber: (r, y) => `CR${y}-${digits(r, 6)}-001` },
  ],
};

/** A court and a docket number for an offence filed in `year`. */
export function courtCase(
  random: Random,
  offense: Offense,
  year: number,
): { court: string; caseNumber: string } {
  if (offense.court === 'federal') {
    const court = random.weighted(FEDERAL_COURTS);
    // Federal dockets read division:year-type-number, e.g. 4:21-cr-00123; petty offences go on the
    // magistrate judge's `mj` docket.
    const type = offense.petty ? 'mj' : 'cr';
    return {
      court: court.name,
      caseNumber: `${random.pick(court.divisions)}:${yy(year)}-${type}-${digits(random, 5)}`,
    };
  }
  const court = random.pick(STATE_COURTS[offense.court]);
  return { court: court.name, caseNumber: court.caseNumber(random, year) };
}

/** A federal civil docket number such as `1:25-cv-00766`, as used for TROs and habeas petitions. */
export function civilCaseNumber(random: Random, division: number, year: number): string {
  return `${division}:${yy(year)}-cv-${digits(random, 5)}`;
}
