import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AccessProvider } from '../access.tsx';
import { json } from '../test-support/fetch.ts';
import { renderIn } from '../test-support/render.tsx';
import { FamilyPage } from './family-page.tsx';

const ADDRESS = 'Tecoluca, San Vicente, El Salvador';

function serve(found = true) {
  return vi.spyOn(globalThis, 'fetch').mockImplementation(async () =>
    found
      ? json({
          status: 'in_custody',
          since: '2025-03-15T20:00:00-06:00',
          facility: { code: 'SV-CECOT', name: 'CECOT', address: ADDRESS },
        })
      : json({ title: 'Not found', status: 404, detail: 'person family does not exist.' }, 404),
  );
}

const WORDS = {
  en: {
    title: 'Where your family member is',
    status: 'In custody',
    heldAt: 'Held at',
    maySee: 'What you may see',
    words: 'see where their family member is held',
    notFound: 'No person is tied to your account.',
  },
  es: {
    title: 'Dónde está su familiar',
    status: 'Bajo custodia',
    heldAt: 'Centro de reclusión',
    maySee: 'Lo que puede ver',
    words: 'ver dónde está su familiar',
    notFound: 'Su cuenta no está vinculada a ninguna persona.',
  },
} as const;

function page(lang: 'en' | 'es') {
  return renderIn(
    <AccessProvider actions={['family:read']} userRole="family">
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
    expect(container.textContent).not.toMatch(/hearing|audiencia/i);
    expect(screen.getByRole('region', { name: w.maySee }).textContent).toContain(w.words);
  });

  it('says no person is tied to the account when the server finds none', async () => {
    serve(false);
    page(lang);
    expect(await screen.findByText(w.notFound, { exact: false })).toBeTruthy();
  });
});
