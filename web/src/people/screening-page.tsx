import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useCan } from '../access.tsx';
import {
  ApiError,
  type Outcome,
  type PersonDetail,
  type PersonScreening,
  type RecordedScreening,
  RULE_IDS,
  type RuleEvaluation,
  type RuleResult,
  type ScreeningRecorded,
  SENDING_STATE_LAW,
} from '../api.ts';
import { LiveStatus, LoadError, useErrorText } from '../components/load-status.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { useI18n } from '../language.tsx';
import { Link, navigate, useLocation, withQuery } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { personPath, recordScreening, screeningPath } from './api.ts';
import { fullName } from './names.ts';
import './screening-page.css';

/** Every rule the engine knows, in the order a screening lists them; a rule the UI does not know goes last. */
const RULE_ORDER = RULE_IDS;

const OUTCOME_ALERT: Record<Outcome, string> = {
  eligible: 'usa-alert--success',
  pending: 'usa-alert--warning',
  ineligible: 'usa-alert--error',
};

/** The colour of an outcome's tag, as the rule result it corresponds to. */
const OUTCOME_TAG: Record<Outcome, RuleResult> = {
  eligible: 'pass',
  pending: 'pending',
  ineligible: 'fail',
};

const DEBOUNCE_MS = 400;

/** True for a real calendar date written `YYYY-MM-DD`. */
function isDate(text: string | null): text is string {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** Today in the reader's time zone, `YYYY-MM-DD`. */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function ruleRank(id: string): number {
  const index = (RULE_ORDER as readonly string[]).indexOf(id);
  return index === -1 ? RULE_ORDER.length : index;
}

/** What the polite status region says: the outcome after the date changed, in the current language. */
type Announcement = { outcome: Outcome; asOf: string } | null;

/**
 * A person's eligibility screening under the agreement's policy as of a planned transfer date (kept in
 * the URL as `asOf`): the outcome, every rule in DOMAIN.md's two layers, the policy and inputs hash, the
 * last recorded screening, and — for the sending state's officers and lawyers — a button to record it.
 */
