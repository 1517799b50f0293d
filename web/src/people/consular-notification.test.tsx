import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { actionsOf } from '../../../src/auth/policy.ts';
import { AccessProvider } from '../access.tsx';
import { fakeApi } from '../custody/fake-api.ts';
import type { PersonCustodyInterval } from '../facilities/api.ts';
import type { Lang } from '../i18n.ts';
import { renderIn } from '../test-support/render.tsx';
import { ConsularNotification } from './consular-notification.tsx';

afterEach(() => {
  vi.restoreAllMocks();
});

const PERSON = '01900000-0000-7000-8000-0000000000a1';
const DUTY: NonNullable<PersonCustodyInterval['consular']> = {
  country: 'SV',
  nationalities: ['VE'],
  dueAt: '2025-03-19T01:00:00.000Z',
  outcome: null,
  consulate: null,
  outcomeAt: null,
  note: null,
};

function renderAs(role: 'receiving_custody' | 'monitor', duty = DUTY, lang: Lang = 'en') {
  return renderIn(
    <AccessProvider actions={actionsOf(role)} userRole={role}>
      <ConsularNotification
        personId={PERSON}
        interval={{ timeZone: 'America/El_Salvador' }}
        duty={duty}
        onDone={() => {}}
      />
    </AccessProvider>,
    lang,
  );
}

describe('the consular notification of a foreign national', () => {
  it.each([
    ['en', 'Overdue: nothing recorded by', 'Outcome', 'Record', 'Choose what happened.'],
    ['es', 'Vencida: nada registrado antes del', 'Resultado', 'Registrar', 'Elija lo que ocurrió.'],
  ] as const)(
    'says it is overdue, and refuses a record without an outcome (%s)',
    async (lang, overdue, outcome, submit, missing) => {
      const sent = fakeApi(() => undefined);
      renderAs('receiving_custody', DUTY, lang);
      expect(screen.getByText(new RegExp(overdue))).toBeTruthy();
      await userEvent.click(screen.getByRole('button', { name: submit }));
      const alert = screen.getByRole('alert');
      expect(alert.textContent).toBe(missing);
      expect(screen.getByLabelText(outcome).getAttribute('aria-describedby')).toContain(alert.id);
      expect(sent).toEqual([]);
    },
  );

  it('refuses a notification without the consulate, then sends it with the consulate named', async () => {
    const sent = fakeApi((r) =>
      r.method === 'POST' ? { status: 201, body: { outcomeAt: 'x' } } : undefined,
    );
    renderAs('receiving_custody');
    await userEvent.selectOptions(screen.getByLabelText('Outcome'), 'notified');
    await userEvent.click(screen.getByRole('button', { name: 'Record' }));
    expect(screen.getByRole('alert').textContent).toBe('Name the consulate that was notified.');
    expect(sent).toEqual([]);
    await userEvent.type(screen.getByLabelText('Consulate'), 'Consulate of Venezuela in San Salvador');
    const when = screen.getByLabelText('When');
    await userEvent.clear(when);
    await userEvent.type(when, '2025-03-17T10:00');
    await userEvent.click(screen.getByRole('button', { name: 'Record' }));
    expect(await screen.findByText('Consular notification recorded.')).toBeTruthy();
    expect(sent).toEqual([
      {
        method: 'POST',
        path: `/api/v1/people/${PERSON}/consular-notification`,
        body: {
          outcome: 'notified',
          at: '2025-03-17T10:00:00-06:00',
          consulate: 'Consulate of Venezuela in San Salvador',
        },
      },
    ]);
  });

  it('shows a late notification, with no form, to a monitor', () => {
    renderAs('monitor', {
      ...DUTY,
      outcome: 'notified',
      consulate: 'Consulate of Venezuela in San Salvador',
      outcomeAt: '2025-03-20T15:00:00.000Z',
    });
    expect(
      screen.getByText(
        /Notified Consulate of Venezuela in San Salvador on .* Recorded after the 72 hours allowed\./,
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
