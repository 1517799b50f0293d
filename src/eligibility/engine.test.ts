import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../core/errors.js';
import { personRecordSchema } from '../people/model.js';
import { AS_OF, anEligiblePerson } from '../test-support/eligibility-fixtures.js';
import { canonicalJson, sha256Hex } from './canonical.js';
import {
  CECOT_2025_V1,
  type PolicyRecord,
  policyFromRecord,
  SENDING_STATE_LAW,
  screen,
  toOutputJson,
} from './engine.js';
import { type EligibilityPolicy, outcomeOf, RULE_IDS } from './policy.js';

/** The policy record as the cecot-2025 scenario stores it on the agreement. */
const SCENARIO_RECORD: PolicyRecord = {
  policyId: 'cecot-2025/v1',
  effectiveFrom: '2025-03-14',
  rules: RULE_IDS.map((id) => ({
    id,
    params: id === 'remaining-sentence' ? { minDays: 180 } : id === 'notice-period' ? { minDays: 21 } : {},
  })),
};

const person = personRecordSchema.parse(anEligiblePerson());

describe('outcomeOf', () => {
  it.each([
    [[], 'eligible'],
    [['pass', 'not_applicable'], 'eligible'],
    [['pass', 'pending'], 'pending'],
    [['pending', 'fail', 'pass'], 'ineligible'],
    [['not_applicable'], 'eligible'],
  ] as const)('%j → %s', (results, outcome) => {
    expect(outcomeOf(results)).toBe(outcome);
  });
});

describe('screen', () => {
  it('lists every rule of cecot-2025/v1 in the interface order', () => {
    const s = screen(person, CECOT_2025_V1, AS_OF);
    expect(s.rules.map((r) => r.id)).toEqual([
      'convicted',
      'dangerous-offense',
      'remaining-sentence',
      'not-citizen',
      'lawful-pathway',
      'no-protection',
      'notice-period',
      'no-active-hold',
      'identity-verified',
    ]);
    expect(s).toMatchObject({
      policy: 'cecot-2025/v1',
      asOf: AS_OF,
      ref: 'ICE-2025-000123',
      outcome: 'eligible',
    });
  });

  it('hashes the canonical JSON of { person, policy, asOf }', () => {
    const s = screen(person, CECOT_2025_V1, AS_OF);
    const expected = createHash('sha256')
      .update(canonicalJson({ asOf: AS_OF, policy: CECOT_2025_V1, person }))
      .digest('hex');
    expect(s.inputsHash).toBe(expected);
    expect(s.inputsHash).toMatch(/^[0-9a-f]{64}$/);
    expect(screen(person, CECOT_2025_V1, '2025-03-15').inputsHash).not.toBe(s.inputsHash);
    const reordered = Object.fromEntries(Object.entries(person).reverse()) as typeof person;
    expect(screen(reordered, CECOT_2025_V1, AS_OF).inputsHash).toBe(s.inputsHash);
  });

  it('refuses an as-of date that is not a date', () => {
    expect(() => screen(person, CECOT_2025_V1, '2025-02-30')).toThrow(DomainError);
    expect(() => screen(person, CECOT_2025_V1, '14/03/2025')).toThrow(/YYYY-MM-DD/);
  });

  it('evaluates only the rules the policy lists, still in interface order', () => {
    const policy = policyFromRecord({
      policyId: 'test/v1',
      effectiveFrom: AS_OF,
      rules: withLaw([{ id: 'no-active-hold' }, { id: 'convicted', params: {} }]),
    });
    const s = screen(person, policy, AS_OF);
    expect(s.rules.map((r) => r.id)).toEqual(['convicted', ...SENDING_STATE_LAW]);
    expect(s.policy).toBe('test/v1');
  });
});

/** Adds every sending-state-law rule a record does not already list. */
function withLaw(rules: { id: string; params?: Record<string, unknown> }[]) {
  return [
    ...rules,
    ...SENDING_STATE_LAW.filter((id) => !rules.some((r) => r.id === id)).map((id) => ({ id })),
  ];
}

