import { type FormEvent, useId, useState } from 'react';
import { HOLD_TYPES, isHoldType } from '../api.ts';
import type { ActionRunner } from '../components/action-feedback.tsx';
import { SelectField, TextField } from '../components/fields.tsx';
import { SubmitButton } from '../custody/submit-button.tsx';
import { useI18n } from '../language.tsx';
import { HEARING_OUTCOMES, type Hearing, NOT_PRODUCED_REASONS, recordOutcome } from './api.ts';
import { HearingSelect } from './hearing-select.tsx';
import './hearing-forms.css';

type Field = 'hearing' | 'outcome' | 'reason' | 'holdCase';
const oneOf = <T extends string>(values: readonly T[], value: string): value is T =>
  (values as readonly string[]).includes(value);

/**
 * A court records a booked hearing's outcome once it has started: held, adjourned, or not produced with
 * a reason; and, when the court issued one at the hearing, a legal hold (its type and case), recorded in
 * the same transaction. Nothing is sent while a choice is missing.
 */
export function OutcomeForm({ hearings, action }: { hearings: readonly Hearing[]; action: ActionRunner }) {
  const { t, label } = useI18n();
  const id = useId();
  const [hearing, setHearing] = useState('');
  const [outcome, setOutcome] = useState('');
  const [reason, setReason] = useState('');
  const [holdType, setHoldType] = useState('');
  const [holdCase, setHoldCase] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {
      ...(hearings.some((h) => h.id === hearing) ? {} : { hearing: t('hearings.outcomeHearingMissing') }),
      ...(oneOf(HEARING_OUTCOMES, outcome) ? {} : { outcome: t('hearings.outcomeMissing') }),
      ...(outcome === 'not_produced' && !oneOf(NOT_PRODUCED_REASONS, reason)
        ? { reason: t('hearings.reasonMissing') }
        : {}),
      ...(isHoldType(holdType) && holdCase.trim() === '' ? { holdCase: t('hearings.holdCaseMissing') } : {}),
    };
    setErrors(found);
    if (Object.keys(found).length > 0 || !oneOf(HEARING_OUTCOMES, outcome)) return;
    await action.run(
      'outcome',
      () =>
        recordOutcome(hearing, {
          outcome,
          ...(outcome === 'not_produced' && oneOf(NOT_PRODUCED_REASONS, reason)
            ? { reasonCode: reason }
            : {}),
          ...(isHoldType(holdType) ? { hold: { type: holdType, case: holdCase.trim() } } : {}),
        }),
      ({ t }) => t('hearings.outcomeRecorded'),
    );
  };

  return (
    <form className="usa-form usa-form--large custodia-hearing-form" onSubmit={submit} noValidate>
      <fieldset className="usa-fieldset">
        <legend className="usa-legend custodia-hearing-form__legend">{t('hearings.outcomeLegend')}</legend>
        <HearingSelect
          id={`${id}-hearing`}
          hearings={hearings}
          error={errors.hearing}
          value={hearing}
          onChange={setHearing}
        />
        <SelectField
          id={`${id}-outcome`}
          label={t('hearings.outcome')}
          error={errors.outcome}
          placeholder={t('hearings.typeChoose')}
          choices={HEARING_OUTCOMES.map((value) => ({ value, label: t(`hearings.state.${value}`) }))}
          value={outcome}
          onChange={setOutcome}
        />
        {outcome === 'not_produced' && (
          <SelectField
            id={`${id}-reason`}
            label={t('hearings.reason')}
            error={errors.reason}
            placeholder={t('hearings.typeChoose')}
            choices={NOT_PRODUCED_REASONS.map((value) => ({ value, label: t(`hearings.reason.${value}`) }))}
            value={reason}
            onChange={setReason}
          />
        )}
        <SelectField
          id={`${id}-hold`}
          label={t('hearings.holdType')}
          placeholder={t('hearings.noHold')}
          choices={HOLD_TYPES.map((value) => ({ value, label: label('holdType', value) }))}
          value={holdType}
          onChange={setHoldType}
        />
        {isHoldType(holdType) && (
          <TextField
            id={`${id}-case`}
            label={t('hearings.holdCase')}
            error={errors.holdCase}
            maxLength={100}
            value={holdCase}
            onChange={setHoldCase}
          />
        )}
        <SubmitButton busy={action.state.busy !== null}>{t('hearings.outcomeSubmit')}</SubmitButton>
      </fieldset>
    </form>
  );
}
