import { resolve } from 'node:path';
import { DomainError } from './core/errors.js';

/** Settings. Nothing else reads `process.env`. */
export interface Config {
  /** The data directory: the embedded database, the checkpoint key. */
  dataDir: string;
  /** A PostgreSQL server URL; when set it is used instead of the embedded database. */
  databaseUrl: string | null;
  /** The ledger origin for a new checkpoint key; null means `custodia.local/<installation>`. */
  origin: string | null;
  /** Login attempts allowed per client address per minute. */
  loginRateLimit: number;
  /** Hours a web session lasts. */
  sessionHours: number;
  /**
   * Where `custodia serve` writes its request log: a file under the data directory (the terminal keeps a
   * short start-up message and the warnings), or stdout for a process manager that collects it.
   */
  log: LogTarget;
}

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
  return {
    dataDir: resolve(overrides.data ?? env.CUSTODIA_DATA ?? './data'),
    databaseUrl,
    origin: env.CUSTODIA_ORIGIN?.trim() || null,
    loginRateLimit: positiveInt(env.CUSTODIA_LOGIN_RATE_LIMIT, 'CUSTODIA_LOGIN_RATE_LIMIT', 10),
    sessionHours: positiveInt(env.CUSTODIA_SESSION_HOURS, 'CUSTODIA_SESSION_HOURS', 12),
    log: logTarget(overrides.log ?? (env.CUSTODIA_LOG?.trim() || undefined)),
  };
}

function logTarget(value: string | undefined): LogTarget {
  if (value === undefined) return 'file';
  if (!isLogTarget(value)) throw new DomainError('environment', 'config.log_target', { value });
  return value;
}

function positiveInt(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) {
    throw new DomainError('environment', 'config.positive_integer', { name, value });
  }
  return n;
}
