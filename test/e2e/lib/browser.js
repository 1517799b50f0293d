// Debian's Chromium through playwright-core: one persistent context and one page for the whole run.

import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { assert } from './steps.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launches headless Chromium with a profile in `profileDir`; answers the context and its page. */
export async function launchBrowser(profileDir) {
  assert(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium`);
  const context = await chromium.launchPersistentContext(profileDir, {
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
  // Generous: the waits are for things to appear, not timings; CI machines are shared and slower.
  context.setDefaultTimeout(30_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}
