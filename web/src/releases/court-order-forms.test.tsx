import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Action } from '../../../src/auth/policy.ts';
import { AccessProvider } from '../access.tsx';
import { fakeApi, type SentRequest } from '../custody/fake-api.ts';
import type { Lang } from '../i18n.ts';
import { PersonReleaseDateSection } from '../people/person-release-date.tsx';
import { renderIn } from '../test-support/render.tsx';
import type { PersonReleaseDate } from './api.ts';

const PERSON = '01900000-0000-7000-8000-0000000000a1';
const VIEW: PersonReleaseDate = {
  personId: PERSON,
  ref: 'ICE-2025-E00002',
  name: 'Mario Pérez',
  current: {
    id: 'calc-1',
    reason: 'initial',
    inputsHash: 'ab'.repeat(32),
    inputs: { sentences: [] },
    computed: { kind: 'date', date: '2025-10-31' },
    result: { kind: 'date', date: '2025-10-31' },
    breakdown: [],
    override: null,
    current: true,
    calculatedAt: '2025-04-11T00:00:00.000Z',
    calculatedBy: 'user:receiving.officer',
  },
  earlier: [],
  explanations: [],
};

function answer(request: SentRequest) {
  if (request.method === 'POST') return { status: 201, body: { ...VIEW, explanationId: 'e1' } };
  return { body: VIEW };
}
const posts = (sent: SentRequest[]) => sent.filter((r) => r.method === 'POST');

const WORDS: Record<
  Lang,
  { override: string; explain: string; date: string; reason: string; order: string; done: string }
> = {
  en: {
    override: 'Override the release date',
    explain: 'Record the court order',
    date: 'Give the new release date.',
    reason: 'Give the reason for the override.',
    order: 'Give the order’s reference, court and date.',
    done: 'Court order HC-2025-0142 recorded.',
  },
  es: {
    override: 'Modificar la fecha de excarcelación',
    explain: 'Registrar la orden judicial',
    date: 'Indique la nueva fecha de excarcelación.',
    reason: 'Indique el motivo de la modificación.',
    order: 'Indique la referencia, el tribunal y la fecha de la orden.',
    done: 'Orden judicial HC-2025-0142 registrada.',
  },
};

afterEach(() => {
  vi.restoreAllMocks();
});

function renderAs(actions: Action[], lang: Lang) {
  return renderIn(
    <AccessProvider actions={actions}>
      <PersonReleaseDateSection personId={PERSON} />
    </AccessProvider>,
    lang,
  );
}

describe('the release-date forms of a court', () => {
  it.each(['en', 'es'] as const)(
    'refuse a missing date, reason or half an order, and send nothing (%s)',
    async (lang) => {
      const sent = fakeApi(answer);
      renderAs(['release_date:override'], lang);
      const words = WORDS[lang];
      await userEvent.click(await screen.findByRole('button', { name: words.override }));
      expect(screen.getByText(words.date)).toBeTruthy();
      expect(screen.getByText(words.reason)).toBeTruthy();
      const reference = screen.getByLabelText(lang === 'en' ? 'Order reference' : 'Referencia de la orden', {
        exact: false,
      });
      await userEvent.type(reference, 'HC-2025-0142');
      await userEvent.click(screen.getByRole('button', { name: words.override }));
      expect(screen.getAllByText(words.order)).toHaveLength(2);
      expect(posts(sent)).toEqual([]);
      // No explanation form without the grant.
      expect(screen.queryByRole('button', { name: words.explain })).toBeNull();
    },
  );

  it.each(['en', 'es'] as const)(
    'records a court order explaining detention past the date (%s)',
    async (lang) => {
      const sent = fakeApi(answer);
      renderAs(['detention_explanation:record'], lang);
      const words = WORDS[lang];
      await userEvent.click(await screen.findByRole('button', { name: words.explain }));
      expect(screen.getAllByText(words.order)).toHaveLength(3);
      expect(posts(sent)).toEqual([]);
      await userEvent.type(
        screen.getByLabelText(lang === 'en' ? 'Order reference' : 'Referencia de la orden', { exact: false }),
        'HC-2025-0142',
      );
      await userEvent.type(
        screen.getByLabelText(lang === 'en' ? 'Court' : 'Tribunal', { exact: false }),
        'Sala de lo Constitucional',
      );
      await userEvent.type(
        screen.getByLabelText(lang === 'en' ? 'Date of the order' : 'Fecha de la orden', { exact: false }),
        '2025-11-20',
      );
      await userEvent.click(screen.getByRole('button', { name: words.explain }));
      expect(await screen.findByText(words.done)).toBeTruthy();
      expect(posts(sent)).toEqual([
        {
          method: 'POST',
          path: `/api/v1/people/${PERSON}/detention-explanations`,
          body: {
            courtOrder: { reference: 'HC-2025-0142', court: 'Sala de lo Constitucional', date: '2025-11-20' },
          },
        },
      ]);
      expect(screen.queryByRole('button', { name: words.override })).toBeNull();
    },
  );
});
