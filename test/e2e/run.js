#!/usr/bin/env node
// End-to-end test of the web UI against a real `custodia serve`, in Debian's Chromium through playwright-core.
//
//   node test/e2e/run.js [--no-build]
//
// It rebuilds the web UI (`vite build web`, a few seconds; skip with --no-build), loads the cecot-2025
// scenario into a temporary data directory, adds a monitor, starts the server on a free port, and drives
// the browser through sign-in, the dashboard, the people list and search, a person page, that person's
// eligibility screening (English and Spanish), Spanish, and sign-out. Then, signing in as each role in
// turn (sending officer, sending legal, receiving officer, court), it takes a transfer from nomination to
// intake on a manifest (with the alarm while someone is unaccounted for, a refused close, an explained
// exception and the close), and shows boarding refused under a court's TRO. The people those flows need
// are created through the API with dates relative to today, since the server runs on the wall clock.
// Screenshots go to docs/screenshots/ (or E2E_SCREENSHOTS). The UI is built into dist/web (or CUSTODIA_WEB_DIR,
// which the server then serves); the server built by `npm run build` (dist/src) is the one tested.
// It prints one line per step and then `N passed, N failed`; the exit code is 1 on any failure.

import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { billingSteps } from './billing-flow.js';
import { housingSteps } from './housing-flow.js';
import { standardsSteps } from './standards-flow.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = join(ROOT, 'bin', 'custodia.js');
const SCREENSHOTS = process.env.E2E_SCREENSHOTS ?? join(ROOT, 'docs', 'screenshots');
// The UI is built into dist/web and served from there, or into CUSTODIA_WEB_DIR when that is set.
const DEFAULT_WEB_DIR = join(ROOT, 'dist', 'web');
const WEB_DIR = process.env.CUSTODIA_WEB_DIR ?? DEFAULT_WEB_DIR;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const USER = 'e2e.monitor';
const PASSWORD = `e2e-${randomBytes(12).toString('hex')}`;
// One user per role the transfer flows need; they share the monitor's password.
const USERS = {
  sending_officer: 'e2e.sending-officer',
  sending_legal: 'e2e.sending-legal',
  receiving_officer: 'e2e.receiving-officer',
  receiving_custody: 'e2e.receiving-custody',
  finance: 'e2e.finance',
  court: 'e2e.court',
};
// Distinguishes this run's people and flights from the scenario's.
const SUFFIX = randomBytes(3).toString('hex').toUpperCase();
const OVERALL_TIMEOUT_MS = 420_000;
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

/** The calendar date `days` from today (UTC), `YYYY-MM-DD`. */
function dayFromToday(days) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** The wall-clock time in an IANA zone, `minutes` from now, as a datetime-local input takes it. */
function wallClock(zone, minutes = 0) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(new Date(Date.now() + minutes * 60_000))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/**
 * A person every rule of cecot-2025/v1 passes today: a Salvadoran with no status in the sending state, a
 * final violent conviction with decades left to serve, a final removal order to SV, notice served 45 days
 * ago on the person and counsel, a biometric identity verification, no protection and no hold.
 */
function eligiblePerson(ref, names) {
  return {
    ref,
    names,
    aliases: [],
    birthDate: '1990-05-12',
    sex: 'M',
    nationalities: ['SV'],
    legalStatus: 'no_status',
    identifiers: [{ type: 'a_number', value: `A${randomBytes(4).readUInt32BE() % 1_000_000_000}` }],
    identityVerification: { method: 'biometric', date: dayFromToday(-40) },
    convictions: [
      {
        id: 'c1',
        court: 'U.S. District Court, S.D. Tex.',
        caseNumber: '4:21-cr-00123',
        offense: 'Murder in aid of racketeering',
        statute: '18 U.S.C. 1959',
        category: 'violent',
        judgmentDate: '2021-06-01',
        final: true,
        sentence: { days: 10950, start: '2021-06-01', creditDays: 0, consecutiveTo: null },
      },
    ],
    pendingCharges: [],
    removalOrder: { final: true, date: dayFromToday(-200), destination: 'SV' },
    protections: [],
    consent: null,
    dualCriminality: null,
    affiliations: [],
    holds: [],
    notice: { servedOn: dayFromToday(-45), counselNotified: true },
  };
}

