import type { LinePart } from '../../src/billing/fees.ts';
import type { AgingBucket, DocumentKind, InvoiceStatus, LineKind } from '../../src/billing/invoices.ts';
import { get, send } from './api.ts';

/**
 * The API calls of the invoice, payment, credit note and finance pages (DOMAIN.md, Billing). The kinds,
 * statuses and aging buckets come from the server's pure module (type-only imports, as api.ts does); the
 * response shapes are those of src/billing/service.ts and reports.ts. Money is integer cents throughout:
 * `money` prints cents by splitting their digits and `parseMoney` reads a typed amount into cents by its
 * digits, so no float ever touches an amount.
 */

export type { AgingBucket, DocumentKind, InvoiceStatus, LineKind, LinePart };

/** The document kinds, in the order the pages list them (checked against the server's union). */
export const DOCUMENT_KINDS = [
  'invoice',
  'supplementary',
  'credit_note',
] as const satisfies readonly DocumentKind[];

/** The statuses, in workflow order: `draft → issued → partially_paid → paid`. */
export const INVOICE_STATUSES = [
  'draft',
  'issued',
  'partially_paid',
  'paid',
] as const satisfies readonly InvoiceStatus[];

/** The aging buckets of what is owed, from not yet due to more than 90 days late. */
export const AGING_BUCKETS = [
  'current',
  '1-30',
  '31-60',
  '61-90',
  '90+',
] as const satisfies readonly AgingBucket[];

// The compiler refuses these lines when the server adds a kind, a status or a bucket the lists lack.
const _everyKind: [Exclude<DocumentKind, (typeof DOCUMENT_KINDS)[number]>] extends [never] ? true : never =
  true;
const _everyStatus: [Exclude<InvoiceStatus, (typeof INVOICE_STATUSES)[number]>] extends [never]
  ? true
  : never = true;
const _everyBucket: [Exclude<AgingBucket, (typeof AGING_BUCKETS)[number]>] extends [never] ? true : never =
  true;
void _everyKind;
void _everyStatus;
void _everyBucket;

/** An invoice, supplementary invoice or credit note as the list and the actions return it. */
export interface BillingDocument {
  id: string;
  number: number;
  agreementId: string;
  kind: DocumentKind;
  /** The calendar month billed, `YYYY-MM`. */
  month: string;
  /** The document a correction corrects. */
  referencesId: string | null;
  status: InvoiceStatus;
  currency: string;
  /** The time zone custody days are counted in. */
  zone: string;
  scheduleVersions: number[];
  clause: string | null;
  totalDays: number;
  totalCents: number;
  paidCents: number;
  creditedCents: number;
  /** What is still owed: 0 for drafts and credit notes. */
  balanceCents: number;
  reason: string | null;
  draftedAt: string;
  issuedAt: string | null;
  dueOn: string | null;
}

/** One line of a document: a person's custody days, a lump sum, or a credit. */
export interface DocumentLine {
  lineNo: number;
  kind: LineKind;
  ref: string;
  personId: string | null;
  days: number;
  amountCents: number;
  /** How the amount was reached: schedule parts (`LinePart`), or a correction's `{ explanation }`. */
  parts: unknown[];
}

/** A payment received against an invoice. */
export interface Payment {
  id: string;
  amountCents: number;
  receivedOn: string;
  reference: string;
  recordedAt: string;
  /** The ledger's actor, e.g. `user:ana.lopez`. */
  recordedBy: string;
}

/** `GET /api/v1/invoices/{number}`: the document with its lines, payments and corrections. */
export interface InvoiceDetail extends BillingDocument {
  agreement: { id: string; code: string; title: string; sending: string; receiving: string } | null;
  lines: DocumentLine[];
  payments: Payment[];
  corrections: {
    id: string;
    number: number;
    kind: DocumentKind;
    status: InvoiceStatus;
    totalCents: number;
  }[];
  references: { id: string; number: number; kind: DocumentKind } | null;
}

/** The aging of what is owed on issued documents, as of a date. */
export interface AgingReport {
  asOf: string;
  buckets: Record<AgingBucket, number>;
  outstandingCents: number;
  documents: {
    number: number;
    kind: DocumentKind;
    month: string;
    dueOn: string;
    balanceCents: number;
    bucket: AgingBucket;
  }[];
}

