import { type FormEvent, useId, useState } from 'react';
import { ApiError } from '../api.ts';
import { DateField, NumberField, readWholeNumber, SelectField, TextField } from '../components/fields.tsx';
import { SubmitButton } from '../custody/submit-button.tsx';
import { useI18n } from '../language.tsx';
import { zonedToInstant } from '../zoned-time.ts';
import { Alternatives } from './alternatives.tsx';
import { type Alternative, type BookResult, bookHearing, HEARING_TYPES, type HearingType } from './api.ts';
import './hearing-forms.css';
import { RoomLinkFields } from './room-link-fields.tsx';

type Field = 'court' | 'type' | 'start' | 'minutes' | 'pre' | 'post' | 'videoUrl';

const isHearingType = (value: string): value is HearingType =>
  (HEARING_TYPES as readonly string[]).includes(value);

/**
 * A court books a video-link hearing for a person in custody: court, type, start on the facility's clock,
 * minutes (with optional minutes before and after), a room or any, a video link. When the slot is not
 * free the server's alternatives are shown, each bookable at once. Nothing is sent while a field is wrong.
 */
export function BookingForm({
  personId,
  person,
  facilityZone,
  onBooked,
}: {
  personId: string;
  person: string;
  facilityZone: string;
  onBooked?: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [court, setCourt] = useState('');
  const [type, setType] = useState('');
  const [start, setStart] = useState('');
  const [minutes, setMinutes] = useState('30');
  const [pre, setPre] = useState('0');
  const [post, setPost] = useState('0');
  const [room, setRoom] = useState('');
  const [videoUrl, setVideoUrl] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [result, setResult] = useState<BookResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const whole = (text: string, field: Field, min: number, max: number) => {
    const read = readWholeNumber(text, min, max);
    if (read.ok) return { ok: true as const, value: read.value };
    return { ok: false as const, error: { [field]: t('hearings.minutesInvalid', { min, max }) } };
  };

  const send = async (input: Parameters<typeof bookHearing>[0]) => {
    setBusy(true);
    setFailure(null);
    try {
      const answer = await bookHearing(input);
      setResult(answer);
      if (answer.booked) onBooked?.();
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const instant = zonedToInstant(start, facilityZone);
    const main = whole(minutes, 'minutes', 5, 480);
    const before = whole(pre, 'pre', 0, 120);
    const after = whole(post, 'post', 0, 120);
    const link = videoUrl.trim();
    const found: Partial<Record<Field, string>> = {
      ...(court.trim() === '' ? { court: t('hearings.courtMissing') } : {}),
      ...(isHearingType(type) ? {} : { type: t('hearings.typeMissing') }),
      ...(instant ? {} : { start: t('hearings.startMissing') }),
      ...(main.ok ? {} : main.error),
      ...(before.ok ? {} : before.error),
      ...(after.ok ? {} : after.error),
      ...(link === '' || link.startsWith('https://') ? {} : { videoUrl: t('hearings.videoUrlInvalid') }),
    };
    setErrors(found);
    if (Object.keys(found).length > 0 || !instant || !isHearingType(type)) return;
    if (!main.ok || !before.ok || !after.ok) return;
    await send({
      person: personId,
      court: court.trim(),
      hearingType: type,
      start: instant,
      minutes: main.value,
      pre: before.value,
      post: after.value,
      ...(room.trim() ? { room: room.trim() } : {}),
      ...(link ? { videoUrl: link } : {}),
    });
  };

  const choose = (a: Alternative) => {
    setRoom(a.room);
    setStart(a.facilityTime.local);
    const main = readWholeNumber(minutes, 5, 480);
    if (!main.ok || !isHearingType(type)) return;
    void send({
      person: personId,
      court: court.trim(),
      hearingType: type,
      start: a.start,
      minutes: main.value,
      pre: readWholeNumber(pre, 0, 120).ok ? Number(pre) : 0,
      post: readWholeNumber(post, 0, 120).ok ? Number(post) : 0,
      room: a.room,
      ...(videoUrl.trim() ? { videoUrl: videoUrl.trim() } : {}),
    });
  };

  return (
    <form className="usa-form usa-form--large custodia-hearing-form" onSubmit={submit} noValidate>
      <fieldset className="usa-fieldset">
        <legend className="usa-legend custodia-hearing-form__legend">
          {t('hearings.bookLegend', { person })}
        </legend>
        <TextField
          id={`${id}-court`}
          label={t('hearings.court')}
          hint={t('hearings.courtHint')}
          error={errors.court}
          maxLength={80}
          value={court}
          onChange={setCourt}
        />
        <SelectField
          id={`${id}-type`}
          label={t('hearings.type')}
          error={errors.type}
          placeholder={t('hearings.typeChoose')}
          choices={HEARING_TYPES.map((value) => ({ value, label: t(`hearings.type.${value}`) }))}
          value={type}
          onChange={setType}
        />
        <DateField
          id={`${id}-start`}
          withTime
          label={t('hearings.start')}
          hint={t('hearings.startHint', { zone: facilityZone })}
          error={errors.start}
          value={start}
          onChange={setStart}
        />
        <NumberField
          id={`${id}-minutes`}
          label={t('hearings.minutes')}
          error={errors.minutes}
          min={5}
          max={480}
          value={minutes}
          onChange={setMinutes}
        />
        <NumberField
          id={`${id}-pre`}
          label={t('hearings.pre')}
          error={errors.pre}
          min={0}
          max={120}
          value={pre}
          onChange={setPre}
        />
        <NumberField
          id={`${id}-post`}
          label={t('hearings.post')}
          error={errors.post}
          min={0}
          max={120}
          value={post}
          onChange={setPost}
        />
        <RoomLinkFields
          id={id}
          room={room}
          onRoom={setRoom}
          videoUrl={videoUrl}
          onVideoUrl={setVideoUrl}
          videoUrlError={errors.videoUrl}
        />
        <SubmitButton busy={busy}>{t('hearings.submit')}</SubmitButton>
      </fieldset>
      {failure && (
        <p className="usa-error-message" role="alert">
          {failure}
        </p>
      )}
      {result?.booked === true && (
        <p role="status">
          {t('hearings.booked', {
            room: result.booking.room,
            facility: result.booking.facilityTime.local.replace('T', ' '),
            court: result.booking.courtTime.local.replace('T', ' '),
          })}
        </p>
      )}
      {result?.booked === false && (
        <Alternatives alternatives={result.alternatives} busy={busy} onChoose={choose} />
      )}
    </form>
  );
}
