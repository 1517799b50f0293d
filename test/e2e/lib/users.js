// The run's users: a monitor and one user per role the flows need, all with one random password; an API
// session from Node for the set-up the flows do through the API; and signing in through the UI.

import { randomBytes } from 'node:crypto';
import { custodia } from './server.js';
import { assert } from './steps.js';

/** The monitor who signs in first. */
export const USER = 'e2e.monitor';
/** The password every user of the run shares. */
export const PASSWORD = `e2e-${randomBytes(12).toString('hex')}`;
/** The court the e2e court user acts for: the court of the hold the hold flow records (a scenario party). */
export const COURT = 'D.D.C.';
/**
 * The court of the scenario's video-link hearings, whose zone is America/New_York: the e2e court acts for
 * it too, as the scenario's demo court does (the District of Columbia, spelled both ways).
 */
export const HEARING_COURT = 'U.S. District Court, D.D.C.';
/** The law office the e2e counsel works for: the scenario's (cecot-2025 registers it when it starts). */
export const LAW_OFFICE = 'Defensa Migrante';
/** One user per role the flows need; they share the monitor's password. */
export const USERS = {
  sending_officer: 'e2e.sending-officer',
  sending_legal: 'e2e.sending-legal',
  receiving_officer: 'e2e.receiving-officer',
  receiving_custody: 'e2e.receiving-custody',
  finance: 'e2e.finance',
  court: 'e2e.court',
  counsel: 'e2e.counsel',
};

/** Adds the monitor and the users of USERS to the data directory through the CLI; counsel act for the scenario's law office. */
export function addUsers(dataDir) {
  // The court user acts for the court whose hold the hold flow records (a court acts only for its own);
  // the scenario registers it with the other courts of its holds, and the law office counsel act for.
  const add = (name, role) =>
    custodia(
      [
        'user',
        'add',
        name,
        '--role',
        role,
        ...(role === 'court' ? ['--party', COURT, '--party', HEARING_COURT] : []),
        ...(role === 'counsel' ? ['--party', LAW_OFFICE] : []),
        '--password-stdin',
        '--data',
        dataDir,
      ],
      `${PASSWORD}\n`,
    );
  add(USER, 'monitor');
  for (const [role, name] of Object.entries(USERS)) add(name, role);
}

/** Signs in to the API as `name` from Node; the returned function calls it with the session and CSRF token. */
export async function apiSession(base, name) {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password: PASSWORD }),
  });
  const session = await response.json();
  assert(response.ok, `${name} could not sign in to the API: ${JSON.stringify(session)}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return async (method, path, body) => {
    const reply = await fetch(`${base}${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': session.csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await reply.json().catch(() => null);
    assert(reply.ok, `${method} ${path} as ${name}: ${reply.status} ${JSON.stringify(json)}`);
    return json;
  };
}

/**
 * Signs out whoever is signed in, then signs in through the UI as `role` and lands on `path`.
 * @param {{ page: import('playwright-core').Page, base: string }} flow the run's page and server
 */
export async function signInAs(flow, role, path) {
  const { page, base } = flow;
  const signOut = page.getByRole('button', { name: 'Sign out' });
  if ((await signOut.count()) > 0) {
    await signOut.click();
    await page.waitForURL(/\/login$/);
  }
  await page.goto(`${base}${path}`);
  await page.waitForURL(/\/login\?next=/);
  await page.getByLabel('User name').fill(USERS[role]);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const refused = page.locator('.usa-alert--error');
  await Promise.race([
    page.locator('header', { hasText: USERS[role] }).waitFor(),
    refused.waitFor().then(async () => {
      throw new Error(`${USERS[role]} could not sign in: ${await refused.textContent()}`);
    }),
  ]);
  // The page may add to the query (the screening page adds its date): the path is what must match.
  await page.waitForURL((url) => url.pathname === new URL(path, base).pathname);
}
