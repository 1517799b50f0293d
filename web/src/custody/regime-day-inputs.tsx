import { describedBy, FieldGroup } from '../components/fields.tsx';
import { useI18n } from '../language.tsx';
import type { FieldError } from './regime-draft.ts';
import { type BooleanField, NUMBER_FIELDS, type NumberField } from './regime-fields.ts';

/** A field's errors, one a line; the server's (in English) marked as such. Null when there are none. */
export function ErrorList({ errors }: { errors: readonly FieldError[] }) {
  if (errors.length === 0) return null;
  return (
    <>
      {errors.map((error) => (
        <span key={error.text} className="custodia-field-error" lang={error.server ? 'en' : undefined}>
          {error.text}
        </span>
      ))}
    </>
  );
}

/** What a field of the regime day form takes: the form's id, the field, its value, errors and change. */
interface InputProps<F extends string, V extends string> {
  formId: string;
  field: F;
  value: V;
  errors: readonly FieldError[];
  onChange: (value: V) => void;
}

/**
 * A measured field of the regime log, with its unit after it. A whole field is a number input bounded like
 * the server's schema; a decimal one stays text, since a number input drops a decimal comma ("1,5") in
 * some browsers and languages.
 */
export function MeasureInput({ formId, field, value, errors, onChange }: InputProps<NumberField, string>) {
  const { t } = useI18n();
  const spec = NUMBER_FIELDS[field];
  const id = `${formId}-${field}`;
  const hint = t(`regime.hint.${field}`);
  const error = errors.length > 0 ? <ErrorList errors={errors} /> : undefined;
  return (
    <FieldGroup id={id} label={t(`regime.field.${field}`)} hint={hint} error={error}>
      <div className="usa-input-group custodia-input-group">
        <input
          className="usa-input"
          id={id}
          name={field}
          {...(spec.decimal ? {} : { type: 'number', min: 0, max: spec.max, step: 1 })}
          inputMode={spec.decimal ? 'decimal' : 'numeric'}
          autoComplete="off"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-describedby={describedBy({ id, hint, error })}
          aria-invalid={error ? true : undefined}
        />
        <div className="usa-input-suffix" aria-hidden="true">
          {t(`regime.unit.${spec.unit}`)}
        </div>
      </div>
    </FieldGroup>
  );
}

/** A yes-or-no field of the regime log, with "not recorded" as its third answer. */
export function YesNoInput({
  formId,
  field,
  value,
  errors,
  onChange,
}: InputProps<BooleanField, '' | 'yes' | 'no'>) {
  const { t } = useI18n();
  const id = `${formId}-${field}`;
  const invalid = errors.length > 0;
  return (
    <fieldset
      className={
        invalid ? 'usa-fieldset usa-form-group usa-form-group--error' : 'usa-fieldset usa-form-group'
      }
      aria-describedby={describedBy({ id, hint: true, error: invalid })}
    >
      <legend className="usa-legend">{t(`regime.field.${field}`)}</legend>
      <div className="usa-hint" id={`${id}-hint`}>
        {t(`regime.hint.${field}`)}
      </div>
      {invalid && (
        <span className="usa-error-message" id={`${id}-error`} role="alert">
          <ErrorList errors={errors} />
        </span>
      )}
      <div className="custodia-radio-row">
        {(['yes', 'no', ''] as const).map((choice) => (
          <div className="usa-radio" key={choice || 'unknown'}>
            <input
              className="usa-radio__input"
              id={`${id}-${choice || 'unknown'}`}
              type="radio"
              name={id}
              value={choice}
              checked={value === choice}
              onChange={() => onChange(choice)}
            />
            <label className="usa-radio__label" htmlFor={`${id}-${choice || 'unknown'}`}>
              {choice === 'yes'
                ? t('common.yes')
                : choice === 'no'
                  ? t('common.no')
                  : t('regime.notRecorded')}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
