import { type FormEvent, useId, useState } from 'react';
import type { ActionRunner } from '../components/action-feedback.tsx';
import { DateField, TextField } from '../components/fields.tsx';
import { useI18n } from '../language.tsx';
import { wallClockIn } from '../zoned-time.ts';
import { ActionForm, SubmitButton } from './action-form.tsx';
import { type InvoiceDetail, recordPayment } from './api.ts';
import { MoneyField } from './billing-fields.tsx';
import { moneyFormat, useMoney } from './money-format.ts';
import { readAmount, useAmountError } from './read-amount.ts';

type Errors = Partial<Record<'amount' | 'receivedOn' | 'reference', string>>;

/**
 * Records a payment received against an issued invoice: an amount up to the balance, the date received
 * (today at the latest, in the invoice's zone) and the remittance's reference. A refused field is named
 * with why, and nothing is sent.
 */
export function PaymentForm({ doc, runner }: { doc: InvoiceDetail; runner: ActionRunner }) {
  const { t } = useI18n();
  const money = useMoney();
  const id = useId();
  const cur = doc.currency.trim();
  const amountError = useAmountError(cur);
  const today = wallClockIn(doc.zone).slice(0, 10);
  const [amount, setAmount] = useState('');
  const [receivedOn, setReceivedOn] = useState(today);
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const balance = money.amountIn(doc.balanceCents, cur);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const read = readAmount(amount, doc.balanceCents);
    const found: Errors = {};
    if (!read.ok) found.amount = amountError(read.reason, t('payment.amountOver', { balance }));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(receivedOn)) found.receivedOn = t('payment.receivedOnInvalid');
    else if (receivedOn > today) found.receivedOn = t('payment.receivedOnFuture');
    if (!reference.trim()) found.reference = t('payment.referenceMissing');
    setErrors(found);
    if (!read.ok || Object.keys(found).length > 0) return;
    const cents = read.cents;
    const ok = await runner.run(
      'payment',
      () => recordPayment(doc.number, { amountCents: cents, receivedOn, reference: reference.trim() }),
      ({ t, fmt }, updated) =>
        t('payment.recordedNow', {
          amount: moneyFormat(fmt.locale).amountIn(cents, cur),
          balance: moneyFormat(fmt.locale).amountIn(updated.balanceCents, cur),
          status: t(`invoice.status.${updated.status}`),
        }),
    );
    if (ok) {
      setAmount('');
      setReference('');
    }
  };
  return (
    <ActionForm
      title={t('payment.title')}
      note={t('payment.note', { balance })}
      className="custodia-invoice-form"
      onSubmit={submit}
    >
      <div className="custodia-form-row">
        <MoneyField
          id={`${id}-amount`}
          name="amount"
          label={t('payment.amount', { currency: cur })}
          hint={t('payment.amountHint')}
          error={errors.amount}
          value={amount}
          onChange={setAmount}
        />
        <DateField
          id={`${id}-received`}
          label={t('payment.receivedOn')}
          error={errors.receivedOn}
          max={today}
          value={receivedOn}
          onChange={setReceivedOn}
        />
      </div>
      <TextField
        id={`${id}-reference`}
        className="custodia-invoice-reference"
        label={t('payment.reference')}
        hint={t('payment.referenceHint')}
        error={errors.reference}
        maxLength={200}
        value={reference}
        onChange={setReference}
      />
      <SubmitButton runner={runner} action="payment" label={t('payment.submit')} />
    </ActionForm>
  );
}
