import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requestActor } from '../auth/http.js';
import type { AppContext } from '../context.js';
import { noContent } from '../core/contract.js';
import { invalidInput } from '../core/errors.js';
import { pickLang } from '../core/i18n.js';
import { sealPerson } from '../parties/service.js';
import {
  agreementQuery,
  personParams as idParams,
  importQuery,
  importRejectedResponse,
  importReportSchema,
  peopleQuery,
  personPageSchema,
  personRecordSchema,
  personSchema,
  sealBody,
  sealRecordedSchema,
  withdrawQuery,
} from './contract.js';
import { importEncoding, parsePeople } from './import-format.js';
import * as service from './service.js';

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
      config: { access: 'people:read', scoped: true },
      schema: {
        tags,
        operationId: 'listPeople',
        summary: 'Search the people of an agreement, paged by cursor',
        description: 'Every word of `q` must match the ref, a name, an alias or an identifier.',
        querystring: peopleQuery,
        response: { 200: personPageSchema },
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
      schema: {
        tags,
        operationId: 'createPerson',
        summary: 'Register a person',
        description:
          "A person on the agreement's roster: identity, legal status, convictions, protections, holds.",
        querystring: agreementQuery,
        body: personRecordSchema,
        response: { 201: personSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await service.createPerson(ctx, requestActor(request), request.query.agreement, request.body)),
  );
  r.get(
    '/api/v1/people/:id',
    {
      config: { access: 'people:read', scoped: true },
      schema: {
        tags,
        operationId: 'getPerson',
        summary: 'One person with the full record',
        description: 'The current version of the record, and why the person was withdrawn if they were.',
        params: idParams,
        response: { 200: personSchema },
      },
    },
    async (request) => service.getPerson(ctx, requestActor(request), request.params.id),
  );
  r.post(
    '/api/v1/people/:id/seal',
    {
      config: { access: 'person:seal', scoped: true },
      schema: {
        tags,
        operationId: 'sealPerson',
        summary: "Seal a person's record by a court's order",
        description:
          'A court for its own courts (sending_legal on its behalf): the person is then absent for monitors and the public locator, and still counted.',
        params: idParams,
        body: sealBody,
        response: { 201: sealRecordedSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(
        await sealPerson(ctx, requestActor(request), {
          person: { personId: request.params.id },
          court: request.body.court,
          order: request.body.order,
          ...(request.body.on ? { on: request.body.on } : {}),
        }),
      ),
  );
  r.put(
    '/api/v1/people/:id',
    {
      config: { access: 'people:write' },
      schema: {
        tags,
        operationId: 'updatePerson',
        summary: "Replace a person's record (a new version)",
        description: 'The record replaces the current one as a new version; open transfers are re-screened.',
        params: idParams,
        body: personRecordSchema,
        response: { 200: personSchema },
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
        operationId: 'withdrawPerson',
        summary: 'Withdraw a person from the roster (recorded, never erased)',
        description: 'The person leaves the roster with the reason given; the ledger keeps every version.',
        params: idParams,
        querystring: withdrawQuery,
        response: { 204: noContent },
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
        operationId: 'importPeople',
        summary: 'Import people from an NDJSON (application/x-ndjson) or CSV (text/csv) body',
        description:
          'Bad rows are reported with line, field and fix; good rows are stored in one transaction (none with allOrNothing=true).',
        querystring: importQuery,
        response: { 200: importReportSchema, 422: importRejectedResponse },
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
      // A body declared Latin-1 (`text/csv; charset=iso-8859-1`) is read as such; anything else as UTF-8.
      const charset = /charset=([^;]+)/i.exec(request.headers['content-type'] ?? '')?.[1]?.trim();
      const encoding = importEncoding(charset?.replace(/"/g, '') ?? 'utf8');
      const report = await service.importPeople(
        ctx,
        requestActor(request),
        request.query.agreement,
        parsePeople(body, format, { encoding, lang: pickLang(request.headers['accept-language']) }),
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
