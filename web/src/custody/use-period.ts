import { type FormEvent, useEffect, useState } from 'react';
import { useLocation } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { isIsoDate, type RecordExtent, recordExtentPath } from './api.ts';
import {
  isPeriod,
  latestRecordedMonth,
  type Period,
  type PeriodProblem,
  type RecordSpan,
  readPeriod,
} from './period.ts';

/** The period of a standards page and its form: what the page shows, and the dates being typed. */
export interface PeriodFilter {
  /** The period shown: the address's, else the latest month with records, else `fallback`; null while unknown. */
  period: Period | null;
  /** The first and last day with records of the page's kind; null when none, or not known. */
  records: RecordSpan | null;
  /** False until the record extent has arrived (or failed: then nothing is said of the records). */
  recordsKnown: boolean;
  /** What is wrong with the period the address asks for; null when it asks for none or a good one. */
  problem: PeriodProblem | null;
  from: string;
  to: string;
  setFrom: (value: string) => void;
  setTo: (value: string) => void;
  /** The field the typed period was refused at, once the form was sent. */
  invalidAt: 'from' | 'to' | null;
  /** Reads the record extent again (after something was recorded), keeping what is shown until it arrives. */
  refreshRecords: () => void;
  /** The form's submit handler: refuses a bad period at its field, else hands the period to `show`. */
  submit: (show: (period: Period) => void) => (event: FormEvent<HTMLFormElement>) => void;
}

/**
 * The period of the regime log or the compliance report. A period in the address is shown as asked; with
 * none (or a wrong one, which `problem` names), the page opens on the most recent month that has records of
 * its kind (the facility's record extent; for the report, of the regime log when there is one), and on
 * `fallback` when nothing is recorded.
 */
export function usePeriodFilter(
  facility: string,
  kind: 'regime' | 'compliance',
  fallback: Period,
): PeriodFilter {
  const { search } = useLocation();
  const address = readPeriod(search);
  const [extent, , refreshRecords] = useApi<RecordExtent>(recordExtentPath(facility));
  const records = extent.status === 'ok' ? extent.data[kind] : null;
  // The compliance report opens on the regime log's latest month when there is one: most rules judge the
  // regime log, while an intake or an incident alone rarely gives a finding in its first days.
  const opening = extent.status === 'ok' && kind === 'compliance' ? (extent.data.regime ?? records) : records;
  const latest = latestRecordedMonth(opening) ?? fallback;
  const period = address.kind === 'period' ? address.period : extent.status === 'loading' ? null : latest;

  const [from, setFrom] = useState(period?.from ?? '');
  const [to, setTo] = useState(period?.to ?? '');
  const [invalidAt, setInvalidAt] = useState<'from' | 'to' | null>(null);
  // The typed dates follow the period shown when it changes (back, forward, a link, the extent arriving).
  useEffect(() => {
    setFrom(period?.from ?? '');
    setTo(period?.to ?? '');
    setInvalidAt(null);
  }, [period?.from, period?.to]);

  const submit = (show: (period: Period) => void) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!isPeriod(from, to)) {
      setInvalidAt(isIsoDate(from) ? 'to' : 'from');
      return;
    }
    setInvalidAt(null);
    show({ from, to });
  };

  return {
    period,
    records,
    recordsKnown: extent.status === 'ok',
    problem: address.kind === 'invalid' ? address.problem : null,
    from,
    to,
    setFrom,
    setTo,
    invalidAt,
    submit,
    refreshRecords,
  };
}
