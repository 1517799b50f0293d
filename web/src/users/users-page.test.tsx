import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderIn } from '../test-support/render.tsx';
import type { UserSummary } from './api.ts';
import { UsersPage } from './users-page.tsx';

const ADMIN: UserSummary = {
  id: 'u1',
  name: 'ada.admin',
  role: 'admin',
  createdAt: '2025-03-01T12:00:00.000Z',
  disabledAt: null,
  lastSignInAt: '2025-03-02T09:00:00.000Z',
  mustChangePassword: false,
  activeSessions: 1,
  activeTokens: 0,
  parties: [],
};
const OFFICER: UserSummary = {
  ...ADMIN,
  id: 'u2',
  name: 'sol.officer',
  role: 'sending_officer',
  lastSignInAt: null,
  activeSessions: 2,
  activeTokens: 1,
};
const GONE: UserSummary = { ...OFFICER, id: 'u3', name: 'max.gone', disabledAt: '2025-03-05T10:00:00.000Z' };

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** Serves the list, and the acts; `refuse` answers one act with a problem instead. */
function serve(refuse?: { path: string; status: number; detail: string }) {
  return vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = new URL(String(input), 'http://localhost');
    if (refuse && url.pathname === refuse.path) {
      return json({ title: 'Refused', status: refuse.status, detail: refuse.detail }, refuse.status);
    }
    if (url.pathname === '/api/v1/users') return json({ items: [ADMIN, GONE, OFFICER] });
    if (url.pathname === '/api/v1/users/sol.officer/disable') {
      return json({ ...OFFICER, disabledAt: '2025-03-06T10:00:00.000Z', activeSessions: 0, activeTokens: 0 });
    }
    if (url.pathname === '/api/v1/users/max.gone/enable') return json({ ...GONE, disabledAt: null });
    if (url.pathname === '/api/v1/users/sol.officer/role') {
      return json({ ...OFFICER, role: JSON.parse(String(init?.body)).role });
    }
    if (url.pathname === '/api/v1/users/sol.officer/reset-password') {
      return json({ user: { ...OFFICER, mustChangePassword: true }, password: 'Xy7-one-time-pw' });
    }
    return json({ title: 'Not found', status: 404 }, 404);
  });
}

/** The calls that were not the list's GET. */
function acts(fetch: ReturnType<typeof serve>) {
  return fetch.mock.calls
    .filter(([, init]) => init?.method !== 'GET')
    .map(([path, init]) => ({ path: String(path), method: init?.method, body: init?.body }));
}

const WORDS = {
  en: {
    manage: 'Manage sol.officer',
    disable: 'Disable user',
    yesDisable: 'Yes, disable sol.officer',
    cancel: 'Cancel',
    newRole: 'New role',
    changeRole: 'Change role',
    sameRole: 'Choose a role other than the one sol.officer has.',
    yesRole: 'Yes, change the role',
    reset: 'Reset password',
    yesReset: 'Yes, reset the password',
    hide: 'I have handed it over: hide it',
    status: ['Enabled', 'Disabled', 'Enabled'],
  },
  es: {
    manage: 'Gestionar a sol.officer',
    disable: 'Deshabilitar al usuario',
    yesDisable: 'Sí, deshabilitar a sol.officer',
    cancel: 'Cancelar',
    newRole: 'Rol nuevo',
    changeRole: 'Cambiar el rol',
    sameRole: 'Elija un rol distinto del que ya tiene sol.officer.',
    yesRole: 'Sí, cambiar el rol',
    reset: 'Restablecer la contraseña',
    yesReset: 'Sí, restablecer la contraseña',
    hide: 'Ya la he entregado: ocultarla',
    status: ['Habilitado', 'Deshabilitado', 'Habilitado'],
  },
} as const;

const me = { id: 'u1', name: 'ada.admin', role: 'admin' };

afterEach(() => {
  vi.restoreAllMocks();
});

