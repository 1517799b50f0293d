import { type FormEvent, useId, useState } from 'react';
import { useCan } from '../access.tsx';
import { ActionFeedback, useAction } from '../components/action-feedback.tsx';
import { DetailLoadError, LiveStatus, LoadError } from '../components/load-status.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { useI18n } from '../language.tsx';
import { Link, navigate, useLocation, withQuery } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { wallClockIn, zonedToInstant } from '../zoned-time.ts';
import {
  type FacilityDetail,
  facilityPath,
  HEADCOUNT_MAX,
  type HeadcountRecorded,
  INCIDENT_KINDS,
  INCIDENT_STATUSES,
  type IncidentKind,
  type IncidentList,
  type IncidentStatus,
  incidentsPath,
  isIncidentStatus,
  recordHeadcount,
  reportIncident,
} from './api.ts';
import { StandardsLinks } from './regime-page.tsx';
import './incidents-page.css';

/** An incident's status as a tag: the name in words, the colour only repeating it. */
export function IncidentStatusTag({ status }: { status: IncidentStatus }) {
  const { t } = useI18n();
  return (
    <span
      className={`usa-tag custodia-incident-state custodia-incident-state--${status}`}
      data-status={status}
    >
      {t(`incident.status.${status}`)}
    </span>
  );
}

/**
 * A facility's incidents (DOMAIN.md, Custody → Incidents), newest first, filtered by status in the URL:
 * kind, status, when it happened (in the facility's zone), the person and the cell. Receiving custody
 * records a headcount here — a count that differs from the people held is reported as an incident — and
 * reports an incident.
 */
export function IncidentsPage({ id }: { id: string }) {
  const { t } = useI18n();
  const [facility, reloadFacility] = useApi<FacilityDetail>(facilityPath(id));
  const name = facility.status === 'ok' ? facility.data.name : '';
  usePageTitle(name ? t('incidents.titleFor', { facility: name }) : t('incidents.title'));
  return (
    <>
      <p className="margin-top-0">
        <Link href={`/facilities/${encodeURIComponent(id)}`} className="usa-link">
          ← {t('regime.common.backToFacility')}
        </Link>
      </p>
      {facility.status !== 'ok' && <h1>{t('incidents.title')}</h1>}
      <LiveStatus text={facility.status === 'loading' ? t('app.loading') : ''} />
      {facility.status === 'error' && (
        <DetailLoadError
          error={facility.error}
          onRetry={reloadFacility}
          notFoundText={t('regime.common.facilityNotFound')}
        />
      )}
      {facility.status === 'ok' && <IncidentsView id={id} facility={facility.data} />}
    </>
  );
}

