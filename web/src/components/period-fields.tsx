import { useI18n } from '../language.tsx';
import { DateField } from './fields.tsx';

interface PeriodFieldsProps {
  /** Prefix of the inputs' ids: `${formId}-from`, `${formId}-to`. */
  formId: string;
  from: string;
  to: string;
  onFrom: (value: string) => void;
  onTo: (value: string) => void;
  /** The field the period was refused at (not a date, or `to` before `from`), which says why; null: none. */
  invalidAt: 'from' | 'to' | null;
}

/** The From and To date fields of a period filter (regime log, compliance report). */
export function PeriodFields({ formId, from, to, onFrom, onTo, invalidAt }: PeriodFieldsProps) {
  const { t } = useI18n();
  const error = t('regime.common.periodInvalid');
  return (
    <>
      <DateField
        id={`${formId}-from`}
        label={t('regime.common.from')}
        value={from}
        onChange={onFrom}
        error={invalidAt === 'from' ? error : undefined}
      />
      <DateField
        id={`${formId}-to`}
        label={t('regime.common.to')}
        value={to}
        onChange={onTo}
        error={invalidAt === 'to' ? error : undefined}
      />
    </>
  );
}
