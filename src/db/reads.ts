import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
  sql,
} from 'kysely';
import pg from 'pg';
import { type DatabaseHandle, type Db, openDatabase, redactUrl } from './database.js';
import type { Database } from './schema.js';

/**
 * Where the read-only paths that may lag a moment read from (docs/scaling.md, The read replica): the locator,
 * the people search, the public statistics, the compliance report and the dashboard. With
 * `DATABASE_READ_URL` it is a streaming replica of the primary; without, the primary itself. Everything
 * else (every write, every read inside a write transaction or right after one, sign-in and session
 * lookups) reads `ctx.handle.db`, the primary.
 */
export interface ReadHandle {
  /** Runs read-only queries; it refuses transactions (a write belongs on the primary). */
  db: Db;
  /** The replica's URL without its password, or null when reads go to the primary. */
  replica: string | null;
  /** The replica's state for `/readyz`; null without a replica. Never throws. */
  status(): Promise<ReplicaStatus | null>;
  /** Closes the replica's pool (the primary is closed by its own handle). */
  close(): Promise<void>;
}

/** What `/readyz` says about the replica. */
export interface ReplicaStatus {
  /** `down` when the replica does not answer: reads are then served by the primary. */
  status: 'ok' | 'down';
  /** Which server answers reads now: the replica, or the primary while the replica is down. */
  reads: 'replica' | 'primary';
  /** Seconds since the replica last replayed a transaction the primary has and it lacks; 0 when caught up. */
  lagSeconds: number | null;
  /** Bytes of the primary's write-ahead log the replica has not replayed yet. */
  lagBytes: number | null;
}

/** After a failed connection, reads stay on the primary this long before the replica is tried again. */
export const REPLICA_RETRY_MS = 5_000;
/** A replica that does not accept a connection within this time counts as down. */
const CONNECT_TIMEOUT_MS = 2_000;

/** Reads served by the primary itself: the same Kysely instance, so its caches keep working. */
export function primaryReads(primary: DatabaseHandle): ReadHandle {
  return { db: primary.db, replica: null, status: async () => null, close: async () => {} };
}

/**
 * Opens the reads: a streaming replica at `url` (PostgreSQL only), or the primary when `url` is null.
 * A read the replica cannot answer because it is unreachable (no connection within 2 s, connection
 * lost, shutting down, or a query cancelled by a recovery conflict) is answered by the primary instead,
 * and reads stay there for 5 s before the replica is tried again: a reader never sees an error for a
 * replica that is down, only the primary's load rising.
 */
export async function openReads(primary: DatabaseHandle, url: string | null): Promise<ReadHandle> {
  if (url === null) return primaryReads(primary);
  const replica = await openDatabase({ engine: 'postgres', url, connectTimeoutMs: CONNECT_TIMEOUT_MS });
  let downUntil = 0;
  const router: Router = {
    replicaUp: () => Date.now() >= downUntil,
    markDown: () => {
      downUntil = Date.now() + REPLICA_RETRY_MS;
    },
    replica: replica.db,
    primary: primary.db,
  };
  const db = new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new FailoverDriver(router),
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  return {
    db,
    replica: redactUrl(url),
    status: async () => {
      const status = await replicaStatus(primary.db, replica.db);
      // A replica that answers again takes the reads back at once.
      if (status.status === 'ok') downUntil = 0;
      else router.markDown();
      return { ...status, reads: router.replicaUp() ? 'replica' : 'primary' };
    },
    close: async () => {
      await db.destroy();
      await replica.close();
    },
  };
}

interface Router {
  replicaUp(): boolean;
  markDown(): void;
  replica: Db;
  primary: Db;
}

/**
 * A driver with no connections of its own: each query goes to the replica's pool, or to the primary's when
 * the replica is unreachable. A transaction would need one connection for all its statements, and reads
 * need none, so transactions are refused.
 */
class FailoverDriver implements Driver {
  constructor(private readonly router: Router) {}
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return new FailoverConnection(this.router);
  }
  async beginTransaction(): Promise<void> {
    throw new Error('the read replica takes no transaction: write through withWriteTransaction');
  }
  async commitTransaction(): Promise<void> {}
  async rollbackTransaction(): Promise<void> {}
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {}
}

