import { useCan } from '../access.tsx';
import { ActionFeedback, useAction } from '../components/action-feedback.tsx';
import { LiveStatus, LoadError } from '../components/load-status.tsx';
import { Section } from '../components/section.tsx';
import { useI18n } from '../language.tsx';
import { useApi } from '../use-api.ts';
import { cancelVisit, type LegalVisit, type PersonVisits, personVisitsPath } from './api.ts';
import { RequestForm } from './request-form.tsx';
import { VisitTable } from './visit-table.tsx';

/**
 * The person page's "Legal visits": the person's visits (for counsel, their client's; for receiving
 * custody and monitors, all), counsel's request form and, on a visit still open, counsel's cancel button.
 * Shown only to the roles that read legal visits.
 */
export function PersonLegalVisits({ personId, name }: { personId: string; name: string }) {
  const can = useCan();
  if (!can('legal_visits:read')) return null;
  return <PersonLegalVisitsView personId={personId} name={name} canRequest={can('legal_visits:request')} />;
}

function PersonLegalVisitsView({
  personId,
  name,
  canRequest,
}: {
  personId: string;
  name: string;
  canRequest: boolean;
}) {
  const { t, fmt } = useI18n();
  const [state, reload, refresh] = useApi<PersonVisits>(personVisitsPath(personId));
  const action = useAction(refresh);
  const visits = state.status === 'ok' ? state.data.visits : [];
  const cancel = (v: LegalVisit) =>
    v.status === 'requested' || v.status === 'scheduled' ? (
      <button
        type="button"
        className="usa-button usa-button--unstyled"
        disabled={action.state.busy !== null}
        onClick={() =>
          action.run(
            'cancel',
            () => cancelVisit(v.id, {}),
            ({ t }) => t('visits.cancelled'),
          )
        }
      >
        {t('visits.cancel')}
      </button>
    ) : null;
  return (
    <Section title={t('visits.title')}>
      <LiveStatus
        text={
          state.status === 'ok'
            ? t(visits.length === 1 ? 'visits.statusOne' : 'visits.status', { n: fmt.number(visits.length) })
            : ''
        }
      />
      {state.status === 'error' && <LoadError error={state.error} onRetry={reload} />}
      {state.status === 'ok' && visits.length === 0 && <p className="custodia-empty">{t('visits.none')}</p>}
      {visits.length > 0 && (
        <VisitTable
          caption={t('visits.personCaption', { person: name })}
          visits={visits}
          showPerson={false}
          {...(canRequest ? { actLabel: t('visits.act'), act: cancel } : {})}
        />
      )}
      <ActionFeedback state={action.state} />
      {canRequest && <RequestForm personId={personId} action={action} />}
    </Section>
  );
}
