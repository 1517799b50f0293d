import { type FormEvent, useId, useState } from 'react';
import type { ActionRunner } from '../components/action-feedback.tsx';
import { SelectField } from '../components/fields.tsx';
import { SubmitButton } from '../custody/submit-button.tsx';
import { useI18n } from '../language.tsx';
import { isOneOf, type LegalVisit, NOT_HELD_REASONS, recordVisitOutcome } from './api.ts';
import { ReasonFields, reasonErrors } from './reason-fields.tsx';
import { useVisitWords } from './visit-words.ts';

/** Records a scheduled visit held, or not held with a reason code and the reason in words (receiving custody). */
export function OutcomeForm({ visit, action }: { visit: LegalVisit; action: ActionRunner }) {
  const { t } = useI18n();
  const words = useVisitWords();
  const id = useId();
  const [outcome, setOutcome] = useState('');
  const [code, setCode] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ outcome?: string; code?: string; reason?: string }>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (outcome !== 'held' && outcome !== 'not_held')
      return setErrors({ outcome: t('visits.outcomeMissing') });
    const found = outcome === 'not_held' ? reasonErrors(code, reason, t) : {};
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    await action.run(
      'outcome',
      () =>
        recordVisitOutcome(
          visit.id,
          outcome === 'not_held' && isOneOf(NOT_HELD_REASONS, code)
            ? { outcome, reasonCode: code, reason: reason.trim() }
            : { outcome: 'held' },
        ),
      ({ t }) => t('visits.recorded'),
    );
  };

  return (
    <form className="usa-form usa-form--large" onSubmit={submit} noValidate>
      <fieldset className="usa-fieldset">
        <legend className="usa-legend usa-legend--large">
          {t('visits.outcomeLegend', { person: visit.name })}
        </legend>
        <SelectField
          id={`${id}-outcome`}
          label={t('visits.outcome')}
          placeholder="—"
          choices={[
            { value: 'held', label: t('visits.outcome.held') },
            { value: 'not_held', label: t('visits.outcome.not_held') },
          ]}
          error={errors.outcome}
          value={outcome}
          onChange={setOutcome}
        />
        {outcome === 'not_held' && (
          <ReasonFields
            id={id}
            codeLabel={t('visits.notHeldCode')}
            codes={NOT_HELD_REASONS}
            codeText={(c) => words.reason('not_held', c)}
            code={code}
            reason={reason}
            errors={errors}
            onCode={setCode}
            onReason={setReason}
          />
        )}
        <SubmitButton busy={action.state.busy !== null}>{t('visits.outcomeSubmit')}</SubmitButton>
      </fieldset>
    </form>
  );
}
