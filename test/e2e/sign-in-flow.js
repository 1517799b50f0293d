// Signing in and the dashboard: an unknown session is sent to the sign-in page, a wrong password shows the
// API's problem detail, signing in returns to the page asked for, and the dashboard shows CECOT's official
// capacity beside its bunks. Signing out (after the people flow) ends the session on the server.

import { screenshot } from './lib/screenshots.js';
import { PASSWORD, USER } from './lib/users.js';

/**
 * The sign-in steps, `[name, async fn]` as run.js runs them.
 * @param {ReturnType<typeof import('./lib/context.js').createFlow>} flow the run's shared state
 */
export function signInSteps(flow) {
  const { assert, log, text } = flow;
  const waitForRows = () => flow.page.locator('table.custodia-people tbody tr').first().waitFor();

  return [
    [
      'an unknown session is sent to the sign-in page',
      async () => {
        const { page, base } = flow;
        await page.goto(`${base}/people`);
        await page.waitForURL(/\/login\?next=%2Fpeople$/);
        assert((await text('main h1')) === 'Sign in', 'the sign-in page has no "Sign in" heading');
        assert((await page.getAttribute('html', 'lang')) === 'en', '<html lang> is not en');
      },
    ],
    [
      'a wrong password shows the API problem detail',
      async () => {
        const { page } = flow;
        await page.getByLabel('User name').fill(USER);
        await page.getByLabel('Password', { exact: true }).fill(`${PASSWORD}-wrong`);
        await page.getByRole('button', { name: 'Sign in' }).click();
        const alert = page.locator('.usa-alert--error');
        await alert.waitFor();
        const heading = await text('.usa-alert--error .usa-alert__heading');
        const detail = await text('.usa-alert--error .usa-alert__text');
        assert(heading === 'Sign-in failed', `the alert heading is "${heading}"`);
        assert(detail.length > 0, 'the alert shows no problem detail');
        log(`         (the API said: ${detail})`);
      },
    ],
    [
      'signs in and returns to the page asked for',
      async () => {
        const { page, base } = flow;
        await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.waitForURL(`${base}/people`);
        await waitForRows();
        const header = await text('header');
        assert(header.includes(USER), `the header does not name ${USER}: ${header}`);
      },
    ],
    [
      "the dashboard shows CECOT's official capacity (40,000) beside its bunks (20,480)",
      async () => {
        const { page, base } = flow;
        await page.getByRole('link', { name: 'Dashboard' }).click();
        await page.waitForURL(`${base}/`);
        await page.locator('.custodia-chart').first().waitFor();
        const main = await text('main');
        assert(main.includes('40,000'), 'the dashboard does not show 40,000');
        assert(main.includes('20,480'), 'the dashboard does not show 20,480');
        assert(main.includes('Official (operational) capacity'), 'no official capacity label');
        assert(/more than the bunks/.test(main), 'the difference between capacity and bunks is not stated');
        const chartLabel = await page.locator('svg.custodia-chart').first().getAttribute('aria-labelledby');
        assert(chartLabel, 'the chart has no accessible name');
        await screenshot(page, 'dashboard');
      },
    ],
  ];
}

/**
 * The sign-out step, after the people flow has switched to Spanish.
 * @param {ReturnType<typeof import('./lib/context.js').createFlow>} flow the run's shared state
 */
export function signOutSteps(flow) {
  const { assert } = flow;
  return [
    [
      'signs out, and the session is gone on the server',
      async () => {
        const { page, base } = flow;
        await page.getByRole('button', { name: 'Cerrar sesión' }).click();
        await page.waitForURL(/\/login$/);
        await page.goto(`${base}/`);
        await page.waitForURL(/\/login/);
        const status = await page.evaluate(async () => (await fetch('/api/v1/auth/session')).status);
        assert(status === 401, `GET /api/v1/auth/session is ${status} after signing out`);
      },
    ],
  ];
}
