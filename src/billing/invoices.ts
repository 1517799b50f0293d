import { epochDayOf, isoOfEpochDay } from '../core/days.js';
import { DomainError } from '../core/errors.js';
import type { MessageKey, MessageParams } from '../core/messages/index.js';
import { monthRange } from './custody-days.js';
import type { AgingBucket, DocumentKind, InvoiceStatus, LineKind } from './document-kinds.js';
import type { DocumentLine, InvoiceIssued, PaymentRecorded } from './events.js';
import type { MonthBill } from './fees.js';

export { AGING_BUCKETS, DOCUMENT_KINDS, INVOICE_STATUSES, LINE_KINDS } from './document-kinds.js';
export type { AgingBucket, DocumentKind, InvoiceStatus, LineKind };

/**
 * Invoices, corrections and payments (docs/domain.md, Billing), as pure decisions over the current documents.
 * An invoice is one per agreement per calendar month: `draft → issued → partially_paid → paid`. A draft
 * may be generated again (it is replaced); an issued one never changes. Generating a month again once its
 * invoice is issued compares the fresh bill with what was issued (the invoice, and the supplementary
 * invoices and credit notes already issued against it) person by person, and drafts the difference: a
 * supplementary invoice for what was under-billed, a credit note for what was over-billed.
 */

export type {
  DocumentLine,
  DraftDiscarded,
  InvoiceDrafted,
  InvoiceIssued,
  PaymentRecorded,
} from './events.js';
export { INVOICE_EVENTS } from './events.js';

/** Days a sending state has to pay an issued invoice, unless the issuer gives a due date. */
export const PAYMENT_TERMS_DAYS = 30;

/** What a decision needs to know of a document. */
export interface DocumentState {
  id: string;
  number: number;
  kind: DocumentKind;
  month: string;
  referencesId: string | null;
  status: InvoiceStatus;
  currency: string;
  totalCents: number;
  paidCents: number;
  creditedCents: number;
  dueOn: string | null;
  lines: readonly Pick<DocumentLine, 'kind' | 'ref' | 'personId' | 'days' | 'amountCents'>[];
}

/** The settlement status implied by an issued document's figures. */
export function settlementStatus(total: number, paid: number, credited: number): InvoiceStatus {
  if (paid + credited >= total) return 'paid';
  if (paid + credited > 0) return 'partially_paid';
  return 'issued';
}

/** What is still owed on a document (0 for drafts and credit notes). */
export function balanceOf(
  doc: Pick<DocumentState, 'kind' | 'status' | 'totalCents' | 'paidCents' | 'creditedCents'>,
) {
  if (doc.kind === 'credit_note' || doc.status === 'draft') return 0;
  return doc.totalCents - doc.paidCents - doc.creditedCents;
}

function refusal<K extends MessageKey>(
  key: K,
  params: MessageParams<K>,
  rule: string,
  details: Record<string, unknown> = {},
): DomainError {
  return new DomainError('rule_refusal', key, params, { details: { rule, ...details } });
}

/** The lines of a month's bill as document lines: a person line each, then the lump sums. */
export function billLines(bill: MonthBill): DocumentLine[] {
  return [
    ...bill.lines.map((l) => ({
      kind: 'person' as const,
      ref: l.ref,
      personId: l.personId,
      days: l.days,
      amountCents: l.amountCents,
      parts: l.parts,
    })),
    ...bill.charges.map((c) => ({
      kind: 'lump_sum' as const,
      ref: `lump sum ${c.period}`,
      personId: null,
      days: 0,
      amountCents: c.amountCents,
      parts: [
        { scheduleVersion: c.scheduleVersion, period: c.period, explanation: `lump sum for ${c.period}` },
      ],
    })),
  ];
}

export type DraftPlan =
  | { action: 'draft'; kind: 'invoice'; replaces: DocumentState | null; lines: DocumentLine[] }
  | {
      action: 'correct';
      original: DocumentState;
      supplementary: { replaces: DocumentState | null; lines: DocumentLine[] } | null;
      creditNote: { replaces: DocumentState | null; lines: DocumentLine[] } | null;
      /** Drafts of earlier corrections the fresh bill no longer calls for. */
      discard: DocumentState[];
    }
  | { action: 'unchanged'; original: DocumentState; discard: DocumentState[] };

