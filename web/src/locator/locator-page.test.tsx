import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Lang } from '../i18n.ts';
import { renderIn } from '../test-support/render.tsx';
import { LocatorPage } from './locator-page.tsx';

afterEach(() => {
  vi.restoreAllMocks();
});

/** Answers every fetch with `body` (status `status`), recording the URLs asked. */
function answering(body: unknown, status = 200, headers: Record<string, string> = {}) {
  const asked: string[] = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
    asked.push(String(input));
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json', ...headers },
    });
  });
  return asked;
}

const WORDS = {
  en: {
    byANumber: 'Search by A-number',
    byName: 'Search by name',
    aNumber: /^A-number/,
    name: /^Full name/,
    country: /^Country of birth/,
    birthDate: /^Date of birth/,
    search: 'Search',
    missingANumber: 'Enter the A-number.',
    invalidANumber: 'Enter the A-number as the letter A and 8 or 9 digits, for example A123456789.',
    missingCountry: 'Select the country of birth.',
    missingName: 'Enter the full name.',
    missingDate: 'Enter the date of birth.',
    salvador: 'El Salvador (SV)',
  },
  es: {
    byANumber: 'Buscar por número A',
    byName: 'Buscar por nombre',
    aNumber: /^Número A/,
    name: /^Nombre completo/,
    country: /^País de nacimiento/,
    birthDate: /^Fecha de nacimiento/,
    search: 'Buscar',
    missingANumber: 'Indique el número A.',
    invalidANumber: 'Escriba el número A como la letra A seguida de 8 o 9 dígitos, por ejemplo A123456789.',
    missingCountry: 'Seleccione el país de nacimiento.',
    missingName: 'Indique el nombre completo.',
    missingDate: 'Indique la fecha de nacimiento.',
    salvador: 'El Salvador (SV)',
  },
} as const satisfies Record<Lang, unknown>;

const FOUND = {
  match: true,
  status: 'in_custody',
  since: '2025-03-16T13:00:00-06:00',
  facility: {
    code: 'SV-CECOT',
    name: 'Centro de Confinamiento del Terrorismo (CECOT)',
    address: 'Centro de Confinamiento del Terrorismo, Tecoluca, San Vicente, El Salvador',
  },
};

function form(lang: Lang, which: 'byANumber' | 'byName') {
  return within(screen.getByRole('region', { name: WORDS[lang][which] }));
}

