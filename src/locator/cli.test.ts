import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openContext } from '../app.js';
import { EXIT, main } from '../cli.js';
import { loadConfig } from '../config.js';
import { FixedClock } from '../core/clock.js';
import { captureIo, isolateCliDatabase } from '../test-support/cli.js';
import { receivePeople } from '../test-support/custody-fixture.js';
import { anEligiblePerson } from '../test-support/eligibility-fixtures.js';
import { locatorAgreement } from '../test-support/locator-fixture.js';

/** `custodia locate` answers as the API does, in --lang, and records the operator's lookups. */
describe('custodia locate', () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'custodia-locate-')), 'data');
  let restore: () => Promise<void>;

  async function run(...args: string[]) {
    const io = captureIo();
    const code = await main(['node', 'custodia', '--data', dataDir, ...args], io);
    return { code, stdout: io.stdout(), stderr: io.stderr() };
  }

  beforeAll(async () => {
    restore = await isolateCliDatabase();
    const clock = new FixedClock('2025-03-14T15:00:00Z');
    const ctx = { ...(await openContext(loadConfig(process.env, { data: dataDir }), { clock })), clock };
    try {
      const ids = await locatorAgreement(ctx, {
        code: 'SV-CECOT',
        name: 'CECOT',
        address: 'Tecoluca, San Vicente, El Salvador',
      });
      await receivePeople(ctx, ids, [anEligiblePerson({ birthCountry: 'SV' })]);
    } finally {
      await ctx.handle.close();
    }
  }, 120_000);
  afterAll(async () => restore());

  it('prints the API’s JSON for an exact A-number, and no match for one wrong digit', async () => {
    const found = await run('locate', '--a-number', 'A123456789', '--birth-country', 'SV', '--json');
    expect(found.code).toBe(EXIT.ok);
    expect(JSON.parse(found.stdout)).toEqual({
      match: true,
      status: 'in_custody',
      since: '2025-03-14T13:00:00-06:00',
      facility: { code: 'SV-CECOT', name: 'CECOT', address: 'Tecoluca, San Vicente, El Salvador' },
    });
    const miss = await run('locate', '--a-number', 'A123456780', '--birth-country', 'SV', '--json');
    expect(JSON.parse(miss.stdout)).toEqual({
      match: false,
      contact:
        'No person matches these details exactly. For help, contact U.S. Immigration and Customs Enforcement (US-ICE).',
    });
  });

  it('answers by name in text, in English and Spanish, on the facility’s clock', async () => {
    const args = [
      'locate',
      '--name',
      'José Luis Hernández',
      '--birth-country',
      'SV',
      '--birth-date',
      '1990-05-12',
    ];
    expect((await run(...args)).stdout).toBe(
      'In custody since 2025-03-14 13:00 (UTC-06:00).\nFacility: CECOT — SV-CECOT\nAddress: Tecoluca, San Vicente, El Salvador\n',
    );
    expect((await run(...args, '--lang', 'es')).stdout).toBe(
      'Bajo custodia desde el 2025-03-14 13:00 (UTC-06:00).\nCentro: CECOT — SV-CECOT\nDirección: Tecoluca, San Vicente, El Salvador\n',
    );
  });

  it('refuses bad input naming the field, in the language of --lang', async () => {
    const bad = await run('locate', '--a-number', 'A12', '--birth-country', 'SV', '--lang', 'es');
    expect(bad.code).toBe(EXIT.refused);
    expect(bad.stderr).toMatch(/^custodia: aNumber no es un número A/);
  });

  it('lists the operator’s lookups: whom a match found, nothing of a miss', async () => {
    const listed = await run('locator', 'lookups', '--json');
    const lookups: { actor: string; personId: string | null; ref: string | null; channel: string }[] =
      JSON.parse(listed.stdout).lookups;
    expect(lookups.length).toBeGreaterThanOrEqual(4);
    expect(lookups.every((l) => l.actor.startsWith('cli:') && l.channel === 'cli')).toBe(true);
    expect(lookups.filter((l) => l.ref === 'ICE-2025-000123').length).toBeGreaterThanOrEqual(3);
    expect(lookups.filter((l) => l.personId === null && l.ref === null)).toHaveLength(1);
  });
});
