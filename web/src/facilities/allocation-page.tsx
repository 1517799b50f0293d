import { type ReactNode, useId, useState } from 'react';
import { useCan } from '../access.tsx';
import { ActionFeedback, useAction } from '../components/action-feedback.tsx';
import { DetailLoadError, LiveStatus } from '../components/load-status.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { useI18n } from '../language.tsx';
import { Link, navigate, useLocation, withQuery } from '../router.tsx';
import { useApi } from '../use-api.ts';
import {
  type AllocationReport,
  allocationPath,
  applyAllocation,
  type CheckedConstraint,
  type FacilityDetail,
  facilityPath,
} from './api.ts';
import './allocation-page.css';

/**
 * The check report's constraints (the server's CHECKED_CONSTRAINTS) in the order the page lists them:
 * capacity first, bookkeeping last.
 */
const CHECK_ORDER = [
  'working_capacity',
  'sex_separation',
  'rival_organisations',
  'co_defendants',
  'separate_from_local',
  'active_cell',
  'placed_once',
  'known_cell',
] as const satisfies readonly CheckedConstraint[];

// The compiler refuses this line when the server checks a constraint the order above lacks.
const _everyCheck: [Exclude<CheckedConstraint, (typeof CHECK_ORDER)[number]>] extends [never] ? true : never =
  true;
void _everyCheck;

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
      (report) =>
        report.mode === 'all'
          ? t('allocation.appliedAll', {
              n: report.placements.length,
              moved: report.placements.filter((p) => p.moved).length,
            })
          : report.placements.length === 1
            ? t('allocation.appliedOne')
            : t('allocation.applied', { n: report.placements.length }),
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
      <ModeChoice all={all} onChange={setMode} />
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

function ModeChoice({ all, onChange }: { all: boolean; onChange: (all: boolean) => void }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <fieldset className="usa-fieldset custodia-allocation-mode">
      <legend className="usa-legend">{t('allocation.mode')}</legend>
      {[false, true].map((value) => (
        <div key={String(value)} className="usa-radio">
          <input
            className="usa-radio__input"
            type="radio"
            id={`${id}-${value}`}
            name={`${id}-mode`}
            checked={all === value}
            onChange={() => onChange(value)}
          />
          <label className="usa-radio__label" htmlFor={`${id}-${value}`}>
            {value ? t('allocation.modeAll') : t('allocation.modeNew')}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

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

function Section({ title, children, className }: { title: string; children: ReactNode; className?: string }) {
  const id = useId();
  return (
    <section className={`custodia-section ${className ?? ''}`} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

interface PlanProps {
  report: AllocationReport;
}

function AllocationPlan({
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
    <div className="usa-table-container--scrollable">
      <table className={`usa-table usa-table--borderless usa-table--compact custodia-table ${className}`}>
        <caption>{caption}</caption>
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
      </table>
    </div>
  );
}

function UnplacedTable({ report }: PlanProps) {
  const { t } = useI18n();
  return (
    <div className="usa-table-container--scrollable">
      <table className="usa-table usa-table--borderless usa-table--compact custodia-table custodia-allocation-unplaced">
        <caption className="usa-sr-only">{t('allocation.unplaced')}</caption>
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
      </table>
    </div>
  );
}

/** Each hard constraint with pass or fail and its violations, the rules applied, and the evenness. */
function ChecksReport({ report }: { report: AllocationReport }) {
  const { t, fmt } = useI18n();
  const { checks, rules, evenness } = report;
  return (
    <div className="custodia-checks" data-ok={String(checks.ok)}>
      <div
        className={`usa-alert usa-alert--slim ${checks.ok ? 'usa-alert--success' : 'usa-alert--error'}`}
        role={checks.ok ? undefined : 'alert'}
      >
        <div className="usa-alert__body">
          <p className="usa-alert__text">
            {t(checks.ok ? 'allocation.checksOk' : 'allocation.checksFailed', {
              cells: fmt.number(checks.cellsChecked),
              people: fmt.number(checks.peopleChecked),
              n: fmt.number(checks.violations.length),
            })}
          </p>
        </div>
      </div>
      <table className="usa-table usa-table--borderless usa-table--compact custodia-table custodia-checks__table">
        <caption className="usa-sr-only">{t('allocation.checks')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('allocation.constraint')}</th>
            <th scope="col">{t('allocation.result')}</th>
            <th scope="col" className="text-right">
              {t('allocation.violations')}
            </th>
          </tr>
        </thead>
        <tbody>
          {CHECK_ORDER.map((constraint) => {
            const check = checks.constraints[constraint];
            const notRequired = constraint === 'separate_from_local' && !rules.separateFromLocal;
            return (
              <tr key={constraint} data-constraint={constraint} data-ok={String(check.ok)}>
                <th scope="row">
                  {t(`allocation.constraint.${constraint}`)}
                  {notRequired && (
                    <span className="custodia-checks__note">{t('allocation.notRequired')}</span>
                  )}
                </th>
                <td>
                  <span className={`usa-tag custodia-check custodia-check--${check.ok ? 'pass' : 'fail'}`}>
                    {check.ok ? t('allocation.pass') : t('allocation.fail')}
                  </span>
                </td>
                <td className="text-right text-tabular">{fmt.number(check.violations)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {checks.violations.length > 0 && (
        <ul className="custodia-checks__violations">
          {checks.violations.slice(0, 50).map((v, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: violations have no identity of their own.
            <li key={i}>
              <strong>{t(`allocation.constraint.${v.constraint}`)}</strong>
              {v.cell ? ` · ${v.cell}` : ''}
              {v.people.length > 0 ? ` · ${v.people.join(', ')}` : ''}: <span lang="en">{v.detail}</span>
            </li>
          ))}
        </ul>
      )}
      <dl className="custodia-summary custodia-checks__rules">
        <dt>{t('allocation.rivalries')}</dt>
        <dd>
          {rules.rivalries.length === 0
            ? t('allocation.noRivalries')
            : fmt.list(rules.rivalries.map(([a, b]) => `${a} ↔ ${b}`))}
        </dd>
        <dt>{t('allocation.separateFromLocal')}</dt>
        <dd>{rules.separateFromLocal ? t('common.yes') : t('common.no')}</dd>
        <dt>{t('allocation.evenness')}</dt>
        <dd>
          {t('allocation.evennessText', {
            max: fmt.percent(evenness.maxRatio),
            min: fmt.percent(evenness.minRatio),
            modules: fmt.number(evenness.modulesOpened),
          })}
        </dd>
      </dl>
    </div>
  );
}

/** What the last "Apply placements" did: who was housed, and where. */
function AppliedResult({ report }: PlanProps) {
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
