import { type FormEvent, useEffect, useId, useState } from 'react';
import { DetailLoadError, LiveStatus, LoadError } from '../components/load-status.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { PeriodFields } from '../components/period-fields.tsx';
import { isMessageKey } from '../i18n.ts';
import { useI18n } from '../language.tsx';
import { Link, navigate, useLocation, withQuery } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { wallClockIn } from '../zoned-time.ts';
import {
  addDays,
  type ComplianceReport,
  complianceExportPath,
  compliancePath,
  datesBetween,
  type FacilityDetail,
  type Finding,
  facilityPath,
  isIsoDate,
  type RuleReport,
} from './api.ts';
import { StandardsLinks } from './regime-page.tsx';
import './compliance-page.css';

/** The last full calendar month before `today`. */
function lastFullMonth(today: string): { from: string; to: string } {
  const firstOfThisMonth = `${today.slice(0, 7)}-01`;
  const to = addDays(firstOfThisMonth, -1);
  return { from: `${to.slice(0, 7)}-01`, to };
}

/** The period the URL asks for, else the last full month in the facility's zone. */
function periodOf(search: URLSearchParams, today: string): { from: string; to: string } {
  const from = search.get('from');
  const to = search.get('to');
  if (isIsoDate(from) && isIsoDate(to) && from <= to) return { from, to };
  return lastFullMonth(today);
}

/** A rule's name in the reader's language; a rule the UI does not know shows as its id. */
function useRuleText() {
  const { t } = useI18n();
  return (id: string, part: 'title' | 'requirement' | 'source', fallback: string) => {
    const key = `rule.${id}.${part}`;
    return isMessageKey(key) ? t(key) : fallback;
  };
}

/**
 * The standards compliance report of a facility for a period (DOMAIN.md, Standards compliance): for each
 * rule its requirement, the standard it comes from, what was found (with severity, the days affected and
 * the worst cells) and a chart of findings per day. A rule that could not be judged — no measurement, no
 * records — is shown as "not evaluated", never as "no findings". The report downloads as CSV or PDF.
 */
export function CompliancePage({ id }: { id: string }) {
  const { t } = useI18n();
  const [facility, reloadFacility] = useApi<FacilityDetail>(facilityPath(id));
  const name = facility.status === 'ok' ? facility.data.name : '';
  usePageTitle(name ? t('compliance.titleFor', { facility: name }) : t('compliance.title'));
  return (
    <>
      <p className="margin-top-0">
        <Link href={`/facilities/${encodeURIComponent(id)}`} className="usa-link">
          ← {t('regime.common.backToFacility')}
        </Link>
      </p>
      {facility.status !== 'ok' && <h1>{t('compliance.title')}</h1>}
      <LiveStatus text={facility.status === 'loading' ? t('app.loading') : ''} />
      {facility.status === 'error' && (
        <DetailLoadError
          error={facility.error}
          onRetry={reloadFacility}
          notFoundText={t('regime.common.facilityNotFound')}
        />
      )}
      {facility.status === 'ok' && <ComplianceView id={id} facility={facility.data} />}
    </>
  );
}

function ComplianceView({ id, facility }: { id: string; facility: FacilityDetail }) {
  const { t, fmt } = useI18n();
  const formId = useId();
  const { search } = useLocation();
  const today = wallClockIn(facility.timeZone).slice(0, 10);
  const period = periodOf(search, today);
  const here = `/facilities/${encodeURIComponent(id)}/compliance`;
  const [report, reload] = useApi<ComplianceReport>(compliancePath(id, period.from, period.to));
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const [periodError, setPeriodError] = useState(false);
  useEffect(() => {
    setFrom(period.from);
    setTo(period.to);
    setPeriodError(false);
  }, [period.from, period.to]);

  const show = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!isIsoDate(from) || !isIsoDate(to) || from > to) {
      setPeriodError(true);
      return;
    }
    setPeriodError(false);
    navigate(withQuery(here, { from, to }));
  };
  const lastMonth = lastFullMonth(today);

  return (
    <>
      <h1>{t('compliance.titleFor', { facility: facility.name })}</h1>
      <p className="usa-intro custodia-intro">{t('compliance.intro')}</p>
      <StandardsLinks id={id} current="compliance" />

      <search aria-labelledby={`${formId}-period`}>
        <form className="usa-form custodia-filters" onSubmit={show} noValidate>
          <h2 id={`${formId}-period`} className="usa-legend custodia-filters__legend margin-top-0">
            {t('compliance.period')}
          </h2>
          {periodError && (
            <span className="usa-error-message" role="alert">
              {t('regime.common.periodInvalid')}
            </span>
          )}
          <div className="custodia-filters__row">
            <PeriodFields
              formId={formId}
              from={from}
              to={to}
              onFrom={setFrom}
              onTo={setTo}
              invalid={periodError}
            />
          </div>
          <div className="custodia-filters__buttons">
            <button type="submit" className="usa-button">
              {t('compliance.show')}
            </button>
            {(period.from !== lastMonth.from || period.to !== lastMonth.to) && (
              <Link href={withQuery(here, lastMonth)} className="usa-link">
                {t('compliance.lastMonth')}
              </Link>
            )}
          </div>
          <p className="usa-hint margin-bottom-0">
            {t('compliance.periodHint', { zone: facility.timeZone })}
          </p>
        </form>
      </search>

      <LiveStatus text={report.status === 'loading' ? t('app.loading') : ''} />
      {report.status === 'error' && <LoadError error={report.error} onRetry={reload} />}
      {report.status === 'ok' && (
        <Report
          id={id}
          facility={facility}
          report={report.data}
          periodText={t('compliance.periodText', { from: fmt.date(period.from), to: fmt.date(period.to) })}
        />
      )}
    </>
  );
}

