import { useId } from 'react';
import { DateField, FieldGroup } from '../components/fields.tsx';
import { useI18n } from '../language.tsx';
import { zonedToInstant } from '../zoned-time.ts';
import './zoned-field.css';

/** A zoned time as a form holds it: the wall-clock date-time typed and its IANA zone. */
export interface ZonedDraft {
  local: string;
  zone: string;
}

/** A wall-clock date-time and its IANA zone, with the instant it will be sent as. */
export function ZonedField({
  legend,
  value,
  onChange,
  invalid,
  zonesId,
}: {
  legend: string;
  value: ZonedDraft;
  onChange: (value: ZonedDraft) => void;
  invalid: boolean;
  /** The id of the datalist of known zones the zone field suggests from. */
  zonesId: string;
}) {
  const { t, fmt } = useI18n();
  const id = useId();
  const instant = zonedToInstant(value.local, value.zone);
  return (
    <fieldset
      className={`usa-fieldset custodia-zoned${invalid ? ' usa-form-group usa-form-group--error' : ''}`}
      aria-describedby={invalid ? `${id}-error` : undefined}
    >
      <legend className="usa-legend text-bold">{legend}</legend>
      {invalid && (
        <span className="usa-error-message" id={`${id}-error`} role="alert">
          {t('manifests.timeInvalid')}
        </span>
      )}
      <div className="custodia-form-row">
        <DateField
          id={`${id}-local`}
          label={t('manifests.localTime')}
          withTime
          value={value.local}
          onChange={(local) => onChange({ ...value, local })}
        />
        <FieldGroup id={`${id}-zone`} label={t('manifests.zone')}>
          <input
            className="usa-input"
            id={`${id}-zone`}
            list={zonesId}
            spellCheck={false}
            autoCapitalize="off"
            value={value.zone}
            onChange={(event) => onChange({ ...value, zone: event.target.value })}
            aria-invalid={invalid || undefined}
            aria-describedby={`${id}-instant`}
          />
        </FieldGroup>
      </div>
      <p className="usa-hint margin-top-1" id={`${id}-instant`}>
        {instant
          ? t('manifests.sentAs', { instant, readable: fmt.zoned(instant, value.zone) })
          : t('manifests.zoneHint')}
      </p>
    </fieldset>
  );
}
