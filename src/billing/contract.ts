/** The HTTP contract of billing: invoices, corrections, payments and reports. */
import { z } from 'zod';
import { binaryFile, dateString, instantString } from '../core/contract.js';
import { yearInRange } from '../core/dates.js';
import { isoDate } from '../core/schemas.js';
import { AGING_BUCKETS, DOCUMENT_KINDS, INVOICE_STATUSES, LINE_KINDS } from './document-kinds.js';

/** A calendar month, `YYYY-MM`. */
export const monthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'month is YYYY-MM, e.g. 2025-04' })
  .refine(yearInRange, { error: 'month is YYYY-MM in the years 0001 to 9999, e.g. 2025-04' })
  .describe('calendar month, YYYY-MM');

/** A document named in the path by number or id. */
export const numberParams = z.object({
  number: z
    .string()
    .regex(/^(\d{1,9}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/, {
      error: 'an invoice number, e.g. 12, or its id',
    }),
});

/**
 * The most one payment or credit note can be: 100,000,000,000 cents (a thousand million in the currency),
 * far above any month's bill of the agreement; the service then holds it to the balance still owed.
 */
export const MAX_AMOUNT_CENTS = 100_000_000_000;
const cents = z
  .number()
  .int({ error: 'whole cents, e.g. 164384 for $1,643.84' })
  .positive()
  .max(MAX_AMOUNT_CENTS, { error: 'at most 100000000000 cents (1,000,000,000.00); check the amount' });
const agreement = z.string().min(1).max(100).describe('Agreement id or code');

/** The filters of the documents list. */
export const invoiceListQuery = z.object({
  agreement: agreement.optional(),
  month: monthSchema.optional(),
  kind: z.enum(DOCUMENT_KINDS).optional(),
  status: z.enum(INVOICE_STATUSES).optional(),
});
export type InvoiceListQuery = z.input<typeof invoiceListQuery>;

/** An invoice, supplementary invoice or credit note. */
export const billingDocumentSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  agreementId: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  month: z.string().describe('the calendar month billed, YYYY-MM'),
  referencesId: z.string().nullable().describe('the document a correction corrects'),
  status: z.enum(INVOICE_STATUSES),
  currency: z.string(),
  zone: z.string().describe('the time zone custody days are counted in'),
  scheduleVersions: z.array(z.number().int()),
  clause: z.string().nullable(),
  totalDays: z.number().int(),
  totalCents: z.number().int(),
  paidCents: z.number().int(),
  creditedCents: z.number().int(),
  balanceCents: z.number().int().describe('what is still owed: 0 for drafts and credit notes'),
  reason: z.string().nullable(),
  draftedAt: instantString,
  issuedAt: instantString.nullable(),
  dueOn: dateString.nullable(),
});
export type BillingDocument = z.output<typeof billingDocumentSchema>;

/** The aging of what is owed on issued documents, as of a date. */
export const agingReportSchema = z.object({
  asOf: dateString,
  buckets: z.record(z.enum(AGING_BUCKETS), z.number().int()),
  outstandingCents: z.number().int(),
  documents: z.array(
    z.object({
      number: z.number().int(),
      kind: z.enum(DOCUMENT_KINDS),
      month: z.string(),
      dueOn: dateString,
      balanceCents: z.number().int(),
      bucket: z.enum(AGING_BUCKETS),
    }),
  ),
});
export type AgingReport = z.output<typeof agingReportSchema>;

/** `GET /api/v1/invoices`: the documents, newest number first, and the aging of the balances. */
export const invoiceListSchema = z.object({
  documents: z.array(billingDocumentSchema),
  aging: agingReportSchema,
});
export type InvoiceList = z.output<typeof invoiceListSchema>;

/** `POST /api/v1/invoices/generate`. */
export const generateBody = z.object({ agreement, month: monthSchema });

/** What generating a month did, and the month's documents afterwards. */
export const generationResultSchema = z.object({
  action: z.enum(['drafted', 'redrafted', 'corrections', 'unchanged']),
  month: z.string(),
  documents: z.array(billingDocumentSchema),
  bill: z.object({ totalDays: z.number().int(), totalCents: z.number().int(), lines: z.number().int() }),
});
export type GenerationResult = z.output<typeof generationResultSchema>;

/** `POST /api/v1/invoices/preview`. */
export const previewBody = z.object({
  agreement,
  month: monthSchema,
  intervals: z.array(z.unknown()).max(100_000),
});

/** What a month would bill for the intervals given. */
export const previewSchema = z.object({
  lines: z.array(z.object({ ref: z.string(), days: z.number().int(), amountCents: z.number().int() })),
  totalCents: z.number().int(),
});

/** One line of a document. */
export const documentLineSchema = z.object({
  lineNo: z.number().int(),
  kind: z.enum(LINE_KINDS),
  ref: z.string(),
  personId: z.string().nullable(),
  days: z.number().int(),
  amountCents: z.number().int(),
  parts: z
    .array(z.unknown())
    .describe("how the amount was reached: fee schedule parts, or a correction's { explanation }"),
});
export type DocumentLine = z.output<typeof documentLineSchema>;

