import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AccessProvider } from '../access.tsx';
import { renderIn } from '../test-support/render.tsx';
import { IntakeChecklist } from './intake-checklist.tsx';
import { LinkedTransfers } from './linked-transfers.tsx';
import { ManifestsTable } from './manifests-table.tsx';
import {
  aBoardedEntry,
  alerts,
  anArrivedManifest,
  mockApi,
  respond,
  WithRunner,
  writes,
} from './test-fixtures.tsx';

afterEach(() => {
  vi.restoreAllMocks();
});

/** A return manifest that arrived in Alexandria with one man boarded, awaiting his handover. */
const aReturn = (overrides = {}) =>
  anArrivedManifest({ direction: 'return', origin: 'SAL', destination: 'AEX', ...overrides });

function render(lang: 'en' | 'es', manifest = aReturn()) {
  return renderIn(
    <AccessProvider actions={['return_manifest:hand_over']}>
      <WithRunner>{(runner) => <IntakeChecklist manifest={manifest} runner={runner} />}</WithRunner>
    </AccessProvider>,
    lang,
  );
}

describe('the handover at the end of a return', () => {
  it('refuses a handover that does not name the agency and the officer, and sends nothing', async () => {
    const sent = mockApi(() => respond(500, {}));
    render('en');
    expect(screen.queryByLabelText('Identity matched')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: /^Record the handover/ }));
    expect(alerts()).toEqual([
      'Name the agency or authority that took the person.',
      'Name the officer who took the person.',
    ]);
    expect(screen.getByLabelText(/^Agency or authority/).getAttribute('aria-invalid')).toBe('true');
    expect(writes(sent)).toEqual([]);
  });

  it('refuses it in Spanish', async () => {
    const sent = mockApi(() => respond(500, {}));
    render('es');
    await userEvent.click(screen.getByRole('button', { name: /^Registrar la entrega/ }));
    expect(alerts()).toEqual([
      'Indique el organismo o la autoridad que recibió a la persona.',
      'Indique el funcionario que recibió a la persona.',
    ]);
    expect(writes(sent)).toEqual([]);
  });

  it('sends the agency and the officer, by name', async () => {
    const sent = mockApi(() => respond(200, aReturn()));
    render('en');
    await userEvent.type(screen.getByLabelText(/^Agency or authority/), ' US-ICE ');
    await userEvent.type(screen.getByLabelText(/^Officer/), 'Deportation Officer M. Castellanos');
    await userEvent.click(screen.getByRole('button', { name: /^Record the handover/ }));
    expect(await screen.findAllByText('Ana Pérez (ICE-2026-0001) handed over to US-ICE.')).not.toHaveLength(
      0,
    );
    expect(writes(sent)).toEqual([
      {
        method: 'POST',
        path: '/api/v1/manifests/m-1/transfers/t-1/hand-over',
        body: { agency: 'US-ICE', officer: 'Deportation Officer M. Castellanos' },
      },
    ]);
  });

  it('shows who took the person once handed over, and offers intake to nobody', () => {
    const handed = aBoardedEntry({
      status: 'handed_over',
      receivedAt: '2026-03-01T19:30:00.000Z',
      handover: { agency: 'US-ICE', officer: 'M. Castellanos' },
    });
    render('en', aReturn({ entries: [handed] }));
    expect(screen.getByText(/^Taken by M\. Castellanos, US-ICE,/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /handover|Receive/ })).toBeNull();
  });
});

describe('directions on the manifests list and the transfer page', () => {
  it('names each manifest’s direction, and a repatriation’s country', () => {
    const row = { ...anArrivedManifest(), people: 1 };
    renderIn(
      <ManifestsTable
        manifests={[
          { ...row, manifestId: 'm-1' },
          { ...row, manifestId: 'm-2', direction: 'repatriation', country: 'VE' },
        ]}
      />,
      'es',
    );
    expect(screen.getByText('Ida')).toBeTruthy();
    expect(screen.getByText('Repatriación')).toBeTruthy();
    expect(screen.getByText('VE')).toBeTruthy();
  });

  it('links a return to the transfer it undoes, with its court order and handover', () => {
    renderIn(
      <LinkedTransfers
        transfer={{
          direction: 'return',
          country: null,
          courtOrder: { court: 'U.S. District Court, D.D.C.', case: '1:25-cv-01893' },
          handover: { agency: 'US-ICE', officer: 'M. Castellanos', at: '2025-07-02T19:30:00.000Z' },
          linked: [{ transferId: 't-0', direction: 'outbound', status: 'returned', relation: 'original' }],
        }}
      />,
      'en',
    );
    expect(screen.getByRole('heading', { name: 'Linked transfers' })).toBeTruthy();
    expect(screen.getByText('Court order: U.S. District Court, D.D.C., 1:25-cv-01893')).toBeTruthy();
    expect(screen.getByText(/^Handed over to US-ICE \(M\. Castellanos\)/)).toBeTruthy();
    expect(
      screen.getByRole('link', { name: 'Brought here by transfer t-0 (Returned)' }).getAttribute('href'),
    ).toBe('/transfers/t-0');
  });
});
