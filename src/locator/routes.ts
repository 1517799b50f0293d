import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requestActor, SESSION_COOKIE } from '../auth/http.js';
import { actorFor, type SessionUser, sessionFor, userForToken } from '../auth/service.js';
import type { AppContext } from '../context.js';
import { problemResponse } from '../core/contract.js';
import { pickLang } from '../core/i18n.js';
import { locatorAnswerSchema, locatorQuery, lookupListSchema, lookupsQuery } from './contract.js';
import { LocatorRateLimit } from './rate-limit.js';
import { locate, lookups } from './service.js';

/**
 * The signed-in user behind a public request, if any: the locator is public, but a lookup by a signed-in
 * user is recorded. A token or cookie that names nobody is simply no one (the answer does not change).
 */
async function signedInUser(ctx: AppContext, request: FastifyRequest): Promise<SessionUser | null> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  if (bearer) return (await userForToken(ctx, bearer)) ?? null;
  const sessionId = request.cookies?.[SESSION_COOKIE];
  if (!sessionId) return null;
  return (await sessionFor(ctx, sessionId))?.user ?? null;
}

/** The public locator and the record of signed-in lookups. */
export async function locatorRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['locator'];
  const limit = new LocatorRateLimit(ctx.clock, ctx.config.locatorRateLimit);
  r.get(
    '/api/v1/public/locator',
    {
      config: { access: 'public' },
      schema: {
        tags,
        operationId: 'locatePerson',
        summary: 'Find a person in custody (public): exact match only',
        description:
          'By `aNumber` and `birthCountry`, or by `name`, `birthCountry` and `birthDate`. Accents, letter case and the maternal surname do not matter; nothing else is forgiven. Exactly one match answers the status, since when and the facility with its address, never the cell; no match, or more than one, answers the agency to contact. No sign-in; limited per client address (429 with Retry-After). A signed-in user’s lookup is recorded.',
        querystring: locatorQuery,
        response: { 200: locatorAnswerSchema, 400: problemResponse(400), 429: problemResponse(429) },
      },
    },
    async (request) => {
      const { lang: chosen, ...query } = request.query;
      // `?lang=` chooses the language of the answer and of any refusal, over Accept-Language.
      if (chosen) request.headers['accept-language'] = chosen;
      limit.take(request.ip);
      const user = await signedInUser(ctx, request);
      return locate(
        ctx,
        query,
        pickLang(request.headers['accept-language']),
        user ? { actor: actorFor(user), channel: 'api' } : null,
      );
    },
  );
  r.get(
    '/api/v1/locator/lookups',
    {
      config: { access: 'locator_lookups:read' },
      schema: {
        tags,
        operationId: 'listLocatorLookups',
        summary: 'The locator lookups signed-in users made (monitors, admins)',
        description:
          'Newest first: who looked up, whom they found (a miss keeps nothing of the query), when, and by which channel.',
        querystring: lookupsQuery,
        response: { 200: lookupListSchema, 400: problemResponse(400), 403: problemResponse(403) },
      },
    },
    async (request) => ({ lookups: await lookups(ctx, requestActor(request), request.query.limit) }),
  );
}
