import { SelectField, TextAreaField } from '../components/fields.tsx';
import { useI18n } from '../language.tsx';

/** A reason code chosen from a list and the reason in words: what a refusal and a visit not held say. */
export function ReasonFields({
  id,
  codeLabel,
  codes,
  codeText,
  code,
  reason,
  errors,
  onCode,
  onReason,
}: {
  id: string;
  codeLabel: string;
  codes: readonly string[];
  codeText: (code: string) => string;
  code: string;
  reason: string;
  errors: { code?: string; reason?: string };
  onCode: (code: string) => void;
  onReason: (reason: string) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <SelectField
        id={`${id}-code`}
        label={codeLabel}
        placeholder="—"
        choices={codes.map((c) => ({ value: c, label: codeText(c) }))}
        error={errors.code}
        value={code}
        onChange={onCode}
      />
      <TextAreaField
        id={`${id}-reason`}
        label={t('visits.reasonText')}
        hint={t('visits.reasonTextHint')}
        error={errors.reason}
        rows={2}
        maxLength={2000}
        value={reason}
        onChange={onReason}
      />
    </>
  );
}

/** The errors of a reason: a code chosen, and words given. */
export function reasonErrors(
  code: string,
  reason: string,
  t: (key: 'visits.codeMissing' | 'visits.reasonMissing') => string,
): { code?: string; reason?: string } {
  return {
    ...(code === '' ? { code: t('visits.codeMissing') } : {}),
    ...(reason.trim() === '' ? { reason: t('visits.reasonMissing') } : {}),
  };
}
