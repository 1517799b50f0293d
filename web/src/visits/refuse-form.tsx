import { type FormEvent, useId, useState } from 'react';
import type { ActionRunner } from '../components/action-feedback.tsx';
import { SubmitButton } from '../custody/submit-button.tsx';
import { useI18n } from '../language.tsx';
import { isOneOf, type LegalVisit, REFUSAL_REASONS, refuseVisit } from './api.ts';
import { ReasonFields, reasonErrors } from './reason-fields.tsx';
import { useVisitWords } from './visit-words.ts';

/** Refuses a requested visit (receiving custody): a reason code and the reason in words, both required. */
export function RefuseForm({ visit, action }: { visit: LegalVisit; action: ActionRunner }) {
  const { t } = useI18n();
  const words = useVisitWords();
  const id = useId();
  const [code, setCode] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ code?: string; reason?: string }>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = reasonErrors(code, reason, t);
    setErrors(found);
    if (Object.keys(found).length > 0 || !isOneOf(REFUSAL_REASONS, code)) return;
    await action.run(
      'refuse',
      () => refuseVisit(visit.id, { reasonCode: code, reason: reason.trim() }),
      ({ t }) => t('visits.refused'),
    );
  };

  return (
    <form className="usa-form usa-form--large" onSubmit={submit} noValidate>
      <fieldset className="usa-fieldset">
        <legend className="usa-legend usa-legend--large">
          {t('visits.refuseLegend', { person: visit.name })}
        </legend>
        <ReasonFields
          id={id}
          codeLabel={t('visits.refuseCode')}
          codes={REFUSAL_REASONS}
          codeText={(c) => words.reason('refused', c)}
          code={code}
          reason={reason}
          errors={errors}
          onCode={setCode}
          onReason={setReason}
        />
        <SubmitButton busy={action.state.busy !== null}>{t('visits.refuseSubmit')}</SubmitButton>
      </fieldset>
    </form>
  );
}
