import { Section } from '../components/section.tsx';
import { type I18n, useI18n } from '../language.tsx';
import { AGING_BUCKETS, type AgingReport } from './api.ts';
import { bucketName, count } from './billing-words.ts';
import { type MoneyFormat, useMoney } from './money-format.ts';

/** What is owed in a sentence: how much, on how many documents, as of the report's date. */
export function agingSentence(i18n: I18n, money: MoneyFormat, aging: AgingReport, currency: string): string {
  const { t, fmt } = i18n;
  if (aging.outstandingCents === 0) return t('aging.nothing', { date: fmt.date(aging.asOf) });
  return t('aging.summary', {
    amount: money.amountIn(aging.outstandingCents, currency),
    documents: count(i18n, 'documents', aging.documents.length),
    date: fmt.date(aging.asOf),
  });
}

/** What is owed, by how late it is, as of the report's date. */
export function AgingSummary({ aging, currency = 'USD' }: { aging: AgingReport; currency?: string }) {
  const i18n = useI18n();
  const money = useMoney();
  return (
    <Section title={i18n.t('aging.title')} className="custodia-aging">
      <p className="margin-top-0">{agingSentence(i18n, money, aging, currency)}</p>
      <dl className="custodia-counts custodia-aging__buckets" data-outstanding-cents={aging.outstandingCents}>
        {AGING_BUCKETS.map((bucket) => (
          <div key={bucket} data-bucket={bucket} data-cents={aging.buckets[bucket]}>
            <dt>{bucketName(i18n.t, bucket)}</dt>
            <dd>{money.amountIn(aging.buckets[bucket], currency)}</dd>
          </div>
        ))}
      </dl>
    </Section>
  );
}
