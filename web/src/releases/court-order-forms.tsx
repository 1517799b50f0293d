import { type FormEvent, useId, useState } from 'react';
import type { ActionRunner } from '../components/action-feedback.tsx';
import { DateField, TextAreaField, TextField } from '../components/fields.tsx';
import { SubmitButton } from '../custody/submit-button.tsx';
import { useI18n } from '../language.tsx';
import { explainDetention, overrideReleaseDate } from './api.ts';

/** A court order as typed: reference, court and date, each as text. */
interface OrderDraft {
  reference: string;
  court: string;
  date: string;
}
type Field = 'date' | 'reason' | 'reference' | 'court' | 'orderDate';
type Refusals = Partial<Record<Field, string>>;

const EMPTY: OrderDraft = { reference: '', court: '', date: '' };
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The order's three fields; each one's refusal is shown under it. */
function CourtOrderFields({
  id,
  order,
  onChange,
  refusals,
}: {
  id: string;
  order: OrderDraft;
  onChange: (order: OrderDraft) => void;
  refusals: Refusals;
}) {
  const { t } = useI18n();
  return (
    <>
      <TextField
        id={`${id}-reference`}
        label={t('courtOrder.reference')}
        hint={t('courtOrder.referenceHint')}
        value={order.reference}
        onChange={(reference) => onChange({ ...order, reference })}
        maxLength={200}
        error={refusals.reference}
      />
      <TextField
        id={`${id}-court`}
        label={t('courtOrder.court')}
        value={order.court}
        onChange={(court) => onChange({ ...order, court })}
        maxLength={200}
        error={refusals.court}
      />
      <DateField
        id={`${id}-order-date`}
        label={t('courtOrder.date')}
        value={order.date}
        onChange={(date) => onChange({ ...order, date })}
        error={refusals.orderDate}
      />
    </>
  );
}

/** What is wrong with an order: all three fields are needed once any is given (or when `required`). */
function orderRefusals(order: OrderDraft, required: boolean, say: (key: 'courtOrder.incomplete') => string) {
  const given = order.reference.trim() || order.court.trim() || order.date;
  if (!required && !given) return {};
  const refusals: Refusals = {};
  if (!order.reference.trim()) refusals.reference = say('courtOrder.incomplete');
  if (!order.court.trim()) refusals.court = say('courtOrder.incomplete');
  if (!DATE.test(order.date)) refusals.orderDate = say('courtOrder.incomplete');
  return refusals;
}

const trimmed = (order: OrderDraft) => ({
  reference: order.reference.trim(),
  court: order.court.trim(),
  date: order.date,
});

/**
 * The override (a court, or sending legal on its behalf): the new date, why, and the court's order when
 * there is one. Nothing is sent while a field is refused.
 */
export function OverrideForm({ personId, action }: { personId: string; action: ActionRunner }) {
  const { t } = useI18n();
  const id = useId();
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const [order, setOrder] = useState<OrderDraft>(EMPTY);
  const [refusals, setRefusals] = useState<Refusals>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Refusals = { ...orderRefusals(order, false, t) };
    if (!DATE.test(date)) found.date = t('releaseDate.overrideDateMissing');
    if (!reason.trim()) found.reason = t('releaseDate.overrideReasonMissing');
    setRefusals(found);
    if (Object.keys(found).length > 0) return;
    const withOrder = order.reference.trim() ? { courtOrder: trimmed(order) } : {};
    void action.run(
      'override',
      () => overrideReleaseDate(personId, { date, reason: reason.trim(), ...withOrder }),
      ({ t, fmt }) => t('releaseDate.overrideDone', { date: fmt.date(date) }),
    );
  };
  return (
    <form className="usa-form usa-form--large" onSubmit={submit} noValidate>
      <h3>{t('releaseDate.overrideTitle')}</h3>
      <p className="usa-hint">{t('releaseDate.overrideIntro')}</p>
      <DateField
        id={`${id}-date`}
        label={t('releaseDate.overrideDate')}
        value={date}
        required
        onChange={setDate}
        error={refusals.date}
      />
      <TextAreaField
        id={`${id}-reason`}
        label={t('releaseDate.overrideReason')}
        value={reason}
        required
        onChange={setReason}
        maxLength={2000}
        error={refusals.reason}
      />
      <CourtOrderFields id={id} order={order} onChange={setOrder} refusals={refusals} />
      <SubmitButton busy={action.state.busy !== null}>{t('releaseDate.overrideSubmit')}</SubmitButton>
    </form>
  );
}

/** The court order explaining why the person is held past the date: it ends the alarm for this custody. */
export function ExplanationForm({ personId, action }: { personId: string; action: ActionRunner }) {
  const { t } = useI18n();
  const id = useId();
  const [order, setOrder] = useState<OrderDraft>(EMPTY);
  const [note, setNote] = useState('');
  const [refusals, setRefusals] = useState<Refusals>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = orderRefusals(order, true, t);
    setRefusals(found);
    if (Object.keys(found).length > 0) return;
    void action.run(
      'explain',
      () =>
        explainDetention(personId, {
          courtOrder: trimmed(order),
          ...(note.trim() ? { note: note.trim() } : {}),
        }),
      ({ t }) => t('releaseDate.explainDone', { reference: order.reference.trim() }),
    );
  };
  return (
    <form className="usa-form usa-form--large" onSubmit={submit} noValidate>
      <h3>{t('releaseDate.explainTitle')}</h3>
      <p className="usa-hint">{t('releaseDate.explainIntro')}</p>
      <CourtOrderFields id={`${id}-x`} order={order} onChange={setOrder} refusals={refusals} />
      <TextAreaField
        id={`${id}-note`}
        label={t('releaseDate.explainNote')}
        value={note}
        onChange={setNote}
        maxLength={2000}
      />
      <SubmitButton busy={action.state.busy !== null}>{t('releaseDate.explainSubmit')}</SubmitButton>
    </form>
  );
}
