import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { actionsOf } from '../../../src/auth/policy.ts';
import { AccessProvider } from '../access.tsx';
import { renderIn } from '../test-support/render.tsx';
import { SiteHeader } from './site-header.tsx';

const WORDS = {
  en: { transfers: 'Transfers', manifests: 'Manifests' },
  es: { transfers: 'Traslados', manifests: 'Manifiestos' },
} as const;

function header(role: string, lang: 'en' | 'es') {
  return renderIn(
    <AccessProvider actions={actionsOf(role)} userRole={role}>
      <SiteHeader
        route={{ name: 'dashboard' }}
        user={{ id: 'u1', name: 'someone', role }}
        onLogout={() => {}}
      />
    </AccessProvider>,
    lang,
  );
}

describe.each(['en', 'es'] as const)('the navigation (%s)', (lang) => {
  const w = WORDS[lang];

  it('offers Manifests only to the roles the policy lets read them: not counsel, not a court', () => {
    for (const role of ['counsel', 'court']) {
      const { unmount } = header(role, lang);
      const nav = screen.getByRole('navigation');
      expect(within(nav).getByRole('link', { name: w.transfers })).toBeTruthy();
      expect(within(nav).queryByRole('link', { name: w.manifests })).toBeNull();
      unmount();
    }
    for (const role of ['sending_officer', 'monitor']) {
      const { unmount } = header(role, lang);
      expect(within(screen.getByRole('navigation')).getByRole('link', { name: w.manifests })).toBeTruthy();
      unmount();
    }
  });
});
