import { type FormEvent, useId, useState } from 'react';
import type { ActionRunner } from '../components/action-feedback.tsx';
import { DateField, TextField } from '../components/fields.tsx';
import { SubmitButton } from '../custody/submit-button.tsx';
import { useI18n } from '../language.tsx';
import { zonedToInstant } from '../zoned-time.ts';
import { type LegalVisit, scheduleVisit } from './api.ts';

/**
 * Schedules a requested visit (receiving custody): the room's location code, and a start and end on the
 * facility's clock, the end after the start. Nothing is sent while one is missing or out of order.
 */
export function ScheduleForm({ visit, action }: { visit: LegalVisit; action: ActionRunner }) {
  const { t } = useI18n();
  const id = useId();
  const zone = visit.timeZone;
  const [room, setRoom] = useState('');
  const [starts, setStarts] = useState('');
  const [ends, setEnds] = useState('');
  const [errors, setErrors] = useState<{ room?: string; starts?: string; ends?: string }>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const startsAt = zonedToInstant(starts, zone);
    const endsAt = zonedToInstant(ends, zone);
    const found = {
      ...(room.trim() === '' ? { room: t('visits.roomMissing') } : {}),
      ...(startsAt ? {} : { starts: t('visits.timeMissing') }),
      ...(!endsAt
        ? { ends: t('visits.timeMissing') }
        : startsAt && Date.parse(endsAt) <= Date.parse(startsAt)
          ? { ends: t('visits.endBeforeStart') }
          : {}),
    };
    setErrors(found);
    if (Object.keys(found).length > 0 || !startsAt || !endsAt) return;
    await action.run(
      'schedule',
      () => scheduleVisit(visit.id, { room: room.trim(), startsAt, endsAt }),
      t('visits.scheduled'),
    );
  };

  return (
    <form className="usa-form usa-form--large" onSubmit={submit} noValidate>
      <fieldset className="usa-fieldset">
        <legend className="usa-legend usa-legend--large">
          {t('visits.scheduleLegend', { person: visit.name })}
        </legend>
        <TextField
          id={`${id}-room`}
          label={t('visits.room')}
          hint={t('visits.roomHint')}
          error={errors.room}
          maxLength={64}
          value={room}
          onChange={setRoom}
        />
        <DateField
          id={`${id}-starts`}
          withTime
          label={t('visits.startsAt')}
          hint={t('visits.clockHint', { zone })}
          error={errors.starts}
          value={starts}
          onChange={setStarts}
        />
        <DateField
          id={`${id}-ends`}
          withTime
          label={t('visits.endsAt')}
          hint={t('visits.clockHint', { zone })}
          error={errors.ends}
          value={ends}
          onChange={setEnds}
        />
        <SubmitButton busy={action.state.busy !== null}>{t('visits.scheduleSubmit')}</SubmitButton>
      </fieldset>
    </form>
  );
}