function IncidentsView({ id, facility }: { id: string; facility: FacilityDetail }) {
  const { t, fmt } = useI18n();
  const formId = useId();
  const { search } = useLocation();
  const requested = search.get('status');
  const status = isIncidentStatus(requested) ? requested : null;
  const [list, reload, refresh] = useApi<IncidentList>(incidentsPath(id, status));
  const here = `/facilities/${encodeURIComponent(id)}/incidents`;
  const incidents = list.status === 'ok' ? list.data.incidents : [];
  const can = useCan();
  // Shown above the scrolling table too, so that it stays in view on a narrow screen.
  const caption = (
    <>
      {status
        ? t('incidents.captionStatus', { facility: facility.code, status: t(`incident.status.${status}`) })
        : t('incidents.caption', { facility: facility.code })}{' '}
      <span className="custodia-caption-page">{t('incidents.timesIn', { zone: facility.timeZone })}</span>
    </>
  );

  return (
    <>
      <h1>{t('incidents.titleFor', { facility: facility.name })}</h1>
      <p className="usa-intro custodia-intro">{t('incidents.intro')}</p>
      <StandardsLinks id={id} current="incidents" />

      <div className="custodia-filters__row">
        <div className="usa-form-group margin-top-0">
          <label className="usa-label margin-top-0" htmlFor={`${formId}-status`}>
            {t('incidents.filterStatus')}
          </label>
          <select
            className="usa-select"
            id={`${formId}-status`}
            value={status ?? ''}
            onChange={(event) => navigate(withQuery(here, { status: event.target.value }))}
          >
            <option value="">{t('incidents.allStatuses')}</option>
            {INCIDENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`incident.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>

      <LiveStatus
        text={
          list.status === 'loading'
            ? t('app.loading')
            : list.status === 'ok'
              ? t(incidents.length === 1 ? 'incidents.statusOne' : 'incidents.status', {
                  n: fmt.number(incidents.length),
                })
              : ''
        }
      />
      {list.status === 'error' && <LoadError error={list.error} onRetry={reload} />}
      {list.status === 'ok' && incidents.length === 0 && (
        <p className="custodia-empty">{status ? t('incidents.noneWithStatus') : t('incidents.none')}</p>
      )}
      {incidents.length > 0 && (
        <>
          <p className="custodia-table-title" aria-hidden="true">
            {caption}
          </p>
          <div className="usa-table-container--scrollable">
            <table className="usa-table usa-table--borderless custodia-table custodia-incidents">
              <caption className="usa-sr-only">{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('incident.occurredAt')}</th>
                  <th scope="col">{t('incident.kind')}</th>
                  <th scope="col">{t('common.status')}</th>
                  <th scope="col">{t('incident.person')}</th>
                  <th scope="col">{t('incident.cell')}</th>
                  <th scope="col">{t('incident.description')}</th>
                </tr>
              </thead>
              <tbody>
                {incidents.map((incident) => (
                  <tr
                    key={incident.id}
                    data-incident-id={incident.id}
                    data-kind={incident.kind}
                    className={incident.kind === 'death_in_custody' ? 'custodia-row--active' : undefined}
                  >
                    <td>
                      <time dateTime={incident.occurred_at}>
                        {fmt.zonedClock(incident.occurred_at, facility.timeZone)}
                      </time>
                    </td>
                    <th scope="row">
                      <Link href={`/incidents/${encodeURIComponent(incident.id)}`} className="text-bold">
                        {t(`incident.kind.${incident.kind}`)}
                      </Link>
                    </th>
                    <td>
                      <IncidentStatusTag status={incident.status} />
                    </td>
                    <td>
                      {incident.person_id ? (
                        <Link
                          href={`/people/${encodeURIComponent(incident.person_id)}`}
                          className="usa-link custodia-mono"
                        >
                          {incident.person_ref ?? incident.person_id}
                        </Link>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td className="custodia-mono">{incident.cell_code ?? '—'}</td>
                    <td className="custodia-incident-description">{incident.description}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      {can('headcount:record') && <Headcount id={id} onDone={refresh} />}
      {can('incident:report') && <ReportIncident id={id} facility={facility} />}
    </>
  );
}

/** The headcount: the number counted goes to the server, which compares it with the people held. */
function Headcount({ id, onDone }: { id: string; onDone: () => void }) {
  const { t, fmt } = useI18n();
  const formId = useId();
  const [counted, setCounted] = useState('');
  const [invalid, setInvalid] = useState<'invalid' | 'tooMany' | null>(null);
  const [result, setResult] = useState<HeadcountRecorded | null>(null);
  const action = useAction(onDone);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Digits only: `1e9` and `2.5` are numbers to the browser, but not a count of people.
    const text = counted.trim();
    if (!/^\d+$/.test(text)) {
      setInvalid('invalid');
      return;
    }
    const n = Number(text);
    if (n > HEADCOUNT_MAX) {
      setInvalid('tooMany');
      return;
    }
    setInvalid(null);
    setResult(null);
    await action.run(
      'headcount',
      async () => {
        const recorded = await recordHeadcount(id, n);
        setResult(recorded);
        return recorded;
      },
      (r) => {
        const diff = r.counted - r.expected;
        return diff === 0
          ? t('headcount.matches', { counted: fmt.number(r.counted) })
          : t('headcount.discrepancy', {
              counted: fmt.number(r.counted),
              expected: fmt.number(r.expected),
              diff: `${diff > 0 ? '+' : '−'}${fmt.number(Math.abs(diff))}`,
            });
      },
    );
  };

  return (
    <section className="custodia-section" aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`}>{t('headcount.title')}</h2>
      <p className="custodia-note-text margin-top-0">{t('headcount.note')}</p>
      <form className="usa-form custodia-headcount" onSubmit={submit} noValidate>
        <div className={invalid ? 'usa-form-group usa-form-group--error' : 'usa-form-group'}>
          <label className="usa-label" htmlFor={`${formId}-counted`}>
            {t('headcount.counted')}
          </label>
          <div className="usa-hint" id={`${formId}-hint`}>
            {t('headcount.countedHint')}
          </div>
          {invalid && (
            <span className="usa-error-message" id={`${formId}-error`} role="alert">
              {invalid === 'tooMany'
                ? t('headcount.tooMany', { max: fmt.number(HEADCOUNT_MAX) })
                : t('headcount.invalid')}
            </span>
          )}
          <input
            className="usa-input usa-input--medium"
            id={`${formId}-counted`}
            type="number"
            min={0}
            max={HEADCOUNT_MAX}
            step={1}
            inputMode="numeric"
            autoComplete="off"
            value={counted}
            onChange={(event) => setCounted(event.target.value)}
            aria-describedby={`${formId}-hint${invalid ? ` ${formId}-error` : ''}`}
            aria-invalid={invalid !== null || undefined}
          />
        </div>
        <button
          type="submit"
          className="usa-button margin-top-2"
          aria-disabled={action.state.busy !== null || undefined}
        >
          {action.state.busy ? t('action.working') : t('headcount.submit')}
        </button>
      </form>
      <ActionFeedback state={action.state} refusedTitle={t('headcount.refused')} />
      {result?.incidentId && action.state.done && (
        <p className="custodia-headcount-incident" data-incident-id={result.incidentId}>
          <Link href={`/incidents/${encodeURIComponent(result.incidentId)}`} className="usa-link">
            {t('headcount.openIncident')}
          </Link>
        </p>
      )}
    </section>
  );
}

