import { type FormEvent, useId, useState } from 'react';
import type { ActionRunner } from '../components/action-feedback.tsx';
import { useI18n } from '../language.tsx';
import { ActionBox } from './action-box.tsx';
import { blankOf, type CourtCase, CourtCaseFields } from './court-case-fields.tsx';
import { RunButton } from './run-button.tsx';
import { useTransferStep } from './transfer-step.ts';

/** A court-ordered return of a received person: the order's court and case, both required. */
export function ReturnForm({ transferId, runner }: { transferId: string; runner: ActionRunner }) {
  const { label } = useI18n();
  const id = useId();
  const step = useTransferStep(transferId, runner);
  const [order, setOrder] = useState<CourtCase>({ court: '', case: '' });
  const [invalid, setInvalid] = useState<string[]>([]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const blank = blankOf(order);
    setInvalid(blank);
    if (blank.length > 0) return;
    step('order_return', {
      action: 'order_return',
      courtOrder: { court: order.court.trim(), case: order.case.trim() },
    });
  };
  return (
    <ActionBox title={label('transferAction', 'order_return')} onSubmit={submit}>
      <div className="custodia-form-row">
        <CourtCaseFields id={id} value={order} onChange={setOrder} invalid={invalid} />
      </div>
      <RunButton runner={runner} submit className="usa-button margin-top-2">
        {label('transferAction', 'order_return')}
      </RunButton>
    </ActionBox>
  );
}
