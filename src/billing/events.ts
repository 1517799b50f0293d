import { z } from 'zod';
import { defineEvent } from '../core/events.js';
import { DOCUMENT_KINDS, LINE_KINDS } from './document-kinds.js';

/**
 * The billing event types (docs/domain.md, Billing), each with the schema of its payload: invoices and their
 * corrections, payments, and the reports an agreement requires. The schemas check what is stored; the
 * decisions in invoices.ts enforce the rules when the events are made.
 */

export const INVOICE_EVENTS = {
  drafted: 'invoice.drafted',
  draftDiscarded: 'invoice.draft_discarded',
  issued: 'invoice.issued',
  paymentRecorded: 'payment.recorded',
  reportSubmitted: 'report.submitted',
} as const;

export const documentLineSchema = z.object({
  kind: z.enum(LINE_KINDS),
  ref: z.string(),
  personId: z.string().nullable(),
  days: z.number().int(),
  amountCents: z.number().int(),
  /** How the amount was reached: schedule parts, or a correction's explanation. */
  parts: z.array(z.unknown()),
});
export type DocumentLine = z.output<typeof documentLineSchema>;

/** `invoice.drafted`: a new draft, or a draft replaced (same id and number). */
export const invoiceDraftedSchema = z.object({
  invoiceId: z.string(),
  number: z.number().int(),
  agreementId: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  month: z.string(),
  referencesId: z.string().nullable(),
  currency: z.string(),
  zone: z.string(),
  scheduleVersions: z.array(z.number().int()),
  clause: z.string().nullable(),
  lines: z.array(documentLineSchema),
  totalDays: z.number().int(),
  totalCents: z.number().int(),
  reason: z.string().nullable(),
});
export type InvoiceDrafted = z.output<typeof invoiceDraftedSchema>;

/** `invoice.draft_discarded`: a draft correction the custody record no longer calls for. */
export const draftDiscardedSchema = z.object({
  invoiceId: z.string(),
  number: z.number().int(),
  reason: z.string(),
});
export type DraftDiscarded = z.output<typeof draftDiscardedSchema>;

/** `invoice.issued`. A credit note's amount is credited to the document it references. */
export const invoiceIssuedSchema = z.object({
  invoiceId: z.string(),
  number: z.number().int(),
  kind: z.enum(DOCUMENT_KINDS),
  issuedAt: z.string(),
  dueOn: z.string().nullable(),
  creditsInvoiceId: z.string().nullable(),
  creditedCents: z.number().int(),
});
export type InvoiceIssued = z.output<typeof invoiceIssuedSchema>;

/** `payment.recorded`. */
export const paymentRecordedSchema = z.object({
  paymentId: z.string(),
  invoiceId: z.string(),
  number: z.number().int(),
  amountCents: z.number().int(),
  receivedOn: z.string(),
  reference: z.string(),
});
export type PaymentRecorded = z.output<typeof paymentRecordedSchema>;

/** `report.submitted`: a required report recorded as submitted for its period. */
export const reportSubmittedSchema = z.object({
  agreementId: z.string(),
  report: z.string(),
  period: z.string(),
  dueOn: z.string(),
  submittedAt: z.string(),
  note: z.string().nullable(),
});
export type ReportSubmitted = z.output<typeof reportSubmittedSchema>;

/** The billing event types. */
export const billingEvent = {
  drafted: defineEvent(INVOICE_EVENTS.drafted, invoiceDraftedSchema),
  draftDiscarded: defineEvent(INVOICE_EVENTS.draftDiscarded, draftDiscardedSchema),
  issued: defineEvent(INVOICE_EVENTS.issued, invoiceIssuedSchema),
  paymentRecorded: defineEvent(INVOICE_EVENTS.paymentRecorded, paymentRecordedSchema),
  reportSubmitted: defineEvent(INVOICE_EVENTS.reportSubmitted, reportSubmittedSchema),
};
