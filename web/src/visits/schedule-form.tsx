import { type FormEvent, useId, useState } from 'react';
import type { ActionRunner } from '../components/action-feedback.tsx';
import { TextField } from '../components/fields.tsx';
import { SubmitButton } from '../custody/submit-button.tsx';
import { useI18n } from '../language.tsx';
import { type LegalVisit, scheduleVisit } from './api.ts';
import { readSlot, type Slot, type SlotErrors, SlotFields } from './slot-fields.tsx';

/**
 * Schedules a requested visit (receiving custody): the room's location code, and a start and end on the
 * facility's clock, the end after the start. Nothing is sent while one is missing or out of order.
 */
export function ScheduleForm({ visit, action }: { visit: LegalVisit; action: ActionRunner }) {
  const { t } = useI18n();
  const id = useId();
  const zone = visit.timeZone;
  const [room, setRoom] = useState('');
  const [slot, setSlot] = useState<Slot>({ from: '', to: '' });
  const [errors, setErrors] = useState<SlotErrors & { room?: string }>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const read = readSlot(slot, zone, t, 'visits.endBeforeStart');
    const roomError = room.trim() === '' ? { room: t('visits.roomMissing') } : {};
    setErrors({ ...roomError, ...('errors' in read ? read.errors : {}) });
    if ('errors' in read || 'room' in roomError) return;
    await action.run(
      'schedule',
      () => scheduleVisit(visit.id, { room: room.trim(), startsAt: read.from, endsAt: read.to }),
      ({ t }) => t('visits.scheduled'),
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
        <SlotFields
          id={id}
          labels={{ from: 'visits.startsAt', to: 'visits.endsAt' }}
          hint={t('visits.clockHint', { zone })}
          slot={slot}
          errors={errors}
          onChange={setSlot}
        />
        <SubmitButton busy={action.state.busy !== null}>{t('visits.scheduleSubmit')}</SubmitButton>
      </fieldset>
    </form>
  );
}
