import { type FormEvent, useId, useState } from 'react';
import type { ActionRunner } from '../components/action-feedback.tsx';
import { DateField, SelectField, TextAreaField } from '../components/fields.tsx';
import { SubmitButton } from '../custody/submit-button.tsx';
import { useI18n } from '../language.tsx';
import { zonedToInstant } from '../zoned-time.ts';
import { Alternatives } from './alternatives.tsx';
import { type Alternative, amendHearing, cancelHearing, type Hearing } from './api.ts';
import { HearingHistory } from './hearing-history.tsx';
import { HearingSelect } from './hearing-select.tsx';
import './hearing-forms.css';
import { RoomLinkFields } from './room-link-fields.tsx';

type Field = 'hearing' | 'act' | 'start' | 'videoUrl' | 'reason' | 'nothing';
const ACTS = ['amend', 'cancel'] as const;

/**
 * A court changes a booked hearing before it starts: a new start (the facility's clock), room or video
 * link, saying why, or cancels it, saying why. A new slot that is not free shows the server's alternatives, each
 * chosen with one button; the chosen hearing's history is shown under the form. Nothing is sent while a
 * field is wrong.
 */
export function ChangeForm({
  hearings,
  facilityZone,
  action,
}: {
  hearings: readonly Hearing[];
  facilityZone: string;
  action: ActionRunner;
}) {
  const { t } = useI18n();
  const id = useId();
  const [hearing, setHearing] = useState('');
  const [act, setAct] = useState('');
  const [start, setStart] = useState('');
  const [room, setRoom] = useState('');
  const [videoUrl, setVideoUrl] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [alternatives, setAlternatives] = useState<readonly Alternative[] | null>(null);

  const amend = (input: { start?: string; room?: string; videoUrl?: string }) =>
    action.run(
      'amend',
      async () => {
        const answer = await amendHearing(hearing, { ...input, reason: reason.trim() });
        setAlternatives(answer.amended ? null : answer.alternatives);
        if (!answer.amended) throw new Error(t('hearings.unavailable'));
        return answer;
      },
      ({ t }) => t('hearings.amended'),
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const instant = start === '' ? null : zonedToInstant(start, facilityZone);
    const link = videoUrl.trim();
    const found: Partial<Record<Field, string>> = {
      ...(hearings.some((h) => h.id === hearing) ? {} : { hearing: t('hearings.outcomeHearingMissing') }),
      ...(act === 'amend' || act === 'cancel' ? {} : { act: t('hearings.actMissing') }),
      ...(act === 'amend' && start !== '' && !instant ? { start: t('hearings.startMissing') } : {}),
      ...(act === 'amend' && link !== '' && !link.startsWith('https://')
        ? { videoUrl: t('hearings.videoUrlInvalid') }
        : {}),
      ...(act === 'amend' && start === '' && room.trim() === '' && link === ''
        ? { nothing: t('hearings.nothingToAmend') }
        : {}),
      ...(act === 'amend' && reason.trim() === '' ? { reason: t('hearings.amendReasonMissing') } : {}),
      ...(act === 'cancel' && reason.trim() === '' ? { reason: t('hearings.cancelReasonMissing') } : {}),
    };
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    if (act === 'cancel') {
      await action.run(
        'cancel',
        () => cancelHearing(hearing, reason.trim()),
        ({ t }) => t('hearings.cancelled'),
      );
      return;
    }
    await amend({
      ...(instant ? { start: instant } : {}),
      ...(room.trim() ? { room: room.trim() } : {}),
      ...(link ? { videoUrl: link } : {}),
    });
  };

  return (
    <form className="usa-form usa-form--large custodia-hearing-form" onSubmit={submit} noValidate>
      <fieldset className="usa-fieldset">
        <legend className="usa-legend custodia-hearing-form__legend">{t('hearings.changeLegend')}</legend>
        <HearingSelect
          id={`${id}-hearing`}
          hearings={hearings}
          error={errors.hearing}
          value={hearing}
          onChange={setHearing}
        />
        <SelectField
          id={`${id}-act`}
          label={t('hearings.act')}
          error={errors.act}
          placeholder={t('hearings.typeChoose')}
          choices={ACTS.map((value) => ({ value, label: t(`hearings.act.${value}`) }))}
          value={act}
          onChange={setAct}
        />
        {act === 'amend' && (
          <>
            <DateField
              id={`${id}-start`}
              withTime
              label={t('hearings.newStart')}
              hint={t('hearings.startHint', { zone: facilityZone })}
              error={errors.start ?? errors.nothing}
              value={start}
              onChange={setStart}
            />
            <RoomLinkFields
              id={id}
              room={room}
              onRoom={setRoom}
              videoUrl={videoUrl}
              onVideoUrl={setVideoUrl}
              videoUrlError={errors.videoUrl}
            />
          </>
        )}
        {(act === 'amend' || act === 'cancel') && (
          <TextAreaField
            id={`${id}-reason`}
            label={t(act === 'amend' ? 'hearings.amendReason' : 'hearings.cancelReason')}
            error={errors.reason}
            maxLength={500}
            value={reason}
            onChange={setReason}
          />
        )}
        <SubmitButton busy={action.state.busy !== null}>{t('hearings.changeSubmit')}</SubmitButton>
      </fieldset>
      {alternatives && (
        <Alternatives
          alternatives={alternatives}
          busy={action.state.busy !== null}
          onChoose={(a) => {
            setStart(a.facilityTime.local);
            setRoom(a.room);
            void amend({ start: a.start, room: a.room });
          }}
        />
      )}
      {hearings.some((h) => h.id === hearing) && <HearingHistory key={hearing} id={hearing} />}
    </form>
  );
}
