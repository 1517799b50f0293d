import { type FormEvent, useId, useState } from 'react';
import type { CustodyInterval } from '../api.ts';
import type { ActionRunner } from '../components/action-feedback.tsx';
import { DateField, SelectField, TextAreaField } from '../components/fields.tsx';
import { RELEASE_REASONS, type ReleaseReason, releasePerson } from '../facilities/api.ts';
import { useI18n } from '../language.tsx';
import { wallClockIn, zonedToInstant } from '../zoned-time.ts';
import { isReleaseReason, RELEASE_REASON_KEYS } from './release-reasons.ts';
import './person-page.css';

/** What the form refused, and on which field. */
type Refusal = { field: 'reason' | 'at'; message: string } | null;

/**
 * The release (receiving custody): a reason, the time on the facility's clock (now by default; the
 * server refuses a time in the future or before intake) and a note. The server's refusal is shown as it
 * says it.
 */
export function ReleaseForm({
  personId,
  interval,
  action,
}: {
  personId: string;
  interval: Pick<CustodyInterval, 'facilityName' | 'timeZone'>;
  action: ActionRunner;
}) {
  const { t } = useI18n();
  const id = useId();
  const zone = interval.timeZone;
  const [reason, setReason] = useState<ReleaseReason | ''>('');
  const [at, setAt] = useState(() => wallClockIn(zone));
  const [note, setNote] = useState('');
  const [refusal, setRefusal] = useState<Refusal>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason) return setRefusal({ field: 'reason', message: t('release.chooseReason') });
    const instant = zonedToInstant(at, zone);
    if (!instant) return setRefusal({ field: 'at', message: t('release.badTime') });
    setRefusal(null);
    const trimmed = note.trim();
    void action.run(
      'release',
      () => releasePerson(personId, { reason, at: instant, ...(trimmed ? { note: trimmed } : {}) }),
      ({ t, fmt }, released) =>
        t('release.done', { facility: interval.facilityName, at: fmt.zoned(released.at, zone) }),
    );
  };

  return (
    <form className="usa-form usa-form--large custodia-release-form" onSubmit={submit} noValidate>
      <h3>{t('release.title')}</h3>
      <p className="usa-hint">{t('release.intro')}</p>
      <SelectField
        id={`${id}-reason`}
        label={t('release.reason')}
        value={reason}
        required
        onChange={(value) => setReason(isReleaseReason(value) ? value : '')}
        placeholder={t('release.choose')}
        choices={RELEASE_REASONS.map((value) => ({ value, label: t(RELEASE_REASON_KEYS[value]) }))}
        error={refusal?.field === 'reason' ? refusal.message : undefined}
      />
      <DateField
        id={`${id}-at`}
        label={t('release.at')}
        hint={t('release.atHint', { facility: interval.facilityName, zone })}
        value={at}
        required
        withTime
        onChange={setAt}
        error={refusal?.field === 'at' ? refusal.message : undefined}
      />
      <TextAreaField
        id={`${id}-note`}
        label={t('release.note')}
        value={note}
        onChange={setNote}
        maxLength={2000}
      />
      <button
        type="submit"
        className="usa-button usa-button--secondary"
        aria-disabled={action.state.busy !== null || undefined}
      >
        {action.state.busy ? t('action.working') : t('release.submit')}
      </button>
    </form>
  );
}
