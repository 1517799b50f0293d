import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Dashboard } from '../api.ts';
import { renderIn } from '../test-support/render.tsx';
import { LedgerSection } from './ledger-section.tsx';

function ledger(witnessing: Dashboard['ledger']['witnessing']): Dashboard['ledger'] {
  return {
    size: 1250,
    origin: 'custodia.local/sv',
    verifierKey: 'custodia.local/sv+01234567+AQ==',
    checkpoint: {
      size: 1250,
      rootHex: 'ab'.repeat(32),
      signedAt: '2025-03-01T12:00:00.000Z',
      note: 'custodia.local/sv\n1250\nq83=\n\n— custodia.local/sv AAAA\n',
    },
    witnessing,
  };
}

describe('the ledger section of the dashboard', () => {
  it('shows the newest witnessed size and the policy, in English', () => {
    renderIn(<LedgerSection ledger={ledger({ witnesses: 2, quorum: 1, witnessedSize: 1200 })} />);
    expect(screen.getByRole('heading', { level: 3, name: 'Witnesses' })).toBeTruthy();
    expect(screen.getByText('Newest witnessed tree size').nextElementSibling?.textContent).toBe('1,200');
    expect(
      screen.getByText(
        '2 witnesses configured; a checkpoint counts as witnessed when 1 of them have cosigned it.',
      ),
    ).toBeTruthy();
  });

  it('says when nothing is witnessed yet, and when no witness is configured, in Spanish', () => {
    const { unmount } = renderIn(
      <LedgerSection ledger={ledger({ witnesses: 1, quorum: 1, witnessedSize: null })} />,
      'es',
    );
    expect(screen.getByRole('heading', { level: 3, name: 'Testigos' })).toBeTruthy();
    expect(screen.getByText('Todavía no hay ningún punto de control atestiguado')).toBeTruthy();
    unmount();
    renderIn(<LedgerSection ledger={ledger({ witnesses: 0, quorum: 1, witnessedSize: null })} />, 'es');
    expect(
      screen.getByText(
        'No hay ningún testigo configurado: solo esta instalación respalda sus puntos de control.',
      ),
    ).toBeTruthy();
  });
});