/** Signs in to the API as `name` from Node; the returned function calls it with the session and CSRF token. */
async function apiSession(base, name) {
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
  // The transfer flows: API callers by role, the people (1: full flow, 2: hold, 3: unaccounted for on
  // the first manifest), their transfers and the two manifests.
  const api = {};
  const people = {};
  const transfers = {};
  let firstManifest = '';
  let holdManifest = '';
  const flight = `GXA ${SUFFIX}`;
  const hold = { court: 'D.D.C.', case: `1:26-cv-${SUFFIX}` };

  const text = async (selector) => ((await page.locator(selector).first().textContent()) ?? '').trim();
  const rowTexts = () => page.locator('table.custodia-people tbody tr').allInnerTexts();
  const waitForRows = () => page.locator('table.custodia-people tbody tr').first().waitFor();
  const blur = () =>
    page.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());

  /** Signs out whoever is signed in, then signs in through the UI as `role` and lands on `path`. */
  const signInAs = async (role, path) => {
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
  };
  /** Waits until the transfer page shows `status` (the tag carries the state's code). */
  const transferState = (status) =>
    page.locator(`.custodia-transfer-state [data-status="${status}"]`).waitFor();
  const manifestState = (status) => page.locator(`main h1 [data-status="${status}"]`).waitFor();
  const boardingRow = (transferId) => page.locator(`.custodia-boarding tr[data-transfer-id="${transferId}"]`);
  const intakeRow = (transferId) => page.locator(`.custodia-intake tr[data-transfer-id="${transferId}"]`);

  /** What the issue-4 flows (housing-flow.js, standards-flow.js) need of this run, read when they run. */
  const flow = {
    get page() {
      return page;
    },
    get base() {
      return base;
    },
    api,
    people,
    transfers,
    signInAs,
    text,
    blur,
    assert,
    log,
    dayFromToday,
    wallClock,
    SCREENSHOTS,
    SUFFIX,
    USERS,
    // Shared between the two flows: the facility and the cell the received person was housed in.
    housed: { facilityId: '', cell: '' },
  };

  await runSteps([
    [
      build ? 'build the web UI (vite build web)' : 'check the web UI is built',
      async () => {
        if (build) {
          execFileSync(
            process.execPath,
            [
              join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
              'build',
              'web',
              ...(WEB_DIR === DEFAULT_WEB_DIR ? [] : ['--outDir', WEB_DIR, '--emptyOutDir']),
            ],
            {
              cwd: ROOT,
              stdio: ['ignore', 'pipe', 'pipe'],
              timeout: 120_000,
            },
          );
        }
        assert(existsSync(join(WEB_DIR, 'index.html')), `${WEB_DIR}/index.html is missing`);
        assert(
          existsSync(join(ROOT, 'dist', 'src', 'cli.js')),
          'dist/src/cli.js is missing: run `npm run build`',
        );
      },
    ],
    [
      'load the cecot-2025 scenario and add a monitor, two officers, a lawyer and a court user',
      async () => {
        custodia([
          'scenario',
          'load',
          'cecot-2025',
          '--roster',
          '300',
          '--seed',
          '7',
          '--cohort',
          '18',
          '--regime-months',
          '0',
          '--billing-months',
          '0',
          '--data',
          dataDir,
        ]);
        custodia(
          ['user', 'add', USER, '--role', 'monitor', '--password-stdin', '--data', dataDir],
          `${PASSWORD}\n`,
        );
        for (const [role, name] of Object.entries(USERS)) {
          custodia(
            ['user', 'add', name, '--role', role, '--password-stdin', '--data', dataDir],
            `${PASSWORD}\n`,
          );
        }
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
          {
            cwd: ROOT,
            stdio: ['ignore', 'pipe', 'pipe'],
            // Five users sign in, some more than once, within a minute: above the default 10 a minute.
            env: { ...process.env, CUSTODIA_LOGIN_RATE_LIMIT: '60' },
          },
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
      'creates three eligible people through the API; the second and third are accepted for transfer',
      async () => {
        api.sendingOfficer = await apiSession(base, USERS.sending_officer);
        api.sendingLegal = await apiSession(base, USERS.sending_legal);
        api.receivingOfficer = await apiSession(base, USERS.receiving_officer);
        const names = [
          { given: 'José Luis', paternal: 'Hernández', maternal: 'Martínez' },
          { given: 'Ana María', paternal: 'Pérez', maternal: 'Rivas' },
          { given: 'Carlos', paternal: 'Ramírez', maternal: 'Díaz' },
        ];
        for (const [i, name] of names.entries()) {
          const ref = `E2E-${SUFFIX}-${i + 1}`;
          people[i + 1] = await api.sendingOfficer(
            'POST',
            '/api/v1/people?agreement=cecot-2025',
            eligiblePerson(ref, name),
          );
        }
        for (const n of [2, 3]) {
          const { id, agreementId } = people[n];
          transfers[n] = (
            await api.sendingOfficer('POST', '/api/v1/transfers', { personId: id, agreementId })
          ).transferId;
          const act = (as, action) => as('POST', `/api/v1/transfers/${transfers[n]}/actions`, { action });
          await act(api.sendingLegal, 'screen');
          await act(api.sendingLegal, 'approve');
          const accepted = await act(api.receivingOfficer, 'accept');
          assert(accepted.status === 'accepted', `transfer ${n} is ${accepted.status}, not accepted`);
        }
        // The rest of the run reads English.
        await page.evaluate(() => localStorage.setItem('custodia.lang', 'en'));
      },
    ],
    [
      'as the sending officer, nominates the first person from the person page',
      async () => {
        await signInAs('sending_officer', `/people/${people[1].id}`);
        await page.getByRole('heading', { name: 'Transfers', level: 2 }).waitFor();
        await page.getByText('This person has no transfer.').waitFor();
        await page.getByRole('button', { name: 'Nominate for transfer' }).click();
        await page.waitForURL(/\/transfers\/[0-9a-f-]+$/);
        transfers[1] = new URL(page.url()).pathname.split('/').pop();
        await transferState('nominated');
        const heading = await text('main h1');
        assert(heading.includes(people[1].ref), `the transfer page heading is "${heading}"`);
        const main = await text('main');
        for (const words of ['Timeline', 'Nominated', 'Cancel the transfer', 'No status']) {
          assert(main.includes(words), `the transfer page has no "${words}"`);
        }
      },
    ],
    [
      'as sending legal, the screening page shows the nine rules; the transfer is screened and approved',
      async () => {
        await signInAs('sending_legal', `/people/${people[1].id}/screening`);
        await page.locator('.custodia-outcome').waitFor();
        const outcome = await text('.custodia-outcome .usa-alert__heading');
        assert(outcome === 'Outcome: Eligible', `the first person's screening reads "${outcome}"`);
        const ids = await page.locator('.custodia-rule__id').allTextContents();
        assert(ids.join(' ') === RULE_IDS.join(' '), `the rules shown are ${ids.join(', ')}`);
        // From the person page's list of transfers to the transfer page.
        await page.getByRole('link', { name: /^← Back to / }).click();
        await page.getByRole('link', { name: /^Transfer, last changed/ }).click();
        await page.waitForURL(`${base}/transfers/${transfers[1]}`);
        await transferState('nominated');
        await page.getByRole('button', { name: 'Screen', exact: true }).click();
        await transferState('screened');
        await page.getByText('Done. The transfer is now Screened.').waitFor();
        await page.getByRole('button', { name: 'Approve', exact: true }).click();
        await transferState('approved');
        const timeline = await text('.custodia-timeline');
        for (const words of [
          'Screened',
          'Approved',
          'Sending state legal',
          'Screening made at that moment: Eligible',
        ]) {
          assert(timeline.includes(words), `the timeline has no "${words}"`);
        }
      },
    ],
    [
      'as the receiving officer, accepts the transfer (rejecting would ask for a reason)',
      async () => {
        await signInAs('receiving_officer', `/transfers/${transfers[1]}`);
        await transferState('approved');
        const reasons = await page.getByLabel('Reason').locator('option').allTextContents();
        for (const reason of ['No space within the bed allotment', 'Outside the agreement terms']) {
          assert(reasons.includes(reason), `the rejection reasons are: ${reasons.join(', ')}`);
        }
        await page.getByRole('button', { name: 'Accept', exact: true }).click();
        await transferState('accepted');
      },
    ],
    [
      'the transfers board groups by state in DOMAIN order and keeps its filters in the URL',
      async () => {
        await page.getByRole('link', { name: 'Transfers', exact: true }).click();
        await page.waitForURL(`${base}/transfers`);
        await page.locator('.custodia-board-section').first().waitFor();
        const order = await page
          .locator('.custodia-board-section')
          .evaluateAll((sections) => sections.map((s) => s.getAttribute('data-status')));
        const domainOrder = ['nominated', 'screened', 'approved', 'accepted', 'scheduled', 'in_transit'];
        const known = [...domainOrder, 'received', 'on_hold', 'cancelled', 'rejected', 'returned'];
        const positions = order.map((status) => known.indexOf(status));
        assert(
          positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1])),
          `the sections are not in DOMAIN order: ${order.join(', ')}`,
        );
        assert(order.includes('accepted') && order.includes('cancelled'), `sections: ${order.join(', ')}`);
        await blur();
        await page.screenshot({ path: join(SCREENSHOTS, 'transfers-board.png'), fullPage: true });
        // USWDS draws its own checkbox over the label; the input itself is off screen.
        await page.locator('.custodia-state-options label', { hasText: /^Accepted/ }).click();
        assert(
          await page.getByRole('checkbox', { name: /^Accepted/ }).isChecked(),
          'Accepted is not checked',
        );
        await page.getByRole('searchbox', { name: 'Name or reference' }).fill(`E2E-${SUFFIX}`);
        await page.getByLabel('Nationality').fill('SV');
        await page.getByRole('button', { name: 'Apply filters' }).click();
        await page.waitForURL(
          (url) =>
            url.searchParams.get('status') === 'accepted' &&
            url.searchParams.get('q') === `E2E-${SUFFIX}` &&
            url.searchParams.get('nationality') === 'SV',
        );
        await page.reload();
        const rows = page.locator('.custodia-board-section[data-status="accepted"] tbody tr');
        await rows.first().waitFor();
        const refs = (await rows.locator('td:first-child').allTextContents()).sort();
        const expected = [1, 2, 3].map((n) => people[n].ref);
        assert(refs.join(' ') === expected.join(' '), `the filtered board lists ${refs.join(', ')}`);
        assert(
          (await page.locator('.custodia-board-section').count()) === 1,
          'the board shows other states than the one filtered',
        );
        assert(
          await page.getByRole('checkbox', { name: /^Accepted/ }).isChecked(),
          'the state filter did not survive a reload',
        );
      },
    ],
    [
      'as the sending officer, creates a manifest bound for SV-CECOT with zoned times',
      async () => {
        await signInAs('sending_officer', '/manifests');
        await page.getByRole('heading', { name: 'Create a manifest' }).waitFor();
        // The scenario's nine closed 2025 flights are listed, newest first.
        await page.locator('main table tbody tr').first().waitFor();
        const listed = await page.locator('main table tbody tr').allInnerTexts();
        assert(
          listed.length >= 9 && listed.some((row) => /EAX 3101/.test(row)),
          `the manifests list shows ${listed.length} rows`,
        );
        await blur();
        await page.screenshot({ path: join(SCREENSHOTS, 'manifests.png'), fullPage: true });
        await page.getByLabel('Receiving facility').selectOption('SV-CECOT');
        await page.getByLabel('Carrier').fill('GlobalX');
        await page.getByLabel('Flight number').fill(flight);
        await page.getByLabel('Origin').fill('HRL');
        await page.getByLabel('Destination').fill('SAL');
        const departure = page.getByRole('group', { name: 'Scheduled departure' });
        await departure.getByLabel('Local date and time').fill(wallClock('America/Chicago', -10));
        await departure.getByLabel('Time zone (IANA)').fill('America/Chicago');
        const arrival = page.getByRole('group', { name: 'Scheduled arrival' });
        await arrival.getByLabel('Local date and time').fill(wallClock('America/El_Salvador', 120));
        await arrival.getByLabel('Time zone (IANA)').fill('America/El_Salvador');
        const sentAs = await departure.locator('.usa-hint').textContent();
        assert(
          /Sent as \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00-0[56]:00/.test(sentAs),
          `the hint reads "${sentAs}"`,
        );
        await page.getByRole('button', { name: 'Create the manifest' }).click();
        await page.waitForURL(/\/manifests\/[0-9a-f-]+$/);
        firstManifest = new URL(page.url()).pathname.split('/').pop();
        await manifestState('open');
        const facts = await text('.custodia-manifest-facts');
        for (const words of [
          'GlobalX',
          'HRL → SAL',
          'SV-CECOT',
          '(America/Chicago)',
          '(America/El_Salvador)',
        ]) {
          assert(facts.includes(words), `the manifest header has no "${words}": ${facts}`);
        }
      },
    ],
    [
      'adds the transfer to the manifest from its transfer page (the third person through the API)',
      async () => {
        await page.goto(`${base}/transfers/${transfers[1]}`);
        await transferState('accepted');
        await page.getByLabel('Open manifests').selectOption(firstManifest);
        await page.getByRole('button', { name: 'Add to a manifest' }).click();
        await transferState('scheduled');
        await page.getByRole('link', { name: 'Open the manifest' }).first().waitFor();
        await api.sendingOfficer('POST', `/api/v1/manifests/${firstManifest}/transfers`, {
          transferId: transfers[3],
        });
      },
    ],
    [
      'boards both people on the boarding checklist and records the departure',
      async () => {
        await page.getByRole('link', { name: 'Open the manifest' }).first().click();
        await page.waitForURL(`${base}/manifests/${firstManifest}`);
        for (const n of [1, 3]) {
          const row = boardingRow(transfers[n]);
          await row.getByRole('button', { name: /^Board/ }).click();
          await row.locator('[data-entry-status="boarded"]').waitFor();
        }
        await page.getByRole('button', { name: 'Record the departure' }).click();
        await manifestState('departed');
        assert((await text('.custodia-manifest-facts')).includes('Actual departure'), 'no actual departure');
      },
    ],
    [
      'as the receiving officer, records the arrival; the dashboard shows the alarm for the manifest',
      async () => {
        await signInAs('receiving_officer', `/manifests/${firstManifest}`);
        await page.getByRole('button', { name: 'Record the arrival' }).click();
        await manifestState('arrived');
        await page.locator('main .custodia-alarm').waitFor();
        await page.getByRole('link', { name: 'Dashboard' }).click();
        await page.waitForURL(`${base}/`);
        const alarm = page.locator(`.custodia-alarm[data-manifest-id="${firstManifest}"]`);
        await alarm.waitFor();
        const words = (await alarm.textContent()) ?? '';
        assert(
          /Manifest not reconciled/.test(words) &&
            /Unaccounted for: 2/.test(words) &&
            words.includes(people[1].ref) &&
            words.includes(people[3].ref) &&
            /Open manifest GlobalX /.test(words),
          `the alarm names the flight and who is unaccounted for: ${words}`,
        );
        // The scenario may have people in transit too: at least this manifest's two are counted.
        const inTransit = page.locator('.custodia-state-count--in_transit');
        const counted = Number.parseInt(((await inTransit.textContent()) ?? '').replace(/[^\d]/g, ''), 10);
        assert(counted >= 2, `the dashboard counts ${counted} in transit`);
        await page.locator('.custodia-chart').first().waitFor();
        await blur();
        await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-alarm.png'), fullPage: true });
        await inTransit.getByRole('link').click();
        await page.waitForURL(
          (url) => url.pathname === '/transfers' && url.searchParams.get('status') === 'in_transit',
        );
        await page.locator(`.custodia-board a[href="/transfers/${transfers[1]}"]`).waitFor();
      },
    ],
    [
      'intake refuses an identity that did not match, then receives the first person (biometric, matched)',
      async () => {
        await page.goto(`${base}/manifests/${firstManifest}`);
        const row = intakeRow(transfers[1]);
        await row.getByLabel('Method').selectOption('biometric');
        await row.getByRole('button', { name: /^Receive/ }).click();
        const refusal = page.locator('main .usa-alert--error[role="alert"]', { hasText: 'did not match' });
        await refusal.waitFor();
        await row.locator('label', { hasText: 'Identity matched' }).click();
        assert(await row.getByLabel('Identity matched').isChecked(), '"Identity matched" is not checked');
        await row.getByRole('button', { name: /^Receive/ }).click();
        await row.locator('[data-entry-status="received"]').waitFor();
        assert((await row.textContent()).includes('Biometric: matched'), 'the identity check is not shown');
        const reconciliation = page.locator('.custodia-reconciliation');
        assert((await reconciliation.getAttribute('data-reconciled')) === 'false', 'reconciled too early');
        assert(
          (await reconciliation.textContent()).includes(people[3].ref),
          'the third person is not listed',
        );
        await blur();
        await page.screenshot({ path: join(SCREENSHOTS, 'manifest.png'), fullPage: true });
      },
    ],
    [
      'closing is refused while someone is unaccounted for, and succeeds once an exception explains it',
      async () => {
        await page.getByRole('button', { name: 'Close the manifest' }).click();
        const refusal = page.locator('main .usa-alert--error[role="alert"]', { hasText: 'cannot close' });
        await refusal.waitFor();
        const detail = (await refusal.textContent()) ?? '';
        assert(
          detail.includes(transfers[3]),
          `the refusal does not name the unaccounted transfer: ${detail}`,
        );
        log(`         (the API said: ${detail.replace(/^The manifest was not closed/, '').trim()})`);
        const row = intakeRow(transfers[3]);
        await row.getByRole('button', { name: /^Missing after transport/ }).click();
        await row
          .getByLabel(/Explain the exception/)
          .fill('Not at the intake count at CECOT; the carrier was asked.');
        await row.getByRole('button', { name: 'Record the exception' }).click();
        await row.locator('[data-entry-status="exception"]').waitFor();
        await page.locator('.custodia-reconciliation[data-reconciled="true"]').waitFor();
        assert((await text('.custodia-reconciliation')).includes('Reconciled'), 'not shown as reconciled');
        await page.getByRole('button', { name: 'Close the manifest' }).click();
        await manifestState('closed');
      },
    ],
    [
      'the transfer page says received, with the custody interval and the Rule 68 notification due time',
      async () => {
        await page.goto(`${base}/transfers/${transfers[1]}`);
        await transferState('received');
        const custody = await text('[data-testid="custody-interval"]');
        assert(/open \(in custody\)/.test(custody) && custody.includes('America/El_Salvador'), custody);
        const rule68 = await text('[data-testid="rule68"]');
        assert(/Mandela Rule 68/.test(rule68) && /Due by/.test(rule68), `Rule 68: ${rule68}`);
        assert(
          rule68.includes('America/El_Salvador'),
          `the due time is not in the facility's zone: ${rule68}`,
        );
        assert(
          (await text('.custodia-timeline')).includes('Received at intake'),
          'no intake in the timeline',
        );
        await blur();
        await page.screenshot({ path: join(SCREENSHOTS, 'transfer.png'), fullPage: true });
        await page.getByRole('button', { name: 'Español' }).click();
        await page.waitForSelector('html[lang="es"]');
        await page.getByRole('heading', { name: 'Cronología' }).waitFor();
        const main = await text('main');
        for (const words of [
          'Recibido',
          'Periodo de custodia',
          'Regla 68 de Mandela',
          'Recibido en el ingreso',
        ]) {
          assert(main.includes(words), `no "${words}" in Spanish`);
        }
        await blur();
        await page.screenshot({ path: join(SCREENSHOTS, 'transfer-es.png'), fullPage: true });
        await page.getByRole('button', { name: 'English' }).click();
        await page.waitForSelector('html[lang="en"]');
      },
    ],
    [
      'the dashboard shows no alarm for the closed manifest',
      async () => {
        await page.getByRole('link', { name: 'Dashboard' }).click();
        await page.locator('.custodia-state-counts').waitFor();
        assert(
          (await page.locator(`.custodia-alarm[data-manifest-id="${firstManifest}"]`).count()) === 0,
          'the closed manifest still raises an alarm',
        );
      },
    ],
    [
      "as the court, records a TRO on the second person's transfer page after it was put on a manifest",
      async () => {
        const manifest = await api.sendingOfficer('POST', '/api/v1/manifests', {
          facilityId: 'SV-CECOT',
          carrier: 'GlobalX',
          flightNumber: `GXA ${SUFFIX}-2`,
          origin: 'HRL',
          destination: 'SAL',
          scheduledDeparture: {
            instant: new Date(Date.now() + 3_600_000).toISOString(),
            zone: 'America/Chicago',
          },
          scheduledArrival: {
            instant: new Date(Date.now() + 4 * 3_600_000).toISOString(),
            zone: 'America/El_Salvador',
          },
        });
        holdManifest = manifest.manifestId;
        await api.sendingOfficer('POST', `/api/v1/manifests/${holdManifest}/transfers`, {
          transferId: transfers[2],
        });
        await signInAs('court', `/transfers/${transfers[2]}`);
        await transferState('scheduled');
        const form = page.locator('form', {
          has: page.getByRole('heading', { name: 'Record a legal hold' }),
        });
        await form.getByLabel('Type of hold').selectOption('tro');
        await form.getByLabel('Court').fill(hold.court);
        await form.getByLabel('Case').fill(hold.case);
        await form.getByLabel('Issued').fill(dayFromToday(-1));
        await form.getByRole('button', { name: 'Record a legal hold' }).click();
        await transferState('on_hold');
        await page.getByText('Legal hold recorded. Transfers put on hold: 1.').waitFor();
        const holds = await text('.custodia-holds');
        for (const words of ['Temporary restraining order', hold.court, hold.case, 'In force']) {
          assert(holds.includes(words), `the holds table has no "${words}": ${holds}`);
        }
        const screening = page.locator('.custodia-screening-record').first();
        await screening.waitFor();
        const recorded = (await screening.textContent()) ?? '';
        assert(
          recorded.includes('A legal hold was recorded') && recorded.includes('No active legal hold'),
          `the re-screening is not shown: ${recorded}`,
        );
      },
    ],
    [
      'as the sending officer, boarding is refused and the refusal names the hold’s court and case',
      async () => {
        await signInAs('sending_officer', `/manifests/${holdManifest}`);
        const row = boardingRow(transfers[2]);
        await row.locator('[data-status="on_hold"]').waitFor();
        await row.getByRole('button', { name: /^Board/ }).click();
        const refusal = page.locator('main .usa-alert--error[role="alert"]');
        await refusal.waitFor();
        const detail = (await refusal.textContent()) ?? '';
        assert(
          detail.includes(hold.court) && detail.includes(hold.case) && /legal hold/.test(detail),
          `the refusal does not name the hold: ${detail}`,
        );
        log(`         (the API said: ${detail.replace(/^Refused/, '').trim()})`);
        const holdsCell = (await row.locator('td').nth(2).textContent()) ?? '';
        assert(holdsCell.includes(hold.case), `the checklist does not show the hold: ${holdsCell}`);
        assert((await row.locator('[data-entry-status="added"]').count()) === 1, 'the person boarded');
        await blur();
        await page.screenshot({ path: join(SCREENSHOTS, 'manifest-hold-refused.png'), fullPage: true });
        // The same refusal in Spanish: the page asks the API in its language, and the API answers in it.
        await page.getByRole('button', { name: 'Español' }).click();
        await page.waitForSelector('html[lang="es"]');
        await row.getByRole('button', { name: /^Embarcar/ }).click();
        const spanish = page.locator('main .usa-alert--error[role="alert"]');
        await page.waitForFunction(() =>
          /orden judicial/.test(
            document.querySelector('main .usa-alert--error[role="alert"]')?.textContent ?? '',
          ),
        );
        const detailEs = (await spanish.textContent()) ?? '';
        assert(
          detailEs.includes(hold.court) && detailEs.includes(hold.case) && /no puede embarcar/.test(detailEs),
          `the Spanish refusal does not name the hold: ${detailEs}`,
        );
        log(`         (la API dijo: ${detailEs.replace(/^Rechazado/, '').trim()})`);
        await blur();
        await page.screenshot({ path: join(SCREENSHOTS, 'manifest-hold-refused-es.png'), fullPage: true });
        await page.getByRole('button', { name: 'English' }).click();
        await page.waitForSelector('html[lang="en"]');
        await row.getByRole('link', { name: 'Transfer', exact: true }).click();
        await transferState('on_hold');
        assert(
          (await text('.custodia-holds')).includes(hold.case),
          'the transfer page does not list the hold',
        );
      },
    ],
    // Issue 4: the person received in the full flow is housed, a day's regime log is recorded for their
    // cell, and the compliance report shows what it means. `flow` reads the run's state when a step runs.
    ...housingSteps(flow),
    ...standardsSteps(flow),
    // Issue 5: April 2025's invoice generated, issued, downloaded as a PDF, paid in part; the balance shown.
    ...billingSteps(flow),
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
