import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requestActor } from '../auth/http.js';
import type { AppContext } from '../context.js';
import {
  agreementInputSchema,
  agreementListQuery,
  agreementListSchema,
  agreementPatchSchema,
  agreementViewSchema,
  eligibilityPolicyInputSchema,
  feeScheduleInputSchema,
  agreementParams as idParams,
} from './contract.js';
import * as service from './service.js';

/** CRUD for agreements and their versioned policies and fee schedules. */
export async function agreementRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['agreements'];
  r.get(
    '/api/v1/agreements',
    {
      config: { access: 'agreements:read' },
      schema: {
        tags,
        operationId: 'listAgreements',
        summary: 'List agreements',
        querystring: agreementListQuery,
        response: { 200: agreementListSchema },
      },
    },
    async (request) => service.listAgreements(ctx, requestActor(request), request.query),
  );
  r.post(
    '/api/v1/agreements',
    {
      config: { access: 'agreements:write' },
      schema: {
        tags,
        operationId: 'createAgreement',
        summary: 'Create an agreement',
        description:
          'Create an agreement with its facilities, agencies, standards and reports owed, and optionally its first eligibility policy and fee schedule.',
        body: agreementInputSchema,
        response: { 201: agreementViewSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createAgreement(ctx, requestActor(request), request.body)),
  );
  r.get(
    '/api/v1/agreements/:id',
    {
      config: { access: 'agreements:read' },
      schema: {
        tags,
        operationId: 'getAgreement',
        summary: 'One agreement',
        description: 'One agreement, by id or code, with every version of its policies and fee schedules.',
        params: idParams,
        response: { 200: agreementViewSchema },
      },
    },
    async (request) => service.getAgreement(ctx, requestActor(request), request.params.id),
  );
  r.patch(
    '/api/v1/agreements/:id',
    {
      config: { access: 'agreements:write' },
      schema: {
        tags,
        operationId: 'reviseAgreement',
        summary: 'Revise an agreement or change its status',
        description:
          'Change the title, dates, bed allotment or settings, or move the status along draft → in_force → suspended | terminated.',
        params: idParams,
        body: agreementPatchSchema,
        response: { 200: agreementViewSchema },
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
        operationId: 'addEligibilityPolicy',
        summary: 'Add an eligibility policy version',
        description:
          'A new version of the rules screenings apply from its effective date; earlier versions stay for screenings as of earlier dates.',
        params: idParams,
        body: eligibilityPolicyInputSchema,
        response: { 201: agreementViewSchema },
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
      schema: {
        tags,
        operationId: 'addFeeSchedule',
        summary: 'Add a fee schedule version',
        description:
          'A new fee schedule from its effective date; invoices for earlier days keep the earlier one.',
        params: idParams,
        body: feeScheduleInputSchema,
        response: { 201: agreementViewSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await service.addFeeScheduleVersion(ctx, requestActor(request), request.params.id, request.body),
        ),
  );
}
