// The public locator, as a family or a lawyer would use it without an account: from the sign-in page, the
// first person of the run (received and housed at CECOT by the earlier flows) is found by A-number and
// country of birth; one wrong digit is no match, with the agency to contact; in Spanish, the name form finds
// the same person without accents or the maternal surname. The answer never names the cell.

import { screenshot } from './lib/screenshots.js';

/**
 * The locator steps, `[name, async fn]` as run.js runs them.
 * @param {ReturnType<typeof import('./lib/context.js').createFlow>} flow the run's shared state
 */
export function locatorSteps(flow) {
  const { assert, log } = flow;
  const answer = () => flow.page.locator('.custodia-locator-result');
  const answerText = async () => ((await answer().textContent()) ?? '').replace(/\s+/g, ' ').trim();
  const forms = () => flow.page.locator('form.custodia-locator-form');

  return [
    [
      'signed out, the public locator finds the first person at CECOT by A-number and country of birth; one wrong digit is no match',
      async () => {
        const { page, base, people, housed } = flow;
        await page.context().clearCookies();
        await page.evaluate(() => localStorage.setItem('custodia.lang', 'en'));
        await page.goto(`${base}/login`);
        await page.getByRole('link', { name: 'Find a person in custody' }).click();
        await page.waitForURL(`${base}/locator`);
        const byNumber = forms().first();
        await byNumber.getByLabel('A-number').fill(people[1].aNumber);
        await byNumber.getByLabel('Country of birth').selectOption('SV');
        await byNumber.getByRole('button', { name: 'Search' }).click();
        await page.locator('.custodia-locator-answer').waitFor();
        const found = await answerText();
        for (const expected of ['Person found', 'In custody', 'SV-CECOT', 'Tecoluca']) {
          assert(found.includes(expected), `the answer does not say "${expected}": ${found}`);
        }
        assert(!found.includes(housed.cell), `the answer names the cell ${housed.cell}: ${found}`);
        log(`         (${found})`);
        await flow.blur();
        await screenshot(page, 'locator');

        const digits = people[1].aNumber.slice(1);
        const wrong = `A${digits.slice(0, -1)}${(Number(digits.at(-1)) + 1) % 10}`;
        await byNumber.getByLabel('A-number').fill(wrong);
        await byNumber.getByRole('button', { name: 'Search' }).click();
        await answer().getByRole('heading', { name: 'No match' }).waitFor();
        const missed = await answerText();
        assert(!missed.includes('SV-CECOT'), `a near miss names the facility: ${missed}`);
        log(`         (one wrong digit: ${missed})`);
      },
    ],
    [
      'in Spanish, the name form finds the same person without accents or the maternal surname',
      async () => {
        const { page } = flow;
        await page.getByRole('button', { name: 'Español', exact: true }).click();
        await page.waitForSelector('html[lang="es"]');
        const byName = forms().nth(1);
        await byName.getByLabel('Nombre completo').fill('jose luis hernandez');
        await byName.getByLabel('País de nacimiento').selectOption('SV');
        await byName.getByLabel('Fecha de nacimiento').fill('1990-05-12');
        await byName.getByRole('button', { name: 'Buscar' }).click();
        await answer().getByRole('heading', { name: 'Persona encontrada' }).waitFor();
        const found = await answerText();
        assert(found.includes('Bajo custodia'), `the Spanish answer does not say "Bajo custodia": ${found}`);
        await flow.blur();
        await screenshot(page, 'locator-es');
        await page.getByRole('button', { name: 'English', exact: true }).click();
        await page.waitForSelector('html[lang="en"]');
      },
    ],
  ];
}
