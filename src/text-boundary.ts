import type { FastifyInstance } from 'fastify';
import { pickLang } from './core/i18n.js';
import { findTextFaults, textFaultsError } from './core/text.js';

/**
 * Refuses, before any route validates or runs, a request whose body, query or path holds a NUL character
 * or a lone UTF-16 surrogate anywhere (values and keys), naming each field as validation does:
 * `body.names.given`, `querystring.q`, `params.id`. One hook rather than a refinement on every string of
 * every contract, so a route added tomorrow is covered without anyone remembering to (docs/decisions/0018).
 */
export function registerTextBoundary(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const faults = [
      ...findTextFaults(request.params, 'params'),
      ...findTextFaults(request.query, 'querystring'),
      ...findTextFaults(request.body, 'body'),
    ];
    if (faults.length === 0) return;
    throw textFaultsError(faults, pickLang(request.headers['accept-language']));
  });
}
