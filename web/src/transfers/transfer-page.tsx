import { type FormEvent, type ReactNode, useId, useState } from 'react';
import {
  type AllowedAction,
  type CustodyInterval,
  HOLD_TYPES,
  type HoldType,
  isHoldType,
  type ManifestList,
  type PersonHold,
  type TransferDetail,
  type TransferHistoryItem,
  type TransferScreeningRecord,
  type TransferState,
  type User,
} from '../api.ts';
import { ActionFeedback, type ActionRunner, useAction } from '../components/action-feedback.tsx';
import { DetailLoadError, LiveStatus, LoadError } from '../components/load-status.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { RuleResults } from '../components/rule-results.tsx';
import { TransferStatusTag } from '../components/status-tag.tsx';
import { useI18n } from '../language.tsx';
import { Link } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { today } from '../zoned-time.ts';
import {
  actOnTransfer,
  addToManifest,
  manifestsPath,
  recordHold,
  liftHold as requestLift,
  transferPath,
} from './api.ts';
import './transfer-page.css';

/** The steps taken with one click on the transfer itself: no reason code, no court order. */
const ONE_CLICK = ['screen', 'approve', 'accept'] as const;
type OneClick = (typeof ONE_CLICK)[number];

function oneClick(action: AllowedAction): OneClick | null {
  const found = ONE_CLICK.find((a) => a === action.action);
  return action.via === 'transfer' && found ? found : null;
}

/**
 * One transfer: its person, state, the steps the reader's role may take now (from the API's
 * `allowedActions`), the legal holds, the manifest, the custody interval and Rule 68 notification once
 * received, the timeline from the ledger, and the screenings recorded for it (each step's, and those made
 * when the person's facts changed), every rule as it was decided.
 * Every refusal shows the server's explanation as it gave it.
 */
export function TransferPage({ id, user }: { id: string; user: User }) {
  const { t } = useI18n();
  const [state, reload, refresh] = useApi<TransferDetail>(transferPath(id));
  const name = state.status === 'ok' ? (state.data.person?.name ?? '') : '';
  usePageTitle(name ? t('transfer.titleFor', { name }) : t('transfer.title'));

  return (
    <>
      <p className="margin-top-0">
        <Link href="/transfers" className="usa-link">
          ← {t('transfer.back')}
        </Link>
      </p>
      {state.status !== 'ok' && <h1>{t('transfer.title')}</h1>}
      <LiveStatus text={state.status === 'loading' ? t('app.loading') : ''} />
      {state.status === 'error' && (
        <DetailLoadError error={state.error} onRetry={reload} notFoundText={t('notFound.transferBody')} />
      )}
      {state.status === 'ok' && <TransferView transfer={state.data} user={user} onChanged={refresh} />}
    </>
  );
}

