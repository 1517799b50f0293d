import { isMessageKey } from '../i18n.ts';
import { useI18n } from '../language.tsx';
import type { ComplianceReport, RuleReport } from './api.ts';

/** A rule's name in the reader's language; a rule the UI does not know shows as its id. */
export function useRuleText() {
  const { t } = useI18n();
  return (id: string, part: 'title' | 'requirement' | 'source', fallback: string) => {
    const key = `rule.${id}.${part}`;
    return isMessageKey(key) ? t(key) : fallback;
  };
}

/** What a rule's report says: findings, none (every case judged met it), or that it was not evaluated. */
export type Verdict = 'findings' | 'clear' | 'notEvaluated';
/** A rule's verdict: not evaluated when no case could be judged, which is not the same as no findings. */
export function verdictOf(rule: RuleReport): Verdict {
  if (rule.findings > 0) return 'findings';
  return rule.evaluated > 0 ? 'clear' : 'notEvaluated';
}
/** A rule's verdict as a tag, in words. */
export function VerdictTag({ rule }: { rule: RuleReport }) {
  const { t, fmt } = useI18n();
  const verdict = verdictOf(rule);
  const tone = verdict === 'findings' ? 'fail' : verdict === 'clear' ? 'pass' : 'not_applicable';
  return (
    <span className={`usa-tag custodia-result custodia-result--${tone}`} data-verdict={verdict}>
      {verdict === 'findings'
        ? t(rule.findings === 1 ? 'compliance.verdict.finding' : 'compliance.verdict.findings', {
            n: fmt.number(rule.findings),
          })
        : t(`compliance.verdict.${verdict}`)}
    </span>
  );
}
/** Why a rule was not evaluated, in the reader's language; the server's note is the fallback. */
export function useReason() {
  const { t, fmt } = useI18n();
  return (rule: RuleReport, thresholds: ComplianceReport['thresholds']): string => {
    // Cases exist but none could be judged: a notification not yet due, a log too short, or no measurement.
    if (rule.notEvaluable > 0) {
      if (rule.id === 'transfer-notification' || rule.id === 'death-notification') {
        return t('compliance.reason.notYetDue', { n: fmt.number(thresholds.notificationHours) });
      }
      if (rule.id === 'consular-notification') {
        return t('compliance.reason.notYetDue', { n: fmt.number(thresholds.consularNotificationHours) });
      }
      if (rule.id === 'legal-access') return t('compliance.reason.legalAccessNotYetDue');
      if (rule.id === 'family-contact') {
        return t('compliance.reason.windowShort', { n: fmt.number(thresholds.familyContactDays) });
      }
      return t('compliance.reason.unmeasured');
    }
    const specific = `compliance.reason.${rule.id}`;
    if (isMessageKey(specific)) return t(specific);
    return t('compliance.reason.noRecords');
  };
}
