import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { useCan } from '../access.tsx';
import type { AgreementList } from '../api.ts';
import { ActionFeedback, type ActionRunner, useAction } from '../components/action-feedback.tsx';
import { LiveStatus, LoadError } from '../components/load-status.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { isMessageKey } from '../i18n.ts';
import { useI18n } from '../language.tsx';
import { Link, navigate, useLocation, withQuery } from '../router.tsx';
import { useApi } from '../use-api.ts';
import {
  AGING_BUCKETS,
  type AgingReport,
  type BillingReport,
  basisPointsAsPercent,
  type CostAvoided,
  type InvoiceList,
  invoicePage,
  invoicesPath,
  money,
  moneyIn,
  type ReportObligation,
  reportPath,
  submitUseOfFunds,
} from './api.ts';
import { count, documentName, monthName } from './invoice-page.tsx';
import { bucketName, DEFAULT_AGREEMENT } from './invoices-page.tsx';
import './finance-page.css';

function parseYear(value: string | null): number | null {
  if (!value || !/^\d{4}$/.test(value)) return null;
  const year = Number(value);
  return year >= 2000 && year <= 2100 ? year : null;
}

/** The year of the latest month billed, or null when nothing was. */
function latestYear(list: InvoiceList): number | null {
  const months = list.documents.map((d) => d.month).sort();
  const last = months.at(-1);
  return last ? Number(last.slice(0, 4)) : null;
}

/**
 * A tick step for an axis up to `max` cents: 1, 2 or 5 times a power of ten dollars, so that four steps
 * cover the maximum. Integer arithmetic only: the ticks are amounts of money.
 */
function tickStep(max: number): number {
  let step = 100;
  const factors = [2, 2.5, 2];
  let i = 0;
  while (step * 4 < max) {
    step = Math.round(step * (factors[i % 3] ?? 2));
    i += 1;
  }
  return step;
}

/** Whole dollars without the cents when they are zero: axis labels. */
function axisMoney(cents: number): string {
  return `$${money(cents).replace(/\.00$/, '')}`;
}

/**
 * The finance dashboard for an agreement and a year (DOMAIN.md, Billing → Reports): monthly revenue (fees
 * accrued by the custody record, invoiced and paid), the outstanding balances by age, the sending state's
 * cost avoided against domestic per-diem anchors, the fees' share of the receiving prison system's cost
 * ("sustainability"), and the yearly use-of-funds report owed, which finance records as submitted. Each
 * chart is one image named and described in words, with its figures in a table.
 */
