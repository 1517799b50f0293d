import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderIn } from '../test-support/render.tsx';
import { wallClockIn } from '../zoned-time.ts';
import { addDays, type RecordExtent } from './api.ts';
import { A_FACILITY, fakeApi, type SentRequest } from './fake-api.ts';
import { RegimePage } from './regime-page.tsx';

/** One day of a cell's regime: 30 minutes outdoors, lights on all night, no bedding, water not measured. */
const AN_ENTRY = {
  cell: 'M1-C01',
  cellId: 'c1',
  date: '2025-04-20',
  minutesOutOfCell: 30,
  outdoorExerciseMinutes: 30,
  nightLightHours: 24,
  beddingProvided: false,
  drinkingWaterLitresPerPerson: null,
  mealsServed: 3,
  familyContacts: 0,
  legalVisits: 0,
  consularVisits: null,
  restraintsOutsideTransport: null,
  note: null,
  version: 1,
};

/** The facility, a record extent whose regime log is `regime`, and empty logs. */
function answering(regime: RecordExtent['regime']) {
  return (request: SentRequest) => {
    if (request.path === '/api/v1/facilities/SV-CECOT') return { body: A_FACILITY };
    if (request.path === '/api/v1/facilities/SV-CECOT/records') {
      const extent: RecordExtent = {
        facility: 'SV-CECOT',
        timeZone: A_FACILITY.timeZone,
        regime,
        incidents: null,
        headcounts: null,
        intakes: null,
        isolation: null,
        compliance: regime,
      };
      return { body: extent };
    }
    if (request.path.startsWith('/api/v1/facilities/SV-CECOT/regime?')) {
      return { body: { facility: 'SV-CECOT', from: '', to: '', entries: regime ? [AN_ENTRY] : [] } };
    }
    return undefined;
  };
}

const logsAsked = (sent: SentRequest[]) =>
  sent.filter((r) => r.path.includes('/regime?')).map((r) => r.path.split('?')[1]);

afterEach(() => {
  vi.restoreAllMocks();
  window.history.replaceState(null, '', '/');
});

describe('the regime log period picker', () => {
  it('opens on the latest month with entries, from its first entry if that is later', async () => {
    window.history.replaceState(null, '', '/facilities/SV-CECOT/regime');
    const sent = fakeApi(answering({ first: '2025-04-10', last: '2025-04-20' }));
    renderIn(<RegimePage id="SV-CECOT" />);
    expect(await screen.findByText('Records from Apr 10, 2025 to Apr 20, 2025.')).toBeTruthy();
    await waitFor(() => expect(logsAsked(sent)).toEqual(['from=2025-04-10&to=2025-04-20']));
    // The log's table, in its labelled scroll box: a value not measured reads "Not recorded", never 0.
    const region = await screen.findByRole('group', { name: /^Regime log of SV-CECOT/ });
    const cells = [...region.querySelectorAll('tr[data-cell="M1-C01"] td[data-field]')].map((td) => [
      td.getAttribute('data-field'),
      td.textContent,
    ]);
    expect(cells).toEqual([
      ['minutesOutOfCell', '30 min'],
      ['outdoorExerciseMinutes', '30 min'],
      ['nightLightHours', '24 h'],
      ['beddingProvided', 'No'],
      ['drinkingWaterLitresPerPerson', 'Not recorded'],
      ['mealsServed', '3'],
      ['familyContacts', '0'],
      ['legalVisits', '0'],
      ['consularVisits', 'Not recorded'],
      ['restraintsOutsideTransport', 'Not recorded'],
    ]);
    expect(region.getAttribute('tabindex')).toBe('0');
  });

  it('opens on the last 7 days when nothing is recorded, and says so', async () => {
    window.history.replaceState(null, '', '/facilities/SV-CECOT/regime');
    const sent = fakeApi(answering(null));
    renderIn(<RegimePage id="SV-CECOT" />, 'es');
    expect(await screen.findByText('Aún no hay registros.')).toBeTruthy();
    const today = wallClockIn(A_FACILITY.timeZone).slice(0, 10);
    await waitFor(() => expect(logsAsked(sent)).toEqual([`from=${addDays(today, -6)}&to=${today}`]));
  });

  it('names a wrong period in the address, keeping the cells asked for', async () => {
    window.history.replaceState(
      null,
      '',
      '/facilities/SV-CECOT/regime?from=2025-02-30&to=2025-03-01&cell=M1',
    );
    fakeApi(answering({ first: '2025-04-01', last: '2025-12-31' }));
    renderIn(<RegimePage id="SV-CECOT" />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('the From date “2025-02-30” is not a calendar date');
    expect(screen.getByLabelText<HTMLInputElement>('Cells shown').value).toBe('M1');
  });
});
