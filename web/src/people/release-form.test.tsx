import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useAction } from '../components/action-feedback.tsx';
import type { Lang } from '../i18n.ts';
import { renderIn } from '../test-support/render.tsx';
import { ReleaseForm } from './release-form.tsx';

const INTERVAL = { facilityName: 'CECOT', timeZone: 'America/El_Salvador' };

function Form() {
  const action = useAction(() => {});
  return <ReleaseForm personId="p1" interval={INTERVAL} action={action} />;
}

const WORDS: Record<Lang, { reason: string; at: string; submit: string; choose: string; badTime: string }> = {
  en: {
    reason: 'Reason',
    at: 'Date and time of the release',
    submit: 'Record the release',
    choose: 'Choose the reason for the release.',
    badTime: 'Enter the date and time of the release.',
  },
  es: {
    reason: 'Motivo',
    at: 'Fecha y hora de la liberación',
    submit: 'Registrar la liberación',
    choose: 'Elija el motivo de la liberación.',
    badTime: 'Indique la fecha y la hora de la liberación.',
  },
};

describe('ReleaseForm', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  for (const lang of ['en', 'es'] as const) {
    const words = WORDS[lang];

    it(`refuses a release without a reason or a time, on the field, and sends nothing (${lang})`, async () => {
      const fetchMock = vi.spyOn(globalThis, 'fetch');
      renderIn(<Form />, lang);
      await userEvent.click(screen.getByRole('button', { name: words.submit }));
      expect((await screen.findByRole('alert')).textContent).toBe(words.choose);
      const reason = screen.getByLabelText(words.reason);
      expect(reason.getAttribute('aria-invalid')).toBe('true');
      expect(reason.getAttribute('aria-describedby')).toBe(`${reason.id}-error`);

      await userEvent.selectOptions(reason, 'sentence_served');
      await userEvent.clear(screen.getByLabelText(words.at));
      await userEvent.click(screen.getByRole('button', { name: words.submit }));
      expect((await screen.findByRole('alert')).textContent).toBe(words.badTime);
      expect(screen.getByLabelText(words.at).getAttribute('aria-invalid')).toBe('true');
      expect(reason.getAttribute('aria-invalid')).toBeNull();
      expect(fetchMock).not.toHaveBeenCalled();
    });
  }
});