describe('the public locator page', () => {
  it.each(['en', 'es'] as const)('offers both ways to ask, every field labelled (%s)', (lang) => {
    renderIn(<LocatorPage signedIn={false} />, lang);
    const w = WORDS[lang];
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      lang === 'en' ? 'Find a person in custody' : 'Buscar a una persona detenida',
    );
    const byA = form(lang, 'byANumber');
    expect(byA.getByLabelText(w.aNumber)).toBeTruthy();
    expect(byA.getByLabelText(w.country)).toBeTruthy();
    const byName = form(lang, 'byName');
    expect(byName.getByLabelText(w.name)).toBeTruthy();
    expect(byName.getByLabelText(w.country)).toBeTruthy();
    expect(byName.getByLabelText(w.birthDate)).toBeTruthy();
  });

  it.each(['en', 'es'] as const)(
    'refuses an empty or malformed A-number and a missing country, announced and described, and sends nothing (%s)',
    async (lang) => {
      const asked = answering(FOUND);
      renderIn(<LocatorPage signedIn={false} />, lang);
      const w = WORDS[lang];
      const byA = form(lang, 'byANumber');
      await userEvent.click(byA.getByRole('button', { name: w.search }));
      const alerts = byA.getAllByRole('alert').map((a) => a.textContent);
      expect(alerts).toEqual([w.missingANumber, w.missingCountry]);
      const input = byA.getByLabelText(w.aNumber);
      expect(input.getAttribute('aria-invalid')).toBe('true');
      expect(input.getAttribute('aria-describedby')).toContain(byA.getAllByRole('alert')[0]?.id);
      expect(document.activeElement).toBe(input);
      await userEvent.type(input, 'A12345');
      await userEvent.selectOptions(byA.getByLabelText(w.country), 'SV');
      await userEvent.click(byA.getByRole('button', { name: w.search }));
      expect(byA.getAllByRole('alert').map((a) => a.textContent)).toEqual([w.invalidANumber]);
      expect(asked).toEqual([]);
    },
  );

  it.each(['en', 'es'] as const)(
    'refuses a name search without a name or a birth date, and sends nothing (%s)',
    async (lang) => {
      const asked = answering(FOUND);
      renderIn(<LocatorPage signedIn={false} />, lang);
      const w = WORDS[lang];
      const byName = form(lang, 'byName');
      await userEvent.selectOptions(byName.getByLabelText(w.country), 'SV');
      await userEvent.click(byName.getByRole('button', { name: w.search }));
      expect(byName.getAllByRole('alert').map((a) => a.textContent)).toEqual([w.missingName, w.missingDate]);
      expect(asked).toEqual([]);
    },
  );

  it('asks by A-number and shows the facility, its address, the status and since when on its clock', async () => {
    const asked = answering(FOUND);
    renderIn(<LocatorPage signedIn={false} />);
    const byA = form('en', 'byANumber');
    await userEvent.type(byA.getByLabelText(/^A-number/), 'A123456789');
    await userEvent.selectOptions(byA.getByLabelText(/^Country of birth/), 'SV');
    await userEvent.click(byA.getByRole('button', { name: 'Search' }));
    const result = await screen.findByRole('region', { name: 'Result' });
    expect(asked).toEqual(['/api/v1/public/locator?aNumber=A123456789&birthCountry=SV']);
    const text = result.textContent ?? '';
    expect(text).toContain('In custody');
    expect(text).toContain('March 16, 2025 at 13:00 (UTC−06:00)');
    expect(text).toContain('Held at');
    expect(text).toContain('Centro de Confinamiento del Terrorismo (CECOT) — SV-CECOT');
    expect(text).toContain('Tecoluca, San Vicente, El Salvador');
  });

  it('asks by name in Spanish and shows the answer in Spanish', async () => {
    const asked = answering(FOUND);
    renderIn(<LocatorPage signedIn={false} />, 'es');
    const byName = form('es', 'byName');
    await userEvent.type(byName.getByLabelText(/^Nombre completo/), 'José Luis Hernández');
    await userEvent.selectOptions(byName.getByLabelText(/^País de nacimiento/), 'SV');
    await userEvent.type(byName.getByLabelText(/^Fecha de nacimiento/), '1990-05-12');
    await userEvent.click(byName.getByRole('button', { name: 'Buscar' }));
    const result = await screen.findByRole('region', { name: 'Resultado' });
    expect(decodeURIComponent(asked[0] ?? '').replace(/\+/g, ' ')).toBe(
      '/api/v1/public/locator?name=José Luis Hernández&birthCountry=SV&birthDate=1990-05-12',
    );
    expect(result.textContent).toContain('Bajo custodia');
    expect(result.textContent).toContain('Centro de reclusión');
    expect(result.textContent).toContain('16 de marzo de 2025');
  });

  it('shows a miss plainly, with the agency to contact', async () => {
    answering({ match: false, contact: 'No person matches these details exactly. For help, contact ICE.' });
    renderIn(<LocatorPage signedIn={false} />);
    const byA = form('en', 'byANumber');
    await userEvent.type(byA.getByLabelText(/^A-number/), 'A123456788');
    await userEvent.selectOptions(byA.getByLabelText(/^Country of birth/), 'SV');
    await userEvent.click(byA.getByRole('button', { name: 'Search' }));
    const result = await screen.findByRole('region', { name: 'Result' });
    expect(within(result).getByRole('heading', { name: 'No match' })).toBeTruthy();
    expect(result.textContent).toContain('For help, contact ICE.');
  });

  it('says why a search was refused: too many searches', async () => {
    answering(
      {
        status: 429,
        detail: 'Too many locator queries from this address (at most 10 a minute). Try again in 42 seconds.',
      },
      429,
      { 'retry-after': '42' },
    );
    renderIn(<LocatorPage signedIn={false} />);
    const byA = form('en', 'byANumber');
    await userEvent.type(byA.getByLabelText(/^A-number/), 'A123456789');
    await userEvent.selectOptions(byA.getByLabelText(/^Country of birth/), 'SV');
    await userEvent.click(byA.getByRole('button', { name: 'Search' }));
    const alert = await screen.findByText(/Too many locator queries/);
    expect(alert.closest('[role="alert"]')).toBeTruthy();
  });

  it('links back to sign-in only when the reader is not signed in', () => {
    const { unmount } = renderIn(<LocatorPage signedIn={false} />);
    expect(screen.getByRole('link', { name: 'Staff sign-in' }).getAttribute('href')).toBe('/login');
    unmount();
    renderIn(<LocatorPage signedIn={true} />);
    expect(screen.queryByRole('link', { name: 'Staff sign-in' })).toBeNull();
  });
});
