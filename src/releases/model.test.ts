import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { epochDayOf, isoOfEpochDay } from '../core/days.js';
import { type Conviction, personRecordSchema } from '../people/model.js';
import { aConviction, anEligiblePerson } from '../test-support/eligibility-fixtures.js';
import {
  changeReason,
  compute,
  decideCalculation,
  decideOverride,
  inputsHashOf,
  inputsOf,
  type ReleaseDateCalculated,
  standingOf,
} from './model.js';

type Sentence = NonNullable<Conviction['sentence']>;
const NOW = new Date('2025-06-01T12:00:00Z');
let n = 0;
const newId = () => `id-${++n}`;

function term(days: number, start: string, creditDays = 0, consecutiveTo: string | null = null): Sentence {
  return { days, start, creditDays, consecutiveTo };
}

function person(...sentences: (Sentence | null)[]) {
  const convictions = sentences.map((sentence, i) => aConviction({ id: `c${i + 1}`, sentence }));
  return personRecordSchema.parse(anEligiblePerson({ convictions }));
}

function calculated(e: ReturnType<typeof decideCalculation>): ReleaseDateCalculated {
  if (!e) throw new Error('expected a calculation');
  return e.payload;
}

describe('a calculation', () => {
  it('stores its inputs, their hash, the result and a line per sentence, the governing one marked', () => {
    const p = person(term(365, '2024-01-01', 30), term(100, '2024-06-01', 0, 'c1'));
    const c = calculated(decideCalculation('p1', undefined, p, NOW, newId));
    expect(c.reason).toBe('initial');
    expect(c.inputsHash).toBe(inputsHashOf(inputsOf(p)));
    expect(c.result).toEqual({ kind: 'date', date: '2025-03-12' });
    expect(c.breakdown).toEqual([
      expect.objectContaining({
        convictionId: 'c1',
        start: '2024-01-01',
        release: { kind: 'date', date: '2024-12-01' },
        governing: false,
      }),
      expect.objectContaining({
        convictionId: 'c2',
        recordedStart: '2024-06-01',
        start: '2024-12-02',
        consecutiveTo: 'c1',
        governing: true,
      }),
    ]);
  });

  it('life has no date, and says so; a person with no final sentence has none', () => {
    const life = person({ life: true, start: '2020-01-01', creditDays: 0, consecutiveTo: null });
    expect(calculated(decideCalculation('p1', undefined, life, NOW, newId)).result).toEqual({
      kind: 'life',
      beyondRepresentable: false,
    });
    expect(calculated(decideCalculation('p1', undefined, person(null), NOW, newId)).result).toEqual({
      kind: 'none',
    });
  });

  it('a sentence after a life term in a chain never starts', () => {
    const p = person(
      { life: true, start: '2020-01-01', creditDays: 0, consecutiveTo: null },
      term(100, '2020-01-01', 0, 'c1'),
    );
    expect(compute(inputsOf(p)).breakdown[1]).toMatchObject({ start: null, release: { kind: 'life' } });
  });

  it('names why it was recalculated: credits only, or the sentence itself', () => {
    const before = person(term(365, '2024-01-01', 0));
    const first = calculated(decideCalculation('p1', undefined, before, NOW, newId));
    const current = { inputsHash: first.inputsHash, inputs: first.inputs, override: null };
    const credits = calculated(
      decideCalculation('p1', current, person(term(365, '2024-01-01', 20)), NOW, newId),
    );
    expect([credits.reason, credits.result]).toEqual([
      'credits_changed',
      { kind: 'date', date: '2024-12-11' },
    ]);
    const longer = calculated(
      decideCalculation('p1', current, person(term(400, '2024-01-01', 0)), NOW, newId),
    );
    expect(longer.reason).toBe('sentence_changed');
    expect(changeReason(first.inputs, first.inputs)).toBe('credits_changed');
  });

  it('an override keeps the computed result beside the date set, with the reason, the order and the role', () => {
    const p = person(term(365, '2024-01-01'));
    const first = calculated(decideCalculation('p1', undefined, p, NOW, newId));
    const current = { inputsHash: first.inputsHash, inputs: first.inputs, override: null };
    const order = { reference: 'HC-2025-14', court: 'Sala de lo Constitucional', date: '2025-05-30' };
    const o = decideOverride(
      'p1',
      current,
      { date: '2024-10-01', reason: 'sentence reduced', courtOrder: order, role: 'court' },
      NOW,
      newId,
    );
    if ('key' in o) throw new Error(o.key);
    expect(o.payload).toMatchObject({
      reason: 'court_order',
      computed: { kind: 'date', date: '2024-12-31' },
      result: { kind: 'date', date: '2024-10-01' },
      override: { reason: 'sentence reduced', courtOrder: order, role: 'court' },
    });
    const plain = decideOverride(
      'p1',
      current,
      { date: '2024-10-01', reason: 'x', courtOrder: null, role: 'sending_legal' },
      NOW,
      newId,
    );
    expect('key' in plain ? plain.key : plain.payload.reason).toBe('override');
  });

  it('refuses an override with no calculation, no reason, or a date before the sentence began', () => {
    const p = person(term(365, '2024-01-01'));
    const first = calculated(decideCalculation('p1', undefined, p, NOW, newId));
    const current = { inputsHash: first.inputsHash, inputs: first.inputs, override: null };
    const input = { date: '2024-10-01', reason: 'r', courtOrder: null, role: 'court' };
    expect(decideOverride('p1', undefined, input, NOW, newId)).toMatchObject({
      key: 'release_date.not_calculated',
    });
    expect(decideOverride('p1', current, { ...input, reason: '  ' }, NOW, newId)).toMatchObject({
      key: 'release_date.override_reason_missing',
    });
    expect(decideOverride('p1', current, { ...input, date: '2023-12-31' }, NOW, newId)).toMatchObject({
      key: 'release_date.override_before_start',
      params: { start: '2024-01-01' },
    });
  });
});

