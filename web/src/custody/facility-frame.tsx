import type { ReactNode } from 'react';
import { DetailLoadError, LiveStatus } from '../components/load-status.tsx';
import { usePageTitle } from '../components/page-title.ts';
import type { MessageKey } from '../i18n.ts';
import { useI18n } from '../language.tsx';
import { Link } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { type FacilityDetail, facilityPath } from './api.ts';

/**
 * The frame of a facility's standards page (regime log, incidents, compliance): the link back to the
 * facility, the page title once the facility is known, its loading and its refusal; then the page itself.
 */
export function FacilityFrame({
  id,
  title,
  titleFor,
  children,
}: {
  id: string;
  /** The title before the facility is known, or when it is not found. */
  title: MessageKey;
  /** The title naming the facility, with a `{facility}` placeholder. */
  titleFor: MessageKey;
  children: (facility: FacilityDetail) => ReactNode;
}) {
  const { t } = useI18n();
  const [facility, reloadFacility] = useApi<FacilityDetail>(facilityPath(id));
  const name = facility.status === 'ok' ? facility.data.name : '';
  usePageTitle(name ? t(titleFor, { facility: name }) : t(title));
  return (
    <>
      <p className="margin-top-0">
        <Link href={`/facilities/${encodeURIComponent(id)}`} className="usa-link">
          ← {t('regime.common.backToFacility')}
        </Link>
      </p>
      {facility.status !== 'ok' && <h1>{t(title)}</h1>}
      <LiveStatus text={facility.status === 'loading' ? t('app.loading') : ''} />
      {facility.status === 'error' && (
        <DetailLoadError
          error={facility.error}
          onRetry={reloadFacility}
          notFoundText={t('regime.common.facilityNotFound')}
        />
      )}
      {facility.status === 'ok' && children(facility.data)}
    </>
  );
}
