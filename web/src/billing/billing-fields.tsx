import type { InputHTMLAttributes, ReactNode } from 'react';
import { describedBy, FieldGroup } from '../components/fields.tsx';

interface BareFieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  value: string;
  onChange: (value: string) => void;
}

/** A form group around one input the shared fields have no kind for, wired as they wire theirs. */
function InputField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  input,
}: BareFieldProps & { input: InputHTMLAttributes<HTMLInputElement> }) {
  return (
    <FieldGroup id={id} label={label} hint={hint} error={error}>
      <input
        className={error ? 'usa-input usa-input--error' : 'usa-input'}
        id={id}
        name={id}
        autoComplete="off"
        {...input}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy({ id, hint, error })}
      />
    </FieldGroup>
  );
}

/**
 * An amount of money as the reader writes it, `1,234.56`: a text input with a decimal keypad, because a
 * number input refuses the thousands separator (and rounds to its step); the form reads it with
 * `readAmount`, which says which bound a refused amount broke.
 */
export function MoneyField(props: BareFieldProps & { name: string }) {
  return <InputField {...props} input={{ name: props.name, inputMode: 'decimal' }} />;
}

/**
 * A calendar month, `YYYY-MM`: the browser's month picker where it has one, a text box with the
 * placeholder elsewhere; the form reads the value with `isMonth`.
 */
export function MonthField(props: BareFieldProps) {
  return <InputField {...props} input={{ type: 'month', placeholder: 'YYYY-MM' }} />;
}
