import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainDate } from '../core/dates.js';
import { type Conviction, type PersonRecord, personRecordSchema } from '../people/model.js';
import { AS_OF, aConviction, anEligiblePerson } from '../test-support/eligibility-fixtures.js';
import { convictionsById, daysUntil, latestRelease, releaseDate, remainingDays } from './sentence.js';

type Sentence = NonNullable<Conviction['sentence']>;

function term(days: number, start: string, creditDays = 0, consecutiveTo: string | null = null): Sentence {
  return { days, start, creditDays, consecutiveTo };
}

function life(start: string, consecutiveTo: string | null = null): Sentence {
  return { life: true, start, creditDays: 0, consecutiveTo };
}

/** Convictions c1…cn with the given sentences, validated by the person schema. */
function convictions(...sentences: (Sentence | null)[]): Conviction[] {
  const list = sentences.map((sentence, i) => aConviction({ id: `c${i + 1}`, sentence }));
  return personRecordSchema.parse(anEligiblePerson({ convictions: list })).convictions;
}

function releaseOf(list: Conviction[], id: string) {
  const byId = convictionsById(list);
  return releaseDate(byId.get(id)!, byId);
}

const addDays = (date: string, days: number) => plainDate(date).add({ days }).toString();

describe('release date = start + term − credits', () => {
  it.each([
    ['30 years from 2021-06-01 (7 leap days inside)', term(10950, '2021-06-01'), '2051-05-25'],
    ['credits shorten the term', term(365, '2024-01-01', 30), '2024-12-01'],
    ['credits equal to the term release on the start date', term(90, '2024-05-01', 90), '2024-05-01'],
    ['a zero-day term', term(0, '2024-05-01'), '2024-05-01'],
    ['one day after 28 Feb in a leap year is 29 Feb', term(1, '2024-02-28'), '2024-02-29'],
    ['one day after 28 Feb in a common year is 1 Mar', term(1, '2023-02-28'), '2023-03-01'],
    ['365 days from 29 Feb 2024 is 28 Feb 2025', term(365, '2024-02-29'), '2025-02-28'],
    ['366 days across 29 Feb 2028', term(366, '2027-06-01'), '2028-06-01'],
    ['250 years ≈ 91310 days', term(91_310, '2025-03-14'), '2275-03-14'],
    // 365250 days is 1000 Julian years; 1000 Gregorian years are 365242 or 365243 days.
    ['365250 days, the schema maximum', term(365_250, '2025-03-14'), '3025-03-22'],
    ['past year 9999 is written in ISO expanded form', term(365_250, '9999-01-01'), '+010999-01-08'],
  ])('%s', (_name, sentence, expected) => {
    expect(releaseOf(convictions(sentence), 'c1')).toEqual({ kind: 'date', date: expected });
  });

  it('a life sentence has no release date, credits or not', () => {
    expect(releaseOf(convictions(life('2020-01-01')), 'c1')).toEqual({ kind: 'life' });
    expect(
      releaseOf(convictions({ life: true, start: '2020-01-01', creditDays: 400, consecutiveTo: null }), 'c1'),
    ).toEqual({ kind: 'life' });
  });

  it('a conviction without a sentence has no release date', () => {
    expect(releaseOf(convictions(null), 'c1')).toBeNull();
  });
});

