import type { AgreementSummary, Dashboard } from '../api.ts';
import { LiveStatus, LoadError } from '../components/load-status.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { Section } from '../components/section.tsx';
import { CapacityChart } from '../facilities/capacity-chart.tsx';
import { useI18n } from '../language.tsx';
import { OverdueReleaseAlarm } from '../releases/overdue-alarm.tsx';
import { Link, withQuery } from '../router.tsx';
import { ManifestAlarms } from '../transfers/manifests-page.tsx';
import { TRANSFER_STATES } from '../transfers/transfer-states.ts';
import { useApi } from '../use-api.ts';
import './dashboard-page.css';
import { LedgerSection } from './ledger-section.tsx';

/**
 * The alarms of manifests that arrived unreconciled and of people held past their release date (first, so
 * that nobody misses them), the agreements,
 * transfers by state, each facility's capacity against its occupancy, and the ledger's last checkpoint.
 */
export function DashboardPage() {
  const { t } = useI18n();
  const [state, reload] = useApi<Dashboard>('/api/v1/dashboard');
  usePageTitle(t('dashboard.title'));

  return (
    <>
      <h1>{t('dashboard.title')}</h1>
      <LiveStatus text={state.status === 'loading' ? t('app.loading') : ''} />
      {state.status === 'error' && <LoadError error={state.error} onRetry={reload} />}
      {state.status === 'ok' && (
        <>
          <ManifestAlarms alarms={state.data.alarms?.manifests ?? []} />
          <OverdueReleaseAlarm overdue={state.data.alarms?.overdueReleases ?? []} />
          <Section title={t('dashboard.agreements')}>
            {state.data.agreements.length === 0 ? (
              <p>{t('dashboard.noAgreements')}</p>
            ) : (
              <ul className="usa-card-group">
                {state.data.agreements.map((agreement) => (
                  <AgreementCard key={agreement.id} agreement={agreement} />
                ))}
              </ul>
            )}
          </Section>
          <TransferCounts counts={state.data.transfers ?? {}} />
          <Section title={t('dashboard.facilities')}>
            {state.data.facilities.length === 0 && <p>{t('dashboard.noFacilities')}</p>}
            {state.data.facilities.map((facility) => (
              <section
                key={facility.id}
                className="custodia-facility"
                aria-labelledby={`facility-${facility.id}`}
              >
                <h3 id={`facility-${facility.id}`}>
                  {facility.name} <span className="custodia-code">({facility.code})</span>
                </h3>
                <p className="margin-top-0 text-base">
                  {t('facility.timeZone', { zone: facility.timeZone })}
                </p>
                <CapacityChart facility={facility} />
              </section>
            ))}
          </Section>
          <LedgerSection ledger={state.data.ledger} />
        </>
      )}
    </>
  );
}

/** An agreement's code, status, parties, start, bed allotment and people, with a link to its people. */
function AgreementCard({ agreement }: { agreement: AgreementSummary }) {
  const { t, label, fmt } = useI18n();
  return (
    <li className="usa-card tablet:grid-col-6">
      <div className="usa-card__container">
        <div className="usa-card__header">
          <h3 className="usa-card__heading">{agreement.title}</h3>
        </div>
        <div className="usa-card__body">
          <dl className="custodia-summary">
            <dt>{t('agreement.code')}</dt>
            <dd>{agreement.code}</dd>
            <dt>{t('agreement.status')}</dt>
            <dd>
              <span className={`usa-tag custodia-status--${agreement.status}`}>
                {label('agreementStatus', agreement.status)}
              </span>
            </dd>
            <dt>{t('agreement.parties')}</dt>
            <dd>
              {fmt.country(agreement.sendingJurisdiction)} → {fmt.country(agreement.receivingJurisdiction)}
            </dd>
            <dt>{t('agreement.effectiveFrom')}</dt>
            <dd>{agreement.effectiveFrom ? fmt.date(agreement.effectiveFrom) : t('common.notRecorded')}</dd>
            <dt>{t('agreement.bedAllotment')}</dt>
            <dd className="text-tabular">{fmt.number(agreement.bedAllotment)}</dd>
            <dt>{t('agreement.people')}</dt>
            <dd className="text-tabular">{fmt.number(agreement.people)}</dd>
          </dl>
        </div>
        <div className="usa-card__footer">
          <Link
            className="usa-button usa-button--outline"
            href={withQuery('/people', { agreement: agreement.id })}
          >
            {t('agreement.viewPeople', { code: agreement.code })}
          </Link>
        </div>
      </div>
    </li>
  );
}

/** Transfers by state in docs/domain.md's order, each linking to the board filtered to it. */
function TransferCounts({ counts }: { counts: Dashboard['transfers'] }) {
  const { t, label, fmt } = useI18n();
  const total = Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
  return (
    <Section title={t('dashboard.transfers')}>
      {total === 0 ? (
        <p>{t('dashboard.noTransfers')}</p>
      ) : (
        <>
          <ul className="custodia-state-counts">
            {TRANSFER_STATES.map((status) => (
              <li key={status} className={`custodia-state-count custodia-state-count--${status}`}>
                <Link href={withQuery('/transfers', { status })} className="custodia-state-count__link">
                  <span className="custodia-state-count__n">{fmt.number(counts[status] ?? 0)}</span>
                  <span className="custodia-state-count__label">{label('transferStatus', status)}</span>
                </Link>
              </li>
            ))}
          </ul>
          <p>
            <Link href="/transfers" className="usa-link">
              {t('dashboard.allTransfers', { n: fmt.number(total) })}
            </Link>
          </p>
        </>
      )}
    </Section>
  );
}
