/**
 * The kinds and statuses of billing documents (docs/domain.md, Billing), as plain values. This module imports
 * nothing: the web bundles it for its filters and tables, and the invoice rules and the HTTP contract
 * build on the same lists.
 */

/** The document kinds, in the order the pages list them. */
export const DOCUMENT_KINDS = ['invoice', 'supplementary', 'credit_note'] as const;
/** A kind of billing document. */
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The statuses, in workflow order: `draft → issued → partially_paid → paid`. */
export const INVOICE_STATUSES = ['draft', 'issued', 'partially_paid', 'paid'] as const;
/** A status of a billing document. */
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** The kinds of line: a person's custody days, a lump sum, or a credit. */
export const LINE_KINDS = ['person', 'lump_sum', 'credit'] as const;
/** A kind of document line. */
export type LineKind = (typeof LINE_KINDS)[number];

/** The aging buckets of what is owed, from not yet due to more than 90 days late. */
export const AGING_BUCKETS = ['current', '1-30', '31-60', '61-90', '90+'] as const;
/** An aging bucket. */
export type AgingBucket = (typeof AGING_BUCKETS)[number];
