import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requestActor } from '../auth/http.js';
import type { AppContext } from '../context.js';
import { facilityParams, idParams } from '../custody/contract.js';
import {
  facilityVisitsQuery,
  facilityVisitsSchema,
  legalVisitSchema,
  personVisitsSchema,
  visitCancelBody,
  visitOutcomeBody,
  visitParams,
  visitRefuseBody,
  visitRequestBody,
  visitScheduleBody,
} from './contract.js';
import {
  cancelVisit,
  facilityVisits,
  legalVisit,
  personVisits,
  recordVisitOutcome,
  refuseVisit,
  requestVisit,
  scheduleVisit,
} from './service.js';

/** Legal visits (docs/domain.md, Legal visits): counsel request, receiving custody schedules. */
export async function legalVisitRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['custody'];
  r.get(
    '/api/v1/facilities/:id/legal-visits',
    {
      config: { access: 'legal_visits:read', scoped: true },
      schema: {
        tags,
        operationId: 'listLegalVisits',
        summary: "A facility's legal visit requests, newest first",
        description:
          'Counsel see only their clients’ visits. `status` gives only the visits in one state (e.g. `requested`, the ones to schedule).',
        params: facilityParams,
        querystring: facilityVisitsQuery,
        response: { 200: facilityVisitsSchema },
      },
    },
    async (request) =>
      facilityVisits(ctx, requestActor(request), request.params.id, { status: request.query.status }),
  );
  r.get(
    '/api/v1/people/:id/legal-visits',
    {
      config: { access: 'legal_visits:read', scoped: true },
      schema: {
        tags,
        operationId: 'getPersonLegalVisits',
        summary: "A person's legal visits, newest first",
        description:
          'A person outside the reader’s scope (counsel: not their client) answers 404, as a miss.',
        params: idParams,
        response: { 200: personVisitsSchema },
      },
    },
    async (request) => personVisits(ctx, requestActor(request), request.params.id),
  );
  r.post(
    '/api/v1/people/:id/legal-visits',
    {
      config: { access: 'legal_visits:request', scoped: true },
      schema: {
        tags,
        operationId: 'requestLegalVisit',
        summary: 'Request a legal visit or call with a client (counsel)',
        description:
          'With a client in custody, in a preferred window that has not passed. A person who is not the counsel’s client answers 404, as a miss. Mandela Rule 61: the visit is due within 7 days.',
        params: idParams,
        body: visitRequestBody,
        response: { 201: legalVisitSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await requestVisit(ctx, requestActor(request), request.params.id, request.body)),
  );
  r.get(
    '/api/v1/legal-visits/:id',
    {
      config: { access: 'legal_visits:read', scoped: true },
      schema: {
        tags,
        operationId: 'getLegalVisit',
        summary: 'One legal visit',
        description: 'Out of the reader’s scope it answers 404, as a miss.',
        params: visitParams,
        response: { 200: legalVisitSchema },
      },
    },
    async (request) => legalVisit(ctx, requestActor(request), request.params.id),
  );
  r.post(
    '/api/v1/legal-visits/:id/schedule',
    {
      config: { access: 'legal_visits:manage' },
      schema: {
        tags,
        operationId: 'scheduleLegalVisit',
        summary: 'Schedule a requested legal visit in a room at a time (receiving custody)',
        description:
          'The room is the facility’s location code; the slot must end after it starts and not start before the request.',
        params: visitParams,
        body: visitScheduleBody,
        response: { 201: legalVisitSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await scheduleVisit(ctx, requestActor(request), request.params.id, request.body)),
  );
  r.post(
    '/api/v1/legal-visits/:id/refuse',
    {
      config: { access: 'legal_visits:manage' },
      schema: {
        tags,
        operationId: 'refuseLegalVisit',
        summary: 'Refuse a requested legal visit with a reason (receiving custody)',
        description:
          'A reason code and a text; a refusal is a legal-access finding in the compliance report.',
        params: visitParams,
        body: visitRefuseBody,
        response: { 201: legalVisitSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await refuseVisit(ctx, requestActor(request), request.params.id, request.body)),
  );
  r.post(
    '/api/v1/legal-visits/:id/outcome',
    {
      config: { access: 'legal_visits:manage' },
      schema: {
        tags,
        operationId: 'recordLegalVisitOutcome',
        summary: 'Record a scheduled legal visit held or not held (receiving custody)',
        description:
          'Once the visit has started; not held needs a reason code and a text. A visit is held at most once.',
        params: visitParams,
        body: visitOutcomeBody,
        response: { 201: legalVisitSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await recordVisitOutcome(ctx, requestActor(request), request.params.id, request.body)),
  );
  r.post(
    '/api/v1/legal-visits/:id/cancel',
    {
      config: { access: 'legal_visits:request', scoped: true },
      schema: {
        tags,
        operationId: 'cancelLegalVisit',
        summary: 'Cancel a requested or scheduled legal visit (counsel)',
        description: 'A visit of a person who is not the counsel’s client answers 404, as a miss.',
        params: visitParams,
        body: visitCancelBody,
        response: { 201: legalVisitSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await cancelVisit(ctx, requestActor(request), request.params.id, request.body)),
  );
}
