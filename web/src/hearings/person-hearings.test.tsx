import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { actionsOf } from '../../../src/auth/policy.ts';
import { AccessProvider } from '../access.tsx';
import { fakeApi } from '../custody/fake-api.ts';
import type { Lang } from '../i18n.ts';
import { renderIn } from '../test-support/render.tsx';
import { A_HEARING } from './fixtures.ts';
import { PersonHearings } from './person-hearings.tsx';

afterEach(() => {
  vi.restoreAllMocks();
});

/** A hearing that has started (its outcome can be recorded), with no video link. */
const STARTED = { ...A_HEARING, videoUrl: null, flags: ['no_video_url'] };

const WORDS = {
  en: {
    hearing: 'Hearing',
    outcome: 'Outcome',
    held: 'Held',
    hold: 'Legal hold issued at the hearing (optional)',
    holdCase: 'Case of the hold',
    submit: 'Record outcome',
    flag: 'No video link yet',
    loading: 'Loading…',
  },
  es: {
    hearing: 'Audiencia',
    outcome: 'Resultado',
    held: 'Celebrada',
    hold: 'Orden judicial dictada en la audiencia (opcional)',
    holdCase: 'Causa de la orden judicial',
    submit: 'Registrar resultado',
    flag: 'Aún sin enlace de video',
    loading: 'Cargando…',
  },
} as const;

describe.each(['en', 'es'] as Lang[])('a person’s video-link hearings, for a court (%s)', (lang) => {
  const w = WORDS[lang];
  it('after an outcome with a hold, fetches the hearings and the person’s record again', async () => {
    const sent = fakeApi((r) => {
      if (r.method === 'POST')
        return { status: 201, body: { ...STARTED, status: 'held', flags: [], holdId: 'h1' } };
      if (r.path.endsWith('/hearings'))
        return {
          body: { personId: STARTED.personId, facilityZone: 'America/El_Salvador', hearings: [STARTED] },
        };
      return undefined;
    });
    const recordChanged = vi.fn();
    renderIn(
      <AccessProvider actions={actionsOf('court')}>
        <PersonHearings personId={STARTED.personId} name={STARTED.name} onRecordChanged={recordChanged} />
      </AccessProvider>,
      lang,
    );
    // Until the hearings arrive, the section says it is loading (not a bare heading).
    expect(screen.getByText(w.loading)).toBeTruthy();
    expect(await screen.findByText(w.flag)).toBeTruthy();
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText(w.hearing), STARTED.id);
    await user.selectOptions(screen.getByLabelText(w.outcome), w.held);
    await user.selectOptions(screen.getByLabelText(w.hold), 'court_order');
    await user.type(screen.getByLabelText(w.holdCase), '1:26-cv-00016');
    await user.click(screen.getByRole('button', { name: w.submit }));
    await waitFor(() => expect(recordChanged).toHaveBeenCalledTimes(1));
    expect(sent.filter((r) => r.method === 'POST').map((r) => r.body)).toEqual([
      { outcome: 'held', hold: { type: 'court_order', case: '1:26-cv-00016' } },
    ]);
    expect(sent.filter((r) => r.path.endsWith('/hearings')).length).toBe(2);
  });
});
