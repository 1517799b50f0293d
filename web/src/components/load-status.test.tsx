import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { actionsOf } from '../../../src/auth/policy.ts';
import { AccessProvider } from '../access.tsx';
import { ApiError } from '../api.ts';
import { renderIn } from '../test-support/render.tsx';
import { DetailLoadError, LoadError } from './load-status.tsx';

const refusalEn = 'monitor-1 (role monitor) may not act on transfers and manifests: only court may.';
const refusalEs =
  'monitor-1 (rol monitor) no puede actuar sobre traslados y manifiestos: solo puede hacerlo court.';

/** A load refused or failed for a user of `role`, whose session lists the policy's actions for it. */
function renderError(error: ApiError, role: string, lang: 'en' | 'es' = 'en') {
  const onRetry = vi.fn();
  const { unmount } = renderIn(
    <AccessProvider actions={actionsOf(role)} userRole={role}>
      <LoadError error={error} onRetry={onRetry} />
    </AccessProvider>,
    lang,
  );
  return { onRetry, unmount };
}

describe('LoadError', () => {
  it.each([
    {
      lang: 'en',
      refusal: refusalEn,
      heading: 'Not allowed',
      pages: 'Your role, Court, may open these pages: Dashboard, People, Transfers, and Facilities.',
      actions:
        "It may hold a transfer, lift a hold on a transfer, order the return of a transfer, record a legal hold, lift a legal hold, record or end a representation, seal a person's record, override a release date, record a court order explaining detention, book a video-link hearing, amend a video-link hearing, cancel a video-link hearing, and record a video-link hearing's outcome.",
      readsOnly: 'It takes no action: it only reads.',
    },
    {
      lang: 'es',
      refusal: refusalEs,
      heading: 'No autorizado',
      pages: 'Su rol, Tribunal, puede abrir estas páginas: Panel, Personas, Traslados y Centros.',
      actions:
        'Puede suspender un traslado, levantar la suspensión de un traslado, ordenar el retorno de un traslado, registrar una orden judicial, levantar una orden judicial, registrar o terminar una representación, sellar el registro de una persona, modificar manualmente una fecha de excarcelación, registrar una orden judicial que justifica la detención, reservar una audiencia por videoenlace, modificar una audiencia por videoenlace, cancelar una audiencia por videoenlace y registrar el resultado de una audiencia por videoenlace.',
      readsOnly: 'No realiza ninguna acción: solo consulta.',
    },
  ] as const)(
    'answers a 403 with the refusal as given, what the role may open and do, and no retry ($lang)',
    (words) => {
      const { unmount } = renderError(new ApiError(403, { detail: words.refusal }), 'court', words.lang);
      const alert = screen.getByRole('alert');
      expect(screen.getByRole('heading', { name: words.heading })).toBeTruthy();
      expect(alert.textContent).toContain(words.refusal);
      expect(alert.textContent).toContain(words.pages);
      expect(alert.textContent).toContain(words.actions);
      expect(screen.queryByRole('button')).toBeNull();
      unmount();
      renderError(new ApiError(403, { detail: words.refusal }), 'family', words.lang);
      expect(screen.getByRole('alert').textContent).toContain(words.readsOnly);
    },
  );

  it('offers to try again when the server could not be reached', async () => {
    const { onRetry } = renderError(new ApiError(0, {}), 'court');
    expect(screen.getByRole('heading', { name: 'This could not be loaded' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain(
      'The server could not be reached. Check the connection and try again.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('offers to try again in Spanish too', () => {
    renderError(new ApiError(0, {}), 'court', 'es');
    expect(screen.getByRole('alert').textContent).toContain('No se pudo conectar con el servidor.');
    expect(screen.getByRole('button', { name: 'Reintentar' })).toBeTruthy();
  });

  it('offers to try again after a server error', () => {
    renderError(new ApiError(503, { detail: 'The database is not answering.' }), 'court');
    expect(screen.getByRole('alert').textContent).toContain('The database is not answering.');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});

describe('DetailLoadError', () => {
  it('says a record was not found on a 404, and what the role may do on a 403', () => {
    const { unmount } = renderIn(
      <DetailLoadError error={new ApiError(404, {})} onRetry={() => {}} notFoundText="No such transfer." />,
    );
    expect(screen.getByRole('alert').textContent).toContain('No such transfer.');
    unmount();
    renderIn(
      <AccessProvider actions={actionsOf('monitor')} userRole="monitor">
        <DetailLoadError
          error={new ApiError(403, { detail: refusalEn })}
          onRetry={() => {}}
          notFoundText=""
        />
      </AccessProvider>,
    );
    expect(screen.getByRole('heading', { name: 'Not allowed' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('Your role, Monitor, may open');
    expect(screen.queryByRole('button')).toBeNull();
  });
});
