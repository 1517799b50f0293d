import { describe, expect, it } from 'vitest';
import { Temporal } from '../../src/core/dates.js';
import { type PersonRecordInput, personRecordSchema } from '../../src/people/model.js';
import {
  ANDEAN_SURNAMES,
  CENTRAL_AMERICAN_SURNAMES,
  COMMON_SURNAMES,
  FEMALE_GIVEN_NAMES,
  MALE_GIVEN_NAMES,
  MEXICAN_SURNAMES,
  VENEZUELAN_FEMALE_GIVEN_NAMES,
  VENEZUELAN_MALE_GIVEN_NAMES,
} from './names.js';
import { addDays } from './random.js';
import { DEFAULT_AS_OF, generateRoster } from './roster.js';

const roster = (count: number, seed: number, asOf?: string): PersonRecordInput[] => [
  ...generateRoster({ count, seed, ...(asOf ? { asOf } : {}) }),
];

// One shared sample for the distribution checks: big enough that the bands below hold by a wide margin.
const sample = roster(4000, 2025);
const convicted = sample.filter((p) => (p.convictions ?? []).length > 0);
const unconvicted = sample.filter((p) => (p.convictions ?? []).length === 0);
const share = (people: readonly PersonRecordInput[], test: (p: PersonRecordInput) => boolean): number =>
  people.filter(test).length / people.length;

/** The release day of a term sentence, as docs/domain.md defines it: start + term − credits. */
const releaseDate = (sentence: { start: string; days: number; creditDays?: number | undefined }): string =>
  addDays(sentence.start, sentence.days - (sentence.creditDays ?? 0));

