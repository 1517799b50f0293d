import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../core/errors.js';
import { POLICY_ACTION_WORDS } from '../core/messages/auth.js';
import {
  ACTIONS,
  type Action,
  actionsOf,
  authorize,
  can,
  GRANTEES,
  POLICY,
  rolesAllowed,
  type Scope,
  scopeOf,
} from './policy.js';

const MATRIX_FILE = fileURLToPath(new URL('./policy-matrix.txt', import.meta.url));
const REGENERATE = 'UPDATE_POLICY_MATRIX=1 npx vitest run src/auth/policy.test.ts';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The mark a cell shows for a scope; `·` is refused. */
const MARKS: Readonly<Record<Scope, string>> = {
  all: '✓',
  own_clients: 'C',
  own_courts: 'T',
  own_person: 'F',
  unsealed: 'U',
};

/** The whole role × action matrix as text: one line per action, a column per role. */
function renderMatrix(): string {
  const width = Math.max(...ACTIONS.map((a) => a.length));
  const header = ['action'.padEnd(width), ...GRANTEES].join('  ');
  const rows = ACTIONS.map((action) =>
    [
      action.padEnd(width),
      ...GRANTEES.map((role) => {
        const scope = scopeOf(role, action);
        return (scope ? MARKS[scope] : '·').padEnd(role.length);
      }),
    ]
      .join('  ')
      .trimEnd(),
  );
  return [
    '# The access policy (src/auth/policy.ts): one line per action, a column per role.',
    "# ✓ may, on every subject; C its clients, T its courts' cases, F its family member, U what no court sealed; · may not.",
    `# A change of access changes this file: regenerate it with ${REGENERATE}`,
    header,
    ...rows,
    '',
  ].join('\n');
}

function errorOf(f: () => void): DomainError {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError, but the call succeeded');
}

