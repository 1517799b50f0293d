import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { eventRegistry } from '../app.js';
import type { Config } from '../config.js';
import { DomainError } from '../core/errors.js';
import { type DatabaseHandle, migrateToLatest, openDatabase, redactUrl } from '../db/database.js';
import { latestMigration, migrationProvider } from '../db/migrations/index.js';
import { parseCheckpoint } from '../ledger/checkpoint.js';
import { toHex } from '../ledger/encoding.js';
import { KEY_FILE, verifierKeyOf } from '../ledger/key.js';
import { proveConsistency, treeHead } from '../ledger/ledger.js';
import { openNote, parseSignerKey, parseVerifierKey } from '../ledger/note.js';
import { type VerifyReport, verifyLedger } from '../ledger/verify.js';
import {
  type BackupManifest,
  checkPayload,
  type OpenedBackup,
  openBackup,
  payloadChunks,
  readPayload,
  reasonOf,
} from './format.js';
import { pgTool, splitPassword } from './snapshot.js';

/** What a restore found: the ledger restored, checked against the manifest's snapshot. */
export interface RestoreReport {
  manifest: BackupManifest;
  /** Where it was restored, for messages. */
  location: string;
  size: number;
  root: string;
  /** Problems found comparing the restored ledger with the manifest, and by `ledger verify`. */
  problems: string[];
  verify: VerifyReport;
  /** Where the signing key came from: the backup, `--key`, or nowhere (the installation cannot start). */
  key: 'backup' | 'file' | null;
}

/** Phases a restore reports, for a progress display. */
export type RestorePhase = 'checking' | 'restoring' | 'verifying';

/**
 * Restores a backup into an empty target, then checks the ledger: every hash and checkpoint (`ledger
 * verify`), and the size, root and checkpoint the manifest recorded at the snapshot. The target is the
 * data directory (PGlite) or the empty database DATABASE_URL names (PostgreSQL; the key still goes to
 * the data directory).
 */
export async function restoreBackup(p: {
  file: string;
  config: Config;
  keyFile?: string | undefined;
  onProgress?: (phase: RestorePhase, done: number, total: number) => void;
}): Promise<RestoreReport> {
  const { file, config } = p;
  const progress = p.onProgress ?? (() => {});
  const opened = openBackup(file);
  const { manifest } = opened;
  const targetEngine = config.databaseUrl ? 'postgres' : 'pglite';
  const target = config.databaseUrl ? redactUrl(config.databaseUrl) : config.dataDir;
  if (manifest.engine !== targetEngine) {
    throw new DomainError('invalid_input', 'backup.wrong_engine', {
      path: file,
      backup: manifest.engine === 'pglite' ? 'PGlite' : 'PostgreSQL',
      target,
      toServer: targetEngine === 'postgres',
    });
  }
  const keyText = signerKeyFor(manifest, p.keyFile);
  if (targetEngine === 'pglite' && !isEmptyDir(config.dataDir)) {
    throw new DomainError('invalid_input', 'backup.target_not_empty', { target: config.dataDir });
  }
  if (keyText && existsSync(join(config.dataDir, KEY_FILE))) {
    throw new DomainError('invalid_input', 'backup.target_not_empty', {
      target: join(config.dataDir, KEY_FILE),
    });
  }

  await assertKnownSchema(file, manifest);

  if (manifest.engine === 'pglite') return restorePglite(file, opened, config, keyText, p.keyFile, progress);
  const total = manifest.payload.bytes;
  await checkPayload(file, opened, (n) => progress('checking', n, total));
  const handle = await openDatabase({ engine: 'postgres', url: config.databaseUrl ?? '' });
  try {
    await assertEmptyDatabase(handle, target);
    await runPgRestore(
      config.databaseUrl ?? '',
      payloadChunks(file, opened, (n) => progress('restoring', n, total)),
    );
    if (keyText) {
      mkdirSync(config.dataDir, { recursive: true });
      writeFileSync(join(config.dataDir, KEY_FILE), `${keyText.trim()}\n`, { mode: 0o600, flag: 'wx' });
    }
    return await verifyRestored(handle, manifest, keyOrigin(manifest, p.keyFile), progress);
  } finally {
    await handle.close();
  }
}

