import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerFacility } from '../facilities/service.js';
import { anActor, testContext, testEngine } from '../test-support/context.js';
import { aFacility } from '../test-support/factories.js';
import { complianceReport } from './compliance-service.js';
import { parseRegimeCsv } from './regime.js';
import { facilityRegime, recordRegime } from './regime-service.js';

const HEADER =
  'cell,date,minutesOutOfCell,outdoorExerciseMinutes,nightLightHours,beddingProvided,drinkingWaterLitresPerPerson,mealsServed,familyContacts,legalVisits,consularVisits,restraintsOutsideTransport,note';

describe('regime CSV', () => {
  it('reads a row per cell per day, empty values as not measured, and names every bad field by line', () => {
    const { rows, headerIssues } = parseRegimeCsv(
      [
        HEADER,
        'M1-C01,2025-04-01,30,0,12,no,,3,0,0,0,false,"As reported: 30 minutes in the corridor, lights on 24 h"',
        'M1-C02,2025-04-01,30,45,12,no,,3,0,0,0,false,',
        'M1-C03,2025-04-31,-5,0,25,maybe,,3,0,0,0,false,',
        'M1-C04,2025-04-01,30,0,12,no',
        '',
      ].join('\n'),
    );
    expect(headerIssues).toEqual([]);
    expect(rows[0]).toMatchObject({
      line: 2,
      ok: true,
      entry: {
        cell: 'M1-C01',
        outdoorExerciseMinutes: 0,
        beddingProvided: false,
        drinkingWaterLitresPerPerson: null,
      },
    });
    expect(rows[1]).toMatchObject({
      line: 3,
      ok: false,
      issues: [
        expect.objectContaining({
          field: 'outdoorExerciseMinutes',
          message: expect.stringMatching(/cannot exceed minutesOutOfCell/),
        }),
      ],
    });
    const third = rows[2]!;
    expect(third.ok).toBe(false);
    if (!third.ok) {
      expect(third.issues.map((i) => i.field).sort()).toEqual([
        'beddingProvided',
        'date',
        'minutesOutOfCell',
        'nightLightHours',
      ]);
    }
    expect(rows[3]).toMatchObject({
      line: 5,
      ok: false,
      issues: [expect.objectContaining({ field: '(line)' })],
    });
  });

  it('refuses a value beyond its bound by line and field, naming the bound', () => {
    const { rows } = parseRegimeCsv(
      [
        HEADER,
        'M1-C01,2025-04-01,1e9,0,12,no,,3,0,0,0,false,',
        'M1-C02,2025-04-01,30,0,25,no,500,12,0,0,0,false,',
        'M1-C03,2025-04-01,30,0,12,no,,2.5,20000,0,0,false,',
      ].join('\n'),
    );
    const issues = rows.flatMap((r) => (r.ok ? [] : r.issues.map((i) => [i.line, i.field, i.message])));
    expect(issues).toEqual([
      [2, 'minutesOutOfCell', 'minutesOutOfCell cannot exceed 1440 (a day)'],
      [3, 'nightLightHours', 'nightLightHours cannot exceed 24'],
      [
        3,
        'drinkingWaterLitresPerPerson',
        'drinkingWaterLitresPerPerson cannot exceed 100 litres a person in a day',
      ],
      [3, 'mealsServed', 'mealsServed cannot exceed 10 meals per person in a day'],
      [4, 'mealsServed', 'mealsServed must be a whole number'],
      [4, 'familyContacts', 'familyContacts cannot exceed 10,000 family contacts for one cell in a day'],
    ]);
  });

  it('refuses a header with unknown or missing columns before reading any row', () => {
    expect(
      parseRegimeCsv('cell,day,lights\nM1-C01,2025-04-01,12').headerIssues.map((i) => i.message),
    ).toEqual([expect.stringMatching(/unknown column\(s\) day, lights/), 'the header has no date column']);
  });
});