describe('generateRoster', () => {
  it('is deterministic: the same seed gives the same people, and another seed other people', () => {
    expect(roster(500, 7)).toEqual(roster(500, 7));
    const other = roster(500, 8);
    expect(other).not.toEqual(roster(500, 7));
    expect(other.map((p) => p.names)).not.toEqual(roster(500, 7).map((p) => p.names));
  });

  it('streams: a short roster is a prefix of a longer one with the same seed', () => {
    expect(roster(1000, 3).slice(0, 100)).toEqual(roster(100, 3));
  });

  it('gives people that all pass personRecordSchema', () => {
    for (const seed of [1, 2, 99]) {
      for (const person of roster(1000, seed)) {
        const result = personRecordSchema.safeParse(person);
        expect(result.success, `${person.ref}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
      }
    }
  });

  it('numbers refs per sending agency, uniquely, with matching identifiers', () => {
    const refs = new Set(sample.map((p) => p.ref));
    expect(refs.size).toBe(sample.length);
    expect(refs.has('ICE-2025-000001')).toBe(true);
    expect(refs.has('BOP-2025-000001')).toBe(true);
    for (const person of sample) {
      expect(person.ref).toMatch(/^(ICE|BOP)-2025-\d{6}$/);
      const types = (person.identifiers ?? []).map((i) => i.type);
      expect(types.includes('bop_register')).toBe(person.ref.startsWith('BOP-'));
    }
    const values = sample.flatMap((p) =>
      (p.identifiers ?? []).filter((i) => i.type !== 'fbi' && i.type !== 'passport'),
    );
    for (const type of ['a_number', 'bop_register'] as const) {
      const ofType = values.filter((i) => i.type === type).map((i) => i.value);
      expect(new Set(ofType).size, `${type} values repeat`).toBe(ofType.length);
    }
    expect(values.filter((i) => i.type === 'a_number').every((i) => /^A\d{9}$/.test(i.value))).toBe(true);
    expect(values.filter((i) => i.type === 'bop_register').every((i) => /^\d{5}-\d{3}$/.test(i.value))).toBe(
      true,
    );
  });

  it('keeps sex, age and nationality within realistic bands', () => {
    expect(share(sample, (p) => p.sex === 'M')).toBeGreaterThan(0.85);
    expect(share(sample, (p) => p.sex === 'F')).toBeGreaterThan(0.01);
    const asOf = Temporal.PlainDate.from(DEFAULT_AS_OF);
    for (const person of sample) {
      const age = Temporal.PlainDate.from(person.birthDate).until(asOf, { largestUnit: 'years' }).years;
      expect(age).toBeGreaterThanOrEqual(18);
      expect(age).toBeLessThanOrEqual(65);
    }
    expect(share(sample, (p) => p.nationalities[0] === 'VE')).toBeGreaterThan(0.2);
    const central = new Set(['VE', 'SV', 'HN', 'GT', 'MX', 'CO', 'NI', 'EC']);
    expect(
      share(sample, (p) => central.has(p.nationalities.find((n) => n !== 'US') ?? 'US')),
    ).toBeGreaterThan(0.9);
    expect(share(sample, (p) => p.nationalities.length > 1)).toBeGreaterThan(0.005);
  });

  it('mixes every legal status, with a few citizens and no removal order for them', () => {
    const statuses = new Set(sample.map((p) => p.legalStatus));
    expect(statuses.size).toBe(7);
    expect(share(sample, (p) => p.legalStatus === 'no_status')).toBeGreaterThan(0.4);
    const citizens = roster(2000, 11).filter((p) => p.legalStatus === 'citizen');
    expect(citizens.length).toBeGreaterThan(0);
    for (const citizen of sample.filter((p) => p.legalStatus === 'citizen')) {
      expect(citizen.nationalities).toContain('US');
      expect(citizen.removalOrder ?? null).toBeNull();
    }
  });

  it('leaves about half without a conviction, as in the March 2025 cohort', () => {
    const none = share(sample, (p) => (p.convictions ?? []).length === 0);
    expect(none).toBeGreaterThan(0.35);
    expect(none).toBeLessThan(0.6);
    // BOP holds sentenced prisoners only.
    expect(
      sample.filter((p) => p.ref.startsWith('BOP-')).every((p) => (p.convictions ?? []).length > 0),
    ).toBe(true);
    expect(share(unconvicted, (p) => (p.pendingCharges ?? []).length > 0)).toBeGreaterThan(0.05);
    const categories = new Set(convicted.flatMap((p) => (p.convictions ?? []).map((c) => c.category)));
    for (const category of ['violent', 'weapons', 'trafficking', 'organized_crime', 'sexual', 'property']) {
      expect(categories).toContain(category);
    }
    for (const category of ['drug_possession', 'immigration', 'other'])
      expect(categories).toContain(category);
  });

  it('pairs statutes with their categories and writes plausible dockets', () => {
    const convictions = sample.flatMap((p) => p.convictions ?? []);
    for (const c of convictions.filter((c) => c.court.startsWith('U.S. District Court'))) {
      expect(c.caseNumber).toMatch(/^\d:\d{2}-(cr|mj)-\d{5}$/);
    }
    const statutesOf = (category: string) =>
      new Set(convictions.filter((c) => c.category === category).map((c) => c.statute));
    expect(statutesOf('immigration')).toContain('8 U.S.C. 1326(a)');
    expect(statutesOf('trafficking')).toContain('21 U.S.C. 841(a)(1)');
    expect(statutesOf('violent')).toContain('18 U.S.C. 1959(a)(1)');
    expect(share(sample, (p) => (p.convictions ?? []).some((c) => !c.final))).toBeGreaterThan(0.01);
  });

  it('includes life sentences, expired sentences and consecutive chains of hundreds of years', () => {
    const sentences = sample.flatMap((p) =>
      (p.convictions ?? []).flatMap((c) => (c.sentence ? [c.sentence] : [])),
    );
    expect(sentences.filter((s) => 'life' in s).length).toBeGreaterThan(0);
    const terms = sentences.flatMap((s) => ('days' in s ? [s] : []));
    expect(terms.filter((s) => releaseDate(s) < DEFAULT_AS_OF).length).toBeGreaterThan(100);
    expect(terms.filter((s) => releaseDate(s) > DEFAULT_AS_OF).length).toBeGreaterThan(100);

    let chains = 0;
    let longest = 0;
    for (const person of sample) {
      const byId = new Map((person.convictions ?? []).map((c) => [c.id, c]));
      for (const conviction of person.convictions ?? []) {
        const sentence = conviction.sentence;
        if (!sentence || !('days' in sentence) || !sentence.consecutiveTo) continue;
        chains++;
        const previous = byId.get(sentence.consecutiveTo)?.sentence;
        // The id names an earlier conviction, and the count starts the day after that one ends.
        expect(Number(sentence.consecutiveTo.slice(1))).toBeLessThan(Number(conviction.id.slice(1)));
        expect(previous && 'days' in previous).toBe(true);
        if (previous && 'days' in previous) expect(sentence.start).toBe(addDays(releaseDate(previous), 1));
        const first = (person.convictions ?? [])[0]?.sentence;
        if (first) {
          const years = Temporal.PlainDate.from(first.start).until(releaseDate(sentence), {
            largestUnit: 'years',
          });
          longest = Math.max(longest, years.years);
        }
      }
    }
    expect(chains).toBeGreaterThan(10);
    expect(longest).toBeGreaterThanOrEqual(100);
  });

  it('gives affiliations independently of convictions, mostly on weak bases', () => {
    const affiliated = (p: PersonRecordInput) => (p.affiliations ?? []).length > 0;
    expect(convicted.some(affiliated)).toBe(true);
    expect(unconvicted.some(affiliated)).toBe(true);
    expect(Math.abs(share(convicted, affiliated) - share(unconvicted, affiliated))).toBeLessThan(0.05);
    const bases = sample.flatMap((p) => (p.affiliations ?? []).map((a) => a.basis));
    const weak = bases.filter((b) => b === 'tattoos' || b === 'association' || b === 'intelligence');
    expect(weak.length / bases.length).toBeGreaterThan(0.7);
    const organizations = new Set(sample.flatMap((p) => (p.affiliations ?? []).map((a) => a.organization)));
    expect([...organizations].sort()).toEqual([
      'Barrio 18 Revolucionarios',
      'Barrio 18 Sureños',
      'MS-13',
      'Tren de Aragua',
    ]);
  });

  it('records removal orders, protections, consent, holds and notices', () => {
    expect(share(sample, (p) => p.removalOrder?.final === true)).toBeGreaterThan(0.3);
    expect(share(sample, (p) => p.removalOrder?.final === false)).toBeGreaterThan(0.05);
    const protections = new Set(sample.flatMap((p) => (p.protections ?? []).map((x) => x.type)));
    for (const type of ['withholding_of_removal', 'cat_deferral', 'asylum_pending', 'tps']) {
      expect(protections).toContain(type);
    }
    expect(sample.some((p) => p.consent && p.nationalities.includes('SV'))).toBe(true);
    expect(sample.every((p) => !p.consent || p.nationalities.includes('SV'))).toBe(true);
    const holds = sample.flatMap((p) => p.holds ?? []);
    expect(holds.some((h) => h.lifted)).toBe(true);
    expect(holds.some((h) => !h.lifted)).toBe(true);
    expect(
      holds.filter((h) => h.type !== 'stay_of_removal').every((h) => /^\d:\d{2}-cv-\d{5}$/.test(h.case)),
    ).toBe(true);
    expect(share(sample, (p) => p.notice != null)).toBeGreaterThan(0.1);
    expect(share(sample, (p) => p.identityVerification != null)).toBeGreaterThan(0.7);
    expect(share(sample, (p) => p.identityVerification == null)).toBeGreaterThan(0.05);
  });

  it('dates nothing after asOf except the future parts of running sentences', () => {
    const asOf = '2024-06-30';
    for (const person of roster(1500, 5, asOf)) {
      const dates = [
        person.birthDate,
        person.identityVerification?.date,
        person.removalOrder?.date,
        person.consent?.verifiedOn,
        person.notice?.servedOn,
        ...(person.convictions ?? []).map((c) => c.judgmentDate),
        ...(person.pendingCharges ?? []).map((c) => c.filed),
        ...(person.protections ?? []).map((x) => x.date),
        ...(person.affiliations ?? []).map((a) => a.date),
        ...(person.holds ?? []).flatMap((h) => [h.issued, h.lifted]),
      ];
      for (const date of dates) if (date) expect(date <= asOf, `${person.ref} has ${date}`).toBe(true);
      for (const c of person.convictions ?? []) {
        if (c.sentence && !c.sentence.consecutiveTo) expect(c.sentence.start).toBe(c.judgmentDate);
      }
      expect(person.ref.startsWith('ICE-2024-') || person.ref.startsWith('BOP-2024-')).toBe(true);
    }
  });

  it('is lazy: the first 10 of a billion come at once', () => {
    const started = performance.now();
    const first: PersonRecordInput[] = [];
    for (const person of generateRoster({ count: 1e9, seed: 1 })) {
      first.push(person);
      if (first.length === 10) break;
    }
    expect(first).toHaveLength(10);
    expect(first).toEqual(roster(10, 1));
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('rejects a bad count, seed or asOf with a message that says what to pass', () => {
    // Checked when called, not at the first person, so a caller can report it before opening files.
    expect(() => generateRoster({ count: -1, seed: 1 })).toThrow(/count must be a whole number/);
    expect(() => generateRoster({ count: 1, seed: 1.5 })).toThrow(/seed must be a whole number/);
    expect(() => generateRoster({ count: 1, seed: 1, asOf: '2025-02-30' })).toThrow(/asOf must be a date/);
  });
});

describe('name pools', () => {
  it('hold at least 80 given names per sex and 120 surnames, without repeats', () => {
    const male = [...MALE_GIVEN_NAMES, ...VENEZUELAN_MALE_GIVEN_NAMES];
    const female = [...FEMALE_GIVEN_NAMES, ...VENEZUELAN_FEMALE_GIVEN_NAMES];
    const surnames = [
      ...COMMON_SURNAMES,
      ...CENTRAL_AMERICAN_SURNAMES,
      ...ANDEAN_SURNAMES,
      ...MEXICAN_SURNAMES,
    ];
    for (const [pool, minimum] of [
      [male, 80],
      [female, 80],
      [surnames, 120],
    ] as const) {
      expect(pool.length).toBeGreaterThanOrEqual(minimum);
      expect(new Set(pool).size).toBe(pool.length);
    }
  });

  it('gives real-looking names: accents, compound given names, some without a maternal surname', () => {
    expect(share(sample, (p) => /[áéíóúñÁÉÍÓÚÑ]/.test(Object.values(p.names).join(' ')))).toBeGreaterThan(
      0.5,
    );
    expect(share(sample, (p) => p.names.given.includes(' '))).toBeGreaterThan(0.3);
    expect(share(sample, (p) => !p.names.maternal)).toBeGreaterThan(0.03);
    expect(share(sample, (p) => (p.aliases ?? []).length > 0)).toBeGreaterThan(0.15);
    for (const person of sample) {
      const full = [person.names.given, person.names.paternal, person.names.maternal]
        .filter(Boolean)
        .join(' ');
      expect(person.aliases ?? []).not.toContain(full);
    }
  });
});
