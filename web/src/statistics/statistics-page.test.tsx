import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../app.tsx';
import type { Lang } from '../i18n.ts';
import { renderIn } from '../test-support/render.tsx';
import type { StatisticsAnswer } from './api.ts';
import { StatisticsPage } from './statistics-page.tsx';

afterEach(() => {
  vi.restoreAllMocks();
  window.history.replaceState(null, '', '/');
});

const parts = (entries: [string, number | '<10' | 'x'][]) => entries.map(([key, count]) => ({ key, count }));

const ANSWER: StatisticsAnswer = {
  scope: 'facility',
  subject: 'SV-CECOT',
  subjectName: 'Centro de Confinamiento del Terrorismo (CECOT)',
  published: true,
  hash: 'ab'.repeat(32),
  release: { id: 'r1', ledgerEntry: 74_600, publishedAt: '2025-05-01T12:00:00.000Z', revises: null },
  figures: {
    from: '2025-04-01',
    to: '2025-04-30',
    date: '2025-04-30',
    population: {
      total: 40,
      byNationality: parts([
        ['SV', 27],
        ['VE', 'x'],
        ['HN', '<10'],
      ]),
      byLegalStatus: parts([['no_status', 40]]),
    },
    transfers: {
      months: ['2025-04'],
      byOutcome: [
        { outcome: 'received', total: 27, byMonth: parts([['2025-04', 27]]) },
        { outcome: 'cancelled', total: 0, byMonth: parts([['2025-04', 0]]) },
        { outcome: 'on_hold', total: '<10', byMonth: null },
        { outcome: 'returned', total: 0, byMonth: parts([['2025-04', 0]]) },
      ],
      cancelledByReason: parts([['ineligible', 0]]),
    },
    deaths: { count: '<10', averageDailyPopulation: 18.9, ratePer100k: null },
    compliance: [
      {
        standard: 'outdoor-exercise',
        evaluated: 7680,
        met: 0,
        notMet: 7680,
        shareMet: 0,
        shareMetRange: null,
      },
      { standard: 'legal-access', evaluated: 0, met: 0, notMet: 0, shareMet: null, shareMetRange: null },
    ],
    custodyLength: { ended: 0, medianDays: null, buckets: parts([['0-29', 0]]) },
    releases: { total: 0, byReason: parts([['death', 0]]) },
  },
};

/** Answers every fetch with `body` (status `status`), recording the URLs asked. */
function answering(body: unknown, status = 200) {
  const asked: string[] = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
    asked.push(String(input));
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' },
    });
  });
  return asked;
}

const WORDS = {
  en: {
    title: 'Public statistics',
    facility: /^Facility code/,
    from: /^From/,
    show: 'Show statistics',
    missingFacility: 'Enter the facility code.',
    periodInvalid: 'Give two dates, the first on or before the second.',
    to: /^To/,
    population: 'Population in custody',
    published: /^Published release, ledger entry 74,600\./,
    csv: 'Download as CSV',
    withheld: 'The breakdown is withheld: the total is under 10.',
    rateNote: /The rate is not shown/,
  },
  es: {
    title: 'Estadísticas públicas',
    facility: /^Código del centro/,
    from: /^Desde/,
    show: 'Ver estadísticas',
    missingFacility: 'Indique el código del centro.',
    periodInvalid: 'Indique dos fechas; la primera no puede ser posterior a la segunda.',
    to: /^Hasta/,
    population: 'Población bajo custodia',
    published: /^Publicación registrada, entrada 74.?600 del registro verificable\./,
    csv: 'Descargar en CSV',
    withheld: 'El desglose se omite: el total es inferior a 10.',
    rateNote: /La tasa no se muestra/,
  },
} as const satisfies Record<Lang, unknown>;

describe.each(['en', 'es'] as const)('the public statistics page in %s', (lang) => {
  const w = WORDS[lang];

  it('shows the figures of the query in the address, suppressed counts as published, and the CSV link', async () => {
    const asked = answering(ANSWER);
    window.history.replaceState(null, '', '/statistics?facility=SV-CECOT&from=2025-04-01&to=2025-04-30');
    renderIn(<StatisticsPage signedIn={false} />, lang);
    expect(await screen.findByRole('heading', { level: 2, name: w.population })).toBeTruthy();
    expect(asked).toEqual(['/api/v1/public/statistics?facility=SV-CECOT&from=2025-04-01&to=2025-04-30']);
    expect(screen.getByText(w.published)).toBeTruthy();
    const csv = screen.getByRole('link', { name: w.csv });
    expect(csv.getAttribute('href')).toBe(
      '/api/v1/public/statistics?facility=SV-CECOT&from=2025-04-01&to=2025-04-30&format=csv',
    );
    expect(screen.getAllByText('<10').length).toBeGreaterThan(0);
    expect(screen.getAllByText('x').length).toBeGreaterThan(0);
    expect(screen.getByText(w.withheld, { exact: false })).toBeTruthy();
    expect(screen.getByText(w.rateNote)).toBeTruthy();
    // Each chart is a named image, with its figures in a table.
    expect(screen.getAllByRole('img').length).toBeGreaterThan(2);
  });

  it('refuses a form without a facility code or with a reversed period, and asks for nothing', async () => {
    const asked = answering(ANSWER);
    window.history.replaceState(null, '', '/statistics');
    renderIn(<StatisticsPage signedIn={false} />, lang);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: w.show }));
    expect(screen.getByText(w.missingFacility)).toBeTruthy();
    expect(screen.getByLabelText(w.facility).getAttribute('aria-invalid')).toBe('true');
    await user.type(screen.getByLabelText(w.facility), 'SV-CECOT');
    // A period that ends before it begins.
    fireEvent.change(screen.getByLabelText(w.from), { target: { value: '2025-05-01' } });
    fireEvent.change(screen.getByLabelText(w.to), { target: { value: '2025-04-30' } });
    await user.click(screen.getByRole('button', { name: w.show }));
    expect(screen.getByText(w.periodInvalid)).toBeTruthy();
    expect(screen.getByLabelText(w.to).getAttribute('aria-invalid')).toBe('true');
    expect(asked).toEqual([]);
  });
});

describe('the public statistics route', () => {
  it('shows the statistics without signing in, linked from the sign-in page', async () => {
    vi.spyOn(globalThis, 'fetch').mockImplementation(
      async () =>
        new Response(JSON.stringify({ status: 401, detail: 'Sign in first.' }), {
          status: 401,
          headers: { 'content-type': 'application/problem+json' },
        }),
    );
    window.history.replaceState(null, '', '/login');
    renderIn(<App />);
    const link = await screen.findByRole('link', { name: 'Public statistics' });
    await userEvent.setup().click(link);
    expect(await screen.findByRole('heading', { level: 1, name: 'Public statistics' })).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(window.location.pathname).toBe('/statistics');
  });
});
