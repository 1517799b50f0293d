import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../custody/fake-api.ts';
import type { Lang } from '../i18n.ts';
import { renderIn } from '../test-support/render.tsx';
import { CourtDayPage } from './court-day-page.tsx';
import { A_HEARING } from './fixtures.ts';

const zoned = (zone: string, local: string) => ({ zone, local });
const HEARING = {
  ...A_HEARING,
  court: 'U.S. District Court, D.D.C.',
  start: '2025-04-15T13:15:00.000Z',
  end: '2025-04-15T13:45:00.000Z',
  courtTime: zoned('America/New_York', '2025-04-15T09:15'),
  facilityTime: zoned('America/El_Salvador', '2025-04-15T07:15'),
  courtEnd: zoned('America/New_York', '2025-04-15T09:45'),
  facilityEnd: zoned('America/El_Salvador', '2025-04-15T07:45'),
  preMinutes: 15,
  caseRef: '1:25-cv-01200',
  videoUrl: null,
  interpreter: 'es',
  bookedAt: '2025-04-14T19:00:00.000Z',
  flags: ['no_video_url'],
};
const COURT = { id: 'p1', kind: 'court', code: 'U.S. District Court, D.D.C.', name: 'District of Columbia' };

afterEach(() => {
  vi.restoreAllMocks();
});

describe.each([
  ['en', 'Video-link hearings by day', 'No video link yet', 'Download this list as CSV', 'Print this list'],
  [
    'es',
    'Audiencias por videoenlace por día',
    'Aún sin enlace de video',
    'Descargar esta lista en CSV',
    'Imprimir esta lista',
  ],
] as [Lang, string, string, string, string][])(
  'the court’s hearing day list (%s)',
  (lang, title, flag, csv, print) => {
    it('lists the court’s hearings of the day with the person and the case, as CSV or printed', async () => {
      const sent = fakeApi((r) => {
        if (r.path.startsWith('/api/v1/parties')) return { body: { items: [COURT] } };
        if (r.path.startsWith('/api/v1/courts/'))
          return {
            body: {
              court: COURT.code,
              timeZone: 'America/New_York',
              date: '2025-04-15',
              hearings: [HEARING],
            },
          };
        return undefined;
      });
      const printed = vi.spyOn(window, 'print').mockImplementation(() => {});
      renderIn(<CourtDayPage />, lang);
      expect(screen.getByRole('heading', { level: 1, name: title })).toBeTruthy();
      expect(await screen.findByText('2025-04-15 09:15 (America/New_York)')).toBeTruthy();
      expect(screen.getByText('José Luis Pérez (ICE-2025-E00003)')).toBeTruthy();
      expect(screen.getByText('1:25-cv-01200')).toBeTruthy();
      expect(screen.getByText(flag)).toBeTruthy();
      // The court is named once, in the caption: its own list has no column of it.
      expect(screen.queryByRole('columnheader', { name: lang === 'en' ? 'Court' : 'Tribunal' })).toBeNull();
      expect(screen.getByRole('columnheader', { name: lang === 'en' ? 'Room' : 'Sala' })).toBeTruthy();
      expect(screen.getByRole('link', { name: csv }).getAttribute('href')).toMatch(
        /^\/api\/v1\/courts\/U\.S\.%20District%20Court%2C%20D\.D\.C\.\/hearings\?date=.*&format=csv$/,
      );
      screen.getByRole('button', { name: print }).click();
      expect(printed).toHaveBeenCalled();
      expect(sent.some((r) => r.path.startsWith('/api/v1/parties?kind=court'))).toBe(true);
    });
  },
);
