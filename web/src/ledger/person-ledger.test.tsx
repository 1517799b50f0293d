import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AccessProvider } from '../access.tsx';
import { json } from '../test-support/fetch.ts';
import { renderIn } from '../test-support/render.tsx';
import type { PersonProofs } from './api.ts';
import { PersonLedger } from './person-ledger.tsx';

const NOTE = 'custodia.local/cecot-2025\n300\nq6u=\n\n— custodia.local/cecot-2025 Az3g\n';
const proofs = (witnessed: boolean): PersonProofs => ({
  personId: 'p1',
  checkpoint: { size: 300, rootHex: 'ab'.repeat(32), witnessed, quorum: 1, note: NOTE },
  ledgerSize: 305,
  entries: [
    {
      index: 12,
      type: 'person.registered',
      recordedAt: '2025-03-01T12:00:00.000Z',
      leafHash: '0f'.repeat(32),
      proof: ['aa'.repeat(32), 'bb'.repeat(32)],
    },
    {
      index: 302,
      type: 'housing.assigned',
      recordedAt: '2025-03-16T02:00:00.000Z',
      leafHash: '1e'.repeat(32),
      proof: null,
    },
  ],
});

function show(
  lang: 'en' | 'es',
  body: PersonProofs | null,
  actions: 'ledger:person_proofs'[] = ['ledger:person_proofs'],
) {
  const fetch = vi
    .spyOn(globalThis, 'fetch')
    .mockImplementation(async () => (body ? json(body) : json({ title: 'Not found', status: 404 }, 404)));
  renderIn(
    <AccessProvider actions={actions}>
      <PersonLedger personId="p1" />
    </AccessProvider>,
    lang,
  );
  return fetch;
}

afterEach(() => vi.restoreAllMocks());

describe('the person page’s ledger entries and proofs', () => {
  it('lists each entry with its index, event, leaf hash and a proof to download, and the checkpoint', async () => {
    const fetch = show('en', proofs(true));
    const table = await screen.findByRole('table', {
      name: 'Ledger entries about this person, oldest first',
    });
    expect(String(fetch.mock.calls[0]?.[0])).toBe('/api/v1/people/p1/ledger');
    const row = within(table).getByRole('row', { name: /person\.registered/ });
    expect(within(row).getByRole('rowheader').textContent).toBe('12');
    expect(row.textContent).toContain('0f'.repeat(32));
    const link = within(row).getByRole('link', { name: 'Proof of entry 12 (JSON)' });
    expect(link.getAttribute('download')).toBe('person-p1-ledger-entry-12.json');
    const file = JSON.parse(decodeURIComponent(link.getAttribute('href')!.split(',').slice(1).join(',')));
    expect(file.entries).toHaveLength(1);
    expect(file.entries[0].index).toBe(12);
    expect(file.checkpoint.note).toBe(NOTE);
    const newer = within(table).getByRole('row', { name: /housing\.assigned/ });
    expect(newer.textContent).toContain('With the next checkpoint');
    expect(
      screen.getByText(
        'Proofs against the checkpoint of 300 entries, cosigned by at least 1 independent witness(es).',
      ),
    ).toBeTruthy();
    expect(screen.getByText(/1 entries are newer than this checkpoint/)).toBeTruthy();
    const note = screen.getByRole('link', { name: 'Download the checkpoint (signed note)' });
    expect(
      decodeURIComponent(note.getAttribute('href')!.replace(/^data:text\/plain;charset=utf-8,/, '')),
    ).toBe(NOTE);
    expect(screen.getByRole('heading', { name: 'How to check a proof yourself' })).toBeTruthy();
  });

  it('says so when no checkpoint is witnessed yet, in Spanish', async () => {
    show('es', proofs(false));
    expect(await screen.findByText(/Aún no hay ningún punto de control atestiguado/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Prueba de la entrada 12 (JSON)' })).toBeTruthy();
    expect(
      screen.getByRole('heading', { name: 'Entradas del registro verificable y sus pruebas' }),
    ).toBeTruthy();
  });

  it('shows nothing to a role that may not read proofs by person, and asks nothing', () => {
    const fetch = show('en', proofs(true), []);
    expect(screen.queryByRole('heading', { name: 'Ledger entries and proofs' })).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });
});