/** A correction drafted by generation (not a manual credit note, whose line is a `credit`). */
function isGeneratedCorrection(doc: DocumentState): boolean {
  return doc.kind !== 'invoice' && doc.status === 'draft' && doc.lines.every((l) => l.kind !== 'credit');
}

/**
 * What generating a month does, given the month's documents: draft (or re-draft) the invoice, or once it
 * is issued, draft the corrections the fresh bill calls for, person by person, or nothing.
 */
export function planGeneration(bill: MonthBill, documents: readonly DocumentState[]): DraftPlan {
  const lines = billLines(bill);
  const original = documents.find((d) => d.kind === 'invoice');
  if (!original || original.status === 'draft') {
    return { action: 'draft', kind: 'invoice', replaces: original ?? null, lines };
  }
  // What stands issued, per line key: the invoice and issued corrections (credit notes subtract).
  const issued = new Map<
    string,
    { days: number; amountCents: number; personId: string | null; kind: LineKind }
  >();
  for (const doc of documents) {
    if (doc.status === 'draft') continue;
    const sign = doc.kind === 'credit_note' ? -1 : 1;
    for (const l of doc.lines) {
      if (l.kind === 'credit') continue;
      const key = `${l.kind}:${l.ref}`;
      const had = issued.get(key) ?? { days: 0, amountCents: 0, personId: l.personId, kind: l.kind };
      had.days += sign * l.days;
      had.amountCents += sign * l.amountCents;
      issued.set(key, had);
    }
  }
  const fresh = new Map(lines.map((l) => [`${l.kind}:${l.ref}`, l]));
  const more: DocumentLine[] = [];
  const less: DocumentLine[] = [];
  for (const key of new Set([...issued.keys(), ...fresh.keys()])) {
    const now = fresh.get(key);
    const was = issued.get(key);
    const days = (now?.days ?? 0) - (was?.days ?? 0);
    const amount = (now?.amountCents ?? 0) - (was?.amountCents ?? 0);
    if (days === 0 && amount === 0) continue;
    const base = now ?? { kind: was!.kind, ref: key.slice(key.indexOf(':') + 1), personId: was!.personId };
    // A line goes on the side its amount moves to; its days are the change in days when that moves the
    // same way (across a change of fee schedule the two can disagree: the explanation says both).
    const up = amount > 0 || (amount === 0 && days > 0);
    const line: DocumentLine = {
      kind: base.kind,
      ref: base.ref,
      personId: base.personId,
      days: up ? Math.max(days, 0) : Math.max(-days, 0),
      amountCents: Math.abs(amount),
      parts: [
        {
          explanation: `now ${now?.days ?? 0} days, ${now?.amountCents ?? 0} cents; issued ${was?.days ?? 0} days, ${was?.amountCents ?? 0} cents`,
          now: now?.parts ?? [],
        },
      ],
    };
    if (up) more.push(line);
    else less.push(line);
  }
  const byRef = (a: DocumentLine, b: DocumentLine) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0);
  const draftOf = (kind: DocumentKind) =>
    documents.find((d) => d.kind === kind && isGeneratedCorrection(d)) ?? null;
  const supplementary =
    more.length > 0 ? { replaces: draftOf('supplementary'), lines: more.sort(byRef) } : null;
  const creditNote = less.length > 0 ? { replaces: draftOf('credit_note'), lines: less.sort(byRef) } : null;
  const kept = new Set([supplementary?.replaces?.id, creditNote?.replaces?.id]);
  const discard = documents.filter((d) => isGeneratedCorrection(d) && !kept.has(d.id));
  if (!supplementary && !creditNote) return { action: 'unchanged', original, discard };
  return { action: 'correct', original, supplementary, creditNote, discard };
}

