// A transfer from nomination to intake on a manifest, signing in as each role in turn: the sending officer
// nominates person 1 from the person page, sending legal screens and approves, the receiving officer
// accepts; the transfers board groups by state and keeps its filters in the URL; a manifest with zoned
// times takes person 1 (and person 3 through the API), both board and depart; on arrival the dashboard
// raises the alarm while someone is unaccounted for; intake refuses an unmatched identity, then receives
// person 1; closing is refused until an exception explains person 3, and the transfer page shows the
// custody interval and the Rule 68 notification due time.

import { eligiblePerson, RULE_IDS } from './lib/scenario.js';
import { screenshot } from './lib/screenshots.js';
import { apiSession } from './lib/users.js';

/**
 * The transfer steps, `[name, async fn]` as run.js runs them.
 * @param {ReturnType<typeof import('./lib/context.js').createFlow>} flow the run's shared state
 */
export function transferSteps(flow) {
  const { assert, log, text, blur, api, people, transfers, SUFFIX, USERS, wallClock } = flow;
  const { signInAs, transferState, manifestState, boardingRow, intakeRow } = flow;
  const flight = `GXA ${SUFFIX}`;
  let firstManifest = '';

  return [
    [
      'creates three eligible people through the API; the second and third are accepted for transfer',
      async () => {
        const { page, base } = flow;
        api.sendingOfficer = await apiSession(base, USERS.sending_officer);
        api.sendingLegal = await apiSession(base, USERS.sending_legal);
        api.receivingOfficer = await apiSession(base, USERS.receiving_officer);
        const names = [
          { given: 'José Luis', paternal: 'Hernández', maternal: 'Martínez' },
          { given: 'Ana María', paternal: 'Pérez', maternal: 'Rivas' },
          { given: 'Carlos', paternal: 'Ramírez', maternal: 'Díaz' },
        ];
        for (const [i, name] of names.entries()) {
          const ref = `E2E-${SUFFIX}-${i + 1}`;
          const record = eligiblePerson(ref, name);
          people[i + 1] = await api.sendingOfficer('POST', '/api/v1/people?agreement=cecot-2025', record);
          // What the public locator is asked for (locator-flow.js).
          people[i + 1].aNumber = record.identifiers[0].value;
        }
        for (const n of [2, 3]) {
          const { id, agreementId } = people[n];
          transfers[n] = (
            await api.sendingOfficer('POST', '/api/v1/transfers', { personId: id, agreementId })
          ).transferId;
          const act = (as, action) => as('POST', `/api/v1/transfers/${transfers[n]}/actions`, { action });
          await act(api.sendingLegal, 'screen');
          await act(api.sendingLegal, 'approve');
          const accepted = await act(api.receivingOfficer, 'accept');
          assert(accepted.status === 'accepted', `transfer ${n} is ${accepted.status}, not accepted`);
        }
        // The rest of the run reads English.
        await page.evaluate(() => localStorage.setItem('custodia.lang', 'en'));
      },
    ],
    [
      'as the sending officer, nominates the first person from the person page',
      async () => {
        const { page } = flow;
        await signInAs('sending_officer', `/people/${people[1].id}`);
        await page.getByRole('heading', { name: 'Transfers', level: 2 }).waitFor();
        await page.getByText('This person has no transfer.').waitFor();
        await page.getByRole('button', { name: 'Nominate for transfer' }).click();
        await page.waitForURL(/\/transfers\/[0-9a-f-]+$/);
        transfers[1] = new URL(page.url()).pathname.split('/').pop();
        await transferState('nominated');
        const heading = await text('main h1');
        assert(heading.includes(people[1].ref), `the transfer page heading is "${heading}"`);
        const main = await text('main');
        for (const words of ['Timeline', 'Nominated', 'Cancel the transfer', 'No status']) {
          assert(main.includes(words), `the transfer page has no "${words}"`);
        }
      },
    ],
    [
      'as sending legal, the screening page shows the nine rules; the transfer is screened and approved',
      async () => {
        const { page, base } = flow;
        await signInAs('sending_legal', `/people/${people[1].id}/screening`);
        await page.locator('.custodia-outcome').waitFor();
        const outcome = await text('.custodia-outcome .usa-alert__heading');
        assert(outcome === 'Outcome: Eligible', `the first person's screening reads "${outcome}"`);
        const ids = await page.locator('.custodia-rule__id').allTextContents();
        assert(ids.join(' ') === RULE_IDS.join(' '), `the rules shown are ${ids.join(', ')}`);
        // From the person page's list of transfers to the transfer page.
        await page.getByRole('link', { name: /^← Back to / }).click();
        await page.getByRole('link', { name: /^Transfer, last changed/ }).click();
        await page.waitForURL(`${base}/transfers/${transfers[1]}`);
        await transferState('nominated');
        await page.getByRole('button', { name: 'Screen', exact: true }).click();
        await transferState('screened');
        await page.getByText('Done. The transfer is now Screened.').waitFor();
        await page.getByRole('button', { name: 'Approve', exact: true }).click();
        await transferState('approved');
        const timeline = await text('.custodia-timeline');
        for (const words of [
          'Screened',
          'Approved',
          'Sending state legal',
          'Screening made at that moment: Eligible',
        ]) {
          assert(timeline.includes(words), `the timeline has no "${words}"`);
        }
      },
    ],
    [
      'as the receiving officer, accepts the transfer (rejecting would ask for a reason)',
      async () => {
        const { page } = flow;
        await signInAs('receiving_officer', `/transfers/${transfers[1]}`);
        await transferState('approved');
        const reasons = await page.getByLabel('Reason').locator('option').allTextContents();
        for (const reason of ['No space within the bed allotment', 'Outside the agreement terms']) {
          assert(reasons.includes(reason), `the rejection reasons are: ${reasons.join(', ')}`);
        }
        await page.getByRole('button', { name: 'Accept', exact: true }).click();
        await transferState('accepted');
      },
    ],
    [
      'the transfers board groups by state in DOMAIN order and keeps its filters in the URL',
      async () => {
        const { page, base } = flow;
        await page.getByRole('link', { name: 'Transfers', exact: true }).click();
        await page.waitForURL(`${base}/transfers`);
        await page.locator('.custodia-board-section').first().waitFor();
        const order = await page
          .locator('.custodia-board-section')
          .evaluateAll((sections) => sections.map((s) => s.getAttribute('data-status')));
        const domainOrder = ['nominated', 'screened', 'approved', 'accepted', 'scheduled', 'in_transit'];
        const known = [...domainOrder, 'received', 'on_hold', 'cancelled', 'rejected', 'returned'];
        const positions = order.map((status) => known.indexOf(status));
        assert(
          positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1])),
          `the sections are not in DOMAIN order: ${order.join(', ')}`,
        );
        assert(order.includes('accepted') && order.includes('cancelled'), `sections: ${order.join(', ')}`);
        await blur();
        await screenshot(page, 'transfers-board');
        // USWDS draws its own checkbox over the label; the input itself is off screen.
        await page.locator('.custodia-state-options label', { hasText: /^Accepted/ }).click();
        assert(
          await page.getByRole('checkbox', { name: /^Accepted/ }).isChecked(),
          'Accepted is not checked',
        );
        await page.getByRole('searchbox', { name: 'Name or reference' }).fill(`E2E-${SUFFIX}`);
        await page.getByLabel('Nationality').fill('SV');
        await page.getByRole('button', { name: 'Apply filters' }).click();
        await page.waitForURL(
          (url) =>
            url.searchParams.get('status') === 'accepted' &&
            url.searchParams.get('q') === `E2E-${SUFFIX}` &&
            url.searchParams.get('nationality') === 'SV',
        );
        await page.reload();
        const rows = page.locator('.custodia-board-section[data-status="accepted"] tbody tr');
        await rows.first().waitFor();
        const refs = (await rows.locator('td:first-child').allTextContents()).sort();
        const expected = [1, 2, 3].map((n) => people[n].ref);
        assert(refs.join(' ') === expected.join(' '), `the filtered board lists ${refs.join(', ')}`);
        assert(
          (await page.locator('.custodia-board-section').count()) === 1,
          'the board shows other states than the one filtered',
        );
        assert(
          await page.getByRole('checkbox', { name: /^Accepted/ }).isChecked(),
          'the state filter did not survive a reload',
        );
      },
    ],
    [
      'as the sending officer, creates a manifest bound for SV-CECOT with zoned times',
      async () => {
        const { page } = flow;
        await signInAs('sending_officer', '/manifests');
        await page.getByRole('heading', { name: 'Create a manifest' }).waitFor();
        // The scenario's nine closed 2025 flights are listed, newest first.
        await page.locator('main table tbody tr').first().waitFor();
        const listed = await page.locator('main table tbody tr').allInnerTexts();
        assert(
          listed.length >= 9 && listed.some((row) => /EAX 3101/.test(row)),
          `the manifests list shows ${listed.length} rows`,
        );
        await blur();
        await screenshot(page, 'manifests');
        await flow.scan();
        await page.getByLabel('Receiving facility').selectOption('SV-CECOT');
        await page.getByLabel('Carrier').fill('GlobalX');
        await page.getByLabel('Flight number').fill(flight);
        await page.getByLabel('Origin').fill('HRL');
        await page.getByLabel('Destination').fill('SAL');
        const departure = page.getByRole('group', { name: 'Scheduled departure' });
        await departure.getByLabel('Local date and time').fill(wallClock('America/Chicago', -10));
        await departure.getByLabel('Time zone (IANA)').fill('America/Chicago');
        const arrival = page.getByRole('group', { name: 'Scheduled arrival' });
        await arrival.getByLabel('Local date and time').fill(wallClock('America/El_Salvador', 120));
        await arrival.getByLabel('Time zone (IANA)').fill('America/El_Salvador');
        const sentAs = await departure.locator('.usa-hint').textContent();
        assert(
          /Sent as \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00-0[56]:00/.test(sentAs),
          `the hint reads "${sentAs}"`,
        );
        await page.getByRole('button', { name: 'Create the manifest' }).click();
        await page.waitForURL(/\/manifests\/[0-9a-f-]+$/);
        firstManifest = new URL(page.url()).pathname.split('/').pop();
        await manifestState('open');
        const facts = await text('.custodia-manifest-facts');
        for (const words of [
          'GlobalX',
          'HRL → SAL',
          'SV-CECOT',
          '(America/Chicago)',
          '(America/El_Salvador)',
        ]) {
          assert(facts.includes(words), `the manifest header has no "${words}": ${facts}`);
        }
      },
    ],
    [
      'adds the transfer to the manifest from its transfer page (the third person through the API)',
      async () => {
        const { page, base } = flow;
        await page.goto(`${base}/transfers/${transfers[1]}`);
        await transferState('accepted');
        await page.getByLabel('Open manifests').selectOption(firstManifest);
        await page.getByRole('button', { name: 'Add to a manifest' }).click();
        await transferState('scheduled');
        await page.getByRole('link', { name: 'Open the manifest' }).first().waitFor();
        await api.sendingOfficer('POST', `/api/v1/manifests/${firstManifest}/transfers`, {
          transferId: transfers[3],
        });
      },
    ],
    [
      'boards both people on the boarding checklist and records the departure',
      async () => {
        const { page, base } = flow;
        await page.getByRole('link', { name: 'Open the manifest' }).first().click();
        await page.waitForURL(`${base}/manifests/${firstManifest}`);
        for (const n of [1, 3]) {
          const row = boardingRow(transfers[n]);
          await row.getByRole('button', { name: /^Board/ }).click();
          await row.locator('[data-entry-status="boarded"]').waitFor();
        }
        await page.getByRole('button', { name: 'Record the departure' }).click();
        await manifestState('departed');
        assert((await text('.custodia-manifest-facts')).includes('Actual departure'), 'no actual departure');
      },
    ],
    [
      'as the receiving officer, records the arrival; the dashboard shows the alarm for the manifest',
      async () => {
        const { page, base } = flow;
        await signInAs('receiving_officer', `/manifests/${firstManifest}`);
        await page.getByRole('button', { name: 'Record the arrival' }).click();
        await manifestState('arrived');
        await page.locator('main .custodia-alarm').waitFor();
        await page.getByRole('link', { name: 'Dashboard' }).click();
        await page.waitForURL(`${base}/`);
        const alarm = page.locator(`.custodia-alarm[data-manifest-id="${firstManifest}"]`);
        await alarm.waitFor();
        const words = (await alarm.textContent()) ?? '';
        assert(
          /Manifest not reconciled/.test(words) &&
            /Unaccounted for: 2/.test(words) &&
            words.includes(people[1].ref) &&
            words.includes(people[3].ref) &&
            /Open manifest GlobalX /.test(words),
          `the alarm names the flight and who is unaccounted for: ${words}`,
        );
        // The scenario may have people in transit too: at least this manifest's two are counted.
        const inTransit = page.locator('.custodia-state-count--in_transit');
        const counted = Number.parseInt(((await inTransit.textContent()) ?? '').replace(/[^\d]/g, ''), 10);
        assert(counted >= 2, `the dashboard counts ${counted} in transit`);
        await page.locator('.custodia-chart').first().waitFor();
        await blur();
        await screenshot(page, 'dashboard-alarm');
        await inTransit.getByRole('link').click();
        await page.waitForURL(
          (url) => url.pathname === '/transfers' && url.searchParams.get('status') === 'in_transit',
        );
        await page.locator(`.custodia-board a[href="/transfers/${transfers[1]}"]`).waitFor();
      },
    ],
    [
      'intake refuses an identity that did not match, then receives the first person (biometric, matched)',
      async () => {
        const { page, base } = flow;
        await page.goto(`${base}/manifests/${firstManifest}`);
        const row = intakeRow(transfers[1]);
        await row.getByLabel('Method').selectOption('biometric');
        await row.getByRole('button', { name: /^Receive/ }).click();
        const refusal = page.locator('main .usa-alert--error[role="alert"]', { hasText: 'did not match' });
        await refusal.waitFor();
        await row.locator('label', { hasText: 'Identity matched' }).click();
        assert(await row.getByLabel('Identity matched').isChecked(), '"Identity matched" is not checked');
        await row.getByRole('button', { name: /^Receive/ }).click();
        await row.locator('[data-entry-status="received"]').waitFor();
        assert((await row.textContent()).includes('Biometric: matched'), 'the identity check is not shown');
        const reconciliation = page.locator('.custodia-reconciliation');
        assert((await reconciliation.getAttribute('data-reconciled')) === 'false', 'reconciled too early');
        assert(
          (await reconciliation.textContent()).includes(people[3].ref),
          'the third person is not listed',
        );
        await blur();
        await screenshot(page, 'manifest');
      },
    ],
    [
      'closing is refused while someone is unaccounted for, and succeeds once an exception explains it',
      async () => {
        const { page } = flow;
        await page.getByRole('button', { name: 'Close the manifest' }).click();
        const refusal = page.locator('main .usa-alert--error[role="alert"]', { hasText: 'cannot close' });
        await refusal.waitFor();
        const detail = (await refusal.textContent()) ?? '';
        assert(
          detail.includes(transfers[3]),
          `the refusal does not name the unaccounted transfer: ${detail}`,
        );
        log(`         (the API said: ${detail.replace(/^The manifest was not closed/, '').trim()})`);
        const row = intakeRow(transfers[3]);
        await row.getByRole('button', { name: /^Missing after transport/ }).click();
        await row
          .getByLabel(/Explain the exception/)
          .fill('Not at the intake count at CECOT; the carrier was asked.');
        await row.getByRole('button', { name: 'Record the exception' }).click();
        await row.locator('[data-entry-status="exception"]').waitFor();
        await page.locator('.custodia-reconciliation[data-reconciled="true"]').waitFor();
        assert((await text('.custodia-reconciliation')).includes('Reconciled'), 'not shown as reconciled');
        await page.getByRole('button', { name: 'Close the manifest' }).click();
        await manifestState('closed');
      },
    ],
    [
      'the transfer page says received, with the custody interval and the Rule 68 notification due time',
      async () => {
        const { page, base } = flow;
        await page.goto(`${base}/transfers/${transfers[1]}`);
        await transferState('received');
        const custody = await text('[data-testid="custody-interval"]');
        assert(/open \(in custody\)/.test(custody) && custody.includes('America/El_Salvador'), custody);
        const rule68 = await text('[data-testid="rule68"]');
        assert(/Mandela Rule 68/.test(rule68) && /Due by/.test(rule68), `Rule 68: ${rule68}`);
        assert(
          rule68.includes('America/El_Salvador'),
          `the due time is not in the facility's zone: ${rule68}`,
        );
        assert(
          (await text('.custodia-timeline')).includes('Received at intake'),
          'no intake in the timeline',
        );
        await blur();
        await screenshot(page, 'transfer');
        await page.getByRole('button', { name: 'Español' }).click();
        await page.waitForSelector('html[lang="es"]');
        await page.getByRole('heading', { name: 'Cronología' }).waitFor();
        const main = await text('main');
        for (const words of [
          'Recibido',
          'Periodo de custodia',
          'Regla 68 de Mandela',
          'Recibido en el ingreso',
        ]) {
          assert(main.includes(words), `no "${words}" in Spanish`);
        }
        await blur();
        await screenshot(page, 'transfer-es');
        await page.getByRole('button', { name: 'English' }).click();
        await page.waitForSelector('html[lang="en"]');
      },
    ],
    [
      'the dashboard shows no alarm for the closed manifest',
      async () => {
        const { page } = flow;
        await page.getByRole('link', { name: 'Dashboard' }).click();
        await page.locator('.custodia-state-counts').waitFor();
        assert(
          (await page.locator(`.custodia-alarm[data-manifest-id="${firstManifest}"]`).count()) === 0,
          'the closed manifest still raises an alarm',
        );
      },
    ],
  ];
}
