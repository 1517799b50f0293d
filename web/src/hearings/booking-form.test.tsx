import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { actionsOf } from '../../../src/auth/policy.ts';
import { AccessProvider } from '../access.tsx';
import { fakeApi, type SentRequest } from '../custody/fake-api.ts';
import type { Lang } from '../i18n.ts';
import { renderIn } from '../test-support/render.tsx';
import { BookingForm } from './booking-form.tsx';
import { A_HEARING } from './fixtures.ts';
import { PersonHearings } from './person-hearings.tsx';

const PERSON = '01900000-0000-7000-8000-0000000000a1';
const zoned = (zone: string, local: string) => ({ zone, local });
const SV = 'America/El_Salvador';
const NY = 'America/New_York';

const alternative = (room: string, start: string, sv: string, ny: string) => ({
  room,
  start,
  end: start,
  facilityTime: zoned(SV, sv),
  courtTime: zoned(NY, ny),
});

const BOOKING = {
  ...A_HEARING,
  id: '01900000-0000-7000-8000-0000000000h1',
  hearingType: 'bail',
  start: '2025-11-03T14:00:00.000Z',
  end: '2025-11-03T14:30:00.000Z',
  courtTime: zoned(NY, '2025-11-03T09:00'),
  facilityTime: zoned(SV, '2025-11-03T08:00'),
  courtEnd: zoned(NY, '2025-11-03T09:30'),
  facilityEnd: zoned(SV, '2025-11-03T08:30'),
  videoUrl: null,
} as const;

const posts = (sent: SentRequest[]) => sent.filter((r) => r.method === 'POST');

afterEach(() => {
  vi.restoreAllMocks();
});

const WORDS = {
  en: {
    court: 'Court',
    type: 'Hearing type',
    start: 'Starts',
    submit: 'Book hearing',
    courtMissing: 'Name the court.',
    typeMissing: 'Choose the hearing type.',
    startMissing: 'Give the date and time the hearing starts.',
    minutes: 'Minutes',
    minutesInvalid: 'Give a whole number from 5 to 480.',
    bail: 'Bail',
    unavailable: 'That slot is not free. Choose one of these instead:',
    choose: 'Book SALA-1 at 2025-11-03 08:00',
    booked: 'Hearing booked in SALA-1: 2025-11-03 08:00 here, 2025-11-03 09:00 at the court.',
  },
  es: {
    court: 'Tribunal',
    type: 'Tipo de audiencia',
    start: 'Empieza',
    submit: 'Reservar audiencia',
    courtMissing: 'Indique el tribunal.',
    typeMissing: 'Elija el tipo de audiencia.',
    startMissing: 'Indique la fecha y la hora en que empieza la audiencia.',
    minutes: 'Minutos',
    minutesInvalid: 'Indique un número entero entre 5 y 480.',
    bail: 'Fianza',
    unavailable: 'Esa franja no está libre. Elija una de estas:',
    choose: 'Reservar SALA-1 a las 2025-11-03 08:00',
    booked: 'Audiencia reservada en SALA-1: 2025-11-03 08:00 aquí, 2025-11-03 09:00 en el tribunal.',
  },
} as const;

