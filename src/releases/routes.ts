import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestActor } from '../auth/http.js';
import type { AppContext } from '../context.js';
import {
  explainedSchema,
  explanationBody,
  overrideBody,
  personReleaseDateSchema,
  releasesDueQuery,
  releasesDueSchema,
} from './contract.js';
import { explainDetention, overrideReleaseDate, personReleaseDate, releasesDue } from './service.js';

const idParams = z.object({ id: z.uuid() });

/** Release dates and the releases-due worklist (docs/domain.md, Release dates). */
export async function releaseRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['releases'];
  r.get(
    '/api/v1/people/:id/release-date',
    {
      config: { access: 'people:read', scoped: true },
      schema: {
        tags,
        operationId: 'getPersonReleaseDate',
        summary: "A person's release date with its breakdown and earlier calculations",
        description:
          'The calculation in force (inputs, inputs hash, computed and in-force result, one line per sentence: start, term, credits, consecutive chain), the earlier calculations newest first, and any court order recorded as explaining detention past the date. `current` is null until the person enters custody.',
        params: idParams,
        response: { 200: personReleaseDateSchema },
      },
    },
    async (request) => personReleaseDate(ctx, requestActor(request), request.params.id),
  );
  r.post(
    '/api/v1/people/:id/release-date/override',
    {
      config: { access: 'release_date:override' },
      schema: {
        tags,
        operationId: 'overrideReleaseDate',
        summary: 'Override a release date by hand (court or sending legal), with a reason',
        description:
          'A new calculation on the current inputs whose date is the one given; with a court order its reason is `court_order`, otherwise `override`. The computed result stays beside it. A later change of sentence or credits recalculates and ends the override; the history keeps it.',
        params: idParams,
        body: overrideBody,
        response: { 201: personReleaseDateSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await overrideReleaseDate(ctx, requestActor(request), request.params.id, request.body)),
  );
  r.post(
    '/api/v1/people/:id/detention-explanations',
    {
      config: { access: 'detention_explanation:record' },
      schema: {
        tags,
        operationId: 'explainDetention',
        summary: 'Record a court order explaining why a person is held after their release date',
        description:
          'For a person in custody: the order (reference, court, date) ends the overdue-release alarm for this custody.',
        params: idParams,
        body: explanationBody,
        response: { 201: explainedSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await explainDetention(ctx, requestActor(request), request.params.id, request.body)),
  );
  r.get(
    '/api/v1/releases/due',
    {
      config: { access: 'people:read', scoped: true },
      schema: {
        tags,
        operationId: 'listReleasesDue',
        summary: 'Releases due: people held whose release date falls in the next days, and those past it',
        description:
          'People in custody (at one facility, or all) whose release date in force is within `days` (default 90) of `on` (default today at each facility), and those already past it: overdue (an alarm) or explained by a court order.',
        querystring: releasesDueQuery,
        response: { 200: releasesDueSchema },
      },
    },
    async (request) => releasesDue(ctx, requestActor(request), request.query),
  );
}
