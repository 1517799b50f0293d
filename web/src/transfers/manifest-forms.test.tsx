import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AccessProvider } from '../access.tsx';
import { renderIn } from '../test-support/render.tsx';
import { CreateManifest } from './create-manifest.tsx';
import { ExceptionControl } from './exception-form.tsx';
import { IntakeChecklist } from './intake-checklist.tsx';
import {
  aBoardedEntry,
  alerts,
  anArrivedManifest,
  mockApi,
  respond,
  WithRunner,
  writes,
} from './test-fixtures.tsx';

afterEach(() => {
  vi.restoreAllMocks();
});

/** Types a whole value at once (a paste): the form re-renders once, not once a key. */
async function fill(input: HTMLElement, text: string) {
  await userEvent.clear(input);
  await userEvent.click(input);
  await userEvent.paste(text);
}

const FACILITIES = {
  facilities: [{ id: 'f-1', code: 'SV-CECOT', name: 'CECOT', timeZone: 'America/El_Salvador' }],
};

/** The API of the creation form: the dashboard's facilities, and `create` for the new manifest. */
function manifestApi(create = respond(500, {})) {
  return mockApi((request) => (request.path === '/api/v1/dashboard' ? respond(200, FACILITIES) : create));
}

// The form lists every known time zone for its zone fields: a large page for jsdom.
describe('the manifest creation form', { timeout: 30_000 }, () => {
  it('refuses a manifest with blank fields, says which, and sends nothing', async () => {
    const sent = manifestApi();
    renderIn(<CreateManifest />);
    await screen.findByDisplayValue('CECOT (SV-CECOT)');
    await userEvent.click(screen.getByRole('button', { name: 'Create the manifest' }));
    expect(alerts()).toEqual([
      'Fill in every field marked below.',
      'Give the carrier.',
      'Give the flight number.',
      'Give the origin.',
      'Give the destination.',
    ]);
    expect(screen.getByLabelText('Carrier').getAttribute('aria-invalid')).toBe('true');
    expect(writes(sent)).toEqual([]);
  });

  it('refuses it in Spanish', async () => {
    const sent = manifestApi();
    renderIn(<CreateManifest />, 'es');
    await screen.findByDisplayValue('CECOT (SV-CECOT)');
    await userEvent.click(screen.getByRole('button', { name: 'Crear el manifiesto' }));
    expect(alerts()).toEqual([
      'Complete cada campo marcado abajo.',
      'Indique el transportista.',
      'Indique el número de vuelo.',
      'Indique el origen.',
      'Indique el destino.',
    ]);
    expect(writes(sent)).toEqual([]);
  });

  async function fillFlight() {
    await screen.findByDisplayValue('CECOT (SV-CECOT)');
    await fill(screen.getByLabelText('Carrier'), 'GlobalX');
    await fill(screen.getByLabelText('Flight number'), 'GXA 101');
    await fill(screen.getByLabelText('Origin'), 'HRL');
    await fill(screen.getByLabelText('Destination'), 'SAL');
  }

  it('refuses a time zone it does not know, in both languages', async () => {
    const sent = manifestApi();
    const { unmount } = renderIn(<CreateManifest />);
    await fillFlight();
    const departure = screen.getByRole('group', { name: 'Scheduled departure' });
    const zone = within(departure).getByLabelText('Time zone (IANA)');
    await fill(zone, 'Mars/Olympus');
    await userEvent.click(screen.getByRole('button', { name: 'Create the manifest' }));
    expect(alerts()).toEqual([
      'Fill in every field marked below.',
      'Give a date, a time and a known time zone, such as America/El_Salvador.',
    ]);
    expect(departure.getAttribute('aria-describedby')).toBeTruthy();
    unmount();

    renderIn(<CreateManifest />, 'es');
    await screen.findByDisplayValue('CECOT (SV-CECOT)');
    const salida = screen.getByRole('group', { name: 'Salida prevista' });
    await userEvent.clear(within(salida).getByLabelText('Zona horaria (IANA)'));
    await userEvent.click(screen.getByRole('button', { name: 'Crear el manifiesto' }));
    expect(alerts()).toContain(
      'Indique una fecha, una hora y una zona horaria conocida, como America/El_Salvador.',
    );
    expect(writes(sent)).toEqual([]);
  });

  it('sends a complete manifest with its zoned times', async () => {
    const sent = manifestApi(respond(201, { ...anArrivedManifest({ status: 'open' }), manifestId: 'm-2' }));
    renderIn(<CreateManifest />);
    await fillFlight();
    const departure = screen.getByRole('group', { name: 'Scheduled departure' });
    await fill(within(departure).getByLabelText('Time zone (IANA)'), 'America/Chicago');
    await userEvent.click(screen.getByRole('button', { name: 'Create the manifest' }));
    await screen.findByText('Manifest GXA 101 created.');
    const [create] = writes(sent);
    expect(create?.path).toBe('/api/v1/manifests');
    expect(create?.body).toMatchObject({
      facilityId: 'SV-CECOT',
      carrier: 'GlobalX',
      flightNumber: 'GXA 101',
      origin: 'HRL',
      destination: 'SAL',
      scheduledDeparture: { zone: 'America/Chicago' },
      scheduledArrival: { zone: 'America/El_Salvador' },
    });
  });
});

