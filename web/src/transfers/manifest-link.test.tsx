import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { actionsOf } from '../../../src/auth/policy.ts';
import { AccessProvider } from '../access.tsx';
import { renderIn } from '../test-support/render.tsx';
import { ManifestLink } from './manifest-link.tsx';

function asRole(role: string, lang: 'en' | 'es' = 'en') {
  return renderIn(
    <AccessProvider actions={actionsOf(role)} userRole={role}>
      <ManifestLink manifestId="m-1">Open the manifest</ManifestLink>
    </AccessProvider>,
    lang,
  );
}

describe('ManifestLink', () => {
  it('links the manifest for a reader who may read manifests', () => {
    asRole('sending_officer');
    expect(screen.getByRole('link', { name: 'Open the manifest' }).getAttribute('href')).toBe(
      '/manifests/m-1',
    );
  });

  it('only says the transfer is on a manifest to counsel and courts, in their language', () => {
    const { unmount } = asRole('counsel');
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByText('On a flight manifest.')).toBeTruthy();
    unmount();
    asRole('court', 'es');
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByText('En un manifiesto de vuelo.')).toBeTruthy();
  });
});
