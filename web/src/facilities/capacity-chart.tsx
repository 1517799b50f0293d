import { useId } from 'react';
import type { FacilitySummary } from '../api.ts';
import { useI18n } from '../language.tsx';
import './capacity-chart.css';

const WIDTH = 520;
const LABEL_HEIGHT = 20;
const BAR_HEIGHT = 22;
const ROW_GAP = 14;
const VALUE_SPACE = 70;

interface Bar {
  label: string;
  /** Segments drawn end to end; most bars have one. */
  segments: { value: number; label: string; className: string }[];
}

/**
 * A facility's official capacity, bunks, working capacity and occupancy as an accessible horizontal bar
 * chart: the SVG is one image with a title and a text description, each bar carries its own `<title>`,
 * and the same figures follow in a table. The figures are never merged: CECOT's signed capacity of 40,000
 * is shown beside its 20,480 bunks, and the difference is stated in words.
 */
export function CapacityChart({ facility }: { facility: FacilitySummary }) {
  const { t, fmt } = useI18n();
  const id = useId();
  const { capacity, occupancy } = facility;
  const bars: Bar[] = [
    {
      label: t('capacity.operational'),
      segments: [{ value: capacity.operationalCapacity, label: '', className: 'custodia-bar--operational' }],
    },
    {
      label: t('capacity.bunks'),
      segments: [{ value: capacity.bunks, label: '', className: 'custodia-bar--bunks' }],
    },
    {
      label: t('capacity.working'),
      segments: [{ value: capacity.workingCapacity, label: '', className: 'custodia-bar--working' }],
    },
    {
      label: t('capacity.occupancy'),
      segments: [
        {
          value: occupancy.transferees,
          label: t('capacity.transferees'),
          className: 'custodia-bar--transferees',
        },
        { value: occupancy.local, label: t('capacity.local'), className: 'custodia-bar--local' },
      ],
    },
  ];
  const max = Math.max(
    1,
    capacity.operationalCapacity,
    capacity.bunks,
    capacity.workingCapacity,
    occupancy.total,
  );
  const scale = (value: number) => (Math.max(0, value) / max) * (WIDTH - VALUE_SPACE);
  const rowHeight = LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP;
  const height = bars.length * rowHeight;
  const title = t('capacity.chartTitle', { facility: facility.name });
  const desc = t('capacity.chartDesc', {
    operational: fmt.number(capacity.operationalCapacity),
    bunks: fmt.number(capacity.bunks),
    working: fmt.number(capacity.workingCapacity),
    occupancy: fmt.number(occupancy.total),
    transferees: fmt.number(occupancy.transferees),
    local: fmt.number(occupancy.local),
  });
  const figures: [string, number][] = [
    [t('capacity.operational'), capacity.operationalCapacity],
    [t('capacity.bunks'), capacity.bunks],
    [t('capacity.working'), capacity.workingCapacity],
    [t('capacity.occupancy'), occupancy.total],
    [`– ${t('capacity.transferees')}`, occupancy.transferees],
    [`– ${t('capacity.local')}`, occupancy.local],
  ];
  const ofBunks = (value: number) => (capacity.bunks > 0 ? fmt.percent(value / capacity.bunks) : '—');

  return (
    <div className="grid-row grid-gap-lg">
      <div className="desktop:grid-col-7">
        <svg
          className="custodia-chart"
          viewBox={`0 0 ${WIDTH} ${height}`}
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
        >
          <title id={`${id}-title`}>{title}</title>
          <desc id={`${id}-desc`}>{desc}</desc>
          {bars.map((bar, row) => {
            const y = row * rowHeight;
            const total = bar.segments.reduce((sum, s) => sum + s.value, 0);
            let x = 0;
            return (
              <g key={bar.label}>
                <text x={0} y={y + 15} className="custodia-chart__label">
                  {bar.label}
                </text>
                <rect
                  x={0}
                  y={y + LABEL_HEIGHT}
                  width={WIDTH - VALUE_SPACE}
                  height={BAR_HEIGHT}
                  className="custodia-bar--track"
                />
                {bar.segments.map((segment) => {
                  const width = scale(segment.value);
                  const rect = (
                    <rect
                      key={segment.className}
                      x={x}
                      y={y + LABEL_HEIGHT}
                      width={width}
                      height={BAR_HEIGHT}
                      className={segment.className}
                    >
                      <title>{`${segment.label || bar.label}: ${fmt.number(segment.value)}`}</title>
                    </rect>
                  );
                  x += width;
                  return rect;
                })}
                <text x={x + 6} y={y + LABEL_HEIGHT + 16} className="custodia-chart__value">
                  {fmt.number(total)}
                </text>
              </g>
            );
          })}
        </svg>
        <ul className="custodia-legend" aria-hidden="true">
          <li>
            <span className="custodia-swatch custodia-bar--transferees" /> {t('capacity.transferees')}
          </li>
          <li>
            <span className="custodia-swatch custodia-bar--local" /> {t('capacity.local')}
          </li>
        </ul>
      </div>
      <div className="desktop:grid-col-5">
        <table className="usa-table usa-table--compact usa-table--borderless custodia-figures">
          <caption>{t('capacity.tableCaption', { facility: facility.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('capacity.measure')}</th>
              <th scope="col" className="text-right">
                {t('capacity.places')}
              </th>
              <th scope="col" className="text-right">
                {t('capacity.ofBunks')}
              </th>
            </tr>
          </thead>
          <tbody>
            {figures.map(([name, value]) => (
              <tr key={name}>
                <th scope="row">{name}</th>
                <td className="text-right text-tabular">{fmt.number(value)}</td>
                <td className="text-right text-tabular">{ofBunks(value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="grid-col-12">
        <CapacityFindings facility={facility} />
      </div>
    </div>
  );
}

/** The differences, in words: official capacity against bunks, and occupancy against bunks. */
function CapacityFindings({ facility }: { facility: FacilitySummary }) {
  const { t, fmt } = useI18n();
  const { capacity, occupancy } = facility;
  const lines: string[] = [];
  if (capacity.bunks <= 0) {
    lines.push(t('capacity.noBunks'));
  } else {
    const diff = capacity.operationalCapacity - capacity.bunks;
    lines.push(
      diff > 0
        ? t('capacity.overBunks', {
            diff: fmt.number(diff),
            ratio: fmt.decimal(capacity.operationalCapacity / capacity.bunks),
          })
        : t('capacity.withinBunks'),
    );
    lines.push(
      occupancy.total > capacity.bunks
        ? t('capacity.occupancyOverBunks', { diff: fmt.number(occupancy.total - capacity.bunks) })
        : t('capacity.occupancyOfBunks', { pct: fmt.percent(occupancy.total / capacity.bunks) }),
    );
  }
  const overCapacity = capacity.bunks > 0 && capacity.operationalCapacity > capacity.bunks;
  return (
    <div
      className={`usa-alert usa-alert--slim margin-top-2 ${overCapacity ? 'usa-alert--warning' : 'usa-alert--info'}`}
    >
      <div className="usa-alert__body">
        {lines.map((line) => (
          <p key={line} className="usa-alert__text">
            {line}
          </p>
        ))}
      </div>
    </div>
  );
}
