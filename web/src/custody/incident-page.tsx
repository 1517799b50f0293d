import { type FormEvent, type ReactNode, useCallback, useId, useState } from 'react';
import { useCan } from '../access.tsx';
import { ActionFeedback, type ActionRunner, useAction } from '../components/action-feedback.tsx';
import { DetailLoadError, LiveStatus } from '../components/load-status.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { useI18n } from '../language.tsx';
import { Link } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { wallClockIn, zonedToInstant } from '../zoned-time.ts';
import {
  changeIncidentStatus,
  DEATH_PARTIES,
  type DeathParty,
  type FacilityDetail,
  facilityPath,
  INCIDENT_TRANSITIONS,
  type IncidentDetail,
  type IncidentHistoryItem,
  type IncidentStatus,
  incidentPath,
  isIncidentStatus,
  type PersonBrief,
  personBriefPath,
  recordDeathNotice,
} from './api.ts';
import { IncidentStatusTag } from './incidents-page.tsx';
import './incident-page.css';

/**
 * One incident (DOMAIN.md, Custody → Incidents): what happened, where and to whom, its history, and the
 * status workflow `open → under_review → closed | reopened`. A death in custody also shows whether next
 * of kin (Mandela Rule 69) and an independent authority (Rule 71) were told, each within 24 hours.
 * Receiving custody changes the status and records the notifications; the server decides, and a refusal
 * (closing a death before both are notified) shows its explanation as given.
 */
