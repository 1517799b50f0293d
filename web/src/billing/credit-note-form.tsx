import { type FormEvent, useId, useState } from 'react';
import type { ActionRunner } from '../components/action-feedback.tsx';
import { TextAreaField } from '../components/fields.tsx';
import { useI18n } from '../language.tsx';
import { ActionForm, SubmitButton } from './action-form.tsx';
import { type BillingDocument, draftCreditNote, type InvoiceDetail } from './api.ts';
import { MoneyField } from './billing-fields.tsx';
import { documentName } from './billing-words.ts';
import { useMoney } from './money-format.ts';
import { readAmount, useAmountError } from './read-amount.ts';

type Errors = Partial<Record<'amount' | 'reason', string>>;

/**
 * Drafts a credit note against an issued invoice: an amount up to the balance, for a reason. The draft
 * applies once issued; `onCreated` lets the page link to it.
 */
export function CreditNoteForm({
  doc,
  runner,
  onCreated,
}: {
  doc: InvoiceDetail;
  runner: ActionRunner;
  onCreated: (credit: BillingDocument) => void;
}) {
  const { t } = useI18n();
  const money = useMoney();
  const id = useId();
  const cur = doc.currency.trim();
  const amountError = useAmountError(cur);
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const read = readAmount(amount, doc.balanceCents);
    const found: Errors = {};
    if (!read.ok)
      found.amount = amountError(
        read.reason,
        t('credit.amountOver', { balance: money.amountIn(doc.balanceCents, cur) }),
      );
    if (!reason.trim()) found.reason = t('credit.reasonMissing');
    setErrors(found);
    if (!read.ok || Object.keys(found).length > 0) return;
    const ok = await runner.run(
      'credit',
      () =>
        draftCreditNote(doc.number, { amountCents: read.cents, reason: reason.trim() }).then((created) => {
          onCreated(created);
          return created;
        }),
      ({ t }, created) =>
        t('credit.drafted', {
          name: documentName(t, created.kind, created.number),
          amount: money.amountIn(created.totalCents, cur),
        }),
    );
    if (ok) {
      setAmount('');
      setReason('');
    }
  };
  return (
    <ActionForm
      title={t('credit.title')}
      note={t('credit.note')}
      className="custodia-invoice-form"
      onSubmit={submit}
    >
      <MoneyField
        id={`${id}-amount`}
        name="creditAmount"
        label={t('credit.amount', { currency: cur })}
        hint={t('payment.amountHint')}
        error={errors.amount}
        value={amount}
        onChange={setAmount}
      />
      <TextAreaField
        id={`${id}-reason`}
        label={t('credit.reason')}
        error={errors.reason}
        rows={3}
        maxLength={2000}
        value={reason}
        onChange={setReason}
      />
      <SubmitButton runner={runner} action="credit" label={t('credit.submit')} outline />
    </ActionForm>
  );
}
