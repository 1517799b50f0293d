import { useId } from 'react';
import { useI18n } from '../language.tsx';
import type { PublishedCount } from './api.ts';
import './bar-chart.css';

/** One bar: its label, its value (a published count, or a share in percent) and how the value is written. */
export interface Bar {
  key: string;
  label: string;
  value: PublishedCount | null;
  text: string;
}

const ROW = 28;
const LABEL_WIDTH = 210;
const BAR_WIDTH = 300;

/**
 * A horizontal bar chart in SVG, drawn for people who would rather look than read, and its figures as a
 * table for those who would rather read (and for screen readers: the drawing is named, the table holds
 * the numbers). A `<10` is drawn as a dashed outline up to 10, since all it says is "under 10"; an `x`
 * or a figure not shown has no bar.
 */
export function BarChart({
  title,
  bars,
  max,
  labelHeader,
  valueHeader,
  withTable = true,
}: {
  title: string;
  bars: readonly Bar[];
  /** The value of a full bar (100 for percentages); default: the largest number. */
  max?: number;
  labelHeader: string;
  valueHeader: string;
  /** False when the page shows the same figures in a fuller table right below. */
  withTable?: boolean;
}) {
  const { t } = useI18n();
  const id = useId();
  const largest = max ?? Math.max(10, ...bars.map((b) => (typeof b.value === 'number' ? b.value : 0)));
  const width = (v: number) => Math.max((v / largest) * BAR_WIDTH, v > 0 ? 2 : 0);
  const height = bars.length * ROW + 8;
  return (
    <figure className="custodia-stat-chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="custodia-stat-chart__caption">
        {title}
      </figcaption>
      <svg
        className="custodia-stat-chart__svg"
        viewBox={`0 0 ${LABEL_WIDTH + BAR_WIDTH + 80} ${height}`}
        role="img"
        aria-label={`${title}. ${t('statistics.chartNote')}`}
      >
        {bars.map((b, i) => {
          const y = i * ROW + 4;
          return (
            <g key={b.key}>
              <text
                x={LABEL_WIDTH - 8}
                y={y + ROW / 2 + 5}
                textAnchor="end"
                className="custodia-stat-chart__label"
              >
                {b.label.length > 30 ? `${b.label.slice(0, 29)}…` : b.label}
              </text>
              {typeof b.value === 'number' && (
                <rect
                  x={LABEL_WIDTH}
                  y={y + 4}
                  width={width(b.value)}
                  height={ROW - 8}
                  className="custodia-stat-chart__bar"
                />
              )}
              {b.value === '<10' && (
                <rect
                  x={LABEL_WIDTH}
                  y={y + 4}
                  width={width(10)}
                  height={ROW - 8}
                  className="custodia-stat-chart__bar custodia-stat-chart__bar--under"
                />
              )}
              <text
                x={
                  LABEL_WIDTH +
                  (typeof b.value === 'number' ? width(b.value) : b.value === '<10' ? width(10) : 0) +
                  6
                }
                y={y + ROW / 2 + 5}
                className="custodia-stat-chart__value"
              >
                {b.text}
              </text>
            </g>
          );
        })}
      </svg>
      {withTable && (
        <table className="usa-table usa-table--compact usa-table--borderless custodia-stat-chart__table">
          <caption className="usa-sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{labelHeader}</th>
              <th scope="col" className="custodia-stat-chart__number">
                {valueHeader}
              </th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.key}>
                <th scope="row">{b.label}</th>
                <td className="custodia-stat-chart__number">{b.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </figure>
  );
}
