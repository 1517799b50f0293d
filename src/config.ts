import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { DomainError } from './core/errors.js';

/** Settings. Nothing else reads `process.env`. */
export interface Config {
  /** The data directory: the embedded database, the checkpoint key. */
  dataDir: string;
  /** A PostgreSQL server URL; when set it is used instead of the embedded database. */
  databaseUrl: string | null;
  /**
   * A streaming replica of `databaseUrl` for the reads that may lag a moment (src/db/reads.ts); null reads
   * everything from the primary. Optional so that contexts built by hand need not set it.
   */
  databaseReadUrl?: string | null;
  /** The ledger origin for a new checkpoint key; null means `custodia.local/<installation>`. */
  origin: string | null;
  /**
   * Failed sign-ins one client address may make before each further attempt must wait (30 s, doubling to
   * 15 minutes); an account allows twice as many, from all addresses together (src/auth/throttle.ts).
   */
  loginRateLimit: number;
  /** Public locator queries one client address may make in any minute (src/locator/rate-limit.ts). */
  locatorRateLimit: number;
  /** Public statistics requests per client address per minute (each may compute a year of figures). */
  statisticsRateLimit: number;
  /**
   * Which TLS-terminating proxies to believe about the client: `false` (the default) believes no
   * X-Forwarded-* header; `true` believes any; a list of addresses, CIDR ranges or the names `loopback`,
   * `linklocal` and `uniquelocal` believes only requests that come from them. A believed proxy's
   * X-Forwarded-Proto makes the session cookie Secure and its X-Forwarded-For keys the per-address limit.
   */
  trustProxy: TrustProxy;
  /** Hours a web session lasts. */
  sessionHours: number;
  /**
   * Where `custodia serve` writes its request log: a file under the data directory (the terminal keeps a
   * short start-up message and the warnings), or stdout for a process manager that collects it.
   */
  log: LogTarget;
  /**
   * How many of the configured witnesses must cosign a checkpoint for it to count as witnessed
   * (CUSTODIA_WITNESS_QUORUM, default 1; decision 0025). Optional so that contexts built by hand need not set it.
   */
  witnessQuorum?: number;
  /**
   * Megabytes of committed Merkle nodes each database keeps in memory for proofs (CUSTODIA_PROOF_CACHE_MB,
   * default 8; decision 0034). Optional so that contexts built by hand need not set it.
   */
  proofCacheMb?: number;
}

/** Whom to believe about the client's address and protocol: no one, any proxy, or the proxies listed. */
export type TrustProxy = boolean | readonly string[];

/** The request log's destinations. */
export const LOG_TARGETS = ['file', 'stdout'] as const;
export type LogTarget = (typeof LOG_TARGETS)[number];

/** Whether `value` names a request log destination. */
export function isLogTarget(value: string): value is LogTarget {
  return (LOG_TARGETS as readonly string[]).includes(value);
}

/** Reads settings from the environment and command-line overrides; invalid values fail at once. */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  overrides: { data?: string | undefined; log?: string | undefined } = {},
): Config {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new DomainError('environment', 'config.database_url', {});
  }
  const databaseReadUrl = env.DATABASE_READ_URL?.trim() || null;
  if (databaseReadUrl && !/^postgres(ql)?:\/\//.test(databaseReadUrl)) {
    throw new DomainError('environment', 'config.database_read_url', {});
  }
  if (databaseReadUrl && !databaseUrl) {
    throw new DomainError('environment', 'config.database_read_url_alone', {});
  }
  return {
    dataDir: resolve(overrides.data ?? env.CUSTODIA_DATA ?? './data'),
    databaseUrl,
    databaseReadUrl,
    origin: env.CUSTODIA_ORIGIN?.trim() || null,
    loginRateLimit: positiveInt(env.CUSTODIA_LOGIN_RATE_LIMIT, 'CUSTODIA_LOGIN_RATE_LIMIT', 10),
    locatorRateLimit: positiveInt(env.CUSTODIA_LOCATOR_RATE_LIMIT, 'CUSTODIA_LOCATOR_RATE_LIMIT', 10),
    statisticsRateLimit: positiveInt(
      env.CUSTODIA_STATISTICS_RATE_LIMIT,
      'CUSTODIA_STATISTICS_RATE_LIMIT',
      30,
    ),
    sessionHours: positiveInt(env.CUSTODIA_SESSION_HOURS, 'CUSTODIA_SESSION_HOURS', 12),
    trustProxy: trustProxy(env.CUSTODIA_TRUST_PROXY),
    log: logTarget(overrides.log ?? (env.CUSTODIA_LOG?.trim() || undefined)),
    witnessQuorum: positiveInt(env.CUSTODIA_WITNESS_QUORUM, 'CUSTODIA_WITNESS_QUORUM', 1),
    proofCacheMb: positiveInt(env.CUSTODIA_PROOF_CACHE_MB, 'CUSTODIA_PROOF_CACHE_MB', 8),
  };
}

function logTarget(value: string | undefined): LogTarget {
  if (value === undefined) return 'file';
  if (!isLogTarget(value)) throw new DomainError('environment', 'config.log_target', { value });
  return value;
}

/** The names proxy-addr (Fastify's) gives address ranges, usable in the list. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function trustProxy(value: string | undefined): TrustProxy {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'false') return false;
  if (text === 'true') return true;
  const entries = text.split(',').map((entry) => entry.trim());
  const invalid = entries.find((entry) => !isProxyEntry(entry));
  if (invalid !== undefined) throw new DomainError('environment', 'config.trust_proxy', { value: invalid });
  return entries;
}

/** An address, a CIDR range (`10.0.0.0/8`, `fd00::/8`) or a named range. */
function isProxyEntry(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (version === 4 ? 32 : 128);
}

function positiveInt(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) {
    throw new DomainError('environment', 'config.positive_integer', { name, value });
  }
  return n;
}
