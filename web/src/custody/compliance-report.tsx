import { Section } from '../components/section.tsx';
import { useI18n } from '../language.tsx';
import type { ComplianceReport, FacilityDetail, Finding } from './api.ts';
import { CaptionedTable } from './captioned-table.tsx';
import { ComplianceSummary } from './compliance-summary.tsx';
import { useRuleText, VerdictTag, verdictOf } from './compliance-verdict.tsx';
import { RuleSection } from './rule-section.tsx';

/** The report of a period: its summary, the rules at a glance, then a section per rule. */
export function ComplianceReportView({
  id,
  facility,
  report,
  periodText,
}: {
  id: string;
  facility: FacilityDetail;
  report: ComplianceReport;
  periodText: string;
}) {
  const { t, fmt } = useI18n();
  const ruleText = useRuleText();
  const byRule = new Map<string, Finding[]>();
  for (const f of report.findings) {
    const list = byRule.get(f.rule);
    if (list) list.push(f);
    else byRule.set(f.rule, [f]);
  }
  const overviewCaption = t('compliance.overviewCaption', { facility: facility.code, period: periodText });

  return (
    <>
      <ComplianceSummary id={id} report={report} periodText={periodText} />

      <Section id={`overview-${id}`} title={t('compliance.rules')}>
        <CaptionedTable
          label={overviewCaption}
          caption={overviewCaption}
          className="custodia-table custodia-compliance-overview"
        >
          <thead>
            <tr>
              <th scope="col">{t('compliance.rule')}</th>
              <th scope="col">{t('common.source')}</th>
              <th scope="col">{t('compliance.result')}</th>
              <th scope="col" className="text-right">
                {t('compliance.daysAffected')}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.rules.map((rule) => (
              <tr key={rule.id} data-rule={rule.id}>
                <th scope="row">
                  <a href={`#rule-${rule.id}`} className="usa-link text-bold">
                    {ruleText(rule.id, 'title', rule.id)}
                  </a>
                </th>
                <td>{ruleText(rule.id, 'source', rule.source)}</td>
                <td>
                  <VerdictTag rule={rule} />
                </td>
                <td className="text-right text-tabular">
                  {verdictOf(rule) === 'notEvaluated' ? '—' : fmt.number(rule.daysAffected)}
                </td>
              </tr>
            ))}
          </tbody>
        </CaptionedTable>
      </Section>

      {report.rules.map((rule) => (
        <RuleSection
          key={rule.id}
          id={id}
          rule={rule}
          findings={byRule.get(rule.id) ?? []}
          thresholds={report.thresholds}
          from={report.from}
          to={report.to}
        />
      ))}
    </>
  );
}
