import { DataTable, FigureCells, FigureHeads } from '../billing/data-table.tsx';
import { useI18n } from '../language.tsx';
import type { ChartPoint } from './occupancy-plot.tsx';

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
    <DataTable caption={caption} compact>
      <thead>
        <tr>
          <th scope="col">{t('occupancy.date')}</th>
          <th scope="col">{t('occupancy.kind')}</th>
          <FigureHeads labels={FIGURES.map((key) => t(key))} />
        </tr>
      </thead>
      <tbody>
        {points.map(({ date, kind, point }) => (
          <tr key={date} data-kind={kind}>
            <th scope="row">
              <time dateTime={date}>{fmt.date(date)}</time>
            </th>
            <td>{kind === 'recorded' ? t('occupancy.recorded') : t('occupancy.forecast')}</td>
            <FigureCells
              texts={[
                fmt.number(point.transferees),
                fmt.number(point.local),
                fmt.number(point.total),
                'arrivals' in point ? fmt.number(point.arrivals) : '—',
                'releases' in point ? fmt.number(point.releases) : '—',
              ]}
            />
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