/**
 * Restores a PGlite backup into a new directory beside the target and renames it into place only once
 * the database opened, migrated and its ledger was checked: an interrupted or failed restore leaves no
 * half-restored directory under the target's name (the temporary one is removed).
 */
async function restorePglite(
  file: string,
  opened: OpenedBackup,
  config: Config,
  keyText: string | null,
  keyFile: string | undefined,
  progress: (phase: RestorePhase, done: number, total: number) => void,
): Promise<RestoreReport> {
  const { manifest } = opened;
  const total = manifest.payload.bytes;
  const tar = untarable(file, await readPayload(file, opened, (n) => progress('checking', n, total)));
  const target = resolve(config.dataDir);
  mkdirSync(dirname(target), { recursive: true });
  const staging = mkdtempSync(`${target}.restoring-`);
  let report: RestoreReport;
  try {
    progress('restoring', 0, total);
    const handle = await openDatabase({
      engine: 'pglite',
      dataDir: staging,
      loadDataDir: new Blob([tar], { type: 'application/x-tar' }),
    });
    progress('restoring', total, total);
    try {
      if (keyText) writeFileSync(join(staging, KEY_FILE), `${keyText.trim()}\n`, { mode: 0o600, flag: 'wx' });
      report = await verifyRestored(handle, manifest, keyOrigin(manifest, keyFile), progress);
    } finally {
      await handle.close();
    }
    if (!isEmptyDir(target)) throw new DomainError('invalid_input', 'backup.target_not_empty', { target });
    // rename(2) replaces an empty directory, so a target made empty beforehand is fine.
    renameSync(staging, target);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  return { ...report, location: join(target, 'pg') };
}

/**
 * The data directory's tarball, decompressed here rather than by PGlite: PGlite's own gunzip leaves a
 * corrupt stream's error unhandled, which would end the process with a stack trace instead of a refusal.
 */
function untarable(file: string, payload: Buffer): Buffer {
  let tar: Buffer;
  try {
    tar = gunzipSync(payload);
  } catch (error) {
    throw new DomainError('invalid_input', 'backup.bad_payload', { path: file, reason: reasonOf(error) });
  }
  // Every tar entry's header carries "ustar" at offset 257.
  if (tar.subarray(257, 262).toString('latin1') !== 'ustar') {
    throw new DomainError('invalid_input', 'backup.bad_payload', { path: file, reason: 'not a tar archive' });
  }
  return tar;
}

/** Where the signing key came from, for the report. */
function keyOrigin(manifest: BackupManifest, keyFile: string | undefined): RestoreReport['key'] {
  if (manifest.signerKey) return 'backup';
  return keyFile ? 'file' : null;
}

/** Migrates the restored database and checks its ledger: `ledger verify`, then against the manifest. */
async function verifyRestored(
  handle: DatabaseHandle,
  manifest: BackupManifest,
  key: RestoreReport['key'],
  progress: (phase: RestorePhase, done: number, total: number) => void,
): Promise<RestoreReport> {
  await migrateToLatest(handle.db);
  const verify = await verifyLedger(handle.db, {
    signer: parseVerifierKey(manifest.ledger.verifierKey),
    events: eventRegistry,
    onProgress: (done, all) => progress('verifying', done, all),
  });
  const head = await treeHead(handle.db);
  const problems = [...verify.problems, ...(await compareWithManifest(handle, manifest))];
  return {
    manifest,
    location: handle.location,
    size: head.size,
    root: toHex(head.root),
    problems,
    verify,
    key,
  };
}

/** Refuses a backup whose database has migrations this version of Custodia does not know (a newer one made it). */
async function assertKnownSchema(file: string, manifest: BackupManifest): Promise<void> {
  const known = Object.keys(await migrationProvider.getMigrations());
  if (known.includes(manifest.schema)) return;
  throw new DomainError('invalid_input', 'backup.newer_schema', {
    path: file,
    schema: manifest.schema,
    version: manifest.custodiaVersion,
    latest: latestMigration,
  });
}

/** The signing key to install: the backup's, or the `--key` file's once it is shown to be the right one. */
function signerKeyFor(manifest: BackupManifest, keyFile: string | undefined): string | null {
  if (!keyFile) return manifest.signerKey;
  let text: string;
  try {
    text = readFileSync(keyFile, 'utf8');
  } catch (error) {
    throw new DomainError('environment', 'cli.cannot_read_check_path', {
      path: keyFile,
      reason: reasonOf(error),
    });
  }
  let actual: string;
  try {
    actual = verifierKeyOf(parseSignerKey(text.trim()));
  } catch (error) {
    throw new DomainError('environment', 'ledger.key_unreadable', { path: keyFile, reason: reasonOf(error) });
  }
  if (actual !== manifest.ledger.verifierKey) {
    throw new DomainError('invalid_input', 'backup.key_mismatch', {
      path: keyFile,
      expected: manifest.ledger.verifierKey,
      actual,
    });
  }
  return text;
}

/** The restored ledger against the manifest: the same size and root, and the same signed checkpoint. */
async function compareWithManifest(handle: DatabaseHandle, manifest: BackupManifest): Promise<string[]> {
  const problems: string[] = [];
  const { ledger } = manifest;
  const head = await treeHead(handle.db);
  if (head.size !== ledger.size) {
    problems.push(
      `the restored ledger has ${head.size} entries; the backup's manifest recorded ${ledger.size}`,
    );
    return problems;
  }
  if (toHex(head.root) !== ledger.root) {
    problems.push(`the restored root ${toHex(head.root)} differs from the manifest's ${ledger.root}`);
  }
  if (ledger.checkpoint === null) return problems;
  try {
    const body = parseCheckpoint(openNote(ledger.checkpoint, [parseVerifierKey(ledger.verifierKey)]).body);
    if (body.size > head.size) {
      problems.push(
        `the manifest's checkpoint is at size ${body.size}, beyond the restored ${head.size} entries`,
      );
      return problems;
    }
    const { fromRoot } = await proveConsistency(handle.db, body.size, head.size);
    if (toHex(fromRoot) !== toHex(body.root)) {
      problems.push(
        `the restored tree at size ${body.size} does not have the root the manifest's checkpoint signs`,
      );
    }
  } catch (error) {
    problems.push(`the manifest's checkpoint does not verify: ${reasonOf(error)}`);
  }
  return problems;
}

function isEmptyDir(dir: string): boolean {
  if (!existsSync(dir)) return true;
  try {
    return readdirSync(dir).length === 0;
  } catch {
    return false;
  }
}

async function assertEmptyDatabase(handle: DatabaseHandle, target: string): Promise<void> {
  const result = await sql<{ n: number }>`
    select count(*)::int as n from pg_catalog.pg_tables
    where schemaname not in ('pg_catalog', 'information_schema')`.execute(handle.db);
  if ((result.rows[0]?.n ?? 0) > 0)
    throw new DomainError('invalid_input', 'backup.target_not_empty', { target });
}

async function runPgRestore(databaseUrl: string, payload: AsyncIterable<Buffer>): Promise<void> {
  const { url, password } = splitPassword(databaseUrl);
  const child = spawn(
    pgTool('pg_restore'),
    ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${url}`],
    {
      stdio: ['pipe', 'ignore', 'pipe'],
      env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-2000);
  });
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  try {
    child.stdin.on('error', () => {});
    for await (const chunk of payload) {
      if (!child.stdin.write(chunk)) await new Promise((resolve) => child.stdin.once('drain', resolve));
    }
    child.stdin.end();
    const code = await exited;
    if (code !== 0) throw new Error(stderr.trim().split('\n').pop() ?? `exit code ${code}`);
  } catch (error) {
    throw new DomainError('environment', 'backup.tool_failed', {
      tool: 'pg_restore',
      reason: reasonOf(error),
    });
  }
}
