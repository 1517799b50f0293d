import { resolveAgreementId } from '../agreements/store.js';
import { authorize } from '../auth/policy.js';
import type { AppContext } from '../context.js';
import { localDate } from '../core/dates.js';
import { DomainError, notFound } from '../core/errors.js';
import { event } from '../core/events.js';
import type { Actor } from '../ledger/events.js';
import { transact } from '../ledger/transact.js';
import { billingEvent, type ReportSubmitted } from './events.js';
import { divRoundHalfUp } from './fees.js';
import { computeBill } from './service.js';
import { feeSchedules } from './store.js';

/**
 * The billing reports (docs/domain.md, Billing): revenue against the receiving prison system's cost (the
 * "sustainability" the offer promised), the sending state's cost avoided against domestic per-diem
 * anchors, and the yearly use-of-funds report the agreement owes. The anchors are configuration: the
 * agreement's `settings.costAnchors`, else docs/domain.md's figures.
 */

export interface CostAnchors {
  /** The receiving state's prison system, a year, in cents. */
  receivingSystemYearCents: number;
  /** Domestic costs a custody day avoids. */
  domestic: { id: string; label: string; dailyCents: number }[];
}

export const DEFAULT_COST_ANCHORS: CostAnchors = {
  receivingSystemYearCents: 20_000_000_000,
  domestic: [
    { id: 'BOP', label: 'US Federal Bureau of Prisons, cost of incarceration FY2023', dailyCents: 12_080 },
    { id: 'ICE', label: 'ICE detention bed FY2023', dailyCents: 18_748 },
  ],
};

/** The anchors in an agreement's settings, checked; the defaults for any part not given. */
export function costAnchors(settings: Record<string, unknown>): CostAnchors {
  const given = settings.costAnchors as Partial<CostAnchors> | undefined;
  if (!given) return DEFAULT_COST_ANCHORS;
  const year = given.receivingSystemYearCents ?? DEFAULT_COST_ANCHORS.receivingSystemYearCents;
  const domestic = given.domestic ?? DEFAULT_COST_ANCHORS.domestic;
  if (
    !Number.isSafeInteger(year) ||
    year <= 0 ||
    !domestic.every((d) => Number.isSafeInteger(d.dailyCents))
  ) {
    throw new DomainError('invalid_input', 'billing.cost_anchors', {});
  }
  return { receivingSystemYearCents: year, domestic };
}

export const USE_OF_FUNDS = 'use-of-funds';

/** The use-of-funds report for a year is due within 6 months of the year's end: 30 June of the next. */
export function fundsReportDueOn(year: number): string {
  return `${year + 1}-06-30`;
}

export type { ReportSubmitted } from './events.js';

