import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderIn } from '../test-support/render.tsx';
import { A_FACILITY, fakeApi, PEREZ, type SentRequest } from './fake-api.ts';
import { ReportIncident } from './report-incident-form.tsx';

const OTHER_AGREEMENT = { id: 'ag2', facilityIds: ['somewhere-else'] };

/** The agreements (one places people in the facility), the people search, and the report of an incident. */
function answer(request: SentRequest) {
  if (request.path.startsWith('/api/v1/agreements')) {
    return {
      body: { items: [{ id: 'ag1', facilityIds: [A_FACILITY.id] }, OTHER_AGREEMENT], nextCursor: null },
    };
  }
  if (request.path.startsWith('/api/v1/people?')) {
    const q = new URL(request.path, 'http://localhost').searchParams.get('q') ?? '';
    return { body: { items: q.toLowerCase().startsWith('pér') ? [PEREZ] : [], nextCursor: null } };
  }
  if (request.method === 'POST') return { status: 201, body: { incidentId: 'i1' } };
  return undefined;
}

const posts = (sent: SentRequest[]) => sent.filter((r) => r.method === 'POST');

afterEach(() => {
  vi.restoreAllMocks();
  window.history.replaceState(null, '', '/');
});

describe('the incident form', () => {
  it('finds the person by name among the facility’s agreements, shows the one chosen, and sends their id', async () => {
    const sent = fakeApi(answer);
    renderIn(<ReportIncident id="SV-CECOT" facility={A_FACILITY} />);
    await userEvent.selectOptions(screen.getByLabelText('Kind'), 'food_refusal');
    await userEvent.type(screen.getByLabelText('What happened'), 'Refused the evening meal.');
    const search = screen.getByRole('textbox', { name: 'Person (optional)' });
    await userEvent.type(search, 'Pér');
    expect(await screen.findByText('1 person found.')).toBeTruthy();
    const people = screen.getByRole('group', { name: 'People found' });
    expect(people).toBeTruthy();
    // Only the agreement that places people in this facility is searched.
    const searched = sent.filter((r) => r.path.startsWith('/api/v1/people?'));
    expect(searched.every((r) => r.path.includes('agreement=ag1') && r.path.includes('q=P%C3%A9r'))).toBe(
      true,
    );
    await userEvent.click(screen.getByRole('radio', { name: 'José Luis Pérez Gómez — VE-0001 (Venezuela)' }));
    expect(screen.getByText('Person named:').parentElement?.textContent).toContain('VE-0001');
    // Enter in the search field does not send the form.
    await userEvent.type(search, '{Enter}');
    expect(posts(sent)).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'Report the incident' }));
    expect(posts(sent)).toEqual([
      {
        method: 'POST',
        path: '/api/v1/facilities/SV-CECOT/incidents',
        body: expect.objectContaining({
          kind: 'food_refusal',
          description: 'Refused the evening meal.',
          personId: PEREZ.id,
        }),
      },
    ]);
  });

  it('says when nobody matches, and a chosen person can be removed', async () => {
    fakeApi(answer);
    renderIn(<ReportIncident id="SV-CECOT" facility={A_FACILITY} />, 'es');
    const search = screen.getByRole('textbox', { name: 'Persona (opcional)' });
    await userEvent.type(search, 'Zz');
    expect(
      await screen.findByText(
        'Ninguna persona coincide con «Zz». Revise la ortografía o busque por referencia.',
      ),
    ).toBeTruthy();
    await userEvent.clear(search);
    await userEvent.type(search, 'Pérez');
    await userEvent.click(await screen.findByRole('radio', { name: /VE-0001/ }));
    expect(screen.getByText('Persona nombrada:')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Quitar' }));
    expect(screen.queryByText('Persona nombrada:')).toBeNull();
  });

  it.each([
    [
      'en',
      'Report the incident',
      ['Choose the kind of incident.', 'Describe what happened.'],
      'Correct the fields marked below.',
    ],
    [
      'es',
      'Registrar el incidente',
      ['Elija el tipo de incidente.', 'Describa lo que ocurrió.'],
      'Corrija los campos señalados abajo.',
    ],
  ] as const)(
    'refuses a report with no kind and no description, and sends nothing (%s)',
    async (lang, submit, errors, summary) => {
      const sent = fakeApi(answer);
      renderIn(<ReportIncident id="SV-CECOT" facility={A_FACILITY} />, lang);
      await userEvent.click(screen.getByRole('button', { name: submit }));
      const alerts = screen.getAllByRole('alert').map((a) => a.textContent);
      expect(alerts).toEqual([summary, ...errors]);
      expect(posts(sent)).toEqual([]);
    },
  );

  it.each([
    [
      'en',
      'Kind',
      'What happened',
      'Report the incident',
      'A death in custody names the person who died: find them and choose them from the list.',
    ],
    [
      'es',
      'Tipo',
      'Qué ocurrió',
      'Registrar el incidente',
      'Una muerte bajo custodia nombra a la persona fallecida: búsquela y elíjala de la lista.',
    ],
  ] as const)(
    'refuses a death in custody that names nobody, at the person finder (%s)',
    async (lang, kind, what, submit, needed) => {
      const sent = fakeApi(answer);
      renderIn(<ReportIncident id="SV-CECOT" facility={A_FACILITY} />, lang);
      await userEvent.selectOptions(screen.getByLabelText(kind), 'death_in_custody');
      await userEvent.type(screen.getByLabelText(what), 'Found unresponsive at the morning count.');
      await userEvent.click(screen.getByRole('button', { name: submit }));
      const finder = screen.getByRole('textbox', { name: /^Person/ });
      expect(finder.getAttribute('aria-invalid')).toBe('true');
      const error = screen.getAllByRole('alert').find((a) => a.textContent === needed);
      expect(error).toBeTruthy();
      expect(finder.getAttribute('aria-describedby')).toContain(error?.id);
      expect(posts(sent)).toEqual([]);
    },
  );
});
