import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AccessProvider } from '../access.tsx';
import type { Hearing } from '../hearings/api.ts';
import { json } from '../test-support/fetch.ts';
import { renderIn } from '../test-support/render.tsx';
import type { LegalVisit } from '../visits/api.ts';
import { CounselHome } from './counsel-home.tsx';
import { aHearing, aVisit } from './test-fixtures.ts';

const REP = {
  id: 'r1',
  personRef: 'ICE-1',
  agreementId: 'a1',
  officeId: 'o1',
  officeCode: 'Abogados Unidos',
  from: '2025-03-01',
  to: null,
  source: 'recorded',
  confirmedAt: '2025-03-01T10:00:00Z',
};
const person = (id: string, ref: string) => ({
  id,
  ref,
  names: { given: 'José Luis', paternal: ref, maternal: null },
  custody: {
    status: 'in_custody',
    facility: { id: 'f1', code: 'SV-CECOT', name: 'CECOT' },
    since: '2025-03-16T02:00:00Z',
    cell: 'M2-C14',
  },
});
const hearing = (id: string, start: string, status: Hearing['status'] = 'booked') =>
  aHearing({ id, start, end: start, status });
const visit = (id: string, status: LegalVisit['status'], over: Partial<LegalVisit> = {}) =>
  aVisit({ id, status, ...over });

/** Client p1 has a past hearing, the next one and a later one; p2 none. */
function serve() {
  return vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
    const url = new URL(String(input), 'http://localhost');
    if (url.pathname === '/api/v1/representations/own')
      return json({ items: [REP, { ...REP, id: 'r2', personId: 'p2', personRef: 'ICE-2' }] });
    if (url.pathname === '/api/v1/people')
      return json({ items: [person('p1', 'ICE-1'), person('p2', 'ICE-2')], nextCursor: null, total: 2 });
    if (url.pathname === '/api/v1/people/p1/hearings')
      return json({
        personId: 'p1',
        facilityZone: 'America/El_Salvador',
        hearings: [
          hearing('h3', '2025-05-02T15:00:00Z'),
          hearing('h2', '2025-04-14T15:00:00Z'),
          hearing('h0', '2025-04-01T15:00:00Z', 'cancelled'),
          hearing('h1', '2025-03-10T15:00:00Z'),
        ],
      });
    if (url.pathname === '/api/v1/people/p2/hearings')
      return json({ personId: 'p2', facilityZone: null, hearings: [] });
    if (url.pathname === '/api/v1/people/p1/legal-visits')
      return json({
        personId: 'p1',
        visits: [
          visit('v1', 'requested'),
          visit('v2', 'scheduled', {
            kind: 'in_person',
            room: 'SALA-2',
            startsAt: '2025-03-21T16:00:00Z',
            endsAt: '2025-03-21T17:00:00Z',
          }),
          visit('v3', 'held'),
          visit('v4', 'refused', { reasonCode: 'no_room', reason: 'Closed' }),
        ],
      });
    if (url.pathname === '/api/v1/people/p2/legal-visits') return json({ personId: 'p2', visits: [] });
    return json({ title: 'Not found', status: 404 }, 404);
  });
}

const WORDS = {
  en: {
    clients: 'Your clients and their custody status',
    nextHearing: 'Next hearing',
    visits: 'Legal visit requests',
    hearing: 'D.D.C., Habeas corpus',
    courtClock: 'Apr 14, 2025, 11:00 AM EDT, court’s clock',
    facilityClock: 'Apr 14, 2025, 9:00 AM CST, facility’s clock',
    none: 'None booked',
    noVisits: 'None pending',
    requested: 'Requested, VideoPreferred Mar 24, 2025, 9:00 AM CST to Mar 25, 2025, 3:00 PM CST',
    scheduled: 'Scheduled, In personMar 21, 2025, 10:00 AM CST, room SALA-2',
    maySee: 'What you may see',
    mayTransfers: 'read your clients’ transfers',
    mayPeople: 'their custody status (never the cell)',
  },
  es: {
    clients: 'Sus clientes y su situación de custodia',
    nextHearing: 'Próxima audiencia',
    visits: 'Solicitudes de visita legal',
    hearing: 'D.D.C., Hábeas corpus',
    courtClock: 'hora del tribunal',
    facilityClock: 'hora del centro',
    none: 'Ninguna programada',
    noVisits: 'Ninguna pendiente',
    requested: 'Solicitada, VideollamadaPreferiblemente del 24 mar 2025',
    scheduled: 'Programada, Presencial',
    maySee: 'Lo que puede ver',
    mayTransfers: 'consultar los traslados de sus clientes',
    mayPeople: 'su situación de custodia (nunca la celda)',
  },
} as const;

afterEach(() => {
  vi.restoreAllMocks();
});

describe.each(['en', 'es'] as const)("the counsel home's hearings and visit requests (%s)", (lang) => {
  const w = WORDS[lang];

  it('shows each client’s next hearing on both clocks and their pending visit requests, one request a kind', async () => {
    const fetch = serve();
    const { container } = renderIn(
      <AccessProvider
        actions={['people:read', 'transfers:read', 'ledger:read', 'hearings:read', 'legal_visits:read']}
        userRole="counsel"
      >
        <CounselHome today="2025-03-20" />
      </AccessProvider>,
      lang,
    );
    const table = await screen.findByRole('table', { name: w.clients });
    expect(within(table).getByRole('columnheader', { name: w.nextHearing })).toBeTruthy();
    expect(within(table).getByRole('columnheader', { name: w.visits })).toBeTruthy();
    const [, first, second] = within(table).getAllByRole('row');
    if (!first || !second) throw new Error('two clients expected');
    const next = await within(first).findByText(w.hearing);
    expect(next.closest('[data-next-hearing]')?.getAttribute('data-next-hearing')).toBe('h2');
    expect(first.textContent).toContain(w.courtClock);
    expect(first.textContent).toContain(w.facilityClock);
    await within(first).findByText(w.scheduled, { exact: false });
    const visits = [...first.querySelectorAll('[data-visit-id]')].map((li) => li.textContent ?? '');
    expect(visits).toHaveLength(2);
    expect(visits[0]).toContain(w.requested);
    expect(visits[1]).toContain(w.scheduled);
    expect(await within(second).findByText(w.none)).toBeTruthy();
    expect(await within(second).findByText(w.noVisits)).toBeTruthy();
    expect(container.textContent).not.toContain('M2-C14');
    const maySee = screen.getByRole('region', { name: w.maySee });
    expect(maySee.textContent).toContain(w.mayTransfers);
    expect(maySee.textContent).toContain(w.mayPeople);
    expect(maySee.textContent).not.toMatch(/manifest/i);
    const paths = fetch.mock.calls.map(([path]) => new URL(String(path), 'http://localhost').pathname);
    for (const kind of ['hearings', 'legal-visits'])
      for (const id of ['p1', 'p2'])
        expect(paths.filter((p) => p === `/api/v1/people/${id}/${kind}`)).toHaveLength(1);
  });
});
