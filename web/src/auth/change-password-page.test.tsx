import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderIn } from '../test-support/render.tsx';
import { ChangePasswordPage } from './change-password-page.tsx';

const WORDS = {
  en: {
    title: 'Set a new password',
    password: 'New password',
    repeat: 'Repeat the new password',
    save: 'Set the password',
    short: 'The password needs at least 12 characters.',
    mismatch: 'The two passwords differ: type the same password twice.',
    failed: 'The password was not set',
  },
  es: {
    title: 'Establezca una contraseña nueva',
    password: 'Contraseña nueva',
    repeat: 'Repita la contraseña nueva',
    save: 'Establecer la contraseña',
    short: 'La contraseña necesita al menos 12 caracteres.',
    mismatch: 'Las dos contraseñas no coinciden: escriba la misma contraseña dos veces.',
    failed: 'No se estableció la contraseña',
  },
} as const;

const SESSION = {
  user: { id: 'u2', name: 'mo.monitor', role: 'monitor' },
  mustChangePassword: false,
  csrfToken: 'csrf',
  permissions: ['dashboard:read'],
};

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe.each(['en', 'es'] as const)('the set-a-new-password page after a reset (%s)', (lang) => {
  const w = WORDS[lang];

  it('refuses a short password, naming the bound, and sends nothing', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch');
    renderIn(<ChangePasswordPage name="mo.monitor" onChanged={() => {}} />, lang);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(w.title);
    const field = screen.getByLabelText(w.password);
    fireEvent.change(field, { target: { value: 'short' } });
    await userEvent.click(screen.getByRole('button', { name: w.save }));
    expect(screen.getByRole('alert').textContent).toBe(w.short);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toContain(`${field.id}-error`);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('refuses two different passwords and sends nothing', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch');
    renderIn(<ChangePasswordPage name="mo.monitor" onChanged={() => {}} />, lang);
    fireEvent.change(screen.getByLabelText(w.password), { target: { value: 'a brand new passphrase' } });
    fireEvent.change(screen.getByLabelText(w.repeat), { target: { value: 'a brand new passfrase' } });
    await userEvent.click(screen.getByRole('button', { name: w.save }));
    expect(screen.getByRole('alert').textContent).toBe(w.mismatch);
    expect(screen.getByLabelText(w.repeat).getAttribute('aria-invalid')).toBe('true');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('sends only the new password, then hands over the fresh session', async () => {
    const fetch = vi
      .spyOn(globalThis, 'fetch')
      .mockImplementation(async (input) =>
        String(input) === '/api/v1/auth/password' ? new Response(null, { status: 204 }) : json(SESSION),
      );
    const onChanged = vi.fn();
    renderIn(<ChangePasswordPage name="mo.monitor" onChanged={onChanged} />, lang);
    fireEvent.change(screen.getByLabelText(w.password), { target: { value: 'a brand new passphrase' } });
    fireEvent.change(screen.getByLabelText(w.repeat), { target: { value: 'a brand new passphrase' } });
    await userEvent.click(screen.getByRole('button', { name: w.save }));
    await vi.waitFor(() => expect(onChanged).toHaveBeenCalledWith(SESSION));
    const [path, init] = fetch.mock.calls[0] ?? [];
    expect(path).toBe('/api/v1/auth/password');
    expect(JSON.parse(String(init?.body))).toEqual({ newPassword: 'a brand new passphrase' });
  });

  it("shows the server's refusal", async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      json({ title: 'Invalid', status: 400, detail: 'Passwords are at most 200 characters.' }, 400),
    );
    renderIn(<ChangePasswordPage name="mo.monitor" onChanged={() => {}} />, lang);
    fireEvent.change(screen.getByLabelText(w.password), { target: { value: 'a brand new passphrase' } });
    fireEvent.change(screen.getByLabelText(w.repeat), { target: { value: 'a brand new passphrase' } });
    await userEvent.click(screen.getByRole('button', { name: w.save }));
    expect(await screen.findByRole('heading', { name: w.failed })).toBeTruthy();
    expect(screen.getByText('Passwords are at most 200 characters.')).toBeTruthy();
  });
});
