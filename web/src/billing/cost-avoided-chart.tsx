import { isMessageKey } from '../i18n.ts';
import { useI18n } from '../language.tsx';
import type { BillingReport, CostAvoided } from './api.ts';
import { count } from './billing-words.ts';
import { DataTable, FigureCells, FigureHeads } from './data-table.tsx';
import { HBarChart } from './hbar-chart.tsx';
import { useMoney } from './money-format.ts';

/** The name of a domestic cost anchor in the reader's language, else as the server gives it. */
function useAnchorName(): (anchor: CostAvoided) => string {
  const { t } = useI18n();
  return (anchor) => {
    const key = `finance.anchor.${anchor.id}`;
    return isMessageKey(key) ? t(key) : anchor.label;
  };
}

/** For each domestic anchor: what the custody days would have cost at home against the fees. */
export function CostAvoidedChart({ report }: { report: BillingReport }) {
  const i18n = useI18n();
  const { t, fmt } = i18n;
  const money = useMoney();
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
                daily: money.amountIn(a.dailyCents, cur),
                domestic: money.amountIn(a.domesticCents, cur),
                fees: money.amountIn(a.feesCents, cur),
                avoided: money.amountIn(a.avoidedCents, cur),
              })}
              currency={cur}
              bars={[
                {
                  key: 'domestic',
                  label: t('finance.domesticCost', { daily: money.amountIn(a.dailyCents, cur) }),
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
              {t('finance.avoidedLine', { avoided: money.amountIn(a.avoidedCents, cur) })}
            </p>
          </div>
        ))}
      </div>
      <DataTable caption={title} compact className="custodia-finance-anchors">
        <thead>
          <tr>
            <th scope="col">{t('finance.anchor')}</th>
            <FigureHeads
              labels={(
                [
                  'finance.daily',
                  'finance.days',
                  'finance.domestic',
                  'finance.fees',
                  'finance.avoided',
                ] as const
              ).map((key) => t(key, { currency: cur }))}
            />
          </tr>
        </thead>
        <tbody>
          {report.costAvoided.map((a) => (
            <tr key={a.id} data-anchor={a.id} data-avoided-cents={a.avoidedCents}>
              <th scope="row">{anchorName(a)}</th>
              <FigureCells
                texts={[
                  money.amount(a.dailyCents),
                  fmt.number(report.totals.custodyDays),
                  money.amount(a.domesticCents),
                  money.amount(a.feesCents),
                ]}
              />
              <td className="text-right text-tabular text-bold">{money.amount(a.avoidedCents)}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </>
  );
}
