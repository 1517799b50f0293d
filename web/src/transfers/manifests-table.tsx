import type { ManifestList } from '../api.ts';
import { ScrollRegion } from '../components/scroll-region.tsx';
import { ManifestStatusTag } from '../components/status-tag.tsx';
import { useI18n } from '../language.tsx';
import { Link } from '../router.tsx';
import './scroll-region.css';

/**
 * The manifests, newest departure first: flight, state, carrier, route, the scheduled departure in its own
 * zone, how many people are on each and whether it is reconciled.
 */
export function ManifestsTable({ manifests }: { manifests: ManifestList['manifests'] }) {
  const { t, fmt } = useI18n();
  return (
    <ScrollRegion label={t('manifests.caption')}>
      <table className="usa-table usa-table--borderless custodia-table custodia-manifests">
        <caption className="usa-sr-only">{t('manifests.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('manifest.flight')}</th>
            <th scope="col">{t('common.status')}</th>
            <th scope="col">{t('manifest.carrier')}</th>
            <th scope="col">{t('manifest.route')}</th>
            <th scope="col">{t('manifest.scheduledDeparture')}</th>
            <th scope="col" className="text-right">
              {t('manifests.people')}
            </th>
            <th scope="col">{t('manifest.reconciliation')}</th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </ScrollRegion>
  );
}
