import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, posted } from '../test-support/fetch.ts';
import { renderIn } from '../test-support/render.tsx';
import { AddUserForm } from './add-user-form.tsx';

const PARTIES = [
  { id: 'p1', kind: 'law_office', code: 'Abogados Unidos', name: 'Abogados Unidos LLP', personId: null },
  { id: 'p2', kind: 'court', code: 'D.D.C.', name: 'District of Columbia', personId: null },
  { id: 'p3', kind: 'court', code: 'S.D. Tex.', name: 'Southern District of Texas', personId: null },
  { id: 'p4', kind: 'family_contact', code: 'Familia R-1', name: 'Familia R-1', personId: 'x' },
];

function serve() {
  return vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = new URL(String(input), 'http://localhost');
    if (url.pathname === '/api/v1/parties') return json({ items: PARTIES });
    if (url.pathname === '/api/v1/users' && init?.method === 'POST') {
      const body = JSON.parse(String(init.body));
      return json(
        { user: { name: body.name, role: body.role, parties: body.parties }, password: 'Xy7-one-time' },
        201,
      );
    }
    return json({ title: 'Not found', status: 404 }, 404);
  });
}

const WORDS = {
  en: {
    name: 'User',
    role: 'Role',
    submit: 'Add user',
    nameInvalid: 'A user name is 2–64 lower-case letters, digits, dots, dashes or underscores.',
    roleRequired: 'Choose the role.',
    partyRequired: 'This role acts only for its party: choose one.',
    courts: 'Courts they act for',
    party: 'Party they act for',
  },
  es: {
    name: 'Usuario',
    role: 'Rol',
    submit: 'Añadir usuario',
    nameInvalid: 'Un nombre de usuario tiene de 2 a 64 minúsculas, dígitos, puntos, guiones o guiones bajos.',
    roleRequired: 'Elija el rol.',
    partyRequired: 'Este rol solo actúa por su parte: elija una.',
    courts: 'Tribunales por los que actúa',
    party: 'Parte por la que actúa',
  },
} as const;

afterEach(() => {
  vi.restoreAllMocks();
});

describe.each(['en', 'es'] as const)('the add-user form (%s)', (lang) => {
  const w = WORDS[lang];

  it('refuses a bad name, no role, and a family user without their contact, sending nothing', async () => {
    const fetch = serve();
    const user = userEvent.setup();
    renderIn(<AddUserForm onAdded={() => {}} />, lang);
    await user.type(screen.getByLabelText(w.name), 'Ana López');
    await user.click(screen.getByRole('button', { name: w.submit }));
    expect(screen.getByText(w.nameInvalid)).toBeTruthy();
    expect(screen.getByText(w.roleRequired)).toBeTruthy();
    expect(screen.getByLabelText(w.name).getAttribute('aria-describedby')).toContain('error');
    await user.selectOptions(screen.getByLabelText(w.role), 'family');
    await user.click(screen.getByRole('button', { name: w.submit }));
    expect(screen.getByText(w.partyRequired)).toBeTruthy();
    expect(posted(fetch)).toEqual([]);
  });

  it('offers only the parties of the kinds the role acts for: several courts for a court user', async () => {
    const fetch = serve();
    const user = userEvent.setup();
    renderIn(<AddUserForm onAdded={() => {}} />, lang);
    await user.type(screen.getByLabelText(w.name), 'ju.judge');
    await user.selectOptions(screen.getByLabelText(w.role), 'counsel');
    const office = await screen.findByLabelText(w.party);
    expect(
      within(office)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toHaveLength(2);
    expect(office.textContent).toContain('Abogados Unidos');
    expect(office.textContent).not.toContain('D.D.C.');
    await user.selectOptions(screen.getByLabelText(w.role), 'court');
    const courts = screen.getByRole('group', { name: w.courts });
    expect(within(courts).getAllByRole('checkbox')).toHaveLength(2);
    await user.click(within(courts).getByLabelText(/D\.D\.C\./));
    await user.click(within(courts).getByLabelText(/S\.D\. Tex\./));
    await user.click(screen.getByRole('button', { name: w.submit }));
    expect(await screen.findByTestId('one-time-password')).toHaveProperty('textContent', 'Xy7-one-time');
    expect(posted(fetch)).toEqual([{ name: 'ju.judge', role: 'court', parties: ['D.D.C.', 'S.D. Tex.'] }]);
  });
});