describe('consecutive sentences start the day after the previous one ends', () => {
  it('a recorded start earlier than the previous release is overridden by the derived start', () => {
    // c1: 100 days from 2020-01-01 (a leap year) → 2020-04-10. c2 starts 2020-04-11, not 2020-01-01.
    const list = convictions(term(100, '2020-01-01'), term(50, '2020-01-01', 0, 'c1'));
    expect(releaseOf(list, 'c1')).toEqual({ kind: 'date', date: '2020-04-10' });
    expect(releaseOf(list, 'c2')).toEqual({ kind: 'date', date: '2020-05-31' });
  });

  it('a recorded start later than the previous release is kept', () => {
    const list = convictions(term(100, '2020-01-01'), term(50, '2021-01-01', 0, 'c1'));
    expect(releaseOf(list, 'c2')).toEqual({ kind: 'date', date: '2021-02-20' });
  });

  it('credits apply to each sentence of the chain', () => {
    const list = convictions(term(100, '2020-01-01', 10), term(50, '2020-01-01', 5, 'c1'));
    expect(releaseOf(list, 'c1')).toEqual({ kind: 'date', date: '2020-03-31' });
    expect(releaseOf(list, 'c2')).toEqual({ kind: 'date', date: addDays('2020-04-01', 45) });
  });

  it('follows a chain recursively, whatever order the convictions are listed in', () => {
    // c3 → c2 → c1, listed last-first.
    const chain = convictions(
      term(10, '2020-01-01', 0, 'c2'),
      term(10, '2020-01-01', 0, 'c3'),
      term(10, '2020-01-01'),
    );
    expect(releaseOf(chain, 'c3')).toEqual({ kind: 'date', date: '2020-01-11' });
    expect(releaseOf(chain, 'c2')).toEqual({ kind: 'date', date: '2020-01-22' });
    expect(releaseOf(chain, 'c1')).toEqual({ kind: 'date', date: '2020-02-02' });
  });

  it('stacked counts totalling more than 300 years', () => {
    // Three counts of 36525 days, each starting the day after the previous one ends: 109577 days, where
    // 300 Gregorian years from 2010 are 109572 (2100, 2200 and 2300 are not leap years).
    const list = convictions(
      term(36_525, '2010-01-01'),
      term(36_525, '2010-01-01', 0, 'c1'),
      term(36_525, '2010-01-01', 0, 'c2'),
    );
    expect(releaseOf(list, 'c3')).toEqual({ kind: 'date', date: addDays('2010-01-01', 3 * 36_525 + 2) });
    expect(releaseOf(list, 'c3')).toEqual({ kind: 'date', date: '2310-01-06' });
  });

  it('consecutive to a life sentence is life, and so is everything after it in the chain', () => {
    const list = convictions(
      life('2020-01-01'),
      term(365, '2020-01-01', 0, 'c1'),
      term(10, '2020-01-01', 0, 'c2'),
    );
    expect(releaseOf(list, 'c2')).toEqual({ kind: 'life' });
    expect(releaseOf(list, 'c3')).toEqual({ kind: 'life' });
  });

  it('a life sentence consecutive to a term is life', () => {
    const list = convictions(term(365, '2020-01-01'), life('2020-01-01', 'c1'));
    expect(releaseOf(list, 'c2')).toEqual({ kind: 'life' });
  });

  it('a sentence consecutive to a conviction without a sentence starts on its own recorded start', () => {
    const list = convictions(null, term(10, '2020-01-01', 0, 'c1'));
    expect(releaseOf(list, 'c2')).toEqual({ kind: 'date', date: '2020-01-11' });
  });

  it('a release past +275760-09-13 is beyond any representable date and counts as life', () => {
    // 280 chained 1000-year counts: 280,000 years, past the last date Temporal.PlainDate can hold.
    const sentences = Array.from({ length: 280 }, (_, i) =>
      term(365_250, '2025-01-01', 0, i === 0 ? null : `c${i}`),
    );
    const list = convictions(...sentences);
    expect(releaseOf(list, 'c280')).toEqual({ kind: 'life', beyondRepresentable: true });
    expect(releaseOf(list, 'c273')).toMatchObject({ kind: 'date' });
    expect(releaseOf(list, 'c274')).toEqual({ kind: 'life', beyondRepresentable: true });
    const person = anEligiblePerson({ convictions: list });
    expect(remainingDays(person, AS_OF)).toBe(Number.POSITIVE_INFINITY);
    // c274 is the first count past the limit; every later one is beyond it too, and ties keep the first.
    expect(latestRelease(person)).toEqual({
      convictionId: 'c274',
      release: { kind: 'life', beyondRepresentable: true },
    });
  });

  it('refuses a chain the schema would refuse, instead of guessing', () => {
    const loop = [
      aConviction({ id: 'a', sentence: term(10, '2020-01-01', 0, 'b') }),
      aConviction({ id: 'b', sentence: term(10, '2020-01-01', 0, 'a') }),
    ];
    const byId = convictionsById(loop);
    expect(() => releaseDate(loop[0]!, byId)).toThrow(/loop/);
    const dangling = aConviction({ id: 'a', sentence: term(10, '2020-01-01', 0, 'zz') });
    expect(() => releaseDate(dangling, convictionsById([dangling]))).toThrow(/zz/);
  });
});

