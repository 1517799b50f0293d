import { useI18n } from '../language.tsx';
import type { CellView } from './api.ts';
import './cell-map.css';

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

/** The map's legend: each band's colour with its name, and the badge that counts transferees. */
export function MapLegend() {
  const { t, fmt } = useI18n();
  return (
    <div className="custodia-map-legend">
      <h3 className="usa-sr-only">{t('facility.legend')}</h3>
      <ul className="custodia-map-legend__bands">
        {BANDS.map((band) => (
          <li key={band} className="custodia-map-legend__item">
            <span className={`custodia-map-legend__swatch custodia-tile--${band}`} aria-hidden="true" />
            {t(`facility.band.${band}`)}
          </li>
        ))}
        <li className="custodia-map-legend__item">
          <span className="custodia-tile__transferees custodia-map-legend__badge" aria-hidden="true">
            {fmt.number(1)}
          </span>
          {t('facility.legendTransferees')}
        </li>
      </ul>
    </div>
  );
}

/**
 * A cell on the map: its code, the people in it against its working capacity and its bunks, coloured by
 * how full it is (an inactive cell hatched, with the reason), and a badge counting the transferees.
 */
export function CellTile({ cell }: { cell: CellView }) {
  const { t, fmt } = useI18n();
  const band = bandOf(cell);
  const description = t('facility.tileLabel', {
    cell: cell.code,
    occupants: fmt.number(cell.occupancy.total),
    working: fmt.number(cell.workingCapacity),
    bunks: fmt.number(cell.bunks),
    transferees: fmt.number(cell.occupancy.transferees),
    band: t(`facility.band.${band}`),
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
