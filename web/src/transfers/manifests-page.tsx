import { useId } from 'react';
import type { ManifestAlarmView, ManifestList, ManifestStatus } from '../api.ts';
import { SelectField } from '../components/fields.tsx';
import { LiveStatus, LoadError } from '../components/load-status.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { useI18n } from '../language.tsx';
import { Link, navigate, useLocation, withQuery } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { manifestsPath } from './api.ts';
import { CreateManifest } from './create-manifest.tsx';
import { useCreatableDirections } from './manifest-access.ts';
import { ManifestsTable } from './manifests-table.tsx';
import { MANIFEST_STATES } from './transfer-states.ts';
import './manifests-page.css';

function isManifestState(value: string | null): value is ManifestStatus {
  return (MANIFEST_STATES as readonly (string | null)[]).includes(value);
}

/**
 * Transport manifests, newest departure first: status, flight, carrier, route, the scheduled departure in
 * its own zone, how many people are on each and whether it is reconciled; the alarms of manifests that
 * arrived unreconciled; and, for the sending officer, the form that creates one.
 */
export function ManifestsPage() {
  const { t, label, fmt } = useI18n();
  const creatable = useCreatableDirections();
  const id = useId();
  const { search } = useLocation();
  const requested = search.get('status');
  const status = isManifestState(requested) ? requested : null;
  usePageTitle(t('manifests.title'));
  const [state, reload] = useApi<ManifestList>(manifestsPath(status));
  const manifests = state.status === 'ok' ? state.data.manifests : [];

  return (
    <>
      <h1>{t('manifests.title')}</h1>
      <p className="usa-intro custodia-intro">{t('manifests.intro')}</p>
      {state.status === 'ok' && <ManifestAlarms alarms={state.data.alarms} />}

      <div className="custodia-filters__row">
        <SelectField
          id={`${id}-status`}
          label={t('manifests.filterStatus')}
          className="margin-top-0 custodia-manifests-filter"
          value={status ?? ''}
          onChange={(value) => navigate(withQuery('/manifests', { status: value }))}
          placeholder={t('manifests.allStates')}
          choices={MANIFEST_STATES.map((s) => ({ value: s, label: label('manifestStatus', s) }))}
        />
      </div>

      <LiveStatus
        text={
          state.status === 'loading'
            ? t('app.loading')
            : state.status === 'ok'
              ? t('manifests.status', { n: fmt.number(manifests.length) })
              : ''
        }
      />
      {state.status === 'error' && <LoadError error={state.error} onRetry={reload} />}
      {state.status === 'ok' && manifests.length === 0 && (
        <p className="custodia-empty">{t('manifests.none')}</p>
      )}
      {manifests.length > 0 && <ManifestsTable manifests={manifests} />}

      {creatable.length > 0 && <CreateManifest />}
    </>
  );
}

/** An error alert for each manifest that arrived with people unaccounted for, linking to it. */
export function ManifestAlarms({ alarms }: { alarms: ManifestAlarmView[] }) {
  const { t, fmt } = useI18n();
  if (alarms.length === 0) return null;
  return (
    <div className="custodia-alarms">
      {alarms.map((alarm) => (
        <div
          key={alarm.manifestId}
          className="usa-alert usa-alert--error custodia-alarm"
          role="alert"
          data-manifest-id={alarm.manifestId}
        >
          <div className="usa-alert__body">
            <h2 className="usa-alert__heading">{t('alarm.title')}</h2>
            <p className="usa-alert__text">
              {t('alarm.text', {
                n: alarm.unaccounted.length,
                since: fmt.localInstant(alarm.since),
              })}{' '}
              {t('alarm.people', { people: alarm.people.map((p) => `${p.ref} (${p.name})`).join(', ') })}{' '}
              <Link href={`/manifests/${encodeURIComponent(alarm.manifestId)}`} className="usa-link">
                {t('alarm.open', { flight: `${alarm.carrier} ${alarm.flightNumber}` })}
              </Link>
            </p>
          </div>
        </div>
      ))}
    </div>
  );
}
