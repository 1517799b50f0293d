import { useId } from 'react';
import { useI18n } from '../language.tsx';
import { datesBetween, type Finding } from './api.ts';
import './findings-chart.css';

const CHART_WIDTH = 640;
const CHART_HEIGHT = 150;
const AXIS_LEFT = 44;
const AXIS_BOTTOM = 26;
const TOP = 10;

/**
 * A rule's findings per day across the period as stacked bars (high severity below, medium above). The
 * SVG is one image named by its title and described in words; the figures per day follow in a table.
 */
export function FindingsChart({
  title,
  findings,
  from,
  to,
}: {
  title: string;
  findings: Finding[];
  from: string;
  to: string;
}) {
  const { t, fmt } = useI18n();
  const id = useId();
  const days = datesBetween(from, to);
  const perDay = new Map<string, { high: number; medium: number }>();
  for (const f of findings) {
    const day = perDay.get(f.date) ?? { high: 0, medium: 0 };
    day[f.severity] += 1;
    perDay.set(f.date, day);
  }
  const totals = days.map((d) => {
    const c = perDay.get(d);
    return { date: d, high: c?.high ?? 0, medium: c?.medium ?? 0, total: (c?.high ?? 0) + (c?.medium ?? 0) };
  });
  const max = Math.max(1, ...totals.map((d) => d.total));
  const peak = totals.reduce((a, b) => (b.total > a.total ? b : a), totals[0] ?? { date: from, total: 0 });
  const withFindings = totals.filter((d) => d.total > 0);
  const plotWidth = CHART_WIDTH - AXIS_LEFT - 4;
  const plotHeight = CHART_HEIGHT - TOP - AXIS_BOTTOM;
  const step = plotWidth / Math.max(1, days.length);
  const barWidth = Math.min(36, Math.max(1, step * (days.length > 60 ? 1 : 0.75)));
  const y = (value: number) => TOP + plotHeight - (value / max) * plotHeight;
  const chartTitle = t('compliance.chartTitle', { rule: title });
  const desc =
    withFindings.length === 0
      ? t('compliance.chartDescNone', { from: fmt.date(from), to: fmt.date(to) })
      : t('compliance.chartDesc', {
          n: fmt.number(findings.length),
          days: fmt.number(withFindings.length),
          total: fmt.number(days.length),
          peak: fmt.number(peak.total),
          date: fmt.date(peak.date),
        });
  const baseline = TOP + plotHeight;
  return (
    <figure className="custodia-findings-chart">
      <svg
        className="custodia-chart custodia-chart--findings"
        viewBox={`0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
      >
        <title id={`${id}-title`}>{chartTitle}</title>
        <desc id={`${id}-desc`}>{desc}</desc>
        <line x1={AXIS_LEFT} x2={CHART_WIDTH - 4} y1={y(max)} y2={y(max)} className="custodia-chart__grid" />
        <line
          x1={AXIS_LEFT}
          x2={CHART_WIDTH - 4}
          y1={baseline}
          y2={baseline}
          className="custodia-chart__axis"
        />
        <text x={AXIS_LEFT - 6} y={y(max) + 5} textAnchor="end" className="custodia-chart__tick">
          {fmt.number(max)}
        </text>
        <text x={AXIS_LEFT - 6} y={baseline + 5} textAnchor="end" className="custodia-chart__tick">
          0
        </text>
        {totals.map((d, i) => {
          if (d.total === 0) return null;
          const x = AXIS_LEFT + i * step + (step - barWidth) / 2;
          const hTop = y(d.high);
          return (
            <g key={d.date}>
              <title>
                {t('compliance.chartBar', {
                  date: fmt.date(d.date),
                  n: fmt.number(d.total),
                  high: fmt.number(d.high),
                  medium: fmt.number(d.medium),
                })}
              </title>
              {d.high > 0 && (
                <rect
                  x={x}
                  y={hTop}
                  width={barWidth}
                  height={baseline - hTop}
                  className="custodia-bar--high"
                />
              )}
              {d.medium > 0 && (
                <rect
                  x={x}
                  y={y(d.total)}
                  width={barWidth}
                  height={hTop - y(d.total)}
                  className="custodia-bar--medium"
                />
              )}
            </g>
          );
        })}
        <text x={AXIS_LEFT} y={CHART_HEIGHT - 6} className="custodia-chart__tick">
          {fmt.date(from)}
        </text>
        {days.length > 1 && (
          <text x={CHART_WIDTH - 4} y={CHART_HEIGHT - 6} textAnchor="end" className="custodia-chart__tick">
            {fmt.date(to)}
          </text>
        )}
      </svg>
      <figcaption className="custodia-chart-caption">
        <ul className="custodia-legend" aria-hidden="true">
          <li>
            <span className="custodia-swatch custodia-bar--high" /> {t('compliance.severity.high')}
          </li>
          <li>
            <span className="custodia-swatch custodia-bar--medium" /> {t('compliance.severity.medium')}
          </li>
        </ul>
        {withFindings.length > 0 && (
          <details className="custodia-details">
            <summary>{t('compliance.chartTable')}</summary>
            <table className="usa-table usa-table--borderless usa-table--compact custodia-table custodia-per-day">
              <caption className="usa-sr-only">{chartTitle}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('common.date')}</th>
                  <th scope="col" className="text-right">
                    {t('compliance.findings')}
                  </th>
                  <th scope="col" className="text-right">
                    {t('compliance.severity.high')}
                  </th>
                  <th scope="col" className="text-right">
                    {t('compliance.severity.medium')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {withFindings.map((d) => (
                  <tr key={d.date}>
                    <th scope="row">{fmt.date(d.date)}</th>
                    <td className="text-right text-tabular">{fmt.number(d.total)}</td>
                    <td className="text-right text-tabular">{fmt.number(d.high)}</td>
                    <td className="text-right text-tabular">{fmt.number(d.medium)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {withFindings.length < days.length && (
              <p className="custodia-note-text">
                {t('compliance.chartTableNote', { n: fmt.number(days.length - withFindings.length) })}
              </p>
            )}
          </details>
        )}
      </figcaption>
    </figure>
  );
}
