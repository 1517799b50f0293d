import type { PersonHold } from '../api.ts';
import { useI18n } from '../language.tsx';
import { WideTable } from './wide-table.tsx';

/** The person's legal holds, those in force first, each with its court, case, issue date and status. */
export function HoldsTable({ holds }: { holds: PersonHold[] }) {
  const { t, label, fmt } = useI18n();
  const sorted = [...holds].sort((a, b) => Number(b.inForce) - Number(a.inForce));
  return (
    <WideTable
      caption={t('holds.caption')}
      className="custodia-table custodia-holds"
      columns={[t('common.type'), t('common.court'), t('common.case'), t('holds.issued'), t('common.status')]}
    >
      {sorted.map((hold) => (
        <tr key={hold.holdId} className={hold.inForce ? 'custodia-row--active' : undefined}>
          <th scope="row">{label('holdType', hold.type)}</th>
          <td>{hold.court}</td>
          <td>{hold.case}</td>
          <td>{fmt.date(hold.issued)}</td>
          <td>
            {hold.inForce ? (
              <span className="usa-tag custodia-tag--alert">{t('holds.inForce')}</span>
            ) : hold.lifted ? (
              t('holds.lifted', { date: fmt.date(hold.lifted) })
            ) : (
              t('holds.notYet')
            )}
          </td>
        </tr>
      ))}
    </WideTable>
  );
}
