import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../core/errors.js';
import { KEY_FILE, loadOrCreateSigner } from './key.js';

describe('the checkpoint key', () => {
  it('refuses a key other users can read, saying how to fix it in either language', () => {
    const dir = mkdtempSync(join(tmpdir(), 'custodia-key-'));
    const path = join(dir, KEY_FILE);
    writeFileSync(path, 'not a key');
    chmodSync(path, 0o644);
    let error: unknown;
    try {
      loadOrCreateSigner(dir, 'custodia.test/log');
    } catch (e) {
      error = e;
    }
    if (!(error instanceof DomainError)) throw new Error('expected a refusal');
    expect(error.code).toBe('environment');
    expect(error.exitCode).toBe(3);
    expect(error.message).toBe(
      `The checkpoint key ${path} is readable by other users (mode 644). Run \`chmod 600 ${path}\`.`,
    );
    expect(error.localized('es')).toBe(
      `Otros usuarios pueden leer la clave de los puntos de control ${path} (modo 644). Ejecute \`chmod 600 ${path}\`.`,
    );
  });
});
