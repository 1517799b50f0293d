import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageQuery } from '../agreements/routes.js';
import { requestActor } from '../auth/http.js';
import type { AppContext } from '../context.js';
import { allocateFacility } from './housing-service.js';
import { agencySchema, cellPatchSchema, facilityInputSchema, facilityPatchSchema } from './model.js';
import * as service from './service.js';
import { listAgencies } from './store.js';

const idParams = z.object({ id: z.string().min(1).max(100).describe('Facility id or code') });

/** Agencies and facilities with their structure. */
export async function facilityRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['facilities'];
  r.get(
    '/api/v1/agencies',
    { config: { access: 'facilities:read' }, schema: { tags, summary: 'List agencies' } },
    async () => ({ items: await listAgencies(ctx.handle.db) }),
  );
  r.post(
    '/api/v1/agencies',
    {
      config: { access: 'facilities:write' },
      schema: { tags, summary: 'Register an agency', body: agencySchema },
    },
    async (request, reply) =>
      reply.code(201).send(await service.registerAgency(ctx, requestActor(request), request.body)),
  );
  r.get(
    '/api/v1/facilities',
    {
      config: { access: 'facilities:read' },
      schema: { tags, summary: 'List facilities', querystring: pageQuery },
    },
    async (request) => service.listFacilities(ctx, requestActor(request), request.query),
  );
  r.post(
    '/api/v1/facilities',
    {
      config: { access: 'facilities:write' },
      schema: { tags, summary: 'Register a facility with modules and cells', body: facilityInputSchema },
    },
    async (request, reply) =>
      reply.code(201).send(await service.registerFacility(ctx, requestActor(request), request.body)),
  );
  r.get(
    '/api/v1/facilities/:id',
    {
      config: { access: 'facilities:read' },
      schema: { tags, summary: 'One facility with every cell and its occupancy', params: idParams },
    },
    async (request) => service.showFacility(ctx, requestActor(request), request.params.id),
  );
  r.patch(
    '/api/v1/facilities/:id',
    {
      config: { access: 'facilities:write' },
      schema: { tags, summary: 'Revise a facility', params: idParams, body: facilityPatchSchema },
    },
    async (request) => service.reviseFacility(ctx, requestActor(request), request.params.id, request.body),
  );
  r.patch(
    '/api/v1/facilities/:id/cells/:code',
    {
      config: { access: 'facilities:write' },
      schema: {
        tags,
        summary:
          'Revise a cell: bunks, working capacity (never above the bunks or below the people in it), local occupants, status',
        params: z.object({ id: idParams.shape.id, code: z.string().min(1).max(32) }),
        body: cellPatchSchema,
      },
    },
    async (request) =>
      service.reviseCell(ctx, requestActor(request), request.params.id, request.params.code, request.body),
  );
  const allocationSummary =
    'every placement, every unplaced person with the constraint that stopped them, and a check report of every hard constraint';
  r.get(
    '/api/v1/facilities/:id/allocation',
    {
      config: { access: 'facilities:read' },
      schema: {
        tags,
        summary: `Plan an allocation without applying it (dry run): ${allocationSummary}`,
        params: idParams,
        querystring: z.object({
          all: z
            .enum(['true', 'false'])
            .optional()
            .describe('re-plan everyone in custody, not only the unhoused'),
        }),
      },
    },
    async (request) =>
      allocateFacility(ctx, requestActor(request), request.params.id, {
        all: request.query.all === 'true',
        dryRun: true,
      }),
  );
  r.post(
    '/api/v1/facilities/:id/allocation',
    {
      config: { access: 'housing:allocate' },
      schema: {
        tags,
        summary: `Allocate and apply (receiving officer): ${allocationSummary}; each change is a housing.assigned event`,
        params: idParams,
        body: z.object({ all: z.boolean().default(false) }).default({ all: false }),
      },
    },
    async (request) =>
      allocateFacility(ctx, requestActor(request), request.params.id, { all: request.body.all }),
  );
}
