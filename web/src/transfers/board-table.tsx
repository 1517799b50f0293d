import type { TransferListItem, TransferStatus } from '../api.ts';
import { ScrollRegion } from '../components/scroll-region.tsx';
import { useI18n } from '../language.tsx';
import { Link } from '../router.tsx';
import './scroll-region.css';

/**
 * The transfers of one state: reference, name, nationalities, last screening, holds, manifest and last
 * change. Every state's table has the same columns, so they line up from one section to the next.
 */
export function BoardTable({ status, items }: { status: TransferStatus; items: TransferListItem[] }) {
  const { t, label, fmt } = useI18n();
  const caption = t('transfers.caption', { state: label('transferStatus', status) });
  return (
    <ScrollRegion label={caption}>
      <table className="usa-table usa-table--borderless usa-table--compact custodia-table custodia-board">
        <caption className="usa-sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('people.ref')}</th>
            <th scope="col">{t('people.name')}</th>
            <th scope="col">{t('people.nationality')}</th>
            <th scope="col">{t('transfers.lastScreening')}</th>
            <th scope="col">{t('transfers.holds')}</th>
            <th scope="col">{t('transfers.manifest')}</th>
            <th scope="col">{t('transfers.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.transferId}>
              <td className="custodia-mono text-no-wrap">{item.ref}</td>
              <th scope="row">
                <Link href={`/transfers/${encodeURIComponent(item.transferId)}`}>{item.name}</Link>
              </th>
              <td>{item.nationalities.map(fmt.country).join(', ')}</td>
              <td>
                {item.lastScreening ? (
                  <span
                    className={`custodia-outcome-text custodia-outcome-text--${item.lastScreening.outcome}`}
                  >
                    {label('outcome', item.lastScreening.outcome)}
                  </span>
                ) : (
                  '—'
                )}
              </td>
              <td className="text-tabular">
                {item.holds > 0 ? (
                  <span className="usa-tag custodia-tag--alert">{fmt.number(item.holds)}</span>
                ) : (
                  '—'
                )}
              </td>
              <td>
                {item.manifestId ? (
                  <Link href={`/manifests/${encodeURIComponent(item.manifestId)}`} className="usa-link">
                    {t('transfers.openManifest')}
                  </Link>
                ) : (
                  '—'
                )}
              </td>
              <td>
                <time dateTime={item.updatedAt}>{fmt.localInstant(item.updatedAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
