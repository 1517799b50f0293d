import type { PersonRecordInput } from '../../src/people/model.js';
import {
  CENTRAL_AMERICAN_SURNAMES,
  COMMON_SURNAMES,
  MALE_GIVEN_NAMES,
  VENEZUELAN_MALE_GIVEN_NAMES,
} from './names.js';
import { createRandom, type Random } from './random.js';

/**
 * The March 2025 cohort, shaped like the reported one (docs/domain.md, and issue 3): 261 nominations, 238
 * Venezuelan and 23 Salvadoran; about 32 with a US conviction (6 violent), about 130 with no record, the
 * rest with charges but no conviction; some asylum seekers; one Salvadoran with withholding of removal to
 * El Salvador. The reports describe no written notice before the flights, so none is recorded. Synthetic
 * people: the names come from the generator's pools, not from any real person.
 */
export const MARCH_COHORT_SIZE = 261;
const VENEZUELANS = 238;
const CONVICTED = 32;
const VIOLENT = 6;
const NO_RECORD = 130;

function name(random: Random, venezuelan: boolean) {
  const pool = venezuelan ? [...VENEZUELAN_MALE_GIVEN_NAMES, ...MALE_GIVEN_NAMES] : MALE_GIVEN_NAMES;
  const surnames = venezuelan ? COMMON_SURNAMES : [...CENTRAL_AMERICAN_SURNAMES, ...COMMON_SURNAMES];
  return { given: random.pick(pool), paternal: random.pick(surnames), maternal: random.pick(surnames) };
}

/** The 261 nominated people, deterministic for a seed. */
export function marchCohort(seed = 315): PersonRecordInput[] {
  const random = createRandom(seed);
  const people: PersonRecordInput[] = [];
  for (let i = 0; i < MARCH_COHORT_SIZE; i++) {
    const venezuelan = i < VENEZUELANS;
    const nationality = venezuelan ? 'VE' : 'SV';
    // Record groups are spread over both nationalities: every 8th person is in the convicted group, etc.
    const convicted =
      i % 8 === 0 && people.filter((p) => (p.convictions ?? []).length > 0).length < CONVICTED;
    const violent = convicted && i % 40 === 0 && i < 240;
    const noRecord =
      !convicted &&
      people.filter((p) => !(p.convictions ?? []).length && !(p.pendingCharges ?? []).length).length <
        NO_RECORD &&
      i % 2 === 1;
    const ref = `ICE-2025-M${String(i + 1).padStart(5, '0')}`;
    const judgment = random.dateBetween('2012-01-01', '2023-12-31');
    const person: PersonRecordInput = {
      ref,
      names: name(random, venezuelan),
      birthDate: random.dateBetween('1975-01-01', '2005-12-31'),
      birthCountry: nationality,
      sex: 'M',
      nationalities: [nationality],
      legalStatus: random.chance(0.18)
        ? 'asylum_seeker'
        : random.chance(0.1)
          ? 'temporary_protected_status'
          : 'no_status',
      identifiers: [{ type: 'a_number', value: `A${String(200_000_000 + i * 7919).slice(0, 9)}` }],
      identityVerification: random.chance(0.85) ? { method: 'biometric', date: '2025-03-10' } : null,
      convictions: convicted
        ? [
            {
              id: 'c1',
              court: venezuelan ? 'U.S. District Court, S.D. Tex.' : 'U.S. District Court, D. Md.',
              caseNumber: `4:${judgment.slice(2, 4)}-cr-${String(100 + i).padStart(5, '0')}`,
              offense: violent ? 'Assault with a dangerous weapon' : 'Reentry of a removed alien',
              statute: violent ? '18 U.S.C. 113(a)(3)' : '8 U.S.C. 1326',
              category: violent ? 'violent' : 'immigration',
              judgmentDate: judgment,
              final: true,
              // Most had served their sentences before ICE detention.
              sentence: { days: violent ? 1460 : 180, start: judgment, creditDays: 0, consecutiveTo: null },
            },
          ]
        : [],
      pendingCharges:
        !convicted && !noRecord
          ? [
              {
                court: 'Harris County District Court, Tex.',
                caseNumber: `2024-${10_000 + i}`,
                offense: 'Criminal trespass',
                filed: '2024-11-02',
              },
            ]
          : [],
      removalOrder: random.chance(0.55)
        ? { final: random.chance(0.8), date: '2024-09-15', destination: nationality }
        : null,
      affiliations: venezuelan
        ? random.chance(0.6)
          ? [
              {
                organization: 'Tren de Aragua',
                basis: random.pick(['tattoos', 'association', 'intelligence'] as const),
                source: 'DHS assessment',
                date: '2025-03-01',
              },
            ]
          : []
        : [{ organization: 'MS-13', basis: 'intelligence', source: 'DHS assessment', date: '2025-03-01' }],
      notice: null,
    };
    people.push(person);
  }
  // One Salvadoran protected by an immigration judge's withholding of removal to El Salvador.
  const protectedPerson = people[VENEZUELANS + 5]!;
  protectedPerson.protections = [{ type: 'withholding_of_removal', country: 'SV', date: '2019-10-10' }];
  protectedPerson.removalOrder = { final: true, date: '2019-10-10', destination: 'SV' };
  return people;
}

export const MARCH_COHORT_FACTS = {
  size: MARCH_COHORT_SIZE,
  venezuelans: VENEZUELANS,
  convicted: CONVICTED,
  violent: VIOLENT,
  noRecord: NO_RECORD,
};
