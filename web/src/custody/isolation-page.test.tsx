import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { actionsOf } from '../../../src/auth/policy.ts';
import { AccessProvider } from '../access.tsx';
import type { Lang } from '../i18n.ts';
import { renderIn } from '../test-support/render.tsx';
import { A_FACILITY, fakeApi, PEREZ, type SentRequest } from './fake-api.ts';
import type { IsolationPlacement } from './isolation-api.ts';
import { IsolationEndForm } from './isolation-end-form.tsx';
import { IsolationStartForm } from './isolation-start-form.tsx';
import { IsolationTable } from './isolation-table.tsx';

const PLACEMENT: IsolationPlacement = {
  id: '01900000-0000-7000-8000-0000000000b1',
  facility: 'SV-CECOT',
  personId: PEREZ.id,
  personRef: 'VE-0001',
  name: 'José Luis Pérez',
  cell: 'M1-C02',
  reason: 'Disciplinary sanction',
  authorisedBy: 'Director J. Martínez',
  lighting: 'dark',
  startedAt: '2025-04-01T14:00:00.000Z',
  endedAt: null,
  endNote: null,
  recordedBy: 'custody',
};

function answer(request: SentRequest) {
  if (request.path.startsWith('/api/v1/agreements')) {
    return { body: { items: [{ id: 'ag1', facilityIds: [A_FACILITY.id] }], nextCursor: null } };
  }
  if (request.path.startsWith('/api/v1/people?')) return { body: { items: [PEREZ], nextCursor: null } };
  if (request.method === 'POST') return { status: 201, body: { placementId: 'p1', endedAt: 'x' } };
  return undefined;
}
const posts = (sent: SentRequest[]) => sent.filter((r) => r.method === 'POST');

afterEach(() => {
  vi.restoreAllMocks();
});

type Words = Record<
  'submit' | 'fix' | 'person' | 'cell' | 'reason' | 'authorised' | 'lighting' | 'cellLabel',
  string
>;
const WORDS: Record<Lang, Words> = {
  en: {
    submit: 'Start the placement',
    fix: 'Correct the fields marked below.',
    person: 'Find and choose the person placed in isolation.',
    cell: 'Give the code of one of this facility’s cells.',
    reason: 'Give the reason for the placement.',
    authorised: 'Name the official who authorised the placement.',
    lighting: 'Choose the cell’s lighting.',
    cellLabel: 'Cell',
  },
  es: {
    submit: 'Iniciar el aislamiento',
    fix: 'Corrija los campos señalados abajo.',
    person: 'Busque y elija a la persona aislada.',
    cell: 'Indique el código de una de las celdas de este centro.',
    reason: 'Indique el motivo del aislamiento.',
    authorised: 'Indique el funcionario que autorizó el aislamiento.',
    lighting: 'Elija la iluminación de la celda.',
    cellLabel: 'Celda',
  },
};

