import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliSession } from '../test-support/cli.js';
import { testEngine } from '../test-support/context.js';
import { anEligiblePerson } from '../test-support/eligibility-fixtures.js';

/** `custodia party …` and `custodia representation …`, as the user's guide gives them. */
describe(`custodia party and representation commands, ${testEngine}`, () => {
  const cli = cliSession('custodia-parties-cli-');
  const { io, run } = cli;

  beforeAll(async () => {
    await cli.open();
    const load = ['scenario', 'load', 'cecot-2025', '--roster', '0', '--cohort', '0'];
    expect(await run(...load, '--regime-months', '0', '--billing-months', '0')).toBe(0);
    const file = join(cli.dir, 'client.ndjson');
    writeFileSync(file, `${JSON.stringify(anEligiblePerson({ ref: 'CLIENT-1' }))}\n`);
    expect(await run('import', 'people', file, '--agreement', 'cecot-2025')).toBe(0);
  }, 300_000);

  afterAll(() => cli.close());

  it('registers a law office and a court, refuses a code taken and an unknown kind, and lists them', async () => {
    expect(
      await run('party', 'add', 'Abogados Unidos', '--kind', 'law_office', '--name', 'Abogados Unidos LLP'),
    ).toBe(0);
    expect(io.stdout()).toBe('Registered Abogados Unidos (law_office): Abogados Unidos LLP.\n');
    // The scenario registers the courts of its holds (D.D.C. among them); this one is new.
    expect(await run('party', 'add', 'N.D. Ill.', '--kind', 'court')).toBe(0);
    expect(await run('party', 'add', 'ABOGADOS unidos', '--kind', 'law_office', '--lang', 'es')).toBe(1);
    expect(io.stderr()).toContain(
      'Ya existe una parte con el código ABOGADOS unidos (un despacho de abogados).',
    );
    expect(await run('party', 'add', 'X', '--kind', 'embassy')).toBe(1);
    expect(io.stderr()).toContain(
      'embassy is not a kind of party; the kinds are: installation, sending_agency',
    );
    expect(await run('party', 'list', '--kind', 'court', '--json')).toBe(0);
    const courts = JSON.parse(io.stdout()).map((p: { code: string }) => p.code);
    expect(courts).toContain('N.D. Ill.');
    expect(courts).toContain('D.D.C.');
    expect(courts).not.toContain('Abogados Unidos');
  });

  it('records, lists and ends a representation by ref, refusing a court as the office', async () => {
    const person = ['--person', 'CLIENT-1', '--agreement', 'cecot-2025'];
    expect(await run('representation', 'add', ...person, '--office', 'D.D.C.')).toBe(1);
    expect(io.stderr()).toContain('D.D.C. is a court, not a law office');
    expect(
      await run(
        'representation',
        'add',
        ...person,
        '--office',
        'abogados unidos',
        '--from',
        '2025-03-01',
        '--json',
      ),
    ).toBe(0);
    const rep = JSON.parse(io.stdout()) as { id: string; from: string; to: string | null };
    expect(rep).toMatchObject({ from: '2025-03-01', to: null });
    expect(
      await run('representation', 'add', ...person, '--office', 'Abogados Unidos', '--from', '2025-13-01'),
    ).toBe(1);
    expect(io.stderr()).toContain('--from 2025-13-01 is not a date; write it as YYYY-MM-DD.');
    expect(await run('representation', 'end', rep.id, '--on', '2025-02-01', '--lang', 'es')).toBe(1);
    expect(io.stderr()).toContain(
      'La representación terminaría el 2025-02-01, antes de empezar el 2025-03-01.',
    );
    expect(await run('representation', 'end', rep.id, '--on', '2025-12-31')).toBe(0);
    expect(await run('representation', 'list', ...person)).toBe(0);
    expect(io.stdout()).toBe(`${rep.id}  2025-03-01 to 2025-12-31  in force  (recorded)\n`);
    expect(await run('ledger', 'verify')).toBe(0);
  });
});
