import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDate } from '../core/dates.js';
import { addDays } from '../core/days.js';
import { DomainError } from '../core/errors.js';
import { DEFAULT_THRESHOLDS, evaluateCompliance } from './compliance.js';
import { decideConsular, isForeignNational, judgeConsular } from './consular.js';
import {
  decideEndIsolation,
  decideStartIsolation,
  type IsolationPlacementInput,
  isolationRuns,
  judgeIsolation,
} from './isolation.js';

const NOW = new Date('2025-05-01T12:00:00Z');
const DAY = 86_400_000;
const ids = () => {
  let n = 0;
  return () => `id-${++n}`;
};

const start = (over: Partial<Parameters<typeof decideStartIsolation>[0]> = {}) => ({
  facilityId: 'f1',
  personId: 'p1',
  cellId: 'c1',
  cell: 'M1-C01',
  reason: 'disciplinary sanction',
  authorisedBy: 'Director J. Pérez',
  lighting: 'normal',
  startedAt: '2025-04-10T08:00:00Z',
  ...over,
});
const inCustody = {
  intervals: [{ id: 'i1', startedAt: '2025-03-16T01:00:00Z', endedAt: null }],
  placements: [],
};

function code(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return `${error.code} ${error.messageKey}`;
    throw error;
  }
  return 'accepted';
}

describe('starting and ending an isolation placement', () => {
  it('records person, cell, reason, who authorised it, lighting and start, inside the custody interval', () => {
    const event = decideStartIsolation(start(), inCustody, NOW, ids());
    expect(event).toMatchObject({
      placementId: 'id-1',
      intervalId: 'i1',
      cell: 'M1-C01',
      reason: 'disciplinary sanction',
      authorisedBy: 'Director J. Pérez',
      lighting: 'normal',
      startedAt: '2025-04-10T08:00:00.000Z',
    });
  });

  it('refuses what is missing, unknown, in the future, outside custody or overlapping', () => {
    const cases: [
      Parameters<typeof decideStartIsolation>[0],
      Parameters<typeof decideStartIsolation>[1],
      string,
    ][] = [
      [start({ reason: ' ' }), inCustody, 'invalid_input isolation.reason_missing'],
      [start({ authorisedBy: '' }), inCustody, 'invalid_input isolation.authorised_by_missing'],
      [start({ lighting: 'dim' }), inCustody, 'invalid_input isolation.lighting_unknown'],
      [start({ startedAt: 'soon' }), inCustody, 'invalid_input isolation.time_invalid'],
      [start({ startedAt: '2025-05-02T00:00:00Z' }), inCustody, 'invalid_input isolation.time_future'],
      [start({ startedAt: '2025-03-01T00:00:00Z' }), inCustody, 'rule_refusal isolation.not_in_custody'],
      [
        start(),
        {
          intervals: [{ id: 'i1', startedAt: '2025-03-16T01:00:00Z', endedAt: '2025-04-01T00:00:00Z' }],
          placements: [],
        },
        'rule_refusal isolation.not_in_custody',
      ],
      [
        start(),
        {
          ...inCustody,
          placements: [{ placementId: 'x', startedAt: '2025-04-01T00:00:00Z', endedAt: null }],
        },
        'rule_refusal isolation.overlap',
      ],
      [
        start(),
        {
          ...inCustody,
          placements: [
            { placementId: 'x', startedAt: '2025-04-01T00:00:00Z', endedAt: '2025-04-10T09:00:00Z' },
          ],
        },
        'rule_refusal isolation.overlap',
      ],
      // A placement recorded later but starting after this one: an open placement would overlap it.
      [
        start(),
        {
          ...inCustody,
          placements: [
            { placementId: 'x', startedAt: '2025-04-20T00:00:00Z', endedAt: '2025-04-21T00:00:00Z' },
          ],
        },
        'rule_refusal isolation.overlap',
      ],
    ];
    for (const [input, context, expected] of cases) {
      expect(
        code(() => decideStartIsolation(input, context, NOW, ids())),
        JSON.stringify(input),
      ).toBe(expected);
    }
    // Back to back is not an overlap: placements are half-open.
    expect(
      code(() =>
        decideStartIsolation(
          start(),
          {
            ...inCustody,
            placements: [
              { placementId: 'x', startedAt: '2025-04-01T00:00:00Z', endedAt: '2025-04-10T08:00:00Z' },
            ],
          },
          NOW,
          ids(),
        ),
      ),
    ).toBe('accepted');
  });

  it('ends an open placement once, after its start, not in the future', () => {
    const open = { placementId: 'x', personId: 'p1', startedAt: '2025-04-10T08:00:00.000Z', endedAt: null };
    expect(
      decideEndIsolation(open, { endedAt: '2025-04-20T08:00:00Z', note: ' served ' }, NOW),
    ).toMatchObject({
      endedAt: '2025-04-20T08:00:00.000Z',
      note: 'served',
    });
    expect(decideEndIsolation(open, {}, NOW).endedAt).toBe(NOW.toISOString());
    expect(code(() => decideEndIsolation(undefined, {}, NOW))).toBe('not_found isolation.not_found');
    expect(code(() => decideEndIsolation({ ...open, endedAt: '2025-04-11T00:00:00Z' }, {}, NOW))).toBe(
      'conflict isolation.already_ended',
    );
    expect(code(() => decideEndIsolation(open, { endedAt: '2025-04-10T08:00:00Z' }, NOW))).toBe(
      'invalid_input isolation.end_before_start',
    );
    expect(code(() => decideEndIsolation(open, { endedAt: '2025-04-01T08:00:00Z' }, NOW))).toBe(
      'invalid_input isolation.end_before_start',
    );
    expect(code(() => decideEndIsolation(open, { endedAt: '2025-06-01T08:00:00Z' }, NOW))).toBe(
      'invalid_input isolation.time_future',
    );
  });
});

