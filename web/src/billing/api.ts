import type {
  AgingReport,
  BillingDocument,
  BillingReport,
  CreditNoteInput,
  DocumentLine,
  GenerationResult,
  InvoiceDetail,
  InvoiceList,
  InvoiceListQuery,
  Payment,
  PaymentInput,
  ReportSubmitted,
} from '../../../src/billing/contract.ts';
import {
  AGING_BUCKETS,
  type AgingBucket,
  DOCUMENT_KINDS,
  type DocumentKind,
  INVOICE_STATUSES,
  type InvoiceStatus,
  type LineKind,
} from '../../../src/billing/document-kinds.ts';
import type { LinePart } from '../../../src/billing/fees.ts';
import { get, send } from '../api.ts';
import type { Lang } from '../i18n.ts';

/**
 * The API calls of the invoice, payment, credit note and finance pages (docs/domain.md, Billing). The shapes
 * are the billing contract's (src/billing/contract.ts) and the kinds, statuses and aging buckets the
 * server's own lists (src/billing/document-kinds.ts). Money is integer cents throughout, written and read
 * by src/core/money.ts, the module the server's files and messages use, so no float ever touches an amount.
 */

export { basisPointsAsPercent, money, moneyIn, parseMoney } from '../../../src/core/money.ts';
export type {
  AgingBucket,
  AgingReport,
  BillingDocument,
  BillingReport,
  DocumentKind,
  DocumentLine,
  GenerationResult,
  InvoiceDetail,
  InvoiceList,
  InvoiceStatus,
  LineKind,
  LinePart,
  Payment,
  ReportSubmitted,
};
export { AGING_BUCKETS, DOCUMENT_KINDS, INVOICE_STATUSES };

/** One month of the billing report. */
export type ReportMonth = BillingReport['months'][number];

/** A domestic cost anchor and what the custody days would have cost under it. */
export type CostAvoided = BillingReport['costAvoided'][number];

/** A report the agreement owes, e.g. the yearly use-of-funds report. */
export type ReportObligation = BillingReport['obligations'][number];

/** The filters of the documents list, as the page holds them: the list's query, a field left empty as null. */
export type InvoiceFilter = { [K in keyof InvoiceListQuery]?: InvoiceListQuery[K] | null };

/** The path of the documents list for a filter. */
export function invoicesPath(filter: InvoiceFilter = {}): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) if (value) query.set(name, value);
  const text = query.toString();
  return text ? `/api/v1/invoices?${text}` : '/api/v1/invoices';
}

/** The API path of one document, by number. */
export function invoicePath(number: string | number): string {
  return `/api/v1/invoices/${encodeURIComponent(String(number))}`;
}

/** The UI path of one document. */
export function invoicePage(number: string | number): string {
  return `/invoices/${encodeURIComponent(String(number))}`;
}

/** Where a document downloads as a PDF in the page's language, or its lines as CSV. */
export function exportHref(number: string | number, format: 'pdf' | 'csv', lang: Lang): string {
  return `${invoicePath(number)}/export?${new URLSearchParams(format === 'pdf' ? { format, lang } : { format })}`;
}

/** The path of an agreement's billing report for a year. */
export function reportPath(agreement: string, year: number): string {
  return `/api/v1/billing/report?${new URLSearchParams({ agreement, year: String(year) })}`;
}

/** Fetches the documents list. */
export function listInvoices(filter: InvoiceFilter = {}): Promise<InvoiceList> {
  return get<InvoiceList>(invoicesPath(filter));
}

/** Generates an agreement's invoice for a month, or the corrections once it is issued (finance). */
export function generateInvoice(agreement: string, month: string): Promise<GenerationResult> {
  return send<GenerationResult>('POST', '/api/v1/invoices/generate', { agreement, month });
}

/** Issues a draft; due in 30 days unless `dueOn` (YYYY-MM-DD) is given. */
export function issueInvoice(number: number, dueOn?: string): Promise<BillingDocument> {
  return send<BillingDocument>('POST', `${invoicePath(number)}/issue`, dueOn ? { dueOn } : {});
}

/** Records a payment received against an issued invoice; never more than is owed. */
export function recordPayment(number: number, payment: PaymentInput): Promise<BillingDocument> {
  return send<BillingDocument>('POST', `${invoicePath(number)}/payments`, payment);
}

/** Drafts a credit note against an issued invoice; it applies once issued. */
export function draftCreditNote(number: number, credit: CreditNoteInput): Promise<BillingDocument> {
  return send<BillingDocument>('POST', `${invoicePath(number)}/credit-notes`, credit);
}

/** Records that the use-of-funds report for a year was submitted (finance). */
export function submitUseOfFunds(agreement: string, year: number, note?: string): Promise<ReportSubmitted> {
  return send<ReportSubmitted>('POST', '/api/v1/billing/use-of-funds', {
    agreement,
    year,
    ...(note ? { note } : {}),
  });
}

/** A line part computed under a fee schedule (as opposed to a correction's explanation). */
export function isSchedulePart(part: unknown): part is LinePart {
  return (
    typeof part === 'object' &&
    part !== null &&
    'from' in part &&
    'to' in part &&
    'days' in part &&
    'explanation' in part
  );
}

/** The explanation a correction or credit line carries, if any. */
export function partExplanation(part: unknown): string | null {
  if (typeof part !== 'object' || part === null || !('explanation' in part)) return null;
  const text = (part as { explanation: unknown }).explanation;
  return typeof text === 'string' ? text : null;
}
