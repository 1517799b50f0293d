import { useId } from 'react';
import { useI18n } from '../language.tsx';
import type { ForecastPoint, OccupancyPoint, OccupancyReport } from './api.ts';

/** What the chart counts: everyone held, or the transferees alone. */
export type Measure = 'total' | 'transferees';

/** A day of the chart: recorded or forecast, with its figures. */
export interface ChartPoint {
  date: string;
  kind: 'recorded' | 'forecast';
  point: OccupancyPoint | ForecastPoint;
}

/** The recorded days, then the forecast ones. */
export function plotPoints(report: OccupancyReport): ChartPoint[] {
  return [
    ...report.history.map((point) => ({ date: point.date, kind: 'recorded' as const, point })),
    ...report.forecast.map((point) => ({ date: point.date, kind: 'forecast' as const, point })),
  ];
}

const CHART = { width: 760, height: 340, top: 20, right: 20, bottom: 48, left: 68 } as const;

/** The smallest "round" number (1, 2, 2.5 or 5 times a power of ten) at or above `value`. */
function niceCeil(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/** The days the date axis labels: every other week, the 1st and 15th, or the 1st of each month. */
function dateTicks(points: ChartPoint[]): { date: string; i: number }[] {
  const step = points.length > 200 ? 'month' : points.length > 100 ? 'half' : 'week';
  return points
    .map((p, i) => ({ date: p.date, i }))
    .filter(({ date, i }) => {
      const day = Number(date.slice(8, 10));
      if (step === 'month') return day === 1;
      if (step === 'half') return day === 1 || day === 15;
      return i % 14 === 0;
    });
}

/**
 * The chart itself, one image named by `title` and described by `desc`: the recorded days as a filled
 * line, the forecast dashed, today marked, the capacity lines that are on scale drawn and named, and those
 * off scale said in words under the legend.
 */
export function OccupancyPlot({
  report,
  measure,
  title,
  desc,
  timeZone,
}: {
  report: OccupancyReport;
  measure: Measure;
  title: string;
  desc: string;
  timeZone: string;
}) {
  const { t, fmt } = useI18n();
  const id = useId();
  const points = plotPoints(report);
  const value = (p: OccupancyPoint) => (measure === 'total' ? p.total : p.transferees);
  const { capacity } = report;
  const room = Math.max(0, capacity.workingCapacity - capacity.localOccupants);
  const lines =
    measure === 'total'
      ? [
          { key: 'working', label: t('capacity.working'), value: capacity.workingCapacity },
          { key: 'official', label: t('capacity.operational'), value: capacity.operationalCapacity },
        ]
      : [{ key: 'room', label: t('occupancy.room'), value: room }];
  const dataMax = Math.max(0, ...points.map((p) => value(p.point)));
  // Everyone held is drawn against both capacity lines; the transferees alone against the room they have
  // only when it is near enough to the data to leave the data readable.
  const shown = lines.filter(
    (line) => line.value > 0 && (measure === 'total' || line.value <= Math.max(4 * dataMax, 10)),
  );
  const offScale = lines.filter((line) => line.value > 0 && !shown.includes(line));
  const yMax = niceCeil(Math.max(dataMax, ...shown.map((line) => line.value), 5) * 1.05);

  const plotW = CHART.width - CHART.left - CHART.right;
  const plotH = CHART.height - CHART.top - CHART.bottom;
  const bottom = CHART.top + plotH;
  const x = (i: number) => CHART.left + (points.length > 1 ? (i / (points.length - 1)) * plotW : plotW / 2);
  const y = (v: number) => CHART.top + plotH - (v / yMax) * plotH;
  const last = report.history.length - 1;
  const path = (from: number, to: number) =>
    points
      .slice(from, to + 1)
      .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(from + i).toFixed(1)},${y(value(p.point)).toFixed(1)}`)
      .join(' ');
  const historyLine = last >= 0 ? path(0, last) : '';
  const historyArea =
    last >= 0
      ? `${historyLine} L${x(last).toFixed(1)},${y(0).toFixed(1)} L${x(0).toFixed(1)},${y(0).toFixed(1)} Z`
      : '';
  const forecastLine = report.forecast.length > 0 ? path(Math.max(0, last), points.length - 1) : '';
  const dayFormat = new Intl.DateTimeFormat(fmt.locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });

  return (
    <>
      <svg
        className="custodia-occupancy-chart"
        viewBox={`0 0 ${CHART.width} ${CHART.height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        data-measure={measure}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{desc}</desc>
        {[0, 0.25, 0.5, 0.75, 1]
          .map((f) => f * yMax)
          .map((tick) => (
            <g key={tick} className="custodia-occupancy-chart__grid">
              <line x1={CHART.left} x2={CHART.left + plotW} y1={y(tick)} y2={y(tick)} />
              <text
                x={CHART.left - 8}
                y={y(tick) + 5}
                textAnchor="end"
                className="custodia-occupancy-chart__tick"
              >
                {fmt.number(Math.round(tick))}
              </text>
            </g>
          ))}
        {dateTicks(points).map(({ date, i }) => (
          <g key={date}>
            <line
              x1={x(i)}
              x2={x(i)}
              y1={bottom}
              y2={bottom + 5}
              className="custodia-occupancy-chart__axis"
            />
            <text x={x(i)} y={bottom + 20} textAnchor="middle" className="custodia-occupancy-chart__tick">
              {dayFormat.format(new Date(`${date}T00:00:00Z`))}
            </text>
          </g>
        ))}
        <line
          x1={CHART.left}
          x2={CHART.left + plotW}
          y1={bottom}
          y2={bottom}
          className="custodia-occupancy-chart__axis"
        />
        <line
          x1={CHART.left}
          x2={CHART.left}
          y1={CHART.top}
          y2={bottom}
          className="custodia-occupancy-chart__axis"
        />
        <text
          x={CHART.left + plotW / 2}
          y={CHART.height - 6}
          textAnchor="middle"
          className="custodia-occupancy-chart__axis-label"
        >
          {t('occupancy.axisDate', { zone: timeZone })}
        </text>
        <text
          transform={`translate(14 ${CHART.top + plotH / 2}) rotate(-90)`}
          textAnchor="middle"
          className="custodia-occupancy-chart__axis-label"
        >
          {t('occupancy.axisPeople')}
        </text>
        {shown.map((line) => (
          <g
            key={line.key}
            className={`custodia-occupancy-chart__capacity custodia-occupancy-chart__capacity--${line.key}`}
          >
            <line x1={CHART.left} x2={CHART.left + plotW} y1={y(line.value)} y2={y(line.value)} />
            <text x={CHART.left + plotW - 4} y={y(line.value) - 6} textAnchor="end">
              {`${line.label}: ${fmt.number(line.value)}`}
            </text>
          </g>
        ))}
        {historyArea && <path d={historyArea} className="custodia-occupancy-chart__area" />}
        {historyLine && (
          <path d={historyLine} className="custodia-occupancy-chart__history" data-series="history" />
        )}
        {forecastLine && (
          <path d={forecastLine} className="custodia-occupancy-chart__forecast" data-series="forecast" />
        )}
        {last >= 0 && (
          <g className="custodia-occupancy-chart__today">
            <line x1={x(last)} x2={x(last)} y1={CHART.top} y2={bottom} />
            <text x={x(last) + 4} y={CHART.top + 12}>
              {t('occupancy.today')}
            </text>
          </g>
        )}
      </svg>
      <ul className="custodia-legend custodia-occupancy-legend" aria-hidden="true">
        <li>
          <span className="custodia-line-swatch custodia-line-swatch--history" /> {t('occupancy.recorded')}
        </li>
        <li>
          <span className="custodia-line-swatch custodia-line-swatch--forecast" /> {t('occupancy.forecast')}
        </li>
        {shown.map((line) => (
          <li key={line.key}>
            <span className={`custodia-line-swatch custodia-line-swatch--${line.key}`} /> {line.label}
          </li>
        ))}
      </ul>
      {offScale.map((line) => (
        <p key={line.key} className="custodia-note-text">
          {t('occupancy.offScale', { name: line.label, value: fmt.number(line.value) })}
        </p>
      ))}
    </>
  );
}
