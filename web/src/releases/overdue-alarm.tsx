import type { Dashboard } from '../api.ts';
import { useI18n } from '../language.tsx';
import { Link } from '../router.tsx';

/** One person held past their release date, as the dashboard sends them. */
type OverdueRelease = Dashboard['alarms']['overdueReleases'][number];

/**
 * The dashboard's alarm of unlawful detention: everyone held after their release date with no court order
 * explaining it, each named and linked to their page, until released or explained.
 */
export function OverdueReleaseAlarm({ overdue }: { overdue: OverdueRelease[] }) {
  const { t, fmt } = useI18n();
  if (overdue.length === 0) return null;
  return (
    <div className="usa-alert usa-alert--error custodia-alarm" role="alert" data-alarm="overdue-releases">
      <div className="usa-alert__body">
        <h2 className="usa-alert__heading">{t('overdueAlarm.title')}</h2>
        <p className="usa-alert__text">{t('overdueAlarm.text', { n: fmt.number(overdue.length) })}</p>
        <ul className="usa-list">
          {overdue.map((row) => (
            <li key={row.personId}>
              <Link href={`/people/${encodeURIComponent(row.personId)}`} className="usa-link">
                {t('overdueAlarm.person', {
                  ref: row.ref,
                  name: row.name,
                  facility: row.facility,
                  date: fmt.date(row.releaseDate),
                  days: fmt.number(row.days),
                })}
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
