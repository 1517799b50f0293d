import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Lang } from '../i18n.ts';
import { renderIn } from '../test-support/render.tsx';
import { fakeApi } from './fake-api.ts';
import { HeadcountForm } from './headcount-form.tsx';

afterEach(() => {
  vi.restoreAllMocks();
});

const WORDS: Record<Lang, { counted: string; submit: string; tooMany: string; invalid: string }> = {
  en: {
    counted: 'People counted',
    submit: 'Record the headcount',
    tooMany: 'People counted cannot exceed 1,000,000: no place of custody holds more. Check the number.',
    invalid: 'Give the number counted as a whole number, 0 or more.',
  },
  es: {
    counted: 'Personas contadas',
    submit: 'Registrar el recuento',
    tooMany: 'Las personas contadas no pueden superar 1,000,000:',
    invalid: 'Indique el número contado como un número entero, 0 o más.',
  },
};

describe('the headcount form', () => {
  it.each(['en', 'es'] as const)(
    'refuses 1e9 naming the bound 1,000,000, and sends nothing (%s)',
    async (lang) => {
      const sent = fakeApi(() => undefined);
      renderIn(<HeadcountForm id="SV-CECOT" onDone={() => {}} />, lang);
      const words = WORDS[lang];
      await userEvent.type(screen.getByLabelText(words.counted), '1e9');
      await userEvent.click(screen.getByRole('button', { name: words.submit }));
      const alert = screen.getByRole('alert');
      expect(alert.textContent).toContain(words.tooMany);
      expect(screen.getByLabelText(words.counted).getAttribute('aria-describedby')).toContain(alert.id);
      expect(sent).toEqual([]);
    },
  );

  it.each(['en', 'es'] as const)(
    'refuses an empty count as not a whole number, and sends nothing (%s)',
    async (lang) => {
      const sent = fakeApi(() => undefined);
      renderIn(<HeadcountForm id="SV-CECOT" onDone={() => {}} />, lang);
      await userEvent.click(screen.getByRole('button', { name: WORDS[lang].submit }));
      expect(screen.getByRole('alert').textContent).toBe(WORDS[lang].invalid);
      expect(sent).toEqual([]);
    },
  );

  it('sends a whole count and says what the server found', async () => {
    const sent = fakeApi((request) =>
      request.method === 'POST'
        ? {
            status: 201,
            body: {
              headcountId: 'h1',
              facilityId: 'f1',
              countedAt: '2025-05-01T12:00:00.000Z',
              counted: 39,
              expected: 40,
              incidentId: 'i1',
            },
          }
        : undefined,
    );
    renderIn(<HeadcountForm id="SV-CECOT" onDone={() => {}} />);
    await userEvent.type(screen.getByLabelText('People counted'), '39');
    await userEvent.click(screen.getByRole('button', { name: 'Record the headcount' }));
    expect(await screen.findByText(/39 counted, 40 expected \(−1\)/)).toBeTruthy();
    expect(sent).toEqual([
      { method: 'POST', path: '/api/v1/facilities/SV-CECOT/headcounts', body: { counted: 39 } },
    ]);
    expect(screen.getByRole('link', { name: 'Open the discrepancy incident' })).toBeTruthy();
  });
});
