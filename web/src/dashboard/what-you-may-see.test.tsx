import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../src/auth/model.ts';
import { actionsOf } from '../../../src/auth/policy.ts';
import { AccessProvider } from '../access.tsx';
import type { Lang } from '../i18n.ts';
import { renderIn } from '../test-support/render.tsx';
import { WhatYouMaySee } from './what-you-may-see.tsx';

/** The items of the "you may do" list, as the role reads them. */
function mayDo(role: string, lang: Lang): string[] {
  const { unmount } = renderIn(
    <AccessProvider actions={actionsOf(role)} userRole={role}>
      <WhatYouMaySee />
    </AccessProvider>,
    lang,
  );
  const heading = screen.getByRole('heading', { name: lang === 'en' ? 'You may also' : 'También puede' });
  const list = heading.nextElementSibling;
  const items =
    list instanceof HTMLElement
      ? within(list)
          .queryAllByRole('listitem')
          .map((li) => li.textContent ?? '')
      : [];
  unmount();
  return items;
}

describe('WhatYouMaySee', () => {
  it('names each thing a role may do once, in both languages', () => {
    for (const role of ROLES) {
      for (const lang of ['en', 'es'] as const) {
        const items = mayDo(role, lang);
        expect(new Set(items).size, `${role} ${lang}: ${items.join('; ')}`).toBe(items.length);
      }
    }
  });

  it("says counsel's legal-visit steps one by one, not again as the route that covers them", () => {
    expect(mayDo('counsel', 'en')).toEqual(
      expect.arrayContaining(['request a legal visit', 'cancel a legal visit']),
    );
    expect(mayDo('counsel', 'en')).not.toContain('request or cancel a legal visit');
    expect(mayDo('counsel', 'es')).not.toContain('solicitar o cancelar una visita legal');
    expect(mayDo('receiving_custody', 'es')).not.toContain('programar, denegar o registrar visitas legales');
    expect(mayDo('receiving_custody', 'en')).toContain('schedule a legal visit');
    // Reading the proofs of a client's entries is something counsel may see, not something they do.
    expect(mayDo('counsel', 'en').some((w) => w.includes('proof'))).toBe(false);
  });
});
