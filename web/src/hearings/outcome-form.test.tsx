import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useAction } from '../components/action-feedback.tsx';
import { fakeApi } from '../custody/fake-api.ts';
import type { Lang } from '../i18n.ts';
import { renderIn } from '../test-support/render.tsx';
import { A_HEARING as HEARING } from './fixtures.ts';
import { OutcomeForm } from './outcome-form.tsx';

afterEach(() => {
  vi.restoreAllMocks();
});

function WithAction() {
  const action = useAction(() => {});
  return <OutcomeForm hearings={[HEARING]} action={action} />;
}

const WORDS = {
  en: {
    hearing: 'Hearing',
    outcome: 'Outcome',
    notProduced: 'Not produced',
    held: 'Held',
    reasonMissing: 'Say why the person was not produced.',
    hold: 'Legal hold issued at the hearing (optional)',
    holdCase: 'Case of the hold',
    submit: 'Record outcome',
    courtOrder: 'Court order',
  },
  es: {
    hearing: 'Audiencia',
    outcome: 'Resultado',
    notProduced: 'No presentado',
    held: 'Celebrada',
    reasonMissing: 'Indique por qué no se presentó a la persona.',
    hold: 'Orden judicial dictada en la audiencia (opcional)',
    holdCase: 'Causa de la orden judicial',
    submit: 'Registrar resultado',
    courtOrder: 'Orden judicial',
  },
} as const;

describe.each(['en', 'es'] as Lang[])('the hearing outcome form (%s)', (lang) => {
  const w = WORDS[lang];
  it('refuses not produced without a reason and sends nothing; sends held with a hold', async () => {
    const sent = fakeApi((r) =>
      r.method === 'POST' ? { status: 201, body: { ...HEARING, status: 'held', holdId: 'x' } } : undefined,
    );
    renderIn(<WithAction />, lang);
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText(w.hearing), '2025-11-03 09:00 · D.D.C. · SALA-1');
    await user.selectOptions(screen.getByLabelText(w.outcome), w.notProduced);
    await user.click(screen.getByRole('button', { name: w.submit }));
    expect(screen.getByText(w.reasonMissing)).toBeTruthy();
    expect(sent.filter((r) => r.method === 'POST')).toEqual([]);
    await user.selectOptions(screen.getByLabelText(w.outcome), w.held);
    await user.selectOptions(screen.getByLabelText(w.hold), 'habeas_petition');
    await user.type(screen.getByLabelText(w.holdCase), '1:25-cv-00101');
    await user.click(screen.getByRole('button', { name: w.submit }));
    expect(sent.filter((r) => r.method === 'POST').map((r) => [r.path, r.body])).toEqual([
      [
        `/api/v1/hearings/${HEARING.id}/outcome`,
        { outcome: 'held', hold: { type: 'habeas_petition', case: '1:25-cv-00101' } },
      ],
    ]);
  });
  it('names the hold types in the reader’s language, not by their codes', async () => {
    renderIn(<WithAction />, lang);
    const hold = screen.getByLabelText(w.hold);
    const option = screen.getByRole('option', { name: w.courtOrder });
    expect(option.getAttribute('value')).toBe('court_order');
    expect(hold.textContent).not.toContain('court_order');
  });
});
