import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../cli.js';
import { captureIo } from '../test-support/cli.js';
import { KEY_FILE } from './key.js';

/**
 * Rollback and fork detection, and key safety, through the CLI on an embedded data directory: a copy of
 * the directory is the "older backup" an operator might restore. (On PostgreSQL a restored copy is a
 * pg_dump; the logic under test is the same, so these run on the embedded engine only.)
 */

let root = '';

async function cli(dataDir: string, ...args: string[]) {
  const io = captureIo();
  const code = await main(['node', 'custodia', ...args, '--data', dataDir], io);
  return { code, out: io.stdout(), err: io.stderr() };
}

async function ok(dataDir: string, ...args: string[]): Promise<string> {
  const run = await cli(dataDir, ...args);
  expect(run.code, `custodia ${args.join(' ')}: ${run.err}`).toBe(0);
  return run.out;
}

/** Saves the current checkpoint of `dataDir` as `name` and returns its path and size. */
async function saveCheckpoint(dataDir: string, name: string): Promise<{ path: string; size: number }> {
  const note = await ok(dataDir, 'ledger', 'checkpoint');
  const path = join(root, name);
  writeFileSync(path, note);
  return { path, size: Number(note.split('\n')[1]) };
}

/** Replaces `dataDir` with a copy of `backup`, as restoring an older backup would. */
function restore(backup: string, dataDir: string): void {
  rmSync(dataDir, { recursive: true, force: true });
  cpSync(backup, dataDir, { recursive: true });
}

const embedded = !process.env.DATABASE_URL;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'custodia-rollback-'));
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe.runIf(embedded)('ledger verify --checkpoint', () => {
  const data = () => join(root, 'data');
  const backup = () => join(root, 'backup');
  let older = { path: '', size: 0 };
  let newer = { path: '', size: 0 };

  beforeAll(async () => {
    await ok(data(), 'user', 'add', 'ana.lopez', '--role', 'admin');
    older = await saveCheckpoint(data(), 'older.txt');
    cpSync(data(), backup(), { recursive: true });
    await ok(data(), 'user', 'add', 'beto.ruiz', '--role', 'monitor');
    newer = await saveCheckpoint(data(), 'newer.txt');
    expect(newer.size).toBeGreaterThan(older.size);
  }, 120_000);

  it('passes a checkpoint the ledger extends, and the one it is at', async () => {
    const run = await cli(data(), 'ledger', 'verify', '--checkpoint', older.path, '--checkpoint', newer.path);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain(
      `${older.path}: consistent. The ledger's first ${older.size} entries are the ones this checkpoint signed (the ledger now has ${newer.size}).`,
    );
    expect(run.out).toContain(`${newer.path}: consistent.`);
    expect(run.out).toContain('Ledger OK:');
  });

  it('names the rollback after an older copy of the database is restored, in English and Spanish', async () => {
    restore(backup(), data());
    const run = await cli(data(), 'ledger', 'verify', '--checkpoint', newer.path);
    expect(run.code).toBe(1);
    expect(run.err).toContain(
      'Ledger verification FAILED: the ledger does not match a checkpoint this installation signed:',
    );
    expect(run.err).toContain(
      `${newer.path}: rolled back from ${newer.size} to ${older.size}. This installation signed a checkpoint at ${newer.size} entries, but the ledger has only ${older.size}: entries ${older.size} to ${newer.size - 1} are gone`,
    );
    const es = await cli(data(), 'ledger', 'verify', '--checkpoint', newer.path, '--lang', 'es');
    expect(es.code).toBe(1);
    expect(es.err).toContain(`${newer.path}: revertido de ${newer.size} a ${older.size}.`);
    expect(es.err).toContain('La verificación del registro FALLÓ');
    // A copy that is whole in itself is still not the log: never "OK" beside a failed checkpoint.
    expect(run.out).not.toContain('Ledger OK');
    expect(run.err).toContain('but it is not the log the checkpoints above were signed for');
  });

  it('names the fork when the restored copy grew another history to the same size', async () => {
    restore(backup(), data());
    await ok(data(), 'user', 'add', 'carla.diaz', '--role', 'monitor');
    const run = await cli(data(), 'ledger', 'verify', '--checkpoint', newer.path, '--json');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.out) as { ok: boolean; checkpoints: { verdict: { status: string } }[] };
    expect(report.ok).toBe(false);
    expect(report.checkpoints[0]?.verdict).toEqual({
      status: 'forked',
      size: newer.size,
      ledgerSize: newer.size,
    });
    const text = await cli(data(), 'ledger', 'verify', '--checkpoint', newer.path);
    expect(text.err).toContain(`${newer.path}: forked at ${newer.size}.`);
  });

  it('refuses a checkpoint not signed by this installation and a file that cannot be read', async () => {
    const other = join(root, 'other');
    await ok(other, 'user', 'add', 'dora.paz', '--role', 'admin');
    const foreign = await saveCheckpoint(other, 'foreign.txt');
    const run = await cli(data(), 'ledger', 'verify', '--checkpoint', foreign.path);
    expect(run.code).toBe(1);
    expect(run.err).toContain(`${foreign.path}: not a checkpoint signed by this installation's key:`);
    const missing = await cli(data(), 'ledger', 'verify', '--checkpoint', join(root, 'nope.txt'));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain(`The checkpoint file ${join(root, 'nope.txt')} cannot be read (ENOENT).`);
  });
});

