import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { DomainError } from './core/errors.js';

/** The refusal `loadConfig` throws for `env`. */
function refusalOf(env: Record<string, string>): DomainError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error(`expected a refusal of ${JSON.stringify(env)}`);
}

describe('configuration', () => {
  it('fails at boot on a setting it cannot use, in either language', () => {
    const error = refusalOf({ DATABASE_URL: 'mysql://db/custodia' });
    expect(error.exitCode).toBe(3);
    expect(error.message).toBe(
      'DATABASE_URL must be a postgres:// or postgresql:// URL; unset it to use the embedded database.',
    );
    expect(error.localized('es')).toBe(
      'DATABASE_URL debe ser una URL postgres:// o postgresql://; quítela para usar la base de datos integrada.',
    );
  });

  it('reads from a replica only beside a PostgreSQL primary, and refuses a replica of the embedded database', () => {
    const primary = 'postgres://custodia@db1:5432/custodia';
    expect(loadConfig({}).databaseReadUrl).toBeNull();
    expect(loadConfig({ DATABASE_URL: primary }).databaseReadUrl).toBeNull();
    const replica = 'postgres://custodia@db2:5432/custodia';
    expect(loadConfig({ DATABASE_URL: primary, DATABASE_READ_URL: replica }).databaseReadUrl).toBe(replica);
    const alone = refusalOf({ DATABASE_READ_URL: replica });
    expect(alone.exitCode).toBe(3);
    expect(alone.message).toBe(
      'DATABASE_READ_URL names a replica of a PostgreSQL server, so it needs DATABASE_URL too; the embedded database has no replica.',
    );
    expect(alone.localized('es')).toBe(
      'DATABASE_READ_URL nombra una réplica de un servidor PostgreSQL, así que también necesita DATABASE_URL; la base de datos integrada no tiene réplica.',
    );
    const wrong = refusalOf({ DATABASE_URL: primary, DATABASE_READ_URL: 'mysql://db2/custodia' });
    expect(wrong.message).toBe(
      'DATABASE_READ_URL must be a postgres:// or postgresql:// URL naming a streaming replica of DATABASE_URL; unset it to read from the primary.',
    );
  });

  it('sends the request log to a file under the data directory unless told stdout, and refuses anything else', () => {
    expect(loadConfig({}).log).toBe('file');
    expect(loadConfig({ CUSTODIA_LOG: 'stdout' }).log).toBe('stdout');
    expect(loadConfig({ CUSTODIA_LOG: 'stdout' }, { log: 'file' }).log).toBe('file');
    const error = refusalOf({ CUSTODIA_LOG: 'syslog' });
    expect(error.exitCode).toBe(3);
    expect(error.message).toBe(
      'The request log goes to "file" (under the data directory) or "stdout", not "syslog"; set --log or CUSTODIA_LOG to one of them.',
    );
  });

  it('believes no proxy unless CUSTODIA_TRUST_PROXY says true or lists them, and refuses anything else', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ CUSTODIA_TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ CUSTODIA_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(
      loadConfig({ CUSTODIA_TRUST_PROXY: '10.0.0.5, 192.168.0.0/16,fd00::/8, loopback' }).trustProxy,
    ).toEqual(['10.0.0.5', '192.168.0.0/16', 'fd00::/8', 'loopback']);
    for (const value of ['proxy.example', '10.0.0.0/33', '10.0.0.1/8/8', 'yes']) {
      expect(refusalOf({ CUSTODIA_TRUST_PROXY: value }).exitCode).toBe(3);
    }
    const error = refusalOf({ CUSTODIA_TRUST_PROXY: '10.0.0.5,proxy.example' });
    expect(error.message).toBe(
      'CUSTODIA_TRUST_PROXY is "true", "false" or a comma-separated list of proxy addresses, CIDR ranges or loopback, linklocal, uniquelocal; "proxy.example" is none of them.',
    );
    expect(error.localized('es')).toBe(
      'CUSTODIA_TRUST_PROXY es «true», «false» o una lista separada por comas de direcciones de proxy, rangos CIDR o loopback, linklocal, uniquelocal; «proxy.example» no es ninguno de ellos.',
    );
  });

  it('keeps 8 MB of Merkle nodes for proofs unless CUSTODIA_PROOF_CACHE_MB says another whole number', () => {
    expect(loadConfig({}).proofCacheMb).toBe(8);
    expect(loadConfig({ CUSTODIA_PROOF_CACHE_MB: '64' }).proofCacheMb).toBe(64);
    for (const value of ['0', '-1', '1.5', 'lots']) {
      expect(refusalOf({ CUSTODIA_PROOF_CACHE_MB: value }).exitCode).toBe(3);
    }
  });
});
