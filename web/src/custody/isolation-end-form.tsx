import { type FormEvent, useId, useState } from 'react';
import type { ActionRunner } from '../components/action-feedback.tsx';
import { DateField, TextAreaField } from '../components/fields.tsx';
import { useI18n } from '../language.tsx';
import { wallClockIn, zonedToInstant } from '../zoned-time.ts';
import type { FacilityDetail } from './api.ts';
import { endIsolation, type IsolationPlacement } from './isolation-api.ts';
import { SubmitButton } from './submit-button.tsx';

/**
 * Ends one open placement: the time on the facility's clock (now by default), which must be after the
 * start, and a note. Nothing is sent while the time is missing or not after the start.
 */
export function IsolationEndForm({
  placement,
  facility,
  action,
}: {
  placement: IsolationPlacement;
  facility: FacilityDetail;
  action: ActionRunner;
}) {
  const { t, fmt } = useI18n();
  const id = useId();
  const zone = facility.timeZone;
  const [at, setAt] = useState(() => wallClockIn(zone));
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const instant = zonedToInstant(at, zone);
    if (!instant) return setError(t('isolation.timeMissing'));
    if (Date.parse(instant) <= Date.parse(placement.startedAt)) {
      return setError(t('isolation.endBeforeStart', { start: fmt.zonedClock(placement.startedAt, zone) }));
    }
    setError(null);
    const trimmed = note.trim();
    await action.run(
      'end',
      () => endIsolation(placement.id, { endedAt: instant, ...(trimmed ? { note: trimmed } : {}) }),
      ({ t }) => t('isolation.ended'),
    );
  };

  return (
    <form className="usa-form usa-form--large custodia-isolation-end" onSubmit={submit} noValidate>
      <fieldset className="usa-fieldset">
        <legend className="usa-legend usa-legend--large">
          {t('isolation.endLegend', { person: placement.name, cell: placement.cell })}
        </legend>
        <DateField
          id={`${id}-at`}
          withTime
          label={t('isolation.endedAt')}
          hint={t('isolation.startedHint', { zone })}
          error={error ?? undefined}
          max={wallClockIn(zone)}
          value={at}
          onChange={setAt}
        />
        <TextAreaField
          id={`${id}-note`}
          label={t('isolation.endNote')}
          rows={2}
          maxLength={2000}
          value={note}
          onChange={setNote}
        />
        <SubmitButton busy={action.state.busy !== null}>{t('isolation.endSubmit')}</SubmitButton>
      </fieldset>
    </form>
  );
}
