import { type FormEvent, useId, useState } from 'react';
import { ActionFeedback, useAction } from '../components/action-feedback.tsx';
import { DateField, SelectField, TextAreaField, TextField } from '../components/fields.tsx';
import { Section } from '../components/section.tsx';
import { useI18n } from '../language.tsx';
import { useApi } from '../use-api.ts';
import { wallClockIn, zonedToInstant } from '../zoned-time.ts';
import { AGREEMENTS_PATH, type AgreementList, type FacilityDetail, type PersonListItem } from './api.ts';
import { CellCodeField } from './cell-code-field.tsx';
import { ISOLATION_LIGHTING, type IsolationLighting, isLighting, startIsolation } from './isolation-api.ts';
import { PersonFinder } from './person-finder.tsx';
import { SubmitButton } from './submit-button.tsx';

type Field = 'person' | 'cell' | 'reason' | 'authorisedBy' | 'lighting' | 'startedAt';

/**
 * Starts an isolation placement (receiving custody): the person (found by name or ref), one of the
 * facility's cells, the reason, the official who authorised it, the cell's lighting and the start on the
 * facility's clock. Every missing field is named and nothing is sent; the server refuses a person not in
 * custody here or already in isolation, in the reader's language.
 */
export function IsolationStartForm({
  id,
  facility,
  onDone,
}: {
  id: string;
  facility: FacilityDetail;
  onDone: () => void;
}) {
  const { t, fmt } = useI18n();
  const formId = useId();
  const zone = facility.timeZone;
  const [person, setPerson] = useState<PersonListItem | null>(null);
  const [cell, setCell] = useState('');
  const [reason, setReason] = useState('');
  const [authorisedBy, setAuthorisedBy] = useState('');
  const [lighting, setLighting] = useState<IsolationLighting | ''>('');
  const [startedAt, setStartedAt] = useState(() => wallClockIn(zone));
  const [invalid, setInvalid] = useState<Field[]>([]);
  const action = useAction(onDone);
  const [agreements] = useApi<AgreementList>(AGREEMENTS_PATH);
  const agreementIds =
    agreements.status === 'ok'
      ? agreements.data.items.filter((a) => a.facilityIds.includes(facility.id)).map((a) => a.id)
      : [];
  const code = cell.trim().toUpperCase();
  const instant = zonedToInstant(startedAt, zone);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checks: [Field, boolean][] = [
      ['person', person !== null],
      ['cell', facility.cells.some((c) => c.code === code)],
      ['reason', reason.trim() !== ''],
      ['authorisedBy', authorisedBy.trim() !== ''],
      ['lighting', lighting !== ''],
      ['startedAt', instant !== null],
    ];
    const missing = checks.filter(([, ok]) => !ok).map(([field]) => field);
    setInvalid(missing);
    if (missing.length > 0 || !person || !lighting || !instant) return;
    await action.run(
      'start',
      () =>
        startIsolation(id, {
          personId: person.id,
          cell: code,
          reason: reason.trim(),
          authorisedBy: authorisedBy.trim(),
          lighting,
          startedAt: instant,
        }),
      ({ t }) => t('isolation.started'),
    );
  };
  const has = (field: Field) => invalid.includes(field);

  return (
    <Section title={t('isolation.start')} intro={t('isolation.startNote')}>
      <form className="usa-form usa-form--large" onSubmit={submit} noValidate>
        {invalid.length > 0 && (
          <div className="usa-alert usa-alert--error usa-alert--slim" role="alert">
            <div className="usa-alert__body">
              <p className="usa-alert__text">{t('isolation.fixFields')}</p>
            </div>
          </div>
        )}
        <PersonFinder
          id={`${formId}-person`}
          agreements={agreementIds}
          chosen={person}
          onChoose={setPerson}
          label={t('isolation.person')}
          hint={t('isolation.personHint')}
          error={has('person') ? t('isolation.personMissing') : undefined}
        />
        <CellCodeField
          id={`${formId}-cell`}
          label={t('isolation.cell')}
          hint={t('isolation.cellHint')}
          error={has('cell') ? t('isolation.chooseCell') : undefined}
          value={cell}
          onChange={setCell}
          cells={facility.cells}
        />
        <TextAreaField
          id={`${formId}-reason`}
          label={t('isolation.reason')}
          hint={t('isolation.reasonHint')}
          error={has('reason') ? t('isolation.reasonMissing') : undefined}
          rows={3}
          maxLength={2000}
          value={reason}
          onChange={setReason}
        />
        <TextField
          id={`${formId}-authorised`}
          label={t('isolation.authorisedBy')}
          hint={t('isolation.authorisedByHint')}
          error={has('authorisedBy') ? t('isolation.authorisedByMissing') : undefined}
          maxLength={300}
          value={authorisedBy}
          onChange={setAuthorisedBy}
        />
        <SelectField
          id={`${formId}-lighting`}
          label={t('isolation.lighting')}
          hint={t('isolation.lightingHint')}
          error={has('lighting') ? t('isolation.lightingMissing') : undefined}
          placeholder={t('isolation.chooseLighting')}
          choices={ISOLATION_LIGHTING.map((l) => ({ value: l, label: t(`isolation.lighting.${l}`) }))}
          value={lighting}
          onChange={(value) => setLighting(isLighting(value) ? value : '')}
        />
        <DateField
          id={`${formId}-started`}
          withTime
          label={t('isolation.startedAt')}
          hint={
            instant
              ? t('isolation.startedHintTime', { time: fmt.zoned(instant, zone) })
              : t('isolation.startedHint', { zone })
          }
          error={has('startedAt') ? t('isolation.timeMissing') : undefined}
          max={wallClockIn(zone)}
          value={startedAt}
          onChange={setStartedAt}
        />
        <ActionFeedback state={action.state} refusedTitle={t('isolation.startRefused')} />
        <SubmitButton busy={action.state.busy !== null} spacing="margin-top-3">
          {t('isolation.startSubmit')}
        </SubmitButton>
      </form>
    </Section>
  );
}
