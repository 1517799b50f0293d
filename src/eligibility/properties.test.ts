import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CONVICTION_CATEGORIES,
  type PersonRecord,
  type PersonRecordInput,
  personRecordSchema,
} from '../people/model.js';
import { aConviction, anEligiblePerson } from '../test-support/eligibility-fixtures.js';
import { CECOT_2025_V1, type Screening, screen } from './engine.js';
import { outcomeOf, RULE_IDS } from './policy.js';
import { RULE_SOURCES } from './rules.js';

/*
 * Property tests over arbitrary valid person records. The generator leans towards values that pass, so
 * that eligible and pending outcomes are common enough for the properties to bite, not only ineligible.
 */

const DAY_MS = 86_400_000;
const BASE = Date.UTC(2000, 0, 1);
const isoDay = (n: number) => new Date(BASE + n * DAY_MS).toISOString().slice(0, 10);
/** A date from 2000-01-01 to about 2027. */
const date = fc.integer({ min: 0, max: 10_000 }).map(isoDay);
/** A date near the cecot-2025 start, so notice, holds and verifications fall on both sides of it. */
const asOfArb = fc.integer({ min: 9_100, max: 9_300 }).map(isoDay);
const nearDate = fc.integer({ min: 8_900, max: 9_400 }).map(isoDay);
const country = fc.constantFrom('SV', 'VE', 'HN', 'GT', 'MX');

const CATEGORIES = CONVICTION_CATEGORIES;

const sentenceArb = fc.oneof(
  { weight: 1, arbitrary: fc.constant(null) },
  {
    weight: 1,
    arbitrary: fc.record({ life: fc.constant(true as const), start: date, creditDays: fc.constant(0) }),
  },
  {
    weight: 6,
    arbitrary: fc
      .record({
        days: fc.oneof(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 0, max: 365_250 })),
        start: date,
        credit: fc.integer({ min: 0, max: 400 }),
      })
      .map(({ days, start, credit }) => ({ days, start, creditDays: Math.min(days, credit) })),
  },
);

const convictionsArb = fc
  .array(
    fc.record({
      category: fc.constantFrom(...CATEGORIES),
      final: fc.oneof(
        { weight: 4, arbitrary: fc.constant(true) },
        { weight: 1, arbitrary: fc.constant(false) },
      ),
      judgmentDate: date,
      sentence: sentenceArb,
      previous: fc.option(fc.nat(), { freq: 3 }),
    }),
    { maxLength: 4 },
  )
  .map((list) =>
    list.map((c, i) => ({
      id: `c${i + 1}`,
      court: 'U.S. District Court, S.D. Tex.',
      caseNumber: `4:2${i}-cr-00${i}12`,
      offense: `Offense ${i + 1}`,
      statute: null,
      category: c.category,
      judgmentDate: c.judgmentDate,
      final: c.final,
      // Only earlier convictions, so chains never loop.
      sentence: c.sentence && {
        ...c.sentence,
        consecutiveTo: c.previous === null || i === 0 ? null : `c${(c.previous % i) + 1}`,
      },
    })),
  );

const affiliationsArb = fc.array(
  fc.record({
    organization: fc.constantFrom(
      'MS-13',
      'Tren de Aragua',
      'Barrio 18 Sureños',
      'Barrio 18 Revolucionarios',
    ),
    basis: fc.constantFrom('court_finding', 'self_admission', 'intelligence', 'tattoos', 'association'),
    source: fc.option(fc.constantFrom('PSR', 'ICE I-213', 'Gang database')),
    date: fc.option(date),
  }),
  { maxLength: 3 },
);

const holdArb = fc
  .record({
    type: fc.constantFrom('tro', 'habeas_petition', 'stay_of_removal', 'court_order'),
    court: fc.constantFrom('D.D.C.', 'S.D. Tex.'),
    case: fc.constantFrom('1:25-cv-00766', '4:25-cv-01234'),
    issued: nearDate,
    liftedAfter: fc.option(fc.integer({ min: 0, max: 200 }), { freq: 2 }),
  })
  .map(({ liftedAfter, ...h }) => ({
    ...h,
    lifted: liftedAfter === null ? null : isoDay((Date.parse(h.issued) - BASE) / DAY_MS + liftedAfter),
  }));