/** The form that reports an incident; on success the new incident's page opens. */
function ReportIncident({ id, facility }: { id: string; facility: FacilityDetail }) {
  const { t, fmt } = useI18n();
  const formId = useId();
  const [kind, setKind] = useState<IncidentKind | ''>('');
  const [description, setDescription] = useState('');
  const [occurred, setOccurred] = useState(() => wallClockIn(facility.timeZone));
  const [personId, setPersonId] = useState('');
  const [cell, setCell] = useState('');
  const [invalid, setInvalid] = useState<string[]>([]);
  const action = useAction(() => {});
  const instant = zonedToInstant(occurred, facility.timeZone);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const person = personId.trim();
    const missing = [
      kind ? '' : 'kind',
      description.trim() ? '' : 'description',
      instant ? '' : 'occurred',
      person === '' || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(person)
        ? ''
        : 'person',
      kind === 'death_in_custody' && person === '' ? 'person' : '',
    ].filter(Boolean);
    setInvalid(missing);
    if (missing.length > 0 || !kind || !instant) return;
    await action.run(
      'report',
      async () => {
        const reported = await reportIncident(id, {
          kind,
          description: description.trim(),
          occurredAt: instant,
          ...(person ? { personId: person } : {}),
          ...(cell.trim() ? { cell: cell.trim().toUpperCase() } : {}),
        });
        navigate(`/incidents/${encodeURIComponent(reported.incidentId)}`);
        return reported;
      },
      t('incidents.reported'),
    );
  };

  const has = (field: string) => invalid.includes(field);
  const group = (field: string) => (has(field) ? 'usa-form-group usa-form-group--error' : 'usa-form-group');

  return (
    <section className="custodia-section" aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`}>{t('incidents.report')}</h2>
      <p className="custodia-note-text margin-top-0">{t('incidents.reportNote')}</p>
      <form className="usa-form usa-form--large custodia-report-incident" onSubmit={submit} noValidate>
        {invalid.length > 0 && (
          <div className="usa-alert usa-alert--error usa-alert--slim" role="alert">
            <div className="usa-alert__body">
              <p className="usa-alert__text">{t('incidents.fixFields')}</p>
            </div>
          </div>
        )}
        <div className={group('kind')}>
          <label className="usa-label" htmlFor={`${formId}-kind`}>
            {t('incident.kind')}
          </label>
          {has('kind') && (
            <span className="usa-error-message" id={`${formId}-kind-error`}>
              {t('incidents.kindMissing')}
            </span>
          )}
          <select
            className="usa-select"
            id={`${formId}-kind`}
            value={kind}
            onChange={(event) => setKind(event.target.value as IncidentKind | '')}
            aria-invalid={has('kind') || undefined}
            aria-describedby={has('kind') ? `${formId}-kind-error` : undefined}
          >
            <option value="">{t('incidents.chooseKind')}</option>
            {INCIDENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`incident.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className={group('occurred')}>
          <label className="usa-label" htmlFor={`${formId}-occurred`}>
            {t('incident.occurredAt')}
          </label>
          <div className="usa-hint" id={`${formId}-occurred-hint`}>
            {instant
              ? t('incidents.occurredHint', {
                  zone: facility.timeZone,
                  time: fmt.zoned(instant, facility.timeZone),
                })
              : t('incidents.occurredHintEmpty', { zone: facility.timeZone })}
          </div>
          {has('occurred') && (
            <span className="usa-error-message" id={`${formId}-occurred-error`}>
              {t('incidents.occurredMissing')}
            </span>
          )}
          <input
            className="usa-input"
            id={`${formId}-occurred`}
            type="datetime-local"
            value={occurred}
            max={wallClockIn(facility.timeZone)}
            onChange={(event) => setOccurred(event.target.value)}
            aria-describedby={`${formId}-occurred-hint${has('occurred') ? ` ${formId}-occurred-error` : ''}`}
            aria-invalid={has('occurred') || undefined}
          />
        </div>
        <div className={group('description')}>
          <label className="usa-label" htmlFor={`${formId}-description`}>
            {t('incident.description')}
          </label>
          <div className="usa-hint" id={`${formId}-description-hint`}>
            {t('incidents.descriptionHint')}
          </div>
          {has('description') && (
            <span className="usa-error-message" id={`${formId}-description-error`}>
              {t('incidents.descriptionMissing')}
            </span>
          )}
          <textarea
            className="usa-textarea custodia-textarea custodia-textarea--wide"
            id={`${formId}-description`}
            rows={4}
            maxLength={4000}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
            aria-describedby={`${formId}-description-hint${has('description') ? ` ${formId}-description-error` : ''}`}
            aria-invalid={has('description') || undefined}
          />
        </div>
        <div className="custodia-form-row">
          <div className={`${group('person')} custodia-form-row__wide`}>
            <label className="usa-label" htmlFor={`${formId}-person`}>
              {t('incidents.personId')}
            </label>
            <div className="usa-hint" id={`${formId}-person-hint`}>
              {t('incidents.personIdHint')}
            </div>
            {has('person') && (
              <span className="usa-error-message" id={`${formId}-person-error`}>
                {kind === 'death_in_custody' && personId.trim() === ''
                  ? t('incidents.personNeeded')
                  : t('incidents.personInvalid')}
              </span>
            )}
            <input
              className="usa-input custodia-mono"
              id={`${formId}-person`}
              spellCheck={false}
              autoComplete="off"
              value={personId}
              onChange={(event) => setPersonId(event.target.value)}
              aria-describedby={`${formId}-person-hint${has('person') ? ` ${formId}-person-error` : ''}`}
              aria-invalid={has('person') || undefined}
            />
          </div>
          <div className="usa-form-group">
            <label className="usa-label" htmlFor={`${formId}-cell`}>
              {t('incidents.cellOptional')}
            </label>
            <div className="usa-hint" id={`${formId}-cell-hint`}>
              {t('incidents.cellHint')}
            </div>
            <input
              className="usa-input"
              id={`${formId}-cell`}
              list={`${formId}-cells`}
              spellCheck={false}
              autoCapitalize="characters"
              autoComplete="off"
              value={cell}
              onChange={(event) => setCell(event.target.value)}
              aria-describedby={`${formId}-cell-hint`}
            />
            <datalist id={`${formId}-cells`}>
              {facility.cells.map((c) => (
                <option key={c.id} value={c.code} />
              ))}
            </datalist>
          </div>
        </div>
        <ActionFeedback state={action.state} refusedTitle={t('incidents.reportRefused')} />
        <button
          type="submit"
          className="usa-button margin-top-3"
          aria-disabled={action.state.busy !== null || undefined}
        >
          {action.state.busy ? t('action.working') : t('incidents.reportSubmit')}
        </button>
      </form>
    </section>
  );
}
