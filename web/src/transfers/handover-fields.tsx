import { useId } from 'react';
import { TextField } from '../components/fields.tsx';
import { useI18n } from '../language.tsx';

/** A handover as the officer records it: the agency or authority that took the person, and its officer. */
export interface HandoverDraft {
  agency: string;
  officer: string;
}

/** The fields of a handover left blank, which the form refuses to send. */
export function blankHandoverFields(draft: HandoverDraft): (keyof HandoverDraft)[] {
  return (['agency', 'officer'] as const).filter((field) => draft[field].trim() === '');
}

/**
 * The handover of one person at the end of a return or repatriation (decision 0023): who took them, by
 * name. Both are required; a return is handed over to one of the agreement's sending agencies, which the
 * server checks and names when it refuses.
 */
export function HandoverFields({
  name,
  value,
  onChange,
  missing,
}: {
  /** The person handed over, for the group's name. */
  name: string;
  value: HandoverDraft;
  onChange: (value: HandoverDraft) => void;
  /** The fields shown as missing after a refused attempt. */
  missing: readonly (keyof HandoverDraft)[];
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <fieldset className="usa-fieldset custodia-identity">
      <legend className="usa-sr-only">{t('manifest.handoverFor', { name })}</legend>
      <TextField
        id={`${id}-agency`}
        label={t('manifest.agency')}
        hint={t('manifest.agencyHint')}
        required
        value={value.agency}
        onChange={(agency) => onChange({ ...value, agency })}
        error={missing.includes('agency') ? t('manifest.agencyMissing') : undefined}
      />
      <TextField
        id={`${id}-officer`}
        label={t('manifest.officer')}
        hint={t('manifest.officerHint')}
        required
        value={value.officer}
        onChange={(officer) => onChange({ ...value, officer })}
        error={missing.includes('officer') ? t('manifest.officerMissing') : undefined}
      />
    </fieldset>
  );
}
