import { Section } from '../components/section.tsx';
import { useI18n } from '../language.tsx';
import { AgingChart } from './aging-chart.tsx';
import type { AgingReport, BillingReport } from './api.ts';
import { count } from './billing-words.ts';
import { CostAvoidedChart } from './cost-avoided-chart.tsx';
import { useMoney } from './money-format.ts';
import { Obligations } from './obligations.tsx';
import { RevenueChart } from './revenue-chart.tsx';

/** A year's report: the headline figures, then revenue, aging, cost avoided, sustainability and reports owed. */
export function FinanceReport({
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
  const money = useMoney();
  const cur = report.currency;
  const share = t('finance.percent', {
    pct: money.basisPoints(report.sustainability.accruedShareBasisPoints),
  });
  const figure = (key: string, label: string, cents: number) => (
    <div data-figure={key} data-cents={cents}>
      <dt>{label}</dt>
      <dd>{money.amountIn(cents, cur)}</dd>
    </div>
  );
  return (
    <>
      <dl className="custodia-counts custodia-finance-figures">
        {figure('accrued', t('finance.accruedIn', { year: report.year }), report.totals.accruedCents)}
        {figure('invoiced', t('finance.invoicedIn', { year: report.year }), report.totals.invoicedCents)}
        {figure('paid', t('finance.paidIn', { year: report.year }), report.totals.paidCents)}
        {aging && figure('outstanding', t('finance.outstandingNow'), aging.outstandingCents)}
        <div data-figure="sustainability" data-basis-points={report.sustainability.accruedShareBasisPoints}>
          <dt>{t('finance.shareOfSystem')}</dt>
          <dd>{share}</dd>
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
            accrued: money.amountIn(report.totals.accruedCents, cur),
            pct: share,
            system: money.amountIn(report.sustainability.receivingSystemYearCents, cur),
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
