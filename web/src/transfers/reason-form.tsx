import { type FormEvent, useId, useState } from 'react';
import type { AllowedAction } from '../api.ts';
import type { ActionRunner } from '../components/action-feedback.tsx';
import { SelectField } from '../components/fields.tsx';
import { useI18n } from '../language.tsx';
import { ActionBox } from './action-box.tsx';
import { RunButton } from './run-button.tsx';
import { useTransferStep } from './transfer-step.ts';

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Reject or cancel: the reason code is asked for, from the list the API gives, in the reader's language.
 * Nothing is sent until one is chosen.
 */
export function ReasonForm({
  action,
  reasonCodes,
  transferId,
  runner,
}: {
  action: 'reject' | 'cancel';
  reasonCodes: AllowedAction['reasonCodes'];
  transferId: string;
  runner: ActionRunner;
}) {
  const { t, label, lang } = useI18n();
  const id = useId();
  const step = useTransferStep(transferId, runner);
  const [code, setCode] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setMissing(!code);
    if (code) step(action, { action, reasonCode: code });
  };
  return (
    <ActionBox title={label('transferAction', action)} onSubmit={submit}>
      <SelectField
        id={`${id}-reason`}
        label={t('transfer.reasonCode')}
        value={code}
        onChange={setCode}
        placeholder={t('transfer.chooseReason')}
        choices={reasonCodes.map((reason) => ({
          value: reason.code,
          label: upperFirst(reason.label[lang] ?? reason.label.en),
        }))}
        error={missing ? t('transfer.reasonMissing') : undefined}
      />
      <RunButton
        runner={runner}
        runKey={action}
        submit
        className="usa-button usa-button--secondary margin-top-2"
      >
        {label('transferAction', action)}
      </RunButton>
    </ActionBox>
  );
}
