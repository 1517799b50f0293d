// People and screening: the people list pages forward and back, a surname search lists only people with
// it and survives a reload, a person page shows its sections, and that person's eligibility screening
// shows the nine rules of cecot-2025/v1 (refused before the policy takes effect), then the same in
// Spanish, back on the person page in Spanish, a choice that survives a reload.

import { RULE_IDS } from './lib/scenario.js';
import { screenshot } from './lib/screenshots.js';

/** Lower-case, accent-free text, as the API searches it: "Peña" and "pena" compare equal. */
function searchable(text) {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * The people and screening steps, `[name, async fn]` as run.js runs them.
 * @param {ReturnType<typeof import('./lib/context.js').createFlow>} flow the run's shared state
 */
export function peopleSteps(flow) {
  const { assert, log, text } = flow;
  let surname = '';
  let firstPageFirstRow = '';
  let englishReasons = [];
  const rowTexts = () => flow.page.locator('table.custodia-people tbody tr').allInnerTexts();
  const waitForRows = () => flow.page.locator('table.custodia-people tbody tr').first().waitFor();

  return [
    [
      'the people list pages forward and back',
      async () => {
        const { page, base } = flow;
        await page.getByRole('link', { name: 'People', exact: true }).click();
        await page.waitForURL(`${base}/people`);
        await waitForRows();
        const first = await rowTexts();
        assert(first.length > 0, 'the people list is empty');
        firstPageFirstRow = first[0];
        await screenshot(page, 'people');
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
        const { page } = flow;
        const href = await page
          .locator('table.custodia-people tbody tr')
          .first()
          .locator('th a')
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
        const { page } = flow;
        await page.locator('table.custodia-people tbody tr').first().locator('th a').click();
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
        const { page } = flow;
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
        await screenshot(page, 'screening');
      },
    ],
    [
      'in Spanish, the screening page names the rules and gives the reasons in Spanish',
      async () => {
        const { page } = flow;
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
        await screenshot(page, 'screening-es');
      },
    ],
    [
      'back on the person page in Spanish, and the choice survives a reload',
      async () => {
        const { page } = flow;
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
        // The person's transfers and custody load after the summary: the screenshot waits for them.
        await page.waitForFunction(() => !document.querySelector('main')?.textContent?.includes('Cargando…'));
        await screenshot(page, 'person-es');
        await page.reload();
        await page.getByRole('heading', { name: 'Resumen' }).waitFor();
        assert((await page.getAttribute('html', 'lang')) === 'es', '<html lang> is not es after a reload');
      },
    ],
  ];
}
