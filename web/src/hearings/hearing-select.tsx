import { SelectField } from '../components/fields.tsx';
import { useI18n } from '../language.tsx';
import type { Hearing } from './api.ts';

/** Chooses one of a person's hearings by its time on the facility's clock, its court and its room. */
export function HearingSelect({
  id,
  hearings,
  error,
  value,
  onChange,
}: {
  id: string;
  hearings: readonly Hearing[];
  error: string | undefined;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useI18n();
  return (
    <SelectField
      id={id}
      label={t('hearings.outcomeHearing')}
      error={error}
      placeholder={t('hearings.typeChoose')}
      choices={hearings.map((h) => ({
        value: h.id,
        label: `${h.facilityTime.local.replace('T', ' ')} · ${h.court} · ${h.room}`,
      }))}
      value={value}
      onChange={onChange}
    />
  );
}
