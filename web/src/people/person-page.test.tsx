import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { anEligiblePerson } from '../../../src/test-support/eligibility-fixtures.ts';
import { AccessProvider } from '../access.tsx';
import { renderIn } from '../test-support/render.tsx';
import { PersonPage } from './person-page.tsx';

const PERSON = {
  id: 'p1',
  agreementId: 'a1',
  version: 2,
  withdrawnReason: null,
  ...anEligiblePerson({
    holds: [{ type: 'tro', court: 'D.D.C.', case: '1:25-cv-00766', issued: '2025-03-15', lifted: null }],
  }),
};

const CUSTODY = {
  personId: 'p1',
  intervals: [
    {
      id: 'i1',
      facilityId: 'f1',
      facilityName: 'CECOT',
      timeZone: 'America/El_Salvador',
      transferId: 't1',
      manifestId: 'm1',
      startedAt: '2025-03-16T04:00:00.000Z',
      endedAt: null,
      releaseReason: null,
      notifications: [],
      housing: { cellId: 'c1', cell: 'M1-C03', module: 'M1', assignedAt: '2025-03-16T10:00:00.000Z' },
    },
  ],
};

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function serve() {
  return vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
    const url = new URL(String(input), 'http://localhost');
    if (url.pathname === '/api/v1/people/p1') return json(PERSON);
    if (url.pathname === '/api/v1/people/p1/custody') return json(CUSTODY);
    if (url.pathname === '/api/v1/people/p1/release-date') {
      return json({
        personId: 'p1',
        ref: PERSON.ref,
        name: 'José Luis',
        current: null,
        earlier: [],
        explanations: [],
      });
    }
    if (url.pathname === '/api/v1/transfers') return json({ counts: {}, transfers: [], nextCursor: null });
    return json({ title: 'Not found', status: 404 }, 404);
  });
}

describe('PersonPage', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('shows every section in order, the active hold linking to the holds, and the custody', async () => {
    serve();
    renderIn(<PersonPage id="p1" />, 'en');
    await screen.findByRole('heading', { level: 1, name: /José Luis Hernández Martínez/ });
    const sections = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(sections).toEqual([
      'Transfers',
      'Custody',
      'Release date',
      'Summary',
      'Identifiers',
      'Identity verification',
      'Convictions',
      'Pending charges',
      'Removal order',
      'Protections',
      'Treaty transfer',
      'Affiliations',
      'Legal holds',
      'Notice of the transfer',
    ]);
    const alert = screen.getByRole('link', { name: /1 active legal hold/ });
    expect(alert.getAttribute('href')).toBe('#holds');
    expect(document.getElementById('holds')?.getAttribute('aria-labelledby')).toBe('holds-title');
    expect(await screen.findByText(/Cell M1-C03 \(module M1\)/)).toBeTruthy();
    expect(screen.getByText('This person has no transfer.')).toBeTruthy();
    // Only receiving custody may release.
    expect(screen.queryByRole('button', { name: 'Record the release' })).toBeNull();
  });

  it('offers receiving custody the release form, in Spanish', async () => {
    serve();
    renderIn(
      <AccessProvider actions={['release:record']}>
        <PersonPage id="p1" />
      </AccessProvider>,
      'es',
    );
    const button = await screen.findByRole('button', { name: 'Registrar la liberación' });
    const form = button.closest('form');
    if (!form) throw new Error('no release form');
    expect(within(form).getByLabelText('Motivo')).toBeTruthy();
    expect(within(form).getByLabelText('Fecha y hora de la liberación')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Suspensiones judiciales' })).toBeTruthy();
  });
});
