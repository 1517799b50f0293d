import { type ReactNode, useId, useState } from 'react';
import type { User } from '../api.ts';
import { DetailLoadError, LiveStatus, LoadError } from '../components/load-status.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { useI18n } from '../language.tsx';
import { Link } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { wallClockIn } from '../zoned-time.ts';
import {
  type CellView,
  type FacilityDetail,
  type ForecastPoint,
  facilityPath,
  type OccupancyPoint,
  type OccupancyReport,
  occupancyPath,
} from './api.ts';
import './facility-page.css';

/**
 * One facility: its capacity figures and occupancy side by side, the map of its modules and cells
 * coloured by how full each is, its occupancy by day with the 90-day forecast, and links to its
 * allocation, regime log, incidents and compliance pages. `id` is the facility's id or its code.
 */
export function FacilityPage({ id }: { id: string; user: User }) {
  const { t } = useI18n();
  const [state, reload] = useApi<FacilityDetail>(facilityPath(id));
  usePageTitle(state.status === 'ok' ? state.data.name : t('facilities.title'));

  return (
    <>
      <p className="margin-top-0">
        <Link href="/facilities" className="usa-link">
          ← {t('facility.back')}
        </Link>
      </p>
      {state.status !== 'ok' && <h1>{t('facilities.title')}</h1>}
      <LiveStatus text={state.status === 'loading' ? t('app.loading') : ''} />
      {state.status === 'error' && (
        <DetailLoadError error={state.error} onRetry={reload} notFoundText={t('facility.notFound')} />
      )}
      {state.status === 'ok' && <FacilityView facility={state.data} />}
    </>
  );
}

