// What the page showed when a step failed: its address, its alerts and status messages, and a screenshot
// in test-results/ (not committed), so a failed run in CI says more than the timeout it ended on.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './server.js';
import { log } from './steps.js';

/** Where a failed step's screenshot goes. */
export const FAILURES = join(ROOT, 'test-results');

/** Logs what `page` shows after the step `name` failed, and saves a screenshot of it. */
export async function describeFailure(page, name) {
  if (!page || page.isClosed()) return;
  log(`         (the page was ${page.url()})`);
  const messages = await page
    .locator('[role="alert"], [role="status"], .usa-alert')
    .evaluateAll((nodes) =>
      nodes.map((node) => (node.textContent ?? '').replace(/\s+/g, ' ').trim()).filter((text) => text !== ''),
    );
  for (const text of [...new Set(messages)]) log(`         (it said: ${text.slice(0, 600)})`);
  mkdirSync(FAILURES, { recursive: true });
  const file = join(FAILURES, `e2e-failure-${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}.png`);
  await page.screenshot({ path: file, fullPage: true, timeout: 10_000 });
  log(`         (screenshot: ${file})`);
}
