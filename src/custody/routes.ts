import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requestActor } from '../auth/http.js';
import type { AppContext } from '../context.js';
import { problemResponse } from '../core/contract.js';
import { pickLang } from '../core/i18n.js';
import { complianceFile, complianceReport } from './compliance-service.js';
import {
  complianceExportQuery,
  complianceExportResponse,
  complianceReportSchema,
  custodyReleasedSchema,
  deathNoticeBody,
  facilityParams,
  headcountBody,
  headcountRecordedSchema,
  idParams,
  incidentBody,
  incidentDetailSchema,
  incidentListSchema,
  incidentReportedSchema,
  incidentStatusBody,
  incidentsQuery,
  notificationBody,
  notificationFulfilledSchema,
  notificationParams,
  occupancyReportSchema,
  periodQuery,
  personCustodySchema,
  recordExtentSchema,
  regimeBody,
  regimeLogSchema,
  regimeRejectedContent,
  regimeReportSchema,
  releaseBody,
} from './contract.js';
import {
  changeIncidentStatus,
  facilityIncidents,
  incident,
  recordDeathNotice,
  recordHeadcount,
  reportIncident,
} from './incident-service.js';
import { isolationRoutes } from './isolation-routes.js';
import { facilityOccupancy } from './occupancy-service.js';
import { recordExtent } from './record-extent-service.js';
import { type RegimeRow, regimeEntrySchema } from './regime.js';
import { facilityRegime, recordRegime } from './regime-service.js';
import { personCustody, recordNotification, releasePerson } from './service.js';

