import type { User } from '../api.ts';
import { DetailLoadError, LiveStatus } from '../components/load-status.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { Section } from '../components/section.tsx';
import { useI18n } from '../language.tsx';
import { Link } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { type FacilityDetail, facilityPath } from './api.ts';
import { CellMap } from './cell-map.tsx';
import { FacilityFacts, FacilityLinks } from './facility-facts.tsx';
import { OccupancyChart } from './occupancy-chart.tsx';

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
        <CellMap facility={facility} />
      </Section>
      <Section title={t('occupancy.title')} className="custodia-occupancy-section">
        <OccupancyChart facility={facility} />
      </Section>
    </>
  );
}
