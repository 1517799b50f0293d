import { TextField } from '../components/fields.tsx';
import { useI18n } from '../language.tsx';

/** A court's order as a form holds it: the court and the case number, as typed. */
export interface CourtCase {
  court: string;
  case: string;
}

/** The parts of a court order left blank: `court`, `case`, or both. */
export function blankOf(order: CourtCase): ('court' | 'case')[] {
  return [order.court.trim() ? null : 'court', order.case.trim() ? null : 'case'].filter(
    (field): field is 'court' | 'case' => field !== null,
  );
}

/** The court and case fields of a legal hold or a court-ordered return, each saying when it was left blank. */
export function CourtCaseFields({
  id,
  value,
  onChange,
  invalid,
}: {
  id: string;
  value: CourtCase;
  onChange: (value: CourtCase) => void;
  /** The fields refused at the last submission. */
  invalid: readonly string[];
}) {
  const { t } = useI18n();
  return (
    <>
      <TextField
        id={`${id}-court`}
        label={t('common.court')}
        required
        value={value.court}
        onChange={(court) => onChange({ ...value, court })}
        error={invalid.includes('court') ? t('transfer.courtMissing') : undefined}
      />
      <TextField
        id={`${id}-case`}
        label={t('common.case')}
        required
        value={value.case}
        onChange={(caseNumber) => onChange({ ...value, case: caseNumber })}
        error={invalid.includes('case') ? t('transfer.caseMissing') : undefined}
      />
    </>
  );
}