/** Custody: a person's intervals, and releases. */
export async function custodyRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['custody'];
  await isolationRoutes(app, ctx);
  r.get(
    '/api/v1/people/:id/custody',
    {
      config: { access: 'people:read', scoped: true },
      schema: {
        tags,
        operationId: 'getPersonCustody',
        summary: "A person's custody intervals and Rule 68 notifications",
        description:
          'Every custody interval, newest first, with its notifications and the cell the person is in now.',
        params: idParams,
        response: { 200: personCustodySchema },
      },
    },
    async (request) => personCustody(ctx, requestActor(request), request.params.id),
  );
  r.post(
    '/api/v1/people/:id/release',
    {
      config: { access: 'custody:record' },
      schema: {
        tags,
        operationId: 'releasePerson',
        summary: 'Release a person (receiving custody): closes the custody interval and vacates the cell',
        description:
          'Ends the open custody interval for a reason, at a time (default now), and frees the cell.',
        params: idParams,
        body: releaseBody,
        response: { 201: custodyReleasedSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await releasePerson(ctx, requestActor(request), request.params.id, request.body)),
  );
  r.get(
    '/api/v1/facilities/:id/regime',
    {
      config: { access: 'facilities:read' },
      schema: {
        tags,
        operationId: 'getRegimeLog',
        summary: "A facility's regime log between two dates: one entry per cell per day",
        description:
          'Time out of cell, outdoor exercise, night light, bedding, water, meals and contacts per cell and day.',
        params: facilityParams,
        querystring: periodQuery,
        response: { 200: regimeLogSchema },
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
        operationId: 'recordRegime',
        summary: 'Record regime log entries (receiving custody)',
        description:
          'Each bad entry is reported with its index and field; the good ones are recorded, or none with allOrNothing. 422 with the same report when some were rejected.',
        params: facilityParams,
        body: regimeBody,
        response: {
          201: regimeReportSchema,
          422: {
            description: 'Some entries were rejected (the report), or a rule refused the request (a problem)',
            content: { ...regimeRejectedContent, ...problemResponse(422).content },
          },
        },
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
    '/api/v1/facilities/:id/records',
    {
      config: { access: 'facilities:read' },
      schema: {
        tags,
        operationId: 'getRecordExtent',
        summary: "The first and last recorded day of a facility's custody records",
        description:
          "For the regime log, incidents, headcounts, intakes and isolation placements, the first and last day with a record, in the facility's time zone (null when none), and the span the compliance report can judge.",
        params: facilityParams,
        response: { 200: recordExtentSchema },
      },
    },
    async (request) => recordExtent(ctx, requestActor(request), request.params.id),
  );
  r.get(
    '/api/v1/facilities/:id/compliance',
    {
      config: { access: 'facilities:read' },
      schema: {
        tags,
        operationId: 'getComplianceReport',
        summary: 'The standards compliance report for a period',
        description:
          'Findings grouped by rule (outdoor-exercise, lighting, …), each citing its source, with counts, the worst cells and the days affected.',
        params: facilityParams,
        querystring: periodQuery,
        response: { 200: complianceReportSchema },
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
        operationId: 'exportComplianceReport',
        summary: 'The compliance report as a CSV or PDF file',
        description:
          'CSV: every finding, one row each, with its rule and source. PDF: in the language of `lang` or else of Accept-Language, with the summary, a chart per rule, and the ledger head it was made at.',
        params: facilityParams,
        querystring: complianceExportQuery,
        response: { 200: complianceExportResponse },
      },
    },
    async (request, reply) => {
      const { from, to, format } = request.query;
      const report = await complianceReport(ctx, requestActor(request), request.params.id, from, to);
      const lang = request.query.lang ?? pickLang(request.headers['accept-language']);
      const file = await complianceFile(ctx, report, format, lang);
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
        operationId: 'listIncidents',
        summary: "A facility's incidents, newest first",
        description: 'Optionally of one status, each with the person and cell it names.',
        params: facilityParams,
        querystring: incidentsQuery,
        response: { 200: incidentListSchema },
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
        operationId: 'reportIncident',
        summary: 'Report an incident (receiving custody)',
        description: 'Its kind, what happened, when, and the person or cell if any.',
        params: facilityParams,
        body: incidentBody,
        response: { 201: incidentReportedSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await reportIncident(ctx, requestActor(request), request.params.id, request.body)),
  );
  r.get(
    '/api/v1/incidents/:id',
    {
      config: { access: 'facilities:read' },
      schema: {
        tags,
        operationId: 'getIncident',
        summary: 'One incident with its history',
        description:
          'The incident, its notifications of a death, and every step of its history, oldest first.',
        params: idParams,
        response: { 200: incidentDetailSchema },
      },
    },
    async (request) => incident(ctx, requestActor(request), request.params.id),
  );
  r.post(
    '/api/v1/incidents/:id/status',
    {
      config: { access: 'custody:record' },
      schema: {
        tags,
        operationId: 'changeIncidentStatus',
        summary: 'Move an incident along open → under_review → closed | reopened, with a note',
        description: 'Each step is recorded with its note; a step the workflow does not allow is refused.',
        params: idParams,
        body: incidentStatusBody,
        response: { 200: incidentDetailSchema },
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
        operationId: 'recordDeathNotice',
        summary: 'Record that next of kin or the independent authority was told of a death',
        description: 'Next of kin (Mandela Rule 69) or the independent authority (Rule 71), who and when.',
        params: idParams,
        body: deathNoticeBody,
        response: { 200: incidentDetailSchema },
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
        operationId: 'recordHeadcount',
        summary: 'Record a headcount (receiving custody); a discrepancy is reported as an incident',
        description:
          'The number counted against the number expected in custody; a difference raises an incident.',
        params: facilityParams,
        body: headcountBody,
        response: { 201: headcountRecordedSchema },
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
        operationId: 'getOccupancy',
        summary: 'Occupancy by day between two dates, and a 90-day forecast',
        description:
          'Recorded occupancy by day, a 90-day forecast from scheduled arrivals and release dates, and the capacity figures.',
        params: facilityParams,
        querystring: periodQuery,
        response: { 200: occupancyReportSchema },
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
        operationId: 'recordNotification',
        summary: 'Record that family and counsel were told where the person is held',
        description:
          'Fulfils a Mandela Rule 68 notification owed since intake (receiving custody): who was told, when.',
        params: notificationParams,
        body: notificationBody,
        response: { 201: notificationFulfilledSchema },
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
