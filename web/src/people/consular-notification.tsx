import { type FormEvent, useId, useState } from 'react';
import { useCan } from '../access.tsx';
import { ActionFeedback, useAction } from '../components/action-feedback.tsx';
import { DateField, SelectField, TextField } from '../components/fields.tsx';
import {
  CONSULAR_OUTCOMES,
  type ConsularOutcome,
  isConsularOutcome,
  recordConsular,
} from '../custody/isolation-api.ts';
import type { PersonCustodyInterval } from '../facilities/api.ts';
import { useI18n } from '../language.tsx';
import { wallClockIn, zonedToInstant } from '../zoned-time.ts';

type Duty = NonNullable<PersonCustodyInterval['consular']>;
type Field = 'outcome' | 'consulate' | 'at';

/**
 * A foreign national's consular notification (VCCR Art. 36): what is owed and by when, what was recorded
 * (the consulate notified, or the person's objection, and whether it was late), and for receiving custody
 * the form that records it while nothing is.
 */
export function ConsularNotification({
  personId,
  interval,
  duty,
  onDone,
}: {
  personId: string;
  interval: Pick<PersonCustodyInterval, 'timeZone'>;
  duty: Duty;
  onDone: () => void;
}) {
  const { t, fmt } = useI18n();
  const zone = interval.timeZone;
  const canRecord = useCan()('consular:record');
  const action = useAction(onDone);
  const due = fmt.zoned(duty.dueAt, zone);
  const overdue = duty.outcomeAt === null && Date.parse(duty.dueAt) < Date.now();
  return (
    <div className="custodia-consular" data-outcome={duty.outcome ?? 'none'}>
      <h3>{t('consular.title')}</h3>
      <p>
        {t('consular.owed', {
          nationalities: duty.nationalities.map(fmt.country).join(', '),
          country: fmt.country(duty.country),
          due,
        })}
      </p>
      <p className={overdue ? 'text-bold text-secondary-dark' : undefined}>
        {duty.outcome === 'notified' && duty.outcomeAt
          ? t('consular.notified', { consulate: duty.consulate ?? '', at: fmt.zoned(duty.outcomeAt, zone) })
          : duty.outcome === 'objected' && duty.outcomeAt
            ? t('consular.objected', { at: fmt.zoned(duty.outcomeAt, zone) })
            : overdue
              ? t('consular.overdue', { due })
              : t('consular.pending')}
        {duty.outcomeAt && Date.parse(duty.outcomeAt) > Date.parse(duty.dueAt) && ` ${t('consular.late')}`}
      </p>
      {canRecord && duty.outcome === null && (
        <ConsularForm personId={personId} zone={zone} run={action.run} />
      )}
      {canRecord && <ActionFeedback state={action.state} refusedTitle={t('consular.refused')} />}
    </div>
  );
}

/** Records the outcome; nothing is sent while the outcome, the consulate (when notified) or the time is missing. */
function ConsularForm({
  personId,
  zone,
  run,
}: {
  personId: string;
  zone: string;
  run: ReturnType<typeof useAction>['run'];
}) {
  const { t } = useI18n();
  const id = useId();
  const [outcome, setOutcome] = useState<ConsularOutcome | ''>('');
  const [consulate, setConsulate] = useState('');
  const [at, setAt] = useState(() => wallClockIn(zone));
  const [invalid, setInvalid] = useState<Field[]>([]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const instant = zonedToInstant(at, zone);
    const missing: Field[] = [];
    if (!outcome) missing.push('outcome');
    if (outcome === 'notified' && !consulate.trim()) missing.push('consulate');
    if (!instant) missing.push('at');
    setInvalid(missing);
    if (missing.length > 0 || !outcome || !instant) return;
    await run(
      'consular',
      () =>
        recordConsular(personId, {
          outcome,
          at: instant,
          ...(outcome === 'notified' ? { consulate: consulate.trim() } : {}),
        }),
      ({ t }) => t('consular.done'),
    );
  };
  return (
    <form className="usa-form usa-form--large" onSubmit={submit} noValidate>
      <fieldset className="usa-fieldset">
        <legend className="usa-legend">{t('consular.record')}</legend>
        <SelectField
          id={`${id}-outcome`}
          label={t('consular.outcome')}
          error={invalid.includes('outcome') ? t('consular.chooseOutcome') : undefined}
          placeholder={t('release.choose')}
          choices={CONSULAR_OUTCOMES.map((o) => ({ value: o, label: t(`consular.outcome.${o}`) }))}
          value={outcome}
          onChange={(value) => setOutcome(isConsularOutcome(value) ? value : '')}
        />
        {outcome !== 'objected' && (
          <TextField
            id={`${id}-consulate`}
            label={t('consular.consulate')}
            hint={t('consular.consulateHint')}
            error={invalid.includes('consulate') ? t('consular.consulateMissing') : undefined}
            maxLength={300}
            value={consulate}
            onChange={setConsulate}
          />
        )}
        <DateField
          id={`${id}-at`}
          withTime
          label={t('consular.at')}
          hint={t('consular.atHint', { zone })}
          error={invalid.includes('at') ? t('consular.atMissing') : undefined}
          max={wallClockIn(zone)}
          value={at}
          onChange={setAt}
        />
        <button type="submit" className="usa-button margin-top-2">
          {t('consular.submit')}
        </button>
      </fieldset>
    </form>
  );
}
