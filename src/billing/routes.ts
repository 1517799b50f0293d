import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestActor } from '../auth/http.js';
import type { AppContext } from '../context.js';
import { DomainError } from '../core/errors.js';
import { isoDate } from '../core/schemas.js';
import { invoiceCsv, invoicePdf } from './documents.js';
import { billingReport, submitUseOfFunds } from './reports.js';
import * as service from './service.js';

const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'month is YYYY-MM, e.g. 2025-04' })
  .describe('calendar month, YYYY-MM');
const numberParams = z.object({
  number: z.string().regex(/^(\d{1,9}|[0-9a-f-]{36})$/, { error: 'an invoice number, e.g. 12, or its id' }),
});
const kind = z.enum(['invoice', 'supplementary', 'credit_note']);
const status = z.enum(['draft', 'issued', 'partially_paid', 'paid']);
const cents = z.number().int({ error: 'whole cents, e.g. 164384 for $1,643.84' }).positive();

/** Invoices, corrections, payments and the billing reports (DOMAIN.md, Billing). */
export async function billingRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['billing'];
  r.get(
    '/api/v1/invoices',
    {
      config: { access: 'billing:read' },
      schema: {
        tags,
        summary:
          'Invoices, supplementary invoices and credit notes, newest first, with the aging of what is owed',
        querystring: z.object({
          agreement: z.string().min(1).max(100).optional(),
          month: month.optional(),
          kind: kind.optional(),
          status: status.optional(),
        }),
      },
    },
    async (request) => service.listInvoices(ctx, requestActor(request), request.query),
  );
  r.post(
    '/api/v1/invoices/generate',
    {
      config: { access: 'billing:write' },
      schema: {
        tags,
        summary:
          "Generate an agreement's invoice for a month: a draft (replacing the draft), or once issued, drafts of the corrections the custody record now calls for",
        body: z.object({ agreement: z.string().min(1).max(100), month }),
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
        summary:
          'What a month would bill for the intervals given, under the agreement’s fee schedules, storing nothing (budgeting and what-if)',
        body: z.object({
          agreement: z.string().min(1).max(100),
          month,
          intervals: z.array(z.unknown()).max(100_000),
        }),
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
        summary: 'One document with its lines, payments and corrections',
        params: numberParams,
      },
    },
    async (request) => service.invoiceDetail(ctx, requestActor(request), request.params.number),
  );
  r.get(
    '/api/v1/invoices/:number/export',
    {
      config: { access: 'billing:read' },
      schema: {
        tags,
        summary:
          'A document as a bilingual PDF (with the clause and fee schedule version) or its lines as CSV',
        params: numberParams,
        querystring: z.object({ format: z.enum(['pdf', 'csv']) }),
      },
    },
    async (request, reply) => {
      const doc = await service.invoiceDetail(ctx, requestActor(request), request.params.number);
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
        .send(await invoicePdf(doc, ctx.clock.now().toISOString()));
    },
  );
  r.post(
    '/api/v1/invoices/:number/issue',
    {
      config: { access: 'billing:write' },
      schema: {
        tags,
        summary: 'Issue a draft: it never changes again. Due in 30 days unless dueOn is given',
        params: numberParams,
        body: z.object({ dueOn: isoDate.optional() }).default({}),
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
        summary: 'Record a payment received against an issued invoice (never more than is owed)',
        params: numberParams,
        body: z.object({
          amountCents: cents,
          receivedOn: isoDate,
          reference: z.string().trim().min(1).max(200),
        }),
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
        summary:
          'Draft a credit note against an issued invoice, for an amount and a reason; issue it to apply it',
        params: numberParams,
        body: z.object({ amountCents: cents, reason: z.string().trim().min(1).max(2000) }),
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
        summary:
          'Revenue by month against the receiving prison system’s cost, the sending state’s cost avoided against domestic anchors, and the yearly use-of-funds report owed',
        querystring: z.object({
          agreement: z.string().min(1).max(100),
          year: z.coerce.number().int().min(2000).max(2100),
        }),
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
        summary: 'Record that the yearly use-of-funds report the agreement owes was submitted',
        body: z.object({
          agreement: z.string().min(1).max(100),
          year: z.number().int().min(2000).max(2100),
          note: z.string().trim().max(2000).optional(),
        }),
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
