import type { TransferStatus } from '../api.ts';
import { withQuery } from '../router.tsx';
import { isTransferState, TRANSFER_STATES } from './transfer-states.ts';

/** The board's filters as the URL holds them: `?status=approved,accepted&nationality=VE&q=perez`. */
export interface BoardFilter {
  status: TransferStatus[];
  nationality: string;
  q: string;
}

/** True when the filter narrows the board at all. */
export function isFiltered(filter: BoardFilter): boolean {
  return filter.status.length > 0 || filter.nationality !== '' || filter.q !== '';
}

/** Reads the board's filters from its URL, dropping what is not a state or a two-letter country code. */
export function filterOf(search: URLSearchParams): BoardFilter {
  const status = (search.get('status') ?? '').split(',').filter(isTransferState);
  const nationality = (search.get('nationality') ?? '').trim().toUpperCase();
  return {
    // In DOMAIN order, whatever order the URL gave.
    status: TRANSFER_STATES.filter((s) => status.includes(s)),
    nationality: isCountryCode(nationality) ? nationality : '',
    q: (search.get('q') ?? '').trim(),
  };
}

/** True when `code` is written as a two-letter country code (`VE`). */
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code);
}

/** The board's own address for a filter. */
export function boardHref(filter: Partial<BoardFilter>): string {
  return withQuery('/transfers', {
    status: filter.status?.join(','),
    nationality: filter.nationality,
    q: filter.q,
  });
}
