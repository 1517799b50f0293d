// Video-link hearings (issue 16): receiving custody opens a room all week and closes another on the
// Monday after US clocks change; the court, on a CECOT transferee's page, asks for a slot that collides
// with a booked hearing, is offered up to 3 alternatives, books one, and sees it on the court's clock and
// the facility's; it records the outcome of a hearing that has started, with a legal hold issued at it; the
// booking form offers the alternatives in Spanish too. The court's day list (in New York time) and the
// facility's (by room) show the bookings with their flags: a man released after his hearing was booked, and
// a hearing within 24 hours with no video link yet. The people are the scenario's April transferees; the
// bookings the flow collides with and looks for are made through the API first, dated from today.

import { screenshot, screenshotOf } from './lib/screenshots.js';
import { localIn, mondayAfterUsClockChange } from './lib/time.js';
import { apiSession, HEARING_COURT } from './lib/users.js';

const COURT_ZONE = 'America/New_York';
const FACILITY_ZONE = 'America/El_Salvador';
/** El Salvador keeps UTC−6 all year. */
const FACILITY_OFFSET = -6;

/** `2027-03-15 08:15` as the UI writes a local time, back to `2027-03-15T08:15`. */
const isoLocal = (text) => text.replace(' ', 'T');
/** Hours from one local `YYYY-MM-DDTHH:MM` to another (both read as if UTC: only the difference counts). */
const hoursBetween = (from, to) => (Date.parse(`${to}:00Z`) - Date.parse(`${from}:00Z`)) / 3_600_000;

/**
 * The hearing steps, `[name, async fn]` as run.js runs them. They stand alone: they sign in and make the
 * API sessions they need, so `node test/e2e/run.js --only hearing` runs them after the scenario loads.
 * @param {ReturnType<typeof import('./lib/context.js').createFlow>} flow the run's shared state
 */
