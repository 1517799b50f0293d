import { type FormEvent, type ReactNode, useCallback, useId, useState } from 'react';
import { useCan } from '../access.tsx';
import type { CustodyInterval, PersonDetail, TransferBoard } from '../api.ts';
import { ActionFeedback, type ActionRunner, useAction } from '../components/action-feedback.tsx';
import { DetailLoadError, LiveStatus, LoadError } from '../components/load-status.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { TransferStatusTag } from '../components/status-tag.tsx';
import {
  custodyPath,
  type PersonCustody,
  type PersonCustodyInterval,
  RELEASE_REASONS,
  type ReleaseReason,
  releasePerson,
} from '../facilities/api.ts';
import { useI18n } from '../language.tsx';
import { Link, navigate } from '../router.tsx';
import { nominate, transfersPath } from '../transfers/api.ts';
import { useApi } from '../use-api.ts';
import { wallClockIn, zonedToInstant } from '../zoned-time.ts';
import { personPath } from './api.ts';
import { fullName } from './people-page.tsx';
import './person-page.css';

type Conviction = PersonDetail['convictions'][number];
type Sentence = NonNullable<Conviction['sentence']>;

/**
 * Everything recorded about one person, section by section; an empty section says so. The person's
 * transfers are listed, and the sending officer can nominate the person for a transfer.
 */
