import { type FormEvent, useId, useState } from 'react';
import type { ActionRunner } from '../components/action-feedback.tsx';
import { DateField, TextField } from '../components/fields.tsx';
import { useI18n } from '../language.tsx';
import { wallClockIn, zonedToInstant } from '../zoned-time.ts';
import { type DeathParty, type IncidentDetail, recordDeathNotice } from './api.ts';

/** The record that a party was told of a death: who was told, and when (in the facility's zone). */
export function NoticeForm({
  incident,
  party,
  zone,
  runner,
}: {
  incident: IncidentDetail;
  party: DeathParty;
  zone: string;
  runner: ActionRunner;
}) {
  const { t, fmt } = useI18n();
  const id = useId();
  const [recipient, setRecipient] = useState('');
  const [at, setAt] = useState(() => wallClockIn(zone));
  const [invalid, setInvalid] = useState<string[]>([]);
  const instant = zonedToInstant(at, zone);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const missing = [recipient.trim() ? '' : 'recipient', instant ? '' : 'at'].filter(Boolean);
    setInvalid(missing);
    if (missing.length > 0 || !instant) return;
    await runner.run(
      `notice:${party}`,
      () => recordDeathNotice(incident.id, { party, recipient: recipient.trim(), notifiedAt: instant }),
      ({ t }) => t(`incident.noticeRecorded.${party}`),
    );
  };

  return (
    <form
      className="usa-form custodia-notice-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${id}-title`}
      data-party={party}
    >
      <h3 id={`${id}-title`} className="custodia-action__title">
        {t(`incident.recordNotice.${party}`)}
      </h3>
      <div className="custodia-form-row">
        <TextField
          id={`${id}-recipient`}
          label={t('incident.recipient')}
          hint={t(`incident.recipientHint.${party}`)}
          error={invalid.includes('recipient') ? t('incident.recipientMissing') : undefined}
          maxLength={300}
          value={recipient}
          onChange={setRecipient}
        />
        <DateField
          id={`${id}-at`}
          withTime
          label={t('incident.notifiedAt')}
          hint={instant ? fmt.zoned(instant, zone) : t('incidents.occurredHintEmpty', { zone })}
          error={invalid.includes('at') ? t('incidents.occurredMissing') : undefined}
          value={at}
          onChange={setAt}
        />
      </div>
      <button
        type="submit"
        className="usa-button margin-top-2"
        aria-disabled={runner.state.busy !== null || undefined}
      >
        {runner.state.busy === `notice:${party}` ? t('action.working') : t('incident.recordNoticeSubmit')}
        <span className="usa-sr-only"> ({t(`incident.party.${party}`)})</span>
      </button>
    </form>
  );
}
