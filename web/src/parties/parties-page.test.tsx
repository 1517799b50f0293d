import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AccessProvider } from '../access.tsx';
import { json, posted } from '../test-support/fetch.ts';
import { renderIn } from '../test-support/render.tsx';
import { PartiesPage } from './parties-page.tsx';

const PARTIES = [
  { id: 'p1', kind: 'law_office', code: 'Abogados Unidos', name: 'Abogados Unidos LLP', personId: null },
  { id: 'p2', kind: 'court', code: 'D.D.C.', name: 'District of Columbia', personId: null },
];

function serve() {
  return vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = new URL(String(input), 'http://localhost');
    if (init?.method === 'POST')
      return json({ id: 'p9', personId: null, ...JSON.parse(String(init.body)) }, 201);
    const kind = url.searchParams.get('kind');
    return json({ items: PARTIES.filter((p) => !kind || p.kind === kind) });
  });
}

const WORDS = {
  en: {
    kind: 'Kind',
    code: 'Code',
    ref: 'Person’s reference',
    agreement: 'Agreement',
    submit: 'Register party',
    kindRequired: 'Choose the kind of party.',
    codeRequired: 'Enter a code.',
    codeInvalid:
      "A code is 1–80 letters, digits, spaces or . , & ' ( ) / -, starting with a letter or digit.",
    personRequired: 'A family contact is verified for one person: enter their reference and agreement.',
    court: 'Court',
    registered: 'S.D. Tex. is registered.',
  },
  es: {
    kind: 'Tipo',
    code: 'Código',
    ref: 'Referencia de la persona',
    agreement: 'Acuerdo',
    submit: 'Registrar parte',
    kindRequired: 'Elija el tipo de parte.',
    codeRequired: 'Escriba un código.',
    codeInvalid:
      "Un código tiene de 1 a 80 letras, dígitos, espacios o . , & ' ( ) / -, y empieza por una letra o un dígito.",
    personRequired:
      'Un contacto familiar está verificado para una sola persona: escriba su referencia y su acuerdo.',
    court: 'Tribunal',
    registered: 'S.D. Tex. ha quedado registrada.',
  },
} as const;

function page(lang: 'en' | 'es') {
  return renderIn(
    <AccessProvider actions={['parties:read', 'parties:manage']} userRole="admin">
      <PartiesPage />
    </AccessProvider>,
    lang,
  );
}

afterEach(() => {
  vi.restoreAllMocks();
  window.history.replaceState(null, '', '/');
});

describe.each(['en', 'es'] as const)('the parties page (%s)', (lang) => {
  const w = WORDS[lang];

  it('lists the parties with their kind', async () => {
    serve();
    page(lang);
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringContaining('Abogados Unidos'),
      expect.stringContaining(w.court),
    ]);
  });

  it('refuses no kind, a bad code and a family contact without a person, sending nothing', async () => {
    const fetch = serve();
    const user = userEvent.setup();
    page(lang);
    const form = (await screen.findByRole('button', { name: w.submit })).closest('form') as HTMLElement;
    await user.click(screen.getByRole('button', { name: w.submit }));
    expect(screen.getByText(w.kindRequired)).toBeTruthy();
    expect(screen.getByText(w.codeRequired)).toBeTruthy();
    await user.type(within(form).getByLabelText(w.code), '-bad');
    await user.selectOptions(within(form).getByLabelText(w.kind), 'family_contact');
    await user.click(screen.getByRole('button', { name: w.submit }));
    expect(screen.getByText(w.codeInvalid)).toBeTruthy();
    expect(screen.getByText(w.personRequired)).toBeTruthy();
    expect(within(form).getByLabelText(w.ref).getAttribute('aria-invalid')).toBe('true');
    expect(posted(fetch)).toEqual([]);
  });

  it('registers a court', async () => {
    const fetch = serve();
    const user = userEvent.setup();
    page(lang);
    const form = (await screen.findByRole('button', { name: w.submit })).closest('form') as HTMLElement;
    await user.selectOptions(within(form).getByLabelText(w.kind), 'court');
    await user.type(within(form).getByLabelText(w.code), 'S.D. Tex.');
    await user.click(screen.getByRole('button', { name: w.submit }));
    expect(await screen.findByText(w.registered)).toBeTruthy();
    expect(posted(fetch)).toEqual([{ kind: 'court', code: 'S.D. Tex.' }]);
  });
});