export function PersonPage({ id }: { id: string }) {
  const { t } = useI18n();
  const [state, reload] = useApi<PersonDetail>(personPath(id));
  const name = state.status === 'ok' ? fullName(state.data.names) : '';
  usePageTitle(name || t('people.title'));

  return (
    <>
      <p className="margin-top-0">
        <Link href="/people" className="usa-link">
          ← {t('person.back')}
        </Link>
      </p>
      {state.status !== 'ok' && <h1>{t('people.title')}</h1>}
      <LiveStatus text={state.status === 'loading' ? t('app.loading') : ''} />
      {state.status === 'error' && (
        <DetailLoadError error={state.error} onRetry={reload} notFoundText={t('notFound.personBody')} />
      )}
      {state.status === 'ok' && <PersonRecordView person={state.data} />}
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

function Empty({ children }: { children: ReactNode }) {
  return <p className="custodia-empty">{children}</p>;
}

function PersonRecordView({ person }: { person: PersonDetail }) {
  const { t, label, fmt } = useI18n();
  const activeHolds = person.holds.filter((hold) => !hold.lifted);
  const yesNo = (value: boolean) => (value ? t('common.yes') : t('common.no'));

  return (
    <>
      <h1>
        {fullName(person.names)} <span className="custodia-code">{person.ref}</span>
      </h1>
      {person.withdrawnReason && (
        <div className="usa-alert usa-alert--warning usa-alert--slim">
          <div className="usa-alert__body">
            <p className="usa-alert__text">{t('person.withdrawn', { reason: person.withdrawnReason })}</p>
          </div>
        </div>
      )}
      {activeHolds.length > 0 && (
        <div className="usa-alert usa-alert--error usa-alert--slim">
          <div className="usa-alert__body">
            <p className="usa-alert__text">
              <a href="#holds" className="usa-link">
                {activeHolds.length === 1
                  ? t('person.activeHoldsOne')
                  : t('person.activeHoldsMany', { n: activeHolds.length })}
              </a>
            </p>
          </div>
        </div>
      )}

      <PersonActions person={person} />
      <PersonTransfers person={person} />
      <PersonCustodySection person={person} />

      <Section title={t('person.summary')}>
        <dl className="custodia-summary">
          <dt>{t('person.ref')}</dt>
          <dd className="custodia-mono">{person.ref}</dd>
          <dt>{t('person.givenNames')}</dt>
          <dd>{person.names.given}</dd>
          <dt>{t('person.paternal')}</dt>
          <dd>{person.names.paternal}</dd>
          <dt>{t('person.maternal')}</dt>
          <dd>{person.names.maternal || t('common.notRecorded')}</dd>
          <dt>{t('person.aliases')}</dt>
          <dd>{person.aliases.length > 0 ? person.aliases.join('; ') : t('person.noAliases')}</dd>
          <dt>{t('person.birthDate')}</dt>
          <dd>
            <time dateTime={person.birthDate}>{fmt.date(person.birthDate)}</time>
          </dd>
          <dt>{t('person.sex')}</dt>
          <dd>{label('sex', person.sex)}</dd>
          <dt>{t('person.nationalities')}</dt>
          <dd>{person.nationalities.map((code) => `${fmt.country(code)} (${code})`).join(', ')}</dd>
          <dt>{t('person.legalStatus')}</dt>
          <dd>{label('legalStatus', person.legalStatus)}</dd>
          <dt>{t('person.version')}</dt>
          <dd className="text-tabular">{person.version}</dd>
        </dl>
      </Section>

      <Section title={t('identifiers.title')}>
        {person.identifiers.length === 0 ? (
          <Empty>{t('identifiers.none')}</Empty>
        ) : (
          <SimpleTable
            caption={t('identifiers.title')}
            head={[t('common.type'), t('identifiers.value'), t('identifiers.country')]}
            rows={person.identifiers.map((identifier) => ({
              key: `${identifier.type}:${identifier.value}`,
              cells: [
                label('identifierType', identifier.type),
                <span key="v" className="custodia-mono">
                  {identifier.value}
                </span>,
                identifier.country ? fmt.country(identifier.country) : '—',
              ],
            }))}
          />
        )}
      </Section>

      <Section title={t('verification.title')}>
        {person.identityVerification ? (
          <dl className="custodia-summary">
            <dt>{t('verification.method')}</dt>
            <dd>{label('verificationMethod', person.identityVerification.method)}</dd>
            <dt>{t('common.date')}</dt>
            <dd>{fmt.date(person.identityVerification.date)}</dd>
            <dt>{t('verification.by')}</dt>
            <dd>{person.identityVerification.by || t('common.notRecorded')}</dd>
          </dl>
        ) : (
          <Empty>{t('verification.none')}</Empty>
        )}
      </Section>

      <Section title={t('convictions.title')}>
        {person.convictions.length === 0 ? (
          <Empty>{t('convictions.none')}</Empty>
        ) : (
          <Convictions convictions={person.convictions} />
        )}
      </Section>

      <Section title={t('pending.title')}>
        <p className="custodia-note-text">{t('pending.note')}</p>
        {person.pendingCharges.length === 0 ? (
          <Empty>{t('pending.none')}</Empty>
        ) : (
          <SimpleTable
            caption={t('pending.caption')}
            head={[
              t('convictions.offense'),
              t('convictions.courtCase'),
              t('convictions.category'),
              t('pending.filed'),
            ]}
            rows={person.pendingCharges.map((charge) => ({
              key: `${charge.caseNumber}:${charge.offense}`,
              cells: [
                <OffenseCell key="o" offense={charge.offense} statute={charge.statute} />,
                `${charge.court} · ${charge.caseNumber}`,
                charge.category ? label('category', charge.category) : '—',
                charge.filed ? fmt.date(charge.filed) : '—',
              ],
            }))}
          />
        )}
      </Section>

      <Section title={t('removal.title')}>
        {person.removalOrder ? (
          <dl className="custodia-summary">
            <dt>{t('removal.final')}</dt>
            <dd>{yesNo(person.removalOrder.final)}</dd>
            <dt>{t('removal.date')}</dt>
            <dd>{fmt.date(person.removalOrder.date)}</dd>
            <dt>{t('removal.destination')}</dt>
            <dd>{fmt.country(person.removalOrder.destination)}</dd>
          </dl>
        ) : (
          <Empty>{t('removal.none')}</Empty>
        )}
      </Section>

      <Section title={t('protections.title')}>
        {person.protections.length === 0 ? (
          <Empty>{t('protections.none')}</Empty>
        ) : (
          <SimpleTable
            caption={t('protections.caption')}
            head={[t('common.type'), t('protections.country'), t('common.date')]}
            rows={person.protections.map((protection) => ({
              key: `${protection.type}:${protection.country}`,
              cells: [
                label('protectionType', protection.type),
                protection.country === 'ALL' ? t('protections.all') : fmt.country(protection.country),
                protection.date ? fmt.date(protection.date) : '—',
              ],
            }))}
          />
        )}
      </Section>

      <Section title={t('consent.title')}>
        <dl className="custodia-summary">
          <dt>{t('consent.consent')}</dt>
          <dd>
            {person.consent
              ? t('consent.verified', {
                  by: person.consent.verifiedBy,
                  date: fmt.date(person.consent.verifiedOn),
                })
              : t('consent.none')}
          </dd>
          <dt>{t('consent.dualCriminality')}</dt>
          <dd>
            {person.dualCriminality === null
              ? t('common.notRecorded')
              : person.dualCriminality
                ? t('consent.dualYes')
                : t('consent.dualNo')}
          </dd>
        </dl>
      </Section>

      <Section title={t('affiliations.title')}>
        <div className="usa-alert usa-alert--info usa-alert--slim">
          <div className="usa-alert__body">
            <p className="usa-alert__text">{t('affiliations.note')}</p>
          </div>
        </div>
        {person.affiliations.length === 0 ? (
          <Empty>{t('affiliations.none')}</Empty>
        ) : (
          <SimpleTable
            caption={t('affiliations.caption')}
            head={[
              t('affiliations.organization'),
              t('affiliations.basis'),
              t('common.source'),
              t('common.date'),
            ]}
            rows={person.affiliations.map((affiliation) => ({
              key: `${affiliation.organization}:${affiliation.basis}:${affiliation.date ?? ''}`,
              cells: [
                affiliation.organization,
                label('affiliationBasis', affiliation.basis),
                affiliation.source || '—',
                affiliation.date ? fmt.date(affiliation.date) : '—',
              ],
            }))}
          />
        )}
      </Section>

      <section className="custodia-section" aria-labelledby="holds">
        <h2 id="holds">{t('holds.title')}</h2>
        {person.holds.length === 0 ? (
          <Empty>{t('holds.none')}</Empty>
        ) : (
          <SimpleTable
            caption={t('holds.caption')}
            head={[
              t('common.type'),
              t('common.court'),
              t('common.case'),
              t('holds.issued'),
              t('common.status'),
            ]}
            rows={[...person.holds]
              .sort((a, b) => Number(a.lifted !== null) - Number(b.lifted !== null))
              .map((hold) => ({
                key: `${hold.type}:${hold.case}:${hold.issued}`,
                highlight: hold.lifted === null,
                cells: [
                  label('holdType', hold.type),
                  hold.court,
                  hold.case,
                  fmt.date(hold.issued),
                  hold.lifted ? (
                    t('holds.lifted', { date: fmt.date(hold.lifted) })
                  ) : (
                    <span key="s" className="usa-tag custodia-tag--alert">
                      {t('holds.active')}
                    </span>
                  ),
                ],
              }))}
          />
        )}
      </section>

      <Section title={t('notice.title')}>
        {person.notice ? (
          <dl className="custodia-summary">
            <dt>{t('notice.servedOn')}</dt>
            <dd>{fmt.date(person.notice.servedOn)}</dd>
            <dt>{t('notice.counsel')}</dt>
            <dd>{yesNo(person.notice.counselNotified)}</dd>
          </dl>
        ) : (
          <Empty>{t('notice.none')}</Empty>
        )}
      </Section>
    </>
  );
}

/** Screening, and for the sending officer the nomination that opens a transfer (then shown on its page). */
function PersonActions({ person }: { person: PersonDetail }) {
  const { t } = useI18n();
  const can = useCan();
  const action = useAction(useCallback(() => {}, []));
  const canNominate = can('transfer:nominate') && !person.withdrawnReason;
  return (
    <>
      <ul className="usa-button-group margin-top-2">
        <li className="usa-button-group__item">
          <Link href={`/people/${encodeURIComponent(person.id)}/screening`} className="usa-button">
            {t('person.screen')}
          </Link>
        </li>
        {canNominate && (
          <li className="usa-button-group__item">
            <button
              type="button"
              className="usa-button usa-button--outline"
              aria-disabled={action.state.busy !== null || undefined}
              onClick={() =>
                action.run(
                  'nominate',
                  () =>
                    nominate(person.id, person.agreementId).then((transfer) => {
                      navigate(`/transfers/${encodeURIComponent(transfer.transferId)}`);
                      return transfer;
                    }),
                  t('person.nominated'),
                )
              }
            >
              {action.state.busy ? t('action.working') : t('person.nominate')}
            </button>
          </li>
        )}
      </ul>
      <ActionFeedback state={action.state} refusedTitle={t('person.nominateRefused')} />
    </>
  );
}

/** The person's transfers, newest first, found on the board by their reference. */
function PersonTransfers({ person }: { person: PersonDetail }) {
  const { t, fmt } = useI18n();
  const [state, reload] = useApi<TransferBoard>(transfersPath({ q: person.ref, limit: 50 }));
  const mine = state.status === 'ok' ? state.data.transfers.filter((x) => x.personId === person.id) : [];
  return (
    <Section title={t('person.transfers')}>
      {state.status === 'loading' && <LiveStatus text={t('app.loading')} />}
      {state.status === 'error' && <LoadError error={state.error} onRetry={reload} />}
      {state.status === 'ok' && mine.length === 0 && <Empty>{t('person.noTransfers')}</Empty>}
      {mine.length > 0 && (
        <ul className="custodia-plain-list custodia-person-transfers">
          {mine.map((transfer) => (
            <li key={transfer.transferId}>
              <TransferStatusTag status={transfer.status} />{' '}
              <Link href={`/transfers/${encodeURIComponent(transfer.transferId)}`} className="usa-link">
                {t('person.openTransfer', { time: fmt.localInstant(transfer.updatedAt) })}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/**
 * The person's custody intervals (where, in which cell now, from when, until when and why), and for
 * receiving custody the release form while an interval is open.
 */
function PersonCustodySection({ person }: { person: PersonDetail }) {
  const { t, fmt } = useI18n();
  const [state, reload, refresh] = useApi<PersonCustody>(custodyPath(person.id));
  const intervals = state.status === 'ok' ? state.data.intervals : [];
  const open = intervals.find((interval) => interval.endedAt === null);
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
              interval.releaseReason ? <ReleaseReasonText key="r" reason={interval.releaseReason} /> : '—',
            ],
          }))}
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

/** The words for each release reason (the compiler checks every reason has them). */
const RELEASE_REASON_KEYS = {
  sentence_served: 'release.reason.sentence_served',
  court_ordered_return: 'release.reason.court_ordered_return',
  repatriation: 'release.reason.repatriation',
  transfer_other_facility: 'release.reason.transfer_other_facility',
  pardon: 'release.reason.pardon',
  death: 'release.reason.death',
  released_in_error: 'release.reason.released_in_error',
  escape: 'release.reason.escape',
} as const satisfies Record<ReleaseReason, string>;

function ReleaseReasonText({ reason }: { reason: string }) {
  const { t } = useI18n();
  const key = RELEASE_REASON_KEYS[reason as ReleaseReason];
  return <>{key ? t(key) : reason}</>;
}

/**
 * The release (receiving custody): a reason, the time on the facility's clock (now by default; the
 * server refuses a time in the future or before intake) and a note. The server's refusal is shown as it
 * says it.
 */
function ReleaseForm({
  personId,
  interval,
  action,
}: {
  personId: string;
  interval: CustodyInterval;
  action: ActionRunner;
}) {
  const { t, fmt } = useI18n();
  const id = useId();
  const zone = interval.timeZone;
  const [reason, setReason] = useState<ReleaseReason | ''>('');
  const [at, setAt] = useState(() => wallClockIn(zone));
  const [note, setNote] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason) return setInvalid(t('release.chooseReason'));
    const instant = zonedToInstant(at, zone);
    if (!instant) return setInvalid(t('release.badTime'));
    setInvalid(null);
    const trimmed = note.trim();
    void action.run(
      'release',
      () => releasePerson(personId, { reason, at: instant, ...(trimmed ? { note: trimmed } : {}) }),
      (released) => t('release.done', { facility: interval.facilityName, at: fmt.zoned(released.at, zone) }),
    );
  };

  return (
    <form className="usa-form usa-form--large custodia-release-form" onSubmit={submit} noValidate>
      <h3>{t('release.title')}</h3>
      <p className="usa-hint">{t('release.intro')}</p>
      {invalid && (
        <div className="usa-alert usa-alert--error usa-alert--slim" role="alert">
          <div className="usa-alert__body">
            <p className="usa-alert__text">{invalid}</p>
          </div>
        </div>
      )}
      <label className="usa-label" htmlFor={`${id}-reason`}>
        {t('release.reason')}
      </label>
      <select
        id={`${id}-reason`}
        className="usa-select"
        value={reason}
        required
        onChange={(event) => setReason(event.target.value as ReleaseReason | '')}
      >
        <option value="">{t('release.choose')}</option>
        {RELEASE_REASONS.map((value) => (
          <option key={value} value={value}>
            {t(RELEASE_REASON_KEYS[value])}
          </option>
        ))}
      </select>
      <label className="usa-label" htmlFor={`${id}-at`}>
        {t('release.at')}
      </label>
      <span className="usa-hint" id={`${id}-at-hint`}>
        {t('release.atHint', { facility: interval.facilityName, zone })}
      </span>
      <input
        id={`${id}-at`}
        className="usa-input"
        type="datetime-local"
        value={at}
        required
        aria-describedby={`${id}-at-hint`}
        onChange={(event) => setAt(event.target.value)}
      />
      <label className="usa-label" htmlFor={`${id}-note`}>
        {t('release.note')}
      </label>
      <textarea
        id={`${id}-note`}
        className="usa-textarea"
        maxLength={2000}
        value={note}
        onChange={(event) => setNote(event.target.value)}
      />
      <button
        type="submit"
        className="usa-button usa-button--secondary"
        aria-disabled={action.state.busy !== null || undefined}
      >
        {action.state.busy ? t('action.working') : t('release.submit')}
      </button>
    </form>
  );
}

function OffenseCell({ offense, statute }: { offense: string; statute?: string | null | undefined }) {
  return (
    <>
      {offense}
      {statute && <span className="custodia-statute">{statute}</span>}
    </>
  );
}

function Convictions({ convictions }: { convictions: Conviction[] }) {
  const { t, label, fmt } = useI18n();
  const byId = new Map(convictions.map((c) => [c.id, c]));
  const sentenceText = (sentence: Sentence) =>
    'life' in sentence
      ? t('sentence.life')
      : t('sentence.days', {
          days: fmt.number(sentence.days),
          years: fmt.decimal(Math.round(sentence.days / 36.525) / 10),
        });
  return (
    <ol className="custodia-records">
      {convictions.map((conviction) => {
        const sentence = conviction.sentence;
        const consecutive = sentence?.consecutiveTo ? byId.get(sentence.consecutiveTo) : undefined;
        return (
          <li key={conviction.id} className="custodia-record">
            <h3 className="custodia-record__title">
              <OffenseCell offense={conviction.offense} statute={conviction.statute} />
            </h3>
            <dl className="custodia-facts">
              <div>
                <dt>{t('convictions.courtCase')}</dt>
                <dd>
                  {conviction.court} · {conviction.caseNumber}
                </dd>
              </div>
              <div>
                <dt>{t('convictions.category')}</dt>
                <dd>{label('category', conviction.category)}</dd>
              </div>
              <div>
                <dt>{t('convictions.judgmentDate')}</dt>
                <dd>{fmt.date(conviction.judgmentDate)}</dd>
              </div>
              <div>
                <dt>{t('convictions.final')}</dt>
                <dd>{conviction.final ? t('convictions.finalYes') : t('convictions.finalNo')}</dd>
              </div>
              <div>
                <dt>{t('convictions.sentence')}</dt>
                <dd>{sentence ? sentenceText(sentence) : t('sentence.none')}</dd>
              </div>
              {sentence && (
                <>
                  <div>
                    <dt>{t('convictions.start')}</dt>
                    <dd>{fmt.date(sentence.start)}</dd>
                  </div>
                  <div>
                    <dt>{t('convictions.credits')}</dt>
                    <dd>{fmt.number(sentence.creditDays)}</dd>
                  </div>
                  <div>
                    <dt>{t('convictions.consecutiveTo')}</dt>
                    <dd>
                      {sentence.consecutiveTo
                        ? consecutive
                          ? `${consecutive.offense} (${consecutive.caseNumber})`
                          : sentence.consecutiveTo
                        : '—'}
                    </dd>
                  </div>
                </>
              )}
            </dl>
          </li>
        );
      })}
    </ol>
  );
}

interface Row {
  key: string;
  cells: ReactNode[];
  highlight?: boolean;
}

/** A USWDS table with a caption, column headers, and the first cell of each row as its row header. */
function SimpleTable({ caption, head, rows }: { caption: string; head: string[]; rows: Row[] }) {
  return (
    <div className="usa-table-container--scrollable">
      <table className="usa-table usa-table--borderless usa-table--compact custodia-table">
        <caption className="usa-sr-only">{caption}</caption>
        <thead>
          <tr>
            {head.map((name) => (
              <th key={name} scope="col">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className={row.highlight ? 'custodia-row--active' : undefined}>
              {row.cells.map((cell, i) =>
                i === 0 ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional columns.
                  <th key={i} scope="row">
                    {cell}
                  </th>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional columns.
                  <td key={i}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
