import type { ManifestList } from '../api.ts';
import { ManifestStatusTag } from '../components/status-tag.tsx';
import { useI18n } from '../language.tsx';
import { Link } from '../router.tsx';
import { WideTable } from './wide-table.tsx';

/**
 * The manifests, newest departure first: flight, state, carrier, route, the scheduled departure in its own
 * zone, how many people are on each and whether it is reconciled.
 */
export function ManifestsTable({ manifests }: { manifests: ManifestList['manifests'] }) {
  const { t, fmt, label } = useI18n();
  return (
    <WideTable
      caption={t('manifests.caption')}
      className="custodia-table custodia-manifests"
      columns={[
        t('manifest.flight'),
        t('common.status'),
        t('manifests.direction'),
        t('manifest.carrier'),
        t('manifest.route'),
        t('manifest.scheduledDeparture'),
        { text: t('manifests.people'), className: 'text-right' },
        t('manifest.reconciliation'),
      ]}
    >
      {manifests.map((m) => (
        <tr key={m.manifestId} data-manifest-id={m.manifestId}>
          <th scope="row" className="text-no-wrap">
            <Link href={`/manifests/${encodeURIComponent(m.manifestId)}`} className="text-bold">
              {m.flightNumber}
            </Link>
          </th>
          <td>
            <ManifestStatusTag status={m.status} />
          </td>
          <td data-direction={m.direction}>
            {label('direction', m.direction)}
            {m.country && <span className="custodia-statute">{m.country}</span>}
          </td>
          <td>{m.carrier}</td>
          <td className="text-no-wrap">
            {m.origin} → {m.destination}
          </td>
          <td>
            <time dateTime={m.scheduledDeparture.instant}>
              {fmt.zonedClock(m.scheduledDeparture.instant, m.scheduledDeparture.zone)}
            </time>
            <span className="custodia-statute">{m.scheduledDeparture.zone}</span>
          </td>
          <td className="text-right text-tabular">{fmt.number(m.people)}</td>
          <td>
            {m.reconciliation.boarded === 0
              ? t('manifests.nobodyBoarded')
              : m.reconciliation.reconciled
                ? t('manifest.reconciled')
                : t('manifests.unaccounted', { n: m.reconciliation.unaccounted.length })}
          </td>
        </tr>
      ))}
    </WideTable>
  );
}
