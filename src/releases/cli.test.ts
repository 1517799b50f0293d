import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliSession } from '../test-support/cli.js';
import { testEngine } from '../test-support/context.js';
import { CLI_SCENARIO_ARGS, TEMPLATE_WAIT_MS } from '../test-support/scenario-template.js';

/** `custodia release-date show` and `custodia releases due`, on the scenario's eligible cohort. */
describe(`custodia release-date and releases commands, ${testEngine}`, () => {
  const cli = cliSession('custodia-releases-cli-', { loaded: true });
  const { io, run } = cli;

  beforeAll(async () => {
    // The run's `custodia scenario load cecot-2025`, copied (src/test-support/scenario-template.ts).
    expect(CLI_SCENARIO_ARGS.join(' ')).toBe(
      'scenario load cecot-2025 --roster 0 --cohort 18 --regime-months 0 --billing-months 0',
    );
    await cli.open();
  }, TEMPLATE_WAIT_MS);

  afterAll(() => cli.close());

  it("shows a person's release date with its breakdown, by ref", async () => {
    expect(await run('release-date', 'show', 'ICE-2025-E00002')).toBe(0);
    const out = io.stdout();
    expect(out).toMatch(/^ICE-2025-E00002 {2}\S/);
    expect(out).toContain('Release date: 2025-10-31  (initial, ');
    expect(out).toMatch(/\* c1 +start \d{4}-\d{2}-\d{2} +term \d+ d {2}credits \d+ d {2}→ 2025-10-31\n/);
    expect(await run('release-date', 'show', 'ICE-2025-E00002', '--agreement', 'cecot-2025', '--json')).toBe(
      0,
    );
    const view = JSON.parse(io.stdout()) as {
      current: { reason: string; result: unknown };
      earlier: unknown[];
    };
    expect(view.current).toMatchObject({ reason: 'initial', result: { kind: 'date', date: '2025-10-31' } });
    expect(view.earlier).toEqual([]);
  });

  it('lists the releases due at a facility, overdue first, and refuses a bad --days in Spanish', async () => {
    expect(await run('releases', 'due', '--facility', 'SV-CECOT', '--on', '2025-12-15')).toBe(0);
    const lines = io.stdout().trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^2025-10-31 {2}ICE-2025-E00002 .* SV-CECOT {2}OVERDUE by 45 d$/);
    expect(lines[1]).toMatch(/^2026-01-09 {2}ICE-2025-E00006 .* due in 25 d$/);
    expect(await run('releases', 'due', '--on', '2025-12-15', '--days', '30', '--json')).toBe(0);
    const due = JSON.parse(io.stdout()) as { items: { ref: string; status: string }[] };
    expect(due.items.map((r) => [r.ref, r.status])).toEqual([
      ['ICE-2025-E00002', 'overdue'],
      ['ICE-2025-E00006', 'due'],
    ]);
    expect(await run('releases', 'due', '--days', '99999', '--lang', 'es')).toBe(1);
    expect(io.stderr()).toContain('--days');
  });
});
