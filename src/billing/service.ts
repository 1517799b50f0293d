import { authorize } from '../auth/policy.js';
import type { AppContext } from '../context.js';
import { isIsoDate, localDate, yearInRange } from '../core/dates.js';
import { addDays } from '../core/days.js';
import { DomainError } from '../core/errors.js';
import { event } from '../core/events.js';
import type { Db, Tx } from '../db/database.js';
import type { Actor, NewEvent } from '../ledger/events.js';
import { transact } from '../ledger/transact.js';
import { monthRange } from './custody-days.js';
import { billingEvent } from './events.js';
import { billMonth, type MonthBill, requireMonth } from './fees.js';
import {
  creditLine,
  type DocumentKind,
  type DocumentLine,
  type DocumentState,
  type DraftDiscarded,
  decideIssue,
  decidePayment,
  type InvoiceDrafted,
  PAYMENT_TERMS_DAYS,
  planGeneration,
} from './invoices.js';
import { agreementOf, requireDocument } from './reads.js';
import * as store from './store.js';

type Q = Db | Tx;

/** The UTC instants a month can touch in any zone: from a day before its first to a day after its last. */
function monthWindow(month: string): { fromMs: number; toMs: number } {
  const { first, last } = monthRange(month);
  return { fromMs: (first - 1) * DAY_MS, toMs: (last + 2) * DAY_MS };
}

const DAY_MS = 86_400_000;

async function billInputs(q: Q, agreementId: string) {
  const schedules = await store.feeSchedules(q, agreementId);
  if (schedules.length === 0) {
    throw new DomainError(
      'rule_refusal',
      'billing.no_fee_schedule',
      {},
      { details: { rule: 'fee-schedule-required' } },
    );
  }
  const zones = await store.agreementZones(q, agreementId);
  if (!zones.first) throw new DomainError('rule_refusal', 'billing.no_time_zone', {});
  return { schedules, zones, zone: zones.first };
}

/**
 * The month's bill from the custody intervals on record. With `untilMs` (the present), custody that has
 * not happened yet is not billed: an open interval counts as ending then, so today, whose 23:59 is still
 * ahead, and later days are left out.
 */
export async function computeBill(
  q: Q,
  agreementId: string,
  month: string,
  options: { untilMs?: number } = {},
): Promise<MonthBill> {
  requireMonth(month);
  const { schedules, zones, zone } = await billInputs(q, agreementId);
  const { fromMs, toMs } = monthWindow(month);
  const until = options.untilMs;
  const all = await store.intervalsOverlapping(
    q,
    agreementId,
    fromMs,
    until === undefined ? toMs : Math.min(toMs, until),
  );
  const rows =
    until === undefined
      ? all
      : all.map((r) => ({
          ...r,
          interval: {
            ...r.interval,
            releaseMs: r.interval.releaseMs === null ? until : Math.min(r.interval.releaseMs, until),
          },
        }));
  return billMonth({
    month,
    zone,
    schedules,
    people: rows.map((r) => ({
      ref: r.ref,
      personId: r.personId,
      intervals: [{ ...r.interval, zone: zones.byFacility.get(r.facilityId) ?? zone }],
    })),
  });
}

/** One input line of a preview: a ref and ISO instants. */
export interface PreviewInterval {
  ref: string;
  intakeAt: string;
  releasedAt: string | null;
}

/**
 * What a month would bill for the intervals given, under the agreement's fee schedules and in its
 * facility's zone, storing nothing: budgeting and what-if.
 */
export async function previewMonth(
  ctx: AppContext,
  actor: Actor,
  agreementIdOrCode: string,
  month: string,
  intervals: readonly PreviewInterval[],
): Promise<MonthBill> {
  authorize(actor, 'billing:read');
  requireMonth(month);
  const db = ctx.handle.db;
  const agreementId = await agreementOf(db, agreementIdOrCode);
  const { schedules, zone } = await billInputs(db, agreementId);
  const people = intervals.map((i) => ({
    ref: i.ref,
    personId: null,
    intervals: [
      {
        intakeMs: Date.parse(i.intakeAt),
        releaseMs: i.releasedAt === null ? null : Date.parse(i.releasedAt),
      },
    ],
  }));
  return billMonth({ month, zone, schedules, people });
}

