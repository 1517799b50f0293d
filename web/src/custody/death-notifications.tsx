import { ActionFeedback, useAction } from '../components/action-feedback.tsx';
import { Section } from '../components/section.tsx';
import { useI18n } from '../language.tsx';
import { DEATH_PARTIES, type IncidentDetail } from './api.ts';
import { NoticeForm } from './notice-form.tsx';

/** Each party a death must be reported to: when they were told and by whom, or by when they must be. */
export function DeathNotifications({
  incident,
  zone,
  canAct,
  onChanged,
}: {
  incident: IncidentDetail;
  zone: string;
  canAct: boolean;
  onChanged: () => void;
}) {
  const { t, fmt } = useI18n();
  const runner = useAction(onChanged);
  const occurred = Date.parse(incident.occurred_at);
  const parties = DEATH_PARTIES.map((p) => {
    const at = p.party === 'next_of_kin' ? incident.next_of_kin_notified_at : incident.authority_notified_at;
    const recipient =
      p.party === 'next_of_kin' ? incident.next_of_kin_recipient : incident.authority_recipient;
    const due = new Date(occurred + p.dueHours * 3_600_000).toISOString();
    return { ...p, at, recipient, due };
  });
  const now = new Date().toISOString();
  return (
    <Section title={t('incident.deathTitle')}>
      <p className="custodia-note-text margin-top-0">{t('incident.deathNote')}</p>
      <div className="usa-table-container--scrollable">
        <table className="usa-table usa-table--borderless custodia-table custodia-death-notifications">
          <caption className="usa-sr-only">{t('incident.deathTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('incident.party')}</th>
              <th scope="col">{t('incident.dueBy')}</th>
              <th scope="col">{t('incident.notification')}</th>
            </tr>
          </thead>
          <tbody>
            {parties.map((p) => {
              const late = p.at ? p.at > p.due : now > p.due;
              return (
                <tr key={p.party} data-party={p.party} data-notified={p.at ? 'true' : 'false'}>
                  <th scope="row">
                    <span className="text-bold">{t(`incident.party.${p.party}`)}</span>
                    <span className="custodia-statute">{t('incident.mandelaRule', { n: p.rule })}</span>
                  </th>
                  <td>
                    <time dateTime={p.due}>{fmt.zoned(p.due, zone)}</time>
                  </td>
                  <td>
                    {p.at ? (
                      <>
                        <span
                          className={`usa-tag custodia-result ${late ? 'custodia-result--pending' : 'custodia-result--pass'}`}
                        >
                          {late ? t('incident.notifiedLate') : t('incident.notified')}
                        </span>
                        <span className="custodia-notified">
                          {t('incident.notifiedDetail', {
                            recipient: p.recipient ?? '',
                            time: fmt.zoned(p.at, zone),
                          })}
                        </span>
                      </>
                    ) : (
                      <span
                        className={`usa-tag custodia-result ${late ? 'custodia-result--fail' : 'custodia-result--pending'}`}
                      >
                        {late ? t('incident.overdue') : t('incident.notYetNotified')}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ActionFeedback state={runner.state} refusedTitle={t('incident.noticeRefused')} />
      {canAct &&
        parties
          .filter((p) => !p.at)
          .map((p) => (
            <NoticeForm key={p.party} incident={incident} party={p.party} zone={zone} runner={runner} />
          ))}
    </Section>
  );
}
