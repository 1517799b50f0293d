import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgreement } from '../agreements/service.js';
import { openContext } from '../app.js';
import { EXIT, main } from '../cli.js';
import { loadConfig } from '../config.js';
import { systemClock } from '../core/clock.js';
import { registerFacility } from '../facilities/service.js';
import { systemActor } from '../ledger/events.js';
import { captureIo, isolateCliDatabase } from '../test-support/cli.js';
import { testContext, testEngine } from '../test-support/context.js';
import { aFacility, anAgreement } from '../test-support/factories.js';
import { aPerson } from '../test-support/import-fixtures.js';
import { CSV_HEADER, formatPersonCsvRows, parsePeople } from './import-format.js';
import { personRecordSchema } from './model.js';
import { importPeople, listPeople } from './service.js';

// A bad row never stops the good ones (docs/decisions/0018): a NUL row in an import stores the others,
// and the CLI refuses a Latin-1 CSV naming line and field, or reads it with --encoding latin1.

const system = systemActor('test');

/** The CSV rows of the example person with `ref` and a paternal name. */
function csvRows(ref: string, paternal: string): string {
  const record = personRecordSchema.parse(aPerson({ ref, names: { given: 'Ana', paternal } }));
  return formatPersonCsvRows(record).join('\n');
}

describe(`importing rows with bad text on ${testEngine}`, () => {
  it('stores the good rows around a NUL row, and none of them with allOrNothing', async () => {
    const ctx = await testContext();
    try {
      const facility = await registerFacility(ctx, system, aFacility());
      const agreementId = (await createAgreement(ctx, system, anAgreement([facility.id]))).id;
      const file = [
        JSON.stringify(aPerson({ ref: 'NUL-1' })),
        JSON.stringify(aPerson({ ref: 'NUL-2', names: { given: 'A\u0000B', paternal: 'C' } })),
        JSON.stringify(aPerson({ ref: 'NUL-3' })),
      ].join('\n');
      const all = await importPeople(ctx, system, agreementId, parsePeople([file], 'ndjson'), {
        allOrNothing: true,
      });
      expect(all).toMatchObject({ rows: 3, registered: 0, rejectedCount: 1, rolledBack: true });
      const report = await importPeople(ctx, system, agreementId, parsePeople([file], 'ndjson'));
      expect(report).toMatchObject({ rows: 3, registered: 2, rejectedCount: 1, rolledBack: false });
      expect(report.rejected).toEqual([
        {
          line: 2,
          ref: 'NUL-2',
          issues: [{ field: 'names.given', line: 2, message: expect.stringContaining('NUL character') }],
        },
      ]);
      const page = await listPeople(ctx, system, { agreement: agreementId, limit: 10 });
      expect(page.items.map((p) => p.ref).sort()).toEqual(['NUL-1', 'NUL-3']);
    } finally {
      await ctx.handle.close();
    }
  }, 120_000);
});

describe('custodia import people with Latin-1 bytes', () => {
  let restore: () => Promise<void>;
  const dir = mkdtempSync(join(tmpdir(), 'custodia-import-encoding-'));
  const run = async (...args: string[]) => {
    const io = captureIo();
    const code = await main(['node', 'custodia', ...args, '--data', dir], io);
    return { code, stdout: io.stdout(), stderr: io.stderr() };
  };

  beforeAll(async () => {
    restore = await isolateCliDatabase();
    const ctx = await openContext(loadConfig(process.env, { data: dir }), { clock: systemClock });
    try {
      const facility = await registerFacility(ctx, system, aFacility());
      await createAgreement(ctx, system, anAgreement([facility.id]));
    } finally {
      await ctx.handle.close();
    }
  }, 120_000);
  afterAll(async () => {
    await restore();
  });

  it('refuses the Latin-1 row naming line and field, stores the others, then reads it with --encoding latin1', async () => {
    const [before, after] = csvRows('LAT-2', 'PLACEHOLDER').split('PLACEHOLDER');
    const file = join(dir, 'latin1.csv');
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from(`${CSV_HEADER}\n${csvRows('LAT-1', 'Ruiz')}\n${before}`),
        Buffer.from([0x50, 0x65, 0xf1, 0x61]), // "Peña" in Latin-1
        Buffer.from(`${after}\n${csvRows('LAT-3', 'Soto')}\n`),
      ]),
    );
    const refused = await run('import', 'people', file, '--agreement', 'test-agreement');
    expect(refused.code).toBe(EXIT.refused);
    expect(refused.stderr).toContain('line 3 (LAT-2): paternal: the bytes are not UTF-8;');
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect(refused.stdout).toContain('3 rows read: 2 registered, 0 revised, 0 unchanged; 1 rejected.');

    const read = await run('import', 'people', file, '--agreement', 'test-agreement', '--encoding', 'latin1');
    expect(read.stderr).toBe('');
    expect(read.code).toBe(EXIT.ok);
    expect(read.stdout).toContain('3 rows read: 1 registered, 0 revised, 2 unchanged; 0 rejected.');
    const listed = await run('people', 'list', '--agreement', 'test-agreement', '--search', 'LAT-2');
    expect(listed.stdout).toContain('Ana Peña');

    const unknown = await run(
      'import',
      'people',
      file,
      '--agreement',
      'test-agreement',
      '--encoding',
      'utf16',
    );
    expect(unknown.code).toBe(EXIT.refused);
    expect(unknown.stderr).toBe('custodia: --encoding is utf8 or latin1, not "utf16".\n');
  }, 180_000);

  it('refuses an argument or option holding a NUL or a lone surrogate before opening anything', async () => {
    const nul = await run('people', 'list', '--agreement', 'test-agreement', '--search', 'a\u0000b');
    expect(nul.code).toBe(EXIT.refused);
    expect(nul.stderr).toContain('--search: --search contains the NUL character (U+0000)');
    const half = await run('people', 'list', '--agreement', 'x\ud800', '--lang', 'es');
    expect(half.code).toBe(EXIT.refused);
    expect(half.stderr).toContain('--agreement contiene la mitad de un par sustituto UTF-16');
    const year0 = await run(
      'compliance',
      'report',
      '--facility',
      'SV-CECOT',
      '--from',
      '0000-01-01',
      '--to',
      '2025-01-31',
    );
    expect(year0.code).toBe(EXIT.refused);
    expect(year0.stderr).toContain('0000-01-01');
  });
});
