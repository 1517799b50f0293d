import { LiveStatus, LoadError } from '../components/load-status.tsx';
import { useI18n } from '../language.tsx';
import { Link, navigate, withQuery } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { wallClockIn } from '../zoned-time.ts';
import { type ComplianceReport, compliancePath, type FacilityDetail } from './api.ts';
import { ComplianceReportView } from './compliance-report.tsx';
import { FacilityFrame } from './facility-frame.tsx';
import { lastFullMonth } from './period.ts';
import { PeriodForm } from './period-form.tsx';
import { StandardsLinks } from './standards-links.tsx';
import { usePeriodFilter } from './use-period.ts';

/**
 * The standards compliance report of a facility for a period (docs/domain.md, Standards compliance): for each
 * rule its requirement, the standard it comes from, what was found (with severity, the days affected and
 * the worst cells) and a chart of findings per day. A rule that could not be judged — no measurement, no
 * records — is shown as "not evaluated", never as "no findings". The report downloads as CSV or PDF. With no
 * period in the address, it opens on the latest month with records.
 */
export function CompliancePage({ id }: { id: string }) {
  return (
    <FacilityFrame id={id} title="compliance.title" titleFor="compliance.titleFor">
      {(facility) => <ComplianceView id={id} facility={facility} />}
    </FacilityFrame>
  );
}

function ComplianceView({ id, facility }: { id: string; facility: FacilityDetail }) {
  const { t, fmt } = useI18n();
  const today = wallClockIn(facility.timeZone).slice(0, 10);
  const lastMonth = lastFullMonth(today);
  // With nothing recorded, the last full month in the facility's zone.
  const filter = usePeriodFilter(id, 'compliance', lastMonth);
  const { period } = filter;
  const here = `/facilities/${encodeURIComponent(id)}/compliance`;
  const [report, reload] = useApi<ComplianceReport>(
    period ? compliancePath(id, period.from, period.to) : null,
  );

  return (
    <>
      <h1>{t('compliance.titleFor', { facility: facility.name })}</h1>
      <p className="usa-intro custodia-intro">{t('compliance.intro')}</p>
      <StandardsLinks id={id} current="compliance" />

      <PeriodForm
        filter={filter}
        title={t('compliance.period')}
        submitLabel={t('compliance.show')}
        onShow={(shown) => navigate(withQuery(here, { ...shown }))}
        actions={
          period &&
          (period.from !== lastMonth.from || period.to !== lastMonth.to) && (
            <Link href={withQuery(here, { ...lastMonth })} className="usa-link">
              {t('compliance.lastMonth')}
            </Link>
          )
        }
        hint={t('compliance.periodHint', { zone: facility.timeZone })}
      />

      <LiveStatus text={report.status === 'loading' ? t('app.loading') : ''} />
      {report.status === 'error' && <LoadError error={report.error} onRetry={reload} />}
      {period && report.status === 'ok' && (
        <ComplianceReportView
          id={id}
          facility={facility}
          report={report.data}
          periodText={t('compliance.periodText', { from: fmt.date(period.from), to: fmt.date(period.to) })}
        />
      )}
    </>
  );
}
