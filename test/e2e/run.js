#!/usr/bin/env node
// End-to-end test of the web UI against a real `custodia serve`, in Debian's Chromium through playwright-core.
//
//   node test/e2e/run.js [--no-build]
//
// It rebuilds the web UI (`vite build web`, a few seconds; skip with --no-build), loads the cecot-2025
// scenario into a temporary data directory, adds a monitor, starts the server on a free port, and drives
// the browser through sign-in, the dashboard, the people list and search, a person page, that person's
// eligibility screening (English and Spanish), Spanish, and sign-out. Screenshots go to docs/screenshots/. The server built by `npm run build` (dist/src) is the one
// tested. It prints one line per step and then `N passed, N failed`; the exit code is 1 on any failure.

import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = join(ROOT, 'bin', 'custodia.js');
const SCREENSHOTS = join(ROOT, 'docs', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const USER = 'e2e.monitor';
const PASSWORD = `e2e-${randomBytes(12).toString('hex')}`;
const OVERALL_TIMEOUT_MS = 170_000;
// The rules of policy cecot-2025/v1, in DOMAIN.md's order: the ids are an interface.
const RULE_IDS = [
  'convicted',
  'dangerous-offense',
  'remaining-sentence',
  'not-citizen',
  'lawful-pathway',
  'no-protection',
  'notice-period',
  'no-active-hold',
  'identity-verified',
];

const results = [];
let server = null;
let serverLog = '';
let context = null;
const tempDirs = [];

function log(line) {
  process.stdout.write(`${line}\n`);
}

/** Lower-case, accent-free text, as the API searches it: "Peña" and "pena" compare equal. */
function searchable(text) {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** Runs the steps in order; a step that fails stops the run, and the steps after it count as failed. */
async function runSteps(steps) {
  let stopped = null;
  for (const [name, fn] of steps) {
    if (stopped) {
      results.push({ name, ok: false });
      log(`not run  ${name} (stopped after: ${stopped})`);
      continue;
    }
    const started = Date.now();
    try {
      await fn();
      results.push({ name, ok: true });
      log(`ok       ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      results.push({ name, ok: false });
      stopped = name;
      log(
        `FAILED   ${name}\n         ${String(error?.stack ?? error)
          .split('\n')
          .join('\n         ')}`,
      );
    }
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Runs the custodia CLI to completion; throws with its output when it fails. */
function custodia(args, input) {
  try {
    return execFileSync(process.execPath, [CLI, ...args], {
      cwd: ROOT,
      input,
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: 120_000,
    });
  } catch (error) {
    throw new Error(
      `custodia ${args.join(' ')} failed (exit ${error.status}):\n${error.stdout ?? ''}${error.stderr ?? ''}`,
    );
  }
}

async function waitForReady(base, timeoutMs) {
  const until = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < until) {
    if (server?.exitCode !== null)
      throw new Error(`the server exited (code ${server?.exitCode}):\n${serverLog}`);
    try {
      const response = await fetch(`${base}/readyz`);
      if (response.status === 200) return;
      last = `status ${response.status}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`GET /readyz was not 200 within ${timeoutMs} ms (last: ${last}):\n${serverLog}`);
}

async function stopServer() {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

async function cleanup() {
  await context?.close().catch(() => {});
  await stopServer();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
}

async function main() {
  const build = !process.argv.includes('--no-build');
  const dataDir = mkdtempSync(join(tmpdir(), 'custodia-e2e-data-'));
  const profileDir = mkdtempSync(join(tmpdir(), 'custodia-e2e-chromium-'));
  tempDirs.push(dataDir, profileDir);
  mkdirSync(SCREENSHOTS, { recursive: true });

  let base = '';
  let page = null;
  const pageErrors = [];
  let surname = '';
  let firstPageFirstRow = '';
  let englishReasons = [];

  const text = async (selector) => ((await page.locator(selector).first().textContent()) ?? '').trim();
  const rowTexts = () => page.locator('table.custodia-people tbody tr').allInnerTexts();
  const waitForRows = () => page.locator('table.custodia-people tbody tr').first().waitFor();

  await runSteps([
    [
      build ? 'build the web UI (vite build web)' : 'check the web UI is built',
      async () => {
        if (build) {
          execFileSync(
            process.execPath,
            [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', 'web'],
            {
              cwd: ROOT,
              stdio: ['ignore', 'pipe', 'pipe'],
              timeout: 120_000,
            },
          );
        }
        assert(existsSync(join(ROOT, 'dist', 'web', 'index.html')), 'dist/web/index.html is missing');
        assert(
          existsSync(join(ROOT, 'dist', 'src', 'cli.js')),
          'dist/src/cli.js is missing: run `npm run build`',
        );
      },
    ],
    [
      'load the cecot-2025 scenario and add a monitor',
      async () => {
        custodia(['scenario', 'load', 'cecot-2025', '--roster', '300', '--seed', '7', '--data', dataDir]);
        custodia(
          ['user', 'add', USER, '--role', 'monitor', '--password-stdin', '--data', dataDir],
          `${PASSWORD}\n`,
        );
      },
    ],
    [
      'start the server and wait for /readyz',
      async () => {
        const port = await freePort();
        base = `http://127.0.0.1:${port}`;
        server = spawn(
          process.execPath,
          [CLI, 'serve', '--port', String(port), '--host', '127.0.0.1', '--data', dataDir],
          { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
        );
        const keep = (chunk) => {
          serverLog = (serverLog + chunk.toString()).slice(-20_000);
        };
        server.stdout.on('data', keep);
        server.stderr.on('data', keep);
        await waitForReady(base, 30_000);
      },
    ],
    [
      'launch Chromium',
      async () => {
        assert(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium`);
        context = await chromium.launchPersistentContext(profileDir, {
          executablePath: CHROMIUM,
          headless: true,
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--disable-quic',
          ],
          locale: 'en-US',
          viewport: { width: 1280, height: 900 },
        });
        context.setDefaultTimeout(15_000);
        page = context.pages()[0] ?? (await context.newPage());
        page.on('pageerror', (error) => pageErrors.push(error.message));
      },
    ],
    [
      'an unknown session is sent to the sign-in page',
      async () => {
        await page.goto(`${base}/people`);
        await page.waitForURL(/\/login\?next=%2Fpeople$/);
        assert((await text('main h1')) === 'Sign in', 'the sign-in page has no "Sign in" heading');
        assert((await page.getAttribute('html', 'lang')) === 'en', '<html lang> is not en');
      },
    ],
    [
      'a wrong password shows the API problem detail',
      async () => {
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
        await page.screenshot({ path: join(SCREENSHOTS, 'dashboard.png'), fullPage: true });
      },
    ],
    [
      'the people list pages forward and back',
      async () => {
        await page.getByRole('link', { name: 'People', exact: true }).click();
        await page.waitForURL(`${base}/people`);
        await waitForRows();
        const first = await rowTexts();
        assert(first.length > 0, 'the people list is empty');
        firstPageFirstRow = first[0];
        await page.screenshot({ path: join(SCREENSHOTS, 'people.png'), fullPage: true });
        const next = page.locator('.usa-pagination__next-page');
        if ((await next.count()) > 0) {
          await next.click();
          await page.waitForURL(/cursor=/);
          await page.locator('caption', { hasText: 'Page 2' }).waitFor();
          const second = await rowTexts();
          assert(second[0] !== firstPageFirstRow, 'the second page starts with the first page’s first row');
          await page.locator('.usa-pagination__previous-page').click();
          await page.waitForURL(`${base}/people`);
          await page.locator('caption', { hasText: 'Page 1' }).waitFor();
          assert((await rowTexts())[0] === firstPageFirstRow, 'Previous did not return to the first page');
        }
      },
    ],
    [
      'searching a surname from the first row lists only people with it',
      async () => {
        const href = await page
          .locator('table.custodia-people tbody tr')
          .first()
          .locator('a')
          .getAttribute('href');
        assert(href?.startsWith('/people/'), `the first row links to ${href}`);
        // The paternal surname, from the API in the signed-in page: the rendered name does not say which
        // of its words are given names.
        surname = await page.evaluate(async (path) => {
          const response = await fetch(`/api/v1${path}`);
          return (await response.json()).names.paternal;
        }, href);
        assert(
          surname && firstPageFirstRow.includes(surname),
          `the surname "${surname}" is not in the first row`,
        );
        await page.getByRole('searchbox', { name: 'Search people' }).fill(surname);
        await page.getByRole('button', { name: 'Search' }).click();
        await page.waitForURL((url) => url.searchParams.get('q') === surname);
        await page.locator('caption', { hasText: surname }).waitFor();
        const rows = await rowTexts();
        assert(rows.length > 0, `no rows for "${surname}"`);
        for (const row of rows) {
          assert(
            searchable(row).includes(searchable(surname)),
            `a row does not contain "${surname}": ${row}`,
          );
        }
        await page.reload();
        await waitForRows();
        assert(
          (await page.getByRole('searchbox', { name: 'Search people' }).inputValue()) === surname,
          'the search did not survive a reload',
        );
      },
    ],
    [
      'opens a person page',
      async () => {
        await page.locator('table.custodia-people tbody tr').first().locator('a').click();
        await page.waitForURL(/\/people\/[^/?]+$/);
        await page.locator('main h1 .custodia-code').waitFor();
        const heading = await text('main h1');
        assert(heading.includes(surname), `the person heading "${heading}" lacks "${surname}"`);
        const main = await text('main');
        for (const section of [
          'Summary',
          'Convictions',
          'Affiliations',
          'Legal holds',
          'Notice of the transfer',
        ]) {
          assert(main.includes(section), `the person page has no "${section}" section`);
        }
        assert(
          main.includes('No affiliation, on any basis, counts toward eligibility'),
          'no affiliation note',
        );
      },
    ],
    [
      'the screening page shows the nine rules as of 2025-04-01, and no record button to a monitor',
      async () => {
        await page.getByRole('link', { name: 'Screen this person' }).click();
        await page.waitForURL(/\/people\/[^/?]+\/screening\?asOf=\d{4}-\d{2}-\d{2}$/);
        await page.getByRole('heading', { level: 1, name: surname }).waitFor();
        const date = page.getByLabel('Planned transfer date');
        // Before the first policy takes effect, the API refuses and the page shows its problem detail.
        await date.fill('2025-03-01');
        await page.waitForURL((url) => url.searchParams.get('asOf') === '2025-03-01');
        const refusal = page.locator('main .usa-alert[role="alert"]');
        await refusal.waitFor();
        const detail = ((await refusal.textContent()) ?? '').trim();
        assert(
          /in force on 2025-03-01/.test(detail),
          `the refusal does not give the API's detail: ${detail}`,
        );
        await date.fill('2025-04-01');
        await page.waitForURL((url) => url.searchParams.get('asOf') === '2025-04-01');
        await page.locator('main dd time[datetime="2025-04-01"]').waitFor();
        const outcome = await text('.custodia-outcome .usa-alert__heading');
        assert(/^Outcome: (Eligible|Pending|Ineligible)$/.test(outcome), `the outcome reads "${outcome}"`);
        const ids = await page.locator('.custodia-rule__id').allTextContents();
        assert(
          ids.join(' ') === RULE_IDS.join(' '),
          `the rules are not the nine of cecot-2025/v1 in order: ${ids.join(', ')}`,
        );
        for (const name of ["The agreement's terms", "The sending state's law", 'Last recorded screening']) {
          await page.getByRole('heading', { level: 2, name }).waitFor();
        }
        const main = await text('main');
        for (const words of ['Convicted (final judgment)', 'cecot-2025/v1', 'Inputs hash']) {
          assert(main.includes(words), `the screening page has no "${words}"`);
        }
        const results = await page.locator('.custodia-rule .custodia-result').allTextContents();
        for (const result of results) {
          assert(
            ['Pass', 'Fail', 'Pending', 'Not applicable'].includes(result),
            `a result reads "${result}"`,
          );
        }
        assert(
          (await page.getByRole('button', { name: 'Record this screening' }).count()) === 0,
          'a monitor is offered the record button',
        );
        englishReasons = await page.locator('.custodia-rule td:nth-child(3)').allTextContents();
        assert(englishReasons.length === RULE_IDS.length, `${englishReasons.length} reasons shown`);
        await page.reload();
        await page.locator('.custodia-outcome').waitFor();
        assert((await date.inputValue()) === '2025-04-01', 'the date did not survive a reload');
        log(`         (${outcome}; ${results.join(', ')})`);
        await page.evaluate(
          () => document.activeElement instanceof HTMLElement && document.activeElement.blur(),
        );
        await page.screenshot({ path: join(SCREENSHOTS, 'screening.png'), fullPage: true });
      },
    ],
    [
      'in Spanish, the screening page names the rules and gives the reasons in Spanish',
      async () => {
        await page.getByRole('button', { name: 'Español' }).click();
        await page.waitForSelector('html[lang="es"]');
        await page.getByRole('heading', { name: 'Los términos del acuerdo' }).waitFor();
        await page.getByLabel('Fecha prevista del traslado').waitFor();
        const main = await text('main');
        for (const words of ['Condenado (sentencia firme)', 'La ley del Estado remitente', 'Resultado:']) {
          assert(main.includes(words), `no "${words}" in Spanish`);
        }
        const results = await page.locator('.custodia-rule .custodia-result').allTextContents();
        for (const result of results) {
          assert(
            ['Cumple', 'No cumple', 'Pendiente', 'No aplica'].includes(result),
            `a result reads "${result}"`,
          );
        }
        const reasons = await page.locator('.custodia-rule td:nth-child(3)').allTextContents();
        const unchanged = reasons.filter((reason, i) => reason === englishReasons[i]);
        assert(
          reasons.length === RULE_IDS.length && unchanged.length === 0,
          `reasons still in English: ${unchanged.join(' | ')}`,
        );
        await page.evaluate(
          () => document.activeElement instanceof HTMLElement && document.activeElement.blur(),
        );
        await page.screenshot({ path: join(SCREENSHOTS, 'screening-es.png'), fullPage: true });
      },
    ],
    [
      'back on the person page in Spanish, and the choice survives a reload',
      async () => {
        await page.getByRole('link', { name: /^← Volver a / }).click();
        await page.waitForURL(/\/people\/[^/?]+$/);
        await page.getByRole('heading', { name: 'Resumen' }).waitFor();
        const main = await text('main');
        for (const words of ['Condenas', 'Afiliaciones', 'Volver a personas', 'Evaluar elegibilidad']) {
          assert(main.includes(words), `no "${words}" in Spanish`);
        }
        assert((await text('header')).includes('Cerrar sesión'), 'the header is not in Spanish');
        await page.evaluate(
          () => document.activeElement instanceof HTMLElement && document.activeElement.blur(),
        );
        await page.screenshot({ path: join(SCREENSHOTS, 'person-es.png'), fullPage: true });
        await page.reload();
        await page.getByRole('heading', { name: 'Resumen' }).waitFor();
        assert((await page.getAttribute('html', 'lang')) === 'es', '<html lang> is not es after a reload');
      },
    ],
    [
      'signs out, and the session is gone on the server',
      async () => {
        await page.getByRole('button', { name: 'Cerrar sesión' }).click();
        await page.waitForURL(/\/login$/);
        await page.goto(`${base}/`);
        await page.waitForURL(/\/login/);
        const status = await page.evaluate(async () => (await fetch('/api/v1/auth/session')).status);
        assert(status === 401, `GET /api/v1/auth/session is ${status} after signing out`);
      },
    ],
    [
      'no uncaught errors in the page',
      async () => {
        assert(pageErrors.length === 0, `page errors:\n${pageErrors.join('\n')}`);
      },
    ],
  ]);
}

const timer = setTimeout(async () => {
  log(`FAILED   the run took longer than ${OVERALL_TIMEOUT_MS / 1000} s`);
  await cleanup();
  const passed = results.filter((r) => r.ok).length;
  log(`${passed} passed, ${results.length - passed + 1} failed`);
  process.exit(1);
}, OVERALL_TIMEOUT_MS);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await cleanup();
    process.exit(130);
  });
}

try {
  await main();
} finally {
  clearTimeout(timer);
  await cleanup();
}
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
if (failed > 0 && serverLog)
  log(`--- server output (last lines) ---\n${serverLog.split('\n').slice(-30).join('\n')}`);
log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