/** `GET /api/v1/invoices`: the documents (newest number first) and the aging of the agreement's balances. */
export interface InvoiceList {
  documents: BillingDocument[];
  aging: AgingReport;
}

/** What generating a month did, and the month's documents afterwards. */
export interface GenerationResult {
  action: 'drafted' | 'redrafted' | 'corrections' | 'unchanged';
  month: string;
  documents: BillingDocument[];
  bill: { totalDays: number; totalCents: number; lines: number };
}

/** One month of the billing report. */
export interface ReportMonth {
  month: string;
  custodyDays: number;
  people: number;
  accruedCents: number;
  /** Issued invoices and supplementary invoices less issued credit notes. */
  invoicedCents: number;
  paidCents: number;
}

/** A domestic cost anchor and what the custody days would have cost under it. */
export interface CostAvoided {
  id: string;
  label: string;
  dailyCents: number;
  domesticCents: number;
  feesCents: number;
  avoidedCents: number;
}

/** A report the agreement owes, e.g. the yearly use-of-funds report. */
export interface ReportObligation {
  report: string;
  period: string;
  dueOn: string;
  submittedAt: string | null;
  status: 'pending' | 'overdue' | 'submitted';
}

/** `GET /api/v1/billing/report`: a year's revenue, sustainability, cost avoided and obligations. */
export interface BillingReport {
  agreement: string;
  year: number;
  currency: string;
  months: ReportMonth[];
  totals: { custodyDays: number; accruedCents: number; invoicedCents: number; paidCents: number };
  sustainability: { receivingSystemYearCents: number; accruedShareBasisPoints: number };
  costAvoided: CostAvoided[];
  obligations: ReportObligation[];
}

/** `POST /api/v1/billing/use-of-funds`: the submission recorded. */
export interface ReportSubmitted {
  agreementId: string;
  report: string;
  period: string;
  dueOn: string;
  submittedAt: string;
  note: string | null;
}

/** The filters of the documents list. */
export interface InvoiceFilter {
  agreement?: string | null;
  month?: string | null;
  kind?: DocumentKind | null;
  status?: InvoiceStatus | null;
}

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

/** Where a document downloads as its bilingual PDF or its lines as CSV. */
export function exportHref(number: string | number, format: 'pdf' | 'csv'): string {
  return `${invoicePath(number)}/export?${new URLSearchParams({ format })}`;
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
export function recordPayment(
  number: number,
  payment: { amountCents: number; receivedOn: string; reference: string },
): Promise<BillingDocument> {
  return send<BillingDocument>('POST', `${invoicePath(number)}/payments`, payment);
}

/** Drafts a credit note against an issued invoice; it applies once issued. */
export function draftCreditNote(
  number: number,
  credit: { amountCents: number; reason: string },
): Promise<BillingDocument> {
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

/** Integer cents as `1,234.56` (the digits are split, never divided), with a sign when negative. */
export function money(cents: number): string {
  const negative = cents < 0;
  const digits = String(Math.abs(Math.trunc(cents))).padStart(3, '0');
  const whole = digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '−' : ''}${whole}.${digits.slice(-2)}`;
}

/** Integer cents with their currency: `$1,234.56` for USD, `1,234.56 EUR` otherwise. */
export function moneyIn(cents: number, currency: string): string {
  const code = currency.trim();
  if (code === 'USD') return cents < 0 ? `−$${money(-cents)}` : `$${money(cents)}`;
  return `${money(cents)} ${code}`;
}

/**
 * A typed amount (`1,234.56`, `1234.5`, `$1,234`) as integer cents, read digit by digit; null when it is
 * not an amount of money above zero with at most two decimals.
 */
export function parseMoney(text: string): number | null {
  const m = /^\$?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m?.[1]) return null;
  const whole = m[1].replaceAll(',', '').replace(/^0+(?=\d)/, '');
  const cents = BigInt(whole) * 100n + BigInt((m[2] ?? '').padEnd(2, '0'));
  if (cents <= 0n || cents > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return Number(cents);
}

/** A share in basis points as a percentage with two decimals, by its digits: 17 → `0.17`. */
export function basisPointsAsPercent(basisPoints: number): string {
  const digits = String(Math.abs(Math.trunc(basisPoints))).padStart(3, '0');
  return `${basisPoints < 0 ? '−' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
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