describe.runIf(embedded)('key safety', () => {
  const data = () => join(root, 'keys');
  const keyPath = () => join(data(), KEY_FILE);
  const aside = () => join(root, 'key-aside');

  beforeAll(async () => {
    await ok(data(), 'user', 'add', 'ana.lopez', '--role', 'admin');
  }, 60_000);

  async function ledgerSize(): Promise<number> {
    return Number((await ok(data(), 'ledger', 'checkpoint')).split('\n')[1]);
  }

  it('with the key file removed, serve, user add and ledger verify exit 3, append nothing and create no key', async () => {
    const before = await ledgerSize();
    renameSync(keyPath(), aside());
    try {
      const expected = `custodia: The checkpoint key ${keyPath()} is missing, but this database already holds checkpoints signed up to ${before} entries. Nothing was done. Restore ${keyPath()} from your backup (mode 600).`;
      const serve = await cli(data(), 'serve', '--port', '0');
      expect(serve.code).toBe(3);
      expect(serve.err).toContain(expected);
      const add = await cli(data(), 'user', 'add', 'beto.ruiz', '--role', 'monitor');
      expect(add.code).toBe(3);
      expect(add.err).toContain(expected);
      const verify = await cli(data(), 'ledger', 'verify');
      expect(verify.code).toBe(3);
      expect(existsSync(keyPath())).toBe(false);
      const es = await cli(data(), 'ledger', 'export', '--lang', 'es');
      expect(es.code).toBe(3);
      expect(es.err).toContain(`custodia: Falta la clave de los puntos de control ${keyPath()}`);
      expect(existsSync(keyPath())).toBe(false);
    } finally {
      renameSync(aside(), keyPath());
    }
    expect(await ledgerSize()).toBe(before);
  });

  it('refuses a different key, saying to put back the right one or rotate', async () => {
    const other = join(root, 'other-key');
    await ok(other, 'user', 'add', 'eva.sol', '--role', 'admin');
    renameSync(keyPath(), aside());
    cpSync(join(other, KEY_FILE), keyPath());
    try {
      const run = await cli(data(), 'user', 'add', 'beto.ruiz', '--role', 'monitor');
      expect(run.code).toBe(3);
      expect(run.err).toMatch(
        /did not sign this database's latest checkpoint \(at \d+ entries\)\. Nothing was done\. Put back the key file that belongs to this database, from your backup; to change keys, run `custodia ledger key rotate`/,
      );
    } finally {
      rmSync(keyPath());
      renameSync(aside(), keyPath());
    }
  });

  it('read-only commands on an empty data directory create no key file', async () => {
    const empty = join(root, 'empty');
    expect((await cli(empty, 'ledger', 'verify')).code).toBe(0);
    expect((await cli(empty, 'ledger', 'export')).code).toBe(0);
    const checkpoint = await cli(empty, 'ledger', 'checkpoint');
    expect(checkpoint.code).toBe(3);
    expect(checkpoint.err).toContain('There is no checkpoint key yet');
    expect(existsSync(join(empty, KEY_FILE))).toBe(false);
  });

  it('ledger key rotate records the new key, signed by the old, and later checkpoints use the new key', async () => {
    const before = await saveCheckpoint(data(), 'before-rotation.txt');
    const oldKey = (await ok(data(), 'ledger', 'key')).trim();
    const rotated = await cli(data(), 'ledger', 'key', 'rotate');
    expect(rotated.code, rotated.err).toBe(0);
    const newKey = (await ok(data(), 'ledger', 'key')).trim();
    expect(newKey).not.toBe(oldKey);
    expect(rotated.out).toContain(
      `The checkpoint key was rotated. Entry ${before.size} records the new verifier key ${newKey}; the checkpoint at ${before.size + 1} entries is signed by the old key (${oldKey}) and the new one`,
    );
    // The rotation is an entry naming both keys; its checkpoint carries two signatures.
    const leaves = (await ok(data(), 'ledger', 'export', '--from', String(before.size))).trim().split('\n');
    const entry = JSON.parse(JSON.parse(leaves[0]!).leaf) as { type: string; payload: unknown };
    expect(entry.type).toBe('ledger.key_rotated');
    expect(entry.payload).toEqual({ verifierKey: newKey, previousVerifierKey: oldKey });
    const note = await ok(data(), 'ledger', 'checkpoint');
    expect(note.split('\n').filter((line) => line.startsWith('\u2014 '))).toHaveLength(2);
    // Writing goes on under the new key; a checkpoint signed by the old key still verifies.
    await ok(data(), 'user', 'add', 'beto.ruiz', '--role', 'monitor');
    const after = await ok(data(), 'ledger', 'checkpoint');
    expect(after.split('\n').filter((line) => line.startsWith('\u2014 '))).toHaveLength(1);
    const verify = await cli(data(), 'ledger', 'verify', '--checkpoint', before.path);
    expect(verify.code, verify.err).toBe(0);
    expect(verify.out).toContain(`${before.path}: consistent.`);
    expect(existsSync(`${keyPath()}.next`)).toBe(false);
    expect(readFileSync(keyPath(), 'utf8')).toMatch(/^PRIVATE\+KEY\+/);
  });
});
