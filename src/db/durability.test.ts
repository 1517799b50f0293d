import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { testEngine } from '../test-support/context.js';
import { type Durability, openDatabase } from './database.js';
import { pgliteSyncs } from './pglite-fs.js';

/**
 * PGlite starts with fsync off and its Node file system ignores fsync, so a data directory opens with
 * fsync on and a file system whose fsync reaches the disk (decision 0035): a commit is on disk before it
 * is acknowledged, and a checkpoint syncs the data files it wrote.
 */

const dirs: string[] = [];

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function settingsOf(options: { durability?: Durability; dataDir?: null }) {
  const dir = mkdtempSync(join(tmpdir(), 'custodia-durability-'));
  dirs.push(dir);
  const handle = await openDatabase({
    engine: 'pglite',
    dataDir: options.dataDir === null ? null : dir,
    ...(options.durability === undefined ? {} : { durability: options.durability }),
  });
  try {
    const { rows } = await sql<{ fsync: string; method: string }>`
      select current_setting('fsync') as fsync, current_setting('wal_sync_method') as method`.execute(
      handle.db,
    );
    return rows[0];
  } finally {
    await handle.close();
  }
}

// The embedded engine's own start-up: the PostgreSQL run (DATABASE_URL) has nothing to add to it.
describe.skipIf(testEngine === 'postgres')('durable commits on the embedded engine', () => {
  it('writes the WAL of a data directory synchronously', async () => {
    expect(await settingsOf({})).toEqual({ fsync: 'on', method: 'fsync' });
  });

  it('syncs the WAL at each commit and the data files at a checkpoint, and a bulk load syncs neither', async () => {
    const syncsOf = async (durability: Durability) => {
      const dir = mkdtempSync(join(tmpdir(), 'custodia-durability-'));
      dirs.push(dir);
      const handle = await openDatabase({ engine: 'pglite', dataDir: dir, durability });
      try {
        await sql`create table t (n int)`.execute(handle.db);
        await sql`checkpoint`.execute(handle.db);
        const before = pgliteSyncs();
        for (let n = 0; n < 3; n++) await sql`insert into t values (${n})`.execute(handle.db);
        const commits = pgliteSyncs() - before;
        const beforeCheckpoint = pgliteSyncs();
        await sql`checkpoint`.execute(handle.db);
        return { commits, checkpoint: pgliteSyncs() - beforeCheckpoint };
      } finally {
        await handle.close();
      }
    };
    const durable = await syncsOf('commit');
    // One fsync of the WAL per commit (a segment switch may add one).
    expect(durable.commits).toBeGreaterThanOrEqual(3);
    // The table's file, and the control file with the new redo point.
    expect(durable.checkpoint).toBeGreaterThanOrEqual(2);
    expect(await syncsOf('close')).toEqual({ commits: 0, checkpoint: 0 });
  });

  it('leaves a bulk load, a scratch directory and memory as PGlite starts them', async () => {
    expect(await settingsOf({ durability: 'none' })).toEqual({ fsync: 'off', method: 'fdatasync' });
    expect(await settingsOf({ durability: 'close' })).toEqual({ fsync: 'off', method: 'fdatasync' });
    expect(await settingsOf({ dataDir: null })).toEqual({ fsync: 'off', method: 'fdatasync' });
  });
});
