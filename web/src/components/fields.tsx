import type { ReactNode } from 'react';

/** What every field shares: the id its label points at, the label, an optional hint and error. */
interface FieldFrame {
  /** The control's id; the hint is `${id}-hint`, the error `${id}-error`. */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** The message shown when the value was refused; its presence marks the field invalid. */
  error?: ReactNode;
  required?: boolean;
  /** Extra classes on the form group (spacing, width). */
  className?: string;
}

/** The ids a control names in `aria-describedby`: its hint, then its error, each when shown. */
export function describedBy(frame: Pick<FieldFrame, 'id' | 'hint' | 'error'>): string | undefined {
  const ids = [frame.hint ? `${frame.id}-hint` : null, frame.error ? `${frame.id}-error` : null].filter(
    (id): id is string => id !== null,
  );
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/**
 * A USWDS form group: the label, the hint, the error (announced when it appears) and the control, wired
 * together so a screen reader reads the hint and the error with the control.
 */
export function FieldGroup({
  id,
  label,
  hint,
  error,
  className,
  children,
}: FieldFrame & { children: ReactNode }) {
  const classes = ['usa-form-group', error ? 'usa-form-group--error' : null, className ?? null].filter(
    Boolean,
  );
  return (
    <div className={classes.join(' ')}>
      <label className={error ? 'usa-label usa-label--error' : 'usa-label'} htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div className="usa-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <span className="usa-error-message" id={`${id}-error`} role="alert">
          {error}
        </span>
      )}
      {children}
    </div>
  );
}

interface InputProps extends FieldFrame {
  value: string;
  onChange: (value: string) => void;
  /** USWDS width modifier: `usa-input--small`, `--medium`, … */
  width?: 'small' | 'medium' | 'xl' | '2xl';
  autoComplete?: string;
  placeholder?: string;
  maxLength?: number;
  disabled?: boolean;
}

function inputClass(error: ReactNode, width: InputProps['width'], extra?: string): string {
  return ['usa-input', width ? `usa-input--${width}` : null, error ? 'usa-input--error' : null, extra ?? null]
    .filter(Boolean)
    .join(' ');
}

/** What every control takes from its field: id, name, value, change, the required and invalid states. */
function controlProps(props: InputProps) {
  return {
    id: props.id,
    name: props.id,
    value: props.value,
    onChange: (event: { target: { value: string } }) => props.onChange(event.target.value),
    disabled: props.disabled,
    required: props.required,
    'aria-required': props.required || undefined,
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': describedBy(props),
  } as const;
}

/** A one-line text field. */
export function TextField(props: InputProps & { type?: 'text' | 'search' | 'url' | 'password' | 'email' }) {
  const { width, autoComplete = 'off', placeholder, maxLength } = props;
  return (
    <FieldGroup {...props}>
      <input
        className={inputClass(props.error, width)}
        {...controlProps(props)}
        type={props.type ?? 'text'}
        autoComplete={autoComplete}
        placeholder={placeholder}
        maxLength={maxLength}
      />
    </FieldGroup>
  );
}

/** A several-line text field. */
export function TextAreaField(props: InputProps & { rows?: number }) {
  const { maxLength, rows } = props;
  return (
    <FieldGroup {...props}>
      <textarea
        className={props.error ? 'usa-textarea usa-input--error' : 'usa-textarea'}
        {...controlProps(props)}
        rows={rows}
        maxLength={maxLength}
      />
    </FieldGroup>
  );
}

/** A calendar date (`YYYY-MM-DD`) or a local date and time (`YYYY-MM-DDTHH:mm`). */
export function DateField(props: InputProps & { withTime?: boolean; min?: string; max?: string }) {
  const { min, max } = props;
  return (
    <FieldGroup {...props}>
      <input
        className={inputClass(props.error, undefined, 'custodia-date')}
        {...controlProps(props)}
        type={props.withTime ? 'datetime-local' : 'date'}
        min={min}
        max={max}
      />
    </FieldGroup>
  );
}

/**
 * A whole number within bounds. The value stays the text typed, so the form can refuse `1e9` or `-1` with
 * its own message rather than the browser silently changing it.
 */
export function NumberField(props: InputProps & { min: number; max: number; step?: number }) {
  const { width = 'medium', min, max, step = 1 } = props;
  return (
    <FieldGroup {...props}>
      <input
        className={inputClass(props.error, width)}
        {...controlProps(props)}
        type="number"
        inputMode="numeric"
        autoComplete="off"
        min={min}
        max={max}
        step={step}
      />
    </FieldGroup>
  );
}

/** One choice of a select: its value and the text shown. */
export interface Choice {
  value: string;
  label: string;
}

/** A drop-down choice; `placeholder` adds a first, empty option. */
export function SelectField(
  props: Omit<InputProps, 'width' | 'autoComplete' | 'maxLength'> & {
    choices: readonly Choice[];
    placeholder?: string;
  },
) {
  const { choices, placeholder } = props;
  return (
    <FieldGroup {...props}>
      <select className={props.error ? 'usa-select usa-input--error' : 'usa-select'} {...controlProps(props)}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </FieldGroup>
  );
}

/**
 * Reads a whole number typed into a field: digits only (no sign, exponent or decimals), within bounds.
 * Returns the number, or why it was refused, so the form can say which bound.
 */
export function readWholeNumber(
  text: string,
  min: number,
  max: number,
): { ok: true; value: number } | { ok: false; reason: 'missing' | 'notWhole' | 'tooSmall' | 'tooLarge' } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'missing' };
  if (!/^\d+$/.test(trimmed)) return { ok: false, reason: 'notWhole' };
  const value = Number(trimmed);
  if (value < min) return { ok: false, reason: 'tooSmall' };
  if (value > max || !Number.isSafeInteger(value)) return { ok: false, reason: 'tooLarge' };
  return { ok: true, value };
}
