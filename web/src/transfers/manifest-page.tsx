import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { type Action, useCan } from '../access.tsx';
import type { ManifestExceptionKind, ManifestView, ManifestViewEntry, ZonedTime } from '../api.ts';
import { ActionFeedback, type ActionRunner, useAction } from '../components/action-feedback.tsx';
import { DetailLoadError, LiveStatus } from '../components/load-status.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { ManifestStatusTag, TransferStatusTag } from '../components/status-tag.tsx';
import { useI18n } from '../language.tsx';
import { Link } from '../router.tsx';
import { useApi } from '../use-api.ts';
import {
  arrive,
  board,
  closeManifest,
  depart,
  manifestPath,
  receive,
  recordException,
  removeFromManifest,
} from './api.ts';
import './manifest-page.css';

/**
 * One transport manifest (DOMAIN.md, Transfers → Transport manifest): the flight and its zoned times; the
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
    <>
      <p className="margin-top-0">
        <Link href="/manifests" className="usa-link">
          ← {t('manifest.back')}
        </Link>
      </p>
      {state.status !== 'ok' && <h1>{t('manifest.title')}</h1>}
      <LiveStatus text={state.status === 'loading' ? t('app.loading') : ''} />
      {state.status === 'error' && (
        <DetailLoadError error={state.error} onRetry={reload} notFoundText={t('notFound.manifestBody')} />
      )}
      {state.status === 'ok' && <ManifestDetail manifest={state.data} onChanged={refresh} />}
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

function PersonCell({ entry }: { entry: ManifestViewEntry }) {
  const { t } = useI18n();
  if (!entry.person) return <span className="custodia-mono">{entry.personId}</span>;
  return (
    <>
      <Link href={`/people/${encodeURIComponent(entry.person.id)}`} className="text-bold">
        {entry.person.name}
      </Link>
      <span className="custodia-statute custodia-mono">{entry.person.ref}</span>
      <Link href={`/transfers/${encodeURIComponent(entry.transferId)}`} className="usa-link font-body-3xs">
        {t('manifest.transferLink')}
      </Link>
    </>
  );
}

function personName(entry: ManifestViewEntry): string {
  return entry.person ? `${entry.person.name} (${entry.person.ref})` : entry.transferId;
}

function ManifestDetail({ manifest, onChanged }: { manifest: ManifestView; onChanged: () => void }) {
  const { t, fmt } = useI18n();
  const boarding = useAction(onChanged);
  const intake = useAction(onChanged);
  const closing = useAction(onChanged);
  const can = useCan();
  const open = manifest.status === 'open';
  const boarded = manifest.entries.filter((e) => e.boardedAt !== null);
  const byTransfer = new Map(manifest.entries.map((e) => [e.transferId, e]));
  const zoned = (time: ZonedTime | null) =>
    time ? fmt.zoned(time.instant, time.zone) : t('manifest.notYet');
  const rec = manifest.reconciliation;

  return (
    <>
      <h1>
        {t('manifest.titleFor', { flight: manifest.flightNumber })}{' '}
        <ManifestStatusTag status={manifest.status} />
      </h1>
      {manifest.alarm && (
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
      )}
      <dl className="custodia-summary custodia-manifest-facts">
        <dt>{t('manifest.carrier')}</dt>
        <dd>{manifest.carrier}</dd>
        <dt>{t('manifest.flightNumber')}</dt>
        <dd className="custodia-mono">{manifest.flightNumber}</dd>
        <dt>{t('manifest.route')}</dt>
        <dd>
          {manifest.origin} → {manifest.destination}
        </dd>
        <dt>{t('manifest.facility')}</dt>
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

      <Section title={t('manifest.boarding')}>
        <p className="custodia-note-text margin-top-0">{t('manifest.boardingNote')}</p>
        <ActionFeedback state={boarding.state} />
        {manifest.entries.length === 0 ? (
          <p className="custodia-empty">{t('manifest.noEntries')}</p>
        ) : (
          <div className="usa-table-container--scrollable">
            <table className="usa-table usa-table--borderless custodia-table custodia-checklist custodia-boarding">
              <caption className="usa-sr-only">{t('manifest.boarding')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('manifest.person')}</th>
                  <th scope="col">{t('manifest.entryStatus')}</th>
                  <th scope="col">{t('manifest.transferStatus')}</th>
                  <th scope="col">{t('manifest.activeHolds')}</th>
                  <th scope="col">{t('manifest.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {manifest.entries.map((entry) => (
                  <BoardingRow
                    key={entry.transferId}
                    manifest={manifest}
                    entry={entry}
                    runner={boarding}
                    open={open}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
        {can('manifest:depart') && open && (
          <div className="custodia-step">
            <p className="custodia-note-text">{t('manifest.departNote')}</p>
            <button
              type="button"
              className="usa-button"
              aria-disabled={boarding.state.busy !== null || undefined}
              onClick={() =>
                boarding.run('depart', () => depart(manifest.manifestId), t('manifest.departed'))
              }
            >
              {boarding.state.busy === 'depart' ? t('action.working') : t('manifest.depart')}
            </button>
          </div>
        )}
      </Section>

      <Section title={t('manifest.intake')}>
        <p className="custodia-note-text margin-top-0">{t('manifest.intakeNote')}</p>
        <ActionFeedback state={intake.state} />
        {can('manifest:arrive') && manifest.status === 'departed' && (
          <div className="custodia-step">
            <button
              type="button"
              className="usa-button"
              aria-disabled={intake.state.busy !== null || undefined}
              onClick={() => intake.run('arrive', () => arrive(manifest.manifestId), t('manifest.arrived'))}
            >
              {intake.state.busy === 'arrive' ? t('action.working') : t('manifest.arrive')}
            </button>
          </div>
        )}
        {boarded.length === 0 ? (
          <p className="custodia-empty">{t('manifest.nobodyBoarded')}</p>
        ) : (
          <div className="usa-table-container--scrollable">
            <table className="usa-table usa-table--borderless custodia-table custodia-checklist custodia-intake">
              <caption className="usa-sr-only">{t('manifest.intake')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('manifest.person')}</th>
                  <th scope="col">{t('manifest.entryStatus')}</th>
                  <th scope="col">{t('manifest.identityCheck')}</th>
                  <th scope="col">{t('manifest.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {boarded.map((entry) => (
                  <IntakeRow key={entry.transferId} manifest={manifest} entry={entry} runner={intake} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>

      <Section title={t('manifest.reconciliation')}>
        <div
          className={`custodia-reconciliation custodia-reconciliation--${rec.boarded === 0 ? 'empty' : rec.reconciled ? 'ok' : 'open'}`}
          data-reconciled={rec.reconciled}
        >
          <p className="custodia-reconciliation__verdict">
            {rec.boarded === 0 ? (
              t('manifest.reconciledNobody')
            ) : (
              <>
                <span
                  className={`usa-tag ${rec.reconciled ? 'custodia-result--pass' : 'custodia-tag--alert'}`}
                >
                  {rec.reconciled ? t('manifest.reconciled') : t('manifest.notReconciled')}
                </span>{' '}
                {rec.reconciled
                  ? t('manifest.reconciledText')
                  : t('manifest.notReconciledText', { n: rec.unaccounted.length })}
              </>
            )}
          </p>
          <dl className="custodia-counts">
            <div>
              <dt>{t('manifest.countBoarded')}</dt>
              <dd>{fmt.number(rec.boarded)}</dd>
            </div>
            <div>
              <dt>{t('manifest.countReceived')}</dt>
              <dd>{fmt.number(rec.received)}</dd>
            </div>
            <div>
              <dt>{t('manifest.countExceptions')}</dt>
              <dd>{fmt.number(rec.exceptions)}</dd>
            </div>
            <div>
              <dt>{t('manifest.countUnaccounted')}</dt>
              <dd>{fmt.number(rec.unaccounted.length)}</dd>
            </div>
          </dl>
          {rec.unaccounted.length > 0 && (
            <>
              <h3 className="margin-bottom-1">{t('manifest.unaccountedList')}</h3>
              <ul className="custodia-unaccounted">
                {rec.unaccounted.map((transferId) => {
                  const entry = byTransfer.get(transferId);
                  return (
                    <li key={transferId}>
                      {entry ? (
                        <Link href={`/transfers/${encodeURIComponent(transferId)}`} className="usa-link">
                          {personName(entry)}
                        </Link>
                      ) : (
                        transferId
                      )}
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </div>
        <ActionFeedback state={closing.state} refusedTitle={t('manifest.closeRefused')} />
        {can('manifest:close') && manifest.status === 'arrived' && (
          <div className="custodia-step">
            <p className="custodia-note-text">{t('manifest.closeNote')}</p>
            <button
              type="button"
              className="usa-button"
              aria-disabled={closing.state.busy !== null || undefined}
              onClick={() =>
                closing.run('close', () => closeManifest(manifest.manifestId), t('manifest.closed'))
              }
            >
              {closing.state.busy === 'close' ? t('action.working') : t('manifest.close')}
            </button>
          </div>
        )}
      </Section>
    </>
  );
}

function BoardingRow({
  manifest,
  entry,
  runner,
  open,
}: {
  manifest: ManifestView;
  entry: ManifestViewEntry;
  runner: ActionRunner;
  /** True while the manifest is open: boarding and removal end at departure. */
  open: boolean;
}) {
  const { t, label, fmt } = useI18n();
  const can = useCan();
  const canBoard = open && can('manifest:board');
  const canRemove = open && can('manifest:remove');
  const canReturn = open && can('manifest:returned_before_departure');
  const name = personName(entry);
  const busy = runner.state.busy;
  const key = (what: string) => `${what}:${entry.transferId}`;
  return (
    <tr
      data-transfer-id={entry.transferId}
      data-ref={entry.person?.ref}
      className={entry.activeHolds.length > 0 ? 'custodia-row--active' : undefined}
    >
      <th scope="row">
        <PersonCell entry={entry} />
      </th>
      <td>
        <EntryStatus entry={entry} />
        {entry.boardedAt && (
          <span className="custodia-statute">
            {t('manifest.boardedAt', { time: fmt.localInstant(entry.boardedAt) })}
          </span>
        )}
      </td>
      <td>{entry.transferStatus ? <TransferStatusTag status={entry.transferStatus} /> : '—'}</td>
      <td>
        {entry.activeHolds.length === 0
          ? t('manifest.noHolds')
          : entry.activeHolds.map((hold) => (
              <span key={hold.holdId} className="custodia-hold">
                <strong className="custodia-hold__type">{label('holdType', hold.type)}</strong>
                <span className="custodia-hold__court">
                  {hold.court}, {hold.case}
                </span>
                <span className="custodia-statute">
                  {t('manifest.holdIssued', { date: fmt.date(hold.issued) })}
                </span>
              </span>
            ))}
      </td>
      <td>
        {(canBoard || canRemove) && entry.status === 'added' && (
          <div className="custodia-row-actions">
            {canBoard && (
              <button
                type="button"
                className="usa-button"
                aria-disabled={busy !== null || undefined}
                onClick={() =>
                  runner.run(
                    key('board'),
                    () => board(manifest.manifestId, entry.transferId),
                    t('manifest.boardedNow', { name }),
                  )
                }
              >
                {busy === key('board') ? t('action.working') : t('manifest.board')}
                <span className="usa-sr-only"> {name}</span>
              </button>
            )}
            {canRemove && (
              <button
                type="button"
                className="usa-button usa-button--unstyled"
                aria-disabled={busy !== null || undefined}
                onClick={() =>
                  runner.run(
                    key('remove'),
                    () => removeFromManifest(manifest.manifestId, entry.transferId),
                    t('manifest.removedNow', { name }),
                  )
                }
              >
                {t('manifest.remove')}
                <span className="usa-sr-only"> {name}</span>
              </button>
            )}
          </div>
        )}
        {canReturn && (entry.status === 'added' || entry.status === 'boarded') && (
          <ExceptionControl
            manifest={manifest}
            entry={entry}
            runner={runner}
            kinds={['returned_before_departure']}
          />
        )}
      </td>
    </tr>
  );
}

