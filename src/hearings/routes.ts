import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestActor } from '../auth/http.js';
import type { AppContext } from '../context.js';
import { facilityParams, idParams } from '../custody/contract.js';
import {
  amendResultSchema,
  bookResultSchema,
  courtDaySchema,
  courtParams,
  dayQuery,
  facilityDaySchema,
  type HearingView,
  hearingAmendBody,
  hearingBookBody,
  hearingCancelBody,
  hearingDetailSchema,
  hearingOutcomeBody,
  hearingParams,
  hearingSchema,
  outcomeResultSchema,
  personHearingsSchema,
  roomBlockBody,
  roomCreateBody,
  roomParams,
  roomScheduleBody,
  roomSchema,
  roomsSchema,
} from './contract.js';
import { dayListCsv } from './day-list.js';
import {
  addRoom,
  amendHearing,
  blockRoom,
  bookHearing,
  cancelHearing,
  courtDayList,
  facilityDayList,
  hearing,
  listRooms,
  personHearings,
  recordOutcome,
  setRoomSchedule,
} from './service.js';

const listQuery = dayQuery.extend({
  format: z.enum(['json', 'csv']).optional().describe('csv for a spreadsheet'),
});

/** Answers a day list as JSON, or as CSV named after its subject and date. */
function dayList<T extends { date: string; hearings: HearingView[] }>(
  reply: FastifyReply,
  subject: string,
  list: T,
  format: 'json' | 'csv' | undefined,
) {
  if (format !== 'csv') return reply.type('application/json').send(list);
  const name = `hearings-${subject}-${list.date}.csv`.replace(/[^A-Za-z0-9._-]/g, '_');
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}"`)
    .send(dayListCsv(list.hearings));
}