describe.each(['en', 'es'] as const)('the users page (%s)', (lang) => {
  const w = WORDS[lang];

  it('lists every user with role and status, marking the signed-in admin', async () => {
    serve();
    renderIn(<UsersPage user={me} />, lang);
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.getAttribute('data-user'))).toEqual([
      'ada.admin',
      'max.gone',
      'sol.officer',
    ]);
    expect(rows.map((row) => row.querySelector('[data-status]')?.textContent)).toEqual(w.status);
    expect(rows[0]?.textContent).toContain(lang === 'en' ? '(you)' : '(usted)');
  });

  it('disables a user only after confirmation; Cancel sends nothing', async () => {
    const fetch = serve();
    renderIn(<UsersPage user={me} />, lang);
    await userEvent.click(await screen.findByRole('button', { name: w.manage }));
    await userEvent.click(screen.getByRole('button', { name: w.disable }));
    expect(screen.getByRole('group', { name: /sol\.officer/ })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: w.cancel }));
    expect(acts(fetch)).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: w.disable }));
    await userEvent.click(screen.getByRole('button', { name: w.yesDisable }));
    await screen.findByText(/sol\.officer .*(disabled|deshabilitado)/);
    expect(acts(fetch)).toEqual([{ path: '/api/v1/users/sol.officer/disable', method: 'POST', body: '{}' }]);
  });

  it('refuses to change to the same role, saying so and sending nothing; then changes it once confirmed', async () => {
    const fetch = serve();
    renderIn(<UsersPage user={me} />, lang);
    await userEvent.click(await screen.findByRole('button', { name: w.manage }));
    await userEvent.click(screen.getByRole('button', { name: w.changeRole }));
    const select = screen.getByLabelText(w.newRole);
    expect(screen.getByRole('alert').textContent).toBe(w.sameRole);
    expect(select.getAttribute('aria-invalid')).toBe('true');
    expect(select.getAttribute('aria-describedby')).toContain(`${select.id}-error`);
    expect(acts(fetch)).toEqual([]);
    await userEvent.selectOptions(select, 'court');
    await userEvent.click(screen.getByRole('button', { name: w.changeRole }));
    await userEvent.click(screen.getByRole('button', { name: w.yesRole }));
    await screen.findByText(/sol\.officer .*(Court|Tribunal|Juzgado)/);
    expect(acts(fetch)).toEqual([
      { path: '/api/v1/users/sol.officer/role', method: 'PUT', body: '{"role":"court"}' },
    ]);
  });

  it('resets a password after confirmation and shows the one-time password once', async () => {
    serve();
    renderIn(<UsersPage user={me} />, lang);
    await userEvent.click(await screen.findByRole('button', { name: w.manage }));
    await userEvent.click(screen.getByRole('button', { name: w.reset }));
    await userEvent.click(screen.getByRole('button', { name: w.yesReset }));
    expect((await screen.findByTestId('one-time-password')).textContent).toBe('Xy7-one-time-pw');
    await userEvent.click(screen.getByRole('button', { name: w.hide }));
    expect(screen.queryByText('Xy7-one-time-pw')).toBeNull();
  });

  it("quotes the server's refusal when the last admin would be disabled", async () => {
    const detail = 'ada.admin is the last enabled admin.';
    serve({ path: '/api/v1/users/ada.admin/disable', status: 409, detail });
    renderIn(<UsersPage user={me} />, lang);
    const manage = lang === 'en' ? 'Manage ada.admin' : 'Gestionar a ada.admin';
    await userEvent.click(await screen.findByRole('button', { name: manage }));
    await userEvent.click(screen.getByRole('button', { name: w.disable }));
    await userEvent.click(
      screen.getByRole('button', {
        name: lang === 'en' ? 'Yes, disable ada.admin' : 'Sí, deshabilitar a ada.admin',
      }),
    );
    expect((await screen.findByRole('alert')).textContent).toContain(detail);
  });

  it('shows a non-admin the refusal, not the list', async () => {
    serve({ path: '/api/v1/users', status: 403, detail: 'You may not list users.' });
    renderIn(<UsersPage user={{ id: 'u2', name: 'sol.officer', role: 'sending_officer' }} />, lang);
    expect((await screen.findByRole('alert')).textContent).toContain('You may not list users.');
    expect(screen.queryByRole('table')).toBeNull();
  });
});