describe('the exception form', () => {
  const render = (lang: 'en' | 'es') =>
    renderIn(
      <WithRunner>
        {(runner) => (
          <ExceptionControl
            manifest={anArrivedManifest()}
            entry={aBoardedEntry()}
            runner={runner}
            kinds={['missing_after_transport']}
          />
        )}
      </WithRunner>,
      lang,
    );

  it('refuses an exception without an explanation and sends nothing', async () => {
    const sent = mockApi(() => respond(500, {}));
    render('en');
    await userEvent.click(screen.getByRole('button', { name: /^Missing after transport/ }));
    await userEvent.type(screen.getByLabelText(/^Explain the exception/), '   ');
    await userEvent.click(screen.getByRole('button', { name: 'Record the exception' }));
    expect(alerts()).toEqual(['An exception needs an explanation.']);
    const explanation = screen.getByLabelText(/^Explain the exception/);
    expect(explanation.getAttribute('aria-describedby')).toBe(
      `${explanation.id}-hint ${explanation.id}-error`,
    );
    expect(writes(sent)).toEqual([]);
  });

  it('refuses it in Spanish', async () => {
    const sent = mockApi(() => respond(500, {}));
    render('es');
    await userEvent.click(screen.getByRole('button', { name: /^Desaparecido tras el transporte/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Registrar la excepción' }));
    expect(alerts()).toEqual(['Una excepción necesita una explicación.']);
    expect(writes(sent)).toEqual([]);
  });

  it('sends the exception with its explanation', async () => {
    const sent = mockApi(() => respond(200, anArrivedManifest()));
    render('en');
    await userEvent.click(screen.getByRole('button', { name: /^Missing after transport/ }));
    await userEvent.type(screen.getByLabelText(/^Explain the exception/), ' Not at the intake count. ');
    await userEvent.click(screen.getByRole('button', { name: 'Record the exception' }));
    await screen.findByText('Missing after transport recorded for Ana Pérez (ICE-2026-0001).');
    expect(writes(sent)).toEqual([
      {
        method: 'POST',
        path: '/api/v1/manifests/m-1/transfers/t-1/exception',
        body: { kind: 'missing_after_transport', explanation: 'Not at the intake count.' },
      },
    ]);
  });
});

describe('the identity check at intake', () => {
  const render = (lang: 'en' | 'es') =>
    renderIn(
      <AccessProvider actions={['manifest:receive']}>
        <WithRunner feedback={false}>
          {(runner) => <IntakeChecklist manifest={anArrivedManifest()} runner={runner} />}
        </WithRunner>
      </AccessProvider>,
      lang,
    );
  const refusalEn =
    'Transfer t-1 cannot be received: the biometric identity check by officer did not match. Do not take the person in; record an exception.';
  const refusalEs =
    'El traslado t-1 no puede recibirse: la comprobación de identidad biometric de officer no coincidió. No ingrese a la persona; registre una excepción.';

  it('sends an identity that did not match as checked, and shows the server’s refusal', async () => {
    const sent = mockApi(() => respond(422, { detail: refusalEn }));
    render('en');
    await userEvent.click(screen.getByRole('button', { name: /^Receive/ }));
    await screen.findByText(refusalEn);
    expect(screen.getByRole('heading', { name: 'Refused' })).toBeTruthy();
    expect(writes(sent)).toEqual([
      {
        method: 'POST',
        path: '/api/v1/manifests/m-1/transfers/t-1/receive',
        body: { method: 'biometric', matched: false },
      },
    ]);
  });

  it('shows the refusal in Spanish as the server gave it', async () => {
    mockApi(() => respond(422, { detail: refusalEs }));
    render('es');
    await userEvent.click(screen.getByRole('button', { name: /^Recibir/ }));
    await screen.findByText(refusalEs);
    expect(screen.getByRole('heading', { name: 'Rechazado' })).toBeTruthy();
  });

  it('receives the person with the method chosen and a matched identity', async () => {
    const sent = mockApi(() => respond(200, anArrivedManifest()));
    render('en');
    const check = screen.getByRole('group', { name: 'Identity check of Ana Pérez (ICE-2026-0001)' });
    await userEvent.selectOptions(within(check).getByLabelText('Method'), 'document');
    await userEvent.click(within(check).getByLabelText('Identity matched'));
    await userEvent.click(screen.getByRole('button', { name: /^Receive/ }));
    await screen.findByText('Ana Pérez (ICE-2026-0001) received; the custody interval has started.');
    expect(writes(sent)).toEqual([
      {
        method: 'POST',
        path: '/api/v1/manifests/m-1/transfers/t-1/receive',
        body: { method: 'document', matched: true },
      },
    ]);
  });
});
