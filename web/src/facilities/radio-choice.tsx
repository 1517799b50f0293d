import { useId } from 'react';

/**
 * A choice of one among a few, as USWDS radio buttons in a fieldset named by its legend (the occupancy
 * chart's measure, the allocation's mode).
 */
export function RadioChoice<T extends string | boolean>({
  legend,
  value,
  choices,
  onChange,
  className,
}: {
  legend: string;
  value: T;
  choices: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  className?: string;
}) {
  const id = useId();
  return (
    <fieldset className={['usa-fieldset', className ?? null].filter(Boolean).join(' ')}>
      <legend className="usa-legend">{legend}</legend>
      {choices.map((choice) => (
        <div key={String(choice.value)} className="usa-radio">
          <input
            className="usa-radio__input"
            type="radio"
            id={`${id}-${String(choice.value)}`}
            name={`${id}-choice`}
            value={String(choice.value)}
            checked={value === choice.value}
            onChange={() => onChange(choice.value)}
          />
          <label className="usa-radio__label" htmlFor={`${id}-${String(choice.value)}`}>
            {choice.label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}
