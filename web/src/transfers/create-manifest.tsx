import { type FormEvent, useEffect, useId, useState } from 'react';
import type { Direction } from '../../../src/transfers/states.ts';
import type { Dashboard } from '../api.ts';
import { ActionFeedback, useAction } from '../components/action-feedback.tsx';
import { SelectField, TextField } from '../components/fields.tsx';
import { LoadError } from '../components/load-status.tsx';
import { Section } from '../components/section.tsx';
import { useI18n } from '../language.tsx';
import { navigate } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { browserZone, isTimeZone, knownZones, wallClockIn, zonedToInstant } from '../zoned-time.ts';
import { createManifest } from './api.ts';
import { useCreatableDirections } from './manifest-access.ts';
import { RunButton } from './run-button.tsx';
import { type ZonedDraft, ZonedField } from './zoned-field.tsx';

/** The flight's text fields, each required. */
const FLIGHT_FIELDS = ['carrier', 'flightNumber', 'origin', 'destination'] as const;
type FlightField = (typeof FLIGHT_FIELDS)[number];

/**
 * The form for a new manifest: its direction (those the reader may create: outbound for the sending
 * officer, a return or repatriation out of the facility for the receiving officer), the facility, the
 * flight and its zoned times, and a repatriation's country. Nothing is sent while a field is blank, a
 * country is not two letters, or a time is not a date, a time and a known zone.
 */
export function CreateManifest() {
  const { t, label } = useI18n();
  const id = useId();
  const directions = useCreatableDirections();
  const [picked, setPicked] = useState<Direction | null>(null);
  const direction = picked ?? directions[0] ?? 'outbound';
  const [country, setCountry] = useState('');
  const [dashboard, reloadDashboard] = useApi<Dashboard>('/api/v1/dashboard');
  const facilities = dashboard.status === 'ok' ? dashboard.data.facilities : [];
  const [facility, setFacility] = useState('');
  const [flight, setFlight] = useState<Record<FlightField, string>>({
    carrier: '',
    flightNumber: '',
    origin: '',
    destination: '',
  });
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
    const code = country.trim().toUpperCase();
    const missing = [
      direction === 'repatriation' && !/^[A-Z]{2}$/.test(code) ? 'country' : '',
      chosen ? '' : 'facility',
      ...FLIGHT_FIELDS.map((field) => (flight[field].trim() ? '' : field)),
      scheduledDeparture && isTimeZone(departure.zone) ? '' : 'departure',
      scheduledArrival && isTimeZone(arrivalDraft.zone) ? '' : 'arrival',
    ].filter(Boolean);
    setInvalid(missing);
    if (missing.length > 0 || !chosen || !scheduledDeparture || !scheduledArrival) return;
    await action.run(
      'create',
      () =>
        createManifest({
          direction,
          ...(direction === 'repatriation' ? { country: code } : {}),
          facilityId: chosen.code,
          carrier: flight.carrier.trim(),
          flightNumber: flight.flightNumber.trim(),
          origin: flight.origin.trim(),
          destination: flight.destination.trim(),
          scheduledDeparture: { instant: scheduledDeparture, zone: departure.zone.trim() },
          scheduledArrival: { instant: scheduledArrival, zone: arrivalDraft.zone.trim() },
        }).then((manifest) => {
          navigate(`/manifests/${encodeURIComponent(manifest.manifestId)}`);
          return manifest;
        }),
      ({ t }, manifest) => t('manifests.created', { flight: manifest.flightNumber }),
    );
  };

  const text = (field: FlightField, hint?: string) => (
    <TextField
      id={`${id}-${field}`}
      label={t(`manifest.${field}`)}
      hint={hint}
      required
      value={flight[field]}
      onChange={(value) => setFlight((current) => ({ ...current, [field]: value }))}
      error={invalid.includes(field) ? t(`manifests.${field}Missing`) : undefined}
    />
  );

  return (
    <Section title={t('manifests.create')}>
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
        {directions.length > 1 && (
          <SelectField
            id={`${id}-direction`}
            label={t('manifests.direction')}
            hint={t('manifests.directionHint')}
            value={direction}
            onChange={(value) => setPicked(directions.find((d) => d === value) ?? null)}
            choices={directions.map((d) => ({ value: d, label: label('direction', d) }))}
          />
        )}
        {direction === 'repatriation' && (
          <TextField
            id={`${id}-country`}
            label={t('manifests.country')}
            hint={t('manifests.countryHint')}
            required
            width="small"
            value={country}
            onChange={setCountry}
            error={invalid.includes('country') ? t('manifests.countryMissing') : undefined}
          />
        )}
        <SelectField
          id={`${id}-facility`}
          label={t('manifest.facility')}
          required
          value={chosen?.code ?? ''}
          onChange={(code) => {
            setFacility(code);
            setArrival(null);
          }}
          choices={facilities.map((f) => ({ value: f.code, label: `${f.name} (${f.code})` }))}
          error={invalid.includes('facility') ? t('manifests.facilityMissing') : undefined}
        />
        {text('carrier')}
        {text('flightNumber')}
        <div className="custodia-form-row">
          {text('origin', t('manifests.placeHint'))}
          {text('destination', t('manifests.placeHint'))}
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
        <RunButton runner={action} runKey="create" submit className="usa-button margin-top-3">
          {t('manifests.createButton')}
        </RunButton>
      </form>
    </Section>
  );
}
