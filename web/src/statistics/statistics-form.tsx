import { type FormEvent, useState } from 'react';
import { TextField } from '../components/fields.tsx';
import { PeriodFields } from '../components/period-fields.tsx';
import { useI18n } from '../language.tsx';
import type { StatisticsQuery } from './api.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The fields refused before asking: the facility, or the period (not dates, or in the wrong order). */
export function checkQuery(q: StatisticsQuery): { facility: boolean; period: 'from' | 'to' | null } {
  const period = !DATE.test(q.from) ? 'from' : !DATE.test(q.to) || q.to < q.from ? 'to' : null;
  return { facility: q.facility.trim() === '', period };
}

/** The facility code and the period; the statistics are asked for only when both are sound. */
export function StatisticsForm({
  initial,
  onSubmit,
}: {
  initial: StatisticsQuery;
  onSubmit: (q: StatisticsQuery) => void;
}) {
  const { t } = useI18n();
  const [values, setValues] = useState(initial);
  const [refused, setRefused] = useState<ReturnType<typeof checkQuery> | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const check = checkQuery(values);
    if (check.facility || check.period) {
      setRefused(check);
      return;
    }
    setRefused(null);
    onSubmit({ ...values, facility: values.facility.trim() });
  };
  return (
    <form className="usa-form usa-form--large custodia-stat-form" noValidate onSubmit={submit}>
      <fieldset className="usa-fieldset">
        <legend className="usa-legend usa-legend--large">{t('statistics.form.title')}</legend>
        <TextField
          id="statistics-facility"
          label={t('statistics.form.facility')}
          hint={t('statistics.form.facilityHint')}
          value={values.facility}
          onChange={(facility) => setValues((v) => ({ ...v, facility }))}
          error={refused?.facility ? t('statistics.form.missingFacility') : undefined}
          width="medium"
          required
        />
        <PeriodFields
          formId="statistics"
          from={values.from}
          to={values.to}
          onFrom={(from) => setValues((v) => ({ ...v, from }))}
          onTo={(to) => setValues((v) => ({ ...v, to }))}
          invalidAt={refused?.period ?? null}
        />
        <button type="submit" className="usa-button margin-top-3">
          {t('statistics.form.show')}
        </button>
      </fieldset>
    </form>
  );
}
