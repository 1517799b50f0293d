import { Icon } from '../components/icon.tsx';
import { useI18n } from '../language.tsx';
import { Link } from '../router.tsx';

/**
 * Previous (or First, when the cursors before this page are lost), the page number and Next. `stack`
 * holds the cursors of the pages before this one; `href` builds a page's address from its cursor.
 */
export function PeoplePagination({
  cursor,
  nextCursor,
  stack,
  href,
}: {
  cursor: string | null;
  nextCursor: string | null;
  stack: string[] | null;
  href: (cursor: string | null) => string;
}) {
  const { t } = useI18n();
  const pageNumber = stack ? stack.length + 1 : null;
  if (!cursor && !nextCursor) return null;
  return (
    <nav aria-label={t('pagination.label')} className="usa-pagination">
      <ul className="usa-pagination__list">
        {cursor && stack && stack.length > 0 && (
          <li className="usa-pagination__item usa-pagination__arrow">
            <Link
              href={href(stack.at(-1) || null)}
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
              href={href(null)}
              state={{ cursors: [] }}
              className="usa-pagination__link usa-pagination__previous-page"
            >
              <Icon name="navigateFarBefore" />
              <span className="usa-pagination__link-text">{t('pagination.first')}</span>
            </Link>
          </li>
        )}
        {pageNumber && (
          <li className="usa-pagination__item usa-pagination__page-no">
            <span className="usa-pagination__button usa-current" aria-current="page">
              <span className="usa-sr-only">{t('people.page', { page: '' })}</span>
              {pageNumber}
            </span>
          </li>
        )}
        {nextCursor && (
          <li className="usa-pagination__item usa-pagination__arrow">
            <Link
              href={href(nextCursor)}
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
  );
}
