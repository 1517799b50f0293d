// Issue 4's E2E steps for housing, run by run.js after the transfer flows: the person received at CECOT
// (flow.people[1]) is proposed a cell with every hard constraint checked, the receiving officer applies the
// placements, the facility map counts them in their cell, the occupancy chart shows a forecast, and
// receiving custody is offered the release form. Person 1 stays in custody: the standards flow after this
// one records the regime log of their cell (flow.housed).

import { screenshot } from './lib/screenshots.js';

/**
 * The housing steps, `[name, async fn]` as run.js runs them.
 * @param {ReturnType<typeof import('./lib/context.js').createFlow>} flow the run's shared state (page, API callers, people, signInAs…)
 */
export function housingSteps(flow) {
  const { assert, log } = flow;
  /** @type {{ id: string, code: string, timeZone: string } | null} */
  let cecot = null;

  return [
    [
      'as the receiving officer, the CECOT allocation proposes a cell for the received person with every check passing; applying houses them',
      async () => {
        const { page, people } = flow;
        const list = await flow.api.receivingOfficer('GET', '/api/v1/facilities');
        cecot = list.items.find((f) => f.code === 'SV-CECOT') ?? null;
        assert(cecot, `no SV-CECOT among the facilities: ${list.items.map((f) => f.code).join(', ')}`);
        flow.housed.facilityId = cecot.id;
        await flow.signInAs('receiving_officer', `/facilities/${cecot.id}/allocation`);
        const proposed = page.locator(`.custodia-allocation-placements tr[data-person-id="${people[1].id}"]`);
        await proposed.waitFor();
        const row = ((await proposed.textContent()) ?? '').replace(/\s+/g, ' ');
        assert(
          row.includes(people[1].ref) && row.includes('Hernández'),
          `the placement row does not name the person: ${row}`,
        );
        const proposedCell = await proposed.getAttribute('data-cell');
        assert(/^M\d+-C\d+$/.test(proposedCell ?? ''), `the proposed cell is "${proposedCell}"`);
        await page.locator('.custodia-checks[data-ok="true"]').waitFor();
        const checks = await page
          .locator('.custodia-checks tr[data-constraint]')
          .evaluateAll((rows) =>
            rows.map((r) => `${r.getAttribute('data-constraint')}=${r.getAttribute('data-ok')}`),
          );
        for (const constraint of [
          'working_capacity',
          'sex_separation',
          'rival_organisations',
          'co_defendants',
          'separate_from_local',
        ]) {
          assert(checks.includes(`${constraint}=true`), `the check report reads: ${checks.join(', ')}`);
        }
        assert(
          checks.every((c) => c.endsWith('=true')),
          `a constraint fails: ${checks.join(', ')}`,
        );
        await flow.blur();
        await screenshot(page, 'allocation');

        await page.getByRole('button', { name: 'Apply placements' }).click();
        const housed = page.locator(`.custodia-allocation-applied tr[data-person-id="${people[1].id}"]`);
        await housed.waitFor();
        const cell = (await housed.getAttribute('data-cell')) ?? '';
        assert(/^M\d+-C\d+$/.test(cell), `the person was housed in "${cell}"`);
        const done =
          (await page.getByText(/^Placements applied: \d+ (people|person) housed\.$/).textContent()) ?? '';
        // The plan is made again: nobody is left waiting for a cell.
        await page.locator('[data-testid="nobody"]').waitFor();
        const facility = await flow.api.receivingOfficer('GET', `/api/v1/facilities/${cecot.id}`);
        const mapped = facility.cells.find((c) => c.code === cell);
        assert(mapped && mapped.occupancy.transferees >= 1, `the API counts nobody housed in ${cell}`);
        flow.housed.cell = cell;
        log(`         (${done} ${people[1].ref} is in ${cell}; proposed ${proposedCell})`);
      },
    ],
    [
      'the facility page maps that cell with the person counted, in English and in Spanish',
      async () => {
        const { page } = flow;
        const { cell } = flow.housed;
        await page.getByRole('link', { name: /^← Back to / }).click();
        await page.waitForURL((url) => url.pathname === `/facilities/${cecot?.id}`);
        const tile = page.locator(`.custodia-map .custodia-tile[data-cell="${cell}"]`);
        await tile.waitFor();
        const occupancy = Number(await tile.getAttribute('data-occupancy'));
        const capacity = Number(await tile.getAttribute('data-capacity'));
        const transferees = Number(await tile.getAttribute('data-transferees'));
        assert(transferees >= 1, `the tile of ${cell} counts ${transferees} transferees`);
        assert(
          occupancy >= transferees && capacity > 0 && occupancy <= capacity,
          `the tile of ${cell} reads ${occupancy}/${capacity}`,
        );
        assert(
          ((await tile.textContent()) ?? '').includes(`${occupancy}/${capacity}`),
          `the tile does not show ${occupancy}/${capacity}`,
        );
        assert(
          (await page.locator(`.custodia-map-table tr[data-cell="${cell}"]`).count()) === 1,
          'the map has no text alternative row for the cell',
        );
        await page.locator('[data-figure="waiting"] dd', { hasText: /^0$/ }).waitFor();
        const facts = ((await page.locator('.custodia-facility-facts').textContent()) ?? '').replace(
          /\s+/g,
          ' ',
        );
        for (const words of ['40,000', '20,480', 'Transferees', 'Local population', 'Total held']) {
          assert(facts.includes(words), `the facility header has no "${words}": ${facts}`);
        }
        for (const name of ['Allocation', 'Regime log', 'Incidents', 'Compliance']) {
          await page
            .locator('.custodia-facility-links')
            .getByRole('link', { name: new RegExp(`^${name}`) })
            .waitFor();
        }
        await page.locator('svg.custodia-occupancy-chart').waitFor();
        await flow.blur();
        await screenshot(page, 'facility');
        await page.getByRole('button', { name: 'Español' }).click();
        await page.waitForSelector('html[lang="es"]');
        await page.getByRole('heading', { name: 'Mapa del centro' }).waitFor();
        const main = await flow.text('main');
        for (const words of [
          'Ocupación y previsión',
          'Asignación',
          'Población local',
          `${occupancy}/${capacity}`,
        ]) {
          assert(main.includes(words), `no "${words}" in Spanish`);
        }
        await flow.blur();
        await screenshot(page, 'facility-es');
        await page.getByRole('button', { name: 'English' }).click();
        await page.waitForSelector('html[lang="en"]');
      },
    ],
    [
      'the occupancy chart shows the recorded days solid and a 90-day forecast dashed, with a table',
      async () => {
        const { page } = flow;
        const chart = page.locator('svg.custodia-occupancy-chart');
        await chart.waitFor();
        const history = await chart.locator('path[data-series="history"]').getAttribute('d');
        const forecast = await chart.locator('path[data-series="forecast"]').getAttribute('d');
        assert(history && /^M[\d.]+,[\d.]+( L[\d.]+,[\d.]+)+$/.test(history), 'no recorded line');
        assert(forecast && /^M[\d.]+,[\d.]+( L[\d.]+,[\d.]+)+$/.test(forecast), 'no forecast line');
        const dash = await chart
          .locator('path[data-series="forecast"]')
          .evaluate((path) => getComputedStyle(path).strokeDasharray);
        assert(dash && dash !== 'none', `the forecast is not dashed (${dash})`);
        assert(
          (await chart.locator('.custodia-occupancy-chart__capacity--working').count()) === 1,
          'no working capacity line',
        );
        const rows = page.locator('.custodia-occupancy-table tbody tr');
        const forecastRows = await page.locator('.custodia-occupancy-table tr[data-kind="forecast"]').count();
        const recordedRows = await page.locator('.custodia-occupancy-table tr[data-kind="recorded"]').count();
        assert(forecastRows === 90, `the table has ${forecastRows} forecast days`);
        assert(recordedRows === 90, `the table has ${recordedRows} recorded days`);
        assert((await rows.count()) === 180, 'the table has other rows');
        const summary = await flow.text('[data-testid="occupancy-summary"]');
        assert(/^Today [\d,]+ people are held/.test(summary), `the summary reads "${summary}"`);
        await page.locator('.custodia-occupancy-section label', { hasText: 'Transferees only' }).click();
        await page.locator('svg.custodia-occupancy-chart[data-measure="transferees"]').waitFor();
        log(`         (${summary})`);
      },
    ],
    [
      'as receiving custody, the person page lists the custody interval and offers the release form (a time before intake is refused)',
      async () => {
        const { page, people } = flow;
        // The receiving officer sees the custody interval but no release form.
        await page.goto(`${flow.base}/people/${people[1].id}`);
        await page.locator('main .custodia-tag--in-custody').waitFor();
        assert(
          (await page.locator('form.custodia-release-form').count()) === 0,
          'the officer is offered a release',
        );
        await flow.signInAs('receiving_custody', `/people/${people[1].id}`);
        const form = page.locator('form.custodia-release-form');
        await form.waitFor();
        const reasons = await form.getByLabel('Reason').locator('option').allTextContents();
        for (const reason of [
          'Sentence served',
          'Return ordered by a court',
          'Repatriation',
          'Death',
          'Escape',
        ]) {
          assert(reasons.includes(reason), `the release reasons are: ${reasons.join(', ')}`);
        }
        assert(reasons.length === 9, `${reasons.length - 1} release reasons are offered`);
        const at = form.getByLabel('Date and time of the release');
        assert(
          /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(await at.inputValue()),
          'the time does not default to now',
        );
        // Three days before intake: the server refuses, and person 1 stays in custody for the standards flow.
        const before = flow.wallClock('America/El_Salvador', -3 * 24 * 60);
        await form.getByLabel('Reason').selectOption('sentence_served');
        await at.fill(before);
        assert((await at.inputValue()) === before, 'the release time was not entered');
        await form.getByRole('button', { name: 'Record the release' }).click();
        const refusal = page.locator('main .usa-alert--error[role="alert"]', { hasText: 'before intake' });
        await refusal.waitFor();
        const custody = await flow.api.receivingOfficer('GET', `/api/v1/people/${people[1].id}/custody`);
        assert(
          custody.intervals.length === 1 && custody.intervals[0].endedAt === null,
          'person 1 is no longer in custody',
        );
        log(`         (the API said: ${((await refusal.textContent()) ?? '').replace(/\s+/g, ' ')})`);
      },
    ],
  ];
}
