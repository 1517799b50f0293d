// Public statistics, as anyone would read them without an account: from the sign-in page, CECOT's figures
// for the scenario's April 2025, with charts and their tables; the same figures in Spanish; and the API's
// answer for the whole of 2025 never shows a count from 1 to 9 (those are "<10").

import { screenshot } from './lib/screenshots.js';

/** Every count in a statistics answer, wherever it sits: numbers under a key that is not a share, rate or median. */
function smallCounts(value, path = '') {
  if (typeof value === 'number') {
    const notACount = /(share|rate|median|average|adp|percent|low|high|days?$)/i.test(path);
    return !notACount && Number.isInteger(value) && value >= 1 && value <= 9 ? [`${path}=${value}`] : [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => smallCounts(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => smallCounts(v, path ? `${path}.${k}` : k));
  }
  return [];
}

/**
 * The statistics steps, `[name, async fn]` as run.js runs them.
 * @param {ReturnType<typeof import('./lib/context.js').createFlow>} flow the run's shared state
 */
export function statisticsSteps(flow) {
  const { assert, log } = flow;
  const mainText = async () =>
    ((await flow.page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ').trim();

  return [
    [
      "signed out, the public statistics show CECOT's April 2025 with charts and their tables",
      async () => {
        const { page, base } = flow;
        await page.context().clearCookies();
        await page.evaluate(() => localStorage.setItem('custodia.lang', 'en'));
        await page.goto(`${base}/login`);
        await page.getByRole('link', { name: 'Public statistics' }).click();
        await page.waitForURL(`${base}/statistics**`);
        await page.locator('#statistics-facility').fill('SV-CECOT');
        await page.locator('#statistics-from').fill('2025-04-01');
        await page.locator('#statistics-to').fill('2025-04-30');
        await page.getByRole('button', { name: 'Show statistics' }).click();
        await page.getByRole('heading', { name: 'Population in custody' }).waitFor({ timeout: 60_000 });
        const text = await mainText();
        for (const expected of [
          'Transfers by outcome and month',
          'Deaths in custody',
          'Standards met',
          'SV-CECOT',
        ]) {
          assert(text.includes(expected), `the statistics page does not say "${expected}"`);
        }
        const charts = await page.locator('main svg').count();
        const tables = await page.locator('main table').count();
        assert(
          charts > 0 && tables > 0,
          `expected charts and tables, found ${charts} charts and ${tables} tables`,
        );
        log(`         (${charts} charts, ${tables} tables)`);
        await flow.blur();
        await screenshot(page, 'statistics');
      },
    ],
    [
      'in Spanish, the same figures; the API for 2025 shows no count from 1 to 9',
      async () => {
        const { page, base } = flow;
        await page.getByRole('button', { name: 'Español', exact: true }).click();
        await page.waitForSelector('html[lang="es"]');
        await page.getByRole('heading', { name: 'Población bajo custodia' }).waitFor();
        await flow.blur();
        await screenshot(page, 'statistics-es');
        await page.getByRole('button', { name: 'English', exact: true }).click();
        await page.waitForSelector('html[lang="en"]');

        const url = `${base}/api/v1/public/statistics?facility=SV-CECOT&from=2025-01-01&to=2025-12-31`;
        const reply = await fetch(url);
        assert(reply.ok, `GET ${url} answered ${reply.status}`);
        const figures = await reply.json();
        const small = smallCounts(figures);
        assert(small.length === 0, `counts from 1 to 9 are published: ${small.join(', ')}`);
        const csv = await (await fetch(`${url}&format=csv`)).text();
        const smallInCsv = csv
          .split('\n')
          .filter((line) => !/(average|rate|share|median|low|high)/.test(line) && /,[1-9]\r?$/.test(line));
        assert(smallInCsv.length === 0, `the CSV publishes counts from 1 to 9: ${smallInCsv.join(' | ')}`);
        log(`         (2025: ${csv.split('\n').length} CSV lines, no count from 1 to 9)`);
      },
    ],
  ];
}
