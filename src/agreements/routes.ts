import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestActor } from '../auth/http.js';
import type { AppContext } from '../context.js';
import {
  agreementInputSchema,
  agreementPatchSchema,
  eligibilityPolicyInputSchema,
  feeScheduleInputSchema,
} from './model.js';
import * as service from './service.js';

export const pageQuery = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
const idParams = z.object({ id: z.string().min(1).max(100).describe('Agreement id or code') });

/** CRUD for agreements and their versioned policies and fee schedules. */
export async function agreementRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['agreements'];
  r.get(
    '/api/v1/agreements',
    {
      config: { access: 'agreements:read' },
      schema: { tags, summary: 'List agreements', querystring: pageQuery },
    },
    async (request) => service.listAgreements(ctx, requestActor(request), request.query),
  );
  r.post(
    '/api/v1/agreements',
    {
      config: { access: 'agreements:write' },
      schema: { tags, summary: 'Create an agreement', body: agreementInputSchema },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createAgreement(ctx, requestActor(request), request.body)),
  );
  r.get(
    '/api/v1/agreements/:id',
    { config: { access: 'agreements:read' }, schema: { tags, summary: 'One agreement', params: idParams } },
    async (request) => service.getAgreement(ctx, requestActor(request), request.params.id),
  );
  r.patch(
    '/api/v1/agreements/:id',
    {
      config: { access: 'agreements:write' },
      schema: {
        tags,
        summary: 'Revise an agreement or change its status',
        params: idParams,
        body: agreementPatchSchema,
      },
    },
    async (request) => service.reviseAgreement(ctx, requestActor(request), request.params.id, request.body),
  );
  r.post(
    '/api/v1/agreements/:id/eligibility-policies',
    {
      config: { access: 'agreements:write' },
      schema: {
        tags,
        summary: 'Add an eligibility policy version',
        params: idParams,
        body: eligibilityPolicyInputSchema,
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await service.addPolicyVersion(ctx, requestActor(request), request.params.id, request.body)),
  );
  r.post(
    '/api/v1/agreements/:id/fee-schedules',
    {
      config: { access: 'agreements:write' },
      schema: { tags, summary: 'Add a fee schedule version', params: idParams, body: feeScheduleInputSchema },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await service.addFeeScheduleVersion(ctx, requestActor(request), request.params.id, request.body),
        ),
  );
}
