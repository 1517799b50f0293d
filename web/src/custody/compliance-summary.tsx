import { Section } from '../components/section.tsx';
import { useI18n } from '../language.tsx';
import { type ComplianceReport, complianceExportPath, datesBetween } from './api.ts';
import { verdictOf } from './compliance-verdict.tsx';
import './compliance-summary.css';

/** The report's summary: the period, the counts, the downloads and the thresholds used. */
export function ComplianceSummary({
  id,
  report,
  periodText,
}: {
  id: string;
  report: ComplianceReport;
  periodText: string;
}) {
  const { t, fmt, lang } = useI18n();
  const withFindings = report.rules.filter((r) => r.findings > 0).length;
  const notEvaluated = report.rules.filter((r) => verdictOf(r) === 'notEvaluated').length;
  const days = datesBetween(report.from, report.to).length;
  const th = report.thresholds;
  return (
    <Section id={`summary-${id}`} title={t('compliance.summary')} className="custodia-compliance-summary">
      <p className="margin-top-0">
        {periodText} · {t(days === 1 ? 'compliance.day' : 'compliance.days', { n: fmt.number(days) })}
      </p>
      <dl className="custodia-counts">
        <div>
          <dt>{t('compliance.totalFindings')}</dt>
          <dd>{fmt.number(report.findings.length)}</dd>
        </div>
        <div>
          <dt>{t('compliance.rulesWithFindings')}</dt>
          <dd>
            {fmt.number(withFindings)} / {fmt.number(report.rules.length)}
          </dd>
        </div>
        <div>
          <dt>{t('compliance.rulesNotEvaluated')}</dt>
          <dd>{fmt.number(notEvaluated)}</dd>
        </div>
      </dl>
      <p className="custodia-export">
        <span className="text-bold">{t('compliance.download')}</span>{' '}
        {(['csv', 'pdf'] as const).map((format) => (
          <a
            key={format}
            className="usa-button usa-button--outline custodia-button--small"
            href={complianceExportPath(id, report.from, report.to, format, lang)}
            download
            data-format={format}
          >
            {t(`compliance.export.${format}`)}
          </a>
        ))}
      </p>
      <details className="custodia-details">
        <summary>{t('compliance.thresholds')}</summary>
        <dl className="custodia-summary margin-top-1">
          <dt>{t('rule.outdoor-exercise.title')}</dt>
          <dd>{t('compliance.threshold.outdoor', { n: fmt.number(th.outdoorExerciseMinutes) })}</dd>
          <dt>{t('rule.lighting.title')}</dt>
          <dd>{t('compliance.threshold.lighting', { n: fmt.decimal(th.nightHours) })}</dd>
          <dt>{t('rule.drinking-water.title')}</dt>
          <dd>{t('compliance.threshold.water', { n: fmt.decimal(th.drinkingWaterLitres) })}</dd>
          <dt>{t('rule.floor-space.title')}</dt>
          <dd>
            {t('compliance.threshold.space', {
              n: fmt.decimal(th.floorSpaceM2),
              toilet: fmt.decimal(th.toiletAreaM2),
            })}
          </dd>
          <dt>{t('rule.family-contact.title')}</dt>
          <dd>{t('compliance.threshold.family', { n: fmt.number(th.familyContactDays) })}</dd>
          <dt>{t('compliance.threshold.notificationsTitle')}</dt>
          <dd>{t('compliance.threshold.notifications', { n: fmt.number(th.notificationHours) })}</dd>
        </dl>
      </details>
    </Section>
  );
}
