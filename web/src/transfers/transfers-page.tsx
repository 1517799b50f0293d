import { type FormEvent, useEffect, useId, useState } from 'react';
import type { TransferBoard, TransferListItem, TransferStatus } from '../api.ts';
import { LiveStatus, LoadError } from '../components/load-status.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { TransferStatusTag } from '../components/status-tag.tsx';
import { useI18n } from '../language.tsx';
import { Link, navigate, useLocation, withQuery } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { transfersPath } from './api.ts';
import { isTransferState, TRANSFER_STATES } from './transfer-states.ts';
import './transfers-page.css';

/** Rows shown per state when several states are listed; "show all" filters the board to that state. */
const SECTION_ROWS = 10;

/** The board's filters as the URL holds them: `?status=approved,accepted&nationality=VE&q=perez`. */
interface BoardFilter {
  status: TransferStatus[];
  nationality: string;
  q: string;
}

function filterOf(search: URLSearchParams): BoardFilter {
  const status = (search.get('status') ?? '').split(',').filter(isTransferState);
  const nationality = (search.get('nationality') ?? '').trim().toUpperCase();
  return {
    // In DOMAIN order, whatever order the URL gave.
    status: TRANSFER_STATES.filter((s) => status.includes(s)),
    nationality: /^[A-Z]{2}$/.test(nationality) ? nationality : '',
    q: (search.get('q') ?? '').trim(),
  };
}

/** The board's own address for a filter. */
export function boardHref(filter: Partial<BoardFilter>): string {
  return withQuery('/transfers', {
    status: filter.status?.join(','),
    nationality: filter.nationality,
    q: filter.q,
  });
}

/**
 * The transfers board: every transfer grouped by state in DOMAIN.md's order, with the count of each state,
 * filtered by state, nationality and name or reference. The filters live in the URL, so a filtered board
 * can be shared and reloaded.
 */