class FailoverConnection implements DatabaseConnection {
  constructor(private readonly router: Router) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const { router } = this;
    if (!router.replicaUp()) return router.primary.executeQuery<R>(query);
    try {
      return await router.replica.executeQuery<R>(query);
    } catch (error) {
      const failure = replicaFailure(error);
      if (failure === null) throw error;
      if (failure === 'down') router.markDown();
      return router.primary.executeQuery<R>(query);
    }
  }

  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    // The read paths stream nothing; should one, it gets its rows in one piece.
    yield await this.executeQuery<R>(query);
  }
}

/**
 * Whether `error` is the replica failing rather than the query: `down` for a connection that could not be
 * made or was lost (then reads leave the replica for a while), `conflict` for a query a standby cancelled
 * because replay needed its rows (retried on the primary once), null for an error of the query itself
 * (a syntax or constraint error would fail on the primary too, and is thrown).
 */
function replicaFailure(error: unknown): 'down' | 'conflict' | null {
  if (!(error instanceof Error)) return null;
  if (!(error instanceof pg.DatabaseError)) return lostConnection(error) ? 'down' : null;
  const code = error.code ?? '';
  // 08: connection exception; 57P01–57P03: shut down, crashed, not accepting connections yet;
  // 3D000: the database was created on the primary and has not reached the replica yet.
  if (code.startsWith('08') || /^57P0[1-3]$/.test(code) || code === '3D000') return 'down';
  // 40001 on a standby: "canceling statement due to conflict with recovery".
  if (code === '40001') return 'conflict';
  return null;
}

/**
 * A connection that could not be made or broke: a system error (ECONNREFUSED, ECONNRESET, ETIMEDOUT,
 * ENOTFOUND, EHOSTUNREACH…), or node-postgres's own words for a connection timeout or a lost connection.
 * Anything else (a value the type parsers refuse) is the query's own error.
 */
function lostConnection(error: Error): boolean {
  const code = 'code' in error && typeof error.code === 'string' ? error.code : '';
  return /^E[A-Z]+$/.test(code) || /connection|connect|terminated/i.test(error.message);
}

/** The log sequence number `X/Y` as a byte position. */
function lsnBytes(lsn: string): bigint {
  const [high = '0', low = '0'] = lsn.split('/');
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

/**
 * How far the replica is behind: the primary's write position against the replica's replayed position
 * (bytes), and, when behind, the time since the replica last replayed a transaction (seconds: the age of
 * the newest data a reader can see, an upper bound since the primary may have written nothing in between).
 * The replica is asked first, so a write in between makes the lag look larger, never smaller.
 */
async function replicaStatus(primary: Db, replica: Db): Promise<Omit<ReplicaStatus, 'reads'>> {
  const replayed = await sql<{ lsn: string | null; age: number | null }>`select
      pg_last_wal_replay_lsn()::text as lsn,
      extract(epoch from now() - pg_last_xact_replay_timestamp())::float8 as age`
    .execute(replica)
    .then((result) => result.rows[0] ?? null)
    .catch(() => null);
  if (replayed === null) return { status: 'down', lagSeconds: null, lagBytes: null };
  // Not in recovery: the URL names a server that is not a standby, so it lags nothing.
  if (replayed.lsn === null) return { status: 'ok', lagSeconds: 0, lagBytes: 0 };
  const written = await sql<{ lsn: string }>`select pg_current_wal_lsn()::text as lsn`
    .execute(primary)
    .then((result) => result.rows[0]?.lsn ?? null)
    .catch(() => null);
  if (written === null) return { status: 'ok', lagSeconds: null, lagBytes: null };
  const behind = lsnBytes(written) - lsnBytes(replayed.lsn);
  if (behind <= 0n) return { status: 'ok', lagSeconds: 0, lagBytes: 0 };
  return {
    status: 'ok',
    lagSeconds: Math.max(0, Math.round((replayed.age ?? 0) * 10) / 10),
    lagBytes: Number(behind),
  };
}