describe('policyFromRecord', () => {
  it("refuses a record that leaves out any rule of the sending state's law", () => {
    for (const id of SENDING_STATE_LAW) {
      const rules = RULE_IDS.filter((r) => r !== id).map((r) => ({ id: r }));
      expect(() => policyFromRecord({ ...SCENARIO_RECORD, rules })).toThrow(new RegExp(`leaves out .*${id}`));
    }
  });

  it("names the sending state's law it leaves out in Spanish too", () => {
    const rules = RULE_IDS.filter((r) => r !== 'no-protection').map((r) => ({ id: r }));
    let caught: unknown;
    try {
      policyFromRecord({ ...SCENARIO_RECORD, rules });
    } catch (error) {
      caught = error;
    }
    if (!(caught instanceof DomainError)) throw new Error('expected a DomainError');
    expect(caught.messageKey).toBe('eligibility.policy_omits_law');
    expect(caught.localized('es')).toBe(
      `Política ${SCENARIO_RECORD.policyId}: omite la ley del Estado remitente (no-protection); una política no puede prescindir de estas reglas. Añádalas.`,
    );
  });

  it('turns the stored cecot-2025/v1 record into the engine policy', () => {
    expect(policyFromRecord(SCENARIO_RECORD)).toEqual(CECOT_2025_V1);
  });

  it('lets params override the defaults', () => {
    const record: PolicyRecord = {
      ...SCENARIO_RECORD,
      policyId: 'cecot-2025/v2',
      rules: withLaw([
        { id: 'remaining-sentence', params: { minDays: 365 } },
        { id: 'notice-period', params: { minDays: 30 } },
        { id: 'dangerous-offense', params: { categories: ['terrorism', 'violent'] } },
      ]),
    };
    const policy = policyFromRecord(record, 'HN');
    expect(policy.params).toEqual({
      minRemainingDays: 365,
      minNoticeDays: 30,
      dangerousCategories: ['terrorism', 'violent'],
    });
    expect(policy.receivingJurisdiction).toBe('HN');
    expect(policy.rules).toEqual(['dangerous-offense', 'remaining-sentence', ...SENDING_STATE_LAW]);
    const passing = screen(person, policy, AS_OF);
    const minDaysOf = (id: string) => passing.rules.find((r) => r.id === id)?.facts.minDays;
    expect([
      minDaysOf('dangerous-offense'),
      minDaysOf('remaining-sentence'),
      minDaysOf('notice-period'),
    ]).toEqual([undefined, 365, 30]);
    expect(passing.outcome).toBe('eligible');
    // 41 days of notice pass a 30-day minimum but not a 42-day one.
    const stricter = policyFromRecord({
      ...record,
      rules: withLaw([{ id: 'notice-period', params: { minDays: 42 } }]),
    });
    expect(screen(person, stricter, AS_OF).outcome).toBe('pending');
  });

  it('names an unknown rule id and every known one', () => {
    const record = { ...SCENARIO_RECORD, rules: [{ id: 'gang-member', params: {} }] };
    expect(() => policyFromRecord(record)).toThrow(DomainError);
    expect(() => policyFromRecord(record)).toThrow(
      `unknown rule id "gang-member"; the engine implements: ${RULE_IDS.join(', ')}`,
    );
  });

  it.each([
    [[{ id: 'convicted' }, { id: 'convicted' }], /listed twice/],
    [
      [{ id: 'convicted', params: { minDays: 1 } }],
      /convicted has an unknown parameter "minDays"; its parameters are: none/,
    ],
    [[{ id: 'remaining-sentence', params: { minDays: -1 } }], /minDays -1/],
    [[{ id: 'remaining-sentence', params: { minDays: '180' } }], /minDays "180"/],
    [[{ id: 'notice-period', params: { minDays: 2.5 } }], /whole number of days/],
    [
      [{ id: 'notice-period', params: { days: 21 } }],
      /unknown parameter "days"; its parameters are: minDays/,
    ],
    [[{ id: 'dangerous-offense', params: { categories: ['gang'] } }], /non-empty list from: violent/],
    [[{ id: 'dangerous-offense', params: { categories: [] } }], /non-empty list/],
  ])('refuses %j', (rules, message) => {
    expect(() => policyFromRecord({ ...SCENARIO_RECORD, rules })).toThrow(message);
  });
});

