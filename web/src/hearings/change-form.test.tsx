import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useAction } from '../components/action-feedback.tsx';
import { fakeApi } from '../custody/fake-api.ts';
import type { Lang } from '../i18n.ts';
import { renderIn } from '../test-support/render.tsx';
import { ChangeForm } from './change-form.tsx';
import { A_HEARING as HEARING } from './fixtures.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

function WithAction() {
  const action = useAction(() => {});
  return <ChangeForm hearings={[HEARING]} facilityZone="America/El_Salvador" action={action} />;
}

const HISTORY = [
  {
    version: 1,
    kind: 'booked',
    at: '2025-10-27T15:00:00.000Z',
    actor: 'user:court',
    changed: [],
    reason: null,
  },
  {
    version: 2,
    kind: 'amended',
    at: '2025-10-28T15:00:00.000Z',
    actor: 'user:court',
    changed: ['roomId'],
    reason: 'Room 2 has the interpreter line.',
  },
];
const ALTERNATIVE = {
  room: 'SALA-2',
  start: '2025-11-03T15:00:00.000Z',
  end: '2025-11-03T15:30:00.000Z',
  courtTime: { zone: 'America/New_York', local: '2025-11-03T10:00' },
  facilityTime: { zone: 'America/El_Salvador', local: '2025-11-03T09:00' },
};

const WORDS = {
  en: {
    hearing: 'Hearing',
    hearingMissing: 'Choose the hearing.',
    act: 'Change',
    actMissing: 'Choose whether to amend or cancel the booking.',
    amend: 'Amend the booking',
    cancel: 'Cancel the booking',
    nothing: 'Give a new start, room or video link.',
    video: 'Video link (optional)',
    videoInvalid: 'Give the court’s https:// link, or leave it empty.',
    room: 'Room (optional)',
    reason: 'Why the hearing is cancelled',
    amendReason: 'Why the booking is amended',
    amendReasonMissing: 'Say why the booking is amended.',
    reasonMissing: 'Say why the hearing is cancelled.',
    submit: 'Save change',
    history: 'History of this booking',
    amended: 'Amended',
    unavailable: 'That slot is not free. Choose one of these instead:',
  },
  es: {
    hearing: 'Audiencia',
    hearingMissing: 'Elija la audiencia.',
    act: 'Cambio',
    actMissing: 'Elija si modifica o cancela la reserva.',
    amend: 'Modificar la reserva',
    cancel: 'Cancelar la reserva',
    nothing: 'Indique un nuevo inicio, sala o enlace de video.',
    video: 'Enlace de video (opcional)',
    videoInvalid: 'Indique el enlace https:// del tribunal, o déjelo vacío.',
    room: 'Sala (opcional)',
    reason: 'Por qué se cancela la audiencia',
    amendReason: 'Por qué se modifica la reserva',
    amendReasonMissing: 'Indique por qué se modifica la reserva.',
    reasonMissing: 'Indique por qué se cancela la audiencia.',
    submit: 'Guardar el cambio',
    history: 'Historial de esta reserva',
    amended: 'Modificada',
    unavailable: 'Esa franja no está libre. Elija una de estas:',
  },
} as const;

const posts = (sent: { method: string; path: string; body: unknown }[]) =>
  sent.filter((r) => r.method === 'POST').map((r) => [r.path, r.body]);

describe.each(['en', 'es'] as Lang[])('the change or cancel form (%s)', (lang) => {
  const w = WORDS[lang];
  const answer = (r: { method: string; path: string }) => {
    if (r.method === 'GET') return { body: { ...HEARING, history: HISTORY } };
    if (r.path.endsWith('/cancel')) return { status: 201, body: { ...HEARING, status: 'cancelled' } };
    return { status: 409, body: { amended: false, conflicts: ['room'], alternatives: [ALTERNATIVE] } };
  };

  it('refuses a change with no hearing, no choice, or nothing to change, and sends nothing', async () => {
    const sent = fakeApi(answer);
    renderIn(<WithAction />, lang);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: w.submit }));
    expect(screen.getByText(w.hearingMissing)).toBeTruthy();
    expect(screen.getByText(w.actMissing)).toBeTruthy();
    await user.selectOptions(screen.getByLabelText(w.hearing), '2025-11-03 09:00 · D.D.C. · SALA-1');
    await user.selectOptions(screen.getByLabelText(w.act), w.amend);
    await user.click(screen.getByRole('button', { name: w.submit }));
    expect(screen.getByText(w.nothing)).toBeTruthy();
    expect(screen.getByText(w.amendReasonMissing)).toBeTruthy();
    await user.type(screen.getByLabelText(w.video), 'http://meet.example/x');
    await user.click(screen.getByRole('button', { name: w.submit }));
    expect(screen.getByText(w.videoInvalid)).toBeTruthy();
    expect(posts(sent)).toEqual([]);
  });

  it('shows the history, offers alternatives when the new room is taken, and cancels only with a reason', async () => {
    const sent = fakeApi(answer);
    renderIn(<WithAction />, lang);
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText(w.hearing), '2025-11-03 09:00 · D.D.C. · SALA-1');
    expect(await screen.findByRole('heading', { name: w.history })).toBeTruthy();
    expect(screen.getByText(new RegExp(`${w.amended} · user:court`))).toBeTruthy();
    await user.selectOptions(screen.getByLabelText(w.act), w.amend);
    expect(screen.getByText(/Room 2 has the interpreter line\./)).toBeTruthy();
    await user.type(screen.getByLabelText(w.room), 'SALA-3');
    await user.type(screen.getByLabelText(w.amendReason), 'Counsel asked for room 3.');
    await user.click(screen.getByRole('button', { name: w.submit }));
    expect(await screen.findByText(w.unavailable)).toBeTruthy();
    await user.selectOptions(screen.getByLabelText(w.act), w.cancel);
    await user.clear(screen.getByLabelText(w.reason));
    await user.click(screen.getByRole('button', { name: w.submit }));
    expect(screen.getByText(w.reasonMissing)).toBeTruthy();
    await user.clear(screen.getByLabelText(w.reason));
    await user.type(screen.getByLabelText(w.reason), 'The case was dismissed.');
    await user.click(screen.getByRole('button', { name: w.submit }));
    expect(posts(sent)).toEqual([
      [`/api/v1/hearings/${HEARING.id}/amend`, { room: 'SALA-3', reason: 'Counsel asked for room 3.' }],
      [`/api/v1/hearings/${HEARING.id}/cancel`, { reason: 'The case was dismissed.' }],
    ]);
  });
});
