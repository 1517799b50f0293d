import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../core/errors.js';
import { lockDataDir } from './data-lock.js';

describe('the embedded database lock', () => {
  it('refuses a data directory another live process holds, and says what to do', () => {
    const dir = mkdtempSync(join(tmpdir(), 'custodia-lock-'));
    writeFileSync(join(dir, 'custodia.lock'), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(/in use by process .*DATABASE_URL/);
    let error: unknown;
    try {
      lockDataDir(dir);
    } catch (e) {
      error = e;
    }
    if (!(error instanceof DomainError)) throw new Error('expected a refusal');
    expect(error.params).toEqual({ dir, pid: process.ppid });
    expect(error.localized('es')).toBe(
      `La base de datos integrada en ${dir} la está usando el proceso ${process.ppid} (otro comando custodia o \`custodia serve\`). ` +
        'Detenga primero ese proceso, o use un servidor PostgreSQL (DATABASE_URL) cuando varios procesos necesiten los datos.',
    );
  });

  it('takes over a lock left by a process that no longer runs, and releases it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'custodia-lock-'));
    writeFileSync(join(dir, 'custodia.lock'), '999999999');
    const release = lockDataDir(dir);
    expect(existsSync(join(dir, 'custodia.lock'))).toBe(true);
    release();
    expect(existsSync(join(dir, 'custodia.lock'))).toBe(false);
  });
});