function EntryStatus({ entry }: { entry: ManifestViewEntry }) {
  const { label } = useI18n();
  return (
    <span className={`custodia-entry custodia-entry--${entry.status}`} data-entry-status={entry.status}>
      {entry.exception
        ? `${label('entryStatus', entry.status)}: ${label('exceptionKind', entry.exception.kind)}`
        : label('entryStatus', entry.status)}
    </span>
  );
}

/** The exceptions each manifest state allows for a boarded person after departure, that the reader may declare. */
function intakeExceptions(manifest: ManifestView, can: (action: Action) => boolean): ManifestExceptionKind[] {
  const kinds: ManifestExceptionKind[] =
    manifest.status === 'departed'
      ? ['medical_diversion']
      : manifest.status === 'arrived'
        ? ['medical_diversion', 'missing_after_transport']
        : [];
  return kinds.filter((kind) => can(`manifest:${kind}`));
}

function IntakeRow({
  manifest,
  entry,
  runner,
}: {
  manifest: ManifestView;
  entry: ManifestViewEntry;
  runner: ActionRunner;
}) {
  const { t, label, fmt } = useI18n();
  const can = useCan();
  const id = useId();
  const [method, setMethod] = useState<'biometric' | 'document'>('biometric');
  const [matched, setMatched] = useState(false);
  const name = personName(entry);
  const canReceive = can('manifest:receive') && manifest.status === 'arrived' && entry.status === 'boarded';
  const exceptions = entry.status === 'boarded' ? intakeExceptions(manifest, can) : [];
  const key = `receive:${entry.transferId}`;
  return (
    <tr data-transfer-id={entry.transferId} data-ref={entry.person?.ref}>
      <th scope="row">
        <PersonCell entry={entry} />
      </th>
      <td>
        <EntryStatus entry={entry} />
        {entry.receivedAt && (
          <span className="custodia-statute">
            {t('manifest.receivedAt', { time: fmt.localInstant(entry.receivedAt) })}
          </span>
        )}
        {entry.exception && (
          <span className="custodia-statute" lang="en">
            {entry.exception.explanation}
          </span>
        )}
      </td>
      <td>
        {entry.identity ? (
          t('manifest.identityDone', {
            method: label('identityMethod', entry.identity.method),
            result: entry.identity.matched ? t('manifest.matched') : t('manifest.notMatched'),
            by: entry.identity.checkedBy,
          })
        ) : canReceive ? (
          <fieldset className="usa-fieldset custodia-identity">
            <legend className="usa-sr-only">{t('manifest.identityFor', { name })}</legend>
            <label className="usa-label margin-top-0" htmlFor={`${id}-method`}>
              {t('manifest.method')}
            </label>
            <select
              className="usa-select custodia-select--narrow"
              id={`${id}-method`}
              value={method}
              onChange={(event) => setMethod(event.target.value === 'document' ? 'document' : 'biometric')}
            >
              <option value="biometric">{label('identityMethod', 'biometric')}</option>
              <option value="document">{label('identityMethod', 'document')}</option>
            </select>
            <div className="usa-checkbox margin-top-1">
              <input
                className="usa-checkbox__input"
                id={`${id}-matched`}
                type="checkbox"
                checked={matched}
                onChange={(event) => setMatched(event.target.checked)}
              />
              <label className="usa-checkbox__label" htmlFor={`${id}-matched`}>
                {t('manifest.matchedLabel')}
              </label>
            </div>
          </fieldset>
        ) : (
          '—'
        )}
      </td>
      <td>
        {canReceive && (
          <button
            type="button"
            className="usa-button"
            aria-disabled={runner.state.busy !== null || undefined}
            onClick={() =>
              runner.run(
                key,
                () => receive(manifest.manifestId, entry.transferId, { method, matched }),
                t('manifest.receivedNow', { name }),
              )
            }
          >
            {runner.state.busy === key ? t('action.working') : t('manifest.receive')}
            <span className="usa-sr-only"> {name}</span>
          </button>
        )}
        {exceptions.length > 0 && (
          <ExceptionControl manifest={manifest} entry={entry} runner={runner} kinds={exceptions} />
        )}
      </td>
    </tr>
  );
}

