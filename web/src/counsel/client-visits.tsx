import { useI18n } from '../language.tsx';
import { useApi } from '../use-api.ts';
import { type LegalVisit, type PersonVisits, personVisitsPath } from '../visits/api.ts';
import { useVisitWords } from '../visits/visit-words.ts';

/** A visit request still open: asked for, or given a room and a time. */
function pending(visit: LegalVisit): boolean {
  return visit.status === 'requested' || visit.status === 'scheduled';
}

/**
 * A client's pending legal-visit requests, for a cell of counsel's client table: each with its state and
 * kind, and the preferred window (requested) or the room and time (scheduled), on the facility's clock.
 * One request for the client's visits.
 */
export function ClientVisits({ personId }: { personId: string }) {
  const { t, fmt } = useI18n();
  const words = useVisitWords();
  const [state] = useApi<PersonVisits>(personVisitsPath(personId));
  if (state.status === 'loading') return null;
  if (state.status === 'error') return <>{t('counsel.notLoaded')}</>;
  const open = state.data.visits.filter(pending);
  if (open.length === 0) return <>{t('counsel.noVisits')}</>;
  const at = (instant: string, zone: string) => fmt.zonedClock(instant, zone);
  return (
    <ul className="usa-list usa-list--unstyled">
      {open.map((v) => (
        <li key={v.id} data-visit-id={v.id}>
          {words.state(v.status)}, {words.kind(v.kind)}
          <br />
          {v.status === 'scheduled' && v.startsAt
            ? t('counsel.visitSlot', { time: at(v.startsAt, v.timeZone), room: v.room ?? '—' })
            : t('counsel.visitWindow', {
                from: at(v.windowFrom, v.timeZone),
                to: at(v.windowTo, v.timeZone),
              })}
        </li>
      ))}
    </ul>
  );
}
