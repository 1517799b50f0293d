import { useI18n } from '../language.tsx';
import { Link, withQuery } from '../router.tsx';
import type { ComplianceReport, Finding, RuleReport } from './api.ts';
import { useReason, useRuleText, VerdictTag, verdictOf } from './compliance-verdict.tsx';
import { FindingList } from './finding-list.tsx';
import { FindingsChart } from './findings-chart.tsx';
import './rule-section.css';

/** One rule's part of the report: its requirement and source, then its verdict, counts, chart, worst cells and findings. */
export function RuleSection({
  id,
  rule,
  findings,
  thresholds,
  from,
  to,
}: {
  id: string;
  rule: RuleReport;
  findings: Finding[];
  thresholds: ComplianceReport['thresholds'];
  from: string;
  to: string;
}) {
  const { t, fmt } = useI18n();
  const ruleText = useRuleText();
  const reason = useReason();
  const verdict = verdictOf(rule);
  const title = ruleText(rule.id, 'title', rule.id);
  // How many cells had findings, and how many share the top count (the server lists five).
  const perCell = new Map<string, number>();
  for (const f of findings) if (f.cell) perCell.set(f.cell, (perCell.get(f.cell) ?? 0) + 1);
  const top = rule.worstCells[0]?.findings ?? 0;
  const tied = [...perCell.values()].filter((n) => n === top).length;
  const regimeHref = (cell: string) =>
    withQuery(`/facilities/${encodeURIComponent(id)}/regime`, { from, to, cell });
  return (
    <section
      className={`custodia-section custodia-rule-report custodia-rule-report--${verdict}`}
      id={`rule-${rule.id}`}
      aria-labelledby={`rule-${rule.id}-title`}
      data-rule={rule.id}
      data-findings={rule.findings}
      data-verdict={verdict}
    >
      <h2 id={`rule-${rule.id}-title`} className="custodia-rule-report__title">
        {title} <VerdictTag rule={rule} />
      </h2>
      <p className="custodia-rule-report__requirement margin-top-0">
        {ruleText(rule.id, 'requirement', rule.requirement)}
      </p>
      <p className="custodia-rule__source" data-source={rule.source}>
        {t('compliance.source', { source: ruleText(rule.id, 'source', rule.source) })}{' '}
        <span className="custodia-mono">({rule.id})</span>
      </p>

      {verdict === 'notEvaluated' ? (
        <div className="usa-alert usa-alert--info usa-alert--slim usa-alert--no-icon custodia-not-evaluated">
          <div className="usa-alert__body">
            <p className="usa-alert__text">
              <strong>{t('compliance.notEvaluatedLead')}</strong> {reason(rule, thresholds)}
            </p>
          </div>
        </div>
      ) : (
        <>
          <dl className="custodia-counts custodia-rule-counts">
            <div>
              <dt>{t('compliance.findings')}</dt>
              <dd>{fmt.number(rule.findings)}</dd>
            </div>
            <div>
              <dt>{t('compliance.severity.high')}</dt>
              <dd>{fmt.number(rule.bySeverity.high)}</dd>
            </div>
            <div>
              <dt>{t('compliance.severity.medium')}</dt>
              <dd>{fmt.number(rule.bySeverity.medium)}</dd>
            </div>
            <div>
              <dt>{t('compliance.daysAffected')}</dt>
              <dd>{fmt.number(rule.daysAffected)}</dd>
            </div>
            <div>
              <dt>{t('compliance.evaluated')}</dt>
              <dd>{fmt.number(rule.evaluated)}</dd>
            </div>
            <div>
              <dt>{t('compliance.notEvaluable')}</dt>
              <dd>{fmt.number(rule.notEvaluable)}</dd>
            </div>
          </dl>
          {rule.notEvaluable > 0 && (
            <p className="custodia-note-text">
              {t('compliance.partlyEvaluated', { n: fmt.number(rule.notEvaluable) })}
            </p>
          )}
          {verdict === 'clear' && <p>{t('compliance.clearText', { n: fmt.number(rule.evaluated) })}</p>}
          <FindingsChart title={title} findings={findings} from={from} to={to} />
          {rule.worstCells.length > 0 && (
            <>
              <h3 className="custodia-rule-report__subtitle">{t('compliance.worstCells')}</h3>
              <p className="margin-top-0 margin-bottom-1">
                {t('compliance.cellsAffected', { n: fmt.number(perCell.size) })}{' '}
                {tied > rule.worstCells.length &&
                  t('compliance.worstTied', {
                    tied: fmt.number(tied),
                    n: fmt.number(top),
                    shown: fmt.number(rule.worstCells.length),
                  })}
              </p>
              <ol className="custodia-worst-cells">
                {rule.worstCells.map((w) => (
                  <li key={w.cell}>
                    <Link href={regimeHref(w.cell)} className="usa-link custodia-mono">
                      {w.cell}
                    </Link>{' '}
                    —{' '}
                    {t(w.findings === 1 ? 'compliance.cellFinding' : 'compliance.cellFindings', {
                      n: fmt.number(w.findings),
                    })}
                  </li>
                ))}
              </ol>
            </>
          )}
          {findings.length > 0 && <FindingList findings={findings} />}
        </>
      )}
    </section>
  );
}
