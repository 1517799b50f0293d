import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { A_FACILITY, fakeApi } from '../custody/fake-api.ts';
import type { Lang } from '../i18n.ts';
import { renderIn } from '../test-support/render.tsx';
import { A_HEARING } from './fixtures.ts';
import { HearingDayPage } from './hearing-day-page.tsx';

const HEARING = {
  ...A_HEARING,
  id: '01900000-0000-7000-8000-0000000000h2',
  facility: A_FACILITY.code,
  room: 'SALA-2',
  preMinutes: 15,
  videoUrl: null,
  interpreter: 'es',
  status: 'not_produced',
  reasonCode: 'link_failed',
  version: 2,
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe.each([
  ['en', 'Video-link hearings at', 'Not produced', 'Download this list as CSV'],
  ['es', 'Audiencias por videoenlace en', 'No presentado', 'Descargar esta lista en CSV'],
] as [Lang, string, string, string][])('the facility’s hearing day list (%s)', (lang, title, state, csv) => {
  it('lists the day’s hearings by room on both clocks, with a CSV link', async () => {
    const sent = fakeApi((r) => {
      if (r.path.includes('/hearings?'))
        return {
          body: {
            facility: A_FACILITY.code,
            timeZone: 'America/El_Salvador',
            date: '2025-11-03',
            hearings: [HEARING],
          },
        };
      if (r.path.startsWith('/api/v1/facilities/')) return { body: A_FACILITY };
      return undefined;
    });
    renderIn(<HearingDayPage id={A_FACILITY.id} />, lang);
    expect(await screen.findByRole('heading', { level: 1, name: new RegExp(title) })).toBeTruthy();
    expect(await screen.findByText('2025-11-03 10:00 (America/New_York)')).toBeTruthy();
    expect(screen.getByText(state)).toBeTruthy();
    // The officers bring people to the rooms by this list: it names each person.
    expect(screen.getByText('José Luis Pérez (ICE-2025-E00003)')).toBeTruthy();
    // The case is the court's to call; the officers' list leaves it out and keeps its columns readable.
    expect(screen.queryByRole('columnheader', { name: lang === 'en' ? 'Case' : 'Causa' })).toBeNull();
    expect(screen.getByRole('link', { name: csv }).getAttribute('href')).toMatch(/format=csv$/);
    expect(sent.some((r) => r.path.includes('/hearings?date='))).toBe(true);
  });
});
