import { ScrollRegion } from '../components/scroll-region.tsx';
import { Section } from '../components/section.tsx';
import { useI18n } from '../language.tsx';
import type { Figures } from './api.ts';
import { type Bar, BarChart } from './bar-chart.tsx';
import { useStatisticsLabels } from './labels.ts';
import { PartsChart } from './statistics-sections.tsx';

/** Transfers by outcome and month: received by month as a chart, every outcome in a table, cancellations by reason. */
export function TransfersSection({ figures }: { figures: Figures }) {
  const { t } = useI18n();
  const l = useStatisticsLabels();
  const { months, byOutcome, cancelledByReason } = figures.transfers;
  const received = byOutcome.find((o) => o.outcome === 'received');
  return (
    <Section title={t('statistics.transfers.title')} intro={t('statistics.transfers.intro')}>
      {received && (
        <PartsChart
          title={t('statistics.transfers.received')}
          parts={received.byMonth}
          name={l.month}
          labelHeader={t('statistics.transfers.month')}
          withTable={false}
        />
      )}
      <ScrollRegion label={t('statistics.transfers.title')}>
        <table className="usa-table usa-table--compact custodia-stat-months">
          <caption className="usa-sr-only">{t('statistics.transfers.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('statistics.transfers.month')}</th>
              {byOutcome.map((o) => (
                <th scope="col" key={o.outcome} className="custodia-stat-chart__number">
                  {l.outcome(o.outcome)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr key={m}>
                <th scope="row">{l.month(m)}</th>
                {byOutcome.map((o) => (
                  <td key={o.outcome} className="custodia-stat-chart__number">
                    {o.byMonth === null ? '—' : l.count(o.byMonth.find((p) => p.key === m)?.count)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('statistics.total')}</th>
              {byOutcome.map((o) => (
                <td key={o.outcome} className="custodia-stat-chart__number">
                  {l.count(o.total)}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
      {byOutcome.some((o) => o.byMonth === null) && (
        <p className="custodia-note-text">— {t('statistics.withheld')}</p>
      )}
      <PartsChart
        title={t('statistics.transfers.byReason')}
        parts={cancelledByReason}
        name={l.cancellation}
        labelHeader={t('statistics.transfers.reason')}
        hideZeros
      />
    </Section>
  );
}

/** For each standard, the share of evaluated days that met it, as a chart of percentages and a table. */
export function ComplianceSection({ figures }: { figures: Figures }) {
  const { t } = useI18n();
  const l = useStatisticsLabels();
  const share = (c: Figures['compliance'][number]): string => {
    if (c.shareMet !== null) return l.percent(c.shareMet);
    if (c.shareMetRange) {
      const { low, high } = c.shareMetRange;
      return t('statistics.compliance.range', { lo: l.percent(low), hi: l.percent(high) });
    }
    return c.evaluated === 0 ? t('statistics.compliance.notEvaluated') : t('statistics.notShown');
  };
  const bars: Bar[] = figures.compliance.map((c) => ({
    key: c.standard,
    label: l.standard(c.standard),
    value: c.shareMet,
    text: share(c),
  }));
  return (
    <Section title={t('statistics.compliance.title')} intro={t('statistics.compliance.intro')}>
      <BarChart
        title={t('statistics.compliance.chart')}
        bars={bars}
        max={100}
        labelHeader={t('statistics.compliance.standard')}
        valueHeader={t('statistics.compliance.share')}
        withTable={false}
      />
      <ScrollRegion label={t('statistics.compliance.title')}>
        <table className="usa-table usa-table--compact">
          <caption className="usa-sr-only">{t('statistics.compliance.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('statistics.compliance.standard')}</th>
              <th scope="col" className="custodia-stat-chart__number">
                {t('statistics.compliance.evaluated')}
              </th>
              <th scope="col" className="custodia-stat-chart__number">
                {t('statistics.compliance.met')}
              </th>
              <th scope="col" className="custodia-stat-chart__number">
                {t('statistics.compliance.share')}
              </th>
            </tr>
          </thead>
          <tbody>
            {figures.compliance.map((c) => (
              <tr key={c.standard}>
                <th scope="row">{l.standard(c.standard)}</th>
                <td className="custodia-stat-chart__number">{l.count(c.evaluated)}</td>
                <td className="custodia-stat-chart__number">{l.count(c.met)}</td>
                <td className="custodia-stat-chart__number">{share(c)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </Section>
  );
}