function Section({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  const generated = useId();
  const headingId = id ?? generated;
  return (
    <section className="custodia-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}

function TransferView({
  transfer,
  user,
  onChanged,
}: {
  transfer: TransferDetail;
  user: User;
  onChanged: () => void;
}) {
  const { t, label, fmt } = useI18n();
  const person = transfer.person;
  const holdsInForce = person?.holds.filter((h) => h.inForce) ?? [];
  const runner = useAction(onChanged);

  return (
    <>
      <h1>
        {person ? t('transfer.titleFor', { name: person.name }) : t('transfer.title')}
        {person && (
          <>
            {' '}
            <span className="custodia-code">{person.ref}</span>
          </>
        )}
      </h1>
      <p className="custodia-transfer-state">
        <span className="text-bold">{t('transfer.state')}:</span>{' '}
        <TransferStatusTag status={transfer.status} />{' '}
        <span className="text-base">
          {t('transfer.since', { time: fmt.localInstant(transfer.updatedAt) })}
        </span>
      </p>
      {transfer.status === 'on_hold' && (
        <div className="usa-alert usa-alert--error usa-alert--slim">
          <div className="usa-alert__body">
            <p className="usa-alert__text">
              <a href="#transfer-holds" className="usa-link">
                {t('transfer.onHold', {
                  n: transfer.holds.length,
                  from: transfer.heldFrom ? label('transferStatus', transfer.heldFrom) : '—',
                })}
              </a>
            </p>
          </div>
        </div>
      )}

      <Section title={t('transfer.actions')}>
        <ActionFeedback state={runner.state} />
        <Actions transfer={transfer} user={user} runner={runner} />
      </Section>

      <Section title={t('transfer.person')}>
        {person ? (
          <>
            <dl className="custodia-summary">
              <dt>{t('person.ref')}</dt>
              <dd className="custodia-mono">{person.ref}</dd>
              <dt>{t('people.name')}</dt>
              <dd>
                <Link href={`/people/${encodeURIComponent(person.id)}`} className="usa-link">
                  {person.name}
                </Link>
              </dd>
              <dt>{t('person.nationalities')}</dt>
              <dd>{person.nationalities.map((code) => `${fmt.country(code)} (${code})`).join(', ')}</dd>
              <dt>{t('person.legalStatus')}</dt>
              <dd>{label('legalStatus', person.legalStatus)}</dd>
              <dt>{t('notice.title')}</dt>
              <dd>
                {person.notice
                  ? t('transfer.noticeServed', {
                      date: fmt.date(person.notice.servedOn),
                      counsel: person.notice.counselNotified ? t('common.yes') : t('common.no'),
                    })
                  : t('notice.none')}
              </dd>
              <dt>{t('verification.title')}</dt>
              <dd>
                {person.identityVerification
                  ? `${label('verificationMethod', person.identityVerification.method)}, ${fmt.date(person.identityVerification.date)}`
                  : t('verification.none')}
              </dd>
            </dl>
            <ul className="usa-button-group margin-top-2">
              <li className="usa-button-group__item">
                <Link
                  href={`/people/${encodeURIComponent(person.id)}`}
                  className="usa-button usa-button--outline"
                >
                  {t('transfer.personPage')}
                </Link>
              </li>
              <li className="usa-button-group__item">
                <Link
                  href={`/people/${encodeURIComponent(person.id)}/screening`}
                  className="usa-button usa-button--outline"
                >
                  {t('transfer.screeningPage')}
                </Link>
              </li>
            </ul>
          </>
        ) : (
          <p className="custodia-empty">{t('transfer.noPerson')}</p>
        )}
      </Section>

      <Section title={t('holds.title')} id="transfer-holds">
        {!person || person.holds.length === 0 ? (
          <p className="custodia-empty">{t('holds.none')}</p>
        ) : (
          <HoldsTable holds={person.holds} />
        )}
        {holdsInForce.length > 0 && transfer.status !== 'on_hold' && (
          <p className="custodia-note-text">{t('transfer.holdsNote')}</p>
        )}
      </Section>

      <Section title={t('transfer.manifest')}>
        {transfer.manifestId ? (
          <p>
            <Link href={`/manifests/${encodeURIComponent(transfer.manifestId)}`} className="usa-link">
              {t('transfer.openManifest')}
            </Link>
          </p>
        ) : (
          <p className="custodia-empty">{t('transfer.noManifest')}</p>
        )}
      </Section>

      {transfer.custody.length > 0 && (
        <Section title={t('custody.title')}>
          {transfer.custody.map((interval) => (
            <CustodyView key={interval.id} interval={interval} />
          ))}
        </Section>
      )}

      <Section title={t('timeline.title')}>
        <Timeline history={transfer.history} />
      </Section>

      <Section title={t('transfer.screenings')}>
        <Screenings transfer={transfer} />
      </Section>
    </>
  );
}

/** The steps the reader's role may take now, each as a button or a small form. */
function Actions({ transfer, user, runner }: { transfer: TransferDetail; user: User; runner: ActionRunner }) {
  const { t, label } = useI18n();
  const actions = transfer.allowedActions;
  if (actions.length === 0) {
    return <p className="custodia-empty">{t('transfer.noActions', { role: label('role', user.role) })}</p>;
  }
  const moved = (result: TransferState) =>
    t('transfer.moved', { state: label('transferStatus', result.status) });
  const simple = actions.flatMap((a) => {
    const action = oneClick(a);
    return action ? [{ action, screening: a.screening }] : [];
  });
  const other = actions.filter((a) => oneClick(a) === null);
  return (
    <div className="custodia-actions">
      <p className="custodia-note-text margin-top-0">
        {t('transfer.actionsIntro', { role: label('role', user.role) })}
      </p>
      {simple.length > 0 && (
        <ul className="usa-button-group">
          {simple.map((a) => (
            <li key={a.action} className="usa-button-group__item">
              <button
                type="button"
                className="usa-button"
                aria-disabled={runner.state.busy !== null || undefined}
                onClick={() =>
                  runner.run(a.action, () => actOnTransfer(transfer.transferId, { action: a.action }), moved)
                }
              >
                {runner.state.busy === a.action ? t('action.working') : label('transferAction', a.action)}
              </button>
              {a.screening !== 'none' && (
                <span className="custodia-action-note">{label('actionScreening', a.screening)}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {other.map((a) => (
        <OtherAction key={a.action} action={a} transfer={transfer} runner={runner} moved={moved} />
      ))}
    </div>
  );
}

function OtherAction({
  action,
  transfer,
  runner,
  moved,
}: {
  action: AllowedAction;
  transfer: TransferDetail;
  runner: ActionRunner;
  moved: (result: TransferState) => string;
}) {
  const { t, label } = useI18n();
  if (action.via === 'transfer' && (action.action === 'reject' || action.action === 'cancel')) {
    return (
      <ReasonForm
        action={action.action}
        reasonCodes={action.reasonCodes}
        transfer={transfer}
        runner={runner}
        moved={moved}
      />
    );
  }
  if (action.action === 'order_return') {
    return <ReturnForm transfer={transfer} runner={runner} moved={moved} />;
  }
  if (action.via === 'manifest') {
    if (transfer.manifestId) {
      return (
        <div className="custodia-action">
          <h3 className="custodia-action__title">{label('transferAction', action.action)}</h3>
          <p className="margin-y-1">{label('manifestStep', action.action)}</p>
          <Link
            href={`/manifests/${encodeURIComponent(transfer.manifestId)}`}
            className="usa-button usa-button--outline"
          >
            {t('transfer.openManifest')}
          </Link>
        </div>
      );
    }
    return action.action === 'schedule' ? (
      <AddToManifest transfer={transfer} runner={runner} />
    ) : (
      <p className="custodia-empty">{label('manifestStep', action.action)}</p>
    );
  }
  if (action.via === 'holds' && action.action === 'hold' && transfer.person) {
    return <HoldForm personId={transfer.person.id} runner={runner} />;
  }
  if (action.via === 'holds' && action.action === 'lift_hold' && transfer.person) {
    return <LiftHolds personId={transfer.person.id} holds={transfer.person.holds} runner={runner} />;
  }
  return null;
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Reject or cancel: the reason code is asked for, from the list the API gives, in the reader's language. */
function ReasonForm({
  action,
  reasonCodes,
  transfer,
  runner,
  moved,
}: {
  action: 'reject' | 'cancel';
  reasonCodes: AllowedAction['reasonCodes'];
  transfer: TransferDetail;
  runner: ActionRunner;
  moved: (result: TransferState) => string;
}) {
  const { t, label, lang } = useI18n();
  const id = useId();
  const [code, setCode] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!code) {
      setMissing(true);
      return;
    }
    setMissing(false);
    runner.run(action, () => actOnTransfer(transfer.transferId, { action, reasonCode: code }), moved);
  };
  return (
    <form className="custodia-action" onSubmit={submit} noValidate>
      <h3 className="custodia-action__title">{label('transferAction', action)}</h3>
      <div className={missing ? 'usa-form-group usa-form-group--error' : 'usa-form-group'}>
        <label className="usa-label" htmlFor={`${id}-reason`}>
          {t('transfer.reasonCode')}
        </label>
        {missing && (
          <span className="usa-error-message" id={`${id}-error`} role="alert">
            {t('transfer.reasonMissing')}
          </span>
        )}
        <select
          className="usa-select"
          id={`${id}-reason`}
          value={code}
          onChange={(event) => setCode(event.target.value)}
          aria-invalid={missing || undefined}
          aria-describedby={missing ? `${id}-error` : undefined}
        >
          <option value="">{t('transfer.chooseReason')}</option>
          {reasonCodes.map((reason) => (
            <option key={reason.code} value={reason.code}>
              {upperFirst(reason.label[lang] ?? reason.label.en)}
            </option>
          ))}
        </select>
      </div>
      <button
        type="submit"
        className="usa-button usa-button--secondary margin-top-2"
        aria-disabled={runner.state.busy !== null || undefined}
      >
        {runner.state.busy === action ? t('action.working') : label('transferAction', action)}
      </button>
    </form>
  );
}

/** A court-ordered return of a received person: the order's court and case. */
function ReturnForm({
  transfer,
  runner,
  moved,
}: {
  transfer: TransferDetail;
  runner: ActionRunner;
  moved: (result: TransferState) => string;
}) {
  const { t, label } = useI18n();
  const id = useId();
  const [court, setCourt] = useState('');
  const [caseNumber, setCaseNumber] = useState('');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    runner.run(
      'order_return',
      () =>
        actOnTransfer(transfer.transferId, {
          action: 'order_return',
          courtOrder: { court: court.trim(), case: caseNumber.trim() },
        }),
      moved,
    );
  };
  return (
    <form className="custodia-action" onSubmit={submit}>
      <h3 className="custodia-action__title">{label('transferAction', 'order_return')}</h3>
      <div className="custodia-form-row">
        <div className="usa-form-group">
          <label className="usa-label" htmlFor={`${id}-court`}>
            {t('common.court')}
          </label>
          <input
            className="usa-input"
            id={`${id}-court`}
            required
            value={court}
            onChange={(event) => setCourt(event.target.value)}
          />
        </div>
        <div className="usa-form-group">
          <label className="usa-label" htmlFor={`${id}-case`}>
            {t('common.case')}
          </label>
          <input
            className="usa-input"
            id={`${id}-case`}
            required
            value={caseNumber}
            onChange={(event) => setCaseNumber(event.target.value)}
          />
        </div>
      </div>
      <button
        type="submit"
        className="usa-button margin-top-2"
        aria-disabled={runner.state.busy !== null || undefined}
      >
        {label('transferAction', 'order_return')}
      </button>
    </form>
  );
}

/** Scheduling: the transfer goes onto an open manifest, chosen from the open ones. */
function AddToManifest({ transfer, runner }: { transfer: TransferDetail; runner: ActionRunner }) {
  const { t, fmt } = useI18n();
  const id = useId();
  const [list, reload] = useApi<ManifestList>(manifestsPath('open'));
  const [chosen, setChosen] = useState('');
  const manifests = list.status === 'ok' ? list.data.manifests : [];
  const selected = chosen || manifests[0]?.manifestId || '';
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!selected) return;
    const manifest = manifests.find((m) => m.manifestId === selected);
    runner.run(
      'schedule',
      () => addToManifest(selected, transfer.transferId),
      t('transfer.added', { flight: manifest?.flightNumber ?? selected }),
    );
  };
  return (
    <form className="custodia-action" onSubmit={submit}>
      <h3 className="custodia-action__title">{t('transfer.addToManifest')}</h3>
      <p className="custodia-note-text margin-y-1">{t('transfer.addNote')}</p>
      {list.status === 'loading' && <LiveStatus text={t('app.loading')} />}
      {list.status === 'error' && <LoadError error={list.error} onRetry={reload} />}
      {list.status === 'ok' && manifests.length === 0 && (
        <p>
          {t('transfer.noOpenManifest')}{' '}
          <Link href="/manifests" className="usa-link">
            {t('transfer.createManifest')}
          </Link>
        </p>
      )}
      {manifests.length > 0 && (
        <>
          <label className="usa-label" htmlFor={`${id}-manifest`}>
            {t('transfer.openManifests')}
          </label>
          <select
            className="usa-select"
            id={`${id}-manifest`}
            value={selected}
            onChange={(event) => setChosen(event.target.value)}
          >
            {manifests.map((m) => (
              <option key={m.manifestId} value={m.manifestId}>
                {`${m.flightNumber} · ${m.carrier} · ${m.origin} → ${m.destination} · ${fmt.zoned(m.scheduledDeparture.instant, m.scheduledDeparture.zone)}`}
              </option>
            ))}
          </select>
          <button
            type="submit"
            className="usa-button margin-top-2"
            aria-disabled={runner.state.busy !== null || undefined}
          >
            {runner.state.busy === 'schedule' ? t('action.working') : t('transfer.addToManifest')}
          </button>
        </>
      )}
    </form>
  );
}

/** Records a legal hold on the person: every open pre-departure transfer of theirs goes on hold. */
function HoldForm({ personId, runner }: { personId: string; runner: ActionRunner }) {
  const { t, label } = useI18n();
  const id = useId();
  const [type, setType] = useState<HoldType>('tro');
  const [court, setCourt] = useState('');
  const [caseNumber, setCaseNumber] = useState('');
  const [issued, setIssued] = useState(today());
  const [invalid, setInvalid] = useState<string[]>([]);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const missing = [
      court.trim() ? '' : 'court',
      caseNumber.trim() ? '' : 'case',
      /^\d{4}-\d{2}-\d{2}$/.test(issued) ? '' : 'issued',
    ].filter(Boolean);
    setInvalid(missing);
    if (missing.length > 0) return;
    const ok = await runner.run(
      'hold',
      () => recordHold(personId, { type, court: court.trim(), case: caseNumber.trim(), issued }),
      (result) => t('transfer.holdRecorded', { n: result.transfersHeld.length }),
    );
    if (ok) {
      setCourt('');
      setCaseNumber('');
    }
  };
  const group = (field: string) =>
    invalid.includes(field) ? 'usa-form-group usa-form-group--error' : 'usa-form-group';
  return (
    <form className="custodia-action" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 className="custodia-action__title" id={`${id}-title`}>
        {t('transfer.recordHold')}
      </h3>
      <p className="custodia-note-text margin-y-1">{t('transfer.recordHoldNote')}</p>
      {invalid.length > 0 && (
        <span className="usa-error-message" role="alert">
          {t('transfer.holdMissing')}
        </span>
      )}
      <div className="custodia-form-row">
        <div className="usa-form-group custodia-form-row__wide">
          <label className="usa-label" htmlFor={`${id}-type`}>
            {t('transfer.holdType')}
          </label>
          <select
            className="usa-select"
            id={`${id}-type`}
            value={type}
            onChange={(event) => {
              const value = event.target.value;
              if (isHoldType(value)) setType(value);
            }}
          >
            {HOLD_TYPES.map((value) => (
              <option key={value} value={value}>
                {label('holdType', value)}
              </option>
            ))}
          </select>
        </div>
        <div className={group('court')}>
          <label className="usa-label" htmlFor={`${id}-court`}>
            {t('common.court')}
          </label>
          <input
            className="usa-input"
            id={`${id}-court`}
            value={court}
            onChange={(event) => setCourt(event.target.value)}
            aria-invalid={invalid.includes('court') || undefined}
          />
        </div>
        <div className={group('case')}>
          <label className="usa-label" htmlFor={`${id}-case`}>
            {t('common.case')}
          </label>
          <input
            className="usa-input"
            id={`${id}-case`}
            value={caseNumber}
            onChange={(event) => setCaseNumber(event.target.value)}
            aria-invalid={invalid.includes('case') || undefined}
          />
        </div>
        <div className={group('issued')}>
          <label className="usa-label" htmlFor={`${id}-issued`}>
            {t('holds.issued')}
          </label>
          <input
            className="usa-input custodia-date"
            id={`${id}-issued`}
            type="date"
            value={issued}
            onChange={(event) => setIssued(event.target.value)}
            aria-invalid={invalid.includes('issued') || undefined}
          />
        </div>
      </div>
      <button
        type="submit"
        className="usa-button usa-button--secondary margin-top-2"
        aria-disabled={runner.state.busy !== null || undefined}
      >
        {runner.state.busy === 'hold' ? t('action.working') : t('transfer.recordHold')}
      </button>
    </form>
  );
}

/** Lifting a hold in force, on a date: the transfers it held return to screened and need approval again. */
function LiftHolds({
  personId,
  holds,
  runner,
}: {
  personId: string;
  holds: PersonHold[];
  runner: ActionRunner;
}) {
  const { t, label, fmt } = useI18n();
  const id = useId();
  const [lifted, setLifted] = useState(today());
  const inForce = holds.filter((h) => h.inForce);
  if (inForce.length === 0) return null;
  return (
    <div className="custodia-action">
      <h3 className="custodia-action__title">{t('transfer.liftHold')}</h3>
      <p className="custodia-note-text margin-y-1">{t('transfer.liftNote')}</p>
      <label className="usa-label" htmlFor={`${id}-lifted`}>
        {t('transfer.liftedOn')}
      </label>
      <input
        className="usa-input custodia-date"
        id={`${id}-lifted`}
        type="date"
        value={lifted}
        onChange={(event) => setLifted(event.target.value)}
      />
      <ul className="custodia-plain-list margin-top-2">
        {inForce.map((hold) => (
          <li key={hold.holdId}>
            <span>
              {label('holdType', hold.type)}, {hold.court}, {hold.case} ({fmt.date(hold.issued)})
            </span>{' '}
            <button
              type="button"
              className="usa-button usa-button--outline"
              aria-disabled={runner.state.busy !== null || undefined}
              onClick={() =>
                runner.run(
                  `lift:${hold.holdId}`,
                  () => requestLift(personId, hold.holdId, lifted),
                  (result) => t('transfer.holdLifted', { n: result.transfersReleased.length }),
                )
              }
            >
              {t('transfer.liftThis')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function HoldsTable({ holds }: { holds: PersonHold[] }) {
  const { t, label, fmt } = useI18n();
  const sorted = [...holds].sort((a, b) => Number(b.inForce) - Number(a.inForce));
  return (
    <div className="usa-table-container--scrollable">
      <table className="usa-table usa-table--borderless custodia-table custodia-holds">
        <caption className="usa-sr-only">{t('holds.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('common.type')}</th>
            <th scope="col">{t('common.court')}</th>
            <th scope="col">{t('common.case')}</th>
            <th scope="col">{t('holds.issued')}</th>
            <th scope="col">{t('common.status')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((hold) => (
            <tr key={hold.holdId} className={hold.inForce ? 'custodia-row--active' : undefined}>
              <th scope="row">{label('holdType', hold.type)}</th>
              <td>{hold.court}</td>
              <td>{hold.case}</td>
              <td>{fmt.date(hold.issued)}</td>
              <td>
                {hold.inForce ? (
                  <span className="usa-tag custodia-tag--alert">{t('holds.inForce')}</span>
                ) : hold.lifted ? (
                  t('holds.lifted', { date: fmt.date(hold.lifted) })
                ) : (
                  t('holds.notYet')
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CustodyView({ interval }: { interval: CustodyInterval }) {
  const { t, label, fmt } = useI18n();
  const zone = interval.timeZone;
  return (
    <div className="custodia-record">
      <h3 className="custodia-record__title">{interval.facilityName}</h3>
      <dl className="custodia-summary">
        <dt>{t('custody.interval')}</dt>
        <dd data-testid="custody-interval">
          {interval.endedAt
            ? t('custody.fromTo', {
                from: fmt.zoned(interval.startedAt, zone),
                to: fmt.zoned(interval.endedAt, zone),
              })
            : t('custody.fromOpen', { from: fmt.zoned(interval.startedAt, zone) })}
        </dd>
        {interval.releaseReason && (
          <>
            <dt>{t('custody.releaseReason')}</dt>
            <dd>{interval.releaseReason}</dd>
          </>
        )}
      </dl>
      {interval.notifications.map((n) => {
        const overdue = !n.fulfilledAt && Date.parse(n.dueAt) < Date.now();
        return (
          <div key={n.id} className="custodia-notification" data-testid="rule68">
            <h4 className="margin-bottom-1">{t('custody.notification')}</h4>
            <dl className="custodia-summary">
              <dt>{t('custody.due')}</dt>
              <dd>
                <time dateTime={n.dueAt}>{fmt.zoned(n.dueAt, zone)}</time>
                {overdue && (
                  <>
                    {' '}
                    <span className="usa-tag custodia-tag--alert">{t('custody.overdue')}</span>
                  </>
                )}
              </dd>
              <dt>{t('custody.recipients')}</dt>
              <dd>{fmt.list(n.recipients.map((r) => label('recipient', r)))}</dd>
              <dt>{t('custody.fulfilled')}</dt>
              <dd>{n.fulfilledAt ? fmt.zoned(n.fulfilledAt, zone) : t('custody.notFulfilled')}</dd>
              <dt>{t('common.source')}</dt>
              <dd lang="en">{n.source}</dd>
            </dl>
          </div>
        );
      })}
    </div>
  );
}

function Timeline({ history }: { history: TransferHistoryItem[] }) {
  const { t, label, fmt } = useI18n();
  if (history.length === 0) return <p className="custodia-empty">{t('timeline.none')}</p>;
  return (
    <ol className="usa-process-list custodia-timeline">
      {history.map((step) => (
        <li key={step.version} className="usa-process-list__item">
          <h3 className="usa-process-list__heading custodia-timeline__heading">
            {label('transferEvent', step.action)}
            {step.fromStatus && (
              <span className="custodia-timeline__states">
                {label('transferStatus', step.fromStatus)} → {label('transferStatus', step.toStatus)}
              </span>
            )}
          </h3>
          <p className="margin-y-05 custodia-timeline__meta">
            <time dateTime={step.at}>{fmt.localInstant(step.at)}</time>
            {' · '}
            {t('timeline.by', { actor: step.actor, role: label('role', step.role) })}
          </p>
          {step.reasonCode && (
            <p className="margin-y-05">
              {t('timeline.reason', { reason: label('reasonCode', step.reasonCode) })}{' '}
              <code className="custodia-rule__id custodia-inline">{step.reasonCode}</code>
            </p>
          )}
          {step.details.screening && <StepScreening screening={step.details.screening} />}
          {step.details.hold && (
            <p className="margin-y-05">
              {t('timeline.hold', {
                type: label('holdType', step.details.hold.type),
                court: step.details.hold.court,
                case: step.details.hold.case,
              })}
            </p>
          )}
          {step.details.manifestId && (
            <p className="margin-y-05">
              <Link href={`/manifests/${encodeURIComponent(step.details.manifestId)}`} className="usa-link">
                {t('transfer.openManifest')}
              </Link>
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}

type StepScreeningDetails = NonNullable<TransferHistoryItem['details']['screening']>;

/**
 * The screening a step was decided on, as recorded: every rule with its result, reason and source. The
 * rules are open when it did not pass, so the reason a transfer stopped is read without a click.
 */
function StepScreening({ screening }: { screening: StepScreeningDetails }) {
  const { t, label, fmt } = useI18n();
  const rules = screening.rules;
  return (
    <>
      <p className="margin-y-05">
        {t('timeline.screening', {
          outcome: label('outcome', screening.outcome),
          version: screening.policyVersion,
        })}
      </p>
      {rules ? (
        <details className="custodia-step-screening" open={screening.outcome !== 'eligible'}>
          <summary>
            {screening.asOf
              ? t('timeline.screeningRulesAsOf', { count: rules.length, date: fmt.date(screening.asOf) })
              : t('timeline.screeningRules', { count: rules.length })}
          </summary>
          <RuleResults rules={rules} />
        </details>
      ) : (
        <p className="margin-y-05 custodia-note-text">{t('timeline.screeningRulesNotRecorded')}</p>
      )}
    </>
  );
}

function Screenings({ transfer }: { transfer: TransferDetail }) {
  const { t, label, fmt } = useI18n();
  const last = transfer.lastScreening;
  return (
    <>
      <p>
        {last
          ? t('transfer.lastScreening', {
              outcome: label('outcome', last.outcome),
              time: fmt.localInstant(last.screenedAt),
              version: last.policyVersion,
            })
          : t('transfer.noStepScreening')}
      </p>
      <p className="custodia-note-text">{t('transfer.screeningsNote')}</p>
      {transfer.screenings.length === 0 ? (
        <p className="custodia-empty">{t('transfer.noScreenings')}</p>
      ) : (
        <ol className="custodia-records">
          {transfer.screenings.map((screening) => (
            <ScreeningRecord key={screening.id} screening={screening} />
          ))}
        </ol>
      )}
    </>
  );
}

function ScreeningRecord({ screening }: { screening: TransferScreeningRecord }) {
  const { t, label, fmt } = useI18n();
  return (
    <li className="custodia-record custodia-screening-record" data-outcome={screening.outcome}>
      <h3 className="custodia-record__title">
        <span className={`usa-tag custodia-result custodia-result--${OUTCOME_RESULT[screening.outcome]}`}>
          {label('outcome', screening.outcome)}
        </span>{' '}
        {t('transfer.screeningAsOf', { date: fmt.date(screening.asOf) })}
      </h3>
      <dl className="custodia-facts">
        <div>
          <dt>{t('transfer.screeningReason')}</dt>
          <dd>
            {screening.reason ? label('screeningReason', screening.reason) : t('transfer.screeningDirect')}
          </dd>
        </div>
        <div>
          <dt>{t('screening.recordedAt')}</dt>
          <dd>{fmt.localInstant(screening.recordedAt)}</dd>
        </div>
        <div>
          <dt>{t('screening.recordedBy')}</dt>
          <dd>{screening.actor}</dd>
        </div>
        <div>
          <dt>{t('screening.policy')}</dt>
          <dd>
            {t('screening.policyVersion', { policy: screening.policyId, version: screening.policyVersion })}
          </dd>
        </div>
      </dl>
      {screening.rules.every((rule) => rule.result === 'pass' || rule.result === 'not_applicable') && (
        <p className="margin-bottom-0">{t('transfer.allRulesPass')}</p>
      )}
      <RuleResults rules={screening.rules} />
    </li>
  );
}

const OUTCOME_RESULT = { eligible: 'pass', pending: 'pending', ineligible: 'fail' } as const;
