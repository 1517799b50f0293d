import { useCan } from '../access.tsx';
import { LiveStatus, LoadError } from '../components/load-status.tsx';
import { useI18n } from '../language.tsx';
import { useApi } from '../use-api.ts';
import type { FacilityDetail } from './api.ts';
import { FacilityFrame } from './facility-frame.tsx';
import { type FacilityIsolation, isolationPath } from './isolation-api.ts';
import { IsolationStartForm } from './isolation-start-form.tsx';
import { IsolationTable } from './isolation-table.tsx';
import { StandardsLinks } from './standards-links.tsx';

/**
 * A facility's isolation placements (docs/domain.md, Isolation): the people in an isolation or punishment
 * cell now — where, since when, how many days, the cell's lighting, who authorised it and why — and, for
 * receiving custody, the forms that start a placement and end one.
 */
export function IsolationPage({ id }: { id: string }) {
  return (
    <FacilityFrame id={id} title="isolation.title" titleFor="isolation.titleFor">
      {(facility) => <IsolationView id={id} facility={facility} />}
    </FacilityFrame>
  );
}

function IsolationView({ id, facility }: { id: string; facility: FacilityDetail }) {
  const { t, fmt } = useI18n();
  const [list, reload, refresh] = useApi<FacilityIsolation>(isolationPath(id, true));
  const placements = list.status === 'ok' ? list.data.placements : [];
  const canRecord = useCan()('isolation:record');
  return (
    <>
      <h1>{t('isolation.titleFor', { facility: facility.name })}</h1>
      <p className="usa-intro custodia-intro">{t('isolation.intro')}</p>
      <StandardsLinks id={id} current="isolation" />
      <h2>{t('isolation.current')}</h2>
      <LiveStatus
        text={
          list.status === 'loading'
            ? t('app.loading')
            : list.status === 'ok'
              ? t(placements.length === 1 ? 'isolation.statusOne' : 'isolation.status', {
                  n: fmt.number(placements.length),
                })
              : ''
        }
      />
      {list.status === 'error' && <LoadError error={list.error} onRetry={reload} />}
      {list.status === 'ok' && placements.length === 0 && (
        <p className="custodia-empty">{t('isolation.noneCurrent')}</p>
      )}
      {placements.length > 0 && (
        <IsolationTable facility={facility} placements={placements} canEnd={canRecord} onEnded={refresh} />
      )}
      {canRecord && <IsolationStartForm id={id} facility={facility} onDone={refresh} />}
    </>
  );
}
