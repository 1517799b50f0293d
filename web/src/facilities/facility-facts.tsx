import type { ReactNode } from 'react';
import { useI18n } from '../language.tsx';
import { Link } from '../router.tsx';
import type { FacilityDetail } from './api.ts';
import './facility-facts.css';

/** The capacity figures, occupancy and cells, each a number with its name. */
export function FacilityFacts({ facility }: { facility: FacilityDetail }) {
  const { t, fmt } = useI18n();
  const { capacity, occupancy } = facility;
  const active = facility.cells.filter((c) => c.status === 'active').length;
  const figure = (key: string, label: string, value: number, strong = false) => (
    <div className={`custodia-figure${strong ? ' custodia-figure--strong' : ''}`} data-figure={key}>
      <dt>{label}</dt>
      <dd>{fmt.number(value)}</dd>
    </div>
  );
  const group = (title: string, figures: ReactNode) => (
    <div className="custodia-figure-group">
      <h2 className="custodia-figure-group__title">{title}</h2>
      <dl className="custodia-figures-row">{figures}</dl>
    </div>
  );
  return (
    <div className="custodia-facility-facts">
      {group(
        t('facilities.capacity'),
        <>
          {figure('official', t('capacity.operational'), capacity.operationalCapacity)}
          {figure('bunks', t('facility.totalBunks'), capacity.bunks)}
          {figure('working', t('facility.totalWorking'), capacity.workingCapacity)}
        </>,
      )}
      {group(
        t('capacity.occupancy'),
        <>
          {figure('transferees', t('capacity.transferees'), occupancy.transferees)}
          {figure('local', t('capacity.local'), occupancy.local)}
          {figure('total', t('facilities.total'), occupancy.total, true)}
        </>,
      )}
      {group(
        t('facility.cells'),
        <>
          {figure('cells-active', t('facility.cellsActive'), active)}
          {figure('cells-inactive', t('facility.cellsInactive'), facility.cells.length - active)}
          {figure('waiting', t('facility.waiting'), occupancy.transferees - occupancy.housed)}
        </>,
      )}
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

/** The facility's other pages: allocation, regime log, incidents, isolation, releases due and compliance. */
export function FacilityLinks({ facility }: { facility: FacilityDetail }) {
  const { t } = useI18n();
  const base = `/facilities/${encodeURIComponent(facility.code)}`;
  const links: [string, string, string][] = [
    [`${base}/allocation`, t('facility.allocation'), t('facility.allocationHint')],
    [`${base}/regime`, t('facility.regime'), t('facility.regimeHint')],
    [`${base}/incidents`, t('facility.incidents'), t('facility.incidentsHint')],
    [`${base}/isolation`, t('isolation.title'), t('facility.isolationHint')],
    [`${base}/releases`, t('releasesDue.link'), t('releasesDue.linkHint')],
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
