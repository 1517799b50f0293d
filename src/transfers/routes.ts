import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { requestActor } from '../auth/http.js';
import type { AppContext } from '../context.js';
import type { Actor } from '../ledger/events.js';
import { peopleFilter } from '../parties/scope.js';
import {
  consentSchema,
  factRecordedSchema,
  holdLiftedSchema,
  holdPersonQuery,
  holdPersonSchema,
  holdRecordedSchema,
  identityVerificationSchema,
  idParams,
  liftHoldBody,
  nominateBody,
  noticeSchema,
  recordHoldBody,
  repatriationBody,
  transferActionBody,
  transferBoardQuery,
  transferBoardSchema,
  transferDetailSchema,
  transferStateSchema,
} from './contract.js';
import { recordConsent, recordIdentityVerification, recordNotice } from './facts.js';
import { findPersonForHold } from './hold-person.js';
import { liftLegalHold, recordHold } from './holds.js';
import { startRepatriation } from './return-service.js';
import { act, getTransfer } from './service.js';
import { listTransfers, transferCounts } from './store.js';

/** Transfers: nominate, act on one (each action a ledger event), and read one with its timeline. */
export async function transferRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['transfers'];
  r.post(
    '/api/v1/transfers',
    {
      config: { access: 'transfers:act' },
      schema: {
        tags,
        operationId: 'nominateTransfer',
        summary: 'Nominate a person for transfer under an agreement',
        description: 'Opens a transfer in the nominated state, with a screening as of the date given.',
        body: nominateBody,
        response: { 201: transferStateSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await act(ctx, requestActor(request), { action: 'nominate', ...request.body })),
  );
  r.get(
    '/api/v1/transfers/:id',
    {
      config: { access: 'transfers:read', scoped: true },
      schema: {
        tags,
        operationId: 'getTransfer',
        summary: 'A transfer and its timeline',
        description:
          'The state, the person and their holds, every step, the screenings, the manifest, custody, and the actions your role may take.',
        params: idParams,
        response: { 200: transferDetailSchema },
      },
    },
    async (request) => getTransfer(ctx, request.params.id, requestActor(request)),
  );
  r.get(
    '/api/v1/transfers',
    {
      config: { access: 'transfers:read', scoped: true },
      schema: {
        tags,
        operationId: 'listTransfers',
        summary: 'The transfers board: transfers with their person, newest first, with counts by state',
        description:
          'Filtered by states, agreement, nationality and name or ref; the counts ignore the state filter.',
        querystring: transferBoardQuery,
        response: { 200: transferBoardSchema },
      },
    },
    async (request) => {
      const { status, ...query } = request.query;
      // Only the people the reader's scope reaches, in the rows and in the counts.
      const rest = {
        ...query,
        visible: peopleFilter(ctx, requestActor(request), 'transfers:read', 'people.id'),
      };
      return {
        counts: await transferCounts(ctx.handle.db, rest),
        transfers: await listTransfers(ctx.handle.db, {
          ...rest,
          ...(status ? { status: status.split(',') } : {}),
        }),
      };
    },
  );
  r.post(
    '/api/v1/transfers/:id/actions',
    {
      config: { access: 'transfers:act' },
      schema: {
        tags,
        operationId: 'actOnTransfer',
        summary: 'Move a transfer: screen, approve, accept, reject, hold, lift_hold, cancel or order_return',
        description:
          'The role, reason and fresh screening each step needs are checked. Scheduling, boarding and intake happen on a transport manifest (/api/v1/manifests).',
        params: idParams,
        body: transferActionBody,
        response: { 200: transferStateSchema },
      },
    },
    async (request) => act(ctx, requestActor(request), { ...request.body, transferId: request.params.id }),
  );
  r.post(
    '/api/v1/transfers/:id/repatriation',
    {
      config: { access: 'transfers:act' },
      schema: {
        tags,
        operationId: 'startRepatriation',
        summary: 'Start the repatriation of the person a received transfer brought (receiving_officer)',
        description:
          'At the end of a sentence: a new repatriation transfer, ordered, to one of the person’s nationalities; it moves on a repatriation manifest.',
        params: idParams,
        body: repatriationBody,
        response: { 201: transferStateSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await startRepatriation(ctx, requestActor(request), request.params.id, request.body.country)),
  );
  r.post(
    '/api/v1/people/:id/holds',
    {
      config: { access: 'holds:record', scoped: true },
      schema: {
        tags,
        operationId: 'recordHold',
        summary: 'Record a legal hold on a person',
        description:
          "By a court, or sending_legal on a court's behalf: every open pre-departure transfer goes on hold; a person in transit or received raises an alert.",
        params: idParams,
        body: recordHoldBody,
        response: { 201: holdRecordedSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordHold(ctx, requestActor(request), request.params.id, request.body)),
  );
  r.get(
    '/api/v1/holds/person',
    {
      // A court reaches it for any person: the lookup is exact and answers only whom (decision 0032).
      config: { access: 'holds:record', scoped: true },
      schema: {
        tags,
        operationId: 'findPersonForHold',
        summary: 'Find the person a hold is for, by exact ref or exact A-number',
        description:
          "How a court names a person it has no case about yet (its reads reach only its own courts' people): an exact match on one of `ref` or `aNumber` answers the person's id, ref, name and agreement, nothing else; no partial match, no list beyond the exact matches; 404 when none.",
        querystring: holdPersonQuery,
        response: { 200: holdPersonSchema },
      },
    },
    async (request) => findPersonForHold(ctx, requestActor(request), request.query),
  );
  r.post(
    '/api/v1/people/:id/holds/lift',
    {
      config: { access: 'holds:record', scoped: true },
      schema: {
        tags,
        operationId: 'liftHold',
        summary: 'Lift a legal hold',
        description: 'The transfers it held return to screened and need approval again.',
        params: idParams,
        body: liftHoldBody,
        response: { 200: holdLiftedSchema },
      },
    },
    async (request) => liftLegalHold(ctx, requestActor(request), request.params.id, request.body),
  );
  const fact = <S extends z.ZodType>(
    path: string,
    operationId: string,
    summary: string,
    body: S,
    run: (
      ctx: AppContext,
      actor: Actor,
      personId: string,
      value: z.output<S>,
    ) => Promise<z.output<typeof factRecordedSchema>>,
  ) =>
    r.post(
      `/api/v1/people/:id/${path}`,
      {
        config: { access: 'screenings:record' },
        schema: {
          tags,
          operationId,
          summary,
          description: `${summary}. A new version of the person's record; every open transfer is screened again.`,
          params: idParams,
          body,
          response: { 201: factRecordedSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await run(ctx, requestActor(request), request.params.id, request.body as z.output<S>)),
    );
  fact(
    'notice',
    'recordNotice',
    'Record written notice of the intended transfer (sending_legal); re-screens open transfers',
    noticeSchema,
    recordNotice,
  );
  fact(
    'consent',
    'recordConsent',
    'Record verified consent to a treaty transfer (sending_legal); it cannot be withdrawn; re-screens open transfers',
    consentSchema,
    recordConsent,
  );
  fact(
    'identity-verification',
    'recordIdentityVerification',
    'Record an identity verification (biometric, or two identifiers corroborated); re-screens open transfers',
    identityVerificationSchema,
    recordIdentityVerification,
  );
}