describe('the isolation start form', () => {
  it.each(['en', 'es'] as const)('names every missing field, and sends nothing (%s)', async (lang) => {
    const sent = fakeApi(answer);
    renderIn(<IsolationStartForm id="SV-CECOT" facility={A_FACILITY} onDone={() => {}} />, lang);
    const w = WORDS[lang];
    await userEvent.type(screen.getByLabelText(w.cellLabel), 'X9-C99');
    await userEvent.click(screen.getByRole('button', { name: w.submit }));
    expect(screen.getAllByRole('alert')[0]?.textContent).toBe(w.fix);
    for (const key of ['person', 'cell', 'reason', 'authorised', 'lighting'] as const) {
      expect(screen.getByText(w[key])).toBeTruthy();
    }
    // The cell's error is named in the field's description.
    const cellError = screen.getByText(w.cell);
    expect(screen.getByLabelText(w.cellLabel).getAttribute('aria-describedby')).toContain(cellError.id);
    expect(posts(sent)).toEqual([]);
  });

  it('sends the person, cell, reason, official, lighting and start', async () => {
    const sent = fakeApi(answer);
    const done = vi.fn();
    renderIn(<IsolationStartForm id="SV-CECOT" facility={A_FACILITY} onDone={done} />);
    await userEvent.type(screen.getByRole('textbox', { name: 'Person' }), 'Pér');
    await userEvent.click(await screen.findByRole('radio', { name: /José Luis Pérez/ }));
    await userEvent.type(screen.getByLabelText('Cell'), 'm1-c02');
    await userEvent.type(screen.getByLabelText('Reason'), 'Disciplinary sanction');
    await userEvent.type(screen.getByLabelText('Authorised by'), 'Director J. Martínez');
    await userEvent.selectOptions(screen.getByLabelText('Lighting'), 'dark');
    await userEvent.click(screen.getByRole('button', { name: 'Start the placement' }));
    expect(await screen.findByText('Placement started.')).toBeTruthy();
    const [post] = posts(sent);
    expect(post?.path).toBe('/api/v1/facilities/SV-CECOT/isolation');
    expect(post?.body).toMatchObject({
      personId: PEREZ.id,
      cell: 'M1-C02',
      reason: 'Disciplinary sanction',
      authorisedBy: 'Director J. Martínez',
      lighting: 'dark',
    });
    expect(done).toHaveBeenCalled();
  });

  it('shows the server’s refusal as it says it', async () => {
    fakeApi((request) =>
      request.method === 'POST'
        ? {
            status: 422,
            body: {
              title: 'Refused by a rule',
              status: 422,
              detail:
                'This person is already in isolation placement p0 (from 2025-04-01T14:00:00.000Z, still open).',
            },
          }
        : answer(request),
    );
    renderIn(<IsolationStartForm id="SV-CECOT" facility={A_FACILITY} onDone={() => {}} />);
    await userEvent.type(screen.getByRole('textbox', { name: 'Person' }), 'Pér');
    await userEvent.click(await screen.findByRole('radio', { name: /José Luis Pérez/ }));
    await userEvent.type(screen.getByLabelText('Cell'), 'M1-C01');
    await userEvent.type(screen.getByLabelText('Reason'), 'r');
    await userEvent.type(screen.getByLabelText('Authorised by'), 'a');
    await userEvent.selectOptions(screen.getByLabelText('Lighting'), 'normal');
    await userEvent.click(screen.getByRole('button', { name: 'Start the placement' }));
    expect(await screen.findByText(/already in isolation placement p0/)).toBeTruthy();
  });
});

describe('the list of people in isolation and the end of a placement', () => {
  it.each(['en', 'es'] as const)(
    'lists a dark cell as a finding and refuses an end before the start (%s)',
    async (lang) => {
      const sent = fakeApi(answer);
      renderIn(
        <AccessProvider actions={actionsOf('receiving_custody')} userRole="receiving_custody">
          <IsolationTable facility={A_FACILITY} placements={[PLACEMENT]} canEnd onEnded={() => {}} />
        </AccessProvider>,
        lang,
      );
      const row = screen.getByRole('row', { name: /José Luis Pérez/ });
      expect(within(row).getByText(lang === 'en' ? 'Dark' : 'Oscura')).toBeTruthy();
      expect(within(row).getByText(lang === 'en' ? 'over 15 days' : 'más de 15 días')).toBeTruthy();
      await userEvent.click(within(row).getByRole('button'));
      const when = screen.getByLabelText(lang === 'en' ? 'Ended' : 'Fin');
      await userEvent.clear(when);
      await userEvent.type(when, '2025-03-31T10:00');
      await userEvent.click(
        screen
          .getAllByRole('button', { name: lang === 'en' ? 'End the placement' : 'Finalizar el aislamiento' })
          .at(-1)!,
      );
      const alert = screen.getByRole('alert');
      expect(alert.textContent).toMatch(
        lang === 'en' ? /The end must be after the start/ : /El fin debe ser posterior al inicio/,
      );
      expect(when.getAttribute('aria-describedby')).toContain(alert.id);
      expect(posts(sent)).toEqual([]);
    },
  );

  it('ends a placement at the time given on the facility’s clock', async () => {
    const sent = fakeApi(answer);
    const ran = vi.fn();
    renderIn(
      <IsolationEndForm
        placement={PLACEMENT}
        facility={A_FACILITY}
        action={{
          state: { busy: null, error: null, done: null },
          run: async (_key, call) => {
            ran(await call());
            return true;
          },
          clear: () => {},
        }}
      />,
    );
    const when = screen.getByLabelText('Ended');
    await userEvent.clear(when);
    await userEvent.type(when, '2025-04-10T08:00');
    await userEvent.click(screen.getByRole('button', { name: 'End the placement' }));
    expect(posts(sent)).toEqual([
      {
        method: 'POST',
        path: `/api/v1/isolation/${PLACEMENT.id}/end`,
        body: { endedAt: '2025-04-10T08:00:00-06:00' },
      },
    ]);
  });
});
