import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestActor } from '../auth/http.js';
import type { AppContext } from '../context.js';
import { RELEASE_REASONS } from './model.js';
import { personCustody, releasePerson } from './service.js';

const idParams = z.object({ id: z.uuid() });

/** Custody: a person's intervals, and releases. */
export async function custodyRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['custody'];
  r.get(
    '/api/v1/people/:id/custody',
    {
      config: { access: 'people:read' },
      schema: { tags, summary: "A person's custody intervals and Rule 68 notifications", params: idParams },
    },
    async (request) => personCustody(ctx, requestActor(request), request.params.id),
  );
  r.post(
    '/api/v1/people/:id/release',
    {
      config: { access: 'custody:record' },
      schema: {
        tags,
        summary: 'Release a person (receiving custody): closes the custody interval and vacates the cell',
        params: idParams,
        body: z.object({
          reason: z.enum(RELEASE_REASONS),
          at: z.iso.datetime({ offset: true }).optional().describe('when custody ended; default now'),
          note: z.string().max(2000).optional(),
        }),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await releasePerson(ctx, requestActor(request), request.params.id, request.body)),
  );
}
