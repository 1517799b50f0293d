import { type FormEvent, useId, useState } from 'react';
import type { AgreementList } from '../api.ts';
import { ActionFeedback, useAction } from '../components/action-feedback.tsx';
import { SelectField } from '../components/fields.tsx';
import { Section } from '../components/section.tsx';
import { type I18n, useI18n } from '../language.tsx';
import { Link } from '../router.tsx';
import { SubmitButton } from './action-form.tsx';
import { type GenerationResult, generateInvoice, invoicePage } from './api.ts';
import { MonthField } from './billing-fields.tsx';
import {
  agreementChoices,
  count,
  DEFAULT_AGREEMENT,
  documentName,
  isMonth,
  monthName,
} from './billing-words.ts';
import { InvoiceStatusTag } from './invoice-status-tag.tsx';
import { type MoneyFormat, moneyFormat, useMoney } from './money-format.ts';

/** The calendar month before today's, `YYYY-MM`: the month usually billed next. */
function lastMonth(): string {
  const now = new Date();
  const month = now.getMonth() === 0 ? 12 : now.getMonth();
  const year = now.getMonth() === 0 ? now.getFullYear() - 1 : now.getFullYear();
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** Finance's form: an agreement and a month; then what generating did, with links to the documents. */
export function GenerateInvoice({
  agreements,
  initial,
  onGenerated,
}: {
  agreements: AgreementList['items'];
  initial: string | null;
  onGenerated: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const money = useMoney();
  const id = useId();
  const [chosen, setChosen] = useState<string | null>(initial);
  const [month, setMonth] = useState(lastMonth);
  const [invalid, setInvalid] = useState(false);
  const [result, setResult] = useState<GenerationResult | null>(null);
  const runner = useAction(onGenerated);
  const agreement =
    chosen ??
    (agreements.some((a) => a.code === DEFAULT_AGREEMENT) ? DEFAULT_AGREEMENT : agreements[0]?.code) ??
    DEFAULT_AGREEMENT;
  const choices =
    agreements.length === 0 ? [{ value: agreement, label: agreement }] : agreementChoices(agreements);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const bad = !isMonth(month);
    setInvalid(bad);
    if (bad) return;
    setResult(null);
    await runner.run(
      'generate',
      () =>
        generateInvoice(agreement, month).then((r) => {
          setResult(r);
          return r;
        }),
      (now, r) => generationText(now, moneyFormat(now.fmt.locale), r),
    );
  };

  return (
    <Section title={t('invoices.generate')} intro={t('invoices.generateNote')} className="custodia-generate">
      <form className="usa-form custodia-action custodia-generate__form" onSubmit={submit} noValidate>
        <div className="custodia-form-row custodia-generate__row">
          <SelectField
            id={`${id}-agreement`}
            label={t('invoices.agreement')}
            value={agreement}
            onChange={setChosen}
            choices={choices}
          />
          <MonthField
            id={`${id}-month`}
            label={t('invoices.generateMonth')}
            hint={t('invoices.monthHint')}
            error={invalid ? t('invoices.monthInvalid') : undefined}
            value={month}
            onChange={setMonth}
          />
        </div>
        <SubmitButton runner={runner} action="generate" label={t('invoices.generateButton')} />
      </form>
      <div className="custodia-generate__result">
        <ActionFeedback state={runner.state} refusedTitle={t('invoices.generateRefused')} />
        {result && runner.state.done && (
          <ul className="custodia-generate__documents" data-action={result.action}>
            {result.documents.map((d) => (
              <li key={d.id} data-number={d.number} data-kind={d.kind}>
                <Link href={invoicePage(d.number)} className="usa-link text-bold">
                  {documentName(t, d.kind, d.number)}
                </Link>{' '}
                <InvoiceStatusTag status={d.status} /> {money.amountIn(d.totalCents, d.currency)}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Section>
  );
}

/** What generating a month did, in a sentence. */
function generationText(i18n: I18n, money: MoneyFormat, r: GenerationResult): string {
  const { t, fmt } = i18n;
  const invoice = r.documents.find((d) => d.kind === 'invoice');
  const words = {
    name: invoice ? documentName(t, invoice.kind, invoice.number) : '',
    month: monthName(fmt.locale, r.month),
    people: count(i18n, 'people', r.bill.lines),
    days: count(i18n, 'days', r.bill.totalDays),
    amount: money.amountIn(r.bill.totalCents, invoice?.currency ?? 'USD'),
  };
  switch (r.action) {
    case 'drafted':
      return t('invoices.drafted', words);
    case 'redrafted':
      return t('invoices.redrafted', words);
    case 'corrections':
      return t('invoices.corrections', words);
    case 'unchanged':
      return t('invoices.unchanged', words);
  }
}