export function FinancePage() {
  const { t } = useI18n();
  const id = useId();
  const { search } = useLocation();
  usePageTitle(t('finance.title'));
  const [agreements] = useApi<AgreementList>('/api/v1/agreements');
  const agreementList = agreements.status === 'ok' ? agreements.data.items : [];
  const agreement = search.get('agreement') || DEFAULT_AGREEMENT;
  const [invoices, reloadInvoices, refreshInvoices] = useApi<InvoiceList>(invoicesPath({ agreement }));
  const requestedYear = parseYear(search.get('year'));
  const thisYear = new Date().getFullYear();
  const year =
    requestedYear ??
    (invoices.status === 'loading'
      ? null
      : (invoices.status === 'ok' && latestYear(invoices.data)) || thisYear);
  const [report, reloadReport, refreshReport] = useApi<BillingReport>(
    year === null ? null : reportPath(agreement, year),
  );
  const chosen = agreementList.find((a) => a.code === agreement);
  const firstYear = Number((chosen?.effectiveFrom ?? '').slice(0, 4)) || Math.min(year ?? thisYear, thisYear);
  const lastYear = Math.max(thisYear, year ?? thisYear);
  const years: number[] = [];
  for (let y = lastYear; y >= Math.min(firstYear, lastYear); y--) years.push(y);
  const go = (changes: Record<string, string | null>) =>
    navigate(
      withQuery('/finance', { agreement: search.get('agreement'), year: search.get('year'), ...changes }),
      { replace: true },
    );
  const refresh = () => {
    refreshInvoices();
    refreshReport();
  };

  return (
    <>
      <h1>{t('finance.title')}</h1>
      <p className="usa-intro custodia-intro">{t('finance.intro')}</p>
      <p>
        <Link href="/invoices" className="usa-link">
          {t('finance.toInvoices')}
        </Link>
      </p>
      <div className="custodia-filters__row custodia-finance-controls">
        <div className="usa-form-group">
          <label className="usa-label" htmlFor={`${id}-agreement`}>
            {t('finance.agreement')}
          </label>
          <select
            className="usa-select"
            id={`${id}-agreement`}
            value={agreement}
            onChange={(event) => go({ agreement: event.target.value, year: null })}
          >
            {!chosen && <option value={agreement}>{agreement}</option>}
            {agreementList.map((a) => (
              <option key={a.id} value={a.code}>
                {a.code}
              </option>
            ))}
          </select>
        </div>
        <div className="usa-form-group">
          <label className="usa-label" htmlFor={`${id}-year`}>
            {t('finance.year')}
          </label>
          <select
            className="usa-select"
            id={`${id}-year`}
            value={year ?? ''}
            onChange={(event) => go({ year: event.target.value })}
          >
            {year === null && <option value="">…</option>}
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      </div>
      {chosen && <p className="custodia-note-text">{chosen.title}</p>}

      <LiveStatus
        text={invoices.status === 'loading' || report.status === 'loading' ? t('app.loading') : ''}
      />
      {invoices.status === 'error' && <LoadError error={invoices.error} onRetry={reloadInvoices} />}
      {report.status === 'error' && <LoadError error={report.error} onRetry={reloadReport} />}
      {report.status === 'ok' && (
        <FinanceReport
          report={report.data}
          aging={invoices.status === 'ok' ? invoices.data.aging : null}
          onChanged={refresh}
        />
      )}
    </>
  );
}

