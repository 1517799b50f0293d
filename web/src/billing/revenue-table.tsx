import { useI18n } from '../language.tsx';
import type { BillingReport, ReportMonth } from './api.ts';
import { monthName } from './billing-words.ts';
import { DataTable, FigureCells, FigureHeads, TotalRow } from './data-table.tsx';
import { useMoney } from './money-format.ts';

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
    <DataTable caption={caption} compact className="custodia-finance-months">
      <thead>
        <tr>
          <th scope="col">{t('finance.month')}</th>
          <FigureHeads
            labels={[
              t('finance.people'),
              t('finance.days'),
              ...SERIES.map((s) => `${t(`finance.series.${s}`)} (${cur})`),
            ]}
          />
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
            <FigureCells
              texts={[
                fmt.number(m.people),
                fmt.number(m.custodyDays),
                ...SERIES.map((s) => money.amount(amountOf(m, s))),
              ]}
            />
          </tr>
        ))}
      </tbody>
      <TotalRow
        label={t('finance.total')}
        blanks={1}
        texts={[
          fmt.number(totals.custodyDays),
          ...[totals.accruedCents, totals.invoicedCents, totals.paidCents].map((cents) =>
            money.amount(cents),
          ),
        ]}
      />
    </DataTable>
  );
}
