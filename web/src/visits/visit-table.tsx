import type { ReactNode } from 'react';
import { CaptionedTable } from '../custody/captioned-table.tsx';
import { useI18n } from '../language.tsx';
import { Link } from '../router.tsx';
import type { LegalVisit } from './api.ts';
import { useVisitWords } from './visit-words.ts';

/**
 * Legal visits as a table: (the person,) kind, office, when requested and the 7-day due time, the preferred
 * window, the state, and the room and time or the reason. `act` puts a control in a last column (receiving
 * custody's "act", counsel's "cancel"); times are on the facility's clock.
 */
export function VisitTable({
  caption,
  visits,
  showPerson,
  actLabel,
  act,
}: {
  caption: string;
  visits: readonly LegalVisit[];
  showPerson: boolean;
  actLabel?: string;
  act?: (visit: LegalVisit) => ReactNode;
}) {
  const { t, fmt } = useI18n();
  const words = useVisitWords();
  const at = (instant: string | null, zone: string) =>
    instant ? <time dateTime={instant}>{fmt.zonedClock(instant, zone)}</time> : '—';
  return (
    <CaptionedTable label={caption} caption={caption} className="custodia-table custodia-visits">
      <thead>
        <tr>
          {showPerson && <th scope="col">{t('visits.person')}</th>}
          <th scope="col">{t('visits.kind')}</th>
          <th scope="col">{t('visits.office')}</th>
          <th scope="col">{t('visits.requested')}</th>
          <th scope="col">{t('visits.due')}</th>
          <th scope="col">{t('visits.window')}</th>
          <th scope="col">{t('visits.state')}</th>
          <th scope="col">{t('visits.slot')}</th>
          <th scope="col">{t('visits.reason')}</th>
          {act && <th scope="col">{actLabel}</th>}
        </tr>
      </thead>
      <tbody>
        {visits.map((v) => (
          <tr key={v.id} data-visit-id={v.id} data-status={v.status}>
            {showPerson && (
              <th scope="row">
                <Link href={`/people/${encodeURIComponent(v.personId)}`} className="usa-link">
                  {v.name}
                </Link>{' '}
                {v.personRef}
              </th>
            )}
            <td>{words.kind(v.kind)}</td>
            <td>{v.office ?? '—'}</td>
            <td>{at(v.requestedAt, v.timeZone)}</td>
            <td>{at(v.dueAt, v.timeZone)}</td>
            <td>
              {at(v.windowFrom, v.timeZone)} – {at(v.windowTo, v.timeZone)}
            </td>
            <td>{words.state(v.status)}</td>
            <td>
              {v.room ? (
                <>
                  {v.room}, {at(v.startsAt, v.timeZone)}
                </>
              ) : (
                '—'
              )}
            </td>
            <td>{v.reason ? `${words.reason(v.status, v.reasonCode)}: ${v.reason}` : '—'}</td>
            {act && <td>{act(v)}</td>}
          </tr>
        ))}
      </tbody>
    </CaptionedTable>
  );
}
