import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ComplianceInput, DEFAULT_THRESHOLDS, evaluateCompliance, STANDARDS } from './compliance.js';

function days(from: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(`${from}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + i);
    return d.toISOString().slice(0, 10);
  });
}

/** April 2025 at a CECOT-like cell, as reported: 30 min in the corridor, lights on, no mattress, no visits. */
function aprilAsReported(overrides: Partial<ComplianceInput> = {}): ComplianceInput {
  return {
    from: '2025-04-01',
    to: '2025-04-30',
    cells: [{ id: 'c1', code: 'M1-C01', areaM2: 100, localOccupants: 57 }],
    regime: days('2025-04-01', 30).map((date) => ({
      cellId: 'c1',
      date,
      outdoorExerciseMinutes: 0,
      nightLightHours: 12,
      beddingProvided: false,
      drinkingWaterLitresPerPerson: null,
      familyContacts: 0,
    })),
    housed: new Map([['c1', new Map(days('2025-04-10', 21).map((d) => [d, 1]))]]),
    notifications: [],
    now: '2025-05-01T00:00:00Z',
    thresholds: DEFAULT_THRESHOLDS,
    ...overrides,
  };
}

describe('the compliance monitor', () => {
  it('finds what the reported regime means against the standards, each finding citing its source', () => {
    const report = evaluateCompliance(aprilAsReported());
    const byId = Object.fromEntries(report.rules.map((r) => [r.id, r]));
    expect(report.rules.map((r) => r.id)).toEqual(STANDARDS.map((s) => s.id));
    expect(byId['outdoor-exercise']).toMatchObject({
      findings: 30,
      daysAffected: 30,
      source: 'Mandela Rule 23',
    });
    expect(byId.lighting).toMatchObject({ findings: 30, source: 'Mandela Rules 14, 43' });
    expect(byId.bedding).toMatchObject({ findings: 30, source: 'Mandela Rule 21' });
    expect(byId['floor-space']).toMatchObject({ findings: 30, source: 'CPT standards (2015)' });
    // The log began on 1 April: the first whole 30-day window without a family contact ends on 30 April.
    expect(byId['family-contact']).toMatchObject({
      findings: 1,
      notEvaluable: 29,
      source: 'Mandela Rule 58',
    });
    // Nothing measured, nothing invented.
    expect(byId['drinking-water']).toMatchObject({ evaluated: 0, findings: 0, notEvaluable: 30 });
    expect(byId['legal-access']?.note).toMatch(/no legal visit requests/);
    expect(byId['floor-space']?.worstCells).toEqual([{ cell: 'M1-C01', findings: 30 }]);
    const space = report.findings.find((f) => f.rule === 'floor-space' && f.date === '2025-04-10');
    expect(space?.detail).toBe('1.72 m² per person (58 people in 100 m²); at least 4 m² required');
    for (const f of report.findings) expect(f.source).toBe(STANDARDS.find((s) => s.id === f.rule)?.source);
  });

  it('finds nothing where the standards are met, and uses the configured thresholds', () => {
    const met = aprilAsReported({
      cells: [{ id: 'c1', code: 'M1-C01', areaM2: 100, localOccupants: 10 }],
      regime: days('2025-04-01', 30).map((date, i) => ({
        cellId: 'c1',
        date,
        outdoorExerciseMinutes: 90,
        nightLightHours: 1,
        beddingProvided: true,
        drinkingWaterLitresPerPerson: 5,
        familyContacts: i % 14 === 0 ? 2 : 0,
      })),
    });
    expect(evaluateCompliance(met).findings).toEqual([]);
    const stricter = evaluateCompliance({
      ...met,
      thresholds: { ...DEFAULT_THRESHOLDS, outdoorExerciseMinutes: 120 },
    });
    expect(stricter.rules.find((r) => r.id === 'outdoor-exercise')).toMatchObject({
      findings: 30,
      bySeverity: { high: 0, medium: 30 },
    });
  });

  it('reports an unmet Rule 68 notification once it is due, and a late one', () => {
    const report = evaluateCompliance(
      aprilAsReported({
        notifications: [
          { ref: 'A', date: '2025-04-10', dueAt: '2025-04-11T22:00:00.000Z', fulfilledAt: null },
          {
            ref: 'B',
            date: '2025-04-10',
            dueAt: '2025-04-11T22:00:00.000Z',
            fulfilledAt: '2025-04-13T10:00:00.000Z',
          },
          {
            ref: 'C',
            date: '2025-04-10',
            dueAt: '2025-04-11T22:00:00.000Z',
            fulfilledAt: '2025-04-11T10:00:00.000Z',
          },
          { ref: 'D', date: '2025-04-30', dueAt: '2025-05-01T22:00:00.000Z', fulfilledAt: null },
        ],
      }),
    );
    const rule = report.rules.find((r) => r.id === 'transfer-notification');
    expect(rule).toMatchObject({
      evaluated: 3,
      notEvaluable: 1,
      findings: 2,
      bySeverity: { high: 1, medium: 1 },
    });
  });

  it('requires next of kin and the independent authority to be told of a death within 24 hours', () => {
    const report = evaluateCompliance(
      aprilAsReported({
        deaths: [
          {
            ref: 'A',
            date: '2025-04-12',
            occurredAt: '2025-04-12T06:00:00.000Z',
            nextOfKinAt: '2025-04-12T09:00:00.000Z',
            authorityAt: null,
          },
          {
            ref: 'B',
            date: '2025-04-20',
            occurredAt: '2025-04-20T06:00:00.000Z',
            nextOfKinAt: '2025-04-22T09:00:00.000Z',
            authorityAt: '2025-04-20T07:00:00.000Z',
          },
        ],
      }),
    );
    const rule = report.rules.find((r) => r.id === 'death-notification');
    expect(rule).toMatchObject({ evaluated: 4, findings: 2, source: 'Mandela Rules 69, 71' });
    expect(
      report.findings.filter((f) => f.rule === 'death-notification').map((f) => [f.person, f.detail]),
    ).toEqual([
      ['A', expect.stringMatching(/^the independent authority not notified/)],
      ['B', expect.stringMatching(/^next of kin notified 2025-04-22T09:00:00.000Z, after/)],
    ]);
    // A death an hour ago: nothing is due yet, and the report says so rather than "no death".
    const recent = evaluateCompliance(
      aprilAsReported({
        now: '2025-04-30T07:00:00.000Z',
        deaths: [
          {
            ref: 'C',
            date: '2025-04-30',
            occurredAt: '2025-04-30T06:00:00.000Z',
            nextOfKinAt: null,
            authorityAt: null,
          },
        ],
      }),
    );
    expect(recent.rules.find((r) => r.id === 'death-notification')).toMatchObject({
      evaluated: 0,
      notEvaluable: 2,
      note: 'a death is recorded, but its notifications are not yet due',
    });
  });

  it('counts every evaluated or unmeasured cell-day exactly once per daily rule', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            outdoor: fc.option(fc.integer({ min: 0, max: 180 })),
            light: fc.option(fc.integer({ min: 0, max: 24 })),
            bedding: fc.option(fc.boolean()),
            water: fc.option(fc.integer({ min: 0, max: 10 })),
          }),
          { minLength: 1, maxLength: 30 },
        ),
        (entries) => {
          const regime = entries.map((e, i) => ({
            cellId: 'c1',
            date: days('2025-04-01', 30)[i]!,
            outdoorExerciseMinutes: e.outdoor,
            nightLightHours: e.light,
            beddingProvided: e.bedding,
            drinkingWaterLitresPerPerson: e.water,
            familyContacts: null,
          }));
          const report = evaluateCompliance(aprilAsReported({ regime }));
          for (const id of ['outdoor-exercise', 'lighting', 'bedding', 'drinking-water'] as const) {
            const r = report.rules.find((x) => x.id === id)!;
            expect(r.evaluated + r.notEvaluable).toBe(entries.length);
            expect(r.findings).toBeLessThanOrEqual(r.evaluated);
          }
          // The chart's series covers every day of the period and adds up to the findings.
          for (const r of report.rules) {
            expect(r.byDay.map((d) => d.date)).toEqual(days('2025-04-01', 30));
            expect(r.byDay.reduce((sum, d) => sum + d.findings, 0)).toBe(r.findings);
            expect(r.byDay.filter((d) => d.findings > 0)).toHaveLength(r.daysAffected);
          }
          const outdoor = report.rules.find((x) => x.id === 'outdoor-exercise')!;
          expect(outdoor.findings).toBe(entries.filter((e) => e.outdoor !== null && e.outdoor < 60).length);
        },
      ),
    );
  });
});
