import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, posted } from '../test-support/fetch.ts';
import { renderIn } from '../test-support/render.tsx';
import { HoldLookup } from './hold-lookup.tsx';

const MATCH = { personId: 'p1', ref: 'ICE-1', name: 'José Luis Hernández', agreement: 'cecot-2025' };

describe('HoldLookup', () => {
  afterEach(() => vi.restoreAllMocks());

  it('refuses to look up with neither, and sends nothing', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch');
    renderIn(<HoldLookup />, 'en');
    await userEvent.click(screen.getByRole('button', { name: 'Find the person' }));
    expect(screen.getByRole('alert').textContent).toBe(
      'Give the ref or the A-number, exactly one of the two.',
    );
    expect(fetch).not.toHaveBeenCalled();
  });

  it('refuses both at once in Spanish', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch');
    renderIn(<HoldLookup />, 'es');
    await userEvent.type(screen.getByLabelText('Referencia'), 'ICE-1');
    await userEvent.type(screen.getByLabelText('Número A'), 'A123456789');
    await userEvent.click(screen.getByRole('button', { name: 'Buscar a la persona' }));
    expect(screen.getByRole('alert').textContent).toBe(
      'Indique la referencia o el número A, exactamente uno de los dos.',
    );
    expect(fetch).not.toHaveBeenCalled();
  });

  it('finds the exact match by A-number, then records the hold for that person', async () => {
    const fetch = vi
      .spyOn(globalThis, 'fetch')
      .mockResolvedValueOnce(json({ matches: [MATCH] }))
      .mockResolvedValueOnce(json({ holdId: 'h1', transfersHeld: ['t1'], alerts: [] }, 201));
    renderIn(<HoldLookup />, 'en');
    await userEvent.type(screen.getByLabelText('A-number'), 'A123456789');
    await userEvent.click(screen.getByRole('button', { name: 'Find the person' }));
    expect(String(fetch.mock.calls[0]?.[0])).toBe('/api/v1/holds/person?aNumber=A123456789');
    await userEvent.click(
      await screen.findByRole('button', { name: 'Record a hold for José Luis Hernández (ICE-1)' }),
    );
    await userEvent.type(screen.getByLabelText(/^Court/), 'D.D.C.');
    await userEvent.type(screen.getByLabelText(/^Case/), '1:25-cv-01142');
    await userEvent.click(screen.getByRole('button', { name: 'Record a legal hold' }));
    expect(posted(fetch)).toEqual([
      {
        type: 'tro',
        court: 'D.D.C.',
        case: '1:25-cv-01142',
        issued: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      },
    ]);
    expect(String(fetch.mock.calls[1]?.[0])).toBe('/api/v1/people/p1/holds');
  });

  it('says so when no person has exactly that ref', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValueOnce(json({ status: 404, detail: 'not found' }, 404));
    renderIn(<HoldLookup />, 'es');
    await userEvent.type(screen.getByLabelText('Referencia'), 'ICE-9');
    await userEvent.click(screen.getByRole('button', { name: 'Buscar a la persona' }));
    expect(
      await screen.findByText('Ninguna persona tiene exactamente esa referencia o ese número A.'),
    ).toBeTruthy();
  });
});
