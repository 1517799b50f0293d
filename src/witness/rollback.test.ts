import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../core/clock.js';
import { captureIo } from '../test-support/cli.js';
import { testEngine } from '../test-support/context.js';
import { buildWitnessApp } from './server.js';
import { loadOrCreateCosigner } from './state.js';

/**
 * The rollback a witness makes public (issue 18, acceptance): an installation restored from an older
 * backup, that then records something else, is refused by the witness that cosigned the newer
 * checkpoint, and `custodia ledger witness` exits 1 naming it. Everything goes through the CLI, with the
 * real `custodia backup` and `custodia restore`. PGlite only: with DATABASE_URL the data directories of
 * one test share one database, so there would be no older copy to restore into.
 */

const WITNESS = 'custodia.test/monitor/witness';

describe.skipIf(testEngine === 'postgres')('a witness refuses a log restored from an older copy', () => {
  const root = mkdtempSync(join(tmpdir(), 'custodia-rollback-witness-'));
  const dirs = { log: join(root, 'log'), witness: join(root, 'witness'), restored: join(root, 'restored') };
  const io = captureIo();
  let main: typeof import('../cli.js').main;
  let witnessApp: FastifyInstance;
  let witnessUrl = '';
  const backup = join(root, 'older.backup');

  async function run(dir: string, ...args: string[]): Promise<number> {
    io.clear();
    return main(['node', 'custodia', ...args, '--data', dir], io);
  }

  async function ok(dir: string, ...args: string[]): Promise<string> {
    const code = await run(dir, ...args);
    expect(code, `custodia ${args.join(' ')}: ${io.stderr()}`).toBe(0);
    return io.stdout();
  }

  beforeAll(async () => {
    main = (await import('../cli.js')).main;
    const witnessKey = (await ok(dirs.witness, 'witness', 'key', '--name', WITNESS)).trim();
    await ok(dirs.log, 'user', 'add', 'ana.lopez', '--role', 'admin');
    const logKey = (await ok(dirs.log, 'ledger', 'key')).trim();
    const origin = logKey.slice(0, logKey.indexOf('+'));
    expect(await ok(dirs.witness, 'witness', 'follow', '--origin', origin, '--key', logKey)).toContain(
      origin,
    );
    witnessApp = buildWitnessApp({
      dataDir: dirs.witness,
      cosigner: loadOrCreateCosigner(dirs.witness),
      clock: systemClock,
    });
    await witnessApp.listen({ port: 0, host: '127.0.0.1' });
    const address = witnessApp.server.address();
    if (typeof address !== 'object' || !address) throw new Error('no address');
    witnessUrl = `http://127.0.0.1:${address.port}`;
    expect(
      await ok(dirs.log, 'ledger', 'witnesses', 'add', '--url', witnessUrl, '--key', witnessKey),
    ).toContain(WITNESS);
  }, 120_000);

  afterAll(async () => {
    await witnessApp?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('cosigns the log while it only grows, and serves the cosigned note', async () => {
    const note = await ok(dirs.log, 'ledger', 'witness');
    expect(note).toMatch(new RegExp(`\n\u2014 ${WITNESS} `));
    expect(io.stderr()).toContain(`${WITNESS} cosigned the checkpoint`);
    await ok(dirs.log, 'backup', backup, '--with-key');
    await ok(dirs.log, 'user', 'add', 'bo.ruiz', '--role', 'admin');
    const json = JSON.parse(await ok(dirs.log, 'ledger', 'witness', '--json')) as {
      ok: boolean;
      outcomes: { outcome: string }[];
    };
    expect(json.ok).toBe(true);
    expect(json.outcomes.map((o) => o.outcome)).toEqual(['cosigned']);
    const list = JSON.parse(await ok(dirs.log, 'ledger', 'witnesses', 'list', '--json')) as {
      witnesses: { name: string; lastOutcome: string }[];
      quorum: number;
      witnessedSize: number;
    };
    expect(list).toMatchObject({ quorum: 1, witnesses: [{ name: WITNESS, lastOutcome: 'cosigned' }] });
    expect(list.witnessedSize).toBeGreaterThan(1);
  }, 60_000);

  it('refuses the restored older copy once it records something else, and the CLI names the witness', async () => {
    await ok(dirs.restored, 'restore', backup);
    await ok(dirs.restored, 'user', 'add', 'carla.diaz', '--role', 'admin');
    // Same size as the checkpoint the witness cosigned, another root: 422.
    expect(await run(dirs.restored, 'ledger', 'witness', '--json')).toBe(1);
    const sameSize = JSON.parse(io.stdout()) as {
      ok: boolean;
      outcomes: { outcome: string; httpStatus: number }[];
    };
    expect(sameSize.ok).toBe(false);
    expect(sameSize.outcomes).toMatchObject([{ outcome: 'refused', httpStatus: 422 }]);
    // Larger than it, with a proof from its size that cannot hold: 422 again, in Spanish this time.
    await ok(dirs.restored, 'user', 'add', 'dario.sosa', '--role', 'admin');
    expect(await run(dirs.restored, 'ledger', 'witness', '--lang', 'es')).toBe(1);
    expect(io.stderr()).toContain(`${WITNESS} (${witnessUrl}) RECHAZÓ el punto de control`);
    expect(io.stderr()).toContain(`Rechazado por: ${WITNESS}.`);
  }, 60_000);

  it('refuses the older copy as it was restored: the witness knows a larger size (409)', async () => {
    const again = join(root, 'restored-again');
    await ok(again, 'restore', backup);
    expect(await run(again, 'ledger', 'witness')).toBe(1);
    expect(io.stderr()).toContain(`${WITNESS} (${witnessUrl}) REFUSED the checkpoint`);
    expect(io.stderr()).toContain('the log was rolled back');
    expect(io.stderr()).toContain(`Refused by: ${WITNESS}.`);
  }, 60_000);
});
