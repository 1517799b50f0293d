import { useI18n } from '../language.tsx';
import { Link } from '../router.tsx';
import { agingSentence } from './aging-summary.tsx';
import { AGING_BUCKETS, type AgingReport, invoicePage } from './api.ts';
import { bucketName, documentName, monthName } from './billing-words.ts';
import { DataTable, FigureCells, TotalRow } from './data-table.tsx';
import { HBarChart } from './hbar-chart.tsx';
import { useMoney } from './money-format.ts';

/** What is owed by age as bars, the same figures in a table, and the documents owed. */
export function AgingChart({ aging, currency }: { aging: AgingReport; currency: string }) {
  const i18n = useI18n();
  const { t, fmt } = i18n;
  const money = useMoney();
  const title = t('finance.agingTitle', { date: fmt.date(aging.asOf) });
  const desc = agingSentence(i18n, money, aging, currency);
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
            currency={currency}
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
                  <FigureCells texts={[money.amount(aging.buckets[bucket])]} />
                </tr>
              ))}
            </tbody>
            <TotalRow label={t('finance.total')} texts={[money.amount(aging.outstandingCents)]} />
          </table>
        </div>
      </div>
      {aging.documents.length > 0 && (
        <DataTable caption={t('finance.owedCaption')} compact className="custodia-finance-owed">
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
                <td className="text-right text-tabular">{money.amount(d.balanceCents)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </>
  );
}