describe(`regime log on ${testEngine}`, () => {
  let ctx: Awaited<ReturnType<typeof testContext>>;
  let facilityId: string;
  const custody = anActor('receiving_custody');

  beforeEach(async () => {
    ctx = await testContext({ now: '2025-04-03T18:00:00Z' });
    facilityId = (await registerFacility(ctx, anActor('admin'), aFacility())).id;
  });
  afterEach(async () => {
    await ctx.handle.close();
  });

  it('records the good rows in one transaction, reports the bad ones, and replaces a corrected day', async () => {
    const csv = [
      HEADER,
      'M1-C01,2025-04-01,30,0,12,false,,3,0,0,0,false,',
      'M1-C09,2025-04-01,30,0,12,false,,3,0,0,0,false,',
      'M1-C02,2025-04-05,30,0,12,false,,3,0,0,0,false,',
      'M1-C01,2025-04-01,30,0,12,false,,3,0,0,0,false,',
      'M1-C02,2025-04-02,30,0,12,false,,3,0,0,0,false,',
    ].join('\n');
    const { rows } = parseRegimeCsv(csv);
    await expect(recordRegime(ctx, anActor('monitor'), facilityId, rows)).rejects.toMatchObject({
      code: 'forbidden',
    });
    const none = await recordRegime(ctx, custody, facilityId, rows, { allOrNothing: true });
    expect(none).toMatchObject({ recorded: 0, rolledBack: true });
    const report = await recordRegime(ctx, custody, facilityId, rows);
    expect(report).toMatchObject({ rows: 5, recorded: 2, rolledBack: false });
    expect(report.rejected.map((r) => [r.line, r.issues[0]!.field, r.issues[0]!.message])).toEqual([
      [3, 'cell', expect.stringMatching(/M1-C09 is not a cell of SV-TEST/)],
      [4, 'date', expect.stringMatching(/2025-04-05 is after today \(2025-04-03/)],
      [5, 'date', expect.stringMatching(/already appears on line 2/)],
    ]);
    // A correction for the same cell and day replaces the entry (the ledger keeps both).
    const corrected = parseRegimeCsv(
      [HEADER, 'M1-C01,2025-04-01,45,30,12,false,2.5,3,1,0,0,false,corrected'].join('\n'),
    );
    expect((await recordRegime(ctx, custody, facilityId, corrected.rows)).recorded).toBe(1);
    const log = await facilityRegime(ctx, anActor('monitor'), facilityId, '2025-04-01', '2025-04-02');
    expect(
      log.entries.map((e) => [
        e.cell,
        e.date,
        e.outdoorExerciseMinutes,
        e.drinkingWaterLitresPerPerson,
        e.version,
      ]),
    ).toEqual([
      ['M1-C01', '2025-04-01', 30, 2.5, 2],
      ['M1-C02', '2025-04-02', 0, null, 1],
    ]);
  });

  it('reports a value that is not a number by line and field, and keeps the other rows', async () => {
    const { rows } = parseRegimeCsv(
      [
        HEADER,
        'M1-C01,2025-04-01,30,0,12,false,,3,0,0,0,false,',
        'M1-C01,2025-04-02,abc,0,12,false,,3,0,0,0,false,',
      ].join('\n'),
    );
    const report = await recordRegime(ctx, custody, facilityId, rows);
    expect(report.recorded).toBe(1);
    expect(report.rejected).toEqual([
      {
        line: 3,
        issues: [
          expect.objectContaining({
            field: 'minutesOutOfCell',
            message: 'minutesOutOfCell must be a number of minutes',
          }),
        ],
      },
    ]);
  });

  it('the compliance report reads the recorded log: findings by rule, each citing its source', async () => {
    const lines = [HEADER];
    for (let d = 1; d <= 2; d++) lines.push(`M1-C01,2025-04-0${d},30,0,12,false,,3,0,0,0,false,`);
    const { rows } = parseRegimeCsv(lines.join('\n'));
    await recordRegime(ctx, custody, facilityId, rows);
    const report = await complianceReport(ctx, anActor('monitor'), facilityId, '2025-04-01', '2025-04-02');
    const byId = Object.fromEntries(report.rules.map((r) => [r.id, r]));
    expect(report.facility).toBe('SV-TEST');
    expect(byId['outdoor-exercise']).toMatchObject({
      findings: 2,
      source: 'Mandela Rule 23',
      worstCells: [{ cell: 'M1-C01', findings: 2 }],
    });
    expect(byId.lighting).toMatchObject({ findings: 2 });
    expect(byId.bedding).toMatchObject({ findings: 2 });
    // 10 local occupants in 100 m²: 10 m² each, so floor space is met.
    expect(byId['floor-space']).toMatchObject({ evaluated: 2, findings: 0 });
    await expect(
      complianceReport(ctx, anActor('monitor'), facilityId, '2025-04-02', '2025-04-01'),
    ).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });
});
