import { useI18n } from '../language.tsx';
import type { AllocationReport, CheckedConstraint } from './api.ts';

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

/** Each hard constraint with pass or fail and its violations, the rules applied, and the evenness. */
export function ChecksReport({ report }: { report: AllocationReport }) {
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