/** An arbitrary person record as an import row would give it; parsed by the person schema. */
const personArb: fc.Arbitrary<PersonRecord> = fc
  .record({
    nationalities: fc.uniqueArray(country, { minLength: 1, maxLength: 2 }),
    legalStatus: fc.oneof(
      { weight: 6, arbitrary: fc.constant('no_status' as const) },
      {
        weight: 4,
        arbitrary: fc.constantFrom(
          'citizen',
          'lawful_permanent_resident',
          'visa_holder',
          'asylum_seeker',
          'refugee',
          'temporary_protected_status',
        ),
      },
    ),
    identityVerification: fc.option(
      fc.record({ method: fc.constantFrom('biometric', 'two_identifiers'), date: nearDate }),
      { freq: 5 },
    ),
    convictions: convictionsArb,
    pendingCharges: fc.array(
      fc.record({
        court: fc.constant('Harris County'),
        caseNumber: fc.constant('2024-1'),
        offense: fc.constant('Assault'),
      }),
      { maxLength: 2 },
    ),
    removalOrder: fc.option(fc.record({ final: fc.boolean(), date, destination: country }), { freq: 4 }),
    protections: fc.oneof(
      { weight: 3, arbitrary: fc.constant([] as never[]) },
      {
        weight: 1,
        arbitrary: fc.array(
          fc.record({
            type: fc.constantFrom(
              'withholding_of_removal',
              'cat_withholding',
              'cat_deferral',
              'asylum_pending',
              'asylum_granted',
              'refugee',
              'tps',
            ),
            country: fc.oneof(country, fc.constant('ALL')),
          }),
          { maxLength: 2 },
        ),
      },
    ),
    consent: fc.option(fc.record({ verifiedBy: fc.constant('U.S. Magistrate Judge'), verifiedOn: nearDate })),
    dualCriminality: fc.constantFrom(true, false, null),
    affiliations: affiliationsArb,
    holds: fc.oneof(
      { weight: 3, arbitrary: fc.constant([] as never[]) },
      { weight: 1, arbitrary: fc.array(holdArb, { maxLength: 2 }) },
    ),
    notice: fc.option(fc.record({ servedOn: nearDate, counselNotified: fc.boolean() }), { freq: 5 }),
  })
  .map((fields) => {
    const base = anEligiblePerson();
    const input: PersonRecordInput = {
      ref: base.ref,
      names: base.names,
      birthDate: base.birthDate,
      sex: base.sex,
      identifiers: base.identifiers,
      ...fields,
    };
    return personRecordSchema.parse(input);
  });

/**
 * With `paperwork`, the procedural facts are put in order for `asOf` (notice 30 days before on counsel
 * too, identity verified, a final removal order), so that about a quarter of such records are eligible
 * and the properties about eligible people are exercised often.
 */
function withPaperwork(person: PersonRecord, asOf: string, paperwork: boolean): PersonRecord {
  if (!paperwork) return person;
  const before = isoDay((Date.parse(asOf) - BASE) / DAY_MS - 30);
  return {
    ...person,
    notice: { servedOn: before, counselNotified: true },
    identityVerification: { method: 'biometric', date: before },
    removalOrder: { final: true, date: before, destination: 'SV' },
  };
}

const resultsOf = (s: Screening) => s.rules.map((r) => [r.id, r.result]);

