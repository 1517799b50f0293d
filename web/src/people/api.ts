import type { ScreeningRecorded } from '../api.ts';
import { request } from '../api.ts';

/** The path of the people list for an agreement, a search and a cursor. */
export function peoplePath(agreement: string, q: string, cursor: string | null, limit = 25): string {
  const query = new URLSearchParams({ agreement, limit: String(limit) });
  if (q) query.set('q', q);
  if (cursor) query.set('cursor', cursor);
  return `/api/v1/people?${query}`;
}

/** The path of one person. */
export function personPath(id: string): string {
  return `/api/v1/people/${encodeURIComponent(id)}`;
}

/** The path of a person's screening as of a date (YYYY-MM-DD). */
export function screeningPath(id: string, asOf: string): string {
  return `${personPath(id)}/screening?${new URLSearchParams({ asOf })}`;
}

/** Screens a person as of a date and records the screening in the ledger (201). */
export function recordScreening(personId: string, asOf: string): Promise<ScreeningRecorded> {
  return request<ScreeningRecorded>('POST', '/api/v1/screenings', { body: { personId, asOf } });
}
