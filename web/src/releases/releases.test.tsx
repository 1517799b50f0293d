import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../custody/fake-api.ts';
import { PersonReleaseDateSection } from '../people/person-release-date.tsx';
import { renderIn } from '../test-support/render.tsx';
import type { Calculation, PersonReleaseDate, ReleaseRow } from './api.ts';
import { OverdueReleaseAlarm } from './overdue-alarm.tsx';
import { ReleasesTable } from './releases-table.tsx';

const PERSON = '01900000-0000-7000-8000-0000000000a1';

const INITIAL: Calculation = {
  id: 'calc-1',
  reason: 'initial',
  inputsHash: 'ab'.repeat(32),
  inputs: { sentences: [] },
  computed: { kind: 'date', date: '2026-01-09' },
  result: { kind: 'date', date: '2026-01-09' },
  breakdown: [
    {
      convictionId: 'c1',
      final: true,
      recordedStart: '2019-03-01',
      start: '2019-03-01',
      days: 2500,
      creditDays: 100,
      consecutiveTo: null,
      release: { kind: 'date', date: '2025-09-26' },
      governing: false,
    },
    {
      convictionId: 'c2',
      final: true,
      recordedStart: '2019-03-01',
      start: '2025-09-27',
      days: 104,
      creditDays: 0,
      consecutiveTo: 'c1',
      release: { kind: 'date', date: '2026-01-09' },
      governing: true,
    },
  ],
  override: null,
  current: false,
  calculatedAt: '2025-06-12T23:00:00.000Z',
  calculatedBy: 'user:receiving.officer',
};

const VIEW: PersonReleaseDate = {
  personId: PERSON,
  ref: 'ICE-2025-E00005',
  name: 'Carlos Ramírez',
  current: {
    ...INITIAL,
    id: 'calc-2',
    reason: 'court_order',
    result: { kind: 'date', date: '2025-12-01' },
    override: {
      date: '2025-12-01',
      reason: 'Sentence reduced on appeal',
      courtOrder: { reference: 'HC-2025-0142', court: 'Sala de lo Constitucional', date: '2025-11-20' },
      role: 'court',
    },
    current: true,
    calculatedAt: '2025-11-21T15:00:00.000Z',
    calculatedBy: 'user:court',
  },
  earlier: [INITIAL],
  explanations: [],
};

const ROWS: ReleaseRow[] = [
  {
    personId: PERSON,
    ref: 'ICE-2025-E00002',
    name: 'Mario Pérez',
    facility: 'SV-CECOT',
    facilityName: 'CECOT',
    releaseDate: '2025-10-31',
    status: 'overdue',
    days: 45,
    calculationReason: 'initial',
    courtOrder: null,
  },
  {
    personId: 'p2',
    ref: 'ICE-2025-E00005',
    name: 'Carlos Ramírez',
    facility: 'SV-CECOT',
    facilityName: 'CECOT',
    releaseDate: '2026-01-09',
    status: 'due',
    days: 25,
    calculationReason: 'initial',
    courtOrder: null,
  },
];

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the release date on the person page', () => {
  it.each([
    [
      'en',
      'Release date',
      /Release date in force/,
      'How it was calculated',
      'court order',
      'first calculation',
    ],
    [
      'es',
      'Fecha de excarcelación',
      /Fecha de excarcelación vigente/,
      'Cómo se calculó',
      'orden judicial',
      'primer cálculo',
    ],
  ] as const)(
    'shows the date, the override with its order, the breakdown and the history (%s)',
    async (lang, title, inForce, breakdown, why, first) => {
      fakeApi((r) => (r.path === `/api/v1/people/${PERSON}/release-date` ? { body: VIEW } : undefined));
      renderIn(<PersonReleaseDateSection personId={PERSON} />, lang);
      expect(await screen.findByText(inForce)).toBeTruthy();
      expect(screen.getByRole('heading', { name: title })).toBeTruthy();
      expect(screen.getByText(/HC-2025-0142/)).toBeTruthy();
      expect(screen.getByText(/Sentence reduced on appeal/)).toBeTruthy();
      expect(screen.getByRole('heading', { name: breakdown })).toBeTruthy();
      const tables = screen.getAllByRole('table');
      expect(within(tables[0]!).getAllByRole('row')).toHaveLength(3);
      expect(within(tables[0]!).getByRole('rowheader', { name: /c2/ })).toBeTruthy();
      expect(screen.getByText(new RegExp(why))).toBeTruthy();
      expect(within(tables[1]!).getByText(first)).toBeTruthy();
    },
  );

  it('says why there is no date: not yet calculated, or life', async () => {
    fakeApi(() => ({ body: { ...VIEW, current: null, earlier: [] } }));
    const { unmount } = renderIn(<PersonReleaseDateSection personId={PERSON} />, 'en');
    expect(await screen.findByText(/calculated when the person enters custody/)).toBeTruthy();
    unmount();
    vi.restoreAllMocks();
    const life = { ...INITIAL, result: { kind: 'life', beyondRepresentable: false } } as const;
    fakeApi(() => ({ body: { ...VIEW, current: life, earlier: [] } }));
    renderIn(<PersonReleaseDateSection personId={PERSON} />, 'es');
    expect(await screen.findByText('Cadena perpetua: sin fecha de excarcelación.')).toBeTruthy();
  });
});

describe('the releases-due worklist and the overdue alarm', () => {
  it.each([
    ['en', 'Held 45 days past the date', 'Due in 25 days', 'Held past the release date'],
    [
      'es',
      'Detenida 45 días después de la fecha',
      'Dentro de 25 días',
      'Detención después de la fecha de excarcelación',
    ],
  ] as const)(
    'names each person, links to them, and says where the release stands (%s)',
    (lang, overdue, due, alarm) => {
      const { unmount } = renderIn(<ReleasesTable caption="Releases due" items={ROWS} />, lang);
      expect(screen.getByText(overdue)).toBeTruthy();
      expect(screen.getByText(due)).toBeTruthy();
      expect(screen.getByRole('link', { name: 'Mario Pérez' }).getAttribute('href')).toBe(
        `/people/${PERSON}`,
      );
      unmount();
      renderIn(<OverdueReleaseAlarm overdue={ROWS.slice(0, 1)} />, lang);
      const box = screen.getByRole('alert');
      expect(within(box).getByRole('heading', { name: alarm })).toBeTruthy();
      expect(
        within(box)
          .getByRole('link', { name: /ICE-2025-E00002 Mario Pérez/ })
          .getAttribute('href'),
      ).toBe(`/people/${PERSON}`);
    },
  );

  it('shows nothing when nobody is held past their date', () => {
    const { container } = renderIn(<OverdueReleaseAlarm overdue={[]} />, 'en');
    expect(container.textContent).toBe('');
  });
});
