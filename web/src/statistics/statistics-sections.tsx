import { Section } from '../components/section.tsx';
import { useI18n } from '../language.tsx';
import type { Figures, Parts } from './api.ts';
import { BarChart } from './bar-chart.tsx';
import { useStatisticsLabels } from './labels.ts';

/** A published table as a chart, or the note that its breakdown is withheld. */
export function PartsChart({
  title,
  parts,
  name,
  labelHeader,
  hideZeros = false,
  withTable = true,
}: {
  title: string;
  parts: Parts;
  name: (code: string) => string;
  labelHeader: string;
  hideZeros?: boolean;
  withTable?: boolean;
}) {
  const { t } = useI18n();
  const l = useStatisticsLabels();
  const shown = parts === null ? null : hideZeros ? parts.filter((p) => p.count !== 0) : parts;
  if (shown === null || shown.length === 0) {
    return (
      <p>
        <strong>{title}:</strong> {t(shown === null ? 'statistics.withheld' : 'statistics.none')}
      </p>
    );
  }
  return (
    <BarChart
      title={title}
      bars={l.bars(shown, name)}
      labelHeader={labelHeader}
      valueHeader={t('statistics.count')}
      withTable={withTable}
    />
  );
}

/** Who is held at the date: by nationality and by legal status. */
export function PopulationSection({ figures }: { figures: Figures }) {
  const { t, fmt } = useI18n();
  const l = useStatisticsLabels();
  const p = figures.population;
  return (
    <Section
      title={t('statistics.population.title')}
      intro={t('statistics.population.intro', { date: fmt.date(figures.date), total: l.count(p.total) })}
    >
      <div className="custodia-stat-pair">
        <div>
          <PartsChart
            title={t('statistics.population.byNationality')}
            parts={p.byNationality}
            name={l.nationality}
            labelHeader={t('statistics.population.nationality')}
          />
        </div>
        <div>
          <PartsChart
            title={t('statistics.population.byLegalStatus')}
            parts={p.byLegalStatus}
            name={l.legalStatus}
            labelHeader={t('statistics.population.legalStatus')}
            hideZeros
          />
        </div>
      </div>
    </Section>
  );
}

/** Deaths in custody, the average daily population and the rate per 100,000. */
export function DeathsSection({ figures }: { figures: Figures }) {
  const { t, fmt } = useI18n();
  const l = useStatisticsLabels();
  const d = figures.deaths;
  const adp =
    typeof d.averageDailyPopulation === 'number'
      ? fmt.decimal(d.averageDailyPopulation)
      : d.averageDailyPopulation;
  return (
    <Section title={t('statistics.deaths.title')}>
      <dl className="custodia-stat-figures">
        <div>
          <dt>{t('statistics.deaths.count')}</dt>
          <dd>{l.count(d.count)}</dd>
        </div>
        <div>
          <dt>{t('statistics.deaths.adp')}</dt>
          <dd>{adp}</dd>
        </div>
        <div>
          <dt>{t('statistics.deaths.rate')}</dt>
          <dd>{d.ratePer100k === null ? t('statistics.notShown') : fmt.decimal(d.ratePer100k)}</dd>
        </div>
      </dl>
      {d.ratePer100k === null && <p className="custodia-note-text">{t('statistics.deaths.rateNote')}</p>}
    </Section>
  );
}

/** How long custody lasted for those whose custody ended, and why it ended. */
export function LengthSection({ figures }: { figures: Figures }) {
  const { t, fmt } = useI18n();
  const l = useStatisticsLabels();
  const c = figures.custodyLength;
  const median =
    c.medianDays === null
      ? t('statistics.length.noMedian')
      : t('statistics.length.median', { days: fmt.decimal(c.medianDays) });
  return (
    <Section
      title={t('statistics.length.title')}
      intro={t('statistics.length.intro', { ended: l.count(c.ended), median })}
    >
      <div className="custodia-stat-pair">
        <div>
          <PartsChart
            title={t('statistics.length.chart')}
            parts={c.buckets}
            name={(bucket) => bucket.replace('-', '–')}
            labelHeader={t('statistics.length.bucket')}
          />
        </div>
        <div>
          <PartsChart
            title={t('statistics.releases.chart')}
            parts={figures.releases.byReason}
            name={l.release}
            labelHeader={t('statistics.releases.reason')}
            hideZeros
          />
        </div>
      </div>
    </Section>
  );
}