function Section({ title, children, className }: { title: string; children: ReactNode; className?: string }) {
  const id = useId();
  return (
    <section className={`custodia-section${className ? ` ${className}` : ''}`} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function FinanceReport({
  report,
  aging,
  onChanged,
}: {
  report: BillingReport;
  aging: AgingReport | null;
  onChanged: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const cur = report.currency;
  const share = basisPointsAsPercent(report.sustainability.accruedShareBasisPoints);
  return (
    <>
      <dl className="custodia-counts custodia-finance-figures">
        <div data-figure="accrued" data-cents={report.totals.accruedCents}>
          <dt>{t('finance.accruedIn', { year: report.year })}</dt>
          <dd>{moneyIn(report.totals.accruedCents, cur)}</dd>
        </div>
        <div data-figure="invoiced" data-cents={report.totals.invoicedCents}>
          <dt>{t('finance.invoicedIn', { year: report.year })}</dt>
          <dd>{moneyIn(report.totals.invoicedCents, cur)}</dd>
        </div>
        <div data-figure="paid" data-cents={report.totals.paidCents}>
          <dt>{t('finance.paidIn', { year: report.year })}</dt>
          <dd>{moneyIn(report.totals.paidCents, cur)}</dd>
        </div>
        {aging && (
          <div data-figure="outstanding" data-cents={aging.outstandingCents}>
            <dt>{t('finance.outstandingNow')}</dt>
            <dd>{moneyIn(aging.outstandingCents, cur)}</dd>
          </div>
        )}
        <div data-figure="sustainability" data-basis-points={report.sustainability.accruedShareBasisPoints}>
          <dt>{t('finance.shareOfSystem')}</dt>
          <dd>{t('finance.percent', { pct: share })}</dd>
        </div>
      </dl>
      <p className="custodia-note-text">
        {t('finance.custodyDays', {
          days: count(i18n, 'days', report.totals.custodyDays),
          year: report.year,
        })}
      </p>

      <Section title={t('finance.revenue')} className="custodia-finance-revenue">
        <p className="margin-top-0">{t('finance.revenueNote')}</p>
        <RevenueChart report={report} />
      </Section>

      {aging && (
        <Section title={t('finance.outstanding')} className="custodia-finance-aging">
          <AgingChart aging={aging} currency={cur} />
        </Section>
      )}

      <Section title={t('finance.costAvoided')} className="custodia-finance-avoided">
        <p className="margin-top-0">{t('finance.costAvoidedNote', { year: report.year })}</p>
        <CostAvoidedChart report={report} />
      </Section>

      <Section title={t('finance.sustainability')} className="custodia-finance-sustainability">
        <p className="margin-top-0" data-basis-points={report.sustainability.accruedShareBasisPoints}>
          {t('finance.sustainabilityText', {
            year: report.year,
            accrued: moneyIn(report.totals.accruedCents, cur),
            pct: t('finance.percent', { pct: share }),
            system: moneyIn(report.sustainability.receivingSystemYearCents, cur),
          })}
        </p>
        <p className="custodia-note-text">{t('finance.sustainabilityNote')}</p>
      </Section>

      <Section title={t('finance.obligations')} className="custodia-finance-obligations">
        <Obligations key={i18n.lang} report={report} onChanged={onChanged} />
      </Section>
    </>
  );
}

const REVENUE = { width: 760, height: 300, top: 16, right: 8, bottom: 44, left: 84 } as const;
const SERIES = ['accrued', 'invoiced', 'paid'] as const;
type Series = (typeof SERIES)[number];

/** Accrued, invoiced and paid per month as grouped bars, with a sentence and a table saying the same. */
function RevenueChart({ report }: { report: BillingReport }) {
  const { t, fmt } = useI18n();
  const id = useId();
  const cur = report.currency;
  const amountOf = (m: BillingReport['months'][number], s: Series) =>
    s === 'accrued' ? m.accruedCents : s === 'invoiced' ? m.invoicedCents : m.paidCents;
  const max = Math.max(0, ...report.months.flatMap((m) => SERIES.map((s) => amountOf(m, s))));
  const step = tickStep(max);
  const top = step * 4;
  const plotW = REVENUE.width - REVENUE.left - REVENUE.right;
  const plotH = REVENUE.height - REVENUE.top - REVENUE.bottom;
  const group = plotW / Math.max(1, report.months.length);
  const bar = (group * 0.78) / SERIES.length;
  const y = (cents: number) => REVENUE.top + plotH - (Math.max(0, cents) / top) * plotH;
  const short = new Intl.DateTimeFormat(fmt.locale, { month: 'short', timeZone: 'UTC' });
  const seriesName = (s: Series) => t(`finance.series.${s}`);
  const peak = report.months.reduce<BillingReport['months'][number] | null>(
    (a, m) => (m.accruedCents > (a?.accruedCents ?? 0) ? m : a),
    null,
  );
  const title = t('finance.revenueTitle', { year: report.year });
  const desc = peak
    ? t('finance.revenueDesc', {
        year: report.year,
        accrued: moneyIn(report.totals.accruedCents, cur),
        invoiced: moneyIn(report.totals.invoicedCents, cur),
        paid: moneyIn(report.totals.paidCents, cur),
        month: monthName(fmt.locale, peak.month),
        peak: moneyIn(peak.accruedCents, cur),
      })
    : t('finance.revenueNone', { year: report.year });
  return (
    <figure className="custodia-finance-chart">
      <div className="custodia-finance-chart__scroll">
        <svg
          className="custodia-finance-svg custodia-finance-svg--revenue"
          viewBox={`0 0 ${REVENUE.width} ${REVENUE.height}`}
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
        >
          <title id={`${id}-title`}>{title}</title>
          <desc id={`${id}-desc`}>{desc}</desc>
          {[0, 1, 2, 3, 4].map((i) => (
            <g key={i}>
              <line
                x1={REVENUE.left}
                x2={REVENUE.left + plotW}
                y1={y(step * i)}
                y2={y(step * i)}
                className={i === 0 ? 'custodia-finance-svg__axis' : 'custodia-finance-svg__grid'}
              />
              <text
                x={REVENUE.left - 8}
                y={y(step * i) + 5}
                textAnchor="end"
                className="custodia-finance-svg__tick"
              >
                {axisMoney(step * i)}
              </text>
            </g>
          ))}
          {report.months.map((m, i) => {
            const x0 = REVENUE.left + i * group + group * 0.11;
            return (
              <g key={m.month} data-month={m.month}>
                <title>
                  {t('finance.revenueBar', {
                    month: monthName(fmt.locale, m.month),
                    accrued: moneyIn(m.accruedCents, cur),
                    invoiced: moneyIn(m.invoicedCents, cur),
                    paid: moneyIn(m.paidCents, cur),
                  })}
                </title>
                {SERIES.map((s, j) => {
                  const v = amountOf(m, s);
                  if (v <= 0) return null;
                  return (
                    <rect
                      key={s}
                      x={x0 + j * bar}
                      y={y(v)}
                      width={Math.max(1, bar - 1)}
                      height={REVENUE.top + plotH - y(v)}
                      className={`custodia-finance-bar--${s}`}
                      data-series={s}
                      data-cents={v}
                    />
                  );
                })}
                <text
                  x={REVENUE.left + i * group + group / 2}
                  y={REVENUE.top + plotH + 20}
                  textAnchor="middle"
                  className="custodia-finance-svg__tick"
                >
                  {short.format(new Date(`${m.month}-01T00:00:00Z`))}
                </text>
              </g>
            );
          })}
          <text
            x={REVENUE.left + plotW / 2}
            y={REVENUE.height - 4}
            textAnchor="middle"
            className="custodia-finance-svg__axis-label"
          >
            {t('finance.revenueAxis', { year: report.year, currency: cur })}
          </text>
        </svg>
      </div>
      <figcaption>
        <ul className="custodia-legend custodia-finance-legend" aria-hidden="true">
          {SERIES.map((s) => (
            <li key={s}>
              <span className={`custodia-swatch custodia-finance-bar--${s}`} /> {seriesName(s)}
            </li>
          ))}
        </ul>
        <p className="custodia-finance-chart__desc">{desc}</p>
        <details className="custodia-details custodia-finance-table">
          <summary>{t('finance.showTable')}</summary>
          <div className="usa-table-container--scrollable">
            <table className="usa-table usa-table--borderless usa-table--compact custodia-table custodia-finance-months">
              <caption>{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('finance.month')}</th>
                  <th scope="col" className="text-right">
                    {t('finance.people')}
                  </th>
                  <th scope="col" className="text-right">
                    {t('finance.days')}
                  </th>
                  {SERIES.map((s) => (
                    <th key={s} scope="col" className="text-right">
                      {`${seriesName(s)} (${cur})`}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {report.months.map((m) => (
                  <tr
                    key={m.month}
                    data-month={m.month}
                    data-accrued-cents={m.accruedCents}
                    data-invoiced-cents={m.invoicedCents}
                    data-paid-cents={m.paidCents}
                  >
                    <th scope="row">{monthName(fmt.locale, m.month)}</th>
                    <td className="text-right text-tabular">{fmt.number(m.people)}</td>
                    <td className="text-right text-tabular">{fmt.number(m.custodyDays)}</td>
                    {SERIES.map((s) => (
                      <td key={s} className="text-right text-tabular">
                        {money(amountOf(m, s))}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" className="custodia-sum">
                    {t('finance.total')}
                  </th>
                  <td className="custodia-sum" />
                  <td className="custodia-sum text-right text-tabular">
                    {fmt.number(report.totals.custodyDays)}
                  </td>
                  <td className="custodia-sum text-right text-tabular">
                    {money(report.totals.accruedCents)}
                  </td>
                  <td className="custodia-sum text-right text-tabular">
                    {money(report.totals.invoicedCents)}
                  </td>
                  <td className="custodia-sum text-right text-tabular">{money(report.totals.paidCents)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </details>
      </figcaption>
    </figure>
  );
}

interface HBar {
  key: string;
  label: string;
  cents: number;
  className: string;
}

const HBARS = { width: 560, label: 22, bar: 20, gap: 14 } as const;

/**
 * Horizontal bars of amounts of money: each bar's name on the left and its amount on the right above it,
 * the bar below across the full width; one image named and described in words.
 */
function HBarChart({ title, desc, bars }: { title: string; desc: string; bars: HBar[] }) {
  const id = useId();
  const max = Math.max(1, ...bars.map((b) => b.cents));
  const scale = (cents: number) => (Math.max(0, cents) / max) * HBARS.width;
  const row = HBARS.label + HBARS.bar + HBARS.gap;
  return (
    <svg
      className="custodia-finance-svg custodia-finance-svg--bars"
      viewBox={`0 0 ${HBARS.width} ${bars.length * row - HBARS.gap + 2}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      {bars.map((b, i) => {
        const y = i * row;
        return (
          <g key={b.key} data-bar={b.key} data-cents={b.cents}>
            <text x={0} y={y + 16} className="custodia-finance-svg__label">
              {b.label}
            </text>
            <text x={HBARS.width} y={y + 16} textAnchor="end" className="custodia-finance-svg__value">
              {`$${money(b.cents)}`}
            </text>
            <rect
              x={0}
              y={y + HBARS.label}
              width={HBARS.width}
              height={HBARS.bar}
              className="custodia-finance-bar--track"
            />
            {b.cents > 0 && (
              <rect
                x={0}
                y={y + HBARS.label}
                width={Math.max(2, scale(b.cents))}
                height={HBARS.bar}
                className={b.className}
              />
            )}
          </g>
        );
      })}
    </svg>
  );
}

/** What is owed by age as bars, the same figures in a table, and the documents owed. */
function AgingChart({ aging, currency }: { aging: AgingReport; currency: string }) {
  const i18n = useI18n();
  const { t, fmt } = i18n;
  const title = t('finance.agingTitle', { date: fmt.date(aging.asOf) });
  const desc =
    aging.outstandingCents === 0
      ? t('aging.nothing', { date: fmt.date(aging.asOf) })
      : t('aging.summary', {
          amount: moneyIn(aging.outstandingCents, currency),
          documents: count(i18n, 'documents', aging.documents.length),
          date: fmt.date(aging.asOf),
        });
  return (
    <>
      <p className="margin-top-0" data-outstanding-cents={aging.outstandingCents}>
        {desc}
      </p>
      <div className="grid-row grid-gap-lg">
        <div className="desktop:grid-col-7">
          <HBarChart
            title={title}
            desc={desc}
            bars={AGING_BUCKETS.map((bucket) => ({
              key: bucket,
              label: bucketName(t, bucket),
              cents: aging.buckets[bucket],
              className: `custodia-finance-bar--aging-${bucket.replace('+', 'plus')}`,
            }))}
          />
        </div>
        <div className="desktop:grid-col-5">
          <table className="usa-table usa-table--compact usa-table--borderless custodia-figures custodia-finance-buckets">
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('finance.bucket')}</th>
                <th scope="col" className="text-right">
                  {t('finance.amountIn', { currency })}
                </th>
              </tr>
            </thead>
            <tbody>
              {AGING_BUCKETS.map((bucket) => (
                <tr key={bucket} data-bucket={bucket} data-cents={aging.buckets[bucket]}>
                  <th scope="row">{bucketName(t, bucket)}</th>
                  <td className="text-right text-tabular">{money(aging.buckets[bucket])}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" className="custodia-sum">
                  {t('finance.total')}
                </th>
                <td className="custodia-sum text-right text-tabular">{money(aging.outstandingCents)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </div>
      {aging.documents.length > 0 && (
        <div className="usa-table-container--scrollable">
          <table className="usa-table usa-table--borderless usa-table--compact custodia-table custodia-finance-owed">
            <caption>{t('finance.owedCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('invoices.document')}</th>
                <th scope="col">{t('invoices.month')}</th>
                <th scope="col">{t('invoices.due')}</th>
                <th scope="col">{t('finance.bucket')}</th>
                <th scope="col" className="text-right">
                  {t('finance.balanceIn', { currency })}
                </th>
              </tr>
            </thead>
            <tbody>
              {aging.documents.map((d) => (
                <tr key={d.number} data-number={d.number} data-balance-cents={d.balanceCents}>
                  <th scope="row">
                    <Link href={invoicePage(d.number)} className="usa-link text-bold">
                      {documentName(t, d.kind, d.number)}
                    </Link>
                  </th>
                  <td>{monthName(fmt.locale, d.month)}</td>
                  <td>
                    <time dateTime={d.dueOn}>{fmt.date(d.dueOn)}</time>
                  </td>
                  <td>{bucketName(t, d.bucket)}</td>
                  <td className="text-right text-tabular">{money(d.balanceCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** The name of a domestic cost anchor in the reader's language, else as the server gives it. */
function useAnchorName(): (anchor: CostAvoided) => string {
  const { t } = useI18n();
  return (anchor) => {
    const key = `finance.anchor.${anchor.id}`;
    return isMessageKey(key) ? t(key) : anchor.label;
  };
}

/** For each domestic anchor: what the custody days would have cost at home against the fees. */
function CostAvoidedChart({ report }: { report: BillingReport }) {
  const i18n = useI18n();
  const { t, fmt } = i18n;
  const cur = report.currency;
  const anchorName = useAnchorName();
  const title = t('finance.avoidedTitle', { year: report.year });
  if (report.costAvoided.length === 0) return <p className="custodia-empty">{t('finance.noAnchors')}</p>;
  return (
    <>
      <div className="custodia-finance-anchors-charts">
        {report.costAvoided.map((a) => (
          <div key={a.id} className="custodia-finance-anchor" data-anchor={a.id}>
            <h3>{anchorName(a)}</h3>
            <HBarChart
              title={t('finance.avoidedChart', { anchor: anchorName(a), year: report.year })}
              desc={t('finance.avoidedDesc', {
                anchor: anchorName(a),
                days: count(i18n, 'days', report.totals.custodyDays),
                daily: moneyIn(a.dailyCents, cur),
                domestic: moneyIn(a.domesticCents, cur),
                fees: moneyIn(a.feesCents, cur),
                avoided: moneyIn(a.avoidedCents, cur),
              })}
              bars={[
                {
                  key: 'domestic',
                  label: t('finance.domesticCost', { daily: moneyIn(a.dailyCents, cur) }),
                  cents: a.domesticCents,
                  className: 'custodia-finance-bar--domestic',
                },
                {
                  key: 'fees',
                  label: t('finance.feesAccrued'),
                  cents: a.feesCents,
                  className: 'custodia-finance-bar--fees',
                },
              ]}
            />
            <p className="custodia-finance-anchor__avoided" data-avoided-cents={a.avoidedCents}>
              {t('finance.avoidedLine', { avoided: moneyIn(a.avoidedCents, cur) })}
            </p>
          </div>
        ))}
      </div>
      <div className="usa-table-container--scrollable">
        <table className="usa-table usa-table--borderless usa-table--compact custodia-table custodia-finance-anchors">
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('finance.anchor')}</th>
              <th scope="col" className="text-right">
                {t('finance.daily', { currency: cur })}
              </th>
              <th scope="col" className="text-right">
                {t('finance.days')}
              </th>
              <th scope="col" className="text-right">
                {t('finance.domestic', { currency: cur })}
              </th>
              <th scope="col" className="text-right">
                {t('finance.fees', { currency: cur })}
              </th>
              <th scope="col" className="text-right">
                {t('finance.avoided', { currency: cur })}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.costAvoided.map((a) => (
              <tr key={a.id} data-anchor={a.id} data-avoided-cents={a.avoidedCents}>
                <th scope="row">{anchorName(a)}</th>
                <td className="text-right text-tabular">{money(a.dailyCents)}</td>
                <td className="text-right text-tabular">{fmt.number(report.totals.custodyDays)}</td>
                <td className="text-right text-tabular">{money(a.domesticCents)}</td>
                <td className="text-right text-tabular">{money(a.feesCents)}</td>
                <td className="text-right text-tabular text-bold">{money(a.avoidedCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** The reports the agreement owes, with their status; finance records a submission. */
function Obligations({ report, onChanged }: { report: BillingReport; onChanged: () => void }) {
  const { t, fmt } = useI18n();
  const can = useCan();
  const runner = useAction(onChanged);
  if (report.obligations.length === 0) return <p className="custodia-empty">{t('finance.noObligations')}</p>;
  const open = report.obligations.filter((o) => o.status !== 'submitted');
  return (
    <>
      <p className="margin-top-0">{t('finance.obligationsNote')}</p>
      <div className="usa-table-container--scrollable">
        <table className="usa-table usa-table--borderless custodia-table custodia-finance-reports">
          <caption className="usa-sr-only">{t('finance.obligations')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('finance.report')}</th>
              <th scope="col">{t('finance.period')}</th>
              <th scope="col">{t('finance.dueOn')}</th>
              <th scope="col">{t('common.status')}</th>
              <th scope="col">{t('finance.submittedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {report.obligations.map((o) => (
              <tr key={`${o.report}-${o.period}`} data-period={o.period} data-status={o.status}>
                <th scope="row">{reportName(t, o)}</th>
                <td>{o.period}</td>
                <td>
                  <time dateTime={o.dueOn}>{fmt.date(o.dueOn)}</time>
                </td>
                <td>
                  <span
                    className={`usa-tag custodia-obligation custodia-obligation--${o.status}`}
                    data-status={o.status}
                  >
                    {t(`finance.obligation.${o.status}`)}
                  </span>
                </td>
                <td>{o.submittedAt ? fmt.localInstant(o.submittedAt) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {can('billing:write') && (
        <>
          <ActionFeedback state={runner.state} />
          {open.map((o) => (
            <SubmitReport key={o.period} agreement={report.agreement} obligation={o} runner={runner} />
          ))}
        </>
      )}
    </>
  );
}

function reportName(t: ReturnType<typeof useI18n>['t'], o: ReportObligation): string {
  return o.report === 'use-of-funds' ? t('finance.useOfFunds') : o.report;
}

function SubmitReport({
  agreement,
  obligation,
  runner,
}: {
  agreement: string;
  obligation: ReportObligation;
  runner: ActionRunner;
}) {
  const { t } = useI18n();
  const id = useId();
  const [note, setNote] = useState('');
  const year = Number(obligation.period);
  const key = `submit-${obligation.period}`;
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const ok = await runner.run(
      key,
      () => submitUseOfFunds(agreement, year, note.trim() || undefined),
      t('finance.submitted', { year }),
    );
    if (ok) setNote('');
  };
  return (
    <form className="usa-form custodia-action" onSubmit={submit} noValidate>
      <h3 className="margin-top-0">{t('finance.submitTitle', { year })}</h3>
      <label className="usa-label" htmlFor={`${id}-note`}>
        {t('finance.submitNote')}
      </label>
      <div className="usa-hint" id={`${id}-hint`}>
        {t('finance.submitNoteHint')}
      </div>
      <textarea
        className="usa-textarea custodia-textarea"
        id={`${id}-note`}
        rows={2}
        maxLength={2000}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        aria-describedby={`${id}-hint`}
      />
      <button
        type="submit"
        className="usa-button margin-top-2"
        aria-disabled={runner.state.busy !== null || undefined}
      >
        {runner.state.busy === key ? t('action.working') : t('finance.submit', { year })}
      </button>
    </form>
  );
}