describe('the access policy', () => {
  it('is the checked-in matrix, so that any change of access is a reviewed diff', () => {
    const rendered = renderMatrix();
    if (process.env.UPDATE_POLICY_MATRIX === '1') writeFileSync(MATRIX_FILE, rendered);
    const checkedIn = existsSync(MATRIX_FILE) ? readFileSync(MATRIX_FILE, 'utf8') : '';
    expect(
      rendered,
      `The access policy no longer matches src/auth/policy-matrix.txt. If the change of access is intended, regenerate the file with ${REGENERATE} and commit it for review.`,
    ).toBe(checkedIn);
  });

  it('refuses by default: an unknown role, an unknown action, a missing actor', () => {
    expect(can('nobody', 'people:read')).toBe(false);
    expect(can('public', 'dashboard:read')).toBe(false);
    expect(can('admin', 'people:erase')).toBe(false);
    expect(can('system', 'anything')).toBe(false);
    expect(actionsOf('nobody')).toEqual([]);
    expect(actionsOf('')).toEqual([]);
    expect(errorOf(() => authorize({ id: 'user:x', role: 'nobody' }, 'dashboard:read')).code).toBe(
      'forbidden',
    );
    expect(errorOf(() => authorize({ id: '', role: 'admin' }, 'users:manage')).code).toBe('forbidden');
    expect(() => authorize({ id: 'user:root', role: 'admin' }, 'users:manage')).not.toThrow();
  });

  it('gives every action to someone, and each role an action at most once', () => {
    for (const action of ACTIONS)
      expect(
        GRANTEES.some((role) => can(role, action)),
        action,
      ).toBe(true);
    for (const role of GRANTEES) {
      const granted = POLICY.filter((g) => g.roles.includes(role)).flatMap((g) => g.actions);
      expect(new Set(granted).size, role).toBe(granted.length);
    }
  });

  it('never implies admin in a step of a transfer or a manifest, and lets internal jobs take none', () => {
    const steps = ACTIONS.filter((a) => a.startsWith('transfer:') || a.startsWith('manifest:'));
    // 23, and transfer:repatriate (decision 0023).
    expect(steps).toHaveLength(24);
    for (const action of steps) {
      expect(can('admin', action), action).toBe(false);
      expect(can('system', action), action).toBe(false);
    }
  });

  it('never implies admin or internal jobs in a step of a return or repatriation manifest either', () => {
    const steps = ACTIONS.filter(
      (a) => a.startsWith('return_manifest:') || a.startsWith('repatriation_manifest:'),
    );
    expect(steps).toHaveLength(22);
    for (const action of steps) {
      expect(can('admin', action), action).toBe(false);
      expect(can('system', action), action).toBe(false);
      expect(rolesAllowed(action).length, action).toBeGreaterThan(0);
    }
  });

  it('lists the roles allowed in the order the policy names them, without internal jobs', () => {
    expect(rolesAllowed('transfer:hold')).toEqual(['court', 'sending_legal']);
    expect(rolesAllowed('transfer:cancel')).toEqual(['sending_officer', 'sending_legal']);
    expect(rolesAllowed('custody:record')).toEqual(['receiving_custody']);
    expect(actionsOf('counsel')).toEqual([
      'people:read',
      'transfers:read',
      'ledger:read',
      'ledger:person_proofs',
      'dashboard:read',
      'legal_visits:read',
      'legal_visits:request',
      'hearings:read',
      'representation:file',
      'legal_visit:request',
      'legal_visit:cancel',
    ]);
  });

  it('refuses naming the actor, the role, what it may not do and who may, in English and Spanish', () => {
    const refusal = errorOf(() => authorize({ id: 'user:ana', role: 'admin' }, 'transfer:depart'));
    expect(refusal.code).toBe('forbidden');
    expect(refusal.messageKey).toBe('policy.refused');
    expect(refusal.message).toBe(
      'user:ana (role admin) may not depart a transfer: only sending_officer may (docs/domain.md, Roles). Ask a user with that role to do it.',
    );
    expect(refusal.localized('es')).toBe(
      'user:ana (rol admin) no puede hacer partir un traslado: solo puede hacerlo sending_officer (docs/domain.md, Roles). Pídaselo a un usuario con ese rol.',
    );
    expect(refusal.details).toMatchObject({ action: 'transfer:depart', role: 'admin' });
    expect(refusal.details.allowedRoles).toEqual(['sending_officer']);
    const several = errorOf(() => authorize({ id: 'user:bo', role: 'family' }, 'people:read'));
    expect(several.message).toMatch(
      /may not read people's records: only admin, sending_officer, .* or (monitor|counsel) may \(docs\/domain\.md, Roles\)\. Ask a user with one of those roles to do it\.$/,
    );
  });

  it('has the words of every action in both languages', () => {
    const words: Readonly<Record<string, { en: string; es: string }>> = POLICY_ACTION_WORDS;
    const missing = ACTIONS.filter((a: Action) => !words[a]?.en || !words[a]?.es);
    expect(missing).toEqual([]);
  });

  it('is the only place that decides access', () => {
    const patterns = [
      /\.role\s*[!=]==?/,
      /\brole\s*[!=]==?\s*['"`]/,
      /\broles\.includes\(/i,
      /\b[A-Z]+_ROLES\b/,
      /ROLE_PERMISSIONS/,
    ];
    const offenders: string[] = [];
    for (const dir of ['src', 'web/src']) {
      for (const file of sourceFiles(join(ROOT, dir))) {
        const path = relative(ROOT, file);
        if (path === join('src', 'auth', 'policy.ts') || /\.test\.tsx?$/.test(path)) continue;
        readFileSync(file, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            if (patterns.some((p) => p.test(line))) offenders.push(`${path}:${i + 1}: ${line.trim()}`);
          });
      }
    }
    expect(
      offenders,
      'Access is decided only by src/auth/policy.ts: ask it (authorize, can, actionsOf, rolesAllowed) instead of comparing roles.',
    ).toEqual([]);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}