const UTC = (instant: string) => instant.slice(0, 10);
function judge(
  placements: IsolationPlacementInput[],
  over: Partial<Parameters<typeof judgeIsolation>[0]> = {},
) {
  return judgeIsolation({
    from: '2025-01-01',
    to: '2025-12-31',
    now: '2026-01-01T00:00:00Z',
    placements,
    nightLight: () => null,
    nightHours: 8,
    dateOf: UTC,
    addDays,
    ...over,
  });
}
const placement = (
  startedAt: string,
  endedAt: string | null,
  over: Partial<IsolationPlacementInput> = {},
) => ({
  person: 'P-1',
  cellId: 'c9',
  cell: 'M9-C01',
  lighting: 'normal' as const,
  startedAt,
  endedAt,
  ...over,
});

describe('the isolation-limit rule (Mandela Rules 43–45)', () => {
  it('finds nothing in 15 days to the minute in a normally lit cell, and the 16th day once it runs longer', () => {
    const exactly = judge([placement('2025-04-01T10:00:00.000Z', '2025-04-16T10:00:00.000Z')]);
    expect(exactly.findings).toEqual([]);
    expect(exactly.evaluated).toBe(16);
    const longer = judge([placement('2025-04-01T10:00:00.000Z', '2025-04-18T10:00:00.000Z')]);
    expect(longer.findings.map((f) => [f.kind, f.date])).toEqual([
      ['prolonged', '2025-04-16'],
      ['prolonged', '2025-04-17'],
      ['prolonged', '2025-04-18'],
    ]);
    expect(longer.findings[0]?.detail).toBe('in isolation for 17.0 consecutive days; at most 15 allowed');
  });

  it('judges an open placement as running to the report instant', () => {
    const open = judge([placement('2025-04-01T00:00:00.000Z', null)], { now: '2025-04-20T12:00:00.000Z' });
    expect(open.findings.map((f) => f.date)).toEqual([
      '2025-04-16',
      '2025-04-17',
      '2025-04-18',
      '2025-04-19',
      '2025-04-20',
    ]);
  });

  it('finds every day in a cell recorded dark or constantly lit, or lit constantly by the regime log', () => {
    const dark = judge([
      placement('2025-04-01T00:00:00.000Z', '2025-04-03T00:00:00.000Z', { lighting: 'dark' }),
    ]);
    expect(dark.findings.map((f) => [f.kind, f.date, f.detail])).toEqual([
      ['lighting', '2025-04-01', 'in isolation in a cell recorded dark'],
      ['lighting', '2025-04-02', 'in isolation in a cell recorded dark'],
    ]);
    const constant = judge([
      placement('2025-04-01T00:00:00.000Z', '2025-04-02T00:00:00.000Z', { lighting: 'constant' }),
    ]);
    expect(constant.findings[0]?.detail).toBe('in isolation in a cell recorded constantly lit');
    const logged = judge([placement('2025-04-01T00:00:00.000Z', '2025-04-03T00:00:00.000Z')], {
      nightLight: (_cell, date) => (date === '2025-04-02' ? 12 : 6),
    });
    expect(logged.findings.map((f) => [f.date, f.detail])).toEqual([
      ['2025-04-02', 'in isolation in a cell the regime log records lit 12 h at night: lit constantly'],
    ]);
  });

  it('counts only the days of the period, but a run that began before it', () => {
    const r = judge([placement('2025-03-20T00:00:00.000Z', '2025-04-10T00:00:00.000Z')], {
      from: '2025-04-01',
      to: '2025-04-30',
    });
    expect(r.evaluated).toBe(9);
    expect(r.findings.map((f) => f.date)).toEqual([
      '2025-04-04',
      '2025-04-05',
      '2025-04-06',
      '2025-04-07',
      '2025-04-08',
      '2025-04-09',
    ]);
  });

  it('treats placements less than 24 h apart as one run: a short break does not restart the count', () => {
    const runs = isolationRuns(
      [
        { startedAt: '2025-04-01T00:00:00Z', endedAt: '2025-04-10T00:00:00Z' },
        { startedAt: '2025-04-10T20:00:00Z', endedAt: '2025-04-20T00:00:00Z' },
        { startedAt: '2025-04-22T00:00:00Z', endedAt: '2025-04-23T00:00:00Z' },
      ],
      '2026-01-01T00:00:00Z',
    );
    expect(runs.map((r) => (r.end - r.start) / DAY)).toEqual([19, 1]);
  });

  /** April 2025 with no regime log, no cells and no notifications: only what a test adds is judged. */
  const emptyApril = {
    from: '2025-04-01',
    to: '2025-04-30',
    cells: [],
    regime: [],
    housed: new Map(),
    notifications: [],
    now: '2025-05-01T00:00:00Z',
    thresholds: DEFAULT_THRESHOLDS,
  };

  it('reads days in the facility zone through the compliance monitor, citing Mandela Rules 43–45', () => {
    const report = evaluateCompliance({
      ...emptyApril,
      timeZone: 'America/El_Salvador',
      isolation: [placement('2025-04-01T03:00:00.000Z', '2025-04-02T03:00:00.000Z', { lighting: 'dark' })],
    });
    const rule = report.rules.find((r) => r.id === 'isolation-limit');
    // 03:00Z is 21:00 the day before in San Salvador: 31 March (outside the period) and 1 April.
    expect(rule).toMatchObject({ evaluated: 1, findings: 1, source: 'Mandela Rules 43–45', note: null });
    expect(report.findings[0]).toMatchObject({ rule: 'isolation-limit', date: '2025-04-01', person: 'P-1' });
  });

  it('says why it is not evaluated when no one was in isolation', () => {
    const report = evaluateCompliance(emptyApril);
    expect(report.rules.find((r) => r.id === 'isolation-limit')?.note).toBe(
      'no one was in isolation in this period',
    );
  });
});

