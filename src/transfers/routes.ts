import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestActor } from '../auth/http.js';
import type { AppContext } from '../context.js';
import { isoDate } from '../core/schemas.js';
import type { Actor } from '../ledger/events.js';
import { consentSchema, identityVerificationSchema, noticeSchema } from '../people/model.js';
import { recordConsent, recordIdentityVerification, recordNotice } from './facts.js';
import { liftLegalHold, recordHold } from './holds.js';
import { TRANSFER_STATUSES } from './model.js';
import { HOLD_TYPES } from './reasons.js';
import { act, getTransfer } from './service.js';
import { listTransfers, transferCounts } from './store.js';

const idParams = z.object({ id: z.uuid() });
const asOf = isoDate
  .optional()
  .describe('the planned transfer date for the fresh screening; default today (UTC)');

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
        summary: 'Nominate a person for transfer under an agreement',
        body: z.object({ personId: z.uuid(), agreementId: z.uuid(), asOf }),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await act(ctx, requestActor(request), { action: 'nominate', ...request.body })),
  );
  r.get(
    '/api/v1/transfers/:id',
    {
      config: { access: 'transfers:read' },
      schema: { tags, summary: 'A transfer and its timeline', params: idParams },
    },
    async (request) => getTransfer(ctx, request.params.id, requestActor(request).role),
  );
  r.get(
    '/api/v1/transfers',
    {
      config: { access: 'transfers:read' },
      schema: {
        tags,
        summary: 'The transfers board: transfers with their person, newest first, with counts by state',
        querystring: z.object({
          status: z
            .string()
            .optional()
            .describe('comma-separated states, e.g. approved,accepted')
            .refine(
              (v) => !v || v.split(',').every((x) => (TRANSFER_STATUSES as readonly string[]).includes(x)),
              {
                message: `each state must be one of: ${TRANSFER_STATUSES.join(', ')}`,
              },
            ),
          agreementId: z.uuid().optional(),
          nationality: z
            .string()
            .regex(/^[A-Z]{2}$/, 'an ISO 3166 alpha-2 code such as VE')
            .optional(),
          q: z.string().max(100).optional().describe('name or ref'),
          limit: z.coerce.number().int().min(1).max(1000).optional(),
        }),
      },
    },
    async (request) => {
      const { status, ...rest } = request.query;
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
        summary:
          'Move a transfer: screen, approve, accept, reject, hold, lift_hold, cancel or order_return. The role, reason and fresh screening each step needs are checked. Scheduling, boarding and intake happen on a transport manifest (/api/v1/manifests).',
        params: idParams,
        body: z.discriminatedUnion('action', [
          z.object({ action: z.enum(['screen', 'approve', 'accept']), asOf }),
          z.object({ action: z.enum(['reject', 'cancel']), reasonCode: z.string().min(1), asOf }),
          z.object({
            action: z.literal('hold'),
            hold: z.object({
              holdId: z.string().min(1),
              type: z.enum(HOLD_TYPES),
              court: z.string().min(1),
              case: z.string().min(1),
              issued: isoDate,
            }),
            asOf,
          }),
          z.object({
            action: z.literal('lift_hold'),
            lift: z.object({ holdId: z.string().min(1), lifted: isoDate }),
            asOf,
          }),
          z.object({
            action: z.literal('order_return'),
            courtOrder: z.object({ court: z.string().min(1), case: z.string().min(1) }),
            asOf,
          }),
        ]),
      },
    },
    async (request) => act(ctx, requestActor(request), { ...request.body, transferId: request.params.id }),
  );
  r.post(
    '/api/v1/people/:id/holds',
    {
      config: { access: 'holds:record' },
      schema: {
        tags,
        summary:
          "Record a legal hold (court, or sending_legal on a court's behalf): every open pre-departure transfer goes on hold",
        params: idParams,
        body: z.object({
          type: z.enum(HOLD_TYPES),
          court: z.string().min(1),
          case: z.string().min(1),
          issued: isoDate,
        }),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordHold(ctx, requestActor(request), request.params.id, request.body)),
  );
  r.post(
    '/api/v1/people/:id/holds/lift',
    {
      config: { access: 'holds:record' },
      schema: {
        tags,
        summary: 'Lift a legal hold: transfers it held return to screened and need approval again',
        params: idParams,
        body: z.object({ holdId: z.string().min(1), lifted: isoDate }),
      },
    },
    async (request) => liftLegalHold(ctx, requestActor(request), request.params.id, request.body),
  );
  const fact = <S extends z.ZodType>(
    path: string,
    summary: string,
    body: S,
    run: (ctx: AppContext, actor: Actor, personId: string, value: z.output<S>) => Promise<unknown>,
  ) =>
    r.post(
      `/api/v1/people/:id/${path}`,
      { config: { access: 'screenings:record' }, schema: { tags, summary, params: idParams, body } },
      async (request, reply) =>
        reply
          .code(201)
          .send(await run(ctx, requestActor(request), request.params.id, request.body as z.output<S>)),
    );
  fact(
    'notice',
    'Record written notice of the intended transfer (sending_legal); re-screens open transfers',
    noticeSchema,
    recordNotice,
  );
  fact(
    'consent',
    'Record verified consent to a treaty transfer (sending_legal); it cannot be withdrawn; re-screens open transfers',
    consentSchema,
    recordConsent,
  );
  fact(
    'identity-verification',
    'Record an identity verification (biometric, or two identifiers corroborated); re-screens open transfers',
    identityVerificationSchema,
    recordIdentityVerification,
  );
}
