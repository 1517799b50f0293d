import type { RuleEvaluation } from '../api.ts';
import { useI18n } from '../language.tsx';
import './rule-results.css';

/**
 * Every rule of a recorded screening as it was decided: its result, its name and id, the reason in the
 * reader's language, and its legal source (written in English, as the policy gives it).
 */
export function RuleResults({ rules }: { rules: readonly RuleEvaluation[] }) {
  const { t, label, lang } = useI18n();
  return (
    <ul className="custodia-plain-list custodia-rule-results margin-top-1">
      {rules.map((rule) => (
        <li key={rule.id} className={`custodia-rule custodia-rule--${rule.result}`}>
          <span className={`usa-tag custodia-result custodia-result--${rule.result}`}>
            {label('ruleResult', rule.result)}
          </span>{' '}
          <strong>{label('rule', rule.id)}</strong>{' '}
          <code className="custodia-rule__id custodia-inline">{rule.id}</code>:{' '}
          <span>{rule.reason[lang] ?? rule.reason.en}</span>
          <span className="custodia-rule__source custodia-rule-results__source">
            {t('common.source')}: <span lang="en">{rule.source}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
