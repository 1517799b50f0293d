import { useId } from 'react';
import { useCan } from '../access.tsx';
import { SelectField } from '../components/fields.tsx';
import { LiveStatus, LoadError } from '../components/load-status.tsx';
import { useI18n } from '../language.tsx';
import { navigate, useLocation, withQuery } from '../router.tsx';
import { useApi } from '../use-api.ts';
import {
  type FacilityDetail,
  INCIDENT_STATUSES,
  type IncidentList,
  incidentsPath,
  isIncidentStatus,
} from './api.ts';
import { FacilityFrame } from './facility-frame.tsx';
import { HeadcountForm } from './headcount-form.tsx';
import { IncidentsTable } from './incidents-table.tsx';
import { ReportIncident } from './report-incident-form.tsx';
import { StandardsLinks } from './standards-links.tsx';

/**
 * A facility's incidents (docs/domain.md, Custody → Incidents), newest first, filtered by status in the URL:
 * kind, status, when it happened (in the facility's zone), the person and the cell. Receiving custody
 * records a headcount here — a count that differs from the people held is reported as an incident — and
 * reports an incident.
 */
export function IncidentsPage({ id }: { id: string }) {
  return (
    <FacilityFrame id={id} title="incidents.title" titleFor="incidents.titleFor">
      {(facility) => <IncidentsView id={id} facility={facility} />}
    </FacilityFrame>
  );
}

function IncidentsView({ id, facility }: { id: string; facility: FacilityDetail }) {
  const { t, fmt } = useI18n();
  const formId = useId();
  const { search } = useLocation();
  const requested = search.get('status');
  const status = isIncidentStatus(requested) ? requested : null;
  const [list, reload, refresh] = useApi<IncidentList>(incidentsPath(id, status));
  const here = `/facilities/${encodeURIComponent(id)}/incidents`;
  const incidents = list.status === 'ok' ? list.data.incidents : [];
  const can = useCan();

  return (
    <>
      <h1>{t('incidents.titleFor', { facility: facility.name })}</h1>
      <p className="usa-intro custodia-intro">{t('incidents.intro')}</p>
      <StandardsLinks id={id} current="incidents" />

      <div className="custodia-filters__row">
        <SelectField
          id={`${formId}-status`}
          label={t('incidents.filterStatus')}
          className="margin-top-0"
          placeholder={t('incidents.allStatuses')}
          choices={INCIDENT_STATUSES.map((s) => ({ value: s, label: t(`incident.status.${s}`) }))}
          value={status ?? ''}
          onChange={(value) => navigate(withQuery(here, { status: value }))}
        />
      </div>

      <LiveStatus
        text={
          list.status === 'loading'
            ? t('app.loading')
            : list.status === 'ok'
              ? t(incidents.length === 1 ? 'incidents.statusOne' : 'incidents.status', {
                  n: fmt.number(incidents.length),
                })
              : ''
        }
      />
      {list.status === 'error' && <LoadError error={list.error} onRetry={reload} />}
      {list.status === 'ok' && incidents.length === 0 && (
        <p className="custodia-empty">{status ? t('incidents.noneWithStatus') : t('incidents.none')}</p>
      )}
      {incidents.length > 0 && <IncidentsTable facility={facility} incidents={incidents} status={status} />}

      {can('headcount:record') && <HeadcountForm id={id} onDone={refresh} />}
      {can('incident:report') && <ReportIncident id={id} facility={facility} />}
    </>
  );
}
