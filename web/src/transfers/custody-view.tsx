import type { CustodyInterval } from '../api.ts';
import { useI18n } from '../language.tsx';

/**
 * A custody interval this transfer's intake started, in the facility's time zone, with its Rule 68
 * notifications and whether each is overdue.
 */
export function CustodyView({ interval }: { interval: CustodyInterval }) {
  const { t, label, fmt } = useI18n();
  const zone = interval.timeZone;
  return (
    <div className="custodia-record">
      <h3 className="custodia-record__title">{interval.facilityName}</h3>
      <dl className="custodia-summary">
        <dt>{t('custody.interval')}</dt>
        <dd data-testid="custody-interval">
          {interval.endedAt
            ? t('custody.fromTo', {
                from: fmt.zoned(interval.startedAt, zone),
                to: fmt.zoned(interval.endedAt, zone),
              })
            : t('custody.fromOpen', { from: fmt.zoned(interval.startedAt, zone) })}
        </dd>
        {interval.releaseReason && (
          <>
            <dt>{t('custody.releaseReason')}</dt>
            <dd>{interval.releaseReason}</dd>
          </>
        )}
      </dl>
      {interval.notifications.map((n) => {
        const overdue = !n.fulfilledAt && Date.parse(n.dueAt) < Date.now();
        return (
          <div key={n.id} className="custodia-notification" data-testid="rule68">
            <h4 className="margin-bottom-1">{t('custody.notification')}</h4>
            <dl className="custodia-summary">
              <dt>{t('custody.due')}</dt>
              <dd>
                <time dateTime={n.dueAt}>{fmt.zoned(n.dueAt, zone)}</time>
                {overdue && (
                  <>
                    {' '}
                    <span className="usa-tag custodia-tag--alert">{t('custody.overdue')}</span>
                  </>
                )}
              </dd>
              <dt>{t('custody.recipients')}</dt>
              <dd>{fmt.list(n.recipients.map((r) => label('recipient', r)))}</dd>
              <dt>{t('custody.fulfilled')}</dt>
              <dd>{n.fulfilledAt ? fmt.zoned(n.fulfilledAt, zone) : t('custody.notFulfilled')}</dd>
              <dt>{t('common.source')}</dt>
              <dd lang="en">{n.source}</dd>
            </dl>
          </div>
        );
      })}
    </div>
  );
}
