import { ScrollRegion } from '../components/scroll-region.tsx';
import { isMessageKey } from '../i18n.ts';
import { useI18n } from '../language.tsx';
import type { BillingReport, CostAvoided } from './api.ts';
import { count } from './billing-words.ts';
import { HBarChart } from './hbar-chart.tsx';
import { useMoney } from './money-format.ts';
import './scroll-region.css';

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
      <ScrollRegion label={title}>
        <table className="usa-table usa-table--borderless usa-table--compact custodia-table custodia-finance-anchors">
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('finance.anchor')}</th>
              {(
                [
                  'finance.daily',
                  'finance.days',
                  'finance.domestic',
                  'finance.fees',
                  'finance.avoided',
                ] as const
              ).map((key) => (
                <th key={key} scope="col" className="text-right">
                  {t(key, { currency: cur })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.costAvoided.map((a) => (
              <tr key={a.id} data-anchor={a.id} data-avoided-cents={a.avoidedCents}>
                <th scope="row">{anchorName(a)}</th>
                <td className="text-right text-tabular">{money.amount(a.dailyCents)}</td>
                <td className="text-right text-tabular">{fmt.number(report.totals.custodyDays)}</td>
                <td className="text-right text-tabular">{money.amount(a.domesticCents)}</td>
                <td className="text-right text-tabular">{money.amount(a.feesCents)}</td>
                <td className="text-right text-tabular text-bold">{money.amount(a.avoidedCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
