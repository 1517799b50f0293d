import type { PersonHold } from '../api.ts';
import { ScrollRegion } from '../components/scroll-region.tsx';
import { useI18n } from '../language.tsx';
import './scroll-region.css';

/** The person's legal holds, those in force first, each with its court, case, issue date and status. */
export function HoldsTable({ holds }: { holds: PersonHold[] }) {
  const { t, label, fmt } = useI18n();
  const sorted = [...holds].sort((a, b) => Number(b.inForce) - Number(a.inForce));
  return (
    <ScrollRegion label={t('holds.caption')}>
      <table className="usa-table usa-table--borderless custodia-table custodia-holds">
        <caption className="usa-sr-only">{t('holds.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('common.type')}</th>
            <th scope="col">{t('common.court')}</th>
            <th scope="col">{t('common.case')}</th>
            <th scope="col">{t('holds.issued')}</th>
            <th scope="col">{t('common.status')}</th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </ScrollRegion>
  );
}