/** A payment received against an invoice. */
export const paymentSchema = z.object({
  id: z.string(),
  amountCents: z.number().int(),
  receivedOn: dateString,
  reference: z.string(),
  recordedAt: instantString,
  recordedBy: z.string().describe("the ledger's actor, e.g. user:ana.lopez"),
});
export type Payment = z.output<typeof paymentSchema>;

/** `GET /api/v1/invoices/{number}`: the document with its lines, payments and corrections. */
export const invoiceDetailSchema = billingDocumentSchema.extend({
  agreement: z
    .object({
      id: z.string(),
      code: z.string(),
      title: z.string(),
      sending: z.string(),
      receiving: z.string(),
    })
    .nullable(),
  lines: z.array(
    documentLineSchema.extend({
      sealed: z
        .boolean()
        .describe(
          "true on a person's line whose record a court sealed, for a reader who may not see sealed records (a monitor): its ref is empty and its person null; days and amount still count",
        ),
    }),
  ),
  payments: z.array(paymentSchema),
  corrections: z.array(
    z.object({
      id: z.string(),
      number: z.number().int(),
      kind: z.enum(DOCUMENT_KINDS),
      status: z.enum(INVOICE_STATUSES),
      totalCents: z.number().int(),
    }),
  ),
  references: z.object({ id: z.string(), number: z.number().int(), kind: z.enum(DOCUMENT_KINDS) }).nullable(),
});
export type InvoiceDetail = z.output<typeof invoiceDetailSchema>;

/** The query of a document export. */
export const exportQuery = z.object({
  format: z.enum(['pdf', 'csv']),
  lang: z
    .enum(['en', 'es'])
    .optional()
    .describe("the PDF's language; default the one Accept-Language prefers (English when neither says)"),
});

/** A document as a PDF in the reader's language, or its lines as CSV. */
export const exportResponse = {
  description: "The document as a PDF in the reader's language, or its lines as CSV",
  content: { 'application/pdf': { schema: binaryFile }, 'text/csv': { schema: z.string() } },
};

/** `POST /api/v1/invoices/{number}/issue`. */
export const issueBody = z.object({ dueOn: isoDate.optional() }).default({});

/** `POST /api/v1/invoices/{number}/payments`. */
export const paymentBody = z.object({
  amountCents: cents,
  receivedOn: isoDate,
  reference: z.string().trim().min(1).max(200),
});
export type PaymentInput = z.input<typeof paymentBody>;

/** `POST /api/v1/invoices/{number}/credit-notes`. */
export const creditNoteBody = z.object({ amountCents: cents, reason: z.string().trim().min(1).max(2000) });
export type CreditNoteInput = z.input<typeof creditNoteBody>;

/** The query of the billing report. */
export const reportQuery = z.object({ agreement, year: z.coerce.number().int().min(2000).max(2100) });

/** A report the agreement owes, e.g. the yearly use-of-funds report. */
export const reportObligationSchema = z.object({
  report: z.string(),
  period: z.string(),
  dueOn: dateString,
  submittedAt: instantString.nullable(),
  status: z.enum(['pending', 'overdue', 'submitted']),
});

/** `GET /api/v1/billing/report`: a year's revenue, sustainability, cost avoided and obligations. */
export const billingReportSchema = z.object({
  agreement: z.string(),
  year: z.number().int(),
  currency: z.string(),
  months: z.array(
    z.object({
      month: z.string(),
      custodyDays: z.number().int(),
      people: z.number().int(),
      accruedCents: z.number().int(),
      invoicedCents: z
        .number()
        .int()
        .describe('issued invoices and supplementary invoices less credit notes'),
      paidCents: z.number().int(),
    }),
  ),
  totals: z.object({
    custodyDays: z.number().int(),
    accruedCents: z.number().int(),
    invoicedCents: z.number().int(),
    paidCents: z.number().int(),
  }),
  sustainability: z.object({
    receivingSystemYearCents: z.number().int(),
    accruedShareBasisPoints: z.number().int(),
  }),
  costAvoided: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      dailyCents: z.number().int(),
      domesticCents: z.number().int(),
      feesCents: z.number().int(),
      avoidedCents: z.number().int(),
    }),
  ),
  obligations: z.array(reportObligationSchema),
});
export type BillingReport = z.output<typeof billingReportSchema>;

/** `POST /api/v1/billing/use-of-funds`. */
export const useOfFundsBody = z.object({
  agreement,
  year: z.number().int().min(2000).max(2100),
  note: z.string().trim().max(2000).optional(),
});

/** The submission recorded. */
export const reportSubmittedSchema = z.object({
  agreementId: z.string(),
  report: z.string(),
  period: z.string(),
  dueOn: dateString,
  submittedAt: instantString,
  note: z.string().nullable(),
});
export type ReportSubmitted = z.output<typeof reportSubmittedSchema>;
