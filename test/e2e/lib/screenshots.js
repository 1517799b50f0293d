// Screenshots of the pages the flows visit, into docs/screenshots/ (or E2E_SCREENSHOTS).

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './server.js';

/** Where the screenshots go. */
export const SCREENSHOTS = process.env.E2E_SCREENSHOTS ?? join(ROOT, 'docs', 'screenshots');

/** Creates the screenshots folder. */
export function prepareScreenshots() {
  mkdirSync(SCREENSHOTS, { recursive: true });
}

/** Takes a full-page screenshot of `page` as `<name>.png`. */
export async function screenshot(page, name) {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Takes a screenshot of one part of the page (a section of a long page) as `<name>.png`. */
export async function screenshotOf(locator, name) {
  await locator.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}
