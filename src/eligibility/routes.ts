import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestActor } from '../auth/http.js';
import type { AppContext } from '../context.js';
import { isoDate } from '../core/schemas.js';
import { toResult } from './engine.js';
import { personScreening, recordScreening } from './service.js';

/** Screenings: record one, or see a person's screening as of a date. */
export async function screeningRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['eligibility'];
  r.post(
    '/api/v1/screenings',
    {
      config: { access: 'screenings:record' },
      schema: {
        tags,
        summary: 'Screen a stored person as of a date and record the screening in the ledger',
        body: z.object({ personId: z.uuid(), asOf: isoDate }),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordScreening(ctx, requestActor(request), request.body)),
  );
  r.get(
    '/api/v1/people/:id/screening',
    {
      config: { access: 'people:read' },
      schema: {
        tags,
        summary: "A person's screening as of a date (computed now, not stored), with the last recorded one",
        params: z.object({ id: z.uuid() }),
        querystring: z.object({
          asOf: isoDate.optional().describe('the planned transfer date; default today (UTC)'),
          lang: z.enum(['en', 'es']).optional(),
        }),
      },
    },
    async (request) => {
      const asOf = request.query.asOf ?? ctx.clock.now().toISOString().slice(0, 10);
      const result = await personScreening(ctx, requestActor(request), request.params.id, asOf);
      return {
        ...result,
        policy: result.current.policy,
        asOf,
        // Both languages are returned; `lang` picks the one used in `summary`.
        summary: toResult(result.current, request.query.lang ?? 'en'),
      };
    },
  );
}
