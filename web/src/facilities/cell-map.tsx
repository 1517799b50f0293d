import { DataTable, FigureCells, FigureHeads } from '../billing/data-table.tsx';
import { useI18n } from '../language.tsx';
import type { CellView, FacilityDetail } from './api.ts';
import { CellTile, MapLegend } from './cell-tile.tsx';
import './cell-map.css';

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
export function CellMap({ facility }: { facility: FacilityDetail }) {
  const { t, fmt } = useI18n();
  if (facility.cells.length === 0) return <p className="custodia-empty">{t('facility.noCells')}</p>;
  return (
    <>
      <p>{t('facility.mapIntro')}</p>
      <MapLegend />
      <div className="custodia-map">
        {byModule(facility.cells).map(([module, cells]) => {
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
        <CellTable facility={facility} />
      </details>
    </>
  );
}

/** The map's figures as a table: a row a cell. */
function CellTable({ facility }: { facility: FacilityDetail }) {
  const { t, fmt } = useI18n();
  const caption = t('facility.mapCaption', { facility: facility.name });
  const share = (cell: CellView) =>
    cell.workingCapacity > 0 ? fmt.percent(cell.occupancy.total / cell.workingCapacity) : '—';
  const figures = [
    'capacity.transferees',
    'capacity.local',
    'facility.occupants',
    'capacity.working',
    'facility.share',
    'facility.bunksCol',
  ] as const;
  return (
    <DataTable caption={caption} compact>
      <thead>
        <tr>
          <th scope="col">{t('facility.cell')}</th>
          <th scope="col">{t('facility.moduleCol')}</th>
          <FigureHeads labels={figures.map((key) => t(key))} />
          <th scope="col">{t('common.status')}</th>
        </tr>
      </thead>
      <tbody>
        {facility.cells.map((cell) => (
          <tr key={cell.id} data-cell={cell.code}>
            <th scope="row">{cell.code}</th>
            <td>{cell.module}</td>
            <FigureCells
              texts={[
                fmt.number(cell.occupancy.transferees),
                fmt.number(cell.occupancy.local),
                fmt.number(cell.occupancy.total),
                fmt.number(cell.workingCapacity),
                share(cell),
                fmt.number(cell.bunks),
              ]}
            />
            <td>
              {cell.status === 'active'
                ? t('facility.active')
                : `${t('facility.inactive')}${cell.statusReason ? `: ${cell.statusReason}` : ''}`}
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