type Verdict = 'findings' | 'clear' | 'notEvaluated';

function verdictOf(rule: RuleReport): Verdict {
  if (rule.findings > 0) return 'findings';
  return rule.evaluated > 0 ? 'clear' : 'notEvaluated';
}

function VerdictTag({ rule }: { rule: RuleReport }) {
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
function useReason() {
  const { t, fmt } = useI18n();
  return (rule: RuleReport, thresholds: ComplianceReport['thresholds']): string => {
    // Cases exist but none could be judged: a notification not yet due, a log too short, or no measurement.
    if (rule.notEvaluable > 0) {
      if (rule.id === 'transfer-notification' || rule.id === 'death-notification') {
        return t('compliance.reason.notYetDue', { n: fmt.number(thresholds.notificationHours) });
      }
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

function Report({
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
  const withFindings = report.rules.filter((r) => r.findings > 0).length;
  const notEvaluated = report.rules.filter((r) => verdictOf(r) === 'notEvaluated').length;
  const days = datesBetween(report.from, report.to).length;
  const th = report.thresholds;
  const overviewCaption = t('compliance.overviewCaption', { facility: facility.code, period: periodText });

  return (
    <>
      <section className="custodia-section custodia-compliance-summary" aria-labelledby={`summary-${id}`}>
        <h2 id={`summary-${id}`}>{t('compliance.summary')}</h2>
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
              href={complianceExportPath(id, report.from, report.to, format)}
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
      </section>

      <section className="custodia-section" aria-labelledby={`overview-${id}`}>
        <h2 id={`overview-${id}`}>{t('compliance.rules')}</h2>
        {/* The caption is repeated above the scrolling table so that it stays in view on a narrow screen. */}
        <p className="custodia-table-title" aria-hidden="true">
          {overviewCaption}
        </p>
        <div className="usa-table-container--scrollable">
          <table className="usa-table usa-table--borderless custodia-table custodia-compliance-overview">
            <caption className="usa-sr-only">{overviewCaption}</caption>
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
          </table>
        </div>
      </section>

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

/** Findings of a rule listed under its chart; the full list is in the CSV download. */
const FINDINGS_SHOWN = 10;

function RuleSection({
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

function FindingList({ findings }: { findings: Finding[] }) {
  const { t, fmt } = useI18n();
  const shown = findings.slice(0, FINDINGS_SHOWN);
  return (
    <details className="custodia-details margin-top-2">
      <summary>
        {findings.length > shown.length
          ? t('compliance.firstFindings', { n: fmt.number(shown.length), total: fmt.number(findings.length) })
          : findings.length === 1
            ? t('compliance.theFinding')
            : t('compliance.allFindings', { n: fmt.number(findings.length) })}
      </summary>
      <div className="usa-table-container--scrollable">
        <table className="usa-table usa-table--borderless usa-table--compact custodia-table">
          <caption className="usa-sr-only">{t('compliance.findings')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('common.date')}</th>
              <th scope="col">{t('compliance.cellOrPerson')}</th>
              <th scope="col">{t('compliance.severity')}</th>
              <th scope="col">{t('compliance.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((f) => (
              <tr key={`${f.date}|${f.cell ?? f.person}|${f.detail}`}>
                <td className="text-no-wrap">{fmt.date(f.date)}</td>
                <th scope="row" className="custodia-mono">
                  {f.cell ?? f.person ?? '—'}
                </th>
                <td>{t(`compliance.severity.${f.severity}`)}</td>
                <td lang="en">{f.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

const CHART_WIDTH = 640;
const CHART_HEIGHT = 150;
const AXIS_LEFT = 44;
const AXIS_BOTTOM = 26;
const TOP = 10;

/**
 * A rule's findings per day across the period as stacked bars (high severity below, medium above). The
 * SVG is one image named by its title and described in words; the figures per day follow in a table.
 */
function FindingsChart({
  title,
  findings,
  from,
  to,
}: {
  title: string;
  findings: Finding[];
  from: string;
  to: string;
}) {
  const { t, fmt } = useI18n();
  const id = useId();
  const days = datesBetween(from, to);
  const perDay = new Map<string, { high: number; medium: number }>();
  for (const f of findings) {
    const day = perDay.get(f.date) ?? { high: 0, medium: 0 };
    day[f.severity] += 1;
    perDay.set(f.date, day);
  }
  const totals = days.map((d) => {
    const c = perDay.get(d);
    return { date: d, high: c?.high ?? 0, medium: c?.medium ?? 0, total: (c?.high ?? 0) + (c?.medium ?? 0) };
  });
  const max = Math.max(1, ...totals.map((d) => d.total));
  const peak = totals.reduce((a, b) => (b.total > a.total ? b : a), totals[0] ?? { date: from, total: 0 });
  const withFindings = totals.filter((d) => d.total > 0);
  const plotWidth = CHART_WIDTH - AXIS_LEFT - 4;
  const plotHeight = CHART_HEIGHT - TOP - AXIS_BOTTOM;
  const step = plotWidth / Math.max(1, days.length);
  const barWidth = Math.min(36, Math.max(1, step * (days.length > 60 ? 1 : 0.75)));
  const y = (value: number) => TOP + plotHeight - (value / max) * plotHeight;
  const chartTitle = t('compliance.chartTitle', { rule: title });
  const desc =
    withFindings.length === 0
      ? t('compliance.chartDescNone', { from: fmt.date(from), to: fmt.date(to) })
      : t('compliance.chartDesc', {
          n: fmt.number(findings.length),
          days: fmt.number(withFindings.length),
          total: fmt.number(days.length),
          peak: fmt.number(peak.total),
          date: fmt.date(peak.date),
        });
  const baseline = TOP + plotHeight;
  return (
    <figure className="custodia-findings-chart">
      <svg
        className="custodia-chart custodia-chart--findings"
        viewBox={`0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
      >
        <title id={`${id}-title`}>{chartTitle}</title>
        <desc id={`${id}-desc`}>{desc}</desc>
        <line x1={AXIS_LEFT} x2={CHART_WIDTH - 4} y1={y(max)} y2={y(max)} className="custodia-chart__grid" />
        <line
          x1={AXIS_LEFT}
          x2={CHART_WIDTH - 4}
          y1={baseline}
          y2={baseline}
          className="custodia-chart__axis"
        />
        <text x={AXIS_LEFT - 6} y={y(max) + 5} textAnchor="end" className="custodia-chart__tick">
          {fmt.number(max)}
        </text>
        <text x={AXIS_LEFT - 6} y={baseline + 5} textAnchor="end" className="custodia-chart__tick">
          0
        </text>
        {totals.map((d, i) => {
          if (d.total === 0) return null;
          const x = AXIS_LEFT + i * step + (step - barWidth) / 2;
          const hTop = y(d.high);
          return (
            <g key={d.date}>
              <title>
                {t('compliance.chartBar', {
                  date: fmt.date(d.date),
                  n: fmt.number(d.total),
                  high: fmt.number(d.high),
                  medium: fmt.number(d.medium),
                })}
              </title>
              {d.high > 0 && (
                <rect
                  x={x}
                  y={hTop}
                  width={barWidth}
                  height={baseline - hTop}
                  className="custodia-bar--high"
                />
              )}
              {d.medium > 0 && (
                <rect
                  x={x}
                  y={y(d.total)}
                  width={barWidth}
                  height={hTop - y(d.total)}
                  className="custodia-bar--medium"
                />
              )}
            </g>
          );
        })}
        <text x={AXIS_LEFT} y={CHART_HEIGHT - 6} className="custodia-chart__tick">
          {fmt.date(from)}
        </text>
        {days.length > 1 && (
          <text x={CHART_WIDTH - 4} y={CHART_HEIGHT - 6} textAnchor="end" className="custodia-chart__tick">
            {fmt.date(to)}
          </text>
        )}
      </svg>
      <figcaption className="custodia-chart-caption">
        <ul className="custodia-legend" aria-hidden="true">
          <li>
            <span className="custodia-swatch custodia-bar--high" /> {t('compliance.severity.high')}
          </li>
          <li>
            <span className="custodia-swatch custodia-bar--medium" /> {t('compliance.severity.medium')}
          </li>
        </ul>
        {withFindings.length > 0 && (
          <details className="custodia-details">
            <summary>{t('compliance.chartTable')}</summary>
            <table className="usa-table usa-table--borderless usa-table--compact custodia-table custodia-per-day">
              <caption className="usa-sr-only">{chartTitle}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('common.date')}</th>
                  <th scope="col" className="text-right">
                    {t('compliance.findings')}
                  </th>
                  <th scope="col" className="text-right">
                    {t('compliance.severity.high')}
                  </th>
                  <th scope="col" className="text-right">
                    {t('compliance.severity.medium')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {withFindings.map((d) => (
                  <tr key={d.date}>
                    <th scope="row">{fmt.date(d.date)}</th>
                    <td className="text-right text-tabular">{fmt.number(d.total)}</td>
                    <td className="text-right text-tabular">{fmt.number(d.high)}</td>
                    <td className="text-right text-tabular">{fmt.number(d.medium)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {withFindings.length < days.length && (
              <p className="custodia-note-text">
                {t('compliance.chartTableNote', { n: fmt.number(days.length - withFindings.length) })}
              </p>
            )}
          </details>
        )}
      </figcaption>
    </figure>
  );
}
