import type { Dashboard, PersonPage } from '../api.ts';
import { LiveStatus, LoadError } from '../components/load-status.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { useI18n } from '../language.tsx';
import { historyState, navigate, useLocation, withQuery } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { peoplePath } from './api.ts';
import { PeoplePagination } from './people-pagination.tsx';
import { PeopleSearch } from './people-search.tsx';
import { PeopleTable } from './people-table.tsx';
import './people-page.css';

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

/** The people registered under an agreement, searchable, a page at a time, with how many match in all. */
export function PeoplePage() {
  const { t, fmt } = useI18n();
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

  const stack = cursor ? previousCursors() : [];
  const pageNumber = stack ? stack.length + 1 : null;
  const listHref = (params: { cursor?: string | null; q?: string; agreement?: string | null }) =>
    withQuery('/people', {
      agreement: params.agreement === undefined ? requested : params.agreement,
      q: params.q ?? q,
      cursor: params.cursor ?? null,
    });

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
        <PeopleSearch
          agreements={agreements}
          agreement={agreement}
          q={q}
          onAgreement={(id) => navigate(listHref({ agreement: id, q: '' }), { state: { cursors: [] } })}
          onSearch={(words) => navigate(listHref({ q: words }), { state: { cursors: [] } })}
          clearHref={listHref({ q: '' })}
        />
      )}
      <LiveStatus text={status} />
      {page.status === 'error' && <LoadError error={page.error} onRetry={reloadPage} />}
      {agreement && page.status === 'ok' && (
        <>
          {page.data.total > 0 && <PeopleTotal total={page.data.total} q={q} />}
          {page.data.items.length > 0 && (
            <PeopleTable
              items={page.data.items}
              caption={
                <>
                  {q
                    ? t('people.captionSearch', { agreement: agreement.code, q })
                    : t('people.caption', { agreement: agreement.code })}
                  {pageNumber && (
                    <span className="custodia-caption-page"> · {t('people.page', { page: pageNumber })}</span>
                  )}
                </>
              }
            />
          )}
          <PeoplePagination
            cursor={cursor}
            nextCursor={page.data.nextCursor}
            stack={stack}
            href={(next) => listHref({ cursor: next })}
          />
        </>
      )}
    </>
  );
}

/** How many people match, on every page: "1,234 people", or "… match “q”" while searching. */
function PeopleTotal({ total, q }: { total: number; q: string }) {
  const { t, fmt } = useI18n();
  const n = fmt.number(total);
  const text = q
    ? total === 1
      ? t('people.totalSearchOne', { q })
      : t('people.totalSearch', { n, q })
    : total === 1
      ? t('people.totalOne')
      : t('people.total', { n });
  return (
    <p className="custodia-people-total" data-total={total}>
      {text}
    </p>
  );
}
