import { useMemo } from 'react';
import { ISO_COUNTRIES } from '../../../src/core/countries.ts';
import { SelectField } from '../components/fields.tsx';
import type { Lang } from '../i18n.ts';
import { useI18n } from '../language.tsx';

/** Every country, named in `lang` and sorted by that name, the code in brackets. */
function countryChoices(lang: Lang) {
  const names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' });
  return [...ISO_COUNTRIES]
    .map((code) => ({ value: code, label: `${names.of(code) ?? code} (${code})` }))
    .sort((a, b) => a.label.localeCompare(b.label, lang));
}

/** The country of birth, chosen from the ISO list in the reader's language. */
export function CountryField({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}) {
  const { t, lang } = useI18n();
  const choices = useMemo(() => countryChoices(lang), [lang]);
  return (
    <SelectField
      id={id}
      label={t('locator.birthCountry')}
      value={value}
      onChange={onChange}
      choices={choices}
      placeholder={t('locator.chooseCountry')}
      required
      {...(error ? { error } : {})}
    />
  );
}
