import { type FormEvent, useId, useState } from 'react';
import { useCan } from '../access.tsx';
import { ActionFeedback, type ActionRunner, useAction } from '../components/action-feedback.tsx';
import { TextAreaField } from '../components/fields.tsx';
import { type I18n, useI18n } from '../language.tsx';
import { ActionForm, SubmitButton } from './action-form.tsx';
import { type BillingReport, type ReportObligation, submitUseOfFunds } from './api.ts';
import { DataTable } from './data-table.tsx';

function reportName(t: I18n['t'], o: ReportObligation): string {
  return o.report === 'use-of-funds' ? t('finance.useOfFunds') : o.report;
}

/** The reports the agreement owes, with their status; finance records a submission. */
export function Obligations({ report, onChanged }: { report: BillingReport; onChanged: () => void }) {
  const { t, fmt } = useI18n();
  const can = useCan();
  const runner = useAction(onChanged);
  if (report.obligations.length === 0) return <p className="custodia-empty">{t('finance.noObligations')}</p>;
  const open = report.obligations.filter((o) => o.status !== 'submitted');
  return (
    <>
      <p className="margin-top-0">{t('finance.obligationsNote')}</p>
      <DataTable caption={t('finance.obligations')} hideCaption className="custodia-finance-reports">
        <thead>
          <tr>
            <th scope="col">{t('finance.report')}</th>
            <th scope="col">{t('finance.period')}</th>
            <th scope="col">{t('finance.dueOn')}</th>
            <th scope="col">{t('common.status')}</th>
            <th scope="col">{t('finance.submittedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {report.obligations.map((o) => (
            <tr key={`${o.report}-${o.period}`} data-period={o.period} data-status={o.status}>
              <th scope="row">{reportName(t, o)}</th>
              <td>{o.period}</td>
              <td>
                <time dateTime={o.dueOn}>{fmt.date(o.dueOn)}</time>
              </td>
              <td>
                <span
                  className={`usa-tag custodia-obligation custodia-obligation--${o.status}`}
                  data-status={o.status}
                >
                  {t(`finance.obligation.${o.status}`)}
                </span>
              </td>
              <td>{o.submittedAt ? fmt.localInstant(o.submittedAt) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      {can('billing:write') && (
        <>
          <ActionFeedback state={runner.state} />
          {open.map((o) => (
            <SubmitReport key={o.period} agreement={report.agreement} obligation={o} runner={runner} />
          ))}
        </>
      )}
    </>
  );
}

/** Records that a year's use-of-funds report was submitted, with an optional note on how and to whom. */
function SubmitReport({
  agreement,
  obligation,
  runner,
}: {
  agreement: string;
  obligation: ReportObligation;
  runner: ActionRunner;
}) {
  const { t } = useI18n();
  const id = useId();
  const [note, setNote] = useState('');
  const year = Number(obligation.period);
  const key = `submit-${obligation.period}`;
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const ok = await runner.run(
      key,
      () => submitUseOfFunds(agreement, year, note.trim() || undefined),
      ({ t }) => t('finance.submitted', { year }),
    );
    if (ok) setNote('');
  };
  return (
    <ActionForm
      title={t('finance.submitTitle', { year })}
      className="custodia-finance-submit"
      onSubmit={submit}
    >
      <TextAreaField
        id={`${id}-note`}
        label={t('finance.submitNote')}
        hint={t('finance.submitNoteHint')}
        rows={2}
        maxLength={2000}
        value={note}
        onChange={setNote}
      />
      <SubmitButton runner={runner} action={key} label={t('finance.submit', { year })} />
    </ActionForm>
  );
}
