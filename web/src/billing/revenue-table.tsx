import { ScrollRegion } from '../components/scroll-region.tsx';
import { useI18n } from '../language.tsx';
import type { BillingReport, ReportMonth } from './api.ts';
import { monthName } from './billing-words.ts';
import { useMoney } from './money-format.ts';
import './scroll-region.css';

/** The three amounts of a month the chart draws, in the order of its bars. */
export const SERIES = ['accrued', 'invoiced', 'paid'] as const;
export type Series = (typeof SERIES)[number];

/** A month's amount in one series. */
export function amountOf(month: ReportMonth, series: Series): number {
  return series === 'accrued'
    ? month.accruedCents
    : series === 'invoiced'
      ? month.invoicedCents
      : month.paidCents;
}

/** The revenue chart's figures: people, custody days, accrued, invoiced and paid per month, and the year. */
export function RevenueTable({ report, caption }: { report: BillingReport; caption: string }) {
  const { t, fmt } = useI18n();
  const money = useMoney();
  const cur = report.currency;
  const { totals } = report;
  return (
    <ScrollRegion label={caption}>
      <table className="usa-table usa-table--borderless usa-table--compact custodia-table custodia-finance-months">
        <caption>{caption}</caption>
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
                {`${t(`finance.series.${s}`)} (${cur})`}
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
                  {money.amount(amountOf(m, s))}
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
            {[
              fmt.number(totals.custodyDays),
              ...[totals.accruedCents, totals.invoicedCents, totals.paidCents].map(money.amount),
            ].map((text, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed.
              <td key={i} className="custodia-sum text-right text-tabular">
                {text}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </ScrollRegion>
  );
}
