import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { actionsOf } from '../../../src/auth/policy.ts';
import { AccessProvider } from '../access.tsx';
import type { TransferBoard } from '../api.ts';
import { renderIn } from '../test-support/render.tsx';
import { mockApi, respond } from './test-fixtures.tsx';
import { TransfersPage } from './transfers-page.tsx';

const BOARD: TransferBoard = {
  counts: { accepted: 1 },
  transfers: [
    {
      transferId: 't-1',
      personId: 'p-1',
      ref: 'ICE-2026-0001',
      name: 'Ana Pérez',
      nationalities: ['VE'],
      agreementId: 'a-1',
      status: 'accepted',
      holds: 0,
      lastScreening: null,
      manifestId: null,
      updatedAt: '2026-03-01T10:00:00.000Z',
    },
  ],
};

/** The board as counsel sees it when refused: the pages their role opens (the policy's reads), and the notice of appearance. */
function renderBoard(lang: 'en' | 'es' = 'en') {
  return renderIn(
    <AccessProvider actions={actionsOf('counsel')} userRole="counsel">
      <TransfersPage />
    </AccessProvider>,
    lang,
  );
}

beforeEach(() => {
  window.history.replaceState(null, '', '/transfers');
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the transfers board', () => {
  it('answers a refusal with what the role may do, no retry, and no counts or sections', async () => {
    const refusal = 'counsel-1 (role counsel) may not read transfers and manifests.';
    mockApi(() => respond(403, { status: 403, detail: refusal }));
    const { container } = renderBoard();
    await screen.findByRole('heading', { name: 'Not allowed' });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain(refusal);
    expect(alert.textContent).toContain(
      'Your role, Counsel, may open these pages: Dashboard, People, and Transfers.',
    );
    expect(alert.textContent).toContain(
      'It may file a notice of appearance, request a legal visit, and cancel a legal visit.',
    );
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(screen.getByRole('checkbox', { name: 'Accepted' })).toBeTruthy();
    expect(container.querySelector('.custodia-count')).toBeNull();
    expect(container.querySelector('.custodia-board-section')).toBeNull();
  });

  it('says it in Spanish', async () => {
    const refusal = 'counsel-1 (rol counsel) no puede consultar los traslados y los manifiestos.';
    mockApi(() => respond(403, { status: 403, detail: refusal }));
    const { container } = renderBoard('es');
    await screen.findByRole('heading', { name: 'No autorizado' });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain(refusal);
    expect(alert.textContent).toContain(
      'Su rol, Abogado defensor, puede abrir estas páginas: Panel, Personas y Traslados.',
    );
    expect(alert.textContent).toContain(
      'Puede presentar un escrito de personación, solicitar una visita legal y cancelar una visita legal.',
    );
    expect(screen.queryByRole('button', { name: 'Reintentar' })).toBeNull();
    expect(container.querySelector('.custodia-count')).toBeNull();
  });

  it('offers to try again when the server could not be reached, then shows the board', async () => {
    let reachable = false;
    vi.spyOn(globalThis, 'fetch').mockImplementation(async () => {
      if (!reachable) throw new TypeError('Failed to fetch');
      return respond(200, BOARD);
    });
    const { container } = renderBoard();
    const retry = await screen.findByRole('button', { name: 'Try again' });
    expect(container.querySelector('.custodia-count')).toBeNull();
    reachable = true;
    await userEvent.click(retry);
    await screen.findByRole('checkbox', { name: 'Accepted (1)' });
    expect(container.querySelector('.custodia-board-section[data-status="accepted"]')?.textContent).toContain(
      'Ana Pérez',
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('refuses a nationality that is not a two-letter code, in both languages, and stays put', async () => {
    mockApi(() => respond(200, BOARD));
    const { unmount } = renderBoard();
    await userEvent.type(screen.getByLabelText('Nationality'), 'V1');
    await userEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    expect(screen.getByRole('alert').textContent).toBe(
      'Write the nationality as a two-letter country code, such as VE.',
    );
    expect(window.location.search).toBe('');
    unmount();
    renderBoard('es');
    await userEvent.type(screen.getByLabelText('Nacionalidad'), 'V');
    await userEvent.click(screen.getByRole('button', { name: 'Aplicar los filtros' }));
    expect(screen.getByRole('alert').textContent).toBe(
      'Escriba la nacionalidad como un código de país de dos letras, como VE.',
    );
    expect(window.location.search).toBe('');
  });
});
