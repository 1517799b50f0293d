import { csv } from '../core/csv.js';
import type { StatisticsAnswer } from './service.js';
import type { PublishedGroup } from './suppression.js';

/**
 * The statistics as CSV, one figure a row: `table,category,month,value`. Suppressed counts stay `<10` and
 * `x`, exactly as in the JSON; the first rows say what the figures are of and which release they are.
 */
export function statisticsCsv(a: StatisticsAnswer): string {
  const f = a.figures;
  const rows: (string | number | null)[][] = [
    ['release', 'scope', null, a.scope],
    ['release', 'subject', null, a.subject],
    ['release', 'from', null, f.from],
    ['release', 'to', null, f.to],
    ['release', 'date', null, f.date],
    ['release', 'published', null, String(a.published)],
    ['release', 'hash', null, a.hash],
    ['release', 'ledger_entry', null, a.release?.ledgerEntry ?? null],
  ];
  const parts = (table: string, list: PublishedGroup['parts'], month: string | null = null) => {
    for (const p of list ?? [])
      rows.push(month === null ? [table, p.key, null, p.count] : [table, month, p.key, p.count]);
  };
  rows.push(['population', 'total', null, f.population.total]);
  parts('population_by_nationality', f.population.byNationality);
  parts('population_by_legal_status', f.population.byLegalStatus);
  for (const o of f.transfers.byOutcome) {
    rows.push([`transfers_${o.outcome}`, 'total', null, o.total]);
    for (const m of o.byMonth ?? []) rows.push([`transfers_${o.outcome}`, 'month', m.key, m.count]);
  }
  parts('transfers_cancelled_by_reason', f.transfers.cancelledByReason);
  rows.push(['deaths', 'count', null, f.deaths.count]);
  rows.push(['deaths', 'average_daily_population', null, f.deaths.averageDailyPopulation]);
  rows.push(['deaths', 'rate_per_100000', null, f.deaths.ratePer100k]);
  for (const c of f.compliance) {
    rows.push([`compliance_${c.standard}`, 'evaluated', null, c.evaluated]);
    rows.push([`compliance_${c.standard}`, 'met', null, c.met]);
    rows.push([`compliance_${c.standard}`, 'not_met', null, c.notMet]);
    rows.push([`compliance_${c.standard}`, 'share_met_percent', null, c.shareMet]);
    if (c.shareMetRange)
      rows.push([
        `compliance_${c.standard}`,
        'share_met_percent_range',
        null,
        `${c.shareMetRange.low}–${c.shareMetRange.high}`,
      ]);
  }
  rows.push(['custody_length', 'ended', null, f.custodyLength.ended]);
  rows.push(['custody_length', 'median_days', null, f.custodyLength.medianDays]);
  parts('custody_length_days', f.custodyLength.buckets);
  rows.push(['releases', 'total', null, f.releases.total]);
  parts('releases_by_reason', f.releases.byReason);
  return csv(['table', 'category', 'month', 'value'], rows);
}
