import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, main } from './cli.js';
import { captureIo } from './test-support/cli.js';

/**
 * The CLI's refusals in the language of `--lang`, with their exit codes. Each is refused before a database
 * is opened, so nothing here needs one.
 */
describe('custodia refusals by language', () => {
  const dir = mkdtempSync(join(tmpdir(), 'custodia-cli-lang-'));
  const run = async (...args: string[]) => {
    const io = captureIo();
    const code = await main(['node', 'custodia', ...args, '--data', dir], io);
    return { code, stdout: io.stdout(), stderr: io.stderr() };
  };

  it('refuses an unknown scenario in Spanish with --lang es, and in English by default', async () => {
    const es = await run('scenario', 'load', 'cecot-2030', '--lang', 'es');
    expect(es.code).toBe(EXIT.refused);
    expect(es.stdout).toBe('');
    expect(es.stderr).toBe(
      'custodia: Escenario desconocido: «cecot-2030». El escenario incluido es cecot-2025.\n',
    );
    const en = await run('scenario', 'load', 'cecot-2030');
    expect(en.code).toBe(EXIT.refused);
    expect(en.stderr).toBe('custodia: Unknown scenario "cecot-2030". The shipped scenario is cecot-2025.\n');
  });

  it('refuses a regime log whose header is wrong, listing each problem, and records nothing', async () => {
    const file = join(dir, 'regime.csv');
    writeFileSync(file, 'cell,day\nM1-C01,2025-04-01\n');
    const es = await run('regime', 'import', file, '--facility', 'SV-CECOT', '--lang', 'es');
    expect(es.code).toBe(EXIT.refused);
    expect(es.stderr).toMatch(
      new RegExp(`^custodia: ${file}: la cabecera tiene 2 problemas, así que no se registró nada\\.`),
    );
    expect(es.stderr).toContain('  line 1: (header): unknown column(s) day;');
    expect(es.stderr).toContain('  line 1: (header): the header has no date column');
  });

  it('says in Spanish that a file cannot be read, with the environment exit code', async () => {
    const missing = join(dir, 'missing.csv');
    const es = await run('regime', 'import', missing, '--facility', 'SV-CECOT', '--lang', 'es');
    expect(es.code).toBe(EXIT.environment);
    expect(es.stderr).toMatch(new RegExp(`^custodia: No se puede leer ${missing}: ENOENT`));
  });

  it('refuses a headcount of 1e9 or beyond the ceiling, naming the option and the bound in both languages', async () => {
    const en = await run('headcount', '--facility', 'SV-CECOT', '--counted', '1e9');
    expect(en.code).toBe(EXIT.refused);
    expect(en.stdout).toBe('');
    expect(en.stderr).toBe(
      'custodia: --counted must be a whole number from 0 to 1,000,000, written in digits, not "1e9".\n',
    );
    const es = await run('headcount', '--facility', 'SV-CECOT', '--counted', '1000000000', '--lang', 'es');
    expect(es.code).toBe(EXIT.refused);
    expect(es.stderr).toBe(
      'custodia: --counted debe ser un número entero entre 0 y 1,000,000, escrito con cifras, no «1000000000».\n',
    );
    const half = await run('headcount', '--facility', 'SV-CECOT', '--counted', '2.5');
    expect(half.code).toBe(EXIT.refused);
    expect(half.stderr).toContain('--counted must be a whole number from 0 to 1,000,000');
  });

  it('refuses an option value in Spanish', async () => {
    const es = await run(
      'occupancy',
      '--facility',
      'SV-CECOT',
      '--from',
      '2025-04-01',
      '--to',
      'soon',
      '--lang',
      'es',
    );
    expect(es.code).toBe(EXIT.refused);
    expect(es.stderr).toBe('custodia: --to soon no es una fecha; escríbala como AAAA-MM-DD.\n');
  });
});
