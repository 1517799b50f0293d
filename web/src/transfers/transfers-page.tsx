import type { TransferBoard, TransferListItem, TransferStatus } from '../api.ts';
import { LiveStatus, LoadError } from '../components/load-status.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { useI18n } from '../language.tsx';
import { useLocation } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { transfersPath } from './api.ts';
import { filterOf, isFiltered } from './board-filter.ts';
import { BoardFilters } from './board-filters.tsx';
import { BoardSection } from './board-section.tsx';
import { TRANSFER_STATES } from './transfer-states.ts';
import './transfers-page.css';

/**
 * The transfers board: every transfer grouped by state in docs/domain.md's order, with the count of each state,
 * filtered by state, nationality and name or reference. The filters live in the URL, so a filtered board
 * can be shared and reloaded. The counts and sections show only once the board has loaded: a refused or
 * failed load shows its alert and no zeros.
 */
export function TransfersPage() {
  const { t, fmt } = useI18n();
  const { search } = useLocation();
  const filter = filterOf(search);
  usePageTitle(t('transfers.title'));
  const [state, reload] = useApi<TransferBoard>(transfersPath(filter));
  const board = state.status === 'ok' ? state.data : null;

  const rows = board?.transfers ?? [];
  const byState = new Map<TransferStatus, TransferListItem[]>();
  for (const row of rows) byState.set(row.status, [...(byState.get(row.status) ?? []), row]);
  const shown: TransferStatus[] =
    filter.status.length > 0 ? filter.status : TRANSFER_STATES.filter((s) => byState.has(s));
  const total = Object.values(board?.counts ?? {}).reduce((sum, n) => sum + (n ?? 0), 0);

  return (
    <>
      <h1>{t('transfers.title')}</h1>
      <p className="usa-intro custodia-intro">{t('transfers.intro')}</p>
      <BoardFilters filter={filter} counts={board?.counts ?? null} />
      <LiveStatus
        text={
          state.status === 'loading'
            ? t('app.loading')
            : board
              ? t('transfers.status', { n: fmt.number(rows.length), total: fmt.number(total) })
              : ''
        }
      />
      {state.status === 'error' && <LoadError error={state.error} onRetry={reload} />}
      {board && rows.length === 0 && filter.status.length === 0 && (
        <p className="custodia-empty">
          {isFiltered(filter) ? t('transfers.noneForFilter') : t('transfers.none')}
        </p>
      )}
      {board &&
        shown.map((status) => (
          <BoardSection
            key={status}
            status={status}
            items={byState.get(status) ?? []}
            total={board.counts[status] ?? 0}
            filter={filter}
            limit={shown.length > 1}
          />
        ))}
    </>
  );
}