/** Issuing: only a draft; a credit note may not credit more than the document it references still owes. */
export function decideIssue(
  doc: DocumentState,
  referenced: DocumentState | null,
  at: { issuedAt: string; dueOn: string | null; today: string },
): InvoiceIssued {
  if (doc.status !== 'draft') {
    throw refusal('invoice.already_issued', { number: doc.number, status: doc.status }, 'issued-immutable', {
      number: doc.number,
      status: doc.status,
    });
  }
  // An invoice bills the custody days that have happened: it is issued once its month is over.
  const firstAfter = isoOfEpochDay(monthRange(doc.month).last + 1);
  if (doc.kind !== 'credit_note' && at.today < firstAfter) {
    throw refusal(
      'invoice.month_not_over',
      { month: doc.month, today: at.today, issuableFrom: firstAfter },
      'month-over',
      { month: doc.month, issuableFrom: firstAfter },
    );
  }
  if (doc.referencesId && (!referenced || referenced.status === 'draft')) {
    throw refusal('invoice.reference_not_issued', { number: doc.number }, 'reference-issued');
  }
  if (doc.kind === 'credit_note' && referenced && doc.totalCents > balanceOf(referenced)) {
    throw refusal(
      'invoice.credit_note_over_balance',
      {
        number: doc.number,
        creditCents: doc.totalCents,
        balanceCents: balanceOf(referenced),
        invoice: referenced.number,
        currency: doc.currency,
      },
      'credit-within-balance',
      { creditCents: doc.totalCents, balanceCents: balanceOf(referenced) },
    );
  }
  if (at.dueOn !== null && epochDayOf(at.dueOn) < epochDayOf(at.today)) {
    throw new DomainError('invalid_input', 'invoice.due_before_issue', { dueOn: at.dueOn, today: at.today });
  }
  return {
    invoiceId: doc.id,
    number: doc.number,
    kind: doc.kind,
    issuedAt: at.issuedAt,
    dueOn: doc.kind === 'credit_note' ? null : at.dueOn,
    creditsInvoiceId: doc.kind === 'credit_note' ? doc.referencesId : null,
    creditedCents: doc.kind === 'credit_note' ? doc.totalCents : 0,
  };
}

/** A payment: against an issued invoice or supplementary invoice, never more than is owed. */
export function decidePayment(
  doc: DocumentState,
  payment: { paymentId: string; amountCents: number; receivedOn: string; reference: string },
): PaymentRecorded {
  if (!Number.isSafeInteger(payment.amountCents) || payment.amountCents <= 0) {
    throw new DomainError('invalid_input', 'invoice.payment_amount', {});
  }
  if (doc.kind === 'credit_note') {
    throw refusal('invoice.payment_on_credit_note', { number: doc.number }, 'pay-invoices');
  }
  if (doc.status === 'draft') {
    throw refusal('invoice.payment_on_draft', { number: doc.number }, 'pay-issued');
  }
  const owed = balanceOf(doc);
  if (payment.amountCents > owed) {
    throw refusal(
      'invoice.overpayment',
      { amountCents: payment.amountCents, balanceCents: owed, number: doc.number, currency: doc.currency },
      'no-overpayment',
      { amountCents: payment.amountCents, balanceCents: owed },
    );
  }
  return { ...payment, invoiceId: doc.id, number: doc.number };
}

/** A manual credit note's single line. */
export function creditLine(amountCents: number, reason: string): DocumentLine {
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) {
    throw new DomainError('invalid_input', 'invoice.credit_amount', {});
  }
  return {
    kind: 'credit',
    ref: 'credit',
    personId: null,
    days: 0,
    amountCents,
    parts: [{ explanation: reason }],
  };
}

/** The aging bucket of an amount due on `dueOn`, as of `asOf` (both YYYY-MM-DD). */
export function agingBucket(dueOn: string, asOf: string): AgingBucket {
  const late = epochDayOf(asOf) - epochDayOf(dueOn);
  if (late <= 0) return 'current';
  if (late <= 30) return '1-30';
  if (late <= 60) return '31-60';
  if (late <= 90) return '61-90';
  return '90+';
}
