import type { TransferDetail, TransferScreeningRecord } from '../api.ts';
import { RuleResults } from '../components/rule-results.tsx';
import { useI18n } from '../language.tsx';

/**
 * The screenings recorded for the transfer: the last step's, then each one recorded (each step's, and
 * those made when the person's facts changed), every rule as it was decided.
 */
export function Screenings({ transfer }: { transfer: TransferDetail }) {
  const { t, label, fmt } = useI18n();
  const last = transfer.lastScreening;
  return (
    <>
      <p>
        {last
          ? t('transfer.lastScreening', {
              outcome: label('outcome', last.outcome),
              time: fmt.localInstant(last.screenedAt),
              version: last.policyVersion,
            })
          : t('transfer.noStepScreening')}
      </p>
      <p className="custodia-note-text">{t('transfer.screeningsNote')}</p>
      {transfer.screenings.length === 0 ? (
        <p className="custodia-empty">{t('transfer.noScreenings')}</p>
      ) : (
        <ol className="custodia-records">
          {transfer.screenings.map((screening) => (
            <ScreeningRecord key={screening.id} screening={screening} />
          ))}
        </ol>
      )}
    </>
  );
}

function ScreeningRecord({ screening }: { screening: TransferScreeningRecord }) {
  const { t, label, fmt } = useI18n();
  return (
    <li className="custodia-record custodia-screening-record" data-outcome={screening.outcome}>
      <h3 className="custodia-record__title">
        <span className={`usa-tag custodia-result custodia-result--${OUTCOME_RESULT[screening.outcome]}`}>
          {label('outcome', screening.outcome)}
        </span>{' '}
        {t('transfer.screeningAsOf', { date: fmt.date(screening.asOf) })}
      </h3>
      <dl className="custodia-facts">
        <div>
          <dt>{t('transfer.screeningReason')}</dt>
          <dd>
            {screening.reason ? label('screeningReason', screening.reason) : t('transfer.screeningDirect')}
          </dd>
        </div>
        <div>
          <dt>{t('screening.recordedAt')}</dt>
          <dd>{fmt.localInstant(screening.recordedAt)}</dd>
        </div>
        <div>
          <dt>{t('screening.recordedBy')}</dt>
          <dd>{screening.actor}</dd>
        </div>
        <div>
          <dt>{t('screening.policy')}</dt>
          <dd>
            {t('screening.policyVersion', { policy: screening.policyId, version: screening.policyVersion })}
          </dd>
        </div>
      </dl>
      {screening.rules.every((rule) => rule.result === 'pass' || rule.result === 'not_applicable') && (
        <p className="margin-bottom-0">{t('transfer.allRulesPass')}</p>
      )}
      <RuleResults rules={screening.rules} />
    </li>
  );
}

const OUTCOME_RESULT = { eligible: 'pass', pending: 'pending', ineligible: 'fail' } as const;
