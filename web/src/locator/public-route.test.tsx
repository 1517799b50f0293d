import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../app.tsx';
import { LoginPage } from '../auth/login-page.tsx';
import { renderIn } from '../test-support/render.tsx';

afterEach(() => {
  vi.restoreAllMocks();
  window.history.replaceState(null, '', '/');
});

/** No session: the session check answers 401, as it does for a reader who has not signed in. */
function signedOut() {
  vi.spyOn(globalThis, 'fetch').mockImplementation(
    async () =>
      new Response(JSON.stringify({ status: 401, detail: 'Sign in first.' }), {
        status: 401,
        headers: { 'content-type': 'application/problem+json' },
      }),
  );
}

describe('the public locator route', () => {
  it('shows the locator without signing in, and stays on /locator', async () => {
    signedOut();
    window.history.replaceState(null, '', '/locator');
    renderIn(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Find a person in custody' })).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(window.location.pathname).toBe('/locator');
  });

  it('still sends any other page to sign-in', async () => {
    signedOut();
    window.history.replaceState(null, '', '/people');
    renderIn(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    expect(window.location.pathname).toBe('/login');
  });

  it.each([
    ['en', 'Find a person in custody'],
    ['es', 'Buscar a una persona detenida'],
  ] as const)('is linked from the sign-in page (%s)', (lang, text) => {
    renderIn(<LoginPage notice={null} onSignedIn={() => {}} />, lang);
    expect(screen.getByRole('link', { name: text }).getAttribute('href')).toBe('/locator');
  });
});
