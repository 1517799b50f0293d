// Counsel and monitors within their scopes (issue 15). Sending legal records, through the API, that the
// scenario's law office (Defensa Migrante) represents the first person of the run (received and housed at
// CECOT by the earlier flows). The e2e counsel, who acts for that office like the scenario's demo counsel,
// signs in: their home lists that client with their custody status (never the cell), and they file a
// notice of appearance for the third person, which waits for sending legal's confirmation; the home is
// then read in Spanish. Last, a court seals a roster person's record: the monitor does not find them,
// neither in the people search nor by their page.

import { screenshot } from './lib/screenshots.js';
import { apiSession, LAW_OFFICE, PASSWORD, USER } from './lib/users.js';

/**
 * The counsel and sealed-record steps, `[name, async fn]` as run.js runs them.
 * @param {ReturnType<typeof import('./lib/context.js').createFlow>} flow the run's shared state
 */
export function counselSteps(flow) {
  const { assert, log, text, blur, api, people, dayFromToday } = flow;
  const sealed = { id: '', ref: '' };

  return [
    [
      "as counsel, the home lists the office's client with their custody status and files a notice of appearance",
      async () => {
        const { page, housed } = flow;
        await api.sendingLegal('POST', '/api/v1/representations', {
          ref: people[1].ref,
          agreement: 'cecot-2025',
          office: LAW_OFFICE,
          from: dayFromToday(-1),
        });
        await page.evaluate(() => localStorage.setItem('custodia.lang', 'en'));
        // Counsel land on their home after signing in (the path asked for must not be `/`, which signs in
        // without a `next`).
        await flow.signInAs('counsel', '/people');
        await page.goto(`${flow.base}/`);
        await page.getByRole('heading', { name: 'Your clients and notices', level: 1 }).waitFor();
        const client = page.locator(`tr[data-client="${people[1].ref}"]`);
        await client.waitFor();
        const row = ((await client.textContent()) ?? '').replace(/\s+/g, ' ');
        for (const words of [people[1].ref, 'Hernández', 'In custody']) {
          assert(row.includes(words), `the client row does not say "${words}": ${row}`);
        }
        assert(!row.includes(housed.cell), `counsel see the cell ${housed.cell}: ${row}`);
        log(`         (${row.trim()})`);

        const file = page.locator('section', {
          has: page.getByRole('heading', { name: 'File a notice of appearance' }),
        });
        // Refused with nothing typed: each field says what it needs, and nothing is sent.
        await file.getByRole('button', { name: 'File notice of appearance' }).click();
        await file.getByText('Enter the person’s reference.').waitFor();
        await file.getByLabel('Person’s reference').fill(people[3].ref);
        await file.getByLabel('Agreement').fill('cecot-2025');
        await file.getByLabel('Represented from').fill(dayFromToday(0));
        await file.getByRole('button', { name: 'File notice of appearance' }).click();
        await page
          .getByText(
            `Your notice of appearance for ${people[3].ref} is filed; sending legal will confirm it.`,
          )
          .waitFor();
        const pending = page.locator('section', {
          has: page.getByRole('heading', { name: 'Pending notices of appearance' }),
        });
        await pending.getByText(people[3].ref).waitFor();
        await blur();
        await screenshot(page, 'counsel-home');
      },
    ],
    [
      'in Spanish, the counsel home says the same: the client in custody and the pending notice',
      async () => {
        const { page } = flow;
        await page.getByRole('button', { name: 'Español', exact: true }).click();
        await page.waitForSelector('html[lang="es"]');
        await page.getByRole('heading', { name: 'Sus clientes y escritos', level: 1 }).waitFor();
        const row = ((await page.locator(`tr[data-client="${people[1].ref}"]`).textContent()) ?? '').replace(
          /\s+/g,
          ' ',
        );
        assert(row.includes('En custodia'), `the Spanish client row does not say "En custodia": ${row}`);
        const pending = await text('main');
        assert(pending.includes(people[3].ref), `the pending notice is not listed in Spanish: ${pending}`);
        await blur();
        await screenshot(page, 'counsel-home-es');
        await page.getByRole('button', { name: 'English', exact: true }).click();
        await page.waitForSelector('html[lang="en"]');
      },
    ],
    [
      "after a court seals a roster person's record, the monitor finds them neither in the search nor by their page",
      async () => {
        const { page, base } = flow;
        const monitor = await apiSession(base, USER);
        const court = await apiSession(base, flow.USERS.court);
        const roster = await monitor('GET', '/api/v1/people?agreement=cecot-2025&q=ICE-2025-0&limit=1');
        const person = roster.items[0];
        assert(person, 'the roster has no person to seal');
        sealed.id = person.id;
        sealed.ref = person.ref;
        await monitor('GET', `/api/v1/people/${sealed.id}`);
        await court('POST', `/api/v1/people/${sealed.id}/seal`, {
          court: 'D.D.C.',
          order: `SEAL-${flow.SUFFIX}`,
        });

        const signOut = page.getByRole('button', { name: 'Sign out' });
        if ((await signOut.count()) > 0) {
          await signOut.click();
          await page.waitForURL(/\/login$/);
        }
        await page.getByLabel('User name').fill(USER);
        await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.locator('header', { hasText: USER }).waitFor();
        await page.goto(`${base}/people?agreement=cecot-2025&q=${encodeURIComponent(sealed.ref)}`);
        await page.getByText(`No one matches “${sealed.ref}”.`).waitFor();
        await blur();
        await screenshot(page, 'monitor-sealed-search');
        await page.goto(`${base}/people/${sealed.id}`);
        await page.getByRole('heading', { name: 'Page not found' }).waitFor();
        const said = await text('main');
        assert(!said.includes(sealed.ref), `the monitor's page names the sealed ref: ${said}`);
        log(`         (sealed ${sealed.ref}: not in the search, not found by id)`);
      },
    ],
  ];
}