/**
 * A preview in its published shape: `{"lines":[{"ref","days","amountCents"}],"totalCents"}`, one line per
 * distinct ref of the input, in input order (days 0 when the intervals hold no custody day of the month),
 * and lump sums, if any fall due, as lines of their own.
 */
export function previewLines(bill: MonthBill, intervals: readonly PreviewInterval[]) {
  const byRef = new Map(bill.lines.map((l) => [l.ref, l]));
  const refs = [...new Set(intervals.map((i) => i.ref))];
  const lines = refs.map((ref) => ({
    ref,
    days: byRef.get(ref)?.days ?? 0,
    amountCents: byRef.get(ref)?.amountCents ?? 0,
  }));
  for (const c of bill.charges)
    lines.push({ ref: `lump sum ${c.period}`, days: 0, amountCents: c.amountCents });
  return { lines, totalCents: bill.totalCents };
}

export interface GenerationResult {
  action: 'drafted' | 'redrafted' | 'corrections' | 'unchanged';
  month: string;
  documents: store.InvoiceRow[];
  bill: { totalDays: number; totalCents: number; lines: number };
}

/**
 * Generates an agreement's invoice for a month: a draft (or a fresh one in place of the draft), or, once
 * the invoice is issued, drafts of the corrections the custody record now calls for.
 */
export async function generateInvoice(
  ctx: AppContext,
  actor: Actor,
  agreementIdOrCode: string,
  month: string,
): Promise<GenerationResult> {
  authorize(actor, 'billing:write');
  requireMonth(month);
  const { result } = await transact(ctx, actor, async (tx, now) => {
    const agreementId = await agreementOf(tx, agreementIdOrCode);
    const bill = await computeBill(tx, agreementId, month, { untilMs: now.getTime() });
    const { schedules } = await billInputs(tx, agreementId);
    const documents = await store.monthDocuments(tx, agreementId, month);
    const plan = planGeneration(bill, documents);
    const used = [
      ...new Set([
        ...bill.lines.flatMap((l) => l.parts.map((p) => p.scheduleVersion)),
        ...bill.charges.map((c) => c.scheduleVersion),
      ]),
    ].filter((v): v is number => v !== null);
    const clause =
      schedules
        .filter((s) => used.includes(s.version))
        .map((s) => s.clause)
        .filter(Boolean)
        .join('; ') || null;
    let number = await store.nextNumber(tx);
    const drafted = (
      kind: DocumentKind,
      replaces: DocumentState | null,
      lines: DocumentLine[],
      referencesId: string | null,
      reason: string | null,
    ): NewEvent => {
      const invoiceId = replaces?.id ?? ctx.newId();
      const payload: InvoiceDrafted = {
        invoiceId,
        number: replaces?.number ?? number++,
        agreementId,
        kind,
        month,
        referencesId,
        currency: bill.currency ?? schedules[0]!.currency,
        zone: bill.zone,
        scheduleVersions: used.sort((a, b) => a - b),
        clause,
        lines,
        totalDays: lines.reduce((n, l) => n + l.days, 0),
        totalCents: lines.reduce((n, l) => n + l.amountCents, 0),
        reason,
      };
      return event(billingEvent.drafted, `invoice:${invoiceId}`, payload);
    };
    const events: NewEvent[] = [];
    let action: GenerationResult['action'];
    if (plan.action === 'draft') {
      events.push(drafted('invoice', plan.replaces, plan.lines, null, null));
      action = plan.replaces ? 'redrafted' : 'drafted';
    } else if (plan.action === 'correct') {
      const why = `custody record for ${month} changed after invoice ${plan.original.number} was issued`;
      if (plan.supplementary) {
        events.push(
          drafted(
            'supplementary',
            plan.supplementary.replaces,
            plan.supplementary.lines,
            plan.original.id,
            why,
          ),
        );
      }
      if (plan.creditNote) {
        events.push(
          drafted('credit_note', plan.creditNote.replaces, plan.creditNote.lines, plan.original.id, why),
        );
      }
      action = 'corrections';
    } else {
      action = 'unchanged';
    }
    if (plan.action !== 'draft') {
      for (const stale of plan.discard) {
        const payload: DraftDiscarded = {
          invoiceId: stale.id,
          number: stale.number,
          reason: `the custody record for ${month} no longer calls for this correction`,
        };
        events.push(event(billingEvent.draftDiscarded, `invoice:${stale.id}`, payload));
      }
    }
    return {
      events,
      result: { agreementId, action, bill },
    };
  });
  const documents = await store.listDocuments(ctx.handle.db, { agreementId: result.agreementId, month });
  return {
    action: result.action,
    month,
    documents,
    bill: {
      totalDays: result.bill.totalDays,
      totalCents: result.bill.totalCents,
      lines: result.bill.lines.length,
    },
  };
}

