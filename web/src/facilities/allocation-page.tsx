import { useState } from 'react';
import { useCan } from '../access.tsx';
import { ActionFeedback, useAction } from '../components/action-feedback.tsx';
import { DetailLoadError, LiveStatus } from '../components/load-status.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { useI18n } from '../language.tsx';
import { Link, navigate, useLocation, withQuery } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { AllocationPlan, AppliedResult } from './allocation-plan.tsx';
import {
  type AllocationReport,
  allocationPath,
  applyAllocation,
  type FacilityDetail,
  facilityPath,
} from './api.ts';
import { RadioChoice } from './radio-choice.tsx';
import './allocation-page.css';

/**
 * A facility's allocation, planned now and not applied (a dry run): who goes to which cell, who could
 * not be placed and the constraint that stopped them, and the check of every hard constraint on the
 * result. The receiving officer applies it; the page then says how many were housed and plans again.
 */
export function AllocationPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { search } = useLocation();
  const all = search.get('all') === 'true';
  const [state, reload, refresh] = useApi<AllocationReport>(allocationPath(id, all));
  const [facility] = useApi<FacilityDetail>(facilityPath(id));
  const [applied, setApplied] = useState<AllocationReport | null>(null);
  const action = useAction(refresh);
  const facilityName = facility.status === 'ok' ? facility.data.name : id;
  usePageTitle(t('allocation.heading', { facility: facilityName }));
  const canApply = useCan()('housing:allocate');

  const setMode = (next: boolean) => {
    action.clear();
    setApplied(null);
    navigate(withQuery(`/facilities/${encodeURIComponent(id)}/allocation`, { all: next ? 'true' : null }), {
      replace: true,
    });
  };

  const apply = () =>
    action.run(
      'apply',
      () =>
        applyAllocation(id, all).then((report) => {
          setApplied(report);
          return report;
        }),
      ({ t, fmt }, report) =>
        report.mode === 'all'
          ? t('allocation.appliedAll', {
              n: fmt.number(report.placements.length),
              moved: fmt.number(report.placements.filter((p) => p.moved).length),
            })
          : report.placements.length === 1
            ? t('allocation.appliedOne')
            : t('allocation.applied', { n: fmt.number(report.placements.length) }),
    );

  return (
    <>
      <p className="margin-top-0">
        <Link href={`/facilities/${encodeURIComponent(id)}`} className="usa-link">
          ← {t('allocation.back', { facility: facilityName })}
        </Link>
      </p>
      <h1>{t('allocation.heading', { facility: facilityName })}</h1>
      <p className="usa-intro">{t('allocation.intro')}</p>
      <RadioChoice
        legend={t('allocation.mode')}
        className="custodia-allocation-mode"
        value={all}
        onChange={setMode}
        choices={[
          { value: false, label: t('allocation.modeNew') },
          { value: true, label: t('allocation.modeAll') },
        ]}
      />
      <ActionFeedback state={action.state} refusedTitle={t('allocation.refused')} />
      {applied && <AppliedResult report={applied} />}
      <LiveStatus text={state.status === 'loading' ? t('app.loading') : ''} />
      {state.status === 'error' && (
        <DetailLoadError error={state.error} onRetry={reload} notFoundText={t('facility.notFound')} />
      )}
      {state.status === 'ok' && (
        <AllocationPlan
          report={state.data}
          facilityName={facilityName}
          apply={
            canApply ? (
              <ApplyButton report={state.data} busy={action.state.busy !== null} onApply={apply} />
            ) : null
          }
        />
      )}
    </>
  );
}

/** Applies the plan; refused (disabled, with why) while a hard constraint fails. */
function ApplyButton({
  report,
  busy,
  onApply,
}: {
  report: AllocationReport;
  busy: boolean;
  onApply: () => void;
}) {
  const { t } = useI18n();
  if (report.placements.length === 0) return null;
  return (
    <div className="custodia-allocation-apply">
      <button
        type="button"
        className="usa-button"
        disabled={!report.checks.ok}
        aria-disabled={busy || undefined}
        onClick={() => {
          if (!busy) onApply();
        }}
      >
        {busy ? t('allocation.applying') : t('allocation.apply')}
      </button>
      {!report.checks.ok && <p className="usa-hint">{t('allocation.cannotApply')}</p>}
    </div>
  );
}
