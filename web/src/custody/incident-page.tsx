import { useCallback } from 'react';
import { useCan } from '../access.tsx';
import { useAction } from '../components/action-feedback.tsx';
import { DetailLoadError, LiveStatus } from '../components/load-status.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { Section } from '../components/section.tsx';
import { useI18n } from '../language.tsx';
import { Link } from '../router.tsx';
import { useApi } from '../use-api.ts';
import {
  type FacilityDetail,
  facilityPath,
  INCIDENT_TRANSITIONS,
  type IncidentDetail,
  incidentPath,
  type PersonBrief,
  personBriefPath,
  personName,
} from './api.ts';
import { DeathNotifications } from './death-notifications.tsx';
import { IncidentHistory } from './incident-history.tsx';
import { StatusForm } from './incident-status-form.tsx';
import { IncidentStatusTag } from './incident-status-tag.tsx';
import './incident-page.css';

/**
 * One incident (docs/domain.md, Custody → Incidents): what happened, where and to whom, its history, and the
 * status workflow `open → under_review → closed | reopened`. A death in custody also shows whether next
 * of kin (Mandela Rule 69) and an independent authority (Rule 71) were told, each within 24 hours.
 * Receiving custody changes the status and records the notifications; the server decides, and a refusal
 * (closing a death before both are notified) shows its explanation as given.
 */
export function IncidentPage({ id }: { id: string }) {
  const { t } = useI18n();
  const [state, reload, refresh] = useApi<IncidentDetail>(incidentPath(id));
  const kind = state.status === 'ok' ? state.data.kind : null;
  usePageTitle(kind ? t('incident.titleFor', { kind: t(`incident.kind.${kind}`) }) : t('incident.title'));
  return (
    <>
      {state.status !== 'ok' && <h1>{t('incident.title')}</h1>}
      <LiveStatus text={state.status === 'loading' ? t('app.loading') : ''} />
      {state.status === 'error' && (
        <DetailLoadError error={state.error} onRetry={reload} notFoundText={t('incident.notFound')} />
      )}
      {state.status === 'ok' && <IncidentView incident={state.data} onChanged={refresh} />}
    </>
  );
}

function IncidentView({ incident, onChanged }: { incident: IncidentDetail; onChanged: () => void }) {
  const { t, fmt } = useI18n();
  const [facilityState] = useApi<FacilityDetail>(facilityPath(incident.facility_id));
  const [personState] = useApi<PersonBrief>(incident.person_id ? personBriefPath(incident.person_id) : null);
  const facility = facilityState.status === 'ok' ? facilityState.data : null;
  const person = incident.person_id && personState.status === 'ok' ? personState.data : null;
  const zone = facility?.timeZone ?? 'UTC';
  const when = (iso: string) => fmt.zoned(iso, zone);
  const cellCode = incident.cell_id ? facility?.cells.find((c) => c.id === incident.cell_id)?.code : null;
  const can = useCan();
  const death = incident.kind === 'death_in_custody';
  const statusAction = useAction(onChanged);
  const { clear: clearStatus } = statusAction;
  // A notification recorded after a refused close makes that refusal stale: it is cleared.
  const noticeRecorded = useCallback(() => {
    clearStatus();
    onChanged();
  }, [clearStatus, onChanged]);
  const facilityHref = `/facilities/${encodeURIComponent(facility?.code ?? incident.facility_id)}`;
  // Times are shown in the facility's zone: wait for it (were it to fail, they are shown in UTC).
  if (facilityState.status === 'loading') return <LiveStatus text={t('app.loading')} />;

  return (
    <>
      <p className="margin-top-0">
        <Link href={`${facilityHref}/incidents`} className="usa-link">
          ← {t('incident.back', { facility: facility?.name ?? '' })}
        </Link>
      </p>
      <h1>
        {t('incident.titleFor', { kind: t(`incident.kind.${incident.kind}`) })}{' '}
        <IncidentStatusTag status={incident.status} />
      </h1>
      <dl className="custodia-summary custodia-incident-facts" data-incident-id={incident.id}>
        <dt>{t('incident.kind')}</dt>
        <dd data-kind={incident.kind}>{t(`incident.kind.${incident.kind}`)}</dd>
        <dt>{t('common.status')}</dt>
        <dd>{t(`incident.status.${incident.status}`)}</dd>
        <dt>{t('incident.occurredAt')}</dt>
        <dd>
          <time dateTime={incident.occurred_at}>{when(incident.occurred_at)}</time>
        </dd>
        <dt>{t('incident.reportedAt')}</dt>
        <dd>{t('incident.reportedBy', { time: when(incident.reported_at), by: incident.reported_by })}</dd>
        <dt>{t('incident.facility')}</dt>
        <dd>{facility ? `${facility.name} (${facility.code})` : incident.facility_id}</dd>
        <dt>{t('incident.cell')}</dt>
        <dd className={incident.cell_id ? 'custodia-mono' : undefined}>
          {incident.cell_id ? (cellCode ?? incident.cell_id) : t('incident.noCell')}
        </dd>
        <dt>{t('incident.person')}</dt>
        <dd>
          {incident.person_id ? (
            <Link href={`/people/${encodeURIComponent(incident.person_id)}`} className="usa-link">
              {person ? `${personName(person.names)} (${person.ref})` : incident.person_id}
            </Link>
          ) : (
            t('incident.noPerson')
          )}
        </dd>
        <dt>{t('incident.description')}</dt>
        <dd className="custodia-incident-description">{incident.description}</dd>
      </dl>

      {death && facility && (
        <DeathNotifications
          incident={incident}
          zone={zone}
          canAct={can('death_notice:record')}
          onChanged={noticeRecorded}
        />
      )}

      {can('incident:change_status') && INCIDENT_TRANSITIONS[incident.status].length > 0 && (
        <Section title={t('incident.changeStatus')}>
          <StatusForm incident={incident} runner={statusAction} />
        </Section>
      )}

      <Section title={t('incident.history')}>
        <IncidentHistory incident={incident} zone={zone} />
      </Section>
    </>
  );
}