export function IncidentPage({ id }: { id: string }) {
  const { t } = useI18n();
  const [state, reload, refresh] = useApi<IncidentDetail>(incidentPath(id));
  const kind = state.status === 'ok' ? state.data.kind : null;
  usePageTitle(kind ? t('incident.titleFor', { kind: t(`incident.kind.${kind}`) }) : t('incident.title'));
  return (
    <>
      {state.status !== 'ok' && <h1>{t('incident.title')}</h1>}
      <LiveStatus text={state.status === 'loading' ? t('app.loading') : ''} />
      {state.status === 'error' && (
        <DetailLoadError error={state.error} onRetry={reload} notFoundText={t('incident.notFound')} />
      )}
      {state.status === 'ok' && <IncidentView incident={state.data} onChanged={refresh} />}
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="custodia-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** A person's name as the incident page shows it. */
function personName(person: PersonBrief): string {
  return [person.names.given, person.names.paternal, person.names.maternal].filter(Boolean).join(' ');
}

function IncidentView({ incident, onChanged }: { incident: IncidentDetail; onChanged: () => void }) {
  const { t, fmt } = useI18n();
  const [facilityState] = useApi<FacilityDetail>(facilityPath(incident.facility_id));
  const [personState] = useApi<PersonBrief>(incident.person_id ? personBriefPath(incident.person_id) : null);
  const facility = facilityState.status === 'ok' ? facilityState.data : null;
  const person = incident.person_id && personState.status === 'ok' ? personState.data : null;
  const zone = facility?.timeZone ?? 'UTC';
  const when = (iso: string) => fmt.zoned(iso, zone);
  const cellCode = incident.cell_id ? facility?.cells.find((c) => c.id === incident.cell_id)?.code : null;
  const can = useCan();
  const death = incident.kind === 'death_in_custody';
  const statusAction = useAction(onChanged);
  const { clear: clearStatus } = statusAction;
  // A notification recorded after a refused close makes that refusal stale: it is cleared.
  const noticeRecorded = useCallback(() => {
    clearStatus();
    onChanged();
  }, [clearStatus, onChanged]);
  const facilityHref = `/facilities/${encodeURIComponent(facility?.code ?? incident.facility_id)}`;
  // Times are shown in the facility's zone: wait for it (were it to fail, they are shown in UTC).
  if (facilityState.status === 'loading') return <LiveStatus text={t('app.loading')} />;

  return (
    <>
      <p className="margin-top-0">
        <Link href={`${facilityHref}/incidents`} className="usa-link">
          ← {t('incident.back', { facility: facility?.name ?? '' })}
        </Link>
      </p>
      <h1>
        {t('incident.titleFor', { kind: t(`incident.kind.${incident.kind}`) })}{' '}
        <IncidentStatusTag status={incident.status} />
      </h1>
      <dl className="custodia-summary custodia-incident-facts" data-incident-id={incident.id}>
        <dt>{t('incident.kind')}</dt>
        <dd data-kind={incident.kind}>{t(`incident.kind.${incident.kind}`)}</dd>
        <dt>{t('common.status')}</dt>
        <dd>{t(`incident.status.${incident.status}`)}</dd>
        <dt>{t('incident.occurredAt')}</dt>
        <dd>
          <time dateTime={incident.occurred_at}>{when(incident.occurred_at)}</time>
        </dd>
        <dt>{t('incident.reportedAt')}</dt>
        <dd>{t('incident.reportedBy', { time: when(incident.reported_at), by: incident.reported_by })}</dd>
        <dt>{t('incident.facility')}</dt>
        <dd>{facility ? `${facility.name} (${facility.code})` : incident.facility_id}</dd>
        <dt>{t('incident.cell')}</dt>
        <dd className={incident.cell_id ? 'custodia-mono' : undefined}>
          {incident.cell_id ? (cellCode ?? incident.cell_id) : t('incident.noCell')}
        </dd>
        <dt>{t('incident.person')}</dt>
        <dd>
          {incident.person_id ? (
            <Link href={`/people/${encodeURIComponent(incident.person_id)}`} className="usa-link">
              {person ? `${personName(person)} (${person.ref})` : incident.person_id}
            </Link>
          ) : (
            t('incident.noPerson')
          )}
        </dd>
        <dt>{t('incident.description')}</dt>
        <dd className="custodia-incident-description">{incident.description}</dd>
      </dl>

      {death && facility && (
        <DeathNotifications
          incident={incident}
          zone={zone}
          canAct={can('death_notice:record')}
          onChanged={noticeRecorded}
        />
      )}

      {can('incident:change_status') && INCIDENT_TRANSITIONS[incident.status].length > 0 && (
        <Section title={t('incident.changeStatus')}>
          <StatusForm incident={incident} runner={statusAction} />
        </Section>
      )}

      <Section title={t('incident.history')}>
        <History incident={incident} zone={zone} />
      </Section>
    </>
  );
}

/** The status change: the next statuses the workflow allows, and the note that says why. */
function StatusForm({ incident, runner }: { incident: IncidentDetail; runner: ActionRunner }) {
  const { t } = useI18n();
  const id = useId();
  const allowed = INCIDENT_TRANSITIONS[incident.status];
  const [to, setTo] = useState<IncidentStatus>(allowed[0] ?? 'under_review');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const target: IncidentStatus = allowed.includes(to) ? to : (allowed[0] ?? to);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!note.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const ok = await runner.run(
      'status',
      () => changeIncidentStatus(incident.id, target, note.trim()),
      t('incident.statusChanged', { status: t(`incident.status.${target}`) }),
    );
    if (ok) setNote('');
  };

  return (
    <form className="usa-form usa-form--large custodia-incident-status" onSubmit={submit} noValidate>
      <p className="custodia-note-text margin-top-0">{t('incident.workflow')}</p>
      {incident.kind === 'death_in_custody' && target === 'closed' && (
        <p className="custodia-note-text">{t('incident.closeDeathNote')}</p>
      )}
      <label className="usa-label" htmlFor={`${id}-to`}>
        {t('incident.moveTo')}
      </label>
      <select
        className="usa-select"
        id={`${id}-to`}
        value={target}
        onChange={(event) => setTo(event.target.value as IncidentStatus)}
      >
        {allowed.map((s) => (
          <option key={s} value={s}>
            {t(`incident.status.${s}`)}
          </option>
        ))}
      </select>
      <div className={missing ? 'usa-form-group usa-form-group--error' : 'usa-form-group'}>
        <label className="usa-label" htmlFor={`${id}-note`}>
          {t('incident.statusNote')}
        </label>
        <div className="usa-hint" id={`${id}-hint`}>
          {t('incident.statusNoteHint')}
        </div>
        {missing && (
          <span className="usa-error-message" id={`${id}-error`} role="alert">
            {t('incident.statusNoteMissing')}
          </span>
        )}
        <textarea
          className="usa-textarea custodia-textarea custodia-textarea--wide"
          id={`${id}-note`}
          rows={3}
          maxLength={4000}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          aria-describedby={`${id}-hint${missing ? ` ${id}-error` : ''}`}
          aria-invalid={missing || undefined}
        />
      </div>
      <ActionFeedback state={runner.state} refusedTitle={t('incident.statusRefused')} />
      <button
        type="submit"
        className="usa-button margin-top-2"
        aria-disabled={runner.state.busy !== null || undefined}
      >
        {runner.state.busy === 'status' ? t('action.working') : t('incident.statusSubmit')}
      </button>
    </form>
  );
}

/** Each party a death must be reported to: when they were told and by whom, or by when they must be. */
function DeathNotifications({
  incident,
  zone,
  canAct,
  onChanged,
}: {
  incident: IncidentDetail;
  zone: string;
  canAct: boolean;
  onChanged: () => void;
}) {
  const { t, fmt } = useI18n();
  const runner = useAction(onChanged);
  const occurred = Date.parse(incident.occurred_at);
  const parties = DEATH_PARTIES.map((p) => {
    const at = p.party === 'next_of_kin' ? incident.next_of_kin_notified_at : incident.authority_notified_at;
    const recipient =
      p.party === 'next_of_kin' ? incident.next_of_kin_recipient : incident.authority_recipient;
    const due = new Date(occurred + p.dueHours * 3_600_000).toISOString();
    return { ...p, at, recipient, due };
  });
  const now = new Date().toISOString();
  return (
    <Section title={t('incident.deathTitle')}>
      <p className="custodia-note-text margin-top-0">{t('incident.deathNote')}</p>
      <div className="usa-table-container--scrollable">
        <table className="usa-table usa-table--borderless custodia-table custodia-death-notifications">
          <caption className="usa-sr-only">{t('incident.deathTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('incident.party')}</th>
              <th scope="col">{t('incident.dueBy')}</th>
              <th scope="col">{t('incident.notification')}</th>
            </tr>
          </thead>
          <tbody>
            {parties.map((p) => {
              const late = p.at ? p.at > p.due : now > p.due;
              return (
                <tr key={p.party} data-party={p.party} data-notified={p.at ? 'true' : 'false'}>
                  <th scope="row">
                    <span className="text-bold">{t(`incident.party.${p.party}`)}</span>
                    <span className="custodia-statute">{t('incident.mandelaRule', { n: p.rule })}</span>
                  </th>
                  <td>
                    <time dateTime={p.due}>{fmt.zoned(p.due, zone)}</time>
                  </td>
                  <td>
                    {p.at ? (
                      <>
                        <span
                          className={`usa-tag custodia-result ${late ? 'custodia-result--pending' : 'custodia-result--pass'}`}
                        >
                          {late ? t('incident.notifiedLate') : t('incident.notified')}
                        </span>
                        <span className="custodia-notified">
                          {t('incident.notifiedDetail', {
                            recipient: p.recipient ?? '',
                            time: fmt.zoned(p.at, zone),
                          })}
                        </span>
                      </>
                    ) : (
                      <span
                        className={`usa-tag custodia-result ${late ? 'custodia-result--fail' : 'custodia-result--pending'}`}
                      >
                        {late ? t('incident.overdue') : t('incident.notYetNotified')}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ActionFeedback state={runner.state} refusedTitle={t('incident.noticeRefused')} />
      {canAct &&
        parties
          .filter((p) => !p.at)
          .map((p) => (
            <NoticeForm key={p.party} incident={incident} party={p.party} zone={zone} runner={runner} />
          ))}
    </Section>
  );
}

function NoticeForm({
  incident,
  party,
  zone,
  runner,
}: {
  incident: IncidentDetail;
  party: DeathParty;
  zone: string;
  runner: ActionRunner;
}) {
  const { t, fmt } = useI18n();
  const id = useId();
  const [recipient, setRecipient] = useState('');
  const [at, setAt] = useState(() => wallClockIn(zone));
  const [invalid, setInvalid] = useState<string[]>([]);
  const instant = zonedToInstant(at, zone);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const missing = [recipient.trim() ? '' : 'recipient', instant ? '' : 'at'].filter(Boolean);
    setInvalid(missing);
    if (missing.length > 0 || !instant) return;
    await runner.run(
      `notice:${party}`,
      () => recordDeathNotice(incident.id, { party, recipient: recipient.trim(), notifiedAt: instant }),
      t(`incident.noticeRecorded.${party}`),
    );
  };

  return (
    <form
      className="usa-form custodia-notice-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${id}-title`}
      data-party={party}
    >
      <h3 id={`${id}-title`} className="custodia-action__title">
        {t(`incident.recordNotice.${party}`)}
      </h3>
      <div className="custodia-form-row">
        <div
          className={
            invalid.includes('recipient') ? 'usa-form-group usa-form-group--error' : 'usa-form-group'
          }
        >
          <label className="usa-label" htmlFor={`${id}-recipient`}>
            {t('incident.recipient')}
          </label>
          <div className="usa-hint" id={`${id}-recipient-hint`}>
            {t(`incident.recipientHint.${party}`)}
          </div>
          {invalid.includes('recipient') && (
            <span className="usa-error-message" id={`${id}-recipient-error`}>
              {t('incident.recipientMissing')}
            </span>
          )}
          <input
            className="usa-input"
            id={`${id}-recipient`}
            value={recipient}
            maxLength={300}
            onChange={(event) => setRecipient(event.target.value)}
            aria-describedby={`${id}-recipient-hint${invalid.includes('recipient') ? ` ${id}-recipient-error` : ''}`}
            aria-invalid={invalid.includes('recipient') || undefined}
          />
        </div>
        <div className={invalid.includes('at') ? 'usa-form-group usa-form-group--error' : 'usa-form-group'}>
          <label className="usa-label" htmlFor={`${id}-at`}>
            {t('incident.notifiedAt')}
          </label>
          <div className="usa-hint" id={`${id}-at-hint`}>
            {instant ? fmt.zoned(instant, zone) : t('incidents.occurredHintEmpty', { zone })}
          </div>
          {invalid.includes('at') && (
            <span className="usa-error-message" id={`${id}-at-error`}>
              {t('incidents.occurredMissing')}
            </span>
          )}
          <input
            className="usa-input"
            id={`${id}-at`}
            type="datetime-local"
            value={at}
            onChange={(event) => setAt(event.target.value)}
            aria-describedby={`${id}-at-hint${invalid.includes('at') ? ` ${id}-at-error` : ''}`}
            aria-invalid={invalid.includes('at') || undefined}
          />
        </div>
      </div>
      <button
        type="submit"
        className="usa-button margin-top-2"
        aria-disabled={runner.state.busy !== null || undefined}
      >
        {runner.state.busy === `notice:${party}` ? t('action.working') : t('incident.recordNoticeSubmit')}
        <span className="usa-sr-only"> ({t(`incident.party.${party}`)})</span>
      </button>
    </form>
  );
}

/** The incident's history, oldest first: reported, each status change with its note, each notification. */
function History({ incident, zone }: { incident: IncidentDetail; zone: string }) {
  const { t, fmt } = useI18n();
  const what = (item: IncidentHistoryItem) => {
    if (item.action === 'reported') return t('incident.action.reported');
    // The history's columns are text on the server; a status step always names two statuses.
    if (item.action === 'status' && isIncidentStatus(item.from_status) && isIncidentStatus(item.to_status)) {
      return t('incident.action.status', {
        from: t(`incident.status.${item.from_status}`),
        to: t(`incident.status.${item.to_status}`),
      });
    }
    if (item.action === 'notified_next_of_kin') return t('incident.action.notified_next_of_kin');
    if (item.action === 'notified_independent_authority') {
      return t('incident.action.notified_independent_authority');
    }
    return item.action;
  };
  // A notification's note is "recipient at instant"; the incident holds both, so they are shown in words.
  const note = (item: IncidentHistoryItem): string => {
    const notified =
      item.action === 'notified_next_of_kin'
        ? { who: incident.next_of_kin_recipient, at: incident.next_of_kin_notified_at }
        : item.action === 'notified_independent_authority'
          ? { who: incident.authority_recipient, at: incident.authority_notified_at }
          : null;
    if (notified?.who && notified.at) {
      return t('incident.notifiedDetail', { recipient: notified.who, time: fmt.zoned(notified.at, zone) });
    }
    return item.note;
  };
  return (
    <ol className="usa-process-list custodia-timeline custodia-incident-history">
      {incident.history.map((item) => (
        <li key={item.seq} className="usa-process-list__item" data-action={item.action}>
          <h3 className="usa-process-list__heading custodia-timeline__heading">
            {what(item)}
            <span className="custodia-timeline__states">
              <time dateTime={item.at}>{fmt.zoned(item.at, zone)}</time>
            </span>
          </h3>
          {note(item) && <p className="custodia-incident-description">{note(item)}</p>}
          <p className="custodia-timeline__meta">{t('incident.by', { by: item.actor })}</p>
        </li>
      ))}
    </ol>
  );
}
