import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo, isolateCliDatabase } from '../test-support/cli.js';
import { testEngine } from '../test-support/context.js';

describe(`custodia transfers and custodia manifest on ${testEngine}`, () => {
  let restore: () => Promise<void> = async () => {};
  const dir = mkdtempSync(join(tmpdir(), 'custodia-manifest-cli-'));
  const io = captureIo();
  let main: typeof import('../cli.js').main;
  const run = async (...args: string[]) => {
    io.clear();
    return main(['node', 'custodia', ...args, '--data', dir], io);
  };

  beforeAll(async () => {
    restore = await isolateCliDatabase();
    main = (await import('../cli.js')).main;
    expect(
      await run(
        'scenario',
        'load',
        'cecot-2025',
        '--roster',
        '0',
        '--cohort',
        '18',
        '--regime-months',
        '0',
        '--billing-months',
        '0',
      ),
    ).toBe(0);
  }, 240_000);

  afterAll(async () => {
    await restore();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists transfers by state, and refuses an unknown state by name', async () => {
    expect(await run('transfers', '--status', 'on_hold,nominated', '--json')).toBe(0);
    const { counts, transfers } = JSON.parse(io.stdout());
    expect(counts).toMatchObject({ received: 17, on_hold: 1, nominated: 5, cancelled: 261 });
    expect(transfers.map((t: { status: string }) => t.status).sort()).toEqual([
      'nominated',
      'nominated',
      'nominated',
      'nominated',
      'nominated',
      'on_hold',
    ]);
    // The person held at the plane door was re-screened when the hold was recorded: ineligible now.
    expect(transfers.find((t: { status: string }) => t.status === 'on_hold').lastScreening.outcome).toBe(
      'ineligible',
    );
    expect(await run('transfers', '--status', 'departed')).toBe(1);
    expect(io.stderr()).toMatch(/Unknown state departed; use one of: nominated, screened/);
  });

  it('lists manifests and shows one with its checklist and reconciliation', async () => {
    expect(await run('manifest', 'list', '--json')).toBe(0);
    const { manifests, alarms } = JSON.parse(io.stdout());
    expect(alarms).toEqual([]);
    expect(manifests).toHaveLength(9);
    const may = manifests.find((m: { scheduledDeparture: { instant: string } }) =>
      m.scheduledDeparture.instant.startsWith('2025-05-08'),
    );
    expect(may.reconciliation).toMatchObject({ reconciled: true, boarded: 2, received: 1, exceptions: 1 });
    expect(await run('manifest', 'show', may.manifestId)).toBe(0);
    expect(io.stdout()).toMatch(/Reconciled: boarded 2, received 1, exceptions 1, unaccounted 0/);
    expect(io.stdout()).toMatch(/returned_before_departure: Habeas petition .* HOLD habeas_petition/);
    expect(await run('manifest', 'show', '00000000-0000-7000-8000-000000000000')).toBe(1);
    expect(io.stderr()).toMatch(/Manifest 00000000-0000-7000-8000-000000000000/);
  });

  it('custody commands: occupancy, a headcount discrepancy as an incident, a release by ref', async () => {
    expect(
      await run(
        'occupancy',
        '--facility',
        'SV-CECOT',
        '--from',
        '2025-12-11',
        '--to',
        '2025-12-11',
        '--json',
      ),
    ).toBe(0);
    const occupancy = JSON.parse(io.stdout());
    expect(occupancy.history).toEqual([
      { date: '2025-12-11', transferees: 17, local: 14_532, total: 14_549 },
    ]);
    expect(await run('headcount', '--facility', 'SV-CECOT', '--counted', '14548')).toBe(0);
    expect(io.stdout()).toMatch(/Headcount 14548, expected 14549: a discrepancy, reported as incident/);
    expect(await run('incidents', '--facility', 'SV-CECOT', '--json')).toBe(0);
    expect(JSON.parse(io.stdout()).incidents.map((i: { kind: string }) => i.kind)).toEqual([
      'headcount_discrepancy',
    ]);
    expect(
      await run('release', 'ICE-2025-E00001', '--agreement', 'cecot-2025', '--reason', 'repatriation'),
    ).toBe(0);
    expect(
      await run('release', 'ICE-2025-E00001', '--agreement', 'cecot-2025', '--reason', 'repatriation'),
    ).toBe(1);
    expect(io.stderr()).toMatch(/no open custody interval/);
    expect(await run('release', 'ICE-2025-E00002', '--agreement', 'cecot-2025', '--reason', 'parole')).toBe(
      1,
    );
    expect(io.stderr()).toMatch(/not a release reason/);
  });
});