/** The same value with every object's keys in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reversedKeys(v)]),
    );
  }
  return value;
}

describe('screening properties', () => {
  it('the generator yields every outcome', () => {
    const outcomes = new Set(
      fc
        .sample(fc.tuple(personArb, asOfArb), { numRuns: 400, seed: 7 })
        .map(([p, asOf]) => screen(p, CECOT_2025_V1, asOf).outcome),
    );
    expect([...outcomes].sort()).toEqual(['eligible', 'ineligible', 'pending']);
  });

  it('is deterministic: the same inputs give a deep-equal screening, hash included, whatever the key order', () => {
    fc.assert(
      fc.property(personArb, asOfArb, (person, asOf) => {
        const first = screen(person, CECOT_2025_V1, asOf);
        expect(screen(structuredClone(person), CECOT_2025_V1, asOf)).toEqual(first);
        expect(screen(reversedKeys(person) as PersonRecord, CECOT_2025_V1, asOf)).toEqual(first);
      }),
    );
  });

  it('has an outcome that is ineligible iff a rule fails, pending iff none fails and one is pending', () => {
    fc.assert(
      fc.property(personArb, asOfArb, (person, asOf) => {
        const s = screen(person, CECOT_2025_V1, asOf);
        const results = s.rules.map((r) => r.result);
        expect(s.outcome === 'ineligible').toBe(results.includes('fail'));
        expect(s.outcome === 'pending').toBe(!results.includes('fail') && results.includes('pending'));
        expect(s.outcome).toBe(outcomeOf(results));
        expect(s.rules.map((r) => r.id)).toEqual([...RULE_IDS]);
        for (const r of s.rules) {
          expect(r.source).toBe(RULE_SOURCES[r.id]);
          expect(r.reason.en.length).toBeGreaterThan(0);
          expect(r.reason.es.length).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('adding a final violent conviction with a long sentence never turns eligible into ineligible', () => {
    fc.assert(
      fc.property(personArb, asOfArb, fc.boolean(), (generated, asOf, paperwork) => {
        const person = withPaperwork(generated, asOf, paperwork);
        const before = screen(person, CECOT_2025_V1, asOf);
        const added = aConviction({
          id: 'added',
          judgmentDate: asOf,
          sentence: { days: 36_500, start: asOf, creditDays: 0, consecutiveTo: null },
        });
        const after = screen({ ...person, convictions: [...person.convictions, added] }, CECOT_2025_V1, asOf);
        if (before.outcome === 'eligible') expect(after.outcome).toBe('eligible');
        expect(after.outcome === 'ineligible' && before.outcome !== 'ineligible').toBe(false);
        // Stronger: the conviction rules now pass and no other rule moves.
        for (const [i, r] of after.rules.entries()) {
          if (['convicted', 'dangerous-offense', 'remaining-sentence'].includes(r.id))
            expect(r.result).toBe('pass');
          else expect(r.result).toBe(before.rules[i]?.result);
        }
      }),
    );
  });

  it('an affiliation never changes the outcome or any rule result', () => {
    fc.assert(
      fc.property(
        personArb,
        affiliationsArb,
        asOfArb,
        fc.boolean(),
        (generated, affiliations, asOf, paperwork) => {
          const person = withPaperwork(generated, asOf, paperwork);
          const before = screen(person, CECOT_2025_V1, asOf);
          for (const variant of [affiliations, [], [...person.affiliations, ...affiliations]]) {
            const after = screen({ ...person, affiliations: variant }, CECOT_2025_V1, asOf);
            expect(after.outcome).toBe(before.outcome);
            expect(resultsOf(after)).toEqual(resultsOf(before));
          }
        },
      ),
    );
  });

  it('an active hold always makes the person ineligible', () => {
    fc.assert(
      fc.property(
        personArb,
        asOfArb,
        fc.option(fc.integer({ min: 1, max: 365 })),
        fc.integer({ min: -60, max: 30 }),
        (person, asOf, liftedAfterAsOf, issuedOffset) => {
          const at = (Date.parse(asOf) - BASE) / DAY_MS;
          const hold = {
            type: 'tro' as const,
            court: 'D.D.C.',
            case: '1:25-cv-00766',
            issued: isoDay(at + Math.min(issuedOffset, liftedAfterAsOf ?? issuedOffset)),
            lifted: liftedAfterAsOf === null ? null : isoDay(at + liftedAfterAsOf),
          };
          const held = personRecordSchema.parse({ ...person, holds: [...person.holds, hold] });
          const s = screen(held, CECOT_2025_V1, asOf);
          expect(s.outcome).toBe('ineligible');
          expect(s.rules.find((r) => r.id === 'no-active-hold')?.result).toBe('fail');
        },
      ),
    );
  });
});
