import { useCan } from '../access.tsx';
import type { PersonDetail } from '../api.ts';
import { ActionFeedback, useAction } from '../components/action-feedback.tsx';
import { LiveStatus, LoadError } from '../components/load-status.tsx';
import { Section } from '../components/section.tsx';
import { custodyPath, type PersonCustody, type PersonCustodyInterval } from '../facilities/api.ts';
import { useI18n } from '../language.tsx';
import { Link } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { ConsularNotification } from './consular-notification.tsx';
import { Empty, SimpleTable } from './person-parts.tsx';
import { ReleaseForm } from './release-form.tsx';
import { useReleaseReasonText } from './release-reasons.ts';
import './person-page.css';

/**
 * The person's custody intervals (where, in which cell now, from when, until when and why), the consular
 * notification owed for a foreign national's latest custody, and for receiving custody the release form
 * while an interval is open.
 */
export function PersonCustodySection({ person }: { person: PersonDetail }) {
  const { t, fmt } = useI18n();
  const reasonText = useReleaseReasonText();
  const [state, reload, refresh] = useApi<PersonCustody>(custodyPath(person.id));
  const intervals = state.status === 'ok' ? state.data.intervals : [];
  const open = intervals.find((interval) => interval.endedAt === null);
  // The consular notification of the latest custody (newest first), when the person is a foreign national.
  const latest = intervals[0];
  // Held here rather than in the form: after a release the form goes, and its outcome must stay.
  const release = useAction(refresh);
  const canRelease = useCan()('release:record');
  return (
    <Section title={t('release.custody')}>
      {state.status === 'loading' && <LiveStatus text={t('app.loading')} />}
      {state.status === 'error' && <LoadError error={state.error} onRetry={reload} />}
      {state.status === 'ok' && intervals.length === 0 && <Empty>{t('release.noCustody')}</Empty>}
      {intervals.length > 0 && (
        <SimpleTable
          caption={t('release.custody')}
          head={[
            t('release.facility'),
            t('release.cell'),
            t('release.from'),
            t('release.to'),
            t('custody.releaseReason'),
          ]}
          rows={intervals.map((interval) => ({
            key: interval.id,
            highlight: interval.endedAt === null,
            cells: [
              <Link
                key="f"
                href={`/facilities/${encodeURIComponent(interval.facilityId)}`}
                className="usa-link"
              >
                {interval.facilityName}
              </Link>,
              <CustodyCell key="c" interval={interval} />,
              <time key="s" dateTime={interval.startedAt}>
                {fmt.zoned(interval.startedAt, interval.timeZone)}
              </time>,
              interval.endedAt ? (
                <time key="e" dateTime={interval.endedAt}>
                  {fmt.zoned(interval.endedAt, interval.timeZone)}
                </time>
              ) : (
                <span key="e" className="usa-tag custodia-tag--in-custody">
                  {t('release.open')}
                </span>
              ),
              interval.releaseReason ? reasonText(interval.releaseReason) : '—',
            ],
          }))}
        />
      )}
      {latest?.consular && (
        <ConsularNotification
          personId={person.id}
          interval={latest}
          duty={latest.consular}
          onDone={refresh}
        />
      )}
      {open && canRelease && <ReleaseForm personId={person.id} interval={open} action={release} />}
      {canRelease && <ActionFeedback state={release.state} refusedTitle={t('release.refused')} />}
    </Section>
  );
}

/**
 * Where the person is held now on an open interval: the cell and module and since when, on the
 * facility's clock, or that they are waiting for a cell. A closed interval has no cell.
 */
function CustodyCell({ interval }: { interval: PersonCustodyInterval }) {
  const { t, fmt } = useI18n();
  const { housing } = interval;
  if (interval.endedAt !== null) return <>—</>;
  if (!housing) {
    return (
      <span className="custodia-custody-cell" data-housed="false">
        {t('release.notHoused')}
      </span>
    );
  }
  return (
    <span
      className="custodia-custody-cell"
      data-housed="true"
      data-cell={housing.cell}
      data-module={housing.module}
    >
      {t('release.housedIn', {
        cell: housing.cell,
        module: housing.module,
        since: fmt.zonedClock(housing.assignedAt, interval.timeZone),
      })}
    </span>
  );
}
