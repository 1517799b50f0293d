import { type FormEvent, useId, useState } from 'react';
import { HOLD_TYPES, type HoldType, isHoldType } from '../api.ts';
import type { ActionRunner } from '../components/action-feedback.tsx';
import { DateField, SelectField } from '../components/fields.tsx';
import { useI18n } from '../language.tsx';
import { today } from '../zoned-time.ts';
import { ActionBox } from './action-box.tsx';
import { recordHold } from './api.ts';
import { blankOf, type CourtCase, CourtCaseFields } from './court-case-fields.tsx';
import { RunButton } from './run-button.tsx';

/**
 * Records a legal hold on the person: every open pre-departure transfer of theirs goes on hold. The court,
 * the case and the issue date are required; nothing is sent while one is missing.
 */
export function HoldForm({ personId, runner }: { personId: string; runner: ActionRunner }) {
  const { t, label } = useI18n();
  const id = useId();
  const [type, setType] = useState<HoldType>('tro');
  const [order, setOrder] = useState<CourtCase>({ court: '', case: '' });
  const [issued, setIssued] = useState(today());
  const [invalid, setInvalid] = useState<string[]>([]);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const missing = [...blankOf(order), ...(/^\d{4}-\d{2}-\d{2}$/.test(issued) ? [] : ['issued'])];
    setInvalid(missing);
    if (missing.length > 0) return;
    const ok = await runner.run(
      'hold',
      () => recordHold(personId, { type, court: order.court.trim(), case: order.case.trim(), issued }),
      ({ t }, result) => t('transfer.holdRecorded', { n: result.transfersHeld.length }),
    );
    if (ok) setOrder({ court: '', case: '' });
  };
  return (
    <ActionBox title={t('transfer.recordHold')} note={t('transfer.recordHoldNote')} onSubmit={submit}>
      {invalid.length > 0 && (
        <span className="usa-error-message" role="alert">
          {t('transfer.holdMissing')}
        </span>
      )}
      <div className="custodia-form-row">
        <SelectField
          id={`${id}-type`}
          label={t('transfer.holdType')}
          className="custodia-form-row__wide"
          value={type}
          onChange={(value) => {
            if (isHoldType(value)) setType(value);
          }}
          choices={HOLD_TYPES.map((value) => ({ value, label: label('holdType', value) }))}
        />
        <CourtCaseFields id={id} value={order} onChange={setOrder} invalid={invalid} />
        <DateField
          id={`${id}-issued`}
          label={t('holds.issued')}
          required
          value={issued}
          onChange={setIssued}
          error={invalid.includes('issued') ? t('transfer.issuedMissing') : undefined}
        />
      </div>
      <RunButton
        runner={runner}
        runKey="hold"
        submit
        className="usa-button usa-button--secondary margin-top-2"
      >
        {t('transfer.recordHold')}
      </RunButton>
    </ActionBox>
  );
}
