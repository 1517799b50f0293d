import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestActor } from '../auth/http.js';
import type { AppContext } from '../context.js';
import { isoDate } from '../core/schemas.js';
import { liftLegalHold, recordHold } from './holds.js';
import { HOLD_TYPES } from './reasons.js';
import { act, getTransfer } from './service.js';

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
    async (request) => getTransfer(ctx, request.params.id),
  );
  r.post(
    '/api/v1/transfers/:id/actions',
    {
      config: { access: 'transfers:act' },
      schema: {
        tags,
        summary:
          'Move a transfer: screen, approve, accept, reject, schedule, depart, receive, hold, lift_hold, cancel or order_return. The role, reason and fresh screening each step needs are checked.',
        params: idParams,
        body: z.discriminatedUnion('action', [
          z.object({ action: z.enum(['screen', 'approve', 'accept', 'depart', 'receive']), asOf }),
          z.object({ action: z.literal('schedule'), manifestId: z.uuid().optional(), asOf }),
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
}
