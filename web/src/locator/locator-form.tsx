import { type FormEvent, useId, useState } from 'react';
import { ApiError } from '../api.ts';
import { DateField, TextField } from '../components/fields.tsx';
import { useI18n } from '../language.tsx';
import { type LocatorAnswer, locate } from './api.ts';
import { CountryField } from './country-field.tsx';
import { checkQuestion, type FieldErrors, type LocatorField, type LocatorValues } from './validate.ts';

/** What a search came to: the locator's answer, or the refusal (bad input, too many searches). */
export type LocatorOutcome = { answer: LocatorAnswer } | { error: ApiError };

const EMPTY: LocatorValues = { aNumber: '', name: '', birthCountry: '', birthDate: '' };

/** Today's date where the reader is, for refusing a birth date in the future. */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * One of the locator's two forms: by A-number, or by full name and birth date; both with the country of
 * birth. A form with a missing or malformed field is not sent: each refused field says why, and the
 * first one takes the focus.
 */
export function LocatorForm({
  form,
  onOutcome,
}: {
  form: 'a_number' | 'name';
  onOutcome: (outcome: LocatorOutcome) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [values, setValues] = useState<LocatorValues>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const field = (name: LocatorField) => `${id}-${name}`;
  const set = (name: LocatorField) => (value: string) => setValues((v) => ({ ...v, [name]: value }));
  const error = (name: LocatorField) => {
    const key = errors[name];
    return key ? t(key) : undefined;
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = checkQuestion(form, values, today());
    if (!checked.ok) {
      setErrors(checked.errors);
      const order: LocatorField[] = ['aNumber', 'name', 'birthCountry', 'birthDate'];
      const first = order.find((name) => checked.errors[name]);
      if (first) document.getElementById(field(first))?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      onOutcome({ answer: await locate(checked.question) });
    } catch (caught) {
      onOutcome({ error: caught instanceof ApiError ? caught : new ApiError(0, {}) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="usa-form usa-form--large custodia-locator-form" onSubmit={submit} noValidate>
      {form === 'a_number' ? (
        <TextField
          id={field('aNumber')}
          label={t('locator.aNumber')}
          hint={t('locator.aNumberHint')}
          value={values.aNumber}
          onChange={set('aNumber')}
          error={error('aNumber')}
          required
          width="medium"
          maxLength={32}
        />
      ) : (
        <TextField
          id={field('name')}
          label={t('locator.name')}
          hint={t('locator.nameHint')}
          value={values.name}
          onChange={set('name')}
          error={error('name')}
          required
          autoComplete="off"
          maxLength={620}
        />
      )}
      <CountryField
        id={field('birthCountry')}
        value={values.birthCountry}
        onChange={set('birthCountry')}
        error={error('birthCountry')}
      />
      {form === 'name' && (
        <DateField
          id={field('birthDate')}
          label={t('locator.birthDate')}
          value={values.birthDate}
          onChange={set('birthDate')}
          error={error('birthDate')}
          required
          max={today()}
        />
      )}
      <button type="submit" className="usa-button margin-top-3" disabled={busy} aria-disabled={busy}>
        {busy ? t('locator.searching') : t('locator.search')}
      </button>
    </form>
  );
}
