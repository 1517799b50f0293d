import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, Migrator, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { DomainError } from '../core/errors.js';
import { lockDataDir } from './data-lock.js';
import { migrationProvider } from './migrations/index.js';
import { PGliteDialect } from './pglite-dialect.js';
import { SyncingNodeFS } from './pglite-fs.js';
import type { Database } from './schema.js';

export type Engine = 'pglite' | 'postgres';
export type Tx = Transaction<Database>;
export type Db = Kysely<Database>;

/** An open database: the Kysely instance, which engine it runs on, and how to close it. */
export interface DatabaseHandle {
  db: Db;
  engine: Engine;
  /** Where it lives, for messages: a directory, `memory`, or the server URL without its password. */
  location: string;
  close(): Promise<void>;
  /** The embedded instance, for dumping a test template; absent on a server. */
  pglite?: PGlite;
}

/**
 * When an embedded database's writes reach the disk. `commit`: each commit waits for its WAL on disk
 * before it is acknowledged, and each checkpoint syncs the data files (see `durableStartParams`). `close`: a
 * bulk load that is redone if it fails commits without waiting and syncs the whole directory at close.
 * `none`: a scratch database that is thrown away (replay). A database in memory has no files.
 */
export type Durability = 'commit' | 'close' | 'none';

/** Where to open the database: a PGlite directory (or memory), or a PostgreSQL URL. */
export type DatabaseTarget =
  | {
      engine: 'pglite';
      dataDir: string | null;
      loadDataDir?: Blob;
      /** PostgreSQL's `shared_buffers` (default 128MB): a scratch database needs less memory. */
      sharedBuffers?: string;
      /** When writes reach the disk (default `commit`); see `Durability`. */
      durability?: Durability;
    }
  | {
      engine: 'postgres';
      url: string;
      /** How long to wait for a connection before failing (a replica's reads then fail over); default forever. */
      connectTimeoutMs?: number;
    };

const OID_INT8 = 20;
const OID_DATE = 1082;

/** int8 values (ledger sequence, cents) become numbers; beyond 2^53 they are refused, never rounded. */
function parseInt8(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`bigint ${value} is beyond the safe integer range`);
  return n;
}

/** Opens the database; it does not migrate (call `migrateToLatest`). */
export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.engine === 'pglite') {
    const dir = target.dataDir === null ? undefined : join(target.dataDir, 'pg');
    if (dir) mkdirSync(dir, { recursive: true });
    const unlock = target.dataDir === null ? () => {} : lockDataDir(target.dataDir);
    const durability: Durability = dir === undefined ? 'none' : (target.durability ?? 'commit');
    let pglite: PGlite;
    try {
      pglite = await PGlite.create({
        // A durable directory gets a file system whose fsync reaches the disk (see `SyncingNodeFS`).
        ...(dir ? (durability === 'commit' ? { fs: new SyncingNodeFS(dir) } : { dataDir: dir }) : {}),
        ...(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}),
        parsers: { [OID_INT8]: parseInt8, [OID_DATE]: (value: string) => value },
        // Trigram indexes serve the people search (migration 0026); PostgreSQL ships the same extension.
        extensions: { pg_trgm },
        startParams: [
          ...(durability === 'commit' ? durableStartParams() : PGlite.defaultStartParams),
          ...(target.sharedBuffers ? ['-c', `shared_buffers=${target.sharedBuffers}`] : []),
        ],
      });
    } catch (error) {
      unlock();
      throw new DomainError('environment', 'db.open_failed', {
        dir: dir ?? null,
        reason: error instanceof Error ? error.message : String(error),
      });
    }
    const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
    // Kysely only destroys a driver it has initialised, so close PGlite ourselves as well.
    const close = async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
      // A bulk load ran with fsync off: its shutdown checkpoint wrote the data files and pg_control unsynced.
      // (A durable directory's own checkpoints synced them, see `SyncingNodeFS`.)
      if (durability === 'close' && dir) syncTree(dir);
      unlock();
    };
    return { db, engine: 'pglite', location: dir ?? 'memory', close, pglite };
  }
  const pool = new pg.Pool({
    connectionString: target.url,
    max: 10,
    ...(target.connectTimeoutMs ? { connectionTimeoutMillis: target.connectTimeoutMs } : {}),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === OID_INT8) return parseInt8;
        if (oid === OID_DATE) return (value: string) => value;
        return pg.types.getTypeParser(oid, format ?? 'text');
      }) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection the server ends (a restart, a replica going down) is dropped by the pool and the next
  // query opens another; without a listener its 'error' event would end the process.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', location: redactUrl(target.url), close: () => db.destroy() };
}

