import { useCallback } from 'react';
import { useCan } from '../access.tsx';
import { ActionFeedback, useAction } from '../components/action-feedback.tsx';
import { LiveStatus, LoadError } from '../components/load-status.tsx';
import { Section } from '../components/section.tsx';
import { useI18n } from '../language.tsx';
import { useApi } from '../use-api.ts';
import { type PersonHearings as PersonHearingsView, personHearingsPath } from './api.ts';
import { BookingForm } from './booking-form.tsx';
import { ChangeForm } from './change-form.tsx';
import { HearingTable } from './hearing-table.tsx';
import { OutcomeForm } from './outcome-form.tsx';

/**
 * The person page's "Video-link hearings": the person's hearings in both zones with their flags (a court
 * sees its courts', counsel their client's, a family contact the next one), and, for a court while the
 * person is in custody, the booking form. Shown only to the roles that read hearings.
 */
export function PersonHearings({
  personId,
  name,
  onRecordChanged,
}: {
  personId: string;
  name: string;
  /** Fetches the person's record again: an outcome may have recorded a legal hold in it. */
  onRecordChanged?: () => void;
}) {
  const can = useCan();
  if (!can('hearings:read')) return null;
  return (
    <PersonHearingsSection
      personId={personId}
      name={name}
      canBook={can('hearings:write')}
      onRecordChanged={onRecordChanged}
    />
  );
}

function PersonHearingsSection({
  personId,
  name,
  canBook,
  onRecordChanged,
}: {
  personId: string;
  name: string;
  canBook: boolean;
  onRecordChanged: (() => void) | undefined;
}) {
  const { t, fmt } = useI18n();
  const [state, reload, refresh] = useApi<PersonHearingsView>(personHearingsPath(personId));
  const hearings = state.status === 'ok' ? state.data.hearings : [];
  const zone = state.status === 'ok' ? state.data.facilityZone : null;
  // After an act the hearings are fetched again, and the record too: a hold issued at the hearing is in it
  // (the holds, the alert at the top of the page, the transfers put on hold).
  const changed = useCallback(() => {
    refresh();
    onRecordChanged?.();
  }, [refresh, onRecordChanged]);
  const action = useAction(changed);
  // A booked hearing takes its outcome once it has started.
  const started = hearings.filter((h) => h.status === 'booked' && Date.parse(h.start) <= Date.now());
  // A booked hearing is amended or cancelled only before it starts.
  const upcoming = hearings.filter((h) => h.status === 'booked' && Date.parse(h.start) > Date.now());
  return (
    <Section title={t('hearings.title')}>
      {/* Says it is loading, as the day lists do: the section is otherwise a bare heading until it loads. */}
      <LiveStatus
        text={
          state.status === 'loading'
            ? t('app.loading')
            : state.status === 'ok'
              ? t('hearings.status', { n: fmt.number(hearings.length) })
              : ''
        }
      />
      {state.status === 'error' && <LoadError error={state.error} onRetry={reload} />}
      {state.status === 'ok' && hearings.length === 0 && (
        <p className="custodia-empty">{t('hearings.none')}</p>
      )}
      {hearings.length > 0 && (
        <HearingTable caption={t('hearings.personCaption', { person: name })} hearings={hearings} />
      )}
      <ActionFeedback state={action.state} />
      {canBook && started.length > 0 && <OutcomeForm hearings={started} action={action} />}
      {canBook && zone && upcoming.length > 0 && (
        <ChangeForm hearings={upcoming} facilityZone={zone} action={action} />
      )}
      {canBook && zone && (
        <BookingForm personId={personId} person={name} facilityZone={zone} onBooked={refresh} />
      )}
    </Section>
  );
}
