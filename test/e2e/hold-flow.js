// A court's hold refuses boarding: person 2's accepted transfer is put on a second manifest through the
// API, the court finds person 2 by exact A-number on its home and records a temporary restraining order
// there (the transfer goes on hold and is screened again, and is then one of the court's cases), and the sending officer's boarding of person 2 is refused with the hold's court
// and case named, in English and in Spanish.

import { screenshot } from './lib/screenshots.js';

/**
 * The court hold steps, `[name, async fn]` as run.js runs them.
 * @param {ReturnType<typeof import('./lib/context.js').createFlow>} flow the run's shared state
 */
export function holdSteps(flow) {
  const { assert, log, text, blur, api, transfers, SUFFIX, dayFromToday } = flow;
  const { signInAs, transferState, boardingRow } = flow;
  const hold = { court: 'D.D.C.', case: `1:26-cv-${SUFFIX}` };
  let holdManifest = '';

  return [
    [
      'as the court, finds the second person by exact A-number and records a TRO after it was put on a manifest',
      async () => {
        const { page } = flow;
        const manifest = await api.sendingOfficer('POST', '/api/v1/manifests', {
          facilityId: 'SV-CECOT',
          carrier: 'GlobalX',
          flightNumber: `GXA ${SUFFIX}-2`,
          origin: 'HRL',
          destination: 'SAL',
          scheduledDeparture: {
            instant: new Date(Date.now() + 3_600_000).toISOString(),
            zone: 'America/Chicago',
          },
          scheduledArrival: {
            instant: new Date(Date.now() + 4 * 3_600_000).toISOString(),
            zone: 'America/El_Salvador',
          },
        });
        holdManifest = manifest.manifestId;
        await api.sendingOfficer('POST', `/api/v1/manifests/${holdManifest}/transfers`, {
          transferId: transfers[2],
        });
        // A court reads only its own cases: it finds the person of a new hold by exact A-number from its
        // home (decision 0032), records the hold there, and the transfer is then one of its cases.
        await signInAs('court', '/people');
        await page.goto(`${flow.base}/`);
        const lookup = page.locator('section', {
          has: page.getByRole('heading', { name: 'Record a hold for a person' }),
        });
        await lookup.getByLabel('A-number').fill(flow.people[2].aNumber);
        await lookup.getByRole('button', { name: 'Find the person' }).click();
        await lookup
          .getByRole('button', { name: new RegExp(`^Record a hold for .*\\(${flow.people[2].ref}\\)$`) })
          .click();
        const form = page.locator('form', {
          has: page.getByRole('heading', { name: 'Record a legal hold' }),
        });
        await form.getByLabel('Type of hold').selectOption('tro');
        await form.getByLabel('Court').fill(hold.court);
        await form.getByLabel('Case').fill(hold.case);
        await form.getByLabel('Issued').fill(dayFromToday(-1));
        await form.getByRole('button', { name: 'Record a legal hold' }).click();
        await page.getByText('Legal hold recorded. Transfers put on hold: 1.').waitFor();
        await blur();
        await screenshot(page, 'court-hold-lookup');
        await page.goto(`${flow.base}/transfers/${transfers[2]}`);
        await transferState('on_hold');
        const holds = await text('.custodia-holds');
        for (const words of ['Temporary restraining order', hold.court, hold.case, 'In force']) {
          assert(holds.includes(words), `the holds table has no "${words}": ${holds}`);
        }
        const screening = page.locator('.custodia-screening-record').first();
        await screening.waitFor();
        const recorded = (await screening.textContent()) ?? '';
        assert(
          recorded.includes('A legal hold was recorded') && recorded.includes('No active legal hold'),
          `the re-screening is not shown: ${recorded}`,
        );
      },
    ],
    [
      'as the sending officer, boarding is refused and the refusal names the hold’s court and case',
      async () => {
        const { page } = flow;
        await signInAs('sending_officer', `/manifests/${holdManifest}`);
        const row = boardingRow(transfers[2]);
        await row.locator('[data-status="on_hold"]').waitFor();
        await row.getByRole('button', { name: /^Board/ }).click();
        const refusal = page.locator('main .usa-alert--error[role="alert"]');
        await refusal.waitFor();
        const detail = (await refusal.textContent()) ?? '';
        assert(
          detail.includes(hold.court) && detail.includes(hold.case) && /legal hold/.test(detail),
          `the refusal does not name the hold: ${detail}`,
        );
        log(`         (the API said: ${detail.replace(/^Refused/, '').trim()})`);
        const holdsCell = (await row.locator('td').nth(2).textContent()) ?? '';
        assert(holdsCell.includes(hold.case), `the checklist does not show the hold: ${holdsCell}`);
        assert((await row.locator('[data-entry-status="added"]').count()) === 1, 'the person boarded');
        await blur();
        await screenshot(page, 'manifest-hold-refused');
        // The same refusal in Spanish: the page asks the API in its language, and the API answers in it.
        await page.getByRole('button', { name: 'Español' }).click();
        await page.waitForSelector('html[lang="es"]');
        await row.getByRole('button', { name: /^Embarcar/ }).click();
        const spanish = page.locator('main .usa-alert--error[role="alert"]');
        await page.waitForFunction(() =>
          /orden judicial/.test(
            document.querySelector('main .usa-alert--error[role="alert"]')?.textContent ?? '',
          ),
        );
        const detailEs = (await spanish.textContent()) ?? '';
        assert(
          detailEs.includes(hold.court) && detailEs.includes(hold.case) && /no puede embarcar/.test(detailEs),
          `the Spanish refusal does not name the hold: ${detailEs}`,
        );
        log(`         (la API dijo: ${detailEs.replace(/^Rechazado/, '').trim()})`);
        await blur();
        await screenshot(page, 'manifest-hold-refused-es');
        await page.getByRole('button', { name: 'English' }).click();
        await page.waitForSelector('html[lang="en"]');
        await row.getByRole('link', { name: 'Transfer', exact: true }).click();
        await transferState('on_hold');
        assert(
          (await text('.custodia-holds')).includes(hold.case),
          'the transfer page does not list the hold',
        );
      },
    ],
  ];
}
