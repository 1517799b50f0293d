import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import type { PersonListItem, PersonPage } from '../api.ts';
import { renderIn } from '../test-support/render.tsx';
import { PeoplePage } from './people-page.tsx';

const AGREEMENT = { id: 'a1', code: 'cecot-2025', title: 'CECOT 2025' };
const CECOT = { id: 'f1', code: 'SV-CECOT', name: 'Centro de Confinamiento del Terrorismo' };

function aListItem(overrides: Partial<PersonListItem>): PersonListItem {
  return {
    id: 'p0',
    agreementId: AGREEMENT.id,
    ref: 'ICE-0',
    names: { given: 'Ana', paternal: 'Alvarado', maternal: null },
    birthDate: '1990-05-12',
    sex: 'F',
    nationalities: ['SV'],
    legalStatus: 'no_status',
    version: 1,
    custody: { status: 'not_in_custody' },
    latestTransfer: null,
    ...overrides,
  };
}

/** One person held at CECOT in a cell, one released, one nominated, one never moved; 1,234 in all. */
const PAGE: PersonPage = {
  total: 1234,
  nextCursor: 'next',
  items: [
    aListItem({
      id: 'p1',
      ref: 'ICE-1',
      names: { given: 'José Luis', paternal: 'Hernández', maternal: 'Martínez' },
      custody: { status: 'in_custody', facility: CECOT, since: '2025-03-16T04:00:00.000Z', cell: 'M1-C03' },
      latestTransfer: { id: 't1', status: 'received', updatedAt: '2025-03-16T04:00:00.000Z' },
    }),
    aListItem({
      id: 'p2',
      ref: 'ICE-2',
      names: { given: 'Beto', paternal: 'Bonilla', maternal: null },
      custody: {
        status: 'released',
        facility: CECOT,
        releasedAt: '2025-06-01T15:00:00.000Z',
        releaseReason: 'sentence_served',
      },
      latestTransfer: { id: 't2', status: 'received', updatedAt: '2025-03-16T04:00:00.000Z' },
    }),
    aListItem({
      id: 'p3',
      ref: 'ICE-3',
      names: { given: 'Carla', paternal: 'Cruz', maternal: null },
      latestTransfer: { id: 't3', status: 'nominated', updatedAt: '2025-03-20T12:00:00.000Z' },
    }),
    aListItem({ id: 'p4', ref: 'ICE-4', names: { given: 'Diego', paternal: 'Durán', maternal: null } }),
  ],
};

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** Answers the dashboard with one agreement, and the people list with `page` (a search, with its own). */
function serve(page: (url: URL) => PersonPage): MockInstance<typeof fetch> {
  return vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
    const url = new URL(String(input), 'http://localhost');
    if (url.pathname === '/api/v1/dashboard') return json({ agreements: [AGREEMENT] });
    if (url.pathname === '/api/v1/people') return json(page(url));
    return json({ title: 'Not found', status: 404 }, 404);
  });
}

function peopleCalls(fetchMock: MockInstance<typeof fetch>): URL[] {
  return fetchMock.mock.calls
    .map(([input]) => new URL(String(input), 'http://localhost'))
    .filter((url) => url.pathname === '/api/v1/people');
}

function rowOf(name: string): HTMLElement {
  const row = screen.getByRole('link', { name }).closest('tr');
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

describe('PeoplePage', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/people');
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('shows custody, facility and latest transfer columns and the total, in English', async () => {
    serve(() => PAGE);
    renderIn(<PeoplePage />, 'en');
    expect(await screen.findByText('1,234 people')).toBeTruthy();
    const headers = screen.getAllByRole('columnheader').map((th) => th.textContent);
    expect(headers).toEqual([
      'Reference',
      'Name',
      'Nationality',
      'Legal status',
      'Birth date',
      'Custody',
      'Facility',
      'Latest transfer',
    ]);

    const held = within(rowOf('José Luis Hernández Martínez'));
    expect(held.getByText('In custody')).toBeTruthy();
    expect(held.getByText('SV-CECOT')).toBeTruthy();
    expect(held.getByText(/Centro de Confinamiento del Terrorismo/)).toBeTruthy();
    expect(held.getByText('Cell M1-C03')).toBeTruthy();
    const transfer = held.getByRole('link', {
      name: /Latest transfer of José Luis Hernández Martínez: Received/,
    });
    expect(transfer.getAttribute('href')).toBe('/transfers/t1');

    const released = within(rowOf('Beto Bonilla'));
    expect(released.getByText(/^Released /)).toBeTruthy();
    expect(released.getByText('Sentence served')).toBeTruthy();
    expect(released.getByText('Not held at a facility')).toBeTruthy();

    const nominated = within(rowOf('Carla Cruz'));
    expect(nominated.getByText('Not in custody')).toBeTruthy();
    expect(nominated.getByRole('link', { name: /Nominated/ }).getAttribute('href')).toBe('/transfers/t3');

    const never = within(rowOf('Diego Durán'));
    expect(never.getByText('Not in custody')).toBeTruthy();
    expect(never.getByText('No transfer')).toBeTruthy();
  });

  it('shows the same columns and the total in Spanish', async () => {
    serve(() => PAGE);
    renderIn(<PeoplePage />, 'es');
    expect(await screen.findByText('1,234 personas')).toBeTruthy();
    for (const header of ['Custodia', 'Centro', 'Último traslado']) {
      expect(screen.getByRole('columnheader', { name: header })).toBeTruthy();
    }
    const held = within(rowOf('José Luis Hernández Martínez'));
    expect(held.getByText('En custodia')).toBeTruthy();
    expect(held.getByText('Celda M1-C03')).toBeTruthy();
    expect(
      held.getByRole('link', { name: /Último traslado de José Luis Hernández Martínez: Recibido/ }),
    ).toBeTruthy();
    const released = within(rowOf('Beto Bonilla'));
    expect(released.getByText(/^Salida de custodia: /)).toBeTruthy();
    expect(released.getByText('Condena cumplida')).toBeTruthy();
    expect(within(rowOf('Diego Durán')).getByText('No está bajo custodia')).toBeTruthy();
    expect(within(rowOf('Diego Durán')).getByText('Sin traslados')).toBeTruthy();
  });

  it('searches the words typed, trimmed, and says how many match', async () => {
    const fetchMock = serve((url) =>
      url.searchParams.get('q') ? { total: 1, nextCursor: null, items: [PAGE.items[0]!] } : PAGE,
    );
    renderIn(<PeoplePage />, 'en');
    await screen.findByText('1,234 people');
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search people' }), '  hernández ');
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findByText('1 person matches “hernández”')).toBeTruthy();
    expect(new URL(window.location.href).searchParams.get('q')).toBe('hernández');
    expect(peopleCalls(fetchMock).at(-1)?.searchParams.get('q')).toBe('hernández');
    expect(screen.getByRole('link', { name: 'Clear the search' })).toBeTruthy();
  });

  it('says the total of a search in Spanish with separators', async () => {
    window.history.replaceState(null, '', '/people?q=cruz');
    serve(() => ({ ...PAGE, total: 25_000 }));
    renderIn(<PeoplePage />, 'es');
    expect(await screen.findByText('25,000 personas coinciden con «cruz»')).toBeTruthy();
    expect((screen.getByRole('searchbox', { name: 'Buscar personas' }) as HTMLInputElement).value).toBe(
      'cruz',
    );
  });
});
