import { useI18n } from '../language.tsx';
import { Link } from '../router.tsx';
import type { ReleaseRow } from './api.ts';
import './releases-table.css';

/** The worklist: each person (linked to their page), the release date, and where it stands today. */
export function ReleasesTable({ caption, items }: { caption: string; items: ReleaseRow[] }) {
  const { t, fmt } = useI18n();
  const standing = (row: ReleaseRow) => {
    if (row.status === 'overdue') return t('releasesDue.overdue', { n: fmt.number(row.days) });
    if (row.status === 'explained') {
      return t('releasesDue.explained', {
        n: fmt.number(row.days),
        reference: row.courtOrder?.reference ?? '',
      });
    }
    return row.days === 0 ? t('releasesDue.dueToday') : t('releasesDue.due', { n: fmt.number(row.days) });
  };
  return (
    <div className="usa-table-container--scrollable">
      <table className="usa-table usa-table--borderless usa-table--compact custodia-table custodia-releases">
        <caption className="usa-sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('releasesDue.person')}</th>
            <th scope="col">{t('releasesDue.date')}</th>
            <th scope="col">{t('releasesDue.standing')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((row) => (
            <tr key={row.personId} data-status={row.status}>
              <th scope="row">
                <Link href={`/people/${encodeURIComponent(row.personId)}`} className="usa-link">
                  {row.name}
                </Link>{' '}
                <span className="custodia-code">{row.ref}</span>
              </th>
              <td>
                <time dateTime={row.releaseDate}>{fmt.date(row.releaseDate)}</time>
              </td>
              <td>
                <span className={`usa-tag custodia-release-tag custodia-release-tag--${row.status}`}>
                  {standing(row)}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