/** Buttons for the exceptions allowed now; choosing one asks for the explanation the record needs. */
function ExceptionControl({
  manifest,
  entry,
  runner,
  kinds,
}: {
  manifest: ManifestView;
  entry: ManifestViewEntry;
  runner: ActionRunner;
  kinds: ManifestExceptionKind[];
}) {
  const { t, label } = useI18n();
  const id = useId();
  const [kind, setKind] = useState<ManifestExceptionKind | null>(null);
  const [explanation, setExplanation] = useState('');
  const [missing, setMissing] = useState(false);
  const name = personName(entry);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!kind) return;
    if (!explanation.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const ok = await runner.run(
      `exception:${entry.transferId}`,
      () => recordException(manifest.manifestId, entry.transferId, kind, explanation.trim()),
      t('manifest.exceptionRecorded', { kind: label('exceptionKind', kind), name }),
    );
    if (ok) {
      setKind(null);
      setExplanation('');
    }
  };
  if (!kind) {
    return (
      <div className="custodia-row-actions">
        {kinds.map((k) => (
          <button
            key={k}
            type="button"
            className="usa-button usa-button--outline usa-button--small custodia-button--small"
            onClick={() => setKind(k)}
          >
            {label('exceptionKind', k)}
            <span className="usa-sr-only"> {name}</span>
          </button>
        ))}
      </div>
    );
  }
  return (
    <form className="custodia-exception" onSubmit={submit} noValidate>
      <div className={missing ? 'usa-form-group usa-form-group--error' : 'usa-form-group'}>
        <label className="usa-label margin-top-0" htmlFor={`${id}-explanation`}>
          {t('manifest.explanationFor', { kind: label('exceptionKind', kind) })}
        </label>
        <div className="usa-hint" id={`${id}-hint`}>
          {t('manifest.explanationHint')}
        </div>
        {missing && (
          <span className="usa-error-message" role="alert">
            {t('manifest.explanationMissing')}
          </span>
        )}
        <textarea
          className="usa-textarea custodia-textarea"
          id={`${id}-explanation`}
          rows={3}
          maxLength={2000}
          value={explanation}
          onChange={(event) => setExplanation(event.target.value)}
          aria-describedby={`${id}-hint`}
          aria-invalid={missing || undefined}
        />
      </div>
      <div className="custodia-row-actions margin-top-1">
        <button
          type="submit"
          className="usa-button usa-button--secondary"
          aria-disabled={runner.state.busy !== null || undefined}
        >
          {t('manifest.recordException')}
        </button>
        <button type="button" className="usa-button usa-button--unstyled" onClick={() => setKind(null)}>
          {t('manifest.cancelException')}
        </button>
      </div>
    </form>
  );
}
