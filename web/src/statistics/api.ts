import type { WireOf } from '../../../src/core/contract.ts';
import type { statisticsAnswerSchema } from '../../../src/statistics/contract.ts';

/** The public statistics, as the API sends them. */
export type StatisticsAnswer = WireOf<typeof statisticsAnswerSchema>;
/** The figures of an answer. */
export type Figures = StatisticsAnswer['figures'];
/** A published count: a number, `<10` or `x`. */
export type PublishedCount = Figures['population']['total'];
/** The parts of a published table; null when the breakdown is withheld. */
export type Parts = Figures['population']['byNationality'];

/** What the statistics are asked for. */
export interface StatisticsQuery {
  facility: string;
  from: string;
  to: string;
}

/** The API path of the statistics, as JSON or (format csv) as the CSV download. */
export function statisticsPath(q: StatisticsQuery, format: 'json' | 'csv' = 'json'): string {
  const query = new URLSearchParams({ facility: q.facility, from: q.from, to: q.to });
  if (format === 'csv') query.set('format', 'csv');
  return `/api/v1/public/statistics?${query}`;
}
