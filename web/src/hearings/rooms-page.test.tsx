import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { actionsOf } from '../../../src/auth/policy.ts';
import { AccessProvider } from '../access.tsx';
import { A_FACILITY, fakeApi } from '../custody/fake-api.ts';
import type { Lang } from '../i18n.ts';
import { renderIn } from '../test-support/render.tsx';
import { RoomsPage } from './rooms-page.tsx';

afterEach(() => {
  vi.restoreAllMocks();
});

const ROOMS = {
  facility: A_FACILITY.code,
  timeZone: 'America/El_Salvador',
  rooms: [
    {
      id: 'r1',
      code: 'SALA-1',
      name: 'Sala virtual 1',
      schedule: [
        { fromDay: 1, toDay: 5, from: '07:00', to: '12:00', use: 'court' },
        { fromDay: 1, toDay: 5, from: '12:00', to: '16:00', use: 'shared' },
      ],
      blocks: [],
    },
  ],
};

const WORDS = {
  en: {
    room: 'Room',
    roomMissing: 'Choose the room.',
    schedule: 'Weekly open hours',
    scheduleMissing: 'Give the open hours; a room with none is closed.',
    scheduleSubmit: 'Save open hours',
    reason: 'Why the room is closed',
    reasonMissing: 'Say why the room is closed.',
    fromMissing: 'Give when the room closes.',
    blockSubmit: 'Close the room',
  },
  es: {
    room: 'Sala',
    roomMissing: 'Elija la sala.',
    schedule: 'Horario semanal',
    scheduleMissing: 'Indique el horario; una sala sin horario está cerrada.',
    scheduleSubmit: 'Guardar el horario',
    reason: 'Por qué se cierra la sala',
    reasonMissing: 'Indique por qué se cierra la sala.',
    fromMissing: 'Indique cuándo se cierra la sala.',
    blockSubmit: 'Cerrar la sala',
  },
} as const;

describe.each(['en', 'es'] as Lang[])('the hearing rooms page (%s)', (lang) => {
  const w = WORDS[lang];
  it('shows the open hours; refuses a missing room, schedule or block reason and sends nothing; saves a schedule', async () => {
    const sent = fakeApi((r) => {
      if (r.method === 'PUT') return { body: ROOMS.rooms[0] };
      if (r.path.endsWith('/rooms')) return { body: ROOMS };
      if (r.path.startsWith('/api/v1/facilities/')) return { body: A_FACILITY };
      return undefined;
    });
    renderIn(
      <AccessProvider actions={actionsOf('receiving_custody')}>
        <RoomsPage id={A_FACILITY.id} />
      </AccessProvider>,
      lang,
    );
    expect(await screen.findByText('Mon-Fri 07:00-12:00 court; Mon-Fri 12:00-16:00')).toBeTruthy();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: w.scheduleSubmit }));
    expect(screen.getByText(w.roomMissing)).toBeTruthy();
    expect(screen.getByText(w.scheduleMissing)).toBeTruthy();
    await user.selectOptions(screen.getByLabelText(w.room), 'SALA-1 · Sala virtual 1');
    await user.click(screen.getByRole('button', { name: w.blockSubmit }));
    expect(screen.getByText(w.fromMissing)).toBeTruthy();
    expect(screen.getByText(w.reasonMissing)).toBeTruthy();
    expect(sent.filter((r) => r.method !== 'GET')).toEqual([]);
    await user.type(screen.getByLabelText(w.schedule), 'Mon-Fri 08:00-16:00');
    await user.click(screen.getByRole('button', { name: w.scheduleSubmit }));
    expect(sent.filter((r) => r.method !== 'GET').map((r) => [r.method, r.path, r.body])).toEqual([
      [
        'PUT',
        `/api/v1/facilities/${A_FACILITY.id}/rooms/SALA-1/schedule`,
        { schedule: 'Mon-Fri 08:00-16:00' },
      ],
    ]);
  });
});

describe('a room block', () => {
  it('is shown on the facility’s clock, like the open hours, not in UTC', async () => {
    const blocked = {
      ...ROOMS,
      rooms: [
        {
          ...ROOMS.rooms[0],
          blocks: [
            {
              id: 'b1',
              from: '2027-03-15T13:00:00.000Z',
              to: '2027-03-15T18:00:00.000Z',
              reason: 'Video link maintenance',
            },
          ],
        },
      ],
    };
    fakeApi((r) => {
      if (r.path.endsWith('/rooms')) return { body: blocked };
      if (r.path.startsWith('/api/v1/facilities/')) return { body: A_FACILITY };
      return undefined;
    });
    renderIn(<RoomsPage id={A_FACILITY.id} />, 'es');
    expect(await screen.findByText('2027-03-15 07:00–12:00: Video link maintenance')).toBeTruthy();
    expect(screen.queryByText(/UTC/)).toBeNull();
  });
});