function Section({ title, children, className }: { title: string; children: ReactNode; className?: string }) {
  const id = useId();
  return (
    <section className={`custodia-section ${className ?? ''}`} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function FacilityView({ facility }: { facility: FacilityDetail }) {
  const { t } = useI18n();
  return (
    <>
      <h1>
        {facility.name} <span className="custodia-code">{facility.code}</span>
      </h1>
      <p className="margin-top-0 text-base">
        {t('facility.timeZone', { zone: facility.timeZone })}
        {facility.location ? ` · ${facility.location}` : ''}
      </p>
      <FacilityFacts facility={facility} />
      <FacilityLinks facility={facility} />
      <Section title={t('facility.map')} className="custodia-map-section">
        <FacilityMap facility={facility} />
      </Section>
      <Section title={t('occupancy.title')} className="custodia-occupancy-section">
        <OccupancyChart facility={facility} />
      </Section>
    </>
  );
}

/** The capacity figures, occupancy and cells, each a number with its name. */
function FacilityFacts({ facility }: { facility: FacilityDetail }) {
  const { t, fmt } = useI18n();
  const { capacity, occupancy } = facility;
  const active = facility.cells.filter((c) => c.status === 'active').length;
  const figure = (key: string, label: string, value: ReactNode, strong = false) => (
    <div className={`custodia-figure${strong ? ' custodia-figure--strong' : ''}`} data-figure={key}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <div className="custodia-facility-facts">
      <div className="custodia-figure-group">
        <h2 className="custodia-figure-group__title">{t('facilities.capacity')}</h2>
        <dl className="custodia-figures-row">
          {figure('official', t('capacity.operational'), fmt.number(capacity.operationalCapacity))}
          {figure('bunks', t('facility.totalBunks'), fmt.number(capacity.bunks))}
          {figure('working', t('facility.totalWorking'), fmt.number(capacity.workingCapacity))}
        </dl>
      </div>
      <div className="custodia-figure-group">
        <h2 className="custodia-figure-group__title">{t('capacity.occupancy')}</h2>
        <dl className="custodia-figures-row">
          {figure('transferees', t('capacity.transferees'), fmt.number(occupancy.transferees))}
          {figure('local', t('capacity.local'), fmt.number(occupancy.local))}
          {figure('total', t('facilities.total'), fmt.number(occupancy.total), true)}
        </dl>
      </div>
      <div className="custodia-figure-group">
        <h2 className="custodia-figure-group__title">{t('facility.cells')}</h2>
        <dl className="custodia-figures-row">
          {figure('cells-active', t('facility.cellsActive'), fmt.number(active))}
          {figure('cells-inactive', t('facility.cellsInactive'), fmt.number(facility.cells.length - active))}
          {figure('waiting', t('facility.waiting'), fmt.number(occupancy.transferees - occupancy.housed))}
        </dl>
      </div>
      {capacity.bunks > 0 && capacity.operationalCapacity > capacity.bunks && (
        <p className="custodia-facility-facts__note">
          {t('capacity.overBunks', {
            diff: fmt.number(capacity.operationalCapacity - capacity.bunks),
            ratio: fmt.decimal(capacity.operationalCapacity / capacity.bunks),
          })}
        </p>
      )}
    </div>
  );
}

/** The facility's other pages. */
function FacilityLinks({ facility }: { facility: FacilityDetail }) {
  const { t } = useI18n();
  const base = `/facilities/${encodeURIComponent(facility.code)}`;
  const links: [string, string, string][] = [
    [`${base}/allocation`, t('facility.allocation'), t('facility.allocationHint')],
    [`${base}/regime`, t('facility.regime'), t('facility.regimeHint')],
    [`${base}/incidents`, t('facility.incidents'), t('facility.incidentsHint')],
    [`${base}/compliance`, t('facility.compliance'), t('facility.complianceHint')],
  ];
  return (
    <nav aria-label={t('facility.pages')} className="custodia-facility-links">
      <ul>
        {links.map(([href, name, hint]) => (
          <li key={href}>
            <Link href={href} className="custodia-facility-links__link">
              <span className="custodia-facility-links__name">{name}</span>
              <span className="custodia-facility-links__hint">{hint}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** How full a cell is, against its working capacity; the tile's colour repeats it. */
type Band = 'empty' | 'low' | 'mid' | 'high' | 'full' | 'inactive';
const BANDS: readonly Band[] = ['empty', 'low', 'mid', 'high', 'full', 'inactive'];

function bandOf(cell: CellView): Band {
  if (cell.status !== 'active') return 'inactive';
  const total = cell.occupancy.total;
  if (total === 0) return 'empty';
  if (cell.workingCapacity <= 0) return 'full';
  const ratio = total / cell.workingCapacity;
  return ratio < 0.5 ? 'low' : ratio < 0.9 ? 'mid' : ratio < 1 ? 'high' : 'full';
}

/** Cells grouped by module, in the order the API gives them (module, then cell code). */
function byModule(cells: readonly CellView[]): [string, CellView[]][] {
  const modules = new Map<string, CellView[]>();
  for (const cell of cells) {
    const list = modules.get(cell.module) ?? [];
    list.push(cell);
    modules.set(cell.module, list);
  }
  return [...modules];
}

/**
 * The map: each module a grid of tiles, each tile a cell with its code, the people in it against its
 * working capacity and its bunks, coloured by how full it is (inactive cells hatched, with the reason).
 * The same figures follow in a table, for readers who cannot use the colours or the grid.
 */
function FacilityMap({ facility }: { facility: FacilityDetail }) {
  const { t, fmt } = useI18n();
  if (facility.cells.length === 0) return <p className="custodia-empty">{t('facility.noCells')}</p>;
  const modules = byModule(facility.cells);
  const share = (cell: CellView) =>
    cell.workingCapacity > 0 ? fmt.percent(cell.occupancy.total / cell.workingCapacity) : '—';
  return (
    <>
      <p>{t('facility.mapIntro')}</p>
      <MapLegend />
      <div className="custodia-map">
        {modules.map(([module, cells]) => {
          const occupants = cells.reduce((sum, c) => sum + c.occupancy.total, 0);
          const working = cells.reduce((sum, c) => sum + (c.status === 'active' ? c.workingCapacity : 0), 0);
          const transferees = cells.reduce((sum, c) => sum + c.occupancy.transferees, 0);
          return (
            <section
              key={module}
              className="custodia-map__module"
              aria-label={t('facility.module', { module })}
            >
              <h3 className="custodia-map__module-title">
                {t('facility.module', { module })}{' '}
                <span className="custodia-map__module-summary">
                  {t('facility.moduleSummary', {
                    occupants: fmt.number(occupants),
                    working: fmt.number(working),
                    pct: working > 0 ? fmt.percent(occupants / working) : '—',
                    transferees: fmt.number(transferees),
                  })}
                </span>
              </h3>
              <ul className="custodia-map__cells">
                {cells.map((cell) => (
                  <CellTile key={cell.id} cell={cell} />
                ))}
              </ul>
            </section>
          );
        })}
      </div>
      <details className="custodia-details custodia-map-table">
        <summary>{t('facility.mapTable')}</summary>
        <div className="usa-table-container--scrollable">
          <table className="usa-table usa-table--borderless usa-table--compact custodia-table">
            <caption>{t('facility.mapCaption', { facility: facility.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('facility.cell')}</th>
                <th scope="col">{t('facility.moduleCol')}</th>
                <th scope="col" className="text-right">
                  {t('capacity.transferees')}
                </th>
                <th scope="col" className="text-right">
                  {t('capacity.local')}
                </th>
                <th scope="col" className="text-right">
                  {t('facility.occupants')}
                </th>
                <th scope="col" className="text-right">
                  {t('capacity.working')}
                </th>
                <th scope="col" className="text-right">
                  {t('facility.share')}
                </th>
                <th scope="col" className="text-right">
                  {t('facility.bunksCol')}
                </th>
                <th scope="col">{t('common.status')}</th>
              </tr>
            </thead>
            <tbody>
              {facility.cells.map((cell) => (
                <tr key={cell.id} data-cell={cell.code}>
                  <th scope="row">{cell.code}</th>
                  <td>{cell.module}</td>
                  <td className="text-right text-tabular">{fmt.number(cell.occupancy.transferees)}</td>
                  <td className="text-right text-tabular">{fmt.number(cell.occupancy.local)}</td>
                  <td className="text-right text-tabular">{fmt.number(cell.occupancy.total)}</td>
                  <td className="text-right text-tabular">{fmt.number(cell.workingCapacity)}</td>
                  <td className="text-right text-tabular">{share(cell)}</td>
                  <td className="text-right text-tabular">{fmt.number(cell.bunks)}</td>
                  <td>
                    {cell.status === 'active'
                      ? t('facility.active')
                      : `${t('facility.inactive')}${cell.statusReason ? `: ${cell.statusReason}` : ''}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}

function useBandLabel(): (band: Band) => string {
  const { t } = useI18n();
  return (band) => t(`facility.band.${band}`);
}

function MapLegend() {
  const { t } = useI18n();
  const bandLabel = useBandLabel();
  return (
    <div className="custodia-map-legend">
      <h3 className="usa-sr-only">{t('facility.legend')}</h3>
      <ul className="custodia-map-legend__bands">
        {BANDS.map((band) => (
          <li key={band} className="custodia-map-legend__item">
            <span className={`custodia-map-legend__swatch custodia-tile--${band}`} aria-hidden="true" />
            {bandLabel(band)}
          </li>
        ))}
        <li className="custodia-map-legend__item">
          <span className="custodia-tile__transferees custodia-map-legend__badge" aria-hidden="true">
            1
          </span>
          {t('facility.legendTransferees')}
        </li>
      </ul>
    </div>
  );
}

function CellTile({ cell }: { cell: CellView }) {
  const { t, fmt } = useI18n();
  const bandLabel = useBandLabel();
  const band = bandOf(cell);
  const description = t('facility.tileLabel', {
    cell: cell.code,
    occupants: fmt.number(cell.occupancy.total),
    working: fmt.number(cell.workingCapacity),
    bunks: fmt.number(cell.bunks),
    transferees: fmt.number(cell.occupancy.transferees),
    band: bandLabel(band),
  });
  const reason = band === 'inactive' ? cell.statusReason || t('facility.inactive') : null;
  return (
    <li
      className={`custodia-tile custodia-tile--${band}`}
      data-cell={cell.code}
      data-occupancy={cell.occupancy.total}
      data-capacity={cell.workingCapacity}
      data-transferees={cell.occupancy.transferees}
      data-band={band}
      title={reason ? `${description} ${reason}` : description}
    >
      <span className="custodia-tile__code">{cell.code}</span>
      <span className="custodia-tile__load" aria-hidden="true">
        {fmt.number(cell.occupancy.total)}/{fmt.number(cell.workingCapacity)}
      </span>
      <span className="custodia-tile__bunks" aria-hidden="true">
        {t('facility.tileBunks', { n: fmt.number(cell.bunks) })}
      </span>
      {reason && <span className="custodia-tile__reason">{reason}</span>}
      {cell.occupancy.transferees > 0 && (
        <span className="custodia-tile__transferees" aria-hidden="true">
          {fmt.number(cell.occupancy.transferees)}
        </span>
      )}
      <span className="usa-sr-only">{description}</span>
    </li>
  );
}

/** `YYYY-MM-DD` moved by `days` calendar days. */
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The smallest "round" number (1, 2, 2.5 or 5 times a power of ten) at or above `value`. */
function niceCeil(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

const PERIODS = [30, 90, 365] as const;
type Measure = 'total' | 'transferees';

const CHART = { width: 760, height: 340, top: 20, right: 20, bottom: 48, left: 68 } as const;

interface ChartPoint {
  date: string;
  kind: 'recorded' | 'forecast';
  point: OccupancyPoint | ForecastPoint;
}

/**
 * Occupancy by day: the recorded days solid, the 90-day forecast dashed, with the capacity lines. Either
 * everyone held (against the working and official capacity) or the transferees alone (against the room
 * the working capacity leaves them beside the local population). A sentence and a table say the same.
 */
function OccupancyChart({ facility }: { facility: FacilityDetail }) {
  const { t, fmt } = useI18n();
  const id = useId();
  const [period, setPeriod] = useState<(typeof PERIODS)[number]>(90);
  const [measure, setMeasure] = useState<Measure>('total');
  const today = wallClockIn(facility.timeZone).slice(0, 10);
  const from = addDays(today, -(period - 1));
  const [state, reload] = useApi<OccupancyReport>(occupancyPath(facility.id, from, today));

  const controls = (
    <div className="custodia-occupancy-controls">
      <div>
        <label className="usa-label" htmlFor={`${id}-period`}>
          {t('occupancy.period')}
        </label>
        <select
          id={`${id}-period`}
          className="usa-select"
          value={period}
          onChange={(event) => setPeriod(Number(event.target.value) as (typeof PERIODS)[number])}
        >
          {PERIODS.map((days) => (
            <option key={days} value={days}>
              {t('occupancy.lastDays', { n: days })}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="usa-fieldset">
        <legend className="usa-legend">{t('occupancy.measure')}</legend>
        {(['total', 'transferees'] as const).map((value) => (
          <div key={value} className="usa-radio">
            <input
              className="usa-radio__input"
              type="radio"
              id={`${id}-${value}`}
              name={`${id}-measure`}
              value={value}
              checked={measure === value}
              onChange={() => setMeasure(value)}
            />
            <label className="usa-radio__label" htmlFor={`${id}-${value}`}>
              {value === 'total' ? t('occupancy.measureTotal') : t('occupancy.measureTransferees')}
            </label>
          </div>
        ))}
      </fieldset>
    </div>
  );

  if (state.status === 'loading')
    return (
      <>
        {controls}
        <LiveStatus text={t('app.loading')} />
      </>
    );
  if (state.status === 'error')
    return (
      <>
        {controls}
        <LoadError error={state.error} onRetry={reload} />
      </>
    );

  const report = state.data;
  const points: ChartPoint[] = [
    ...report.history.map((point) => ({ date: point.date, kind: 'recorded' as const, point })),
    ...report.forecast.map((point) => ({ date: point.date, kind: 'forecast' as const, point })),
  ];
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
  const yTicks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * yMax);
  const dayFormat = new Intl.DateTimeFormat(fmt.locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  const dateLabel = (date: string) => dayFormat.format(new Date(`${date}T00:00:00Z`));
  const step = points.length > 200 ? 'month' : points.length > 100 ? 'half' : 'week';
  const xTicks = points
    .map((p, i) => ({ date: p.date, i }))
    .filter(({ date, i }) => {
      const day = Number(date.slice(8, 10));
      if (step === 'month') return day === 1;
      if (step === 'half') return day === 1 || day === 15;
      return i % 14 === 0;
    });

  const todayPoint = report.history.at(-1);
  const end = report.forecast.at(-1);
  const arrivals = report.forecast.reduce((sum, p) => sum + p.arrivals, 0);
  const releases = report.forecast.reduce((sum, p) => sum + p.releases, 0);
  const summary =
    todayPoint && end
      ? t('occupancy.summary', {
          total: fmt.number(todayPoint.total),
          transferees: fmt.number(todayPoint.transferees),
          date: fmt.date(end.date),
          forecastTotal: fmt.number(end.total),
          forecastTransferees: fmt.number(end.transferees),
          arrivals: fmt.number(arrivals),
          releases: fmt.number(releases),
          days: report.forecast.length,
        })
      : t('occupancy.noData');
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
      <svg
        className="custodia-occupancy-chart"
        viewBox={`0 0 ${CHART.width} ${CHART.height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        data-measure={measure}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {yTicks.map((tick) => (
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
        {xTicks.map(({ date, i }) => (
          <g key={date}>
            <line
              x1={x(i)}
              x2={x(i)}
              y1={CHART.top + plotH}
              y2={CHART.top + plotH + 5}
              className="custodia-occupancy-chart__axis"
            />
            <text
              x={x(i)}
              y={CHART.top + plotH + 20}
              textAnchor="middle"
              className="custodia-occupancy-chart__tick"
            >
              {dateLabel(date)}
            </text>
          </g>
        ))}
        <line
          x1={CHART.left}
          x2={CHART.left + plotW}
          y1={CHART.top + plotH}
          y2={CHART.top + plotH}
          className="custodia-occupancy-chart__axis"
        />
        <line
          x1={CHART.left}
          x2={CHART.left}
          y1={CHART.top}
          y2={CHART.top + plotH}
          className="custodia-occupancy-chart__axis"
        />
        <text
          x={CHART.left + plotW / 2}
          y={CHART.height - 6}
          textAnchor="middle"
          className="custodia-occupancy-chart__axis-label"
        >
          {t('occupancy.axisDate', { zone: facility.timeZone })}
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
            <line x1={x(last)} x2={x(last)} y1={CHART.top} y2={CHART.top + plotH} />
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
      <details className="custodia-details custodia-occupancy-table">
        <summary>{t('occupancy.table')}</summary>
        <div className="usa-table-container--scrollable">
          <table className="usa-table usa-table--borderless usa-table--compact custodia-table">
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('occupancy.date')}</th>
                <th scope="col">{t('occupancy.kind')}</th>
                <th scope="col" className="text-right">
                  {t('capacity.transferees')}
                </th>
                <th scope="col" className="text-right">
                  {t('capacity.local')}
                </th>
                <th scope="col" className="text-right">
                  {t('facilities.total')}
                </th>
                <th scope="col" className="text-right">
                  {t('occupancy.arrivals')}
                </th>
                <th scope="col" className="text-right">
                  {t('occupancy.releases')}
                </th>
              </tr>
            </thead>
            <tbody>
              {points.map(({ date, kind, point }) => (
                <tr key={date} data-kind={kind}>
                  <th scope="row">
                    <time dateTime={date}>{fmt.date(date)}</time>
                  </th>
                  <td>{kind === 'recorded' ? t('occupancy.recorded') : t('occupancy.forecast')}</td>
                  <td className="text-right text-tabular">{fmt.number(point.transferees)}</td>
                  <td className="text-right text-tabular">{fmt.number(point.local)}</td>
                  <td className="text-right text-tabular">{fmt.number(point.total)}</td>
                  <td className="text-right text-tabular">
                    {'arrivals' in point ? fmt.number(point.arrivals) : '—'}
                  </td>
                  <td className="text-right text-tabular">
                    {'releases' in point ? fmt.number(point.releases) : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
