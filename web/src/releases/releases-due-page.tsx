import { LiveStatus, LoadError } from '../components/load-status.tsx';
import { FacilityFrame } from '../custody/facility-frame.tsx';
import type { FacilityDetail } from '../facilities/api.ts';
import { useI18n } from '../language.tsx';
import { useApi } from '../use-api.ts';
import { type ReleasesDue, releasesDuePath } from './api.ts';
import { ReleasesTable } from './releases-table.tsx';

/**
 * A facility's releases due (docs/domain.md, Release dates): the people held there whose release date falls
 * in the next 90 days, and first anyone held past their date — an alarm until released or explained by a
 * court order.
 */
export function ReleasesDuePage({ id }: { id: string }) {
  return (
    <FacilityFrame id={id} title="releasesDue.title" titleFor="releasesDue.titleFor">
      {(facility) => <ReleasesDueView id={id} facility={facility} />}
    </FacilityFrame>
  );
}

function ReleasesDueView({ id, facility }: { id: string; facility: FacilityDetail }) {
  const { t, fmt } = useI18n();
  const [list, reload] = useApi<ReleasesDue>(releasesDuePath(id));
  const items = list.status === 'ok' ? list.data.items : [];
  return (
    <>
      <h1>{t('releasesDue.titleFor', { facility: facility.name })}</h1>
      <p className="usa-intro custodia-intro">{t('releasesDue.intro')}</p>
      <LiveStatus
        text={
          list.status === 'loading'
            ? t('app.loading')
            : list.status === 'ok'
              ? t(items.length === 1 ? 'releasesDue.statusOne' : 'releasesDue.status', {
                  n: fmt.number(items.length),
                })
              : ''
        }
      />
      {list.status === 'error' && <LoadError error={list.error} onRetry={reload} />}
      {list.status === 'ok' && items.length === 0 && (
        <p className="custodia-empty">{t('releasesDue.none')}</p>
      )}
      {items.length > 0 && (
        <ReleasesTable caption={t('releasesDue.caption', { facility: facility.name })} items={items} />
      )}
    </>
  );
}
