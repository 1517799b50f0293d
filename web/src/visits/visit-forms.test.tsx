import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { actionsOf } from '../../../src/auth/policy.ts';
import { AccessProvider } from '../access.tsx';
import { useAction } from '../components/action-feedback.tsx';
import { fakeApi, type SentRequest } from '../custody/fake-api.ts';
import type { Lang } from '../i18n.ts';
import { renderIn } from '../test-support/render.tsx';
import type { LegalVisit } from './api.ts';
import { OutcomeForm } from './outcome-form.tsx';
import { PersonLegalVisits } from './person-legal-visits.tsx';
import { RefuseForm } from './refuse-form.tsx';
import { RequestForm } from './request-form.tsx';
import { ScheduleForm } from './schedule-form.tsx';

const VISIT: LegalVisit = {
  id: '01900000-0000-7000-8000-0000000000c1',
  personId: '01900000-0000-7000-8000-0000000000a1',
  personRef: 'ICE-2025-E00003',
  name: 'José Luis Pérez',
  facility: 'SV-CECOT',
  timeZone: 'America/El_Salvador',
  office: 'Defensa Migrante',
  kind: 'video',
  windowFrom: '2025-04-15T15:00:00.000Z',
  windowTo: '2025-04-19T15:00:00.000Z',
  note: null,
  status: 'requested',
  requestedAt: '2025-04-14T15:00:00.000Z',
  requestedBy: 'user:counsel',
  dueAt: '2025-04-21T15:00:00.000Z',
  room: null,
  startsAt: null,
  endsAt: null,
  reasonCode: null,
  reason: null,
  closedAt: null,
};

const ok = (request: SentRequest) =>
  request.method === 'POST' ? { status: 201, body: { ...VISIT, status: 'scheduled' } } : undefined;
const posts = (sent: SentRequest[]) => sent.filter((r) => r.method === 'POST');

afterEach(() => {
  vi.restoreAllMocks();
});

/** A form with an action runner of its own, as the pages give it. */
function WithAction({ form }: { form: (action: ReturnType<typeof useAction>) => React.ReactNode }) {
  const action = useAction(() => {});
  return <>{form(action)}</>;
}

const WORDS = {
  en: {
    schedule: 'Schedule',
    refuse: 'Refuse',
    record: 'Record',
    request: 'Request the visit',
    room: 'Give the room’s location code.',
    time: 'Give a date and time.',
    order: 'The visit must end after it starts.',
    code: 'Choose a reason.',
    words: 'Say why in words.',
    outcome: 'Choose held or not held.',
    kind: 'Choose how you will meet your client.',
    window: 'The window must end after it starts.',
  },
  es: {
    schedule: 'Programar',
    refuse: 'Denegar',
    record: 'Registrar',
    request: 'Solicitar la visita',
    room: 'Indique el código de ubicación de la sala.',
    time: 'Indique una fecha y una hora.',
    order: 'La visita debe terminar después de empezar.',
    code: 'Elija un motivo.',
    words: 'Explique el motivo con palabras.',
    outcome: 'Elija celebrada o no celebrada.',
    kind: 'Elija cómo se reunirá con su cliente.',
    window: 'La franja debe terminar después de empezar.',
  },
} as const satisfies Record<Lang, Record<string, string>>;

const LABELS = {
  en: {
    room: 'Room',
    starts: 'Starts',
    ends: 'Ends',
    outcome: 'Outcome',
    from: 'From',
    to: 'To',
    kind: 'Kind',
  },
  es: {
    room: 'Sala',
    starts: 'Empieza',
    ends: 'Termina',
    outcome: 'Resultado',
    from: 'Desde',
    to: 'Hasta',
    kind: 'Tipo',
  },
} as const;

