// What the flows share of the run: the page and the server, the API callers and the people, transfers
// and cell the flows create, and the page helpers. The flows read it when a step runs, not when the
// steps are listed, so the page launched by an earlier step is there.

import { randomBytes } from 'node:crypto';
import { SCREENSHOTS } from './screenshots.js';
import { assert, log } from './steps.js';
import { dayFromToday, wallClock } from './time.js';
import { signInAs, USERS } from './users.js';

/** The flows' shared state and helpers; `page`, `base` and `scanner` are set as the run starts. */
export function createFlow() {
  const flow = {
    /** @type {import('playwright-core').Page} */
    page: null,
    base: '',
    /** @type {ReturnType<typeof import('./axe.js').createScanner> | null} */
    scanner: null,
    /** Errors thrown in the page, checked at the end of the run. */
    pageErrors: [],
    // Distinguishes this run's people and flights from the scenario's.
    SUFFIX: randomBytes(3).toString('hex').toUpperCase(),
    // API callers by role, the people (1: full flow, 2: hold, 3: unaccounted for on the first manifest)
    // and their transfers.
    api: {},
    people: {},
    transfers: {},
    // Shared between the housing and standards flows: the facility and the cell person 1 was housed in.
    housed: { facilityId: '', cell: '' },
    USERS,
    SCREENSHOTS,
    assert,
    log,
    dayFromToday,
    wallClock,
    /** Signs out whoever is signed in, then signs in through the UI as `role` and lands on `path`. */
    signInAs: (role, path) => signInAs(flow, role, path),
    /** The trimmed text of the first element `selector` matches. */
    text: async (selector) => ((await flow.page.locator(selector).first().textContent()) ?? '').trim(),
    /** Takes the focus off whatever has it, so a screenshot shows no focus ring. */
    blur: () =>
      flow.page.evaluate(
        () => document.activeElement instanceof HTMLElement && document.activeElement.blur(),
      ),
    /**
     * Scans the page the flow is on with axe in both languages, unless its route (or `variant`, another
     * name for what a role sees of it) was scanned already.
     */
    scan: (variant) => flow.scanner?.scan(variant) ?? Promise.resolve(),
    /** Waits until the transfer page shows `status` (the tag carries the state's code). */
    transferState: (status) =>
      flow.page.locator(`.custodia-transfer-state [data-status="${status}"]`).waitFor(),
    /** Waits until the manifest page's heading shows `status`. */
    manifestState: (status) => flow.page.locator(`main h1 [data-status="${status}"]`).waitFor(),
    /** The manifest's boarding checklist row of a transfer. */
    boardingRow: (transferId) => flow.page.locator(`.custodia-boarding tr[data-transfer-id="${transferId}"]`),
    /** The manifest's intake row of a transfer. */
    intakeRow: (transferId) => flow.page.locator(`.custodia-intake tr[data-transfer-id="${transferId}"]`),
  };
  return flow;
}
