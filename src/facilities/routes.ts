import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requestActor } from '../auth/http.js';
import type { AppContext } from '../context.js';
import {
  agencyListSchema,
  agencySchema,
  allocationBody,
  allocationQuery,
  allocationReportSchema,
  cellParams,
  cellPatchSchema,
  facilityDetailSchema,
  facilityInputSchema,
  facilityListQuery,
  facilityListSchema,
  facilityPatchSchema,
  facilityViewSchema,
  facilityParams as idParams,
} from './contract.js';
import { allocateFacility } from './housing-service.js';
import * as service from './service.js';
import { listAgencies } from './store.js';

/** Agencies and facilities with their structure. */
export async function facilityRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['facilities'];
  r.get(
    '/api/v1/agencies',
    {
      config: { access: 'facilities:read' },
      schema: {
        tags,
        operationId: 'listAgencies',
        summary: 'List agencies',
        description: 'The sending and receiving agencies registered, by code.',
        response: { 200: agencyListSchema },
      },
    },
    async () => ({ items: await listAgencies(ctx.handle.db) }),
  );
  r.post(
    '/api/v1/agencies',
    {
      config: { access: 'facilities:write' },
      schema: {
        tags,
        operationId: 'registerAgency',
        summary: 'Register an agency',
        description: 'An agency of a jurisdiction, by code (e.g. US-ICE, SV-DGCP).',
        body: agencySchema,
        response: { 201: agencySchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.registerAgency(ctx, requestActor(request), request.body)),
  );
  r.get(
    '/api/v1/facilities',
    {
      config: { access: 'facilities:read' },
      schema: {
        tags,
        operationId: 'listFacilities',
        summary: 'List facilities',
        description: 'Facilities with their capacity figures and who they hold now, paged by cursor.',
        querystring: facilityListQuery,
        response: { 200: facilityListSchema },
      },
    },
    async (request) => service.listFacilities(ctx, requestActor(request), request.query),
  );
  r.post(
    '/api/v1/facilities',
    {
      config: { access: 'facilities:write' },
      schema: {
        tags,
        operationId: 'registerFacility',
        summary: 'Register a facility with modules and cells',
        description:
          'A facility, its signed operational capacity, and its modules and cells with their bunks.',
        body: facilityInputSchema,
        response: { 201: facilityViewSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.registerFacility(ctx, requestActor(request), request.body)),
  );
  r.get(
    '/api/v1/facilities/:id',
    {
      config: { access: 'facilities:read' },
      schema: {
        tags,
        operationId: 'getFacility',
        summary: 'One facility with every cell and its occupancy',
        description: 'The facility, by id or code, with every cell, its capacity and who is in it now.',
        params: idParams,
        response: { 200: facilityDetailSchema },
      },
    },
    async (request) => service.showFacility(ctx, requestActor(request), request.params.id),
  );
  r.patch(
    '/api/v1/facilities/:id',
    {
      config: { access: 'facilities:write' },
      schema: {
        tags,
        operationId: 'reviseFacility',
        summary: 'Revise a facility',
        description: 'Change the name, operational capacity, location, notes or staff.',
        params: idParams,
        body: facilityPatchSchema,
        response: { 200: facilityViewSchema },
      },
    },
    async (request) => service.reviseFacility(ctx, requestActor(request), request.params.id, request.body),
  );
  r.patch(
    '/api/v1/facilities/:id/cells/:code',
    {
      config: { access: 'facilities:write' },
      schema: {
        tags,
        operationId: 'reviseCell',
        summary:
          'Revise a cell: bunks, working capacity (never above the bunks or below the people in it), local occupants, status',
        params: cellParams,
        body: cellPatchSchema,
        response: { 200: facilityDetailSchema },
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
        operationId: 'planAllocation',
        summary: 'Plan an allocation without applying it (dry run)',
        description: `Plans without applying: ${allocationSummary}.`,
        params: idParams,
        querystring: allocationQuery,
        response: { 200: allocationReportSchema },
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
        operationId: 'applyAllocation',
        summary: 'Allocate and apply (receiving officer)',
        description: `Plans and applies: ${allocationSummary}; each change is a housing.assigned event.`,
        params: idParams,
        body: allocationBody,
        response: { 200: allocationReportSchema },
      },
    },
    async (request) =>
      allocateFacility(ctx, requestActor(request), request.params.id, { all: request.body.all }),
  );
}
