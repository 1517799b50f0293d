import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderIn } from '../test-support/render.tsx';
import type { ComplianceReport, RecordExtent } from './api.ts';
import { CompliancePage } from './compliance-page.tsx';
import { A_FACILITY, fakeApi, type SentRequest } from './fake-api.ts';

const APRIL_TO_DECEMBER = { first: '2025-04-01', last: '2025-12-31' };

const EXTENT: RecordExtent = {
  facility: 'SV-CECOT',
  timeZone: 'America/El_Salvador',
  regime: APRIL_TO_DECEMBER,
  incidents: null,
  headcounts: null,
  intakes: { first: '2025-04-02', last: '2025-09-15' },
  isolation: null,
  compliance: APRIL_TO_DECEMBER,
};

/** An empty report of the period asked for. */
function reportOf(path: string): ComplianceReport {
  const query = new URL(path, 'http://localhost').searchParams;
  return {
    facility: 'SV-CECOT',
    facilityName: A_FACILITY.name,
    timeZone: A_FACILITY.timeZone,
    from: query.get('from') ?? '',
    to: query.get('to') ?? '',
    thresholds: {
      outdoorExerciseMinutes: 60,
      nightHours: 8,
      drinkingWaterLitres: 3,
      floorSpaceM2: 4,
      toiletAreaM2: 1,
      familyContactDays: 30,
      notificationHours: 24,
      consularNotificationHours: 72,
    },
    rules: [],
    findings: [],
  };
}

/** The facility, its record extent and its compliance reports. */
function answer(request: SentRequest) {
  if (request.path === '/api/v1/facilities/SV-CECOT') return { body: A_FACILITY };
  if (request.path === '/api/v1/facilities/SV-CECOT/records') return { body: EXTENT };
  if (request.path.startsWith('/api/v1/facilities/SV-CECOT/compliance?'))
    return { body: reportOf(request.path) };
  return undefined;
}

const reportsAsked = (sent: SentRequest[]) =>
  sent.filter((r) => r.path.includes('/compliance?')).map((r) => r.path.split('?')[1]);

afterEach(() => {
  vi.restoreAllMocks();
  window.history.replaceState(null, '', '/');
});

describe('the compliance period picker', () => {
  it('opens, with no period in the address, on the latest month with records and says where they are', async () => {
    window.history.replaceState(null, '', '/facilities/SV-CECOT/compliance');
    const sent = fakeApi(answer);
    renderIn(<CompliancePage id="SV-CECOT" />);
    expect(await screen.findByText('Records from Apr 1, 2025 to Dec 31, 2025.')).toBeTruthy();
    await waitFor(() => expect(reportsAsked(sent)).toEqual(['from=2025-12-01&to=2025-12-31']));
    expect(screen.getByLabelText<HTMLInputElement>('From').value).toBe('2025-12-01');
    expect(screen.getByLabelText<HTMLInputElement>('To').value).toBe('2025-12-31');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says where the records are in Spanish', async () => {
    window.history.replaceState(null, '', '/facilities/SV-CECOT/compliance');
    fakeApi(answer);
    renderIn(<CompliancePage id="SV-CECOT" />, 'es');
    expect(await screen.findByText('Hay registros del 1 abr 2025 al 31 dic 2025.')).toBeTruthy();
  });

  it('shows the period the address asks for', async () => {
    window.history.replaceState(null, '', '/facilities/SV-CECOT/compliance?from=2025-06-01&to=2025-06-30');
    const sent = fakeApi(answer);
    renderIn(<CompliancePage id="SV-CECOT" />);
    await waitFor(() => expect(reportsAsked(sent)).toEqual(['from=2025-06-01&to=2025-06-30']));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it.each([
    [
      '?from=2025-13-01&to=2025-12-31',
      'the From date “2025-13-01” is not a calendar date (write it as YYYY-MM-DD, e.g. 2025-04-01).',
      'la fecha «Desde» («2025-13-01») no es una fecha del calendario',
    ],
    [
      '?from=2025-12-31&to=2025-12-01',
      'the To date (2025-12-01) is before the From date (2025-12-31).',
      'la fecha «Hasta» (2025-12-01) es anterior a la fecha «Desde» (2025-12-31).',
    ],
    [
      '?from=yesterday&to=2025-12-01',
      'the From date “yesterday” is not a calendar date',
      'la fecha «Desde» («yesterday»)',
    ],
    ['?from=2025-12-01', 'the To date is missing.', 'falta la fecha «Hasta».'],
  ])(
    'says what is wrong with the period %s, in both languages, and shows the latest instead',
    async (query, english, spanish) => {
      window.history.replaceState(null, '', `/facilities/SV-CECOT/compliance${query}`);
      const sent = fakeApi(answer);
      const { unmount } = renderIn(<CompliancePage id="SV-CECOT" />);
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toContain('The period in the address was not used:');
      expect(alert.textContent).toContain(english);
      expect(alert.textContent).toContain('Showing Dec 1, 2025 to Dec 31, 2025 instead.');
      await waitFor(() => expect(reportsAsked(sent)).toEqual(['from=2025-12-01&to=2025-12-31']));
      unmount();
      renderIn(<CompliancePage id="SV-CECOT" />, 'es');
      expect((await screen.findByRole('alert')).textContent).toContain(spanish);
    },
  );

  it('refuses a typed period whose To comes before its From at the To field, and shows nothing new', async () => {
    window.history.replaceState(null, '', '/facilities/SV-CECOT/compliance');
    const sent = fakeApi(answer);
    renderIn(<CompliancePage id="SV-CECOT" />);
    await waitFor(() => expect(reportsAsked(sent)).toHaveLength(1));
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2025-11-01' } });
    await userEvent.click(screen.getByRole('button', { name: 'Show the report' }));
    const to = screen.getByLabelText('To');
    expect(to.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe('Give two dates, the first on or before the second.');
    expect(to.getAttribute('aria-describedby')).toContain(screen.getByRole('alert').id);
    expect(window.location.search).toBe('');
    expect(reportsAsked(sent)).toHaveLength(1);
  });
});
