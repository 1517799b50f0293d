import { useEffect, useId, useRef, useState } from 'react';
import { useCan } from '../access.tsx';
import type { ApiError, Outcome, PersonDetail, PersonScreening } from '../api.ts';
import { DateField } from '../components/fields.tsx';
import { DetailLoadError, LiveStatus, useErrorText } from '../components/load-status.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { useI18n } from '../language.tsx';
import { Link, navigate, useLocation, withQuery } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { personPath, screeningPath } from './api.ts';
import { fullName } from './names.ts';
import { ScreeningView } from './screening-view.tsx';
import './screening-page.css';

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

/** What the polite status region says: the outcome after the date changed, in the current language. */
type Announcement = { outcome: Outcome; asOf: string } | null;

/**
 * A person's eligibility screening under the agreement's policy as of a planned transfer date (kept in
 * the URL as `asOf`): the outcome, every rule in docs/domain.md's two layers, the policy and inputs hash, the
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

      {/* The date is checked once the reader leaves the field (React's blur bubbles), not while typing. */}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the div only hears its date field's blur. */}
      <div onBlur={() => setTouched(true)}>
        <DateField
          id={`${uid}-asof`}
          label={t('screening.asOf')}
          hint={t('screening.asOfHint')}
          value={draft}
          onChange={setDraft}
          error={invalid ? t('screening.asOfMissing') : undefined}
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

/** Why the screening could not be shown: refused as of the date (the server says why), or a load error. */
function ScreeningError({ error, asOf, onRetry }: { error: ApiError; asOf: string; onRetry: () => void }) {
  const { t, fmt } = useI18n();
  const errorText = useErrorText();
  if (error.status !== 422 && error.status !== 400) {
    return <DetailLoadError error={error} onRetry={onRetry} notFoundText={t('notFound.personBody')} />;
  }
  return (
    <div className="usa-alert usa-alert--warning margin-y-3" role="alert">
      <div className="usa-alert__body">
        <h2 className="usa-alert__heading">{t('screening.refused', { date: fmt.date(asOf) })}</h2>
        <p className="usa-alert__text">{errorText(error)}</p>
      </div>
    </div>
  );
}
