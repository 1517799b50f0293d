import { useI18n } from '../language.tsx';

interface PeriodFieldsProps {
  /** Prefix of the inputs' ids: `${formId}-from`, `${formId}-to`. */
  formId: string;
  from: string;
  to: string;
  onFrom: (value: string) => void;
  onTo: (value: string) => void;
  /** The period was refused (`to` before `from`, or not a date): both fields say so. */
  invalid: boolean;
}

/** The From and To date fields of a period filter (regime log, compliance report). */
export function PeriodFields({ formId, from, to, onFrom, onTo, invalid }: PeriodFieldsProps) {
  const { t } = useI18n();
  const field = (key: 'from' | 'to', value: string, onChange: (value: string) => void) => (
    <div className="usa-form-group">
      <label className="usa-label" htmlFor={`${formId}-${key}`}>
        {t(key === 'from' ? 'regime.common.from' : 'regime.common.to')}
      </label>
      <input
        className="usa-input custodia-date"
        id={`${formId}-${key}`}
        type="date"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={invalid || undefined}
      />
    </div>
  );
  return (
    <>
      {field('from', from, onFrom)}
      {field('to', to, onTo)}
    </>
  );
}
