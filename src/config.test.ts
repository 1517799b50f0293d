import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { DomainError } from './core/errors.js';

describe('configuration', () => {
  it('fails at boot on a setting it cannot use, in either language', () => {
    let error: unknown;
    try {
      loadConfig({ DATABASE_URL: 'mysql://db/custodia' });
    } catch (e) {
      error = e;
    }
    if (!(error instanceof DomainError)) throw new Error('expected a refusal');
    expect(error.exitCode).toBe(3);
    expect(error.message).toBe(
      'DATABASE_URL must be a postgres:// or postgresql:// URL; unset it to use the embedded database.',
    );
    expect(error.localized('es')).toBe(
      'DATABASE_URL debe ser una URL postgres:// o postgresql://; quítela para usar la base de datos integrada.',
    );
  });

  it('sends the request log to a file under the data directory unless told stdout, and refuses anything else', () => {
    expect(loadConfig({}).log).toBe('file');
    expect(loadConfig({ CUSTODIA_LOG: 'stdout' }).log).toBe('stdout');
    expect(loadConfig({ CUSTODIA_LOG: 'stdout' }, { log: 'file' }).log).toBe('file');
    let error: unknown;
    try {
      loadConfig({ CUSTODIA_LOG: 'syslog' });
    } catch (e) {
      error = e;
    }
    if (!(error instanceof DomainError)) throw new Error('expected a refusal');
    expect(error.exitCode).toBe(3);
    expect(error.message).toBe(
      'The request log goes to "file" (under the data directory) or "stdout", not "syslog"; set --log or CUSTODIA_LOG to one of them.',
    );
  });
});
