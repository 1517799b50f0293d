import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { cliActor, type Io, json, withContext } from '../cli-support.js';
import { isIsoDate } from '../core/dates.js';
import { DomainError } from '../core/errors.js';
import { complianceReport } from './compliance-service.js';
import { parseRegimeCsv, REGIME_CSV_COLUMNS } from './regime.js';
import { recordRegime } from './regime-service.js';

/** `custodia regime import` (the regime log in bulk, validated row by row) and `custodia compliance report`. */
export function custodyCommands(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('regime')
    .description('the regime log: how each cell was held each day')
    .command('import')
    .description(`record regime log entries from a CSV with the columns ${REGIME_CSV_COLUMNS.join(',')}`)
    .argument('<file>', 'a CSV file, one row per cell per day; an empty value means not measured')
    .requiredOption('--facility <id>', 'facility id or code, e.g. SV-CECOT')
    .option('--all-or-nothing', 'record nothing if any row is bad')
    .option('--json', 'machine output')
    .action(
      async (
        file: string,
        opts: { facility: string; allOrNothing?: boolean; json?: boolean },
        cmd: Command,
      ) => {
        let text: string;
        try {
          text = await readFile(file, 'utf8');
        } catch (error) {
          throw new DomainError('environment', `Cannot read ${file}: ${(error as Error).message}`);
        }
        const { rows, headerIssues } = parseRegimeCsv(text);
        if (headerIssues.length > 0) {
          setExit(1);
          for (const issue of headerIssues) io.err(`${file}: line ${issue.line}: ${issue.message}\n`);
          io.err('Nothing was recorded.\n');
          return;
        }
        await withContext(cmd.optsWithGlobals(), async (ctx) => {
          const report = await recordRegime(ctx, cliActor(), opts.facility, rows, {
            allOrNothing: opts.allOrNothing === true,
          });
          if (report.rejected.length > 0) setExit(1);
          if (opts.json) return json(io, report);
          for (const r of report.rejected) {
            for (const issue of r.issues)
              io.err(`${file}: line ${r.line}: ${issue.field}: ${issue.message}\n`);
          }
          io.out(
            `${report.facility}: ${report.recorded} of ${report.rows} rows recorded` +
              `${report.rejected.length > 0 ? `; ${report.rejected.length} rejected${report.rolledBack ? ', so nothing was recorded (--all-or-nothing)' : ''}` : ''}.\n`,
          );
        });
      },
    );
  program
    .command('compliance')
    .description('standards compliance')
    .command('report')
    .description('findings against the standards for a period, grouped by rule, each citing its source')
    .requiredOption('--facility <id>', 'facility id or code, e.g. SV-CECOT')
    .requiredOption('--from <date>', 'first day, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last day, YYYY-MM-DD')
    .option('--json', 'machine output: {"rules":[…],"findings":[…]}')
    .action(async (opts: { facility: string; from: string; to: string; json?: boolean }, cmd: Command) => {
      for (const [name, value] of [
        ['--from', opts.from],
        ['--to', opts.to],
      ] as const) {
        if (!isIsoDate(value))
          throw new DomainError('invalid_input', `${name} ${value} is not a date; write it as YYYY-MM-DD.`);
      }
      await withContext(cmd.optsWithGlobals(), async (ctx) => {
        const report = await complianceReport(ctx, cliActor(), opts.facility, opts.from, opts.to);
        if (opts.json) return json(io, report);
        io.out(`Compliance at ${report.facility}, ${report.from} to ${report.to}:\n`);
        for (const r of report.rules) {
          const status =
            r.evaluated === 0
              ? `not evaluated: ${r.note}`
              : r.findings === 0
                ? `met (${r.evaluated} evaluated)`
                : `${r.findings} findings (${r.bySeverity.high} high) on ${r.daysAffected} days; worst cells ${r.worstCells.map((c) => `${c.cell} ${c.findings}`).join(', ') || '—'}`;
          io.out(
            `  ${r.id.padEnd(22)} ${status}${r.notEvaluable > 0 && r.evaluated > 0 ? `; ${r.notEvaluable} not evaluable` : ''}\n      ${r.requirement} (${r.source})\n`,
          );
        }
      });
    });
}
