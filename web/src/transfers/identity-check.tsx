import { useId } from 'react';
import { SelectField } from '../components/fields.tsx';
import { useI18n } from '../language.tsx';

/** An identity check at intake as the officer records it: how it was made and whether it matched. */
export interface IdentityDraft {
  method: 'biometric' | 'document';
  matched: boolean;
}

/**
 * The identity check of one person at intake: the method and whether the identity matched. The server
 * refuses to receive a person whose identity did not match, and says what to record instead.
 */
export function IdentityCheck({
  name,
  value,
  onChange,
}: {
  /** The person checked, for the group's name. */
  name: string;
  value: IdentityDraft;
  onChange: (value: IdentityDraft) => void;
}) {
  const { t, label } = useI18n();
  const id = useId();
  return (
    <fieldset className="usa-fieldset custodia-identity">
      <legend className="usa-sr-only">{t('manifest.identityFor', { name })}</legend>
      <SelectField
        id={`${id}-method`}
        label={t('manifest.method')}
        className="margin-top-0"
        value={value.method}
        onChange={(method) =>
          onChange({ ...value, method: method === 'document' ? 'document' : 'biometric' })
        }
        choices={[
          { value: 'biometric', label: label('identityMethod', 'biometric') },
          { value: 'document', label: label('identityMethod', 'document') },
        ]}
      />
      <div className="usa-checkbox margin-top-1">
        <input
          className="usa-checkbox__input"
          id={`${id}-matched`}
          type="checkbox"
          checked={value.matched}
          onChange={(event) => onChange({ ...value, matched: event.target.checked })}
        />
        <label className="usa-checkbox__label" htmlFor={`${id}-matched`}>
          {t('manifest.matchedLabel')}
        </label>
      </div>
    </fieldset>
  );
}
