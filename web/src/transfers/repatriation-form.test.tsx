import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderIn } from '../test-support/render.tsx';
import { AddToManifest } from './add-to-manifest.tsx';
import { RepatriationForm } from './repatriation-form.tsx';
import { alerts, mockApi, respond, WithRunner, writes } from './test-fixtures.tsx';

afterEach(() => {
  vi.restoreAllMocks();
});

function render(lang: 'en' | 'es', nationalities: readonly string[] = ['VE', 'CO']) {
  renderIn(
    <WithRunner>
      {(runner) => <RepatriationForm transferId="t-1" nationalities={nationalities} runner={runner} />}
    </WithRunner>,
    lang,
  );
}

describe('the repatriation form', () => {
  it('refuses a repatriation without a country, says so on the field, and sends nothing', async () => {
    const sent = mockApi(() => respond(500, {}));
    render('en');
    await userEvent.click(screen.getByRole('button', { name: 'Start a repatriation' }));
    expect(alerts()).toEqual(['Choose the country of nationality the person goes to.']);
    const country = screen.getByLabelText(/Country of nationality/);
    expect(country.getAttribute('aria-invalid')).toBe('true');
    expect(country.getAttribute('aria-describedby')).toContain(`${country.id}-error`);
    expect(writes(sent)).toEqual([]);
  });

  it('refuses it in Spanish', async () => {
    const sent = mockApi(() => respond(500, {}));
    render('es');
    await userEvent.click(screen.getByRole('button', { name: 'Iniciar una repatriación' }));
    expect(alerts()).toEqual(['Elija el país de nacionalidad al que va la persona.']);
    expect(writes(sent)).toEqual([]);
  });

  it('offers only the person’s nationalities, by name', () => {
    mockApi(() => respond(500, {}));
    render('es');
    const options = screen.getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(['- Elija un país -', 'Venezuela (VE)', 'Colombia (CO)']);
  });

  it('sends the chosen country and says the repatriation is ordered', async () => {
    const sent = mockApi(() => respond(201, { transferId: 't-9', status: 'ordered' }));
    render('en');
    await userEvent.selectOptions(screen.getByLabelText(/Country of nationality/), 'VE');
    await userEvent.click(screen.getByRole('button', { name: 'Start a repatriation' }));
    await screen.findByText(
      'Repatriation to Venezuela ordered: transfer t-9. Add it to a repatriation manifest.',
    );
    expect(writes(sent)).toEqual([
      { method: 'POST', path: '/api/v1/transfers/t-1/repatriation', body: { country: 'VE' } },
    ]);
  });

  it('says so when no nationality is recorded, and offers no button', () => {
    mockApi(() => respond(500, {}));
    render('es', []);
    expect(
      screen.getByText(
        'No hay ninguna nacionalidad registrada para esta persona; no se puede iniciar una repatriación.',
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('adding a repatriation to a manifest', () => {
  const manifest = (manifestId: string, direction: string, country: string | null) => ({
    manifestId,
    direction,
    country,
    carrier: 'Conviasa',
    flightNumber: manifestId,
    origin: 'SAL',
    destination: 'CCS',
    scheduledDeparture: { instant: '2026-01-10T15:00:00.000Z', zone: 'America/El_Salvador' },
  });

  it('offers only the open repatriation manifests to its country, and says no screening applies', async () => {
    mockApi(() =>
      respond(200, {
        manifests: [
          manifest('OUT 1', 'outbound', null),
          manifest('REP VE', 'repatriation', 'VE'),
          manifest('REP CO', 'repatriation', 'CO'),
          manifest('RET 1', 'return', null),
        ],
        alarms: [],
      }),
    );
    renderIn(
      <WithRunner>
        {(runner) => <AddToManifest transferId="t-9" direction="repatriation" country="VE" runner={runner} />}
      </WithRunner>,
      'es',
    );
    await screen.findByRole('option', { name: /REP VE/ });
    expect(screen.getAllByRole('option').map((o) => o.textContent?.split(' · ')[0])).toEqual(['REP VE']);
    expect(screen.getByText(/no se aplica ninguna evaluación/)).toBeTruthy();
  });
});
