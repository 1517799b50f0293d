import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requestActor } from '../auth/http.js';
import type { AppContext } from '../context.js';
import { DomainError } from '../core/errors.js';
import { pickLang } from '../core/i18n.js';
import {
  billingDocumentSchema,
  billingReportSchema,
  creditNoteBody,
  exportQuery,
  exportResponse,
  generateBody,
  generationResultSchema,
  invoiceDetailSchema,
  invoiceListQuery,
  invoiceListSchema,
  issueBody,
  numberParams,
  paymentBody,
  previewBody,
  previewSchema,
  reportQuery,
  reportSubmittedSchema,
  useOfFundsBody,
} from './contract.js';
import { invoicePdfFile } from './document-file.js';
import { invoiceCsv } from './documents.js';
import * as reads from './reads.js';
import { billingReport, submitUseOfFunds } from './reports.js';
import * as service from './service.js';

/** Invoices, corrections, payments and the billing reports (docs/domain.md, Billing). */
export async function billingRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['billing'];
  r.get(
    '/api/v1/invoices',
    {
      config: { access: 'billing:read' },
      schema: {
        tags,
        operationId: 'listInvoices',
        summary: 'Invoices, supplementary invoices and credit notes, newest first',
        description:
          'The documents that match the filters, newest number first, with the aging of what is owed.',
        querystring: invoiceListQuery,
        response: { 200: invoiceListSchema },
      },
    },
    async (request) => reads.listInvoices(ctx, requestActor(request), request.query),
  );
  r.post(
    '/api/v1/invoices/generate',
    {
      config: { access: 'billing:write' },
      schema: {
        tags,
        operationId: 'generateInvoice',
        summary: "Generate an agreement's invoice for a month",
        description:
          'A draft (replacing the draft), or once issued, drafts of the corrections the custody record now calls for.',
        body: generateBody,
        response: { 201: generationResultSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await service.generateInvoice(
            ctx,
            requestActor(request),
            request.body.agreement,
            request.body.month,
          ),
        ),
  );
  r.post(
    '/api/v1/invoices/preview',
    {
      config: { access: 'billing:read' },
      schema: {
        tags,
        operationId: 'previewInvoice',
        summary: 'What a month would bill for the intervals given, storing nothing',
        description: 'Under the agreement’s fee schedules, for budgeting and what-if; nothing is recorded.',
        body: previewBody,
        response: { 200: previewSchema },
      },
    },
    async (request) => {
      const { intervals, issues } = service.previewIntervals(request.body.intervals);
      if (issues.length > 0) {
        throw new DomainError(
          'invalid_input',
          'billing.preview_intervals_invalid',
          { count: issues.length, issues: issues.slice(0, 5) },
          { details: { issues } },
        );
      }
      return service.previewLines(
        await service.previewMonth(
          ctx,
          requestActor(request),
          request.body.agreement,
          request.body.month,
          intervals,
        ),
        intervals,
      );
    },
  );
  r.get(
    '/api/v1/invoices/:number',
    {
      config: { access: 'billing:read' },
      schema: {
        tags,
        operationId: 'getInvoice',
        summary: 'One document with its lines, payments and corrections',
        description:
          'An invoice, supplementary invoice or credit note by number or id, with how each line was reached.',
        params: numberParams,
        response: { 200: invoiceDetailSchema },
      },
    },
    async (request) => reads.invoiceDetail(ctx, requestActor(request), request.params.number),
  );
  r.get(
    '/api/v1/invoices/:number/export',
    {
      config: { access: 'billing:read' },
      schema: {
        tags,
        operationId: 'exportInvoice',
        summary: "A document as a PDF in the reader's language, or its lines as CSV",
        description:
          'The PDF carries the clause and the fee schedule version, in the language of `lang` or else of Accept-Language; the CSV has one line per row.',
        params: numberParams,
        querystring: exportQuery,
        response: { 200: exportResponse },
      },
    },
    async (request, reply) => {
      const doc = await reads.invoiceDetail(ctx, requestActor(request), request.params.number);
      const name = `${doc.kind === 'credit_note' ? 'credit-note' : 'invoice'}-${doc.number}-${doc.month}`;
      if (request.query.format === 'csv') {
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}.csv"`)
          .send(invoiceCsv(doc));
      }
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${name}.pdf"`)
        .send(
          await invoicePdfFile(ctx, doc, request.query.lang ?? pickLang(request.headers['accept-language'])),
        );
    },
  );
  r.post(
    '/api/v1/invoices/:number/issue',
    {
      config: { access: 'billing:write' },
      schema: {
        tags,
        operationId: 'issueInvoice',
        summary: 'Issue a draft: it never changes again',
        description: 'Due in 30 days unless dueOn is given; an issued credit note applies to its invoice.',
        params: numberParams,
        body: issueBody,
        response: { 200: billingDocumentSchema },
      },
    },
    async (request) =>
      service.issueDocument(ctx, requestActor(request), request.params.number, {
        ...(request.body.dueOn ? { dueOn: request.body.dueOn } : {}),
      }),
  );
  r.post(
    '/api/v1/invoices/:number/payments',
    {
      config: { access: 'billing:write' },
      schema: {
        tags,
        operationId: 'recordPayment',
        summary: 'Record a payment received against an issued invoice',
        description: 'Never more than is owed; the invoice becomes partially paid or paid.',
        params: numberParams,
        body: paymentBody,
        response: { 201: billingDocumentSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await service.recordPayment(ctx, requestActor(request), request.params.number, request.body)),
  );
  r.post(
    '/api/v1/invoices/:number/credit-notes',
    {
      config: { access: 'billing:write' },
      schema: {
        tags,
        operationId: 'draftCreditNote',
        summary: 'Draft a credit note against an issued invoice',
        description: 'For an amount and a reason; issue it to apply it.',
        params: numberParams,
        body: creditNoteBody,
        response: { 201: billingDocumentSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await service.draftCreditNote(ctx, requestActor(request), request.params.number, request.body)),
  );
  r.get(
    '/api/v1/billing/report',
    {
      config: { access: 'billing:read' },
      schema: {
        tags,
        operationId: 'getBillingReport',
        summary: 'A year of revenue, cost avoided and reports owed',
        description:
          'Revenue by month against the receiving prison system’s cost, the sending state’s cost avoided against domestic anchors, and the yearly use-of-funds report owed.',
        querystring: reportQuery,
        response: { 200: billingReportSchema },
      },
    },
    async (request) => billingReport(ctx, requestActor(request), request.query.agreement, request.query.year),
  );
  r.post(
    '/api/v1/billing/use-of-funds',
    {
      config: { access: 'billing:write' },
      schema: {
        tags,
        operationId: 'submitUseOfFunds',
        summary: 'Record that the yearly use-of-funds report was submitted',
        description: 'The use-of-funds report the agreement owes for a year, with an optional note.',
        body: useOfFundsBody,
        response: { 201: reportSubmittedSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await submitUseOfFunds(
            ctx,
            requestActor(request),
            request.body.agreement,
            request.body.year,
            request.body.note ?? null,
          ),
        ),
  );
}