describe('toOutputJson', () => {
  const ineligible = personRecordSchema.parse(
    anEligiblePerson({ ref: 'ICE-2025-000124', legalStatus: 'citizen', nationalities: ['US'] }),
  );
  // A hand-made policy of two rules (a stored record must list the sending state's law; see above).
  const policy: EligibilityPolicy = { ...CECOT_2025_V1, rules: ['convicted', 'not-citizen'] };

  it('writes exactly the documented shape, keys in order, reasons in one language', () => {
    const screenings = [screen(person, policy, AS_OF), screen(ineligible, policy, AS_OF)];
    const convicted =
      '1 final conviction: Murder in aid of racketeering (U.S. District Court, S.D. Tex., 4:21-cr-00123, judgment of 2021-06-01).';
    const source = 'Offer of 2025-02-03: \\"only convicted criminals\\"';
    expect(toOutputJson(screenings, 'en')).toBe(
      '{"policy":"cecot-2025/v1","asOf":"2025-03-14","results":[' +
        `{"ref":"ICE-2025-000123","outcome":"eligible","rules":[{"id":"convicted","result":"pass","reason":"${convicted}","source":"${source}"},` +
        '{"id":"not-citizen","result":"pass","reason":"Legal status in the sending state: no status (not a citizen).","source":"18 U.S.C. 4100(b); citizens are not removable"}]},' +
        `{"ref":"ICE-2025-000124","outcome":"ineligible","rules":[{"id":"convicted","result":"pass","reason":"${convicted}","source":"${source}"},` +
        '{"id":"not-citizen","result":"fail","reason":"A citizen of the sending state: no statute or treaty lets the sending state send a citizen abroad to be imprisoned, and citizens are not removable.","source":"18 U.S.C. 4100(b); citizens are not removable"}]}]}',
    );
    const es = JSON.parse(toOutputJson(screenings, 'es'));
    expect(es.results[0].rules[1].reason).toBe(
      'Situación legal en el Estado remitente: sin estatus (no es ciudadano).',
    );
    expect(Object.keys(es)).toEqual(['policy', 'asOf', 'results']);
    expect(Object.keys(es.results[0])).toEqual(['ref', 'outcome', 'rules']);
    expect(Object.keys(es.results[0].rules[0])).toEqual(['id', 'result', 'reason', 'source']);
  });

  it('writes an empty list when given the header, and refuses mixed policies or dates', () => {
    expect(toOutputJson([], 'en', { policy: 'cecot-2025/v1', asOf: AS_OF })).toBe(
      '{"policy":"cecot-2025/v1","asOf":"2025-03-14","results":[]}',
    );
    expect(() => toOutputJson([], 'en')).toThrow(/header/);
    expect(() =>
      toOutputJson([screen(person, policy, AS_OF), screen(ineligible, policy, '2025-03-15')], 'en'),
    ).toThrow(/ICE-2025-000124.*as of 2025-03-15/);
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth, drops undefined properties, and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: null, c: 'x' }, true], e: undefined })).toBe(
      '{"a":[{"c":"x","d":null},true],"b":1}',
    );
    expect(sha256Hex({ a: 1, b: 2 })).toBe(sha256Hex({ b: 2, a: 1 }));
  });

  it('refuses what is not JSON, naming the path', () => {
    expect(() => canonicalJson({ a: [1, Number.NaN] })).toThrow('$.a[1]');
    expect(() => canonicalJson({ a: [undefined] })).toThrow('$.a[0]');
    expect(() => canonicalJson({ f: () => 1 })).toThrow('$.f');
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(() => canonicalJson(cycle)).toThrow(/circular structure: \$\.self/);
  });
});
