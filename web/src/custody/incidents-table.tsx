import { useI18n } from '../language.tsx';
import { Link } from '../router.tsx';
import type { FacilityDetail, IncidentList, IncidentStatus } from './api.ts';
import { CaptionedTable } from './captioned-table.tsx';
import { IncidentStatusTag } from './incident-status-tag.tsx';
import './incidents-table.css';

/** A facility's incidents, newest first: when (in its zone), kind, status, person, cell and what happened. */
export function IncidentsTable({
  facility,
  incidents,
  status,
}: {
  facility: FacilityDetail;
  incidents: IncidentList['incidents'];
  /** The status the list is filtered by, if any. */
  status: IncidentStatus | null;
}) {
  const { t, fmt } = useI18n();
  const captionText = status
    ? t('incidents.captionStatus', { facility: facility.code, status: t(`incident.status.${status}`) })
    : t('incidents.caption', { facility: facility.code });
  const caption = (
    <>
      {captionText}{' '}
      <span className="custodia-caption-page">{t('incidents.timesIn', { zone: facility.timeZone })}</span>
    </>
  );
  return (
    <CaptionedTable label={captionText} caption={caption} className="custodia-table custodia-incidents">
      <thead>
        <tr>
          <th scope="col">{t('incident.occurredAt')}</th>
          <th scope="col">{t('incident.kind')}</th>
          <th scope="col">{t('common.status')}</th>
          <th scope="col">{t('incident.person')}</th>
          <th scope="col">{t('incident.cell')}</th>
          <th scope="col">{t('incident.description')}</th>
        </tr>
      </thead>
      <tbody>
        {incidents.map((incident) => (
          <tr
            key={incident.id}
            data-incident-id={incident.id}
            data-kind={incident.kind}
            className={incident.kind === 'death_in_custody' ? 'custodia-row--active' : undefined}
          >
            <td>
              <time dateTime={incident.occurred_at}>
                {fmt.zonedClock(incident.occurred_at, facility.timeZone)}
              </time>
            </td>
            <th scope="row">
              <Link href={`/incidents/${encodeURIComponent(incident.id)}`} className="text-bold">
                {t(`incident.kind.${incident.kind}`)}
              </Link>
            </th>
            <td>
              <IncidentStatusTag status={incident.status} />
            </td>
            <td>
              {incident.person_id ? (
                <Link
                  href={`/people/${encodeURIComponent(incident.person_id)}`}
                  className="usa-link custodia-mono"
                >
                  {incident.person_ref ?? incident.person_id}
                </Link>
              ) : (
                '—'
              )}
            </td>
            <td className="custodia-mono">{incident.cell_code ?? '—'}</td>
            <td className="custodia-incident-description">{incident.description}</td>
          </tr>
        ))}
      </tbody>
    </CaptionedTable>
  );
}