const setTime = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('receiving custody’s legal visit forms', () => {
  it.each(['en', 'es'] as const)(
    'schedule: refuses a missing room and an end before the start, sends nothing (%s)',
    async (lang) => {
      const sent = fakeApi(ok);
      renderIn(<WithAction form={(action) => <ScheduleForm visit={VISIT} action={action} />} />, lang);
      setTime(LABELS[lang].starts, '2025-04-17T09:00');
      setTime(LABELS[lang].ends, '2025-04-17T08:00');
      await userEvent.click(screen.getByRole('button', { name: WORDS[lang].schedule }));
      expect(screen.getByText(WORDS[lang].room)).toBeTruthy();
      expect(screen.getByText(WORDS[lang].order)).toBeTruthy();
      expect(screen.getByLabelText(LABELS[lang].room).getAttribute('aria-describedby')).toMatch(/error/);
      expect(posts(sent)).toEqual([]);
    },
  );

  it('schedule: sends the room and the slot on the facility’s clock', async () => {
    const sent = fakeApi(ok);
    renderIn(<WithAction form={(action) => <ScheduleForm visit={VISIT} action={action} />} />, 'en');
    await userEvent.type(screen.getByLabelText('Room'), 'SALA-1');
    setTime('Starts', '2025-04-17T09:00');
    setTime('Ends', '2025-04-17T10:00');
    await userEvent.click(screen.getByRole('button', { name: 'Schedule' }));
    expect(posts(sent)).toEqual([
      {
        method: 'POST',
        path: `/api/v1/legal-visits/${VISIT.id}/schedule`,
        body: { room: 'SALA-1', startsAt: '2025-04-17T09:00:00-06:00', endsAt: '2025-04-17T10:00:00-06:00' },
      },
    ]);
  });

  it.each(['en', 'es'] as const)('refuse: needs a code and words (%s)', async (lang) => {
    const sent = fakeApi(ok);
    renderIn(<WithAction form={(action) => <RefuseForm visit={VISIT} action={action} />} />, lang);
    await userEvent.click(screen.getByRole('button', { name: WORDS[lang].refuse }));
    expect(screen.getByText(WORDS[lang].code)).toBeTruthy();
    expect(screen.getByText(WORDS[lang].words)).toBeTruthy();
    expect(posts(sent)).toEqual([]);
  });

  it.each(['en', 'es'] as const)(
    'outcome: needs held or not held, and a reason when not held (%s)',
    async (lang) => {
      const sent = fakeApi(ok);
      const scheduled = { ...VISIT, status: 'scheduled' as const };
      renderIn(<WithAction form={(action) => <OutcomeForm visit={scheduled} action={action} />} />, lang);
      await userEvent.click(screen.getByRole('button', { name: WORDS[lang].record }));
      expect(screen.getByText(WORDS[lang].outcome)).toBeTruthy();
      await userEvent.selectOptions(screen.getByLabelText(LABELS[lang].outcome), 'not_held');
      await userEvent.click(screen.getByRole('button', { name: WORDS[lang].record }));
      expect(screen.getByText(WORDS[lang].code)).toBeTruthy();
      expect(posts(sent)).toEqual([]);
      await userEvent.selectOptions(screen.getByLabelText(LABELS[lang].outcome), 'held');
      await userEvent.click(screen.getByRole('button', { name: WORDS[lang].record }));
      expect(posts(sent)).toEqual([
        { method: 'POST', path: `/api/v1/legal-visits/${VISIT.id}/outcome`, body: { outcome: 'held' } },
      ]);
    },
  );
});

describe('counsel’s request form and the person page’s section', () => {
  it.each(['en', 'es'] as const)(
    'refuses a missing kind and a window out of order, sends nothing (%s)',
    async (lang) => {
      const sent = fakeApi(ok);
      renderIn(
        <WithAction form={(action) => <RequestForm personId={VISIT.personId} action={action} />} />,
        lang,
      );
      setTime(LABELS[lang].from, '2030-04-17T09:00');
      setTime(LABELS[lang].to, '2030-04-16T09:00');
      await userEvent.click(screen.getByRole('button', { name: WORDS[lang].request }));
      expect(screen.getByText(WORDS[lang].kind)).toBeTruthy();
      expect(screen.getByText(WORDS[lang].window)).toBeTruthy();
      expect(posts(sent)).toEqual([]);
    },
  );

  it('shows counsel their client’s visits with the request form, and nothing to a role without the read', async () => {
    fakeApi((r) =>
      r.method === 'GET' ? { body: { personId: VISIT.personId, visits: [VISIT] } } : undefined,
    );
    const { unmount } = renderIn(
      <AccessProvider actions={actionsOf('counsel')}>
        <PersonLegalVisits personId={VISIT.personId} name={VISIT.name} />
      </AccessProvider>,
      'es',
    );
    expect(await screen.findByRole('heading', { name: 'Visitas legales' })).toBeTruthy();
    expect(await screen.findByText('Defensa Migrante')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Cancelar la solicitud' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Solicitar la visita' })).toBeTruthy();
    unmount();
    renderIn(
      <AccessProvider actions={actionsOf('finance')}>
        <PersonLegalVisits personId={VISIT.personId} name={VISIT.name} />
      </AccessProvider>,
      'en',
    );
    expect(screen.queryByRole('heading', { name: 'Legal visits' })).toBeNull();
  });
});