/** Video-link hearings (docs/domain.md, Video-link hearings): rooms, bookings, outcomes, day lists. */
export async function hearingRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['hearings'];
  r.get(
    '/api/v1/facilities/:id/rooms',
    {
      config: { access: 'hearings:read', scoped: true },
      schema: {
        tags,
        operationId: 'listHearingRooms',
        summary: "A facility's hearing rooms, their weekly schedules and blocks",
        params: facilityParams,
        response: { 200: roomsSchema },
      },
    },
    async (request) => listRooms(ctx, requestActor(request), request.params.id),
  );
  r.post(
    '/api/v1/facilities/:id/rooms',
    {
      config: { access: 'rooms:manage' },
      schema: {
        tags,
        operationId: 'addHearingRoom',
        summary: 'Add a hearing room, with its weekly schedule (receiving custody)',
        description:
          'A room with no schedule is closed. Rows are in the facility’s zone; `court` rows serve hearings only, the others are shared with legal visits.',
        params: facilityParams,
        body: roomCreateBody,
        response: { 201: roomSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await addRoom(ctx, requestActor(request), { facility: request.params.id, ...request.body })),
  );
  r.put(
    '/api/v1/facilities/:id/rooms/:code/schedule',
    {
      config: { access: 'rooms:manage' },
      schema: {
        tags,
        operationId: 'setHearingRoomSchedule',
        summary: "Replace a hearing room's weekly schedule (receiving custody)",
        params: roomParams,
        body: roomScheduleBody,
        response: { 200: roomSchema },
      },
    },
    async (request) =>
      setRoomSchedule(
        ctx,
        requestActor(request),
        request.params.id,
        request.params.code,
        request.body.schedule,
      ),
  );
  r.post(
    '/api/v1/facilities/:id/rooms/:code/blocks',
    {
      config: { access: 'rooms:manage' },
      schema: {
        tags,
        operationId: 'blockHearingRoom',
        summary: 'Block a hearing room for a while, with a reason (receiving custody)',
        params: roomParams,
        body: roomBlockBody,
        response: { 201: roomSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await blockRoom(ctx, requestActor(request), request.params.id, request.params.code, request.body),
        ),
  );
  r.post(
    '/api/v1/hearings',
    {
      config: { access: 'hearings:write', scoped: true },
      schema: {
        tags,
        operationId: 'bookHearing',
        summary: 'Book a video-link hearing, or be offered up to 3 alternatives (a court, for its courts)',
        description:
          'The whole stretch, pre + main + post, must lie in the room’s open hours, clear of its blocks, of every booking and legal visit in it, and of the person’s other hearings, legal visits and manifests. 201 with the booking, or 409 with why and up to 3 alternatives: the same room at the nearest other times first, then other rooms. A court books only for its own courts (403 naming the court).',
        body: hearingBookBody,
        response: { 201: bookResultSchema, 409: bookResultSchema },
      },
    },
    async (request, reply) => {
      const result = await bookHearing(ctx, requestActor(request), request.body);
      return reply.code(result.booked ? 201 : 409).send(result);
    },
  );
  r.get(
    '/api/v1/hearings/:id',
    {
      config: { access: 'hearings:read', scoped: true },
      schema: {
        tags,
        operationId: 'getHearing',
        summary: 'One hearing, in both zones, with its flags and history',
        description: 'Out of the reader’s scope it answers 404, as a miss.',
        params: hearingParams,
        response: { 200: hearingDetailSchema },
      },
    },
    async (request) => hearing(ctx, requestActor(request), request.params.id),
  );
  r.post(
    '/api/v1/hearings/:id/amend',
    {
      config: { access: 'hearings:write', scoped: true },
      schema: {
        tags,
        operationId: 'amendHearing',
        summary: 'Amend a booked hearing before it starts; the change is kept in its history',
        description:
          '201 with the booking, or 409 with why and up to 3 alternatives when the new slot does not fit.',
        params: hearingParams,
        body: hearingAmendBody,
        response: { 201: amendResultSchema, 409: amendResultSchema },
      },
    },
    async (request, reply) => {
      const result = await amendHearing(ctx, requestActor(request), request.params.id, request.body);
      return reply.code(result.amended ? 201 : 409).send(result);
    },
  );
  r.post(
    '/api/v1/hearings/:id/cancel',
    {
      config: { access: 'hearings:write', scoped: true },
      schema: {
        tags,
        operationId: 'cancelHearing',
        summary: 'Cancel a booked hearing',
        params: hearingParams,
        body: hearingCancelBody,
        response: { 201: hearingSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await cancelHearing(ctx, requestActor(request), request.params.id, request.body)),
  );
  r.post(
    '/api/v1/hearings/:id/outcome',
    {
      config: { access: 'hearings:write', scoped: true },
      schema: {
        tags,
        operationId: 'recordHearingOutcome',
        summary: "Record a hearing's outcome, with a legal hold or a return ordered at it",
        description:
          'Once the hearing has started: held, adjourned, or not produced with a reason code. A hold or a court-ordered return is recorded in the same transaction.',
        params: hearingParams,
        body: hearingOutcomeBody,
        response: { 201: outcomeResultSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordOutcome(ctx, requestActor(request), request.params.id, request.body)),
  );
  r.get(
    '/api/v1/facilities/:id/hearings',
    {
      config: { access: 'hearings:read', scoped: true },
      schema: {
        tags,
        operationId: 'facilityHearingDay',
        summary: "A facility's hearings on a day, by room (JSON or CSV)",
        params: facilityParams,
        querystring: listQuery,
        response: {
          200: {
            description: 'The day list, as JSON or (format=csv) as CSV',
            content: {
              'application/json': { schema: facilityDaySchema },
              'text/csv': { schema: z.string() },
            },
          },
        },
      },
    },
    async (request, reply) => {
      const list = await facilityDayList(ctx, requestActor(request), request.params.id, request.query.date);
      return dayList(reply, list.facility, list, request.query.format);
    },
  );
  r.get(
    '/api/v1/courts/:court/hearings',
    {
      config: { access: 'hearings:read', scoped: true },
      schema: {
        tags,
        operationId: 'courtHearingDay',
        summary: "A court's hearings on a day in the court's zone (JSON or CSV)",
        params: courtParams,
        querystring: listQuery,
        response: {
          200: {
            description: 'The day list, as JSON or (format=csv) as CSV',
            content: { 'application/json': { schema: courtDaySchema }, 'text/csv': { schema: z.string() } },
          },
        },
      },
    },
    async (request, reply) => {
      const list = await courtDayList(ctx, requestActor(request), request.params.court, request.query.date);
      return dayList(reply, list.court, list, request.query.format);
    },
  );
  r.get(
    '/api/v1/people/:id/hearings',
    {
      config: { access: 'hearings:read', scoped: true },
      schema: {
        tags,
        operationId: 'getPersonHearings',
        summary: "A person's hearings, latest first (a family contact: the next one)",
        description: 'A person outside the reader’s scope answers 404, as a miss.',
        params: idParams,
        response: { 200: personHearingsSchema },
      },
    },
    async (request) => personHearings(ctx, requestActor(request), request.params.id),
  );
}
