import { useId } from 'react';
import type { TransferListItem, TransferStatus } from '../api.ts';
import { TransferStatusTag } from '../components/status-tag.tsx';
import { useI18n } from '../language.tsx';
import { Link } from '../router.tsx';
import { type BoardFilter, boardHref, isFiltered } from './board-filter.ts';
import { BoardTable } from './board-table.tsx';

/** Rows shown per state when several states are listed; "show all" filters the board to that state. */
const SECTION_ROWS = 10;

/**
 * One state's part of the board: its tag and count (of how many in all, when filtered), its transfers,
 * and, when cut short, a link to the board filtered to that state.
 */
export function BoardSection({
  status,
  items,
  total,
  filter,
  limit,
}: {
  status: TransferStatus;
  items: TransferListItem[];
  /** How many transfers are in this state, filters aside. */
  total: number;
  filter: BoardFilter;
  /** True when several states are shown, so each shows its first rows only. */
  limit: boolean;
}) {
  const { t, label, fmt } = useI18n();
  const id = useId();
  const filtered = isFiltered(filter);
  const limited = limit && items.length > SECTION_ROWS;
  return (
    <section className="custodia-section custodia-board-section" aria-labelledby={id} data-status={status}>
      <h2 id={id} className="custodia-board-section__title">
        <TransferStatusTag status={status} />
        <span className="custodia-count">
          {filtered && items.length !== total
            ? t('transfers.countOf', { n: fmt.number(items.length), total: fmt.number(total) })
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
            {t('transfers.showAll', { n: fmt.number(items.length), state: label('transferStatus', status) })}
          </Link>
        </p>
      )}
    </section>
  );
}