describe.each(['en', 'es'] as Lang[])('the hearing booking form (%s)', (lang) => {
  const w = WORDS[lang];
  const form = () =>
    renderIn(<BookingForm personId={PERSON} person="José Luis Pérez" facilityZone={SV} />, lang);

  it('refuses a missing court, type and start and a bad duration, and sends nothing', async () => {
    const sent = fakeApi(() => undefined);
    form();
    const user = userEvent.setup();
    await user.clear(screen.getByLabelText(w.minutes));
    await user.type(screen.getByLabelText(w.minutes), '2');
    await user.click(screen.getByRole('button', { name: w.submit }));
    expect(screen.getByText(w.courtMissing)).toBeTruthy();
    expect(screen.getByLabelText(w.court).getAttribute('aria-describedby')).toMatch(/error/);
    expect(screen.getByText(w.typeMissing)).toBeTruthy();
    expect(screen.getByLabelText(w.type).getAttribute('aria-describedby')).toMatch(/error/);
    expect(screen.getByText(w.startMissing)).toBeTruthy();
    expect(screen.getByLabelText(w.start).getAttribute('aria-describedby')).toMatch(/error/);
    expect(screen.getByText(w.minutesInvalid)).toBeTruthy();
    expect(screen.getByLabelText(w.minutes).getAttribute('aria-describedby')).toMatch(/error/);
    expect(posts(sent)).toEqual([]);
  });

  it('shows the alternatives of a slot that is not free, and books the one chosen', async () => {
    const sent = fakeApi((request) => {
      if (request.method !== 'POST') return undefined;
      const body = request.body as { room?: string };
      if (body.room === 'SALA-1') return { status: 201, body: { booked: true, booking: BOOKING } };
      return {
        status: 409,
        body: {
          booked: false,
          conflicts: ['room_booked'],
          alternatives: [
            alternative('SALA-1', '2025-11-03T14:00:00.000Z', '2025-11-03T08:00', '2025-11-03T09:00'),
            alternative('SALA-1', '2025-11-03T16:00:00.000Z', '2025-11-03T10:00', '2025-11-03T11:00'),
            alternative('SALA-2', '2025-11-03T15:00:00.000Z', '2025-11-03T09:00', '2025-11-03T10:00'),
          ],
        },
      };
    });
    form();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(w.court), 'D.D.C.');
    await user.selectOptions(screen.getByLabelText(w.type), w.bail);
    fireEvent.change(screen.getByLabelText(w.start), { target: { value: '2025-11-03T09:00' } });
    await user.click(screen.getByRole('button', { name: w.submit }));
    expect(await screen.findByText(w.unavailable)).toBeTruthy();
    expect(posts(sent)[0]?.body).toEqual({
      person: PERSON,
      court: 'D.D.C.',
      hearingType: 'bail',
      start: '2025-11-03T09:00:00-06:00',
      minutes: 30,
      pre: 0,
      post: 0,
    });
    expect(screen.getAllByRole('button', { name: /SALA-/ })).toHaveLength(3);
    await user.click(screen.getByRole('button', { name: w.choose }));
    expect(await screen.findByText(w.booked)).toBeTruthy();
    expect(posts(sent)[1]?.body).toMatchObject({ room: 'SALA-1', start: '2025-11-03T14:00:00.000Z' });
  });
});

describe('the person page’s video-link hearings', () => {
  it('shows a court its hearing in both zones with the booking form, a monitor no form, finance nothing', async () => {
    fakeApi((r) =>
      r.method === 'GET'
        ? {
            body: { personId: PERSON, facilityZone: SV, hearings: [{ ...BOOKING, flags: ['no_video_url'] }] },
          }
        : undefined,
    );
    const view = (role: string, lang: Lang) =>
      renderIn(
        <AccessProvider actions={actionsOf(role)}>
          <PersonHearings personId={PERSON} name="José Luis Pérez" />
        </AccessProvider>,
        lang,
      );
    const court = view('court', 'es');
    expect(await screen.findByRole('heading', { name: 'Audiencias por videoenlace' })).toBeTruthy();
    expect(await screen.findByText('2025-11-03 09:00 (America/New_York)')).toBeTruthy();
    expect(screen.getByText('2025-11-03 08:00 (America/El_Salvador)')).toBeTruthy();
    expect(screen.getByText('Aún sin enlace de video')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reservar audiencia' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Registrar resultado' })).toBeTruthy();
    court.unmount();
    const monitor = view('monitor', 'en');
    expect(await screen.findByText('No video link yet')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Book hearing' })).toBeNull();
    monitor.unmount();
    view('finance', 'en');
    expect(screen.queryByRole('heading', { name: 'Video-link hearings' })).toBeNull();
  });
});
