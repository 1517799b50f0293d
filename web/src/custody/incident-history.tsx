import { useI18n } from '../language.tsx';
import { type IncidentDetail, type IncidentHistoryItem, isIncidentStatus } from './api.ts';

/** The incident's history, oldest first: reported, each status change with its note, each notification. */
export function IncidentHistory({ incident, zone }: { incident: IncidentDetail; zone: string }) {
  const { t, fmt } = useI18n();
  const what = (item: IncidentHistoryItem) => {
    if (item.action === 'reported') return t('incident.action.reported');
    // The history's columns are text on the server; a status step always names two statuses.
    if (item.action === 'status' && isIncidentStatus(item.from_status) && isIncidentStatus(item.to_status)) {
      return t('incident.action.status', {
        from: t(`incident.status.${item.from_status}`),
        to: t(`incident.status.${item.to_status}`),
      });
    }
    if (item.action === 'notified_next_of_kin') return t('incident.action.notified_next_of_kin');
    if (item.action === 'notified_independent_authority') {
      return t('incident.action.notified_independent_authority');
    }
    return item.action;
  };
  // A notification's note is "recipient at instant"; the incident holds both, so they are shown in words.
  const note = (item: IncidentHistoryItem): string => {
    const notified =
      item.action === 'notified_next_of_kin'
        ? { who: incident.next_of_kin_recipient, at: incident.next_of_kin_notified_at }
        : item.action === 'notified_independent_authority'
          ? { who: incident.authority_recipient, at: incident.authority_notified_at }
          : null;
    if (notified?.who && notified.at) {
      return t('incident.notifiedDetail', { recipient: notified.who, time: fmt.zoned(notified.at, zone) });
    }
    return item.note;
  };
  return (
    <ol className="usa-process-list custodia-timeline custodia-incident-history">
      {incident.history.map((item) => (
        <li key={item.seq} className="usa-process-list__item" data-action={item.action}>
          <h3 className="usa-process-list__heading custodia-timeline__heading">
            {what(item)}
            <span className="custodia-timeline__states">
              <time dateTime={item.at}>{fmt.zoned(item.at, zone)}</time>
            </span>
          </h3>
          {note(item) && <p className="custodia-incident-description">{note(item)}</p>}
          <p className="custodia-timeline__meta">{t('incident.by', { by: item.actor })}</p>
        </li>
      ))}
    </ol>
  );
}
