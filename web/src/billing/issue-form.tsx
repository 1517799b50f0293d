import { type FormEvent, useId, useState } from 'react';
import type { ActionRunner } from '../components/action-feedback.tsx';
import { DateField } from '../components/fields.tsx';
import { useI18n } from '../language.tsx';
import { wallClockIn } from '../zoned-time.ts';
import { ActionForm, SubmitButton } from './action-form.tsx';
import { type InvoiceDetail, issueInvoice } from './api.ts';

/**
 * Issues a draft for good. An invoice may take a due date (today or later, in the invoice's zone; empty
 * means 30 days after today); a credit note applies to the invoice it corrects.
 */
export function IssueForm({ doc, name, runner }: { doc: InvoiceDetail; name: string; runner: ActionRunner }) {
  const { t, fmt } = useI18n();
  const id = useId();
  const [dueOn, setDueOn] = useState('');
  const [shown, setShown] = useState(false);
  const today = wallClockIn(doc.zone).slice(0, 10);
  const isCredit = doc.kind === 'credit_note';
  const invalid = dueOn !== '' && (!/^\d{4}-\d{2}-\d{2}$/.test(dueOn) || dueOn < today);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setShown(true);
    if (invalid) return;
    await runner.run(
      'issue',
      () => issueInvoice(doc.number, isCredit || !dueOn ? undefined : dueOn),
      ({ t, fmt }, issued) =>
        issued.dueOn
          ? t('invoice.issuedDue', { name, due: fmt.date(issued.dueOn) })
          : t('invoice.issuedNow', { name }),
    );
  };
  return (
    <ActionForm
      title={t('invoice.issueTitle', { name })}
      note={isCredit ? t('invoice.issueCreditNote') : t('invoice.issueNote')}
      className="custodia-invoice-form"
      onSubmit={submit}
    >
      {!isCredit && (
        <DateField
          id={`${id}-due`}
          label={t('invoice.dueOn')}
          hint={t('invoice.dueOnHint')}
          error={shown && invalid ? t('invoice.dueOnInvalid', { today: fmt.date(today) }) : undefined}
          min={today}
          value={dueOn}
          onChange={setDueOn}
        />
      )}
      <SubmitButton runner={runner} action="issue" label={t('invoice.issue')} />
    </ActionForm>
  );
}
