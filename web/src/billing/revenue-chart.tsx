import { useId } from 'react';
import { useI18n } from '../language.tsx';
import type { BillingReport, ReportMonth } from './api.ts';
import { monthName } from './billing-words.ts';
import { useMoney } from './money-format.ts';
import { amountOf, RevenueTable, SERIES } from './revenue-table.tsx';

const REVENUE = { width: 760, height: 300, top: 16, right: 8, bottom: 44, left: 84 } as const;

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

/** Accrued, invoiced and paid per month as grouped bars, with a sentence and a table saying the same. */
export function RevenueChart({ report }: { report: BillingReport }) {
  const { t, fmt } = useI18n();
  const money = useMoney();
  const id = useId();
  const cur = report.currency;
  const max = Math.max(0, ...report.months.flatMap((m) => SERIES.map((s) => amountOf(m, s))));
  const step = tickStep(max);
  const top = step * 4;
  const plotW = REVENUE.width - REVENUE.left - REVENUE.right;
  const plotH = REVENUE.height - REVENUE.top - REVENUE.bottom;
  const group = plotW / Math.max(1, report.months.length);
  const bar = (group * 0.78) / SERIES.length;
  const y = (cents: number) => REVENUE.top + plotH - (Math.max(0, cents) / top) * plotH;
  const short = new Intl.DateTimeFormat(fmt.locale, { month: 'short', timeZone: 'UTC' });
  const peak = report.months.reduce<ReportMonth | null>(
    (a, m) => (m.accruedCents > (a?.accruedCents ?? 0) ? m : a),
    null,
  );
  const title = t('finance.revenueTitle', { year: report.year });
  const desc = peak
    ? t('finance.revenueDesc', {
        year: report.year,
        accrued: money.amountIn(report.totals.accruedCents, cur),
        invoiced: money.amountIn(report.totals.invoicedCents, cur),
        paid: money.amountIn(report.totals.paidCents, cur),
        month: monthName(fmt.locale, peak.month),
        peak: money.amountIn(peak.accruedCents, cur),
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
                {money.roundIn(step * i, cur)}
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
                    accrued: money.amountIn(m.accruedCents, cur),
                    invoiced: money.amountIn(m.invoicedCents, cur),
                    paid: money.amountIn(m.paidCents, cur),
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
              <span className={`custodia-swatch custodia-finance-bar--${s}`} /> {t(`finance.series.${s}`)}
            </li>
          ))}
        </ul>
        <p className="custodia-finance-chart__desc">{desc}</p>
        <details className="custodia-details custodia-finance-table">
          <summary>{t('finance.showTable')}</summary>
          <RevenueTable report={report} caption={title} />
        </details>
      </figcaption>
    </figure>
  );
}
