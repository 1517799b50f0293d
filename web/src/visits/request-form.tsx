import { type FormEvent, useId, useState } from 'react';
import type { ActionRunner } from '../components/action-feedback.tsx';
import { DateField, SelectField, TextAreaField } from '../components/fields.tsx';
import { SubmitButton } from '../custody/submit-button.tsx';
import { useI18n } from '../language.tsx';
import { browserZone, zonedToInstant } from '../zoned-time.ts';
import { isOneOf, requestVisit, VISIT_KINDS } from './api.ts';
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
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ kind?: string; from?: string; to?: string }>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const windowFrom = zonedToInstant(from, zone);
    const windowTo = zonedToInstant(to, zone);
    const found = {
      ...(kind === '' ? { kind: t('visits.kindMissing') } : {}),
      ...(windowFrom ? {} : { from: t('visits.timeMissing') }),
      ...(!windowTo
        ? { to: t('visits.timeMissing') }
        : windowFrom && Date.parse(windowTo) <= Date.parse(windowFrom)
          ? { to: t('visits.windowOrder') }
          : {}),
    };
    setErrors(found);
    if (Object.keys(found).length > 0 || !windowFrom || !windowTo || !isOneOf(VISIT_KINDS, kind)) return;
    const purpose = note.trim();
    await action.run(
      'request',
      () => requestVisit(personId, { kind, windowFrom, windowTo, ...(purpose ? { note: purpose } : {}) }),
      t('visits.requestSent'),
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
        <DateField
          id={`${id}-from`}
          withTime
          label={t('visits.windowFrom')}
          hint={t('visits.windowHint', { zone })}
          error={errors.from}
          value={from}
          onChange={setFrom}
        />
        <DateField
          id={`${id}-to`}
          withTime
          label={t('visits.windowTo')}
          hint={t('visits.windowHint', { zone })}
          error={errors.to}
          value={to}
          onChange={setTo}
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