/** Issues a draft: from now on it never changes. Due in PAYMENT_TERMS_DAYS unless `dueOn` is given. */
export async function issueDocument(
  ctx: AppContext,
  actor: Actor,
  numberOrId: string | number,
  options: { dueOn?: string } = {},
): Promise<store.InvoiceRow> {
  authorize(actor, 'billing:write');
  if (options.dueOn !== undefined && !isIsoDate(options.dueOn)) {
    throw new DomainError('invalid_input', 'invoice.due_not_date', { dueOn: options.dueOn });
  }
  const { result } = await transact(ctx, actor, async (tx, now) => {
    const row = await requireDocument(tx, numberOrId);
    const doc = await store.documentState(tx, row);
    const referenced = row.referencesId ? await store.findDocument(tx, row.referencesId) : null;
    const issuedOn = localDate(now, row.zone);
    const payload = decideIssue(doc, referenced ? await store.documentState(tx, referenced) : null, {
      issuedAt: now.toISOString(),
      dueOn: options.dueOn ?? addDays(issuedOn, PAYMENT_TERMS_DAYS),
      today: issuedOn,
    });
    return {
      events: [event(billingEvent.issued, `invoice:${row.id}`, payload)],
      result: row.id,
    };
  });
  return requireDocument(ctx.handle.db, result);
}

/** Records a payment received against an issued invoice. */
export async function recordPayment(
  ctx: AppContext,
  actor: Actor,
  numberOrId: string | number,
  input: { amountCents: number; receivedOn: string; reference: string },
): Promise<store.InvoiceRow> {
  authorize(actor, 'billing:write');
  if (!isIsoDate(input.receivedOn)) {
    throw new DomainError('invalid_input', 'invoice.payment_received_not_date', {
      receivedOn: input.receivedOn,
    });
  }
  if (input.reference.trim() === '') {
    throw new DomainError('invalid_input', 'invoice.payment_reference_missing', {});
  }
  const { result } = await transact(ctx, actor, async (tx, now) => {
    const row = await requireDocument(tx, numberOrId);
    if (input.receivedOn > localDate(now, row.zone)) {
      throw new DomainError('invalid_input', 'invoice.payment_received_future', {
        receivedOn: input.receivedOn,
      });
    }
    const payload = decidePayment(await store.documentState(tx, row), {
      paymentId: ctx.newId(),
      amountCents: input.amountCents,
      receivedOn: input.receivedOn,
      reference: input.reference.trim(),
    });
    return {
      events: [event(billingEvent.paymentRecorded, `invoice:${row.id}`, payload)],
      result: row.id,
    };
  });
  return requireDocument(ctx.handle.db, result);
}