/** A placement as offsets from 1 April 2025 in hours. */
const T0 = Date.parse('2025-04-01T00:00:00Z');
const at = (hours: number) => new Date(T0 + hours * 3_600_000).toISOString();

describe('isolation-limit properties', () => {
  it('never finds a placement of at most 15 days in a normally lit cell', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 1, max: 15 * 24 }), (s, len) => {
        const r = judge([placement(at(s), at(s + len))], {
          dateOf: (i) => localDate(i, 'America/El_Salvador'),
        });
        expect(r.findings).toEqual([]);
      }),
    );
  });

  it('never hides a run of more than 15 days by splitting it into back-to-back parts or short breaks', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 15 * 24 + 1, max: 60 * 24 }),
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 23 }),
        (len, cuts, gap) => {
          const whole = judge([placement(at(0), at(len))]);
          // Cut points inside the run; each part but the first starts `gap` hours after the previous ends.
          const points = [...new Set(cuts.map((c) => 1 + (c % (len - 1))))].sort((a, b) => a - b);
          const bounds = [0, ...points, len];
          const parts = bounds.slice(1).map((end, i) => {
            const from = bounds[i] ?? 0;
            return placement(at(i === 0 ? from : Math.min(from + gap, end - 1)), at(end));
          });
          const split = judge(parts);
          const prolonged = (r: typeof whole) =>
            r.findings.filter((f) => f.kind === 'prolonged').map((f) => f.date);
          expect(prolonged(whole).length).toBeGreaterThan(0);
          expect(prolonged(split)).toEqual(prolonged(whole));
        },
      ),
    );
  });

  it('finds a dark or constantly lit cell on every day of the placement, whatever its length', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 1, max: 40 * 24 }),
        fc.constantFrom('dark' as const, 'constant' as const),
        (s, len, lighting) => {
          const r = judge([placement(at(s), at(s + len), { lighting })]);
          expect(r.findings.filter((f) => f.kind === 'lighting')).toHaveLength(r.evaluated);
        },
      ),
    );
  });
});

