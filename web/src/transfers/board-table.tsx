import type { TransferListItem, TransferStatus } from '../api.ts';
import { useI18n } from '../language.tsx';
import { Link } from '../router.tsx';
import { ManifestLink } from './manifest-link.tsx';
import { WideTable } from './wide-table.tsx';

/**
 * The transfers of one state: reference, name, nationalities, last screening, holds, manifest and last
 * change. Every state's table has the same columns, so they line up from one section to the next.
 */
export function BoardTable({ status, items }: { status: TransferStatus; items: TransferListItem[] }) {
  const { t, label, fmt } = useI18n();
  return (
    <WideTable
      caption={t('transfers.caption', { state: label('transferStatus', status) })}
      className="usa-table--compact custodia-table custodia-board"
      columns={[
        t('people.ref'),
        t('people.name'),
        t('people.nationality'),
        t('transfers.lastScreening'),
        t('transfers.holds'),
        t('transfers.manifest'),
        t('transfers.updated'),
      ]}
    >
      {items.map((item) => (
        <tr key={item.transferId}>
          <td className="custodia-mono text-no-wrap">{item.ref}</td>
          <th scope="row">
            <Link href={`/transfers/${encodeURIComponent(item.transferId)}`}>{item.name}</Link>
          </th>
          <td>{item.nationalities.map(fmt.country).join(', ')}</td>
          <td>
            {item.lastScreening ? (
              <span className={`custodia-outcome-text custodia-outcome-text--${item.lastScreening.outcome}`}>
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
              <ManifestLink manifestId={item.manifestId}>{t('transfers.openManifest')}</ManifestLink>
            ) : (
              '—'
            )}
          </td>
          <td>
            <time dateTime={item.updatedAt}>{fmt.localInstant(item.updatedAt)}</time>
          </td>
        </tr>
      ))}
    </WideTable>
  );
}
