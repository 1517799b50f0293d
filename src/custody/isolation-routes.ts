import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requestActor } from '../auth/http.js';
import type { AppContext } from '../context.js';
import { facilityParams, idParams } from './contract.js';
import {
  consularBody,
  consularRecordedSchema,
  facilityIsolationSchema,
  isolationEndBody,
  isolationEndedSchema,
  isolationQuery,
  isolationStartBody,
  isolationStartedSchema,
  personIsolationSchema,
  placementParams,
} from './isolation-contract.js';
import {
  endIsolation,
  facilityIsolation,
  personIsolation,
  recordConsular,
  startIsolation,
} from './isolation-service.js';

/** Isolation placements and consular notification (docs/domain.md, Isolation; Standards compliance). */
export async function isolationRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['custody'];
  r.get(
    '/api/v1/facilities/:id/isolation',
    {
      config: { access: 'facilities:read' },
      schema: {
        tags,
        operationId: 'listIsolationPlacements',
        summary: "A facility's isolation placements, newest first",
        description:
          'Each placement in an isolation or punishment cell: person, cell, reason, who authorised it, lighting, start and end. `open=true` gives only the people in isolation now.',
        params: facilityParams,
        querystring: isolationQuery,
        response: { 200: facilityIsolationSchema },
      },
    },
    async (request) =>
      facilityIsolation(ctx, requestActor(request), request.params.id, {
        open: request.query.open === 'true',
      }),
  );
  r.post(
    '/api/v1/facilities/:id/isolation',
    {
      config: { access: 'custody:record' },
      schema: {
        tags,
        operationId: 'startIsolationPlacement',
        summary: 'Start an isolation placement (receiving custody)',
        description:
          'The person must be in custody at the facility at the start, the cell one of its cells, and no other placement of the person may overlap. The placement stays open until ended.',
        params: facilityParams,
        body: isolationStartBody,
        response: { 201: isolationStartedSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await startIsolation(ctx, requestActor(request), request.params.id, request.body)),
  );
  r.post(
    '/api/v1/isolation/:id/end',
    {
      config: { access: 'custody:record' },
      schema: {
        tags,
        operationId: 'endIsolationPlacement',
        summary: 'End an open isolation placement (receiving custody)',
        description: 'At a time (default now) after its start and not in the future; once.',
        params: placementParams,
        body: isolationEndBody,
        response: { 201: isolationEndedSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await endIsolation(ctx, requestActor(request), request.params.id, request.body)),
  );
  r.get(
    '/api/v1/people/:id/isolation',
    {
      config: { access: 'people:read', scoped: true },
      schema: {
        tags,
        operationId: 'getPersonIsolation',
        summary: "A person's isolation placements, newest first",
        description: 'At every facility, open and ended.',
        params: idParams,
        response: { 200: personIsolationSchema },
      },
    },
    async (request) => personIsolation(ctx, requestActor(request), request.params.id),
  );
  r.post(
    '/api/v1/people/:id/consular-notification',
    {
      config: { access: 'custody:record' },
      schema: {
        tags,
        operationId: 'recordConsularNotification',
        summary: "Record that a foreign national's consulate was notified, or that they objected",
        description:
          'For the latest custody interval of a person none of whose nationalities is the facility’s country (VCCR Art. 36(1)(b)): once, at a time between intake and now. The compliance report judges it against 72 hours.',
        params: idParams,
        body: consularBody,
        response: { 201: consularRecordedSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordConsular(ctx, requestActor(request), request.params.id, request.body)),
  );
}