describe('consular notification (VCCR Art. 36(1)(b))', () => {
  const duty = {
    intervalId: 'i1',
    personId: 'p1',
    facilityId: 'f1',
    facility: 'SV-CECOT',
    country: 'SV',
    nationalities: ['VE'],
    startedAt: new Date('2025-03-16T01:00:00Z'),
    endedAt: null,
    recorded: null,
  };

  it('is owed for a person none of whose nationalities is the facility country', () => {
    expect(isForeignNational(['VE'], 'SV')).toBe(true);
    expect(isForeignNational(['VE', 'SV'], 'SV')).toBe(false);
    expect(isForeignNational(['SV'], 'SV')).toBe(false);
  });

  it('records the consulate notified, or an objection, once, between intake and now', () => {
    expect(
      decideConsular(
        duty,
        { outcome: 'notified', consulate: ' Consulate of Venezuela ', at: '2025-03-17T00:00:00Z' },
        NOW,
      ),
    ).toMatchObject({
      outcome: 'notified',
      consulate: 'Consulate of Venezuela',
      outcomeAt: '2025-03-17T00:00:00.000Z',
    });
    expect(decideConsular(duty, { outcome: 'objected', consulate: 'ignored' }, NOW)).toMatchObject({
      outcome: 'objected',
      consulate: null,
    });
    expect(code(() => decideConsular(undefined, { outcome: 'notified' }, NOW))).toBe(
      'rule_refusal consular.no_custody',
    );
    expect(
      code(() =>
        decideConsular({ ...duty, nationalities: ['SV'] }, { outcome: 'notified', consulate: 'x' }, NOW),
      ),
    ).toBe('rule_refusal consular.not_foreign');
    expect(
      code(() =>
        decideConsular(
          { ...duty, recorded: { outcome: 'objected', outcomeAt: new Date('2025-03-16T02:00:00Z') } },
          { outcome: 'notified', consulate: 'x' },
          NOW,
        ),
      ),
    ).toBe('conflict consular.already_recorded');
    expect(code(() => decideConsular(duty, { outcome: 'told' }, NOW))).toBe(
      'invalid_input consular.outcome_unknown',
    );
    expect(code(() => decideConsular(duty, { outcome: 'notified', consulate: ' ' }, NOW))).toBe(
      'invalid_input consular.consulate_missing',
    );
    for (const when of ['2025-03-15T00:00:00Z', '2025-06-01T00:00:00Z', 'yesterday']) {
      expect(code(() => decideConsular(duty, { outcome: 'objected', at: when }, NOW))).toBe(
        'invalid_input consular.time',
      );
    }
    expect(
      code(() =>
        decideConsular(
          { ...duty, endedAt: new Date('2025-03-20T00:00:00Z') },
          { outcome: 'objected', at: '2025-03-21T00:00:00Z' },
          NOW,
        ),
      ),
    ).toBe('invalid_input consular.time');
  });

  it('finds late, missing and not-yet-due notifications, one evaluation per intake', () => {
    const r = judgeConsular({
      from: '2025-03-01',
      to: '2025-03-31',
      now: '2025-03-31T12:00:00.000Z',
      dueWithinHours: 72,
      duties: [
        {
          person: 'on-time',
          date: '2025-03-16',
          startedAt: '2025-03-16T01:00:00.000Z',
          outcome: 'notified',
          outcomeAt: '2025-03-19T01:00:00.000Z',
        },
        {
          person: 'objected',
          date: '2025-03-16',
          startedAt: '2025-03-16T01:00:00.000Z',
          outcome: 'objected',
          outcomeAt: '2025-03-16T02:00:00.000Z',
        },
        {
          person: 'late',
          date: '2025-03-16',
          startedAt: '2025-03-16T01:00:00.000Z',
          outcome: 'notified',
          outcomeAt: '2025-03-19T01:00:01.000Z',
        },
        {
          person: 'never',
          date: '2025-03-16',
          startedAt: '2025-03-16T01:00:00.000Z',
          outcome: null,
          outcomeAt: null,
        },
        {
          person: 'not-due',
          date: '2025-03-30',
          startedAt: '2025-03-30T01:00:00.000Z',
          outcome: null,
          outcomeAt: null,
        },
        {
          person: 'outside',
          date: '2025-02-10',
          startedAt: '2025-02-10T01:00:00.000Z',
          outcome: null,
          outcomeAt: null,
        },
      ],
    });
    expect(r.evaluated).toBe(4);
    expect(r.notEvaluable).toBe(1);
    expect(r.findings.map((f) => [f.person, f.severity])).toEqual([
      ['late', 'medium'],
      ['never', 'high'],
    ]);
  });

  it('never finds a notification recorded within the threshold', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 72 * 60 }),
        fc.constantFrom('notified' as const, 'objected' as const),
        (minutes, outcome) => {
          const startedAt = '2025-03-16T01:00:00.000Z';
          const r = judgeConsular({
            from: '2025-03-01',
            to: '2025-03-31',
            now: '2025-06-01T00:00:00.000Z',
            dueWithinHours: 72,
            duties: [
              {
                person: 'x',
                date: '2025-03-16',
                startedAt,
                outcome,
                outcomeAt: new Date(Date.parse(startedAt) + minutes * 60_000).toISOString(),
              },
            ],
          });
          expect(r).toEqual({ evaluated: 1, notEvaluable: 0, findings: [] });
        },
      ),
    );
  });
});
