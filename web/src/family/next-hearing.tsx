import { useCan } from '../access.tsx';
import { LoadError } from '../components/load-status.tsx';
import { Section } from '../components/section.tsx';
import type { PersonHearings } from '../hearings/api.ts';
import { useI18n } from '../language.tsx';
import { useApi } from '../use-api.ts';

/** The family contact's person's next booked hearing (the server answers that one alone, or none). */
export const FAMILY_HEARINGS_PATH = '/api/v1/family/hearings';

/**
 * The family view's "Next hearing": when it starts on the facility's clock and on the court's, the court and
 * the hearing type; "no hearing booked" otherwise. Shown only where the role reads hearings.
 */
export function FamilyNextHearing() {
  const can = useCan();
  if (!can('hearings:read')) return null;
  return <NextHearingSection />;
}

function NextHearingSection() {
  const { t, fmt } = useI18n();
  const [state, reload] = useApi<PersonHearings>(FAMILY_HEARINGS_PATH);
  const next = state.status === 'ok' ? state.data.hearings[0] : undefined;
  const clock = (instant: string, zone: string) => (
    <time dateTime={instant}>{fmt.zonedClock(instant, zone)}</time>
  );
  return (
    <Section title={t('family.hearing')} intro={t('family.hearingIntro')}>
      {state.status === 'error' && <LoadError error={state.error} onRetry={reload} />}
      {state.status === 'ok' && !next && <p className="custodia-empty">{t('family.noHearing')}</p>}
      {next && (
        <dl className="custodia-locator-answer" data-next-hearing={next.id}>
          <dt>{t('family.facilityTime')}</dt>
          <dd>{clock(next.start, next.facilityTime.zone)}</dd>
          <dt>{t('family.courtTime')}</dt>
          <dd>{clock(next.start, next.courtTime.zone)}</dd>
          <dt>{t('hearings.court')}</dt>
          <dd>{next.court}</dd>
          <dt>{t('hearings.type')}</dt>
          <dd>{t(`hearings.type.${next.hearingType}`)}</dd>
        </dl>
      )}
    </Section>
  );
}
