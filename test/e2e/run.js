#!/usr/bin/env node
// End-to-end test of the web UI against a real `custodia serve`, in Debian's Chromium through playwright-core.
//
//   node test/e2e/run.js [--no-build] [--only hearing]
//
// It rebuilds the web UI (`vite build web`, a few seconds; skip with --no-build), loads the cecot-2025
// scenario into a temporary data directory, adds a monitor and one user per role, starts the server on a
// free port, and runs the flows in one browser session, each in its own file: signing in and the
// dashboard (sign-in-flow.js), the people and a screening in English and Spanish (people-flow.js), a
// transfer from nomination to intake on a manifest (transfer-flow.js), boarding refused under a court's
// hold (hold-flow.js), housing (housing-flow.js), the regime log, compliance and incidents
// (standards-flow.js), billing (billing-flow.js), counsel's home and a sealed record a monitor does not find
// (counsel-flow.js), the public locator (locator-flow.js), the public statistics (statistics-flow.js) and
// video-link hearings: rooms, a booking with alternatives, an outcome, the day lists (hearing-flow.js).
// `--only NAME` runs one flow that stands alone (it signs in and makes its API sessions itself; today
// `hearing`) after the same set-up, to work on it without the others.
// Every page the flows visit is scanned with axe-core
// in English and in Spanish (lib/axe.js), each scan one check. The people the flows need are created
// through the API with dates relative to today, since the server runs on the wall clock.
// Screenshots go to docs/screenshots/ (or E2E_SCREENSHOTS). The UI is built into dist/web (or
// CUSTODIA_WEB_DIR, which the server then serves); the server built by `npm run build` (dist/src) is the
// one tested. It prints one line per check and then `N passed, N failed`; the exit code is 1 on any failure.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { billingSteps } from './billing-flow.js';
import { counselSteps } from './counsel-flow.js';
import { hearingSteps } from './hearing-flow.js';
import { holdSteps } from './hold-flow.js';
import { housingSteps } from './housing-flow.js';
import { createScanner } from './lib/axe.js';
import { launchBrowser } from './lib/browser.js';
import { createFlow } from './lib/context.js';
import { describeFailure } from './lib/failure.js';
import { loadScenario } from './lib/scenario.js';
import { prepareScreenshots } from './lib/screenshots.js';
import { buildWeb, serverTail, startServer, stopServer } from './lib/server.js';
import { assert, log, runSteps, tally } from './lib/steps.js';
import { addUsers } from './lib/users.js';
import { locatorSteps } from './locator-flow.js';
import { peopleSteps } from './people-flow.js';
import { signInSteps, signOutSteps } from './sign-in-flow.js';
import { standardsSteps } from './standards-flow.js';
import { statisticsSteps } from './statistics-flow.js';
import { transferSteps } from './transfer-flow.js';

const OVERALL_TIMEOUT_MS = 900_000;

let context = null;
const tempDirs = [];

async function cleanup() {
  await context?.close().catch(() => {});
  await stopServer();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
}

/** The flows `--only` may run alone: each signs in and makes its API sessions itself. */
const STANDALONE = { hearing: hearingSteps };

async function main() {
  const build = !process.argv.includes('--no-build');
  const onlyAt = process.argv.indexOf('--only');
  const only = onlyAt === -1 ? null : process.argv[onlyAt + 1];
  assert(only === null || only in STANDALONE, `--only takes one of: ${Object.keys(STANDALONE).join(', ')}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'custodia-e2e-data-'));
  const profileDir = mkdtempSync(join(tmpdir(), 'custodia-e2e-chromium-'));
  tempDirs.push(dataDir, profileDir);
  prepareScreenshots();
  const flow = createFlow();

  const steps = [
    [build ? 'build the web UI (vite build web)' : 'check the web UI is built', async () => buildWeb(build)],
    [
      'load the cecot-2025 scenario and add a monitor, the officers, a court user and counsel',
      async () => {
        loadScenario(dataDir);
        addUsers(dataDir);
      },
    ],
    [
      'start the server and wait for /readyz',
      async () => {
        flow.base = await startServer(dataDir);
      },
    ],
    [
      'launch Chromium',
      async () => {
        const launched = await launchBrowser(profileDir);
        context = launched.context;
        flow.page = launched.page;
        flow.page.on('pageerror', (error) => flow.pageErrors.push(error.message));
        flow.scanner = createScanner(flow.page);
      },
    ],
    ...(only ? STANDALONE[only](flow) : allFlows(flow)),
    [
      'no uncaught errors in the page',
      async () => {
        assert(flow.pageErrors.length === 0, `page errors:\n${flow.pageErrors.join('\n')}`);
      },
    ],
  ];
  // After each step, the page it ended on is scanned (once per route and language); after a failed step,
  // what the page said is logged and a screenshot kept in test-results/.
  await runSteps(
    steps,
    () => flow.scan(),
    (name) => describeFailure(flow.page, name),
  );
  // A flow run alone signs in without the sign-in flow, which scans the sign-in page.
  flow.scanner?.coverage(only ? ['/login'] : []);
}

/** Every flow, in the order they build on each other. */
function allFlows(flow) {
  return [
    ...signInSteps(flow),
    ...peopleSteps(flow),
    ...signOutSteps(flow),
    ...transferSteps(flow),
    ...holdSteps(flow),
    // Issue 4: the person received in the full flow is housed, a day's regime log is recorded for their
    // cell, and the compliance report shows what it means. `flow` reads the run's state when a step runs.
    ...housingSteps(flow),
    ...standardsSteps(flow),
    // Issue 5: April 2025's invoice generated, issued, downloaded as a PDF, paid in part; the balance shown.
    ...billingSteps(flow),
    // Issue 15: counsel read their clients (en, es) and file a notice; a monitor does not find a sealed record.
    ...counselSteps(flow),
    // Issue 15: the public locator, signed out, in both languages.
    ...locatorSteps(flow),
    // Issue 18: the public statistics, signed out, in both languages.
    ...statisticsSteps(flow),
    // Issue 16: video-link hearings; last, since it releases a scenario man the statistics count.
    ...hearingSteps(flow),
  ];
}

const timer = setTimeout(async () => {
  log(`FAILED   the run took longer than ${OVERALL_TIMEOUT_MS / 1000} s`);
  await cleanup();
  const { passed, failed } = tally();
  log(`${passed} passed, ${failed + 1} failed`);
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
const { passed, failed } = tally();
const tail = serverTail();
if (failed > 0 && tail) log(`--- server output (last lines) ---\n${tail}`);
log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
