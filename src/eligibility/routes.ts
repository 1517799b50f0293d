import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requestActor } from '../auth/http.js';
import type { AppContext } from '../context.js';
import {
  personParams,
  personScreeningQuery,
  personScreeningSchema,
  recordScreeningBody,
  screeningRecordedSchema,
} from './contract.js';
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
        operationId: 'recordScreening',
        summary: 'Screen a stored person as of a date and record the screening in the ledger',
        description:
          "Applies the agreement's eligibility policy in force on the date to the person's record and appends the screening, every rule explained, to the ledger.",
        body: recordScreeningBody,
        response: { 201: screeningRecordedSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordScreening(ctx, requestActor(request), request.body)),
  );
  r.get(
    '/api/v1/people/:id/screening',
    {
      config: { access: 'people:read', scoped: true },
      schema: {
        tags,
        operationId: 'getPersonScreening',
        summary: "A person's screening as of a date (computed now, not stored), with the last recorded one",
        description:
          'Every rule with its result, reasons in English and Spanish and source; `summary` carries the reasons in the language `lang` asks for.',
        params: personParams,
        querystring: personScreeningQuery,
        response: { 200: personScreeningSchema },
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
