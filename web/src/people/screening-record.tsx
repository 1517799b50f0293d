import { useEffect, useState } from 'react';
import {
  ApiError,
  type Outcome,
  type PersonScreening,
  type RecordedScreening,
  type RuleResult,
  type ScreeningRecorded,
} from '../api.ts';
import { useErrorText } from '../components/load-status.tsx';
import { Section } from '../components/section.tsx';
import { useI18n } from '../language.tsx';
import { recordScreening } from './api.ts';
import { Hash, ResultTag } from './screening-tags.tsx';

/** The colour of an outcome's tag, as the rule result it corresponds to. */
const OUTCOME_TAG: Record<Outcome, RuleResult> = {
  eligible: 'pass',
  pending: 'pending',
  ineligible: 'fail',
};

/** What recording needs: the person, the date shown, and what to do once recorded. */
export interface RecordProps {
  personId: string;
  asOf: string;
  onRecorded: () => void;
}

/** The last recorded screening, and the button to record this one for those who may. */
export function ScreeningRecord({
  screening,
  record,
}: {
  screening: PersonScreening;
  record: RecordProps | null;
}) {
  const { t } = useI18n();
  return (
    <Section title={t('screening.recorded')}>
      <LastRecorded screening={screening} />
      {record && <RecordButton {...record} />}
    </Section>
  );
}

function LastRecorded({ screening }: { screening: PersonScreening }) {
  const { t, label, fmt } = useI18n();
  const last: RecordedScreening | null = screening.lastRecorded;
  if (!last) return <p className="custodia-empty">{t('screening.noneRecorded')}</p>;
  return (
    <div className="custodia-record custodia-recorded">
      <dl className="custodia-summary">
        <dt>{t('screening.outcome')}</dt>
        <dd>
          <ResultTag result={OUTCOME_TAG[last.outcome]} text={label('outcome', last.outcome)} />
        </dd>
        <dt>{t('screening.asOfDate')}</dt>
        <dd>
          <time dateTime={last.asOf}>{fmt.date(last.asOf)}</time>
        </dd>
        <dt>{t('screening.recordedAt')}</dt>
        <dd>
          <time dateTime={last.recordedAt}>{fmt.localInstant(last.recordedAt)}</time>
        </dd>
        <dt>{t('screening.recordedBy')}</dt>
        <dd>{last.actor}</dd>
        <dt>{t('screening.policy')}</dt>
        <dd>{t('screening.policyVersion', { policy: last.policy, version: last.policyVersion })}</dd>
        <dt>{t('screening.inputsHash')}</dt>
        <dd>
          <Hash value={last.inputsHash} />
        </dd>
      </dl>
      {last.personVersion !== screening.personVersion && (
        <div className="usa-alert usa-alert--warning usa-alert--slim margin-top-2">
          <div className="usa-alert__body">
            <p className="usa-alert__text">
              {t('screening.versionChanged', { recorded: last.personVersion, now: screening.personVersion })}
            </p>
          </div>
        </div>
      )}
      {last.inputsHash === screening.current.inputsHash && (
        <p className="custodia-note-text margin-bottom-0">{t('screening.sameInputs')}</p>
      )}
    </div>
  );
}

/** Records the screening shown; the outcome is announced in a live region and the page refreshes in place. */
function RecordButton({ personId, asOf, onRecorded }: RecordProps) {
  const { t, label, fmt } = useI18n();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [recorded, setRecorded] = useState<ScreeningRecorded | null>(null);

  // A recorded screening of another date is no longer the one on screen.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the date changes.
  useEffect(() => {
    setRecorded(null);
    setError(null);
  }, [asOf]);

  const submit = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setRecorded(null);
    try {
      setRecorded(await recordScreening(personId, asOf));
      onRecorded();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, { detail: String(caught) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="margin-top-3">
      <p className="custodia-note-text">{t('screening.recordNote')}</p>
      <button type="button" className="usa-button" aria-disabled={busy || undefined} onClick={submit}>
        {busy ? t('screening.recording') : t('screening.record')}
      </button>
      {error && (
        <div className="usa-alert usa-alert--error usa-alert--slim margin-top-2" role="alert">
          <div className="usa-alert__body">
            <h3 className="usa-alert__heading">{t('screening.recordFailed')}</h3>
            <p className="usa-alert__text">{errorText(error)}</p>
          </div>
        </div>
      )}
      <div role="status" aria-live="polite">
        {recorded && (
          <div className="usa-alert usa-alert--success usa-alert--slim margin-top-2">
            <div className="usa-alert__body">
              <p className="usa-alert__text">
                {t('screening.recordedNow', {
                  outcome: label('outcome', recorded.outcome),
                  date: fmt.date(recorded.asOf),
                })}
              </p>
            </div>
          </div>
        )}
      </div>
    </div>
  );
}
