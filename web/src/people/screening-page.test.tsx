import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import type { Lang } from '../i18n.ts';
import { renderIn } from '../test-support/render.tsx';
import { ScreeningPage } from './screening-page.tsx';

const PERSON = {
  id: 'p1',
  ref: 'ICE-1',
  names: { given: 'José Luis', paternal: 'Hernández', maternal: 'Martínez' },
  withdrawnReason: null,
};

function aScreening(asOf: string) {
  return {
    personId: PERSON.id,
    personVersion: 1,
    policyVersion: 1,
    policy: 'cecot-2025/v1',
    asOf,
    current: {
      policy: 'cecot-2025/v1',
      asOf,
      ref: PERSON.ref,
      outcome: 'eligible',
      rules: [],
      inputsHash: 'ab'.repeat(32),
    },
    lastRecorded: null,
  };
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** The person, and their screening; a date before `refusedBefore` is refused with a 422 problem. */
function serve(refusedBefore = '0000-00-00'): MockInstance<typeof fetch> {
  return vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
    const url = new URL(String(input), 'http://localhost');
    if (url.pathname === '/api/v1/people/p1') return json(PERSON);
    if (url.pathname === '/api/v1/people/p1/screening') {
      const asOf = url.searchParams.get('asOf') ?? '';
      if (asOf < refusedBefore) {
        return json(
          { title: 'Refused', status: 422, code: 'no_policy', detail: `No policy was in force on ${asOf}.` },
          422,
        );
      }
      return json(aScreening(asOf));
    }
    return json({ title: 'Not found', status: 404 }, 404);
  });
}

/** Every call made after the page loaded: method and path with query. */
function callsOf(fetchMock: MockInstance<typeof fetch>) {
  return fetchMock.mock.calls.map(([input, init]) => `${init?.method ?? 'GET'} ${String(input)}`);
}

const WORDS: Record<Lang, { label: string; missing: string; outcome: string; refused: RegExp }> = {
  en: {
    label: 'Planned transfer date',
    missing: 'Enter the planned transfer date.',
    outcome: 'Outcome: Eligible',
    refused: /^This person cannot be screened as of Mar 1, 2025$/,
  },
  es: {
    label: 'Fecha prevista del traslado',
    missing: 'Escriba la fecha prevista del traslado.',
    outcome: 'Resultado: Elegible',
    refused: /^No se puede evaluar a esta persona a fecha de 1 mar 2025$/,
  },
};

describe('ScreeningPage date', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/people/p1/screening?asOf=2025-04-01');
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  for (const lang of ['en', 'es'] as const) {
    const words = WORDS[lang];

    it(`says a date that is not a date once the field is left, and sends nothing (${lang})`, async () => {
      const fetchMock = serve();
      renderIn(<ScreeningPage id="p1" />, lang);
      await screen.findByRole('heading', { name: words.outcome });
      const sent = callsOf(fetchMock);
      const date = screen.getByLabelText(words.label);
      await userEvent.clear(date);
      await userEvent.type(date, 'not a date');
      expect(screen.queryByRole('alert')).toBeNull();
      await userEvent.tab();
      expect((await screen.findByRole('alert')).textContent).toBe(words.missing);
      expect(date.getAttribute('aria-invalid')).toBe('true');
      expect(date.getAttribute('aria-describedby')).toContain(`${date.id}-error`);
      // Past the re-screening's pause, nothing more was asked and the date shown stays.
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(callsOf(fetchMock)).toEqual(sent);
      expect(new URL(window.location.href).searchParams.get('asOf')).toBe('2025-04-01');
    });

    it(`says a date the server refuses, with its reason, and records nothing (${lang})`, async () => {
      window.history.replaceState(null, '', '/people/p1/screening?asOf=2025-03-01');
      const fetchMock = serve('2025-03-14');
      renderIn(<ScreeningPage id="p1" />, lang);
      expect(await screen.findByRole('heading', { name: words.refused })).toBeTruthy();
      expect(screen.getByText('No policy was in force on 2025-03-01.')).toBeTruthy();
      await waitFor(() => expect(callsOf(fetchMock).length).toBeGreaterThanOrEqual(2));
      expect(callsOf(fetchMock).every((call) => call.startsWith('GET '))).toBe(true);
      expect(screen.queryByRole('button')).toBeNull();
    });
  }

  it('re-screens a new date once typing stops', async () => {
    const fetchMock = serve();
    renderIn(<ScreeningPage id="p1" />, 'en');
    await screen.findByRole('heading', { name: 'Outcome: Eligible' });
    const date = screen.getByLabelText('Planned transfer date');
    await userEvent.clear(date);
    await userEvent.type(date, '2025-05-02');
    await waitFor(() => expect(new URL(window.location.href).searchParams.get('asOf')).toBe('2025-05-02'));
    await waitFor(() =>
      expect(callsOf(fetchMock).some((call) => call.includes('asOf=2025-05-02'))).toBe(true),
    );
  });
});