export function hearingSteps(flow) {
  const { assert, log, text, blur, SUFFIX } = flow;
  const day = mondayAfterUsClockChange();
  // 09:00 in San Salvador on that Monday: 15:00 UTC.
  const collide = { local: `${day.date}T09:00`, instant: `${day.date}T15:00:00.000Z` };
  const h = {
    facilityId: '',
    /** The court reads A's page (a court order of the scenario names him); B is released; C waits. */
    a: { id: '', ref: '', name: '' },
    b: { id: '', ref: '' },
    c: { id: '', ref: '', date: '' },
    started: { id: '', start: '' },
    booked: { room: '', facility: '', court: '' },
    caseRef: `1:26-cv-H${SUFFIX}`,
  };
  const court = () => flow.api.court;
  const custody = () => flow.api.receivingCustody;
  const bookingForm = () =>
    flow.page.locator('form', {
      has: flow.page.locator('legend', { hasText: /video-link hearing for|audiencia por video/ }),
    });
  /** The person page's section of hearings, whose forms the court uses (the page itself is long). */
  const section = () =>
    flow.page.locator('section', {
      has: flow.page.getByRole('heading', {
        name: /^(Video-link hearings|Audiencias por videoenlace)$/,
        level: 2,
      }),
    });
  const rowOf = (id) => flow.page.locator(`tr[data-hearing-id="${id}"]`);
  const rowText = async (id) => ((await rowOf(id).textContent()) ?? '').replace(/\s+/g, ' ').trim();

  /** The alternatives the form offers: each `{ room, facility, court }` as its text says. */
  const offered = async (form) => {
    const items = await form.locator('[role="alert"] li').allTextContents();
    return items.map((item) => {
      const match = /^(\S+): (\d{4}-\d\d-\d\d \d\d:\d\d) \S+, (\d{4}-\d\d-\d\d \d\d:\d\d)/.exec(item.trim());
      assert(
        match,
        `an alternative does not read "ROOM: facility time here, court time at the court": ${item}`,
      );
      return { room: match[1], facility: isoLocal(match[2]), court: isoLocal(match[3]) };
    });
  };

  /** A slot's court time is its facility time moved by New York's offset that day (−4 after March). */
  const assertZones = (slot, what) => {
    const expected = day.courtOffset - FACILITY_OFFSET;
    const hours = hoursBetween(slot.facility, slot.court);
    assert(
      hours === expected,
      `${what}: ${slot.facility} in ${FACILITY_ZONE} is shown as ${slot.court} in ${COURT_ZONE} (${hours} h apart, not ${expected})`,
    );
  };

  return [
    [
      'through the API: a hearing booked on the Monday after US clocks change, for a man then released',
      async () => {
        const { base } = flow;
        flow.api.court ??= await apiSession(base, flow.USERS.court);
        flow.api.receivingCustody ??= await apiSession(base, flow.USERS.receiving_custody);
        const facilities = await custody()('GET', '/api/v1/facilities');
        h.facilityId = facilities.items.find((f) => f.code === 'SV-CECOT')?.id ?? '';
        assert(h.facilityId, 'CECOT is not among the facilities');
        const held = (p) => p.custody?.status === 'in_custody' && p.custody.facility?.code === 'SV-CECOT';
        // A court reads the people its courts' orders name: the scenario's court ordered one April man held.
        const theirs = await court()('GET', '/api/v1/people?agreement=cecot-2025&limit=100');
        const a = theirs.items.find(held);
        assert(a, `the court reads no one held at CECOT: ${theirs.items.map((p) => p.ref).join(', ')}`);
        Object.assign(h.a, { id: a.id, ref: a.ref, name: `${a.names.given} ${a.names.paternal}` });
        const april = await custody()('GET', '/api/v1/people?agreement=cecot-2025&q=ICE-2025-E&limit=50');
        const [b, c] = april.items.filter((p) => held(p) && p.id !== a.id);
        assert(b && c, 'fewer than three April men are held at CECOT');
        Object.assign(h.b, { id: b.id, ref: b.ref });
        Object.assign(h.c, { id: c.id, ref: c.ref });
        const booked = await court()('POST', '/api/v1/hearings', {
          person: b.id,
          court: HEARING_COURT,
          hearingType: 'habeas',
          start: collide.instant,
          minutes: 30,
          pre: 15,
          room: 'SALA-1',
          caseRef: h.caseRef,
          videoUrl: `https://video.dcd.example/hearing/e2e-${SUFFIX}`,
        });
        assert(booked.booked, `B's hearing was not booked: ${JSON.stringify(booked)}`);
        assert(
          booked.booking.courtTime.local === localIn(COURT_ZONE, collide.instant) &&
            booked.booking.facilityTime.local === collide.local,
          `B's hearing is shown at ${JSON.stringify([booked.booking.courtTime, booked.booking.facilityTime])}`,
        );
        await custody()('POST', `/api/v1/people/${b.id}/release`, { reason: 'sentence_served' });
        log(
          `         (${b.ref} booked in SALA-1 at ${collide.local} San Salvador, ${booked.booking.courtTime.local} New York; then released)`,
        );
      },
    ],
    [
      'as receiving custody, the room editor opens SALA-6 all week and closes SALA-2 that Monday morning',
      async () => {
        const { page } = flow;
        await flow.signInAs('receiving_custody', `/facilities/${h.facilityId}/rooms`);
        await page.getByRole('heading', { name: /^Hearing rooms at /, level: 1 }).waitFor();
        const table = page.locator('table', { has: page.locator('caption', { hasText: 'Hearing rooms' }) });
        const roomRow = (code) => table.locator('tbody tr', { hasText: `${code} ·` });
        for (const code of ['SALA-1', 'SALA-2', 'SALA-3', 'SALA-4', 'SALA-5', 'SALA-6'])
          await roomRow(code).waitFor();
        const sala1 = (await roomRow('SALA-1').textContent()) ?? '';
        assert(
          sala1.includes('Mon-Fri 07:00-12:00 court; Mon-Fri 12:00-16:00'),
          `SALA-1's hours are not the scenario's: ${sala1}`,
        );
        await page.getByLabel('Room', { exact: true }).selectOption('SALA-6');
        await page.getByLabel('Weekly open hours').fill('Mon-Sun 00:00-23:59');
        await page.getByRole('button', { name: 'Save open hours' }).click();
        await page.getByText('Open hours saved.').waitFor();
        await roomRow('SALA-6').filter({ hasText: 'Mon-Sun 00:00-23:59' }).waitFor();
        await page.getByLabel('Room', { exact: true }).selectOption('SALA-2');
        await page.getByLabel('Closed from').fill(`${day.date}T07:00`);
        await page.getByLabel('Until').fill(`${day.date}T12:00`);
        await page.getByLabel('Why the room is closed').fill('Video link maintenance');
        await page.getByRole('button', { name: 'Close the room' }).click();
        await page.getByText('Room closed for that time.').waitFor();
        await roomRow('SALA-2').filter({ hasText: 'Video link maintenance' }).waitFor();
        log(`         (SALA-2: ${((await roomRow('SALA-2').textContent()) ?? '').trim()})`);
        await blur();
        await screenshot(page, 'rooms-editor');

        // Now that SALA-6 is open at any hour: a hearing for A that starts in 3 seconds (its outcome is
        // recorded below), and one for C in half an hour, both with no video link.
        const soon = await court()('POST', '/api/v1/hearings', {
          person: h.a.id,
          court: HEARING_COURT,
          hearingType: 'habeas',
          start: new Date(Date.now() + 3000).toISOString(),
          minutes: 5,
          room: 'SALA-6',
        });
        assert(soon.booked, `A's hearing now was not booked: ${JSON.stringify(soon)}`);
        Object.assign(h.started, { id: soon.booking.id, start: soon.booking.start });
        const later = await court()('POST', '/api/v1/hearings', {
          person: h.c.id,
          court: HEARING_COURT,
          hearingType: 'immigration',
          start: new Date(Date.now() + 30 * 60_000).toISOString(),
          minutes: 30,
          room: 'SALA-6',
        });
        assert(later.booked, `C's hearing in half an hour was not booked: ${JSON.stringify(later)}`);
        h.c.date = later.booking.facilityTime.local.slice(0, 10);
      },
    ],
    [
      'as the court, a slot that collides in SALA-1 offers alternatives on both clocks',
      async () => {
        const { page } = flow;
        // The outcome form lists the hearings that had started when the page was drawn.
        const wait = Date.parse(h.started.start) - Date.now();
        if (wait > 0) await page.waitForTimeout(wait + 100);
        await flow.signInAs('court', `/people/${h.a.id}`);
        await page.getByRole('heading', { name: 'Video-link hearings', level: 2 }).waitFor();
        await rowOf(h.started.id).waitFor();
        const started = await rowText(h.started.id);
        assert(
          started.includes('No video link yet') && started.includes('Booked'),
          `A's hearing of today is not flagged for its missing video link: ${started}`,
        );
        const form = bookingForm();
        await form.getByLabel('Court', { exact: true }).fill(HEARING_COURT);
        await form.getByLabel('Hearing type').selectOption('habeas');
        await form.getByLabel('Starts').fill(collide.local);
        await form.getByLabel('Minutes', { exact: true }).fill('30');
        await form.getByLabel('Room (optional)').fill('SALA-1');
        await form.getByRole('button', { name: 'Book hearing' }).click();
        await form.getByText('That slot is not free. Choose one of these instead:').waitFor();
        const alternatives = await offered(form);
        assert(
          alternatives.length >= 1 && alternatives.length <= 3,
          `${alternatives.length} alternatives offered`,
        );
        for (const alt of alternatives) {
          // Every alternative is near the slot asked for; on that Monday New York is 2 h ahead (1 h in November).
          if (alt.facility.startsWith(day.date)) assertZones(alt, `the alternative ${alt.room}`);
          assert(alt.room !== 'SALA-2', 'SALA-2 is offered although it is closed that morning');
        }
        log(
          `         (offered: ${alternatives.map((a) => `${a.room} ${a.facility} / ${a.court}`).join('; ')})`,
        );
        await blur();
        await screenshotOf(section(), 'hearing-booking-alternatives');
        await flow.scan('/people/:id#hearings');
      },
    ],
    [
      'the court books the first alternative; the booking shows the court’s and the facility’s time',
      async () => {
        const { page } = flow;
        const form = bookingForm();
        const [first] = await offered(form);
        await form
          .getByRole('button', { name: /^Book \S+ at / })
          .first()
          .click();
        const status = form.getByText(/^Hearing booked in /);
        await status.waitFor();
        const said = (await status.textContent()) ?? '';
        const match = /^Hearing booked in (\S+): (\S+ \S+) here, (\S+ \S+) at the court\.$/.exec(said);
        assert(match, `the booking says: ${said}`);
        Object.assign(h.booked, { room: match[1], facility: isoLocal(match[2]), court: isoLocal(match[3]) });
        assert(
          h.booked.room === first.room && h.booked.facility === first.facility,
          `booked ${JSON.stringify(h.booked)}, not the alternative chosen ${JSON.stringify(first)}`,
        );
        if (h.booked.facility.startsWith(day.date)) assertZones(h.booked, 'the booking');
        // The same times, computed here from the instant: 15:00 UTC less the minutes moved.
        const instant = new Date(Date.parse(`${h.booked.facility}:00-06:00`)).toISOString();
        assert(
          localIn(COURT_ZONE, instant) === h.booked.court,
          `the court time ${h.booked.court} is not ${localIn(COURT_ZONE, instant)}`,
        );
        const table = page.locator('table', {
          has: page.locator('caption', { hasText: 'Video-link hearings of' }),
        });
        await table
          .locator('tbody tr', { hasText: `${match[3]} (${COURT_ZONE})` })
          .filter({ hasText: `${match[2]} (${FACILITY_ZONE})` })
          .waitFor();
        log(`         (${said})`);
        await blur();
        await screenshotOf(section(), 'hearing-booked');
      },
    ],
    [
      'the court records the started hearing as held, with a court order issued at it',
      async () => {
        const { page } = flow;
        const form = page.locator('form', {
          has: page.locator('legend', { hasText: 'Record the outcome of a hearing' }),
        });
        // (What the form refuses, in both languages, its component test checks.)
        await form.getByLabel('Hearing', { exact: true }).selectOption(h.started.id);
        await form.getByLabel('Outcome').selectOption('held');
        await form.getByLabel('Legal hold issued at the hearing (optional)').selectOption('court_order');
        await form.getByLabel('Case of the hold').fill(h.caseRef);
        assert(
          (await form.getByLabel('Legal hold issued at the hearing (optional)').textContent())?.includes(
            'Court order',
          ),
          'the hold types are not named in words',
        );
        await blur();
        await screenshotOf(form, 'hearing-outcome');
        await form.getByRole('button', { name: 'Record outcome' }).click();
        await page.getByText('Outcome recorded.').waitFor();
        await page.locator(`tr[data-hearing-id="${h.started.id}"][data-status="held"]`).waitFor();
        const row = await rowText(h.started.id);
        assert(!row.includes('No video link yet'), `a held hearing is still flagged: ${row}`);
        // The hold is in the person's record, in the same transaction, and the page shows it at once.
        await page.locator('main', { hasText: h.caseRef }).waitFor();
        const person = await court()('GET', `/api/v1/people/${h.a.id}`);
        const open =
          person.latestTransfer && !['received', 'cancelled'].includes(person.latestTransfer.status);
        if (open) {
          const transfer = await court()('GET', `/api/v1/transfers/${person.latestTransfer.id}`);
          assert(transfer.status === 'on_hold', `A's open transfer is ${transfer.status}, not on hold`);
        }
        log(
          `         (${h.a.ref}: held, court order ${h.caseRef} recorded; ${open ? 'the open transfer is on hold' : 'no open transfer to put on hold'})`,
        );
      },
    ],
    [
      'in Spanish, the booking form offers the alternatives on both clocks',
      async () => {
        const { page } = flow;
        await page.getByRole('button', { name: 'Español', exact: true }).click();
        await page.waitForSelector('html[lang="es"]');
        // Drawn afresh in Spanish: a success message already on screen stays in the language it was said in.
        await page.reload();
        await page.waitForSelector('html[lang="es"]');
        const form = bookingForm();
        await form.getByLabel('Tribunal', { exact: true }).fill(HEARING_COURT);
        await form.getByLabel('Tipo de audiencia').selectOption('habeas');
        await form.getByLabel('Empieza').fill(collide.local);
        await form.getByLabel('Sala (opcional)').fill('SALA-1');
        await form.getByRole('button', { name: 'Reservar audiencia' }).click();
        await form.getByText('Esa franja no está libre. Elija una de estas:').waitFor();
        const buttons = await form.getByRole('button', { name: /^Reservar \S+ a las / }).count();
        assert(buttons >= 1 && buttons <= 3, `${buttons} alternatives offered in Spanish`);
        const said = await text('main');
        for (const words of ['Audiencias por video', 'Tipo de audiencia']) {
          assert(said.includes(words), `the Spanish page does not say "${words}"`);
        }
        await blur();
        await screenshotOf(section(), 'hearing-booking-es');
        await page.getByRole('button', { name: 'English', exact: true }).click();
        await page.waitForSelector('html[lang="en"]');
      },
    ],
    [
      "the court's day list, on New York's clock, shows both bookings and flags the released man",
      async () => {
        const { page, base } = flow;
        await page.goto(`${base}/`);
        await page.getByRole('link', { name: 'Your court’s video-link hearings by day' }).waitFor();
        // The court's home, with its way to the day list: scanned as the court sees it (the dashboard
        // itself was scanned as the monitor's, unless this flow runs alone).
        await flow.scan();
        await flow.scan('/#court');
        await page.getByRole('link', { name: 'Your court’s video-link hearings by day' }).click();
        await page.getByRole('heading', { name: 'Video-link hearings by day', level: 1 }).waitFor();
        await page.getByLabel('Court', { exact: true }).selectOption(HEARING_COURT);
        await page.getByLabel('Day, on the court’s clock').fill(day.date);
        const caption = `Video-link hearings of ${HEARING_COURT} on ${day.date} (${COURT_ZONE})`;
        const table = page.locator('table', { has: page.locator('caption', { hasText: caption }) });
        const released = table.locator('tbody tr', { hasText: h.b.ref });
        await released.waitFor();
        const b = ((await released.textContent()) ?? '').replace(/\s+/g, ' ');
        for (const words of [
          `${localIn(COURT_ZONE, collide.instant).replace('T', ' ')} (${COURT_ZONE})`,
          `${collide.local.replace('T', ' ')} (${FACILITY_ZONE})`,
          h.caseRef,
          'Person released',
        ]) {
          assert(b.includes(words), `the released man's row does not say "${words}": ${b}`);
        }
        const a = ((await table.locator('tbody tr', { hasText: h.a.ref }).textContent()) ?? '').replace(
          /\s+/g,
          ' ',
        );
        assert(a.includes('Booked') && a.includes('—'), `A's booking is not listed unflagged: ${a}`);
        await blur();
        await screenshot(page, 'court-hearings-day');
        await page.getByRole('button', { name: 'Español', exact: true }).click();
        await page.waitForSelector('html[lang="es"]');
        // The caption is in Spanish now too: the row is found by the man's reference.
        await page
          .locator('main table tbody tr', { hasText: h.b.ref })
          .filter({ hasText: 'Persona liberada' })
          .waitFor();
        await blur();
        await screenshot(page, 'court-hearings-day-es');
        await page.getByRole('button', { name: 'English', exact: true }).click();
        await page.waitForSelector('html[lang="en"]');
      },
    ],
    [
      "the facility's day list, by room: today's hearing with no video link and the released man flagged",
      async () => {
        const { page } = flow;
        await flow.signInAs('receiving_custody', `/facilities/${h.facilityId}/hearings`);
        await page.getByRole('heading', { name: /^Video-link hearings at /, level: 1 }).waitFor();
        const rowFor = (ref) => page.locator('main table tbody tr', { hasText: ref });
        await page.getByLabel('Day', { exact: true }).fill(h.c.date);
        const c = rowFor(h.c.ref);
        await c.filter({ hasText: 'No video link yet' }).waitFor();
        await page.getByLabel('Day', { exact: true }).fill(day.date);
        await page.locator('caption', { hasText: `on ${day.date}` }).waitFor();
        await rowFor(h.b.ref).filter({ hasText: 'Person released' }).waitFor();
        await rowFor(h.a.ref).waitFor();
        const headers = await page.locator('main table thead th').allTextContents();
        const column = headers.indexOf('Room') + 1;
        assert(column > 0, `the facility's list has no Room column: ${headers.join(', ')}`);
        const rooms = await page.locator(`main table tbody tr td:nth-child(${column})`).allTextContents();
        assert(
          rooms.join(' ') === [...rooms].sort().join(' '),
          `the facility's list is not by room: ${rooms.join(', ')}`,
        );
        // The CSV of the same list, as the link downloads it with the officer's session.
        const href = await page.getByRole('link', { name: 'Download this list as CSV' }).getAttribute('href');
        const csv = await (await page.request.get(new URL(href ?? '', flow.base).toString())).text();
        const released = csv.split('\n').find((line) => line.includes(h.b.ref)) ?? '';
        assert(
          released.startsWith('SALA-1,') && released.includes('person_released'),
          `the CSV does not flag the released man: ${released || csv.slice(0, 300)}`,
        );
        await blur();
        await screenshot(page, 'facility-hearings-day');
      },
    ],
  ];
}
