import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AccessProvider } from '../access.tsx';
import { aHearing } from '../counsel/test-fixtures.ts';
import { json } from '../test-support/fetch.ts';
import { renderIn } from '../test-support/render.tsx';
import { FamilyPage } from './family-page.tsx';

const ADDRESS = 'Tecoluca, San Vicente, El Salvador';

const HEARING = aHearing();

/** The family contact's person and their next hearing (none with `hearing` false); `found` false: no person. */
function serve(found = true, hearing = true) {
  return vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
    const url = new URL(String(input), 'http://localhost');
    if (!found)
      return json({ title: 'Not found', status: 404, detail: 'person family does not exist.' }, 404);
    if (url.pathname === '/api/v1/family/hearings')
      return json({
        personId: 'p1',
        facilityZone: 'America/El_Salvador',
        hearings: hearing ? [HEARING] : [],
      });
    return json({
      status: 'in_custody',
      since: '2025-03-15T20:00:00-06:00',
      facility: { code: 'SV-CECOT', name: 'CECOT', address: ADDRESS },
    });
  });
}

const WORDS = {
  en: {
    title: 'Where your family member is',
    status: 'In custody',
    heldAt: 'Held at',
    maySee: 'What you may see',
    words: 'see where their family member is held',
    mayHearing: 'see their next hearing',
    notFound: 'No person is tied to your account.',
    hearing: 'Next hearing',
    facilityTime: 'Date and time, facility’s clock',
    facilityClock: 'Apr 14, 2025, 9:00 AM CST',
    courtTime: 'Date and time, court’s clock',
    courtClock: 'Apr 14, 2025, 11:00 AM EDT',
    court: 'Court',
    type: 'Hearing type',
    habeas: 'Habeas corpus',
    noHearing: 'No hearing booked.',
  },
  es: {
    title: 'Dónde está su familiar',
    status: 'Bajo custodia',
    heldAt: 'Centro de reclusión',
    maySee: 'Lo que puede ver',
    words: 'ver dónde está su familiar',
    mayHearing: 'ver la próxima audiencia de su familiar',
    notFound: 'Su cuenta no está vinculada a ninguna persona.',
    hearing: 'Próxima audiencia',
    facilityTime: 'Fecha y hora del centro',
    facilityClock: '14 abr 2025, 9:00',
    courtTime: 'Fecha y hora del tribunal',
    courtClock: '14 abr 2025, 11:00',
    court: 'Tribunal',
    type: 'Tipo de audiencia',
    habeas: 'Hábeas corpus',
    noHearing: 'No hay ninguna audiencia programada.',
  },
} as const;

function page(lang: 'en' | 'es') {
  return renderIn(
    <AccessProvider actions={['family:read', 'hearings:read']} userRole="family">
      <FamilyPage />
    </AccessProvider>,
    lang,
  );
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe.each(['en', 'es'] as const)('the family view (%s)', (lang) => {
  const w = WORDS[lang];

  it('shows the status, the facility and its address, since when, and what the role may see', async () => {
    serve();
    const { container } = page(lang);
    expect(screen.getByRole('heading', { level: 1, name: w.title })).toBeTruthy();
    expect(await screen.findByText(w.status)).toBeTruthy();
    expect(screen.getByText(w.heldAt)).toBeTruthy();
    expect(screen.getByText(ADDRESS)).toBeTruthy();
    expect(container.textContent).toContain('2025');
    expect(screen.getByRole('region', { name: w.maySee }).textContent).toContain(w.words);
  });

  it('shows the next hearing on the facility’s and the court’s clock, with the court and the type', async () => {
    serve();
    page(lang);
    const section = await screen.findByRole('region', { name: w.hearing });
    const answer = (term: string) => within(section).getByText(term).nextElementSibling?.textContent ?? '';
    await within(section).findByText(w.court);
    expect(answer(w.facilityTime)).toContain(w.facilityClock);
    expect(answer(w.courtTime)).toContain(w.courtClock);
    expect(answer(w.court)).toBe('D.D.C.');
    expect(answer(w.type)).toBe(w.habeas);
    expect(section.textContent).not.toContain('SALA-1');
    expect(screen.getByRole('region', { name: w.maySee }).textContent).toContain(w.mayHearing);
  });

  it('says no hearing is booked when the server lists none', async () => {
    serve(true, false);
    page(lang);
    const section = await screen.findByRole('region', { name: w.hearing });
    expect(await within(section).findByText(w.noHearing)).toBeTruthy();
  });

  it('says no person is tied to the account when the server finds none', async () => {
    serve(false);
    page(lang);
    expect(await screen.findByText(w.notFound, { exact: false })).toBeTruthy();
  });
});
