import { type FormEvent, useId, useState } from 'react';
import type { ActionRunner } from '../components/action-feedback.tsx';
import { SelectField, TextAreaField } from '../components/fields.tsx';
import { SubmitButton } from '../custody/submit-button.tsx';
import { useI18n } from '../language.tsx';
import { browserZone } from '../zoned-time.ts';
import { isOneOf, requestVisit, VISIT_KINDS } from './api.ts';
import { readSlot, type Slot, type SlotErrors, SlotFields } from './slot-fields.tsx';
import { useVisitWords } from './visit-words.ts';

/**
 * Counsel request a legal visit or call with their client: how, and a preferred window on their own clock,
 * from before to. Nothing is sent while the kind or a time is missing, or the window is out of order.
 */
export function RequestForm({ personId, action }: { personId: string; action: ActionRunner }) {
  const { t } = useI18n();
  const words = useVisitWords();
  const id = useId();
  const zone = browserZone();
  const [kind, setKind] = useState('');
  const [slot, setSlot] = useState<Slot>({ from: '', to: '' });
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<SlotErrors & { kind?: string }>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const read = readSlot(slot, zone, t, 'visits.windowOrder');
    const kindError = isOneOf(VISIT_KINDS, kind) ? {} : { kind: t('visits.kindMissing') };
    setErrors({ ...kindError, ...('errors' in read ? read.errors : {}) });
    if ('errors' in read || !isOneOf(VISIT_KINDS, kind)) return;
    const purpose = note.trim();
    await action.run(
      'request',
      () =>
        requestVisit(personId, {
          kind,
          windowFrom: read.from,
          windowTo: read.to,
          ...(purpose ? { note: purpose } : {}),
        }),
      ({ t }) => t('visits.requestSent'),
    );
  };

  return (
    <form className="usa-form usa-form--large" onSubmit={submit} noValidate>
      <fieldset className="usa-fieldset">
        <legend className="usa-legend usa-legend--large">{t('visits.requestLegend')}</legend>
        <p className="usa-hint">{t('visits.requestNote')}</p>
        <SelectField
          id={`${id}-kind`}
          label={t('visits.kind')}
          placeholder="—"
          choices={VISIT_KINDS.map((k) => ({ value: k, label: words.kind(k) }))}
          error={errors.kind}
          value={kind}
          onChange={setKind}
        />
        <SlotFields
          id={id}
          labels={{ from: 'visits.windowFrom', to: 'visits.windowTo' }}
          hint={t('visits.windowHint', { zone })}
          slot={slot}
          errors={errors}
          onChange={setSlot}
        />
        <TextAreaField
          id={`${id}-note`}
          label={t('visits.notePurpose')}
          rows={2}
          maxLength={2000}
          value={note}
          onChange={setNote}
        />
        <SubmitButton busy={action.state.busy !== null}>{t('visits.requestSubmit')}</SubmitButton>
      </fieldset>
    </form>
  );
}
