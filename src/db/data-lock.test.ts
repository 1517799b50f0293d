import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockDataDir } from './data-lock.js';

describe('the embedded database lock', () => {
  it('refuses a data directory another live process holds, and says what to do', () => {
    const dir = mkdtempSync(join(tmpdir(), 'custodia-lock-'));
    writeFileSync(join(dir, 'custodia.lock'), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(/in use by process .*DATABASE_URL/);
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