/** Drafts a credit note against an issued invoice, for an amount and a reason; issue it to apply it. */
export async function draftCreditNote(
  ctx: AppContext,
  actor: Actor,
  numberOrId: string | number,
  input: { amountCents: number; reason: string },
): Promise<store.InvoiceRow> {
  authorize(actor, 'billing:write');
  if (input.reason.trim() === '') throw new DomainError('invalid_input', 'invoice.credit_reason_missing', {});
  const line = creditLine(input.amountCents, input.reason.trim());
  const { result } = await transact(ctx, actor, async (tx) => {
    const original = await requireDocument(tx, numberOrId);
    if (original.kind === 'credit_note' || original.status === 'draft') {
      throw new DomainError(
        'rule_refusal',
        'invoice.credit_needs_issued',
        { number: original.number, kind: original.kind === 'credit_note' ? 'credit_note' : 'draft' },
        { details: { rule: 'credit-issued-invoice' } },
      );
    }
    if (input.amountCents > original.balanceCents) {
      throw new DomainError(
        'rule_refusal',
        'invoice.credit_over_balance',
        {
          amountCents: input.amountCents,
          balanceCents: original.balanceCents,
          number: original.number,
          currency: original.currency,
        },
        { details: { rule: 'credit-within-balance', balanceCents: original.balanceCents } },
      );
    }
    const invoiceId = ctx.newId();
    const payload: InvoiceDrafted = {
      invoiceId,
      number: await store.nextNumber(tx),
      agreementId: original.agreementId,
      kind: 'credit_note',
      month: original.month,
      referencesId: original.id,
      currency: original.currency,
      zone: original.zone,
      scheduleVersions: original.scheduleVersions,
      clause: original.clause,
      lines: [line],
      totalDays: 0,
      totalCents: line.amountCents,
      reason: input.reason.trim(),
    };
    return {
      events: [event(billingEvent.drafted, `invoice:${invoiceId}`, payload)],
      result: invoiceId,
    };
  });
  return requireDocument(ctx.handle.db, result);
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The intervals of a preview file line, validated: used by the CLI and the API. */
export function previewIntervals(raw: readonly unknown[]): {
  intervals: PreviewInterval[];
  issues: string[];
} {
  const intervals: PreviewInterval[] = [];
  const issues: string[] = [];
  raw.forEach((value, i) => {
    const line = i + 1;
    const o = value as Record<string, unknown> | null;
    if (typeof o !== 'object' || o === null || Array.isArray(o)) {
      issues.push(`line ${line}: expected an object {"ref","intakeAt","releasedAt"}`);
      return;
    }
    const instant = (v: unknown) =>
      typeof v === 'string' && ISO_INSTANT.test(v) && yearInRange(v) && !Number.isNaN(Date.parse(v));
    if (typeof o.ref !== 'string' || o.ref.trim() === '')
      issues.push(`line ${line}: ref must be a non-empty string`);
    if (!instant(o.intakeAt))
      issues.push(
        `line ${line}: intakeAt must be an ISO 8601 instant with its offset, e.g. 2025-04-10T14:00:00Z`,
      );
    if (!(o.releasedAt === null || o.releasedAt === undefined || instant(o.releasedAt))) {
      issues.push(`line ${line}: releasedAt must be an ISO 8601 instant with its offset, or null`);
    }
    if (
      instant(o.intakeAt) &&
      instant(o.releasedAt) &&
      Date.parse(o.releasedAt as string) < Date.parse(o.intakeAt as string)
    ) {
      issues.push(`line ${line}: releasedAt is before intakeAt`);
    }
    if (issues.length === 0 || !issues.some((m) => m.startsWith(`line ${line}:`))) {
      intervals.push({
        ref: (o.ref as string).trim(),
        intakeAt: o.intakeAt as string,
        releasedAt: (o.releasedAt as string | null | undefined) ?? null,
      });
    }
  });
  return { intervals, issues };
}
