import { DetailLoadError, LiveStatus } from '../components/load-status.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { WhatYouMaySee } from '../dashboard/what-you-may-see.tsx';
import { useI18n } from '../language.tsx';
import { LocatorResult } from '../locator/locator-result.tsx';
import { FAMILY_PERSON_PATH, type FamilyPerson } from '../parties/api.ts';
import { useApi } from '../use-api.ts';
import { FamilyNextHearing } from './next-hearing.tsx';

/**
 * The family view, a family contact's home: the public locator's answer for their person (status, since
 * when, the facility and its address; never the cell), their next hearing, and what the role may see.
 */
export function FamilyPage() {
  const { t } = useI18n();
  const [state, reload] = useApi<FamilyPerson>(FAMILY_PERSON_PATH);
  usePageTitle(t('family.title'));
  return (
    <>
      <h1>{t('family.title')}</h1>
      <p className="usa-intro">{t('family.intro')}</p>
      <LiveStatus text={state.status === 'loading' ? t('app.loading') : ''} />
      {state.status === 'error' && (
        <DetailLoadError error={state.error} onRetry={reload} notFoundText={t('family.notFound')} />
      )}
      {state.status === 'ok' && <LocatorResult outcome={{ answer: { match: true, ...state.data } }} />}
      {state.status === 'ok' && <FamilyNextHearing />}
      <WhatYouMaySee readWords={{ 'hearings:read': t('family.may.hearing') }} />
    </>
  );
}
