import { ScrollRegion } from '../components/scroll-region.tsx';
import { useI18n } from '../language.tsx';
import type { ChartPoint } from './occupancy-plot.tsx';
import '../billing/scroll-region.css';

const FIGURES = [
  'capacity.transferees',
  'capacity.local',
  'facilities.total',
  'occupancy.arrivals',
  'occupancy.releases',
] as const;

/** The chart's days as a table: recorded or forecast, who was held, and the movements forecast. */
export function OccupancyTable({ points, caption }: { points: ChartPoint[]; caption: string }) {
  const { t, fmt } = useI18n();
  return (
    <ScrollRegion label={caption}>
      <table className="usa-table usa-table--borderless usa-table--compact custodia-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('occupancy.date')}</th>
            <th scope="col">{t('occupancy.kind')}</th>
            {FIGURES.map((key) => (
              <th key={key} scope="col" className="text-right">
                {t(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {points.map(({ date, kind, point }) => (
            <tr key={date} data-kind={kind}>
              <th scope="row">
                <time dateTime={date}>{fmt.date(date)}</time>
              </th>
              <td>{kind === 'recorded' ? t('occupancy.recorded') : t('occupancy.forecast')}</td>
              {[
                fmt.number(point.transferees),
                fmt.number(point.local),
                fmt.number(point.total),
                'arrivals' in point ? fmt.number(point.arrivals) : '—',
                'releases' in point ? fmt.number(point.releases) : '—',
              ].map((text, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed.
                <td key={i} className="text-right text-tabular">
                  {text}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
