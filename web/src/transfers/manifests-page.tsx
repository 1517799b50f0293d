import { type FormEvent, useEffect, useId, useState } from 'react';
import { useCan } from '../access.tsx';
import type { Dashboard, ManifestAlarmView, ManifestList, ManifestStatus } from '../api.ts';
import { ActionFeedback, useAction } from '../components/action-feedback.tsx';
import { LiveStatus, LoadError } from '../components/load-status.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { ManifestStatusTag } from '../components/status-tag.tsx';
import { useI18n } from '../language.tsx';
import { Link, navigate, useLocation, withQuery } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { browserZone, isTimeZone, knownZones, wallClockIn, zonedToInstant } from '../zoned-time.ts';
import { createManifest, manifestsPath } from './api.ts';
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
  const can = useCan();
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
        <div className="usa-form-group margin-top-0">
          <label className="usa-label margin-top-0" htmlFor={`${id}-status`}>
            {t('manifests.filterStatus')}
          </label>
          <select
            className="usa-select"
            id={`${id}-status`}
            value={status ?? ''}
            onChange={(event) => navigate(withQuery('/manifests', { status: event.target.value }))}
          >
            <option value="">{t('manifests.allStates')}</option>
            {MANIFEST_STATES.map((s) => (
              <option key={s} value={s}>
                {label('manifestStatus', s)}
              </option>
            ))}
          </select>
        </div>
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
      {manifests.length > 0 && (
        <div className="usa-table-container--scrollable">
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
        </div>
      )}

      {can('manifest:create') && <CreateManifest />}
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

interface ZonedDraft {
  local: string;
  zone: string;
}

/** A wall-clock date-time and its IANA zone, with the instant it will be sent as. */
function ZonedField({
  legend,
  value,
  onChange,
  invalid,
  zonesId,
}: {
  legend: string;
  value: ZonedDraft;
  onChange: (value: ZonedDraft) => void;
  invalid: boolean;
  zonesId: string;
}) {
  const { t, fmt } = useI18n();
  const id = useId();
  const instant = zonedToInstant(value.local, value.zone);
  return (
    <fieldset
      className={`usa-fieldset custodia-zoned${invalid ? ' usa-form-group usa-form-group--error' : ''}`}
    >
      <legend className="usa-legend text-bold">{legend}</legend>
      {invalid && (
        <span className="usa-error-message" role="alert">
          {t('manifests.timeInvalid')}
        </span>
      )}
      <div className="custodia-form-row">
        <div>
          <label className="usa-label" htmlFor={`${id}-local`}>
            {t('manifests.localTime')}
          </label>
          <input
            className="usa-input"
            id={`${id}-local`}
            type="datetime-local"
            value={value.local}
            onChange={(event) => onChange({ ...value, local: event.target.value })}
          />
        </div>
        <div>
          <label className="usa-label" htmlFor={`${id}-zone`}>
            {t('manifests.zone')}
          </label>
          <input
            className="usa-input"
            id={`${id}-zone`}
            list={zonesId}
            spellCheck={false}
            autoCapitalize="off"
            value={value.zone}
            onChange={(event) => onChange({ ...value, zone: event.target.value })}
            aria-describedby={`${id}-instant`}
          />
        </div>
      </div>
      <p className="usa-hint margin-top-1" id={`${id}-instant`}>
        {instant
          ? t('manifests.sentAs', { instant, readable: fmt.zoned(instant, value.zone) })
          : t('manifests.zoneHint')}
      </p>
    </fieldset>
  );
}