/**
 * PGlite's start parameters for a durable data directory. PGlite starts PostgreSQL with `-F` (fsync off);
 * here fsync is on and the WAL is flushed with fsync(2) at commit, which `SyncingNodeFS` passes on to the
 * real file (PGlite's own file system ignored it, and it ignores fdatasync still). A commit costs one
 * fsync of the WAL (about 4 ms here, decision 0035), which group commit shares among the writes of a
 * batch, and a long transaction such as an import writes its WAL through the page cache and syncs it once.
 */
function durableStartParams(): string[] {
  return [...PGlite.defaultStartParams.filter((param) => param !== '-F'), '-c', 'wal_sync_method=fsync'];
}

/** Flushes every file and directory under `dir` to disk (fsync), after PGlite closed it. */
function syncTree(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) syncTree(path);
    else if (entry.isFile()) syncPath(path);
  }
  syncPath(dir);
}

function syncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The URL with any password replaced, safe to print. Secrets are never logged. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}

/**
 * Brings the schema to the newest migration. Features are built side by side, so a migration numbered
 * below one a database already ran can arrive later (0017 after 0021): each migration adds only its own
 * tables and columns, so a pending one runs whatever its number instead of refusing the upgrade.
 */
export async function migrateToLatest(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new DomainError('environment', 'db.migration_failed', {
      migration: failed,
      reason: error instanceof Error ? error.message : String(error),
    });
  }
}

/**
 * Refreshes the planner's statistics (`ANALYZE`). PGlite runs no autovacuum, so after a bulk import its
 * planner would still believe the tables empty and ignore their indexes; on a server it saves waiting for
 * autovacuum. ANALYZE samples a bounded number of rows per table, so it takes seconds at any size.
 */
export async function refreshStatistics(db: Db): Promise<void> {
  await sql`analyze`.execute(db);
}

/** True when the database answers and every migration has run; used by `/readyz`. */
export async function checkReady(
  db: Db,
): Promise<{ database: boolean; migrations: boolean; detail?: string }> {
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    return { database: false, migrations: false, detail: (error as Error).message };
  }
  const migrations = await new Migrator({ db, provider: migrationProvider }).getMigrations();
  // Every migration, not only the newest: one numbered lower may still be pending (see migrateToLatest).
  const done = migrations.every((m) => m.executedAt !== undefined);
  return { database: true, migrations: done };
}

/**
 * Runs `work` in a write transaction. Writes are serialised per ledger: PGlite has one connection
 * (the driver's mutex), and on a server a transaction-scoped advisory lock makes one appender at a time.
 */
export async function withWriteTransaction<T>(
  handle: DatabaseHandle,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  const committed: (() => void)[] = [];
  try {
    const result = await handle.db.transaction().execute(async (tx) => {
      transactionDb.set(tx, handle.db);
      commitListeners.set(tx, committed);
      if (handle.engine === 'postgres') {
        await sql`select pg_advisory_xact_lock(hashtext('custodia-ledger'))`.execute(tx);
      }
      return work(tx);
    });
    for (const listener of committed) listener();
    return result;
  } finally {
    for (const listener of writeListeners.get(handle.db) ?? []) listener();
  }
}

const writeListeners = new WeakMap<Db, Set<() => void>>();
const transactionDb = new WeakMap<Tx, Db>();
const commitListeners = new WeakMap<Tx, (() => void)[]>();

/** The database a write transaction runs on (undefined for a transaction not begun by `withWriteTransaction`). */
export function databaseOf(tx: Tx): Db | undefined {
  return transactionDb.get(tx);
}

/**
 * Calls `listener` once `tx` has committed, before `withWriteTransaction` returns and before the listeners
 * of `afterEveryWrite`; never if it rolls back. Ignored for a transaction not begun by `withWriteTransaction`.
 */
export function afterCommit(tx: Tx, listener: () => void): void {
  commitListeners.get(tx)?.push(listener);
}

/** Calls `listener` after every write transaction on `db` ends, committed or rolled back (cache upkeep). */
export function afterEveryWrite(db: Db, listener: () => void): void {
  const set = writeListeners.get(db) ?? new Set();
  set.add(listener);
  writeListeners.set(db, set);
}
