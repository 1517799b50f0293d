import type { TransferHistoryItem } from '../api.ts';
import { RuleResults } from '../components/rule-results.tsx';
import { useI18n } from '../language.tsx';
import { ManifestLink } from './manifest-link.tsx';

/** The transfer's steps from the ledger: who took each, why, and the screening or hold it recorded. */
export function Timeline({ history }: { history: TransferHistoryItem[] }) {
  const { t, label, fmt } = useI18n();
  if (history.length === 0) return <p className="custodia-empty">{t('timeline.none')}</p>;
  return (
    <ol className="usa-process-list custodia-timeline">
      {history.map((step) => (
        <li key={step.version} className="usa-process-list__item">
          <h3 className="usa-process-list__heading custodia-timeline__heading">
            {label('transferEvent', step.action)}
            {step.fromStatus && (
              <span className="custodia-timeline__states">
                {label('transferStatus', step.fromStatus)} → {label('transferStatus', step.toStatus)}
              </span>
            )}
          </h3>
          <p className="margin-y-05 custodia-timeline__meta">
            <time dateTime={step.at}>{fmt.localInstant(step.at)}</time>
            {' · '}
            {t('timeline.by', { actor: step.actor, role: label('role', step.role) })}
          </p>
          {step.reasonCode && (
            <p className="margin-y-05">
              {t('timeline.reason', { reason: label('reasonCode', step.reasonCode) })}{' '}
              <code className="custodia-rule__id custodia-inline">{step.reasonCode}</code>
            </p>
          )}
          {step.details.screening && <StepScreening screening={step.details.screening} />}
          {step.details.hold && (
            <p className="margin-y-05">
              {t('timeline.hold', {
                type: label('holdType', step.details.hold.type),
                court: step.details.hold.court,
                case: step.details.hold.case,
              })}
            </p>
          )}
          {step.details.manifestId && (
            <p className="margin-y-05">
              <ManifestLink manifestId={step.details.manifestId}>{t('transfer.openManifest')}</ManifestLink>
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}

type StepScreeningDetails = NonNullable<TransferHistoryItem['details']['screening']>;

/**
 * The screening a step was decided on, as recorded: every rule with its result, reason and source. The
 * rules are open when it did not pass, so the reason a transfer stopped is read without a click.
 */
function StepScreening({ screening }: { screening: StepScreeningDetails }) {
  const { t, label, fmt } = useI18n();
  const rules = screening.rules;
  return (
    <>
      <p className="margin-y-05">
        {t('timeline.screening', {
          outcome: label('outcome', screening.outcome),
          version: screening.policyVersion,
        })}
      </p>
      {rules ? (
        <details className="custodia-step-screening" open={screening.outcome !== 'eligible'}>
          <summary>
            {screening.asOf
              ? t('timeline.screeningRulesAsOf', { count: rules.length, date: fmt.date(screening.asOf) })
              : t('timeline.screeningRules', { count: rules.length })}
          </summary>
          <RuleResults rules={rules} />
        </details>
      ) : (
        <p className="margin-y-05 custodia-note-text">{t('timeline.screeningRulesNotRecorded')}</p>
      )}
    </>
  );
}
