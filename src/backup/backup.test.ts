import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openContext } from '../app.js';
import { createToken, createUser } from '../auth/service.js';
import { EXIT, main } from '../cli.js';
import { loadConfig } from '../config.js';
import type { AppContext } from '../context.js';
import { systemClock } from '../core/clock.js';
import { systemActor } from '../ledger/events.js';
import { buildApp } from '../server.js';
import { captureIo, isolateCliDatabase } from '../test-support/cli.js';
import { aFacility } from '../test-support/factories.js';
import { startBackupEndpoint } from './endpoint.js';
import { encodeHead, openBackup } from './format.js';
import { writeBackupFile } from './write.js';

const system = systemActor('test');
const pglite = process.env.DATABASE_URL ? describe.skip : describe;
const postgres = process.env.DATABASE_URL ? describe : describe.skip;

async function run(...args: string[]) {
  const io = captureIo();
  const code = await main(['node', 'custodia', ...args], io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

pglite('backup of an embedded database while `custodia serve` holds it', () => {
  const root = mkdtempSync(join(tmpdir(), 'custodia-backup-'));
  const dataDir = join(root, 'data');
  let ctx: AppContext;
  let built: Awaited<ReturnType<typeof buildApp>>;
  let endpoint: Awaited<ReturnType<typeof startBackupEndpoint>>;
  let token: string;

  beforeAll(async () => {
    ctx = await openContext(loadConfig({}, { data: dataDir }), {
      clock: systemClock,
      origin: 'custodia.test/backup',
    });
    built = await buildApp(ctx, { logger: false });
    await built.app.ready();
    endpoint = await startBackupEndpoint(ctx);
    await createUser(ctx, system, { name: 'ada.admin', role: 'admin', password: 'correct horse battery' });
    token = (await createToken(ctx, system, 'ada.admin')).token;
  });
  afterAll(async () => {
    await endpoint.close();
    await built.app.close();
    await ctx.handle.close();
  });

  const registerFacility = (code: string) =>
    built.app.inject({
      method: 'POST',
      url: '/api/v1/facilities',
      headers: { authorization: `Bearer ${token}` },
      payload: aFacility({ code, name: `Facility ${code}` }),
    });

  it('takes a consistent snapshot while writes go on, and restores it into a new directory that verifies', async () => {
    const file = join(root, 'live.custodia-backup');
    const [backup, ...writes] = await Promise.all([
      run('--data', dataDir, 'backup', file, '--json'),
      ...['SV-B1', 'SV-B2', 'SV-B3', 'SV-B4'].map(registerFacility),
    ]);
    for (const write of writes) expect(write.statusCode).toBe(201);
    expect(backup.stderr).toContain('The signing key is not in the backup');
    expect(backup.code).toBe(EXIT.ok);
    const summary = JSON.parse(backup.stdout) as { bytes: number; ledger: { size: number; root: string } };
    expect(summary.bytes).toBe(statSync(file).size);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const { manifest } = openBackup(file);
    expect(manifest.engine).toBe('pglite');
    expect(manifest.signerKey).toBeNull();
    expect(manifest.ledger.size).toBe(summary.ledger.size);
    expect(manifest.ledger.checkpoint).toContain(`${manifest.ledger.size}\n`);
    // The server was asked, so it still holds its directory and writes on after the backup.
    expect((await registerFacility('SV-B5')).statusCode).toBe(201);

    const target = join(root, 'restored');
    const restored = await run(
      'restore',
      file,
      '--data',
      target,
      '--key',
      join(dataDir, 'ledger-signer.key'),
      '--json',
    );
    expect(restored.stderr).not.toContain('not restored');
    expect(restored.code).toBe(EXIT.ok);
    const report = JSON.parse(restored.stdout) as { ok: boolean; size: number; root: string };
    expect(report).toMatchObject({ ok: true, size: manifest.ledger.size, root: manifest.ledger.root });

    const verify = await run('--data', target, 'ledger', 'verify');
    expect(verify.stderr).toBe('');
    expect(verify.stdout).toContain(`Ledger OK: ${manifest.ledger.size} entries`);
    expect(verify.code).toBe(EXIT.ok);
  });

  it('writes the key only with --with-key, says so loudly, and a restore then needs no --key', async () => {
    const file = join(root, 'with-key.custodia-backup');
    const backup = await run('--data', dataDir, 'backup', file, '--with-key');
    expect(backup.code).toBe(EXIT.ok);
    expect(backup.stderr).toContain('CONTAINS THE LEDGER SIGNING KEY');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(openBackup(file).manifest.signerKey).toBe(
      readFileSync(join(dataDir, 'ledger-signer.key'), 'utf8'),
    );
    const target = join(root, 'restored-with-key');
    const restored = await run('restore', file, '--data', target);
    expect(restored.code).toBe(EXIT.ok);
    expect(restored.stdout).toContain('Ledger OK:');
    expect(statSync(join(target, 'ledger-signer.key')).mode & 0o777).toBe(0o600);
  });

  it('refuses a non-empty target, a truncated file, a file that is no backup, and an existing output, in both languages', async () => {
    const file = join(root, 'refusals.custodia-backup');
    expect((await run('--data', dataDir, 'backup', file)).code).toBe(EXIT.ok);

    const existing = await run('--data', dataDir, 'backup', file, '--lang', 'es');
    expect(existing.code).toBe(EXIT.refused);
    expect(existing.stderr).toBe(
      `custodia: ${file} ya existe; indique un nombre de archivo nuevo para no sobrescribir una copia anterior.\n`,
    );

    const nonEmpty = await run('restore', file, '--data', dataDir);
    expect(nonEmpty.code).toBe(EXIT.refused);
    expect(nonEmpty.stderr).toBe(
      `custodia: ${dataDir} is not empty. Restore only into a new, empty directory or database, so nothing is overwritten.\n`,
    );

    const whole = readFileSync(file);
    const truncated = join(root, 'truncated.custodia-backup');
    writeFileSync(truncated, whole.subarray(0, whole.length - 1000));
    const cut = await run('restore', truncated, '--data', join(root, 'never-1'));
    expect(cut.code).toBe(EXIT.refused);
    expect(cut.stderr).toMatch(
      /^custodia: Backup .* is truncated: its manifest announces \d+ bytes of data but the file holds \d+\./,
    );
    const cutEs = await run('restore', truncated, '--data', join(root, 'never-1'), '--lang', 'es');
    expect(cutEs.stderr).toMatch(/^custodia: La copia .* está truncada/);

    const damaged = join(root, 'damaged.custodia-backup');
    const flipped = Buffer.from(whole);
    flipped[flipped.length - 10] = (flipped[flipped.length - 10] ?? 0) ^ 0xff;
    writeFileSync(damaged, flipped);
    const bad = await run('restore', damaged, '--data', join(root, 'never-2'));
    expect(bad.code).toBe(EXIT.refused);
    expect(bad.stderr).toContain('is damaged: its data does not match the SHA-256');

    const notBackup = join(root, 'notes.txt');
    writeFileSync(notBackup, 'hello\n');
    const wrong = await run('restore', notBackup, '--data', join(root, 'never-3'), '--lang', 'es');
    expect(wrong.code).toBe(EXIT.refused);
    expect(wrong.stderr).toBe(
      `custodia: ${notBackup} no es una copia de seguridad de Custodia (no empieza con la cabecera de copia). Indique un archivo escrito por \`custodia backup\`.\n`,
    );
    for (const result of [existing, nonEmpty, cut, cutEs, bad, wrong])
      expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses another format version, a newer schema and the wrong engine, in both languages, and leaves nothing behind', async () => {
    const file = join(root, 'versions.custodia-backup');
    expect((await run('--data', dataDir, 'backup', file)).code).toBe(EXIT.ok);
    const opened = openBackup(file);
    const payload = readFileSync(file).subarray(opened.payloadOffset);

    const future = join(root, 'future-format.custodia-backup');
    writeFileSync(future, Buffer.concat([Buffer.from('CUSTODIA-BACKUP 2\n{}\n'), payload]));
    const format = await run('restore', future, '--data', join(root, 'never-5'));
    expect(format.code).toBe(EXIT.refused);
    expect(format.stderr).toBe(
      `custodia: ${future} is a Custodia backup of format version 2, which this version of Custodia cannot read (it reads version 1). Restore it with the Custodia version that wrote it.\n`,
    );
    const formatEs = await run('restore', future, '--data', join(root, 'never-5'), '--lang', 'es');
    expect(formatEs.stderr).toContain('con formato versión 2, que esta versión de Custodia no sabe leer');

    const newer = join(root, 'newer-schema.custodia-backup');
    const newerManifest = { ...opened.manifest, schema: '9999-from-the-future', custodiaVersion: '9.0.0' };
    writeFileSync(newer, Buffer.concat([encodeHead(newerManifest), payload]));
    const schema = await run('restore', newer, '--data', join(root, 'never-5'), '--lang', 'es');
    expect(schema.code).toBe(EXIT.refused);
    expect(schema.stderr).toMatch(
      /^custodia: La copia .* la hizo Custodia 9\.0\.0, cuyo esquema de base de datos \(9999-from-the-future\) es más reciente/,
    );

    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = 'postgres://nobody@127.0.0.1:1/nowhere';
    let engine: Awaited<ReturnType<typeof run>>;
    try {
      engine = await run('restore', file, '--data', join(root, 'never-5'));
    } finally {
      // Assigning undefined would store the string "undefined".
      if (saved === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved;
    }
    expect(engine.code).toBe(EXIT.refused);
    expect(engine.stderr).toContain(
      'holds a PGlite database and cannot be restored into the PostgreSQL database',
    );

    // Data whose length and hash match the manifest but that is no data directory: refused after the
    // check, and the half-restored directory is removed.
    const garbage = Buffer.from('not a tarball at all\n'.repeat(100));
    const broken = join(root, 'broken.custodia-backup');
    const brokenManifest = {
      ...opened.manifest,
      payload: {
        ...opened.manifest.payload,
        bytes: garbage.length,
        sha256: createHash('sha256').update(garbage).digest('hex'),
      },
    };
    writeFileSync(broken, Buffer.concat([encodeHead(brokenManifest), garbage]));
    const failed = await run('restore', broken, '--data', join(root, 'never-5'));
    expect(failed.code).toBe(EXIT.refused);
    expect(failed.stderr).toMatch(
      /^custodia: Backup .* matches its checksum, but its data is not a PGlite data directory/,
    );

    // A gzip of something that is no tar: PGlite is never given it either.
    const notTar = gzipSync(garbage);
    const notTarFile = join(root, 'not-tar.custodia-backup');
    writeFileSync(
      notTarFile,
      Buffer.concat([
        encodeHead({
          ...brokenManifest,
          payload: {
            ...brokenManifest.payload,
            bytes: notTar.length,
            sha256: createHash('sha256').update(notTar).digest('hex'),
          },
        }),
        notTar,
      ]),
    );
    const notTarRestore = await run('restore', notTarFile, '--data', join(root, 'never-5'), '--lang', 'es');
    expect(notTarRestore.code).toBe(EXIT.refused);
    expect(notTarRestore.stderr).toContain('no son un directorio de datos de PGlite (not a tar archive)');
    for (const result of [format, formatEs, schema, engine, failed, notTarRestore])
      expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(root).filter((name) => name.startsWith('never-'))).toEqual([]);
  });

  it('writes nothing under the backup name when the data does not match its manifest', async () => {
    const { manifest } = openBackup(join(root, 'versions.custodia-backup'));
    const file = join(root, 'mismatch.custodia-backup');
    await expect(writeBackupFile(file, manifest, [Buffer.from('too short')])).rejects.toThrow();
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(root).filter((name) => name.includes('.partial'))).toEqual([]);
  });

  it('restores without --key but installs no key, and says in Spanish which file to copy where', async () => {
    const file = join(root, 'versions.custodia-backup');
    const target = join(root, 'restored-keyless');
    const restored = await run('restore', file, '--data', target, '--lang', 'es');
    expect(restored.code).toBe(EXIT.ok);
    expect(restored.stderr).toContain(
      `La clave de firma no se restauró: copie el ledger-signer.key de la instalación en ${target} (modo 0600) antes de arrancar Custodia, o restaure de nuevo con --key ARCHIVO.`,
    );
    expect(existsSync(join(target, 'ledger-signer.key'))).toBe(false);
    expect(readdirSync(root).filter((name) => name.includes('.restoring-'))).toEqual([]);
  });

  it('refuses a --key that is not the one that signed the backup', async () => {
    const file = join(root, 'wrong-key.custodia-backup');
    expect((await run('--data', dataDir, 'backup', file)).code).toBe(EXIT.ok);
    const other = join(root, 'other-data');
    // Another installation's key: the first command that records something creates it (a read-only
    // command such as `ledger key` never does).
    expect((await run('--data', other, 'user', 'add', 'other.admin', '--role', 'admin')).code).toBe(EXIT.ok);
    expect(existsSync(join(other, 'ledger-signer.key'))).toBe(true);
    const restored = await run(
      'restore',
      file,
      '--data',
      join(root, 'never-4'),
      '--key',
      join(other, 'ledger-signer.key'),
    );
    expect(restored.code).toBe(EXIT.refused);
    expect(restored.stderr).toContain('is not the key that signed this backup');
  });
});

postgres('backup and restore on PostgreSQL (pg_dump custom format)', () => {
  const root = mkdtempSync(join(tmpdir(), 'custodia-backup-pg-'));
  const dataDir = join(root, 'data');
  let drop: () => Promise<void>;

  beforeAll(async () => {
    drop = await isolateCliDatabase();
  });
  afterAll(async () => {
    await drop();
  });

  it('dumps the database with the ledger state of the same snapshot, refuses a non-empty target, and restores into an empty one', async () => {
    expect((await run('--data', dataDir, 'user', 'add', 'ada.admin', '--role', 'admin')).code).toBe(EXIT.ok);
    const file = join(root, 'pg.custodia-backup');
    const backup = await run('--data', dataDir, 'backup', file, '--json');
    expect(backup.stderr).not.toContain('failed');
    expect(backup.code).toBe(EXIT.ok);
    const { manifest } = openBackup(file);
    expect(manifest.engine).toBe('postgres');
    expect(manifest.payload.format).toBe('pg_dump-custom');
    expect(manifest.ledger.size).toBeGreaterThan(0);

    const nonEmpty = await run('restore', file, '--data', join(root, 'restored-1'));
    expect(nonEmpty.code).toBe(EXIT.refused);
    expect(nonEmpty.stderr).toContain('is not empty');

    const restoreInto = await isolateCliDatabase();
    try {
      const restored = await run(
        'restore',
        file,
        '--data',
        join(root, 'restored-2'),
        '--key',
        join(dataDir, 'ledger-signer.key'),
        '--json',
      );
      expect(restored.code, restored.stderr).toBe(EXIT.ok);
      expect(JSON.parse(restored.stdout)).toMatchObject({
        ok: true,
        size: manifest.ledger.size,
        root: manifest.ledger.root,
      });
    } finally {
      await restoreInto();
    }
  });
});
