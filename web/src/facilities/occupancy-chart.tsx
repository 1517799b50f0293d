import { useId, useState } from 'react';
import { SelectField } from '../components/fields.tsx';
import { LiveStatus, LoadError } from '../components/load-status.tsx';
import { useI18n } from '../language.tsx';
import { useApi } from '../use-api.ts';
import { wallClockIn } from '../zoned-time.ts';
import { type FacilityDetail, type OccupancyReport, occupancyPath } from './api.ts';
import { type Measure, OccupancyPlot, plotPoints } from './occupancy-plot.tsx';
import { OccupancyTable } from './occupancy-table.tsx';
import { RadioChoice } from './radio-choice.tsx';
import './occupancy-chart.css';

const PERIODS = [30, 90, 365] as const;
type Period = (typeof PERIODS)[number];

/** `YYYY-MM-DD` moved by `days` calendar days. */
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The sentence that says what the chart shows: today's occupancy, the forecast's end, the movements. */
function useSummary(): (report: OccupancyReport) => string {
  const { t, fmt } = useI18n();
  return (report) => {
    const today = report.history.at(-1);
    const end = report.forecast.at(-1);
    if (!today || !end) return t('occupancy.noData');
    return t('occupancy.summary', {
      total: fmt.number(today.total),
      transferees: fmt.number(today.transferees),
      date: fmt.date(end.date),
      forecastTotal: fmt.number(end.total),
      forecastTransferees: fmt.number(end.transferees),
      arrivals: fmt.number(report.forecast.reduce((sum, p) => sum + p.arrivals, 0)),
      releases: fmt.number(report.forecast.reduce((sum, p) => sum + p.releases, 0)),
      days: fmt.number(report.forecast.length),
    });
  };
}

/**
 * Occupancy by day: the recorded days solid, the 90-day forecast dashed, with the capacity lines. Either
 * everyone held (against the working and official capacity) or the transferees alone (against the room
 * the working capacity leaves them beside the local population). A sentence and a table say the same.
 */
export function OccupancyChart({ facility }: { facility: FacilityDetail }) {
  const { t, fmt } = useI18n();
  const id = useId();
  const summaryOf = useSummary();
  const [period, setPeriod] = useState<Period>(90);
  const [measure, setMeasure] = useState<Measure>('total');
  const today = wallClockIn(facility.timeZone).slice(0, 10);
  const [state, reload] = useApi<OccupancyReport>(
    occupancyPath(facility.id, addDays(today, -(period - 1)), today),
  );

  const controls = (
    <div className="custodia-occupancy-controls">
      <SelectField
        id={`${id}-period`}
        label={t('occupancy.period')}
        value={String(period)}
        onChange={(value) => setPeriod(PERIODS.find((days) => String(days) === value) ?? 90)}
        choices={PERIODS.map((days) => ({
          value: String(days),
          label: t('occupancy.lastDays', { n: fmt.number(days) }),
        }))}
      />
      <RadioChoice
        legend={t('occupancy.measure')}
        value={measure}
        onChange={setMeasure}
        choices={[
          { value: 'total', label: t('occupancy.measureTotal') },
          { value: 'transferees', label: t('occupancy.measureTransferees') },
        ]}
      />
    </div>
  );
  if (state.status !== 'ok')
    return (
      <>
        {controls}
        {state.status === 'loading' ? (
          <LiveStatus text={t('app.loading')} />
        ) : (
          <LoadError error={state.error} onRetry={reload} />
        )}
      </>
    );

  const summary = summaryOf(state.data);
  const title = t('occupancy.chartTitle', {
    facility: facility.name,
    measure: measure === 'total' ? t('occupancy.measureTotal') : t('occupancy.measureTransferees'),
  });
  return (
    <>
      <p>{t('occupancy.intro')}</p>
      {controls}
      <p className="custodia-occupancy-summary" data-testid="occupancy-summary">
        {summary}
      </p>
      <OccupancyPlot
        report={state.data}
        measure={measure}
        title={title}
        desc={summary}
        timeZone={facility.timeZone}
      />
      <details className="custodia-details custodia-occupancy-table">
        <summary>{t('occupancy.table')}</summary>
        <OccupancyTable points={plotPoints(state.data)} caption={title} />
      </details>
    </>
  );
}
