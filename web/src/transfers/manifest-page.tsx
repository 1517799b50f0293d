import type { ManifestView, ZonedTime } from '../api.ts';
import { useAction } from '../components/action-feedback.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { Section } from '../components/section.tsx';
import { ManifestStatusTag } from '../components/status-tag.tsx';
import { useI18n } from '../language.tsx';
import { useApi } from '../use-api.ts';
import { manifestPath } from './api.ts';
import { BoardingChecklist } from './boarding-checklist.tsx';
import { DetailFrame } from './detail-frame.tsx';
import { IntakeChecklist } from './intake-checklist.tsx';
import { personName } from './manifest-entry.tsx';
import { Reconciliation } from './reconciliation.tsx';
import './manifest-page.css';

/**
 * One transport manifest (docs/domain.md, Transport manifests): the flight and its zoned times; the
 * boarding checklist, person by person, with the holds in force; departure and arrival; the intake
 * checklist with an identity check per person and the explained exceptions; and the reconciliation that
 * must hold before the manifest closes. The buttons follow what the reader may do and the manifest's
 * state; the server decides, and a refusal shows its explanation as given.
 */
export function ManifestPage({ id }: { id: string }) {
  const { t } = useI18n();
  const [state, reload, refresh] = useApi<ManifestView>(manifestPath(id));
  const flight = state.status === 'ok' ? state.data.flightNumber : '';
  usePageTitle(flight ? t('manifest.titleFor', { flight }) : t('manifest.title'));

  return (
    <DetailFrame
      state={state}
      reload={reload}
      backHref="/manifests"
      backText={t('manifest.back')}
      title={t('manifest.title')}
      notFoundText={t('notFound.manifestBody')}
    >
      {(manifest) => <ManifestDetail manifest={manifest} onChanged={refresh} />}
    </DetailFrame>
  );
}

function ManifestDetail({ manifest, onChanged }: { manifest: ManifestView; onChanged: () => void }) {
  const { t } = useI18n();
  const boarding = useAction(onChanged);
  const intake = useAction(onChanged);
  const closing = useAction(onChanged);
  return (
    <>
      <h1>
        {t('manifest.titleFor', { flight: manifest.flightNumber })}{' '}
        <ManifestStatusTag status={manifest.status} />
      </h1>
      <ManifestAlarm manifest={manifest} />
      <ManifestFacts manifest={manifest} />
      <Section title={t('manifest.boarding')}>
        <BoardingChecklist manifest={manifest} runner={boarding} />
      </Section>
      <Section
        title={manifest.direction === 'outbound' ? t('manifest.intake') : t('manifest.handoverSection')}
      >
        <IntakeChecklist manifest={manifest} runner={intake} />
      </Section>
      <Section title={t('manifest.reconciliation')}>
        <Reconciliation manifest={manifest} runner={closing} />
      </Section>
    </>
  );
}

/** The alarm of a manifest that arrived with people unaccounted for, naming them. */
function ManifestAlarm({ manifest }: { manifest: ManifestView }) {
  const { t, fmt } = useI18n();
  if (!manifest.alarm) return null;
  const byTransfer = new Map(manifest.entries.map((e) => [e.transferId, e]));
  return (
    <div className="usa-alert usa-alert--error custodia-alarm" role="alert">
      <div className="usa-alert__body">
        <h2 className="usa-alert__heading">{t('alarm.title')}</h2>
        <p className="usa-alert__text">
          {t('alarm.text', {
            n: manifest.alarm.unaccounted.length,
            since: fmt.localInstant(manifest.alarm.since),
          })}{' '}
          {fmt.list(
            manifest.alarm.unaccounted.map((id) => {
              const entry = byTransfer.get(id);
              return entry ? personName(entry) : id;
            }),
          )}
        </p>
      </div>
    </div>
  );
}

/**
 * The flight: its direction, carrier, number, route, the facility it arrives at or leaves, and the four
 * times, each in its own zone.
 */
function ManifestFacts({ manifest }: { manifest: ManifestView }) {
  const { t, fmt, label } = useI18n();
  const zoned = (time: ZonedTime | null) =>
    time ? fmt.zoned(time.instant, time.zone) : t('manifest.notYet');
  return (
    <dl className="custodia-summary custodia-manifest-facts">
      <dt>{t('manifest.direction')}</dt>
      <dd data-direction={manifest.direction}>
        <strong>{label('direction', manifest.direction)}</strong>{' '}
        <span className="custodia-statute">
          {t(`manifest.directionText.${manifest.direction}`, { country: manifest.country ?? '' })}
        </span>
      </dd>
      <dt>{t('manifest.carrier')}</dt>
      <dd>{manifest.carrier}</dd>
      <dt>{t('manifest.flightNumber')}</dt>
      <dd className="custodia-mono">{manifest.flightNumber}</dd>
      <dt>{t('manifest.route')}</dt>
      <dd>
        {manifest.origin} → {manifest.destination}
      </dd>
      <dt>{manifest.direction === 'outbound' ? t('manifest.facility') : t('manifest.leavingFacility')}</dt>
      <dd>
        {manifest.facility ? `${manifest.facility.name} (${manifest.facility.code})` : manifest.facilityId}
      </dd>
      <dt>{t('manifest.scheduledDeparture')}</dt>
      <dd>{zoned(manifest.scheduledDeparture)}</dd>
      <dt>{t('manifest.actualDeparture')}</dt>
      <dd>{zoned(manifest.actualDeparture)}</dd>
      <dt>{t('manifest.scheduledArrival')}</dt>
      <dd>{zoned(manifest.scheduledArrival)}</dd>
      <dt>{t('manifest.actualArrival')}</dt>
      <dd>{zoned(manifest.actualArrival)}</dd>
    </dl>
  );
}
