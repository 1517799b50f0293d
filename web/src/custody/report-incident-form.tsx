import { type FormEvent, useId, useState } from 'react';
import { ActionFeedback, useAction } from '../components/action-feedback.tsx';
import { DateField, SelectField, TextAreaField } from '../components/fields.tsx';
import { Section } from '../components/section.tsx';
import { useI18n } from '../language.tsx';
import { navigate } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { wallClockIn, zonedToInstant } from '../zoned-time.ts';
import {
  AGREEMENTS_PATH,
  type AgreementList,
  type FacilityDetail,
  INCIDENT_KINDS,
  type IncidentKind,
  type PersonListItem,
  reportIncident,
} from './api.ts';
import { CellCodeField } from './cell-code-field.tsx';
import { PersonFinder } from './person-finder.tsx';
import { SubmitButton } from './submit-button.tsx';

/** True when a value is an incident kind. */
function isIncidentKind(value: string): value is IncidentKind {
  return (INCIDENT_KINDS as readonly string[]).includes(value);
}

/** The form that reports an incident; on success the new incident's page opens. */
export function ReportIncident({ id, facility }: { id: string; facility: FacilityDetail }) {
  const { t, fmt } = useI18n();
  const formId = useId();
  const [kind, setKind] = useState<IncidentKind | ''>('');
  const [description, setDescription] = useState('');
  const [occurred, setOccurred] = useState(() => wallClockIn(facility.timeZone));
  const [person, setPerson] = useState<PersonListItem | null>(null);
  const [cell, setCell] = useState('');
  const [invalid, setInvalid] = useState<string[]>([]);
  const action = useAction(() => {});
  const instant = zonedToInstant(occurred, facility.timeZone);
  // The people searched are those of the agreements that place people in this facility.
  const [agreements] = useApi<AgreementList>(AGREEMENTS_PATH);
  const agreementIds =
    agreements.status === 'ok'
      ? agreements.data.items.filter((a) => a.facilityIds.includes(facility.id)).map((a) => a.id)
      : [];

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const missing = [
      kind ? '' : 'kind',
      description.trim() ? '' : 'description',
      instant ? '' : 'occurred',
      kind === 'death_in_custody' && !person ? 'person' : '',
    ].filter(Boolean);
    setInvalid(missing);
    if (missing.length > 0 || !kind || !instant) return;
    await action.run(
      'report',
      async () => {
        const reported = await reportIncident(id, {
          kind,
          description: description.trim(),
          occurredAt: instant,
          ...(person ? { personId: person.id } : {}),
          ...(cell.trim() ? { cell: cell.trim().toUpperCase() } : {}),
        });
        navigate(`/incidents/${encodeURIComponent(reported.incidentId)}`);
        return reported;
      },
      ({ t }) => t('incidents.reported'),
    );
  };

  const has = (field: string) => invalid.includes(field);

  return (
    <Section title={t('incidents.report')} intro={t('incidents.reportNote')}>
      <form className="usa-form usa-form--large custodia-report-incident" onSubmit={submit} noValidate>
        {invalid.length > 0 && (
          <div className="usa-alert usa-alert--error usa-alert--slim" role="alert">
            <div className="usa-alert__body">
              <p className="usa-alert__text">{t('incidents.fixFields')}</p>
            </div>
          </div>
        )}
        <SelectField
          id={`${formId}-kind`}
          label={t('incident.kind')}
          error={has('kind') ? t('incidents.kindMissing') : undefined}
          placeholder={t('incidents.chooseKind')}
          choices={INCIDENT_KINDS.map((k) => ({ value: k, label: t(`incident.kind.${k}`) }))}
          value={kind}
          onChange={(value) => setKind(isIncidentKind(value) ? value : '')}
        />
        <DateField
          id={`${formId}-occurred`}
          withTime
          label={t('incident.occurredAt')}
          hint={
            instant
              ? t('incidents.occurredHint', {
                  zone: facility.timeZone,
                  time: fmt.zoned(instant, facility.timeZone),
                })
              : t('incidents.occurredHintEmpty', { zone: facility.timeZone })
          }
          error={has('occurred') ? t('incidents.occurredMissing') : undefined}
          max={wallClockIn(facility.timeZone)}
          value={occurred}
          onChange={setOccurred}
        />
        <TextAreaField
          id={`${formId}-description`}
          label={t('incident.description')}
          hint={t('incidents.descriptionHint')}
          error={has('description') ? t('incidents.descriptionMissing') : undefined}
          rows={4}
          maxLength={4000}
          value={description}
          onChange={setDescription}
        />
        <PersonFinder
          id={`${formId}-person`}
          agreements={agreementIds}
          chosen={person}
          onChoose={setPerson}
          error={has('person') ? t('incidents.personNeeded') : undefined}
        />
        <CellCodeField
          id={`${formId}-cell`}
          label={t('incidents.cellOptional')}
          hint={t('incidents.cellHint')}
          value={cell}
          onChange={setCell}
          cells={facility.cells}
        />
        <ActionFeedback state={action.state} refusedTitle={t('incidents.reportRefused')} />
        <SubmitButton busy={action.state.busy !== null} spacing="margin-top-3">
          {t('incidents.reportSubmit')}
        </SubmitButton>
      </form>
    </Section>
  );
}
