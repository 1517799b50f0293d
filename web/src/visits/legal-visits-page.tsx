import { useState } from 'react';
import { useCan } from '../access.tsx';
import { ActionFeedback, useAction } from '../components/action-feedback.tsx';
import { LiveStatus, LoadError } from '../components/load-status.tsx';
import type { FacilityDetail } from '../custody/api.ts';
import { FacilityFrame } from '../custody/facility-frame.tsx';
import { StandardsLinks } from '../custody/standards-links.tsx';
import { useI18n } from '../language.tsx';
import { useApi } from '../use-api.ts';
import { type FacilityVisits, facilityVisitsPath, type LegalVisit } from './api.ts';
import { OutcomeForm } from './outcome-form.tsx';
import { RefuseForm } from './refuse-form.tsx';
import { ScheduleForm } from './schedule-form.tsx';
import { VisitTable } from './visit-table.tsx';

/**
 * A facility's legal visits (docs/domain.md, Legal visits): counsel's requests and what became of each,
 * and, for receiving custody, the forms that schedule or refuse a request and record a visit's outcome.
 */
export function LegalVisitsPage({ id }: { id: string }) {
  return (
    <FacilityFrame id={id} title="visits.title" titleFor="visits.titleFor">
      {(facility) => <LegalVisitsView id={id} facility={facility} />}
    </FacilityFrame>
  );
}

function LegalVisitsView({ id, facility }: { id: string; facility: FacilityDetail }) {
  const { t, fmt } = useI18n();
  const [list, reload, refresh] = useApi<FacilityVisits>(facilityVisitsPath(id));
  const visits = list.status === 'ok' ? list.data.visits : [];
  const canManage = useCan()('legal_visits:manage');
  const [chosen, setChosen] = useState<LegalVisit | null>(null);
  const action = useAction(() => {
    setChosen(null);
    refresh();
  });
  const open = (v: LegalVisit) => v.status === 'requested' || v.status === 'scheduled';
  return (
    <>
      <h1>{t('visits.titleFor', { facility: facility.name })}</h1>
      <p className="usa-intro custodia-intro">{t('visits.intro')}</p>
      <StandardsLinks id={id} current="legal-visits" />
      <LiveStatus
        text={
          list.status === 'loading'
            ? t('app.loading')
            : list.status === 'ok'
              ? t(visits.length === 1 ? 'visits.statusOne' : 'visits.status', {
                  n: fmt.number(visits.length),
                })
              : ''
        }
      />
      {list.status === 'error' && <LoadError error={list.error} onRetry={reload} />}
      {list.status === 'ok' && visits.length === 0 && <p className="custodia-empty">{t('visits.none')}</p>}
      {visits.length > 0 && (
        <VisitTable
          caption={t('visits.caption', { facility: facility.code })}
          visits={visits}
          showPerson
          {...(canManage
            ? {
                actLabel: t('visits.act'),
                act: (v: LegalVisit) =>
                  open(v) ? (
                    <button
                      type="button"
                      className="usa-button usa-button--outline usa-button--small"
                      aria-label={t('visits.chooseFor', { person: v.name })}
                      onClick={() => {
                        action.clear();
                        setChosen(v);
                      }}
                    >
                      {t('visits.choose')}
                    </button>
                  ) : null,
              }
            : {})}
        />
      )}
      <ActionFeedback state={action.state} />
      {canManage && chosen?.status === 'requested' && (
        <>
          <ScheduleForm key={`s-${chosen.id}`} visit={chosen} action={action} />
          <RefuseForm key={`r-${chosen.id}`} visit={chosen} action={action} />
        </>
      )}
      {canManage && chosen?.status === 'scheduled' && (
        <OutcomeForm key={`o-${chosen.id}`} visit={chosen} action={action} />
      )}
    </>
  );
}
