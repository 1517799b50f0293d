import type { Hearing, PersonHearings } from '../hearings/api.ts';
import { personHearingsPath } from '../hearings/api.ts';
import { useI18n } from '../language.tsx';
import { useApi } from '../use-api.ts';
import { HearingClocks } from './hearing-clocks.tsx';

/** The earliest booked hearing from `today` on (a booked one in the past awaits its outcome: not next). */
export function nextHearing(hearings: readonly Hearing[], today: string): Hearing | undefined {
  return hearings
    .filter((h) => h.status === 'booked' && h.start.slice(0, 10) >= today)
    .sort((a, b) => a.start.localeCompare(b.start))[0];
}

/**
 * A client's next hearing, for a cell of counsel's client table: the court, the hearing type and the time
 * on both clocks, or "none booked". One request for the client's hearings.
 */
export function ClientHearing({ personId, today }: { personId: string; today: string }) {
  const { t } = useI18n();
  const [state] = useApi<PersonHearings>(personHearingsPath(personId));
  if (state.status === 'loading') return null;
  if (state.status === 'error') return <>{t('counsel.notLoaded')}</>;
  const next = nextHearing(state.data.hearings, today);
  if (!next) return <>{t('counsel.noHearing')}</>;
  return (
    <div data-next-hearing={next.id}>
      {next.court}, {t(`hearings.type.${next.hearingType}`)}
      <HearingClocks hearing={next} />
    </div>
  );
}
