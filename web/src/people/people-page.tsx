import { type FormEvent, useEffect, useId, useState } from 'react';
import type { Dashboard, PersonPage } from '../api.ts';
import { Icon } from '../components/icon.tsx';
import { LiveStatus, LoadError } from '../components/load-status.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { useI18n } from '../language.tsx';
import { historyState, Link, navigate, useLocation, withQuery } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { peoplePath } from './api.ts';
import './people-page.css';

/** "Given Paternal Maternal", as a person's names are written in Latin American usage. */
export function fullName(names: { given: string; paternal: string; maternal?: string | null }): string {
  return [names.given, names.paternal, names.maternal].filter(Boolean).join(' ');
}

/**
 * The cursors of the pages before this one ('' is the first page). They travel in the history entry's
 * state, which survives a reload; the URL holds only the current agreement, search and cursor.
 */
function previousCursors(): string[] | null {
  const state = historyState();
  if (state && typeof state === 'object' && 'cursors' in state) {
    const cursors: unknown = state.cursors;
    if (Array.isArray(cursors) && cursors.every((c) => typeof c === 'string')) return cursors;
  }
  return null;
}

/** The people registered under an agreement, searchable, a page at a time. */
export function PeoplePage() {
  const { t, label, fmt } = useI18n();
  const id = useId();
  const { search } = useLocation();
  const q = search.get('q') ?? '';
  const cursor = search.get('cursor');
  const requested = search.get('agreement');
  usePageTitle(q ? `${t('people.title')}: ${q}` : t('people.title'));

  const [dashboard, reloadDashboard] = useApi<Dashboard>('/api/v1/dashboard');
  const agreements = dashboard.status === 'ok' ? dashboard.data.agreements : [];
  const agreement =
    agreements.find((a) => a.id === requested || a.code === requested) ?? agreements[0] ?? null;
  const [page, reloadPage] = useApi<PersonPage>(agreement ? peoplePath(agreement.id, q, cursor) : null);

  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);

  const stack = cursor ? previousCursors() : [];
  const pageNumber = stack ? stack.length + 1 : null;
  const listHref = (params: { cursor?: string | null; q?: string; agreement?: string | null }) =>
    withQuery('/people', {
      agreement: params.agreement === undefined ? requested : params.agreement,
      q: params.q ?? q,
      cursor: params.cursor ?? null,
    });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    navigate(listHref({ q: text.trim() }), { state: { cursors: [] } });
  };

  const status =
    dashboard.status === 'loading' || (agreement && page.status === 'loading')
      ? t('app.loading')
      : page.status === 'ok'
        ? page.data.items.length === 0
          ? q
            ? t('people.noneForSearch', { q })
            : t('people.none')
          : `${t('people.status', { n: fmt.number(page.data.items.length) })}${pageNumber ? ` ${t('people.page', { page: pageNumber })}.` : ''}`
        : '';

  return (
    <>
      <h1>{t('people.title')}</h1>
      {dashboard.status === 'error' && <LoadError error={dashboard.error} onRetry={reloadDashboard} />}
      {dashboard.status === 'ok' && !agreement && <p>{t('people.noAgreement')}</p>}
      {agreement && (
        <div className="grid-row grid-gap-lg flex-align-end">
          {agreements.length > 1 && (
            <div className="tablet:grid-col-5">
              <label className="usa-label" htmlFor={`${id}-agreement`}>
                {t('people.agreement')}
              </label>
              <select
                className="usa-select"
                id={`${id}-agreement`}
                value={agreement.id}
                onChange={(event) =>
                  navigate(listHref({ agreement: event.target.value, q: '' }), { state: { cursors: [] } })
                }
              >
                {agreements.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.code} — {a.title}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="tablet:grid-col-7">
            <search aria-labelledby={`${id}-q-label`}>
              <form className="usa-search custodia-search" onSubmit={submit}>
                <label className="usa-label" htmlFor={`${id}-q`} id={`${id}-q-label`}>
                  {t('people.searchLabel')}
                </label>
                <div className="usa-hint" id={`${id}-q-hint`}>
                  {t('people.searchHint')}
                </div>
                <div className="custodia-search__row">
                  <input
                    className="usa-input"
                    id={`${id}-q`}
                    type="search"
                    name="q"
                    value={text}
                    onChange={(event) => setText(event.target.value)}
                    aria-describedby={`${id}-q-hint`}
                  />
                  <button className="usa-button" type="submit">
                    <span className="usa-search__submit-text">{t('people.searchButton')}</span>
                    <Icon name="search" className="usa-search__submit-icon" />
                  </button>
                </div>
              </form>
            </search>
            {q && (
              <p className="margin-top-1">
                <Link href={listHref({ q: '' })} state={{ cursors: [] }} className="usa-link">
                  {t('people.clear')}
                </Link>
              </p>
            )}
          </div>
        </div>
      )}
      <LiveStatus text={status} />
      {page.status === 'error' && <LoadError error={page.error} onRetry={reloadPage} />}
      {agreement && page.status === 'ok' && (
        <>
          {page.data.items.length > 0 && (
            <div className="usa-table-container--scrollable">
              <table className="usa-table usa-table--striped custodia-people">
                <caption>
                  {q
                    ? t('people.captionSearch', { agreement: agreement.code, q })
                    : t('people.caption', { agreement: agreement.code })}
                  {pageNumber && (
                    <span className="custodia-caption-page"> · {t('people.page', { page: pageNumber })}</span>
                  )}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('people.ref')}</th>
                    <th scope="col">{t('people.name')}</th>
                    <th scope="col">{t('people.nationality')}</th>
                    <th scope="col">{t('people.legalStatus')}</th>
                    <th scope="col">{t('people.birthDate')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.data.items.map((person) => (
                    <tr key={person.id}>
                      <td className="custodia-mono text-no-wrap">{person.ref}</td>
                      <th scope="row">
                        <Link href={`/people/${encodeURIComponent(person.id)}`}>
                          {fullName(person.names)}
                        </Link>
                      </th>
                      <td>{person.nationalities.map(fmt.country).join(', ')}</td>
                      <td>{label('legalStatus', person.legalStatus)}</td>
                      <td className="text-no-wrap">
                        <time dateTime={person.birthDate}>{fmt.date(person.birthDate)}</time>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {(cursor || page.data.nextCursor) && (
            <nav aria-label={t('pagination.label')} className="usa-pagination">
              <ul className="usa-pagination__list">
                {cursor && stack && stack.length > 0 && (
                  <li className="usa-pagination__item usa-pagination__arrow">
                    <Link
                      href={listHref({ cursor: stack.at(-1) || null })}
                      state={{ cursors: stack.slice(0, -1) }}
                      className="usa-pagination__link usa-pagination__previous-page"
                    >
                      <Icon name="navigateBefore" />
                      <span className="usa-pagination__link-text">{t('pagination.previous')}</span>
                    </Link>
                  </li>
                )}
                {cursor && !stack && (
                  <li className="usa-pagination__item usa-pagination__arrow">
                    <Link
                      href={listHref({ cursor: null })}
                      state={{ cursors: [] }}
                      className="usa-pagination__link usa-pagination__previous-page"
                    >
                      <Icon name="navigateFarBefore" />
                      <span className="usa-pagination__link-text">{t('pagination.first')}</span>
                    </Link>
                  </li>
                )}
                {pageNumber && (cursor || page.data.nextCursor) && (
                  <li className="usa-pagination__item usa-pagination__page-no">
                    <span className="usa-pagination__button usa-current" aria-current="page">
                      <span className="usa-sr-only">{t('people.page', { page: '' })}</span>
                      {pageNumber}
                    </span>
                  </li>
                )}
                {page.data.nextCursor && (
                  <li className="usa-pagination__item usa-pagination__arrow">
                    <Link
                      href={listHref({ cursor: page.data.nextCursor })}
                      state={stack ? { cursors: [...stack, cursor ?? ''] } : undefined}
                      className="usa-pagination__link usa-pagination__next-page"
                    >
                      <span className="usa-pagination__link-text">{t('pagination.next')}</span>
                      <Icon name="navigateNext" />
                    </Link>
                  </li>
                )}
              </ul>
            </nav>
          )}
        </>
      )}
    </>
  );
}
