// Issue 4's E2E steps for the regime log, compliance and incidents, run by run.js after the housing steps:
// receiving custody records today's regime log for the cell the received person was housed in
// (flow.housed), with the conditions CECOT's reports describe; the compliance report for today shows the
// findings, each citing its source, in English and Spanish; the report downloads as CSV and PDF; and an
// incident reported through the form moves to under review.

import { screenshot } from './lib/screenshots.js';

/** The facility's time zone: today is the date there, as the regime log and the report count days. */
const ZONE = 'America/El_Salvador';

/**
 * The standards steps, `[name, async fn]` as run.js runs them.
 * @param {ReturnType<typeof import('./lib/context.js').createFlow>} flow the run's shared state (page, API callers, people, signInAs…)
 */
export function standardsSteps(flow) {
  const { assert, log } = flow;
  /** Today at the facility, `YYYY-MM-DD`. */
  const today = () => flow.wallClock(ZONE).slice(0, 10);
  const main = async () => ((await flow.page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');

  /**
   * The facility and cell the housing steps housed person 1 in. Without them (the housing steps not run),
   * the receiving officer houses person 1 through the allocation API.
   */
  const housed = async () => {
    if (flow.housed.facilityId && flow.housed.cell) return flow.housed;
    const list = await flow.api.receivingOfficer('GET', '/api/v1/facilities');
    const cecot = list.items.find((f) => f.code === 'SV-CECOT');
    assert(cecot, 'no SV-CECOT among the facilities');
    const result = await flow.api.receivingOfficer('POST', `/api/v1/facilities/${cecot.id}/allocation`, {});
    const placement = result.placements.find((p) => p.personId === flow.people[1].id);
    assert(placement, `person 1 was not placed: ${JSON.stringify(result.unplaced)}`);
    flow.housed.facilityId = cecot.id;
    flow.housed.cell = placement.cell;
    log(`         (housed person 1 in ${placement.cell} through the API)`);
    return flow.housed;
  };

  return [
    [
      "the regime log and the compliance report open on the scenario's latest month with records and say where the records are; a wrong period in the address is named",
      async () => {
        const { page } = flow;
        const { facilityId } = await housed();
        await flow.signInAs('receiving_custody', `/facilities/${facilityId}/regime`);
        await page.locator('.custodia-records-span[data-records="yes"]').waitFor();
        await page.locator('table.custodia-regime tbody tr').first().waitFor();
        const regimeFrom = await page.getByLabel('From').inputValue();
        assert(
          !regimeFrom.startsWith(today().slice(0, 7)),
          `the regime log opened on this month (${regimeFrom})`,
        );
        const rows = await page.locator('table.custodia-regime tbody tr').count();
        log(`         (regime log opened from ${regimeFrom}: ${rows} rows)`);
        await flow.blur();
        await screenshot(page, 'regime-opening');

        await page.goto(`${flow.base}/facilities/${facilityId}/compliance`);
        await page.locator('.custodia-records-span[data-records="yes"]').waitFor();
        const findings = page.locator('.custodia-compliance-summary .custodia-counts dd').first();
        await findings.waitFor();
        const count = Number(((await findings.textContent()) ?? '').replace(/[^0-9]/g, ''));
        const from = await page.getByLabel('From').inputValue();
        assert(count > 0, `the compliance report opened on ${from} with no finding`);
        assert(from === regimeFrom, `the report opened on ${from}, the regime log on ${regimeFrom}`);
        log(`         (compliance report opened from ${from}: ${count} findings)`);
        await flow.blur();
        await screenshot(page, 'compliance-opening');

        await page.goto(`${flow.base}/facilities/${facilityId}/compliance?from=2025-13-01&to=2025-12-31`);
        const problem = page.locator('.custodia-period-problem');
        await problem.waitFor();
        const said = (await problem.textContent()) ?? '';
        assert(said.includes('2025-13-01'), `the wrong period is not named: ${said}`);
        // The page still shows the latest month's report; the step ends once it has arrived, so the next
        // step does not wait behind it.
        await page.locator('.custodia-compliance-summary .custodia-counts dd').first().waitFor();
      },
    ],
    [
      "as receiving custody, records today's regime log for the person's cell through the form (30 min outdoors, lights on 24 h, no bedding); the table shows it",
      async () => {
        const { page } = flow;
        const { facilityId, cell } = await housed();
        await flow.signInAs('receiving_custody', `/facilities/${facilityId}/regime`);
        const form = page.locator('form.custodia-regime-form');
        await form.waitFor();
        const day = await form.getByLabel('Day').inputValue();
        assert(day === today(), `the form's day is ${day}, not today at the facility (${today()})`);
        await form.getByLabel('Cell', { exact: true }).fill(cell);
        await form.getByLabel('Minutes out of the cell').fill('30');
        await form.getByLabel('Minutes of outdoor exercise').fill('30');
        await form.getByLabel('Hours the lights stay on at night').fill('24');
        await form.getByRole('group', { name: 'Bedding provided' }).getByText('No', { exact: true }).click();
        await form.getByLabel('Family contacts').fill('0');
        await form.getByLabel('Legal visits').fill('0');
        await form
          .getByLabel('Note')
          .fill('As reported: 23.5 h in the cell, 30 min in the corridor, lights on 24 h, no mattresses.');
        await form.getByRole('button', { name: 'Record the regime log' }).click();
        await page.getByText(`Recorded 1 entry: ${cell} on`).waitFor();
        const row = page.locator(`table.custodia-regime tr[data-cell="${cell}"][data-date="${today()}"]`);
        await row.waitFor();
        const value = async (field) =>
          ((await row.locator(`[data-field="${field}"]`).textContent()) ?? '').replace(/\s+/g, ' ').trim();
        assert((await value('outdoorExerciseMinutes')) === '30 min', 'outdoor exercise is not 30 min');
        assert((await value('nightLightHours')) === '24 h', 'the lights are not on 24 h');
        assert((await value('beddingProvided')) === 'No', 'bedding is not "No"');
        // Unmeasured is "not recorded", never 0.
        assert(
          (await value('drinkingWaterLitresPerPerson')) === 'Not recorded',
          `drinking water reads "${await value('drinkingWaterLitresPerPerson')}"`,
        );
        await flow.blur();
        await screenshot(page, 'regime');
      },
    ],
    [
      'the compliance report for today finds outdoor exercise, lighting and bedding breached, each citing its source; drinking water is not evaluated (English and Spanish)',
      async () => {
        const { page } = flow;
        const { facilityId } = flow.housed;
        await page.goto(`${flow.base}/facilities/${facilityId}/compliance?from=${today()}&to=${today()}`);
        const section = (rule) => page.locator(`section[data-rule="${rule}"]`);
        await section('outdoor-exercise').waitFor();
        for (const [rule, source] of [
          ['outdoor-exercise', 'Mandela Rule 23'],
          ['lighting', 'Mandela Rules 14, 43'],
          ['bedding', 'Mandela Rule 21'],
        ]) {
          const findings = Number(await section(rule).getAttribute('data-findings'));
          assert(findings >= 1, `${rule} has ${findings} findings`);
          const words = (await section(rule).textContent()) ?? '';
          assert(words.includes(`Source: ${source}`), `${rule} does not cite ${source}: ${words}`);
          assert(
            (await section(rule).locator('svg[role="img"] > title').count()) === 1,
            `${rule} has no chart with a title`,
          );
        }
        const water = await section('drinking-water').getAttribute('data-verdict');
        assert(water === 'notEvaluated', `drinking water is "${water}", not "not evaluated"`);
        assert((await main()).includes('Not evaluated:'), 'no rule is explained as not evaluated');
        await flow.blur();
        await screenshot(page, 'compliance');
        await page.getByRole('button', { name: 'Español' }).click();
        await page.waitForSelector('html[lang="es"]');
        await page.getByRole('heading', { level: 1, name: /Cumplimiento de las normas/ }).waitFor();
        const spanish = await main();
        for (const words of ['Ejercicio al aire libre', 'Fuente: Regla 23 de Mandela', 'No evaluada']) {
          assert(spanish.includes(words), `no "${words}" in Spanish`);
        }
        await flow.blur();
        await screenshot(page, 'compliance-es');
        await page.getByRole('button', { name: 'English' }).click();
        await page.waitForSelector('html[lang="en"]');
      },
    ],
    [
      'the report downloads as CSV (with the rule ids) and as PDF',
      async () => {
        const { page } = flow;
        const href = async (format) => {
          const link = page.locator(`a[data-format="${format}"]`);
          assert((await link.getAttribute('download')) !== null, `the ${format} link is not a download`);
          return new URL((await link.getAttribute('href')) ?? '', flow.base).toString();
        };
        const csv = await page.request.get(await href('csv'));
        assert(csv.status() === 200, `the CSV export answered ${csv.status()}`);
        assert(
          (csv.headers()['content-type'] ?? '').startsWith('text/csv'),
          `the CSV export is ${csv.headers()['content-type']}`,
        );
        const text = await csv.text();
        for (const rule of ['outdoor-exercise', 'lighting', 'bedding']) {
          assert(text.includes(rule), `the CSV has no ${rule}`);
        }
        const pdf = await page.request.get(await href('pdf'));
        assert(pdf.status() === 200, `the PDF export answered ${pdf.status()}`);
        assert(
          (pdf.headers()['content-type'] ?? '').startsWith('application/pdf'),
          `the PDF export is ${pdf.headers()['content-type']}`,
        );
        const body = await pdf.body();
        assert(body.subarray(0, 4).toString('latin1') === '%PDF', 'the PDF does not start with %PDF');
      },
    ],
    [
      'reports an incident through the form and moves it to under review with a note',
      async () => {
        const { page, people } = flow;
        const { facilityId, cell } = flow.housed;
        await page.goto(`${flow.base}/facilities/${facilityId}/incidents`);
        const form = page.locator('form.custodia-report-incident');
        await form.waitFor();
        await form.getByLabel('Kind').selectOption('food_refusal');
        await form
          .getByLabel('What happened')
          .fill(`Refused the evening meal in ${cell}; seen by the medical unit, who recorded no injury.`);
        // The person is found by their ref and chosen from the matches (USWDS hides the radio: its label
        // is what a user clicks).
        await form.getByLabel('Person (optional)').fill(people[1].ref);
        await form.locator(`label[for$="-${people[1].id}"]`).click();
        await form.locator(`.custodia-person-finder__chosen[data-person-id="${people[1].id}"]`).waitFor();
        await form.getByLabel('Cell (optional)').fill(cell);
        await form.getByRole('button', { name: 'Report the incident' }).click();
        await page.waitForURL(/\/incidents\/[0-9a-f-]+$/);
        const incidentId = new URL(page.url()).pathname.split('/').pop();
        await page.locator('main h1 [data-status="open"]').waitFor();
        await page.locator('.custodia-incident-facts', { hasText: people[1].ref }).waitFor();
        const facts = ((await page.locator('.custodia-incident-facts').textContent()) ?? '').replace(
          /\s+/g,
          ' ',
        );
        for (const words of ['Food refusal', cell, people[1].ref, ZONE]) {
          assert(facts.includes(words), `the incident does not show "${words}": ${facts}`);
        }
        await page.getByLabel('New status').selectOption('under_review');
        await page
          .getByLabel('Note', { exact: true })
          .fill('Referred to the medical unit and the duty officer.');
        await page.getByRole('button', { name: 'Change the status' }).click();
        await page.locator('main h1 [data-status="under_review"]').waitFor();
        const history = ((await page.locator('.custodia-incident-history').textContent()) ?? '').replace(
          /\s+/g,
          ' ',
        );
        assert(
          history.includes('Reported (open)') && history.includes('Open → Under review'),
          `the history reads: ${history}`,
        );
        await flow.blur();
        await screenshot(page, 'incident');
        await flow.scan();
        await page.goto(`${flow.base}/facilities/${facilityId}/incidents?status=under_review`);
        await page.locator(`table.custodia-incidents tr[data-incident-id="${incidentId}"]`).waitFor();
      },
    ],
  ];
}
