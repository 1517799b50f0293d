import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestActor } from '../auth/http.js';
import type { AppContext } from '../context.js';
import { invalidInput } from '../core/errors.js';
import { parsePeople } from './import-format.js';
import { personRecordSchema } from './model.js';
import * as service from './service.js';

const idParams = z.object({ id: z.uuid({ error: 'the person id is a UUID' }) });
const agreementQuery = z.object({ agreement: z.string().min(1).max(100).describe('Agreement id or code') });

/** People: CRUD, search with cursor paging, and bulk import. */
export async function peopleRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  // Import bodies are streamed to the parser, never buffered: a 1.5M-line upload stays in flat memory.
  for (const type of ['application/x-ndjson', 'text/csv']) {
    app.addContentTypeParser(type, (_request, payload, done) => done(null, payload));
  }
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['people'];
  r.get(
    '/api/v1/people',
    {
      config: { access: 'people:read' },
      schema: {
        tags,
        summary: 'Search the people of an agreement, paged by cursor',
        querystring: agreementQuery.extend({
          q: z.string().max(200).optional().describe('Words to find in ref, names, aliases or identifiers'),
          cursor: z.string().max(500).optional(),
          limit: z.coerce.number().int().min(1).max(500).optional(),
        }),
      },
    },
    async (request) =>
      service.listPeople(ctx, requestActor(request), {
        agreement: request.query.agreement,
        ...(request.query.q ? { search: request.query.q } : {}),
        ...(request.query.cursor ? { cursor: request.query.cursor } : {}),
        ...(request.query.limit ? { limit: request.query.limit } : {}),
      }),
  );
  r.post(
    '/api/v1/people',
    {
      config: { access: 'people:write' },
      schema: { tags, summary: 'Register a person', querystring: agreementQuery, body: personRecordSchema },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await service.createPerson(ctx, requestActor(request), request.query.agreement, request.body)),
  );
  r.get(
    '/api/v1/people/:id',
    {
      config: { access: 'people:read' },
      schema: { tags, summary: 'One person with the full record', params: idParams },
    },
    async (request) => service.getPerson(ctx, requestActor(request), request.params.id),
  );
  r.put(
    '/api/v1/people/:id',
    {
      config: { access: 'people:write' },
      schema: {
        tags,
        summary: "Replace a person's record (a new version)",
        params: idParams,
        body: personRecordSchema,
      },
    },
    async (request) => service.updatePerson(ctx, requestActor(request), request.params.id, request.body),
  );
  r.delete(
    '/api/v1/people/:id',
    {
      config: { access: 'people:write' },
      schema: {
        tags,
        summary: 'Withdraw a person from the roster (recorded, never erased)',
        params: idParams,
        querystring: z.object({ reason: z.string().min(1).max(300) }),
      },
    },
    async (request, reply) => {
      await service.withdrawPerson(ctx, requestActor(request), request.params.id, request.query.reason);
      return reply.code(204).send();
    },
  );
  r.post(
    '/api/v1/people/import',
    {
      config: { access: 'people:import' },
      schema: {
        tags,
        summary: 'Import people from an NDJSON (application/x-ndjson) or CSV (text/csv) body',
        description:
          'Bad rows are reported with line, field and fix; good rows are stored in one transaction (none with allOrNothing=true).',
        querystring: agreementQuery.extend({ allOrNothing: z.enum(['true', 'false']).optional() }),
      },
    },
    async (
      request: FastifyRequest<{ Querystring: { agreement: string; allOrNothing?: 'true' | 'false' } }>,
      reply,
    ) => {
      const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim();
      const format = type === 'text/csv' ? 'csv' : type === 'application/x-ndjson' ? 'ndjson' : null;
      if (!format) {
        throw invalidInput('import.content_type', {});
      }
      const body = request.body as AsyncIterable<Uint8Array>;
      const report = await service.importPeople(
        ctx,
        requestActor(request),
        request.query.agreement,
        parsePeople(body, format),
        {
          allOrNothing: request.query.allOrNothing === 'true',
        },
      );
      if (report.rejectedCount === 0) return report;
      // Some rows were bad: an RFC 9457 problem whose extension members are the full import report.
      return reply
        .code(422)
        .type('application/problem+json')
        .send({
          type: 'https://custodia.local/problems/import-rows-rejected',
          title: 'Some rows were rejected',
          status: 422,
          code: 'import_rows_rejected',
          detail: report.rolledBack
            ? `${report.rejectedCount} bad row(s); nothing was stored (allOrNothing). Fix the rows listed and import again.`
            : `${report.rejectedCount} bad row(s) were skipped; the good rows were stored. Fix the rows listed and import them again.`,
          ...report,
        });
    },
  );
}
