import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestActor } from '../auth/http.js';
import type { AppContext } from '../context.js';
import { isoDate } from '../core/schemas.js';
import { complianceFile, complianceReport } from './compliance-service.js';
import {
  changeIncidentStatus,
  facilityIncidents,
  incident,
  recordDeathNotice,
  recordHeadcount,
  reportIncident,
} from './incident-service.js';
import { INCIDENT_KINDS, INCIDENT_STATUSES } from './incidents.js';
import { RELEASE_REASONS } from './model.js';
import { facilityOccupancy } from './occupancy-service.js';
import { type RegimeRow, regimeEntrySchema } from './regime.js';
import { facilityRegime, recordRegime } from './regime-service.js';
import { personCustody, recordNotification, releasePerson } from './service.js';

const idParams = z.object({ id: z.uuid() });

/** Custody: a person's intervals, and releases. */
export async function custodyRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['custody'];
  r.get(
    '/api/v1/people/:id/custody',
    {
      config: { access: 'people:read' },
      schema: { tags, summary: "A person's custody intervals and Rule 68 notifications", params: idParams },
    },
    async (request) => personCustody(ctx, requestActor(request), request.params.id),
  );
  r.post(
    '/api/v1/people/:id/release',
    {
      config: { access: 'custody:record' },
      schema: {
        tags,
        summary: 'Release a person (receiving custody): closes the custody interval and vacates the cell',
        params: idParams,
        body: z.object({
          reason: z.enum(RELEASE_REASONS),
          at: z.iso.datetime({ offset: true }).optional().describe('when custody ended; default now'),
          note: z.string().max(2000).optional(),
        }),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await releasePerson(ctx, requestActor(request), request.params.id, request.body)),
  );
  const facilityParams = z.object({ id: z.string().min(1).max(100).describe('Facility id or code') });
  r.get(
    '/api/v1/facilities/:id/regime',
    {
      config: { access: 'facilities:read' },
      schema: {
        tags,
        summary: "A facility's regime log between two dates: one entry per cell per day",
        params: facilityParams,
        querystring: z.object({ from: isoDate, to: isoDate }),
      },
    },
    async (request) =>
      facilityRegime(ctx, requestActor(request), request.params.id, request.query.from, request.query.to),
  );
  r.post(
    '/api/v1/facilities/:id/regime',
    {
      config: { access: 'custody:record' },
      schema: {
        tags,
        summary:
          'Record regime log entries (receiving custody): each bad entry is reported with its index and field; the good ones are recorded, or none with allOrNothing',
        params: facilityParams,
        body: z.object({
          entries: z.array(z.record(z.string(), z.unknown())).min(1).max(20_000),
          allOrNothing: z.boolean().default(false),
        }),
      },
    },
    async (request, reply) => {
      const rows: RegimeRow[] = request.body.entries.map((entry, i) => {
        const parsed = regimeEntrySchema.safeParse(entry);
        return parsed.success
          ? { line: i + 1, ok: true, entry: parsed.data }
          : {
              line: i + 1,
              ok: false,
              issues: parsed.error.issues.map((issue) => ({
                field: issue.path.join('.') || '(entry)',
                line: i + 1,
                message: issue.message,
              })),
            };
      });
      const report = await recordRegime(ctx, requestActor(request), request.params.id, rows, {
        allOrNothing: request.body.allOrNothing,
      });
      return reply.code(report.rejected.length > 0 ? 422 : 201).send(report);
    },
  );
  r.get(
    '/api/v1/facilities/:id/compliance',
    {
      config: { access: 'facilities:read' },
      schema: {
        tags,
        summary:
          'The standards compliance report for a period: findings grouped by rule (outdoor-exercise, lighting, …), each citing its source, with counts, the worst cells and the days affected',
        params: facilityParams,
        querystring: z.object({ from: isoDate, to: isoDate }),
      },
    },
    async (request) =>
      complianceReport(ctx, requestActor(request), request.params.id, request.query.from, request.query.to),
  );
  r.get(
    '/api/v1/facilities/:id/compliance/export',
    {
      config: { access: 'facilities:read' },
      schema: {
        tags,
        summary:
          'The compliance report as a file: CSV (every finding, one row each, with its rule and source) or a bilingual PDF (summary, a chart per rule, and the ledger head it was made at)',
        params: facilityParams,
        querystring: z.object({ from: isoDate, to: isoDate, format: z.enum(['csv', 'pdf']) }),
      },
    },
    async (request, reply) => {
      const { from, to, format } = request.query;
      const report = await complianceReport(ctx, requestActor(request), request.params.id, from, to);
      const file = await complianceFile(ctx, report, format);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  );
  r.get(
    '/api/v1/facilities/:id/incidents',
    {
      config: { access: 'facilities:read' },
      schema: {
        tags,
        summary: "A facility's incidents, newest first",
        params: facilityParams,
        querystring: z.object({ status: z.enum(INCIDENT_STATUSES).optional() }),
      },
    },
    async (request) => facilityIncidents(ctx, requestActor(request), request.params.id, request.query.status),
  );
  r.post(
    '/api/v1/facilities/:id/incidents',
    {
      config: { access: 'custody:record' },
      schema: {
        tags,
        summary:
          'Report an incident (receiving custody): kind, what happened, when, and the person or cell if any',
        params: facilityParams,
        body: z.object({
          kind: z.enum(INCIDENT_KINDS),
          description: z.string().min(1).max(4000),
          personId: z.uuid().optional(),
          cell: z.string().min(1).max(32).optional(),
          occurredAt: z.iso.datetime({ offset: true }).optional(),
        }),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await reportIncident(ctx, requestActor(request), request.params.id, request.body)),
  );
  r.get(
    '/api/v1/incidents/:id',
    {
      config: { access: 'facilities:read' },
      schema: { tags, summary: 'One incident with its history', params: idParams },
    },
    async (request) => incident(ctx, requestActor(request), request.params.id),
  );
  r.post(
    '/api/v1/incidents/:id/status',
    {
      config: { access: 'custody:record' },
      schema: {
        tags,
        summary: 'Move an incident along open → under_review → closed | reopened, with a note',
        params: idParams,
        body: z.object({ to: z.enum(INCIDENT_STATUSES), note: z.string().min(1).max(4000) }),
      },
    },
    async (request) =>
      changeIncidentStatus(ctx, requestActor(request), request.params.id, request.body.to, request.body.note),
  );
  r.post(
    '/api/v1/incidents/:id/death-notifications',
    {
      config: { access: 'custody:record' },
      schema: {
        tags,
        summary:
          'Record that next of kin (Mandela Rule 69) or the independent authority (Rule 71) was told of a death',
        params: idParams,
        body: z.object({
          party: z.enum(['next_of_kin', 'independent_authority']),
          recipient: z.string().min(1).max(300),
          notifiedAt: z.iso.datetime({ offset: true }).optional(),
        }),
      },
    },
    async (request) => recordDeathNotice(ctx, requestActor(request), request.params.id, request.body),
  );
  r.post(
    '/api/v1/facilities/:id/headcounts',
    {
      config: { access: 'custody:record' },
      schema: {
        tags,
        summary: 'Record a headcount (receiving custody); a discrepancy is reported as an incident',
        params: facilityParams,
        body: z.object({ counted: z.number().int().min(0) }),
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await recordHeadcount(ctx, requestActor(request), request.params.id, request.body)),
  );
  r.get(
    '/api/v1/facilities/:id/occupancy',
    {
      config: { access: 'facilities:read' },
      schema: {
        tags,
        summary:
          'Occupancy by day between two dates, and a 90-day forecast from scheduled arrivals and release dates, with the capacity figures',
        params: facilityParams,
        querystring: z.object({ from: isoDate, to: isoDate }),
      },
    },
    async (request) =>
      facilityOccupancy(ctx, requestActor(request), request.params.id, request.query.from, request.query.to),
  );
  r.post(
    '/api/v1/people/:id/notifications/:obligationId',
    {
      config: { access: 'custody:record' },
      schema: {
        tags,
        summary:
          'Record that family and counsel were told where the person is held (Mandela Rule 68; receiving custody)',
        params: z.object({ id: z.uuid(), obligationId: z.uuid() }),
        body: z.object({
          recipients: z.string().min(1).max(500),
          fulfilledAt: z.iso.datetime({ offset: true }).optional(),
        }),
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await recordNotification(
            ctx,
            requestActor(request),
            request.params.id,
            request.params.obligationId,
            request.body,
          ),
        ),
  );
}
