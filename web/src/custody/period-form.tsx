import { type ReactNode, useId } from 'react';
import { PeriodFields } from '../components/period-fields.tsx';
import { useI18n } from '../language.tsx';
import type { Period, PeriodProblem } from './period.ts';
import type { PeriodFilter } from './use-period.ts';
import './period-form.css';

/** What is wrong with the address's period, in the reader's language. */
function useProblemText() {
  const { t } = useI18n();
  return (problem: PeriodProblem): string => {
    const field = (name: 'from' | 'to') => t(name === 'from' ? 'regime.common.from' : 'regime.common.to');
    if (problem.code === 'reversed') return t('regime.common.problem.reversed', problem);
    if (problem.code === 'missing')
      return t('regime.common.problem.missing', { field: field(problem.field) });
    return t('regime.common.problem.notDate', { field: field(problem.field), value: problem.value });
  };
}

/**
 * The period filter of a standards page, a search landmark: the From and To dates, the page's own fields
 * and buttons, where the records are ("Records from … to …"), and an alert when the address asked for a
 * period that is not one.
 */
export function PeriodForm({
  filter,
  title,
  titleHidden = false,
  submitLabel,
  onShow,
  fields,
  actions,
  hint,
}: {
  filter: PeriodFilter;
  title: string;
  /** The title is for screen readers only (the page's heading already says what is shown). */
  titleHidden?: boolean;
  submitLabel: string;
  onShow: (period: Period) => void;
  /** Fields after the dates (the regime log's cells). */
  fields?: ReactNode;
  /** Links after the submit button. */
  actions?: ReactNode;
  hint?: ReactNode;
}) {
  const { t, fmt } = useI18n();
  const formId = useId();
  const problemText = useProblemText();
  const { period, records, problem } = filter;
  return (
    <search aria-labelledby={`${formId}-period`}>
      <form className="usa-form custodia-filters" onSubmit={filter.submit(onShow)} noValidate>
        <h2
          id={`${formId}-period`}
          className={titleHidden ? 'usa-sr-only' : 'usa-legend custodia-filters__legend margin-top-0'}
        >
          {title}
        </h2>
        {problem && period && (
          <div className="usa-alert usa-alert--warning usa-alert--slim custodia-period-problem" role="alert">
            <div className="usa-alert__body">
              <p className="usa-alert__text">
                {t('regime.common.addressPeriod', {
                  reason: problemText(problem),
                  from: fmt.date(period.from),
                  to: fmt.date(period.to),
                })}
              </p>
            </div>
          </div>
        )}
        <div className="custodia-filters__row">
          <PeriodFields
            formId={formId}
            from={filter.from}
            to={filter.to}
            onFrom={filter.setFrom}
            onTo={filter.setTo}
            invalidAt={filter.invalidAt}
          />
          {fields}
        </div>
        <div className="custodia-filters__buttons">
          <button type="submit" className="usa-button">
            {submitLabel}
          </button>
          {actions}
        </div>
        {hint && <p className="usa-hint margin-bottom-0">{hint}</p>}
        {filter.recordsKnown && (
          <p className="custodia-records-span margin-bottom-0" data-records={records ? 'yes' : 'no'}>
            {records
              ? t('regime.common.records', { from: fmt.date(records.first), to: fmt.date(records.last) })
              : t('regime.common.noRecords')}
          </p>
        )}
      </form>
    </search>
  );
}
