import type { ReactNode } from 'react';
import { DataTable } from '../billing/data-table.tsx';
import { Section } from '../components/section.tsx';
import { useI18n } from '../language.tsx';
import { Link } from '../router.tsx';
import { ChecksReport } from './allocation-checks.tsx';
import type { AllocationReport } from './api.ts';

interface PlanProps {
  report: AllocationReport;
}

/**
 * The plan: how many are placed and not, the apply button (or who may apply), then who goes where, who
 * could not be placed and why, and the check of every hard constraint.
 */
export function AllocationPlan({
  report,
  facilityName,
  apply,
}: PlanProps & { facilityName: string; apply: ReactNode }) {
  const { t, fmt } = useI18n();
  const nobody = report.placements.length === 0 && report.unplaced.length === 0;
  if (nobody) {
    return (
      <div
        className="usa-alert usa-alert--info usa-alert--slim custodia-allocation-nobody"
        data-testid="nobody"
      >
        <div className="usa-alert__body">
          <p className="usa-alert__text">
            {report.mode === 'all'
              ? t('allocation.nobodyInCustody', { facility: facilityName })
              : t('allocation.nobody', { facility: facilityName })}
          </p>
        </div>
      </div>
    );
  }
  return (
    <>
      <p className="custodia-allocation-summary">
        {t('allocation.summary', {
          people: fmt.number(report.placements.length + report.unplaced.length),
          placed: fmt.number(report.placements.length),
          unplaced: fmt.number(report.unplaced.length),
        })}
      </p>
      {apply}
      {!apply && <p className="custodia-note-text">{t('allocation.onlyOfficer')}</p>}
      <Section title={t('allocation.placements')}>
        {report.placements.length === 0 ? (
          <p className="custodia-empty">{t('allocation.noPlacements')}</p>
        ) : (
          <PlacementTable
            report={report}
            className="custodia-allocation-placements"
            caption={t('allocation.placementsCaption', { n: fmt.number(report.placements.length) })}
          />
        )}
      </Section>
      <Section title={t('allocation.unplaced')}>
        {report.unplaced.length === 0 ? (
          <p className="custodia-empty">{t('allocation.unplacedNone')}</p>
        ) : (
          <UnplacedTable report={report} />
        )}
      </Section>
      <Section title={t('allocation.checks')}>
        <ChecksReport report={report} />
      </Section>
    </>
  );
}

/** Who goes (or went) where; rows carry `data-person-id` and `data-cell`. */
function PlacementTable({ report, className, caption }: PlanProps & { className: string; caption: string }) {
  const { t } = useI18n();
  const showMoves = report.mode === 'all';
  return (
    <DataTable caption={caption} compact className={className}>
      <thead>
        <tr>
          <th scope="col">{t('allocation.ref')}</th>
          <th scope="col">{t('allocation.name')}</th>
          <th scope="col">{t('allocation.cell')}</th>
          <th scope="col">{t('allocation.module')}</th>
          {showMoves && <th scope="col">{t('allocation.moves')}</th>}
        </tr>
      </thead>
      <tbody>
        {report.placements.map((p) => (
          <tr key={p.personId} data-person-id={p.personId} data-cell={p.cell}>
            <th scope="row">
              <Link href={`/people/${encodeURIComponent(p.personId)}`} className="usa-link custodia-mono">
                {p.ref}
              </Link>
            </th>
            <td>{p.name || '—'}</td>
            <td className="custodia-mono">{p.cell}</td>
            <td>{p.module || '—'}</td>
            {showMoves && <td>{p.moved ? t('allocation.movesYes') : t('allocation.movesNo')}</td>}
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

/** Who could not be placed, the constraint that stopped them and the server's explanation. */
function UnplacedTable({ report }: PlanProps) {
  const { t } = useI18n();
  return (
    <DataTable
      caption={t('allocation.unplaced')}
      hideCaption
      compact
      className="custodia-allocation-unplaced"
    >
      <thead>
        <tr>
          <th scope="col">{t('allocation.ref')}</th>
          <th scope="col">{t('allocation.name')}</th>
          <th scope="col">{t('allocation.stoppedBy')}</th>
          <th scope="col">{t('allocation.why')}</th>
        </tr>
      </thead>
      <tbody>
        {report.unplaced.map((u) => (
          <tr key={u.personId} data-person-id={u.personId} data-constraint={u.constraint}>
            <th scope="row">
              <Link href={`/people/${encodeURIComponent(u.personId)}`} className="usa-link custodia-mono">
                {u.ref}
              </Link>
            </th>
            <td>{u.name || '—'}</td>
            <td>{t(`allocation.constraint.${u.constraint}`)}</td>
            <td lang="en">{u.reason}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

/** What the last "Apply placements" did: who was housed, and where. */
export function AppliedResult({ report }: PlanProps) {
  const { t, fmt } = useI18n();
  if (report.placements.length === 0) return null;
  return (
    <Section title={t('allocation.appliedTitle')} className="custodia-allocation-applied-section">
      <PlacementTable
        report={report}
        className="custodia-allocation-applied"
        caption={t('allocation.appliedCaption', { n: fmt.number(report.placements.length) })}
      />
    </Section>
  );
}