/** The sending officer's form for a new manifest: the facility, the flight and its zoned times. */
function CreateManifest() {
  const { t } = useI18n();
  const id = useId();
  const [dashboard, reloadDashboard] = useApi<Dashboard>('/api/v1/dashboard');
  const facilities = dashboard.status === 'ok' ? dashboard.data.facilities : [];
  const [facility, setFacility] = useState('');
  const [carrier, setCarrier] = useState('');
  const [flightNumber, setFlightNumber] = useState('');
  const [origin, setOrigin] = useState('');
  const [destination, setDestination] = useState('');
  const [departure, setDeparture] = useState<ZonedDraft>(() => {
    const zone = browserZone();
    return { local: wallClockIn(zone), zone };
  });
  const [arrival, setArrival] = useState<ZonedDraft | null>(null);
  const [invalid, setInvalid] = useState<string[]>([]);
  const action = useAction(() => {});

  const chosen = facilities.find((f) => f.code === facility) ?? facilities[0];
  // The arrival is read at the receiving facility until the reader picks another zone.
  useEffect(() => {
    if (!chosen || arrival) return;
    setArrival({ local: wallClockIn(chosen.timeZone, 180), zone: chosen.timeZone });
  }, [chosen, arrival]);
  const arrivalDraft = arrival ?? { local: '', zone: '' };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const scheduledDeparture = zonedToInstant(departure.local, departure.zone);
    const scheduledArrival = zonedToInstant(arrivalDraft.local, arrivalDraft.zone);
    const missing = [
      chosen ? '' : 'facility',
      carrier.trim() ? '' : 'carrier',
      flightNumber.trim() ? '' : 'flightNumber',
      origin.trim() ? '' : 'origin',
      destination.trim() ? '' : 'destination',
      scheduledDeparture && isTimeZone(departure.zone) ? '' : 'departure',
      scheduledArrival && isTimeZone(arrivalDraft.zone) ? '' : 'arrival',
    ].filter(Boolean);
    setInvalid(missing);
    if (missing.length > 0 || !chosen || !scheduledDeparture || !scheduledArrival) return;
    await action.run(
      'create',
      () =>
        createManifest({
          facilityId: chosen.code,
          carrier: carrier.trim(),
          flightNumber: flightNumber.trim(),
          origin: origin.trim(),
          destination: destination.trim(),
          scheduledDeparture: { instant: scheduledDeparture, zone: departure.zone.trim() },
          scheduledArrival: { instant: scheduledArrival, zone: arrivalDraft.zone.trim() },
        }).then((manifest) => {
          navigate(`/manifests/${encodeURIComponent(manifest.manifestId)}`);
          return manifest;
        }),
      (manifest) => t('manifests.created', { flight: manifest.flightNumber }),
    );
  };

  const text = (
    field: 'carrier' | 'flightNumber' | 'origin' | 'destination',
    value: string,
    set: (v: string) => void,
    hint?: string,
  ) => (
    <div className={invalid.includes(field) ? 'usa-form-group usa-form-group--error' : 'usa-form-group'}>
      <label className="usa-label" htmlFor={`${id}-${field}`}>
        {t(`manifest.${field}`)}
      </label>
      {hint && (
        <div className="usa-hint" id={`${id}-${field}-hint`}>
          {hint}
        </div>
      )}
      <input
        className="usa-input"
        id={`${id}-${field}`}
        name={field}
        value={value}
        onChange={(event) => set(event.target.value)}
        aria-invalid={invalid.includes(field) || undefined}
        aria-describedby={hint ? `${id}-${field}-hint` : undefined}
      />
    </div>
  );

  return (
    <section className="custodia-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('manifests.create')}</h2>
      <p className="custodia-note-text">{t('manifests.createNote')}</p>
      {dashboard.status === 'error' && <LoadError error={dashboard.error} onRetry={reloadDashboard} />}
      <form className="usa-form usa-form--large custodia-create-manifest" onSubmit={submit} noValidate>
        {invalid.length > 0 && (
          <div className="usa-alert usa-alert--error usa-alert--slim" role="alert">
            <div className="usa-alert__body">
              <p className="usa-alert__text">{t('manifests.fixFields')}</p>
            </div>
          </div>
        )}
        <label className="usa-label" htmlFor={`${id}-facility`}>
          {t('manifest.facility')}
        </label>
        <select
          className="usa-select"
          id={`${id}-facility`}
          name="facility"
          value={chosen?.code ?? ''}
          onChange={(event) => {
            setFacility(event.target.value);
            setArrival(null);
          }}
        >
          {facilities.map((f) => (
            <option key={f.id} value={f.code}>
              {f.name} ({f.code})
            </option>
          ))}
        </select>
        {text('carrier', carrier, setCarrier)}
        {text('flightNumber', flightNumber, setFlightNumber)}
        <div className="custodia-form-row">
          {text('origin', origin, setOrigin, t('manifests.placeHint'))}
          {text('destination', destination, setDestination, t('manifests.placeHint'))}
        </div>
        <datalist id={`${id}-zones`}>
          {knownZones().map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        <ZonedField
          legend={t('manifest.scheduledDeparture')}
          value={departure}
          onChange={setDeparture}
          invalid={invalid.includes('departure')}
          zonesId={`${id}-zones`}
        />
        <ZonedField
          legend={t('manifest.scheduledArrival')}
          value={arrivalDraft}
          onChange={setArrival}
          invalid={invalid.includes('arrival')}
          zonesId={`${id}-zones`}
        />
        <ActionFeedback state={action.state} refusedTitle={t('manifests.createRefused')} />
        <button
          type="submit"
          className="usa-button margin-top-3"
          aria-disabled={action.state.busy !== null || undefined}
        >
          {action.state.busy ? t('action.working') : t('manifests.createButton')}
        </button>
      </form>
    </section>
  );
}
