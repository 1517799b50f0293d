import { type FormEvent, useId, useState } from 'react';
import { ActionFeedback, type ActionRunner } from '../components/action-feedback.tsx';
import { SelectField, TextAreaField } from '../components/fields.tsx';
import { useI18n } from '../language.tsx';
import {
  changeIncidentStatus,
  INCIDENT_TRANSITIONS,
  type IncidentDetail,
  type IncidentStatus,
  isIncidentStatus,
} from './api.ts';
import { SubmitButton } from './submit-button.tsx';

/** The status change: the next statuses the workflow allows, and the note that says why. */
export function StatusForm({ incident, runner }: { incident: IncidentDetail; runner: ActionRunner }) {
  const { t } = useI18n();
  const id = useId();
  const allowed = INCIDENT_TRANSITIONS[incident.status];
  const [to, setTo] = useState<IncidentStatus>(allowed[0] ?? 'under_review');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const target: IncidentStatus = allowed.includes(to) ? to : (allowed[0] ?? to);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!note.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const ok = await runner.run(
      'status',
      () => changeIncidentStatus(incident.id, target, note.trim()),
      ({ t }) => t('incident.statusChanged', { status: t(`incident.status.${target}`) }),
    );
    if (ok) setNote('');
  };

  return (
    <form className="usa-form usa-form--large custodia-incident-status" onSubmit={submit} noValidate>
      <p className="custodia-note-text margin-top-0">{t('incident.workflow')}</p>
      {incident.kind === 'death_in_custody' && target === 'closed' && (
        <p className="custodia-note-text">{t('incident.closeDeathNote')}</p>
      )}
      <SelectField
        id={`${id}-to`}
        label={t('incident.moveTo')}
        choices={allowed.map((s) => ({ value: s, label: t(`incident.status.${s}`) }))}
        value={target}
        onChange={(value) => setTo(isIncidentStatus(value) ? value : target)}
      />
      <TextAreaField
        id={`${id}-note`}
        label={t('incident.statusNote')}
        hint={t('incident.statusNoteHint')}
        error={missing ? t('incident.statusNoteMissing') : undefined}
        rows={3}
        maxLength={4000}
        value={note}
        onChange={setNote}
      />
      <ActionFeedback state={runner.state} refusedTitle={t('incident.statusRefused')} />
      <SubmitButton busy={runner.state.busy !== null} working={runner.state.busy === 'status'}>
        {t('incident.statusSubmit')}
      </SubmitButton>
    </form>
  );
}
