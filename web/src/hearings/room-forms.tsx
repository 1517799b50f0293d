import { type FormEvent, useId, useState } from 'react';
import type { ActionRunner } from '../components/action-feedback.tsx';
import { DateField, SelectField, TextAreaField, TextField } from '../components/fields.tsx';
import { SubmitButton } from '../custody/submit-button.tsx';
import { useI18n } from '../language.tsx';
import { zonedToInstant } from '../zoned-time.ts';
import { blockRoom, setRoomSchedule } from './api.ts';
import './hearing-forms.css';

type Field = 'room' | 'schedule' | 'from' | 'to' | 'reason';

/**
 * Receiving custody's room editor: a room's weekly open hours, written as rows in the facility's zone
 * (`Mon-Fri 07:00-12:00 court` serves courts only; a row without `court` is shared with legal visits), or
 * a block closing it for a while with a reason. Nothing is sent while a field is missing; the server
 * checks the rows themselves.
 */
export function RoomForms({
  facility,
  rooms,
  zone,
  action,
}: {
  facility: string;
  rooms: readonly { code: string; name: string }[];
  zone: string;
  action: ActionRunner;
}) {
  const { t } = useI18n();
  const id = useId();
  const [room, setRoom] = useState('');
  const [schedule, setSchedule] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const known = rooms.some((r) => r.code === room);
  const choices = rooms.map((r) => ({ value: r.code, label: `${r.code} · ${r.name}` }));

  const saveSchedule = async (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {
      ...(known ? {} : { room: t('rooms.roomMissing') }),
      ...(schedule.trim() === '' ? { schedule: t('rooms.scheduleMissing') } : {}),
    };
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    await action.run(
      'schedule',
      () => setRoomSchedule(facility, room, schedule.trim()),
      ({ t }) => t('rooms.scheduleSaved'),
    );
  };

  const saveBlock = async (event: FormEvent) => {
    event.preventDefault();
    const start = zonedToInstant(from, zone);
    const end = zonedToInstant(to, zone);
    const found: Partial<Record<Field, string>> = {
      ...(known ? {} : { room: t('rooms.roomMissing') }),
      ...(start ? {} : { from: t('rooms.fromMissing') }),
      ...(end && (!start || end > start) ? {} : { to: t('rooms.toInvalid') }),
      ...(reason.trim() === '' ? { reason: t('rooms.reasonMissing') } : {}),
    };
    setErrors(found);
    if (Object.keys(found).length > 0 || !start || !end) return;
    await action.run(
      'block',
      () => blockRoom(facility, room, { from: start, to: end, reason: reason.trim() }),
      ({ t }) => t('rooms.blocked'),
    );
  };

  return (
    <>
      <SelectField
        id={`${id}-room`}
        label={t('rooms.room')}
        error={errors.room}
        placeholder={t('hearings.typeChoose')}
        choices={choices}
        value={room}
        onChange={setRoom}
      />
      <form className="usa-form usa-form--large custodia-hearing-form" onSubmit={saveSchedule} noValidate>
        <fieldset className="usa-fieldset">
          <legend className="usa-legend custodia-hearing-form__legend">{t('rooms.scheduleLegend')}</legend>
          <TextField
            id={`${id}-schedule`}
            label={t('rooms.schedule')}
            hint={t('rooms.scheduleHint', { zone })}
            error={errors.schedule}
            maxLength={2000}
            value={schedule}
            onChange={setSchedule}
          />
          <SubmitButton busy={action.state.busy !== null}>{t('rooms.scheduleSubmit')}</SubmitButton>
        </fieldset>
      </form>
      <form className="usa-form usa-form--large custodia-hearing-form" onSubmit={saveBlock} noValidate>
        <fieldset className="usa-fieldset">
          <legend className="usa-legend custodia-hearing-form__legend">{t('rooms.blockLegend')}</legend>
          <DateField
            id={`${id}-from`}
            withTime
            label={t('rooms.from')}
            hint={t('hearings.startHint', { zone })}
            error={errors.from}
            value={from}
            onChange={setFrom}
          />
          <DateField
            id={`${id}-to`}
            withTime
            label={t('rooms.to')}
            error={errors.to}
            value={to}
            onChange={setTo}
          />
          <TextAreaField
            id={`${id}-reason`}
            label={t('rooms.reason')}
            error={errors.reason}
            maxLength={500}
            value={reason}
            onChange={setReason}
          />
          <SubmitButton busy={action.state.busy !== null}>{t('rooms.blockSubmit')}</SubmitButton>
        </fieldset>
      </form>
    </>
  );
}
