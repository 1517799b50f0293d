import { useI18n } from '../language.tsx';
import type { Finding } from './api.ts';

/** Findings of a rule listed under its chart; the full list is in the CSV download. */
const FINDINGS_SHOWN = 10;
/** The first findings of a rule, in a table under a disclosure. */
export function FindingList({ findings }: { findings: Finding[] }) {
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