export function TransfersPage() {
  const { t, label, fmt } = useI18n();
  const id = useId();
  const { search } = useLocation();
  const filter = filterOf(search);
  const filtered = filter.status.length > 0 || filter.nationality !== '' || filter.q !== '';
  usePageTitle(t('transfers.title'));

  const [state, reload] = useApi<TransferBoard>(transfersPath(filter));

  const [statuses, setStatuses] = useState<TransferStatus[]>(filter.status);
  const [nationality, setNationality] = useState(filter.nationality);
  const [q, setQ] = useState(filter.q);
  const [nationalityError, setNationalityError] = useState(false);
  const statusKey = filter.status.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the drafts follow the URL when it changes.
  useEffect(() => {
    setStatuses(filter.status);
    setNationality(filter.nationality);
    setQ(filter.q);
    setNationalityError(false);
  }, [statusKey, filter.nationality, filter.q]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = nationality.trim().toUpperCase();
    if (code !== '' && !/^[A-Z]{2}$/.test(code)) {
      setNationalityError(true);
      return;
    }
    setNationalityError(false);
    navigate(boardHref({ status: statuses, nationality: code, q: q.trim() }));
  };

  const toggle = (status: TransferStatus, on: boolean) =>
    setStatuses((current) => TRANSFER_STATES.filter((s) => (s === status ? on : current.includes(s))));

  const counts = state.status === 'ok' ? state.data.counts : {};
  const rows = state.status === 'ok' ? state.data.transfers : [];
  const byState = new Map<TransferStatus, TransferListItem[]>();
  for (const row of rows) byState.set(row.status, [...(byState.get(row.status) ?? []), row]);
  const shown: TransferStatus[] =
    filter.status.length > 0 ? filter.status : TRANSFER_STATES.filter((s) => byState.has(s));
  const total = Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);

  return (
    <>
      <h1>{t('transfers.title')}</h1>
      <p className="usa-intro custodia-intro">{t('transfers.intro')}</p>

      <search aria-labelledby={`${id}-filters`}>
        <form className="usa-form custodia-filters" onSubmit={submit} noValidate>
          <h2 id={`${id}-filters`} className="usa-sr-only">
            {t('transfers.filters')}
          </h2>
          <fieldset className="usa-fieldset">
            <legend className="usa-legend usa-legend--large custodia-filters__legend">
              {t('transfers.states')}
            </legend>
            <div className="custodia-state-options">
              {TRANSFER_STATES.map((status) => (
                <div key={status} className="usa-checkbox">
                  <input
                    className="usa-checkbox__input"
                    id={`${id}-state-${status}`}
                    type="checkbox"
                    name="status"
                    value={status}
                    checked={statuses.includes(status)}
                    onChange={(event) => toggle(status, event.target.checked)}
                  />
                  <label className="usa-checkbox__label" htmlFor={`${id}-state-${status}`}>
                    <StateName status={status} />{' '}
                    <span className="custodia-count">({fmt.number(counts[status] ?? 0)})</span>
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
          <div className="custodia-filters__row">
            <div className={nationalityError ? 'usa-form-group usa-form-group--error' : 'usa-form-group'}>
              <label className="usa-label" htmlFor={`${id}-nationality`}>
                {t('transfers.nationality')}
              </label>
              <div className="usa-hint" id={`${id}-nationality-hint`}>
                {t('transfers.nationalityHint')}
              </div>
              {nationalityError && (
                <span className="usa-error-message" id={`${id}-nationality-error`} role="alert">
                  {t('transfers.nationalityInvalid')}
                </span>
              )}
              <input
                className="usa-input custodia-input--code"
                id={`${id}-nationality`}
                name="nationality"
                maxLength={2}
                autoCapitalize="characters"
                spellCheck={false}
                value={nationality}
                onChange={(event) => setNationality(event.target.value.toUpperCase())}
                aria-describedby={`${id}-nationality-hint${nationalityError ? ` ${id}-nationality-error` : ''}`}
                aria-invalid={nationalityError || undefined}
              />
            </div>
            <div className="usa-form-group">
              <label className="usa-label" htmlFor={`${id}-q`}>
                {t('transfers.search')}
              </label>
              <div className="usa-hint" id={`${id}-q-hint`}>
                {t('transfers.searchHint')}
              </div>
              <input
                className="usa-input"
                id={`${id}-q`}
                type="search"
                name="q"
                value={q}
                onChange={(event) => setQ(event.target.value)}
                aria-describedby={`${id}-q-hint`}
              />
            </div>
            <div className="custodia-filters__buttons">
              <button type="submit" className="usa-button">
                {t('transfers.apply')}
              </button>
              {filtered && (
                <Link href="/transfers" className="usa-button usa-button--unstyled">
                  {t('transfers.clear')}
                </Link>
              )}
            </div>
          </div>
        </form>
      </search>

      <LiveStatus
        text={
          state.status === 'loading'
            ? t('app.loading')
            : state.status === 'ok'
              ? t('transfers.status', { n: fmt.number(rows.length), total: fmt.number(total) })
              : ''
        }
      />
      {state.status === 'error' && <LoadError error={state.error} onRetry={reload} />}
      {state.status === 'ok' && rows.length === 0 && filter.status.length === 0 && (
        <p className="custodia-empty">{filtered ? t('transfers.noneForFilter') : t('transfers.none')}</p>
      )}
      {state.status === 'ok' &&
        shown.map((status) => {
          const items = byState.get(status) ?? [];
          const limited = shown.length > 1 && items.length > SECTION_ROWS;
          return (
            <section
              key={status}
              className="custodia-section custodia-board-section"
              aria-labelledby={`${id}-${status}`}
              data-status={status}
            >
              <h2 id={`${id}-${status}`} className="custodia-board-section__title">
                <TransferStatusTag status={status} />
                <span className="custodia-count">
                  {filtered && items.length !== (counts[status] ?? 0)
                    ? t('transfers.countOf', {
                        n: fmt.number(items.length),
                        total: fmt.number(counts[status] ?? 0),
                      })
                    : fmt.number(items.length)}
                </span>
              </h2>
              {items.length === 0 ? (
                <p className="custodia-empty">{t('transfers.noneInState')}</p>
              ) : (
                <BoardTable status={status} items={limited ? items.slice(0, SECTION_ROWS) : items} />
              )}
              {limited && (
                <p>
                  <Link href={boardHref({ ...filter, status: [status] })} className="usa-link">
                    {t('transfers.showAll', {
                      n: fmt.number(items.length),
                      state: label('transferStatus', status),
                    })}
                  </Link>
                </p>
              )}
            </section>
          );
        })}
    </>
  );
}

function StateName({ status }: { status: TransferStatus }) {
  const { label } = useI18n();
  return <>{label('transferStatus', status)}</>;
}

function BoardTable({ status, items }: { status: TransferStatus; items: TransferListItem[] }) {
  const { t, label, fmt } = useI18n();
  return (
    <div className="usa-table-container--scrollable">
      <table className="usa-table usa-table--borderless usa-table--compact custodia-table custodia-board">
        <caption className="usa-sr-only">
          {t('transfers.caption', { state: label('transferStatus', status) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('people.ref')}</th>
            <th scope="col">{t('people.name')}</th>
            <th scope="col">{t('people.nationality')}</th>
            <th scope="col">{t('transfers.lastScreening')}</th>
            <th scope="col">{t('transfers.holds')}</th>
            <th scope="col">{t('transfers.manifest')}</th>
            <th scope="col">{t('transfers.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.transferId}>
              <td className="custodia-mono text-no-wrap">{item.ref}</td>
              <th scope="row">
                <Link href={`/transfers/${encodeURIComponent(item.transferId)}`}>{item.name}</Link>
              </th>
              <td>{item.nationalities.map(fmt.country).join(', ')}</td>
              <td>
                {item.lastScreening ? (
                  <span
                    className={`custodia-outcome-text custodia-outcome-text--${item.lastScreening.outcome}`}
                  >
                    {label('outcome', item.lastScreening.outcome)}
                  </span>
                ) : (
                  '—'
                )}
              </td>
              <td className="text-tabular">
                {item.holds > 0 ? (
                  <span className="usa-tag custodia-tag--alert">{fmt.number(item.holds)}</span>
                ) : (
                  '—'
                )}
              </td>
              <td>
                {item.manifestId ? (
                  <Link href={`/manifests/${encodeURIComponent(item.manifestId)}`} className="usa-link">
                    {t('transfers.openManifest')}
                  </Link>
                ) : (
                  '—'
                )}
              </td>
              <td>
                <time dateTime={item.updatedAt}>{fmt.localInstant(item.updatedAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
