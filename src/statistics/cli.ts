import type { Command } from 'commander';
import { cliActor, cliLang, type Io, json, withContext } from '../cli-support.js';
import type { Lang } from '../core/i18n.js';
import { translate } from '../core/messages/index.js';
import { statisticsCsv } from './csv.js';
import { publishStatistics, type RawStatisticsQuery, type StatisticsAnswer, statistics } from './service.js';
import type { PublishedGroup } from './suppression.js';

const shown = (v: string | number | null) => (v === null ? '—' : String(v));

function partsLine(parts: PublishedGroup['parts'], lang: Lang): string {
  if (parts === null) return translate(lang, 'statistics.cli.withheld', {});
  const nonzero = parts.filter((p) => p.count !== 0);
  return nonzero.length === 0 ? '0' : nonzero.map((p) => `${p.key} ${p.count}`).join(', ');
}

/** The statistics as text in `lang`: one figure or one table a line, suppressed counts as published. */
export function statisticsText(a: StatisticsAnswer, lang: Lang): string {
  const f = a.figures;
  const lines = [
    translate(lang, 'statistics.cli.heading', {
      subject: a.subject,
      name: a.subjectName,
      from: f.from,
      to: f.to,
    }),
    translate(lang, 'statistics.cli.release', {
      published: a.published,
      id: a.release?.id ?? '',
      entry: a.release?.ledgerEntry ?? null,
      hash: a.hash,
    }),
    '',
    translate(lang, 'statistics.cli.population', { date: f.date, total: String(f.population.total) }),
    `  ${translate(lang, 'statistics.cli.by_nationality', {})}: ${partsLine(f.population.byNationality, lang)}`,
    `  ${translate(lang, 'statistics.cli.by_legal_status', {})}: ${partsLine(f.population.byLegalStatus, lang)}`,
    '',
    translate(lang, 'statistics.cli.transfers', {}),
  ];
  for (const o of f.transfers.byOutcome)
    lines.push(`  ${o.outcome} ${o.total}: ${partsLine(o.byMonth, lang)}`);
  lines.push(
    `  ${translate(lang, 'statistics.cli.cancelled_by_reason', {})}: ${partsLine(f.transfers.cancelledByReason, lang)}`,
    '',
  );
  lines.push(
    translate(lang, 'statistics.cli.deaths', {
      count: String(f.deaths.count),
      adp: String(f.deaths.averageDailyPopulation),
      rate: shown(f.deaths.ratePer100k),
    }),
    '',
    translate(lang, 'statistics.cli.compliance', {}),
  );
  for (const c of f.compliance) {
    const share =
      c.shareMet !== null
        ? `${c.shareMet}%`
        : c.shareMetRange
          ? `${c.shareMetRange.low}–${c.shareMetRange.high}%`
          : '—';
    lines.push(`  ${c.standard}: ${share} (${c.met ?? '—'} / ${c.evaluated})`);
  }
  lines.push(
    '',
    translate(lang, 'statistics.cli.custody_length', {
      ended: String(f.custodyLength.ended),
      median: shown(f.custodyLength.medianDays),
    }),
    `  ${partsLine(f.custodyLength.buckets, lang)}`,
    translate(lang, 'statistics.cli.releases', { total: String(f.releases.total) }),
    `  ${partsLine(f.releases.byReason, lang)}`,
    '',
    translate(lang, 'statistics.cli.legend', {}),
  );
  return `${lines.join('\n')}\n`;
}

interface ScopeOptions {
  facility?: string;
  agreement?: string;
  from?: string;
  to?: string;
  date?: string;
}

function withScope(cmd: Command): Command {
  return cmd
    .option('--facility <code>', 'a facility code, e.g. SV-CECOT')
    .option('--agreement <code>', 'an agreement code or id (instead of --facility)')
    .option('--from <date>', 'the first day of the period, YYYY-MM-DD')
    .option('--to <date>', 'the last day of the period, YYYY-MM-DD (at most 366 days after --from)')
    .option('--date <date>', 'the day the population is counted at the end of (default: --to)');
}

const query = (o: ScopeOptions): RawStatisticsQuery => ({
  facility: o.facility,
  agreement: o.agreement,
  from: o.from,
  to: o.to,
  date: o.date,
});

/** `custodia statistics show` and `custodia statistics publish`. */
export function statisticsCommands(program: Command, io: Io): void {
  const group = program
    .command('statistics')
    .description('the public statistics: small counts suppressed, each published release a ledger event');
  withScope(group.command('show'))
    .description('the statistics as the public sees them: the newest published release, or computed now')
    .option('--json', "the public API's JSON")
    .option('--csv', "the public API's CSV")
    .action(async (opts: ScopeOptions & { json?: boolean; csv?: boolean }, cmd: Command) =>
      withContext(cmd.optsWithGlobals(), async (ctx) => {
        const answer = await statistics(ctx, query(opts));
        if (opts.json) return json(io, answer);
        if (opts.csv) return io.out(statisticsCsv(answer));
        io.out(statisticsText(answer, cliLang(cmd)));
      }),
    );
  withScope(group.command('publish'))
    .description('publish the statistics now: a ledger event holding their hash (nothing new when unchanged)')
    .option('--json', 'machine output: the published answer and whether a new event was recorded')
    .action(async (opts: ScopeOptions & { json?: boolean }, cmd: Command) =>
      withContext(cmd.optsWithGlobals(), async (ctx) => {
        const answer = await publishStatistics(ctx, cliActor(), query(opts));
        if (opts.json) return json(io, answer);
        const lang = cliLang(cmd);
        io.out(`${translate(lang, 'statistics.cli.recorded', { recorded: answer.recorded })}\n`);
        io.out(statisticsText(answer, lang));
      }),
    );
}
