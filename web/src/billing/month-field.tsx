import type { ReactNode } from 'react';
import type { AgreementList } from '../api.ts';
import { describedBy, FieldGroup } from '../components/fields.tsx';

/**
 * A calendar month, `YYYY-MM`: the browser's month picker where it has one, a text box with the
 * placeholder elsewhere; the form reads the value with `isMonth`.
 */
export function MonthField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <FieldGroup id={id} label={label} hint={hint} error={error}>
      <input
        className={error ? 'usa-input usa-input--error' : 'usa-input'}
        id={id}
        name={id}
        type="month"
        placeholder="YYYY-MM"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy({ id, hint, error })}
      />
    </FieldGroup>
  );
}

/** The agreements as the choices of a select, by code. */
export function agreementChoices(agreements: AgreementList['items']): { value: string; label: string }[] {
  return agreements.map((a) => ({ value: a.code, label: a.code }));
}
