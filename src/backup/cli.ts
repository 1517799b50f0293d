import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { cliLang, type Io, json, readFileChunks, withContext } from '../cli-support.js';
import { loadConfig } from '../config.js';
import { DomainError } from '../core/errors.js';
import { translate } from '../core/messages/index.js';
import { createProgress } from '../core/progress.js';
import { KEY_FILE } from '../ledger/key.js';
import { requestSnapshot } from './endpoint.js';
import { type BackupManifest, reasonOf } from './format.js';
import { restoreBackup } from './restore.js';
import { snapshotPglite, snapshotPostgres } from './snapshot.js';
import { assertNewFile, writeBackupFile } from './write.js';

/** `custodia backup FILE` and `custodia restore FILE --data DIR`. */
export function backupCommands(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('backup')
    .description(
      'write a consistent snapshot of the database (and the ledger size, root and checkpoint it holds) to FILE, also while `custodia serve` runs',
    )
    .argument('<file>', 'the backup file to write (must not exist)')
    .option('--with-key', 'also store the checkpoint signing key in the backup (keep that file secret)')
    .option('--json', 'machine output')
    .action(async (file: string, opts: { withKey?: boolean; json?: boolean }, cmd: Command) => {
      const globals = cmd.optsWithGlobals<{ data?: string }>();
      const config = loadConfig(process.env, { data: globals.data });
      assertNewFile(file);
      const started = performance.now();
      const progress = createProgress({ label: 'Writing the backup (bytes)' });
      const onBytes = (n: number) => progress.update(n);
      const keyText = opts.withKey ? readKey(config.dataDir) : null;
      const withKey = (m: BackupManifest): BackupManifest => ({ ...m, signerKey: keyText });
      let written: number;
      let manifest: BackupManifest;
      let via: string;
      const remote = config.databaseUrl ? null : await requestSnapshot(config.dataDir);
      if (remote) {
        manifest = withKey(remote.manifest);
        via = `the running server (${remote.url})`;
        written = await writeBackupFile(file, manifest, remote.payload, onBytes);
      } else if (!config.databaseUrl) {
        const snap = await withContext(globals, (ctx) =>
          snapshotPglite(ctx.handle, ctx.signer, ctx.clock.now()),
        );
        manifest = withKey(snap.manifest);
        via = 'the embedded database';
        written = await writeBackupFile(file, manifest, [snap.payload], onBytes);
      } else {
        const databaseUrl = config.databaseUrl;
        const dump = `${file}.${process.pid}.pg_dump.partial`;
        try {
          const dumped = await withContext(globals, (ctx) =>
            snapshotPostgres(ctx.handle, databaseUrl, ctx.signer, ctx.clock.now(), dump, onBytes),
          );
          manifest = withKey(dumped);
          via = 'pg_dump';
          written = await writeBackupFile(file, manifest, readFileChunks(dump, () => {}).chunks, onBytes);
        } finally {
          rmSync(dump, { force: true });
        }
      }
      progress.finish();
      const seconds = (performance.now() - started) / 1000;
      if (opts.json) {
        json(io, {
          file,
          bytes: written,
          seconds,
          engine: manifest.engine,
          ledger: { ...manifest.ledger },
          withKey: keyText !== null,
        });
      } else {
        io.out(
          `Backup written to ${file}: ${formatBytes(written)} in ${seconds.toFixed(1)} s, from ${via}.\n` +
            `  Ledger at the snapshot: ${manifest.ledger.size} entries, root ${manifest.ledger.root}.\n`,
        );
      }
      const lang = cliLang(cmd);
      io.err(
        `${
          keyText
            ? translate(lang, 'backup.key_included', { path: file })
            : translate(lang, 'backup.key_not_included', { keyPath: join(config.dataDir, KEY_FILE) })
        }\n`,
      );
    });

  program
    .command('restore')
    .description(
      'restore a backup into an empty --data directory (or the empty database DATABASE_URL names), then verify the ledger against the checkpoint the backup recorded',
    )
    .argument('<file>', 'the backup file written by `custodia backup`')
    .option('--key <file>', "the installation's ledger-signer.key, when the backup does not hold it")
    .option('--json', 'machine output')
    .action(async (file: string, opts: { key?: string; json?: boolean }, cmd: Command) => {
      const globals = cmd.optsWithGlobals<{ data?: string }>();
      const config = loadConfig(process.env, { data: globals.data });
      const started = performance.now();
      let phase: string = 'checking';
      let progress = createProgress({ label: 'Checking the backup (bytes)' });
      const labels = {
        checking: 'Checking the backup (bytes)',
        restoring: 'Restoring the database (bytes)',
        verifying: 'Verifying the ledger (entries)',
      } as const;
      const report = await restoreBackup({
        file,
        config,
        keyFile: opts.key,
        onProgress: (next, done) => {
          if (next !== phase) {
            progress.finish();
            progress = createProgress({ label: labels[next] });
            phase = next;
          }
          progress.update(done);
        },
      });
      progress.finish();
      const seconds = (performance.now() - started) / 1000;
      const ok = report.problems.length === 0;
      if (opts.json) {
        json(io, {
          ok,
          location: report.location,
          size: report.size,
          root: report.root,
          manifest: { size: report.manifest.ledger.size, root: report.manifest.ledger.root },
          problems: report.problems,
          key: report.key,
          seconds,
        });
      } else if (ok) {
        io.out(
          `Restored ${file} into ${report.location} in ${seconds.toFixed(1)} s.\n` +
            `Ledger OK: ${report.size} entries, root ${report.root}, as the backup recorded; ` +
            `${report.verify.checkpointsChecked} checkpoints verified, ${report.verify.replay?.rows ?? 0} read-table rows match a replay.\n`,
        );
      } else {
        io.err(
          `Restored ${file} into ${report.location}, but the ledger does NOT verify against the backup's checkpoint:\n` +
            report.problems.map((problem) => `  - ${problem}\n`).join(''),
        );
      }
      if (report.key === null) {
        io.err(
          `${translate(cliLang(cmd), 'backup.key_not_restored', { keyFile: KEY_FILE, dataDir: config.dataDir })}\n`,
        );
      }
      if (!ok) setExit(1);
    });
}

function readKey(dataDir: string): string {
  const path = join(dataDir, KEY_FILE);
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new DomainError('environment', 'cli.cannot_read_check_path', { path, reason: reasonOf(error) });
  }
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}