describe('remaining days on final sentences', () => {
  const person = (...list: Conviction[]): PersonRecord => anEligiblePerson({ convictions: list });

  it('counts whole days from the as-of date to the latest final release', () => {
    const p = person(aConviction({ sentence: term(120, AS_OF) }));
    expect(remainingDays(p, AS_OF)).toBe(120);
    expect(remainingDays(p, '2025-03-13')).toBe(121);
    expect(remainingDays(p, addDays(AS_OF, 120))).toBe(0);
  });

  it('is 0 once the release date has passed', () => {
    expect(remainingDays(person(aConviction({ sentence: term(10, '2010-01-01') })), AS_OF)).toBe(0);
  });

  it('is Infinity for life, and null without a final sentence', () => {
    expect(remainingDays(person(aConviction({ sentence: life('2010-01-01') })), AS_OF)).toBe(
      Number.POSITIVE_INFINITY,
    );
    expect(remainingDays(person(), AS_OF)).toBeNull();
    expect(remainingDays(person(aConviction({ sentence: null })), AS_OF)).toBeNull();
  });

  it('ignores sentences that are not final, but follows a final one consecutive to them', () => {
    const appeal = aConviction({ id: 'c1', final: false, sentence: life('2020-01-01') });
    expect(remainingDays(person(appeal), AS_OF)).toBeNull();
    const after = aConviction({ id: 'c2', sentence: term(10, '2020-01-01', 0, 'c1') });
    expect(remainingDays(person(appeal, after), AS_OF)).toBe(Number.POSITIVE_INFINITY);
  });

  it('takes the latest release over all final sentences, and names its conviction', () => {
    const p = person(
      aConviction({ id: 'c1', sentence: term(1000, '2024-01-01') }),
      aConviction({ id: 'c2', sentence: term(200, '2025-01-01') }),
      aConviction({ id: 'c3', sentence: term(5000, '2010-01-01') }),
    );
    expect(latestRelease(p)).toEqual({ convictionId: 'c1', release: { kind: 'date', date: '2026-09-27' } });
    expect(remainingDays(p, AS_OF)).toBe(daysUntil({ kind: 'date', date: '2026-09-27' }, AS_OF));
    expect(remainingDays(p, AS_OF)).toBe(562);
  });

  it('works for a 250-year term: 91310 days from the as-of date', () => {
    expect(remainingDays(person(aConviction({ sentence: term(91_310, AS_OF) })), AS_OF)).toBe(91_310);
  });
});

describe('properties of sentence arithmetic', () => {
  const chainArb = fc.array(
    fc.record({
      days: fc.oneof(fc.integer({ min: 0, max: 3650 }), fc.integer({ min: 0, max: 365_250 })),
      credit: fc.integer({ min: 0, max: 100 }),
      startOffset: fc.integer({ min: 0, max: 20_000 }),
      previous: fc.option(fc.nat(), { freq: 2 }),
    }),
    { minLength: 1, maxLength: 6 },
  );

  it('a release is never before start + term − credits, and a consecutive one is after the previous', () => {
    fc.assert(
      fc.property(chainArb, (raw) => {
        const list = convictions(
          ...raw.map((r, i) =>
            term(
              r.days,
              addDays('1990-01-01', r.startOffset),
              Math.min(r.credit, r.days),
              r.previous === null || i === 0 ? null : `c${(r.previous % i) + 1}`,
            ),
          ),
        );
        const byId = convictionsById(list);
        for (const c of list) {
          const s = c.sentence as {
            days: number;
            start: string;
            creditDays: number;
            consecutiveTo?: string | null;
          };
          const release = releaseDate(c, byId);
          if (release?.kind !== 'date') throw new Error('a chain of at most 6000 years has a date');
          const own = addDays(s.start, s.days - s.creditDays);
          expect(plainDate(release.date).since(plainDate(own)).sign).toBeGreaterThanOrEqual(0);
          if (s.consecutiveTo) {
            const previous = releaseDate(byId.get(s.consecutiveTo)!, byId);
            if (previous?.kind !== 'date') throw new Error('expected a date');
            const gap = plainDate(release.date).since(plainDate(previous.date), { largestUnit: 'day' }).days;
            expect(gap).toBeGreaterThanOrEqual(1 + s.days - s.creditDays);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
