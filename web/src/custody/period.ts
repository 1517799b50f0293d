import { addDays, isIsoDate } from './api.ts';

/** A period of days, both included, `YYYY-MM-DD`. */
export interface Period {
  from: string;
  to: string;
}

/** The first and last day with records of some kind. */
export interface RecordSpan {
  first: string;
  last: string;
}

/** What is wrong with the period an address asks for, as the alert names it. */
export type PeriodProblem =
  | { code: 'notDate'; field: 'from' | 'to'; value: string }
  | { code: 'missing'; field: 'from' | 'to' }
  | { code: 'reversed'; from: string; to: string };

/** The period in an address: none asked for, a period, or what is wrong with the one asked for. */
export type AddressPeriod =
  | { kind: 'none' }
  | { kind: 'period'; period: Period }
  | { kind: 'invalid'; problem: PeriodProblem };

/** Reads `from` and `to` from an address's query; both absent is no period, not a wrong one. */
export function readPeriod(search: URLSearchParams): AddressPeriod {
  const from = search.get('from');
  const to = search.get('to');
  if (from === null && to === null) return { kind: 'none' };
  if (!isIsoDate(from)) return { kind: 'invalid', problem: dateProblem('from', from) };
  if (!isIsoDate(to)) return { kind: 'invalid', problem: dateProblem('to', to) };
  if (from > to) return { kind: 'invalid', problem: { code: 'reversed', from, to } };
  return { kind: 'period', period: { from, to } };
}

/** Why a date of the address is not one: absent (or blank), or not a calendar date. */
function dateProblem(field: 'from' | 'to', value: string | null): PeriodProblem {
  if (value === null || value.trim() === '') return { code: 'missing', field };
  return { code: 'notDate', field, value };
}

/** True when two dates typed in a form make a period: both dates, the first on or before the second. */
export function isPeriod(from: string, to: string): boolean {
  return isIsoDate(from) && isIsoDate(to) && from <= to;
}

/** The last full calendar month before `today`. */
export function lastFullMonth(today: string): Period {
  const to = addDays(`${today.slice(0, 7)}-01`, -1);
  return { from: `${to.slice(0, 7)}-01`, to };
}

/** The last `n` days, today included. */
export function lastDays(today: string, n: number): Period {
  return { from: addDays(today, -(n - 1)), to: today };
}

/**
 * The most recent month that has records: from the first of the month of the last recorded day (or the
 * first recorded day, if later) to the last recorded day. Null when nothing is recorded.
 */
export function latestRecordedMonth(records: RecordSpan | null): Period | null {
  if (!records) return null;
  const monthStart = `${records.last.slice(0, 7)}-01`;
  return { from: records.first > monthStart ? records.first : monthStart, to: records.last };
}