describe('standing on a day', () => {
  it.each([
    ['due in 10 days', '2025-06-11', false, { status: 'due', days: 10 }],
    ['on the release date itself, still lawful', '2025-06-01', false, { status: 'due', days: 0 }],
    ['a day past it, overdue', '2025-05-31', false, { status: 'overdue', days: 1 }],
    ['a day past it, explained by a court order', '2025-05-31', true, { status: 'explained', days: 1 }],
  ])('%s', (_name, date, explained, expected) => {
    expect(standingOf({ kind: 'date', date }, '2025-06-01', explained)).toEqual(expected);
  });

  it('life and none have no release', () => {
    expect(standingOf({ kind: 'life', beyondRepresentable: false }, '2025-06-01', false)).toEqual({
      status: 'none',
    });
    expect(standingOf({ kind: 'none' }, '2025-06-01', false)).toEqual({ status: 'none' });
  });
});

/** A chain c1 ← c2 ← … of terms, each consecutive to the one before with the given probability. */
const chainArb = fc
  .array(
    fc.record({
      days: fc.integer({ min: 0, max: 20_000 }),
      credit: fc.integer({ min: 0, max: 100 }),
      start: fc.integer({ min: epochDayOf('2000-01-01'), max: epochDayOf('2030-12-31') }),
      consecutive: fc.boolean(),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map((links) =>
    person(
      ...links.map((l, i) =>
        term(
          l.days,
          isoOfEpochDay(l.start),
          Math.min(l.credit, l.days),
          l.consecutive && i > 0 ? `c${i}` : null,
        ),
      ),
    ),
  );

describe('properties', () => {
  it("a consecutive sentence's release is never earlier than the one it follows", () => {
    fc.assert(
      fc.property(chainArb, (p) => {
        const { breakdown } = compute(inputsOf(p));
        const byId = new Map(breakdown.map((l) => [l.convictionId, l]));
        for (const line of breakdown) {
          const before = line.consecutiveTo ? byId.get(line.consecutiveTo) : undefined;
          if (before?.release.kind !== 'date' || line.release.kind !== 'date') continue;
          expect(epochDayOf(line.release.date)).toBeGreaterThanOrEqual(epochDayOf(before.release.date));
        }
      }),
    );
  });

  it("credits never move a sentence's release before its start, and the person's date is the latest line", () => {
    fc.assert(
      fc.property(chainArb, (p) => {
        const { result, breakdown } = compute(inputsOf(p));
        for (const line of breakdown) {
          if (line.release.kind !== 'date' || !line.start) continue;
          expect(epochDayOf(line.release.date)).toBeGreaterThanOrEqual(epochDayOf(line.start));
        }
        const latest = Math.max(
          ...breakdown.flatMap((l) => (l.release.kind === 'date' ? [epochDayOf(l.release.date)] : [])),
        );
        expect(result.kind === 'date' ? epochDayOf(result.date) : latest).toBe(latest);
      }),
    );
  });

  it('recomputing on unchanged inputs makes no new calculation, whatever the order of keys', () => {
    fc.assert(
      fc.property(chainArb, (p) => {
        const first = calculated(decideCalculation('p1', undefined, p, NOW, newId));
        const current = { inputsHash: first.inputsHash, inputs: first.inputs, override: null };
        expect(decideCalculation('p1', current, structuredClone(p), NOW, newId)).toBeNull();
      }),
    );
  });
});