/** A year's billing report for an agreement. */
export async function billingReport(ctx: AppContext, actor: Actor, agreementIdOrCode: string, year: number) {
  authorize(actor, 'billing:read');
  const db = ctx.handle.db;
  const agreementId = await resolveAgreementId(db, agreementIdOrCode);
  if (!agreementId) throw notFound('agreement', agreementIdOrCode);
  const agreement = await db
    .selectFrom('agreements')
    .select(['code', 'settings', 'effective_from', 'reports'])
    .where('id', '=', agreementId)
    .executeTakeFirstOrThrow();
  const anchors = costAnchors(agreement.settings as Record<string, unknown>);
  const schedules = await feeSchedules(db, agreementId);
  const docs = await db
    .selectFrom('invoices')
    .select(['month', 'kind', 'status', 'total_cents', 'paid_cents', 'currency'])
    .where('agreement_id', '=', agreementId)
    .where('month', 'like', `${year}-%`)
    .execute();
  const months: {
    month: string;
    custodyDays: number;
    people: number;
    accruedCents: number;
    invoicedCents: number;
    paidCents: number;
  }[] = [];
  for (let m = 1; m <= 12; m++) {
    const month = `${year}-${String(m).padStart(2, '0')}`;
    const bill = await computeBill(db, agreementId, month, { untilMs: ctx.clock.now().getTime() }).catch(
      (error: unknown) => {
        // A month before any fee schedule bills nothing; any other refusal (mixed currencies) is reported.
        if (error instanceof DomainError && error.details.rule === 'fee-schedule-required') return null;
        throw error;
      },
    );
    const mine = docs.filter((d) => d.month === month && d.status !== 'draft');
    const invoiced = mine.reduce(
      (n, d) => n + (d.kind === 'credit_note' ? -d.total_cents : d.total_cents),
      0,
    );
    months.push({
      month,
      custodyDays: bill?.totalDays ?? 0,
      people: bill?.lines.length ?? 0,
      accruedCents: bill?.totalCents ?? 0,
      invoicedCents: invoiced,
      paidCents: mine.reduce((n, d) => n + d.paid_cents, 0),
    });
  }
  const sum = (key: 'custodyDays' | 'accruedCents' | 'invoicedCents' | 'paidCents') =>
    months.reduce((n, m) => n + m[key], 0);
  const days = sum('custodyDays');
  const accrued = sum('accruedCents');
  const now = ctx.clock.now();
  const today = localDate(now, 'UTC');
  const obligations: {
    report: string;
    period: string;
    dueOn: string;
    submittedAt: string | null;
    status: 'pending' | 'overdue' | 'submitted';
  }[] = [];
  const owes = (agreement.reports as { id?: string }[]).some((r) => r.id === USE_OF_FUNDS);
  if (owes) {
    const first = Number((agreement.effective_from ?? `${year}-01-01`).slice(0, 4));
    const rows = await db
      .selectFrom('report_obligations')
      .selectAll()
      .where('agreement_id', '=', agreementId)
      .where('report', '=', USE_OF_FUNDS)
      .execute();
    for (let y = first; y <= year; y++) {
      const row = rows.find((r) => r.period === String(y));
      const dueOn = fundsReportDueOn(y);
      obligations.push({
        report: USE_OF_FUNDS,
        period: String(y),
        dueOn,
        submittedAt: row?.submitted_at?.toISOString() ?? null,
        status: row?.submitted_at ? 'submitted' : today > dueOn ? 'overdue' : 'pending',
      });
    }
  }
  return {
    agreement: agreement.code,
    year,
    // The fee schedules' currency (one per agreement); with no schedule every figure is 0, shown in USD.
    currency: schedules[0]?.currency ?? 'USD',
    months,
    totals: {
      custodyDays: days,
      accruedCents: accrued,
      invoicedCents: sum('invoicedCents'),
      paidCents: sum('paidCents'),
    },
    sustainability: {
      receivingSystemYearCents: anchors.receivingSystemYearCents,
      // Revenue as a share of the system's yearly cost, in basis points (1/100 of a percent), rounded half up.
      accruedShareBasisPoints: Number(
        divRoundHalfUp(BigInt(accrued) * 10_000n, BigInt(anchors.receivingSystemYearCents)),
      ),
    },
    costAvoided: anchors.domestic.map((d) => ({
      ...d,
      domesticCents: days * d.dailyCents,
      feesCents: accrued,
      avoidedCents: days * d.dailyCents - accrued,
    })),
    obligations,
  };
}

/** Records that the use-of-funds report for a year was submitted (finance). */
export async function submitUseOfFunds(
  ctx: AppContext,
  actor: Actor,
  agreementIdOrCode: string,
  year: number,
  note: string | null,
): Promise<ReportSubmitted> {
  authorize(actor, 'billing:write');
  const { result } = await transact(ctx, actor, async (tx, now) => {
    const agreementId = await resolveAgreementId(tx, agreementIdOrCode);
    if (!agreementId) throw notFound('agreement', agreementIdOrCode);
    const done = await tx
      .selectFrom('report_obligations')
      .select('submitted_at')
      .where('agreement_id', '=', agreementId)
      .where('report', '=', USE_OF_FUNDS)
      .where('period', '=', String(year))
      .executeTakeFirst();
    if (done?.submitted_at) {
      throw new DomainError('rule_refusal', 'billing.report_submitted', {
        year,
        at: done.submitted_at.toISOString(),
      });
    }
    if (localDate(now, 'UTC') < `${year + 1}-01-01`) {
      throw new DomainError('rule_refusal', 'billing.report_too_early', { year, from: `${year + 1}-01-01` });
    }
    const payload: ReportSubmitted = {
      agreementId,
      report: USE_OF_FUNDS,
      period: String(year),
      dueOn: fundsReportDueOn(year),
      submittedAt: now.toISOString(),
      note,
    };
    return {
      events: [event(billingEvent.reportSubmitted, `agreement:${agreementId}`, payload)],
      result: payload,
    };
  });
  return result;
}
