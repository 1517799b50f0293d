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
}

/** Reads settings from the environment and command-line overrides; invalid values fail at once. */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  overrides: { data?: string | undefined } = {},
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
  };
}

function positiveInt(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) {
    throw new DomainError('environment', 'config.positive_integer', { name, value });
  }
  return n;
}