export function ScreeningPage({ id }: { id: string }) {
  const { t, label, fmt } = useI18n();
  const can = useCan();
  const uid = useId();
  const { pathname, search } = useLocation();
  const requested = search.get('asOf');
  const asOf = isDate(requested) ? requested : today();

  const [person] = useApi<PersonDetail>(personPath(id));
  const [state, reload, refresh] = useApi<PersonScreening>(screeningPath(id, asOf));
  const name = person.status === 'ok' ? fullName(person.data.names) : '';
  usePageTitle(name ? t('screening.titleFor', { name }) : t('screening.title'));

  // The date is always in the URL, so that the page can be shared and reloaded as it is.
  useEffect(() => {
    if (requested !== asOf) navigate(withQuery(pathname, { asOf }), { replace: true });
  }, [requested, asOf, pathname]);

  const [draft, setDraft] = useState(asOf);
  const [touched, setTouched] = useState(false);
  useEffect(() => setDraft(asOf), [asOf]);
  const announceNext = useRef(false);
  const [announcement, setAnnouncement] = useState<Announcement>(null);

  // A complete date re-screens once the reader has stopped typing.
  useEffect(() => {
    if (!isDate(draft) || draft === asOf) return;
    const timer = setTimeout(() => {
      announceNext.current = true;
      navigate(withQuery(pathname, { asOf: draft }), { replace: true });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, asOf, pathname]);

  useEffect(() => {
    if (state.status !== 'ok' || !announceNext.current) return;
    announceNext.current = false;
    setAnnouncement({ outcome: state.data.current.outcome, asOf: state.data.asOf });
  }, [state]);

  const invalid = touched && !isDate(draft);
  const describedBy = [`${uid}-hint`, invalid ? `${uid}-error` : ''].filter(Boolean).join(' ');
  const canRecord = can('screenings:record') && person.status === 'ok' && !person.data.withdrawnReason;

  return (
    <>
      <p className="margin-top-0">
        <Link href={`/people/${encodeURIComponent(id)}`} className="usa-link">
          ← {name ? t('screening.back', { name }) : t('screening.backPerson')}
        </Link>
      </p>
      <h1>
        {name ? t('screening.titleFor', { name }) : t('screening.title')}
        {person.status === 'ok' && (
          <>
            {' '}
            <span className="custodia-code">{person.data.ref}</span>
          </>
        )}
      </h1>
      <p className="usa-intro custodia-intro">{t('screening.intro')}</p>

      <div className={invalid ? 'usa-form-group usa-form-group--error' : 'usa-form-group'}>
        <label className="usa-label" htmlFor={`${uid}-asof`}>
          {t('screening.asOf')}
        </label>
        <div className="usa-hint" id={`${uid}-hint`}>
          {t('screening.asOfHint')}
        </div>
        {invalid && (
          <span className="usa-error-message" id={`${uid}-error`} role="alert">
            {t('screening.asOfMissing')}
          </span>
        )}
        <input
          className={invalid ? 'usa-input usa-input--error custodia-date' : 'usa-input custodia-date'}
          id={`${uid}-asof`}
          type="date"
          name="asOf"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={() => setTouched(true)}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
        />
      </div>

      <LiveStatus text={state.status === 'loading' ? t('app.loading') : ''} />
      <p className="usa-sr-only" role="status" aria-live="polite">
        {announcement &&
          t('screening.announce', {
            date: fmt.date(announcement.asOf),
            outcome: label('outcome', announcement.outcome),
          })}
      </p>
      {state.status === 'error' && <ScreeningError error={state.error} asOf={asOf} onRetry={reload} />}
      {state.status === 'ok' && (
        <ScreeningView
          screening={state.data}
          record={canRecord ? { personId: id, asOf, onRecorded: refresh } : null}
        />
      )}
    </>
  );
}

function ScreeningError({ error, asOf, onRetry }: { error: ApiError; asOf: string; onRetry: () => void }) {
  const { t, fmt } = useI18n();
  const errorText = useErrorText();
  if (error.status === 404) {
    return (
      <div className="usa-alert usa-alert--warning margin-y-3" role="alert">
        <div className="usa-alert__body">
          <h2 className="usa-alert__heading">{t('notFound.title')}</h2>
          <p className="usa-alert__text">{t('notFound.personBody')}</p>
        </div>
      </div>
    );
  }
  if (error.status === 422 || error.status === 400) {
    return (
      <div className="usa-alert usa-alert--warning margin-y-3" role="alert">
        <div className="usa-alert__body">
          <h2 className="usa-alert__heading">{t('screening.refused', { date: fmt.date(asOf) })}</h2>
          <p className="usa-alert__text">{errorText(error)}</p>
        </div>
      </div>
    );
  }
  return <LoadError error={error} onRetry={onRetry} />;
}

interface RecordProps {
  personId: string;
  asOf: string;
  onRecorded: () => void;
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

function ResultTag({ result, text }: { result: RuleResult; text: string }) {
  return <span className={`usa-tag custodia-result custodia-result--${result}`}>{text}</span>;
}

function ScreeningView({ screening, record }: { screening: PersonScreening; record: RecordProps | null }) {
  const { t, label, fmt } = useI18n();
  const { current } = screening;
  const rules = [...current.rules].sort((a, b) => ruleRank(a.id) - ruleRank(b.id));
  const law = rules.filter((rule) => SENDING_STATE_LAW.includes(rule.id));
  const terms = rules.filter((rule) => !SENDING_STATE_LAW.includes(rule.id));
  const names = (result: RuleResult) =>
    fmt.list(rules.filter((rule) => rule.result === result).map((rule) => label('rule', rule.id)));
  const date = fmt.date(current.asOf);
  const explanation =
    current.outcome === 'ineligible'
      ? t('screening.explain.ineligible', { date, rules: names('fail') })
      : current.outcome === 'pending'
        ? t('screening.explain.pending', { date, rules: names('pending') })
        : t('screening.explain.eligible', { date });

  return (
    <>
      <div className={`usa-alert ${OUTCOME_ALERT[current.outcome]} custodia-outcome`}>
        <div className="usa-alert__body">
          <h2 className="usa-alert__heading">
            {t('screening.outcomeHeading', { outcome: label('outcome', current.outcome) })}
          </h2>
          <p className="usa-alert__text">{explanation}</p>
        </div>
      </div>

      <dl className="custodia-summary custodia-screening-facts">
        <dt>{t('screening.policy')}</dt>
        <dd>{t('screening.policyVersion', { policy: current.policy, version: screening.policyVersion })}</dd>
        <dt>{t('screening.asOfDate')}</dt>
        <dd>
          <time dateTime={current.asOf}>{date}</time>
        </dd>
        <dt>{t('screening.personVersion')}</dt>
        <dd className="text-tabular">{screening.personVersion}</dd>
        <dt>{t('screening.inputsHash')}</dt>
        <dd>
          <Hash value={current.inputsHash} />
        </dd>
      </dl>
      <p className="custodia-note-text">{t('screening.hashNote')}</p>

      <RuleLayer title={t('screening.terms')} note={t('screening.termsNote')} rules={terms} />
      <RuleLayer title={t('screening.law')} note={t('screening.lawNote')} rules={law} />

      <Section title={t('screening.recorded')}>
        <LastRecorded screening={screening} />
        {record && <RecordButton {...record} />}
      </Section>
    </>
  );
}

/** A hash shortened on screen, in full on hover and for screen readers. */
function Hash({ value }: { value: string }) {
  return (
    <>
      <span className="custodia-mono" title={value} aria-hidden="true">
        {value.slice(0, 16)}…
      </span>
      <span className="usa-sr-only">{value}</span>
    </>
  );
}

function RuleLayer({ title, note, rules }: { title: string; note: string; rules: RuleEvaluation[] }) {
  const { t, label, lang } = useI18n();
  return (
    <Section title={title}>
      <p className="custodia-note-text margin-top-0">{note}</p>
      {rules.length === 0 ? (
        <p className="custodia-empty">{t('screening.noRules')}</p>
      ) : (
        <div className="custodia-rules-container">
          <table className="usa-table usa-table--borderless custodia-table custodia-rules">
            <caption className="usa-sr-only">{t('screening.caption', { layer: title })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('screening.rule')}</th>
                <th scope="col">{t('screening.result')}</th>
                <th scope="col">{t('screening.reason')}</th>
                <th scope="col">{t('common.source')}</th>
              </tr>
            </thead>
            <tbody>
              {rules.map((rule) => (
                <tr key={rule.id} className={`custodia-rule custodia-rule--${rule.result}`}>
                  <th scope="row" className="text-top">
                    <span className="custodia-rule__name">{label('rule', rule.id)}</span>
                    <code className="custodia-rule__id">{rule.id}</code>
                  </th>
                  <td className="text-top">
                    <ResultTag result={rule.result} text={label('ruleResult', rule.result)} />
                  </td>
                  <td className="text-top">{rule.reason[lang] ?? rule.reason.en}</td>
                  <td className="text-top custodia-rule__source" lang="en">
                    {rule.source}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

function LastRecorded({ screening }: { screening: PersonScreening }) {
  const { t, label, fmt } = useI18n();
  const last: RecordedScreening | null = screening.lastRecorded;
  if (!last) return <p className="custodia-empty">{t('screening.noneRecorded')}</p>;
  return (
    <div className="custodia-record custodia-recorded">
      <dl className="custodia-summary">
        <dt>{t('screening.outcome')}</dt>
        <dd>
          <ResultTag result={OUTCOME_TAG[last.outcome]} text={label('outcome', last.outcome)} />
        </dd>
        <dt>{t('screening.asOfDate')}</dt>
        <dd>
          <time dateTime={last.asOf}>{fmt.date(last.asOf)}</time>
        </dd>
        <dt>{t('screening.recordedAt')}</dt>
        <dd>
          <time dateTime={last.recordedAt}>{fmt.localInstant(last.recordedAt)}</time>
        </dd>
        <dt>{t('screening.recordedBy')}</dt>
        <dd>{last.actor}</dd>
        <dt>{t('screening.policy')}</dt>
        <dd>{t('screening.policyVersion', { policy: last.policy, version: last.policyVersion })}</dd>
        <dt>{t('screening.inputsHash')}</dt>
        <dd>
          <Hash value={last.inputsHash} />
        </dd>
      </dl>
      {last.personVersion !== screening.personVersion && (
        <div className="usa-alert usa-alert--warning usa-alert--slim margin-top-2">
          <div className="usa-alert__body">
            <p className="usa-alert__text">
              {t('screening.versionChanged', { recorded: last.personVersion, now: screening.personVersion })}
            </p>
          </div>
        </div>
      )}
      {last.inputsHash === screening.current.inputsHash && (
        <p className="custodia-note-text margin-bottom-0">{t('screening.sameInputs')}</p>
      )}
    </div>
  );
}

/** Records the screening shown; the outcome is announced in a live region and the page refreshes in place. */
function RecordButton({ personId, asOf, onRecorded }: RecordProps) {
  const { t, label, fmt } = useI18n();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [recorded, setRecorded] = useState<ScreeningRecorded | null>(null);

  // A recorded screening of another date is no longer the one on screen.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the date changes.
  useEffect(() => {
    setRecorded(null);
    setError(null);
  }, [asOf]);

  const submit = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setRecorded(null);
    try {
      setRecorded(await recordScreening(personId, asOf));
      onRecorded();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, { detail: String(caught) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="margin-top-3">
      <p className="custodia-note-text">{t('screening.recordNote')}</p>
      <button type="button" className="usa-button" aria-disabled={busy || undefined} onClick={submit}>
        {busy ? t('screening.recording') : t('screening.record')}
      </button>
      {error && (
        <div className="usa-alert usa-alert--error usa-alert--slim margin-top-2" role="alert">
          <div className="usa-alert__body">
            <h3 className="usa-alert__heading">{t('screening.recordFailed')}</h3>
            <p className="usa-alert__text">{errorText(error)}</p>
          </div>
        </div>
      )}
      <div role="status" aria-live="polite">
        {recorded && (
          <div className="usa-alert usa-alert--success usa-alert--slim margin-top-2">
            <div className="usa-alert__body">
              <p className="usa-alert__text">
                {t('screening.recordedNow', {
                  outcome: label('outcome', recorded.outcome),
                  date: fmt.date(recorded.asOf),
                })}
              </p>
            </div>
          </div>
        )}
      </div>
    </div>
  );
}
