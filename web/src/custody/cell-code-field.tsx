import type { ReactNode } from 'react';
import { describedBy, FieldGroup } from '../components/fields.tsx';
import type { FacilityDetail } from './api.ts';

/**
 * A field for cell codes (M1-C01): typed in capitals, not spell-checked, and, given the facility's cells,
 * offering them as suggestions.
 */
export function CellCodeField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  cells,
  className,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  value: string;
  onChange: (value: string) => void;
  /** The facility's cells, suggested as the reader types. */
  cells?: FacilityDetail['cells'];
  className?: string;
}) {
  return (
    <FieldGroup id={id} label={label} hint={hint} error={error} className={className}>
      <input
        className={`usa-input${error ? ' usa-input--error' : ''}`}
        id={id}
        name={id}
        list={cells ? `${id}-cells` : undefined}
        spellCheck={false}
        autoCapitalize="characters"
        autoComplete="off"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy({ id, hint, error })}
        aria-invalid={error ? true : undefined}
      />
      {cells && (
        <datalist id={`${id}-cells`}>
          {cells.map((c) => (
            <option key={c.id} value={c.code} />
          ))}
        </datalist>
      )}
    </FieldGroup>
  );
}
