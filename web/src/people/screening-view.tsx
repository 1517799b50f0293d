import type { Outcome, PersonScreening, RuleEvaluation, RuleResult } from '../api.ts';
import { RULE_IDS, SENDING_STATE_LAW } from '../api.ts';
import { Section } from '../components/section.tsx';
import { useI18n } from '../language.tsx';
import { type RecordProps, ScreeningRecord } from './screening-record.tsx';
import { Hash, ResultTag } from './screening-tags.tsx';
import './screening-page.css';

/** Every rule the engine knows, in the order a screening lists them; a rule the UI does not know goes last. */
const RULE_ORDER = RULE_IDS;

const OUTCOME_ALERT: Record<Outcome, string> = {
  eligible: 'usa-alert--success',
  pending: 'usa-alert--warning',
  ineligible: 'usa-alert--error',
};

function ruleRank(id: string): number {
  const index = (RULE_ORDER as readonly string[]).indexOf(id);
  return index === -1 ? RULE_ORDER.length : index;
}

/**
 * A screening: the outcome and why, the policy, date and record version screened with the inputs hash, the
 * rules of both layers, and the last recorded screening with, for those who may, the button to record it.
 */
export function ScreeningView({
  screening,
  record,
}: {
  screening: PersonScreening;
  record: RecordProps | null;
}) {
  const { t, label, fmt } = useI18n();
  const { current } = screening;
  const rules = [...current.rules].sort((a, b) => ruleRank(a.id) - ruleRank(b.id));
  const law = rules.filter((rule) => SENDING_STATE_LAW.includes(rule.id));
  const terms = rules.filter((rule) => !SENDING_STATE_LAW.includes(rule.id));
  const names = (result: RuleResult) =>
    fmt.list(rules.filter((rule) => rule.result === result).map((rule) => label('rule', rule.id)));
  const date = fmt.date(current.asOf);
  const explanation =
    current.outcome === 'ineligible'
      ? t('screening.explain.ineligible', { date, rules: names('fail') })
      : current.outcome === 'pending'
        ? t('screening.explain.pending', { date, rules: names('pending') })
        : t('screening.explain.eligible', { date });

  return (
    <>
      <div className={`usa-alert ${OUTCOME_ALERT[current.outcome]} custodia-outcome`}>
        <div className="usa-alert__body">
          <h2 className="usa-alert__heading">
            {t('screening.outcomeHeading', { outcome: label('outcome', current.outcome) })}
          </h2>
          <p className="usa-alert__text">{explanation}</p>
        </div>
      </div>

      <dl className="custodia-summary custodia-screening-facts">
        <dt>{t('screening.policy')}</dt>
        <dd>{t('screening.policyVersion', { policy: current.policy, version: screening.policyVersion })}</dd>
        <dt>{t('screening.asOfDate')}</dt>
        <dd>
          <time dateTime={current.asOf}>{date}</time>
        </dd>
        <dt>{t('screening.personVersion')}</dt>
        <dd className="text-tabular">{screening.personVersion}</dd>
        <dt>{t('screening.inputsHash')}</dt>
        <dd>
          <Hash value={current.inputsHash} />
        </dd>
      </dl>
      <p className="custodia-note-text">{t('screening.hashNote')}</p>

      <RuleLayer title={t('screening.terms')} note={t('screening.termsNote')} rules={terms} />
      <RuleLayer title={t('screening.law')} note={t('screening.lawNote')} rules={law} />

      <ScreeningRecord screening={screening} record={record} />
    </>
  );
}

function RuleLayer({ title, note, rules }: { title: string; note: string; rules: RuleEvaluation[] }) {
  const { t, label, lang } = useI18n();
  return (
    <Section title={title} intro={note}>
      {rules.length === 0 ? (
        <p className="custodia-empty">{t('screening.noRules')}</p>
      ) : (
        <div className="custodia-rules-container">
          <table className="usa-table usa-table--borderless custodia-table custodia-rules">
            <caption className="usa-sr-only">{t('screening.caption', { layer: title })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('screening.rule')}</th>
                <th scope="col">{t('screening.result')}</th>
                <th scope="col">{t('screening.reason')}</th>
                <th scope="col">{t('common.source')}</th>
              </tr>
            </thead>
            <tbody>
              {rules.map((rule) => (
                <tr key={rule.id} className={`custodia-rule custodia-rule--${rule.result}`}>
                  <th scope="row" className="text-top">
                    <span className="custodia-rule__name">{label('rule', rule.id)}</span>
                    <code className="custodia-rule__id">{rule.id}</code>
                  </th>
                  <td className="text-top">
                    <ResultTag result={rule.result} text={label('ruleResult', rule.result)} />
                  </td>
                  <td className="text-top">{rule.reason[lang] ?? rule.reason.en}</td>
                  <td className="text-top custodia-rule__source" lang="en">
                    {rule.source}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
