import { LoadError } from '../components/load-status.tsx';
import { useI18n } from '../language.tsx';
import { useApi } from '../use-api.ts';
import { type HearingDetail, hearingPath } from './api.ts';

/**
 * A hearing's history, oldest first: each act (booked, amended, cancelled, outcome) with when, by whom and
 * what it changed; an amendment's or a cancellation's reason with it. The ledger keeps the same acts as events.
 */
export function HearingHistory({ id }: { id: string }) {
  const { t } = useI18n();
  const [state, reload] = useApi<HearingDetail>(hearingPath(id));
  if (state.status === 'error') return <LoadError error={state.error} onRetry={reload} />;
  if (state.status !== 'ok') return null;
  return (
    <div className="custodia-hearing-history">
      <h3>{t('hearings.historyTitle')}</h3>
      <ol className="usa-list">
        {state.data.history.map((h) => (
          <li key={h.version}>
            <time dateTime={h.at}>{h.at.slice(0, 16).replace('T', ' ')} UTC</time>
            {' · '}
            {t(`hearings.act.${h.kind}`)} · {h.actor}
            {h.changed.length > 0 && ` · ${t('hearings.changed', { fields: h.changed.join(', ') })}`}
            {h.reason && ` · ${h.reason}`}
          </li>
        ))}
      </ol>
    </div>
  );
}
