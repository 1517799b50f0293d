import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { resolveAgreementId } from '../agreements/store.js';
import { cliActor, cliLang, type Io, intOption, json, withContext, writeOutputFile } from '../cli-support.js';
import type { AppContext } from '../context.js';
import { isIsoDate } from '../core/dates.js';
import { DomainError, invalidInput } from '../core/errors.js';
import { statesByRef } from '../people/store.js';
import { complianceFile, complianceReport } from './compliance-service.js';
import { HEADCOUNT_MAX } from './incident-kinds.js';
import { facilityIncidents, recordHeadcount } from './incident-service.js';
import { INCIDENT_STATUSES, type IncidentStatus } from './incidents.js';
import { isolationCommands } from './isolation-cli.js';
import { RELEASE_REASONS } from './model.js';
import { facilityOccupancy } from './occupancy-service.js';
import { parseRegimeCsv, REGIME_CSV_COLUMNS } from './regime.js';
import { recordRegime } from './regime-service.js';
import { releasePerson } from './service.js';

/** `custodia regime import` (the regime log in bulk, validated row by row) and `custodia compliance report`. */
export function custodyCommands(program: Command, io: Io, setExit: (code: number) => void): void {
  isolationCommands(program, io);
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
          throw new DomainError('environment', 'cli.cannot_read', {
            path: file,
            reason: error instanceof Error ? error.message : String(error),
          });
        }
        const { rows, headerIssues } = parseRegimeCsv(text);
        if (headerIssues.length > 0) {
          throw invalidInput('regime.csv_header', { file, count: headerIssues.length }, headerIssues);
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
    .option('--csv <file>', 'also write every finding as CSV to FILE')
    .option('--pdf <file>', 'also write the PDF report, in the --lang language, to FILE')
    .action(
      async (
        opts: { facility: string; from: string; to: string; json?: boolean; csv?: string; pdf?: string },
        cmd: Command,
      ) => {
        for (const [name, value] of [
          ['--from', opts.from],
          ['--to', opts.to],
        ] as const) {
          if (!isIsoDate(value)) throw new DomainError('invalid_input', 'cli.not_a_date', { name, value });
        }
        await withContext(cmd.optsWithGlobals(), async (ctx) => {
          const report = await complianceReport(ctx, cliActor(), opts.facility, opts.from, opts.to);
          // Both files are made before either is written, so a failure leaves neither half-done.
          const files = [];
          for (const format of ['csv', 'pdf'] as const) {
            const file = opts[format];
            if (file)
              files.push({
                file,
                format,
                body: (await complianceFile(ctx, report, format, cliLang(cmd))).body,
              });
          }
          for (const { file, format, body } of files) {
            await writeOutputFile(file, body);
            if (!opts.json) io.out(`Wrote ${file} (${format.toUpperCase()}).\n`);
          }
          if (opts.json) return json(io, report);
          io.out(`Compliance at ${report.facility}, ${report.from} to ${report.to}:\n`);
          for (const r of report.rules) {
            const status =
              r.evaluated === 0
                ? `not evaluated: ${r.note}`
                : r.findings === 0
                  ? `met (${r.evaluated} evaluated)`
                  : `${plural(r.findings, 'finding')} (${r.bySeverity.high} high) on ${plural(r.daysAffected, 'day')}` +
                    // Rules judged per person (notifications, legal access, consular) name no cell.
                    (r.worstCells.length > 0
                      ? `; worst cells ${r.worstCells.map((c) => `${c.cell} ${c.findings}`).join(', ')}`
                      : '');
            io.out(
              `  ${r.id.padEnd(22)} ${status}${r.notEvaluable > 0 && r.evaluated > 0 ? `; ${r.notEvaluable} not evaluable` : ''}\n      ${r.requirement} (${r.source})\n`,
            );
          }
        });
      },
    );
  program
    .command('release')
    .description('release a person from custody: closes the custody interval and vacates the cell')
    .argument('<person>', 'person id, or ref with --agreement')
    .requiredOption('--reason <reason>', `one of: ${RELEASE_REASONS.join(', ')}`)
    .option('--agreement <id>', 'agreement id or code, when <person> is a ref, e.g. cecot-2025')
    .option('--at <instant>', 'when custody ended, ISO 8601; default now')
    .option('--note <text>', 'what happened')
    .option('--json', 'machine output')
    .action(
      async (
        person: string,
        opts: { reason: string; agreement?: string; at?: string; note?: string; json?: boolean },
        cmd: Command,
      ) =>
        withContext(cmd.optsWithGlobals(), async (ctx) => {
          const personId = await personIdOf(ctx, person, opts.agreement);
          const released = await releasePerson(ctx, cliActor(), personId, {
            reason: opts.reason,
            ...(opts.at ? { at: opts.at } : {}),
            ...(opts.note ? { note: opts.note } : {}),
          });
          if (opts.json) return json(io, released);
          io.out(
            `Released ${person} (${released.reason}) at ${released.at}; the custody interval is closed.\n`,
          );
        }),
    );
  program
    .command('headcount')
    .description('record a headcount at a facility; a discrepancy is reported as an incident')
    .requiredOption('--facility <id>', 'facility id or code, e.g. SV-CECOT')
    .requiredOption('--counted <n>', `the number of people counted, 0 to ${HEADCOUNT_MAX}`)
    .option('--json', 'machine output')
    .action(async (opts: { facility: string; counted: string; json?: boolean }, cmd: Command) => {
      const counted = intOption(opts.counted, '--counted', 0, HEADCOUNT_MAX) ?? 0;
      await withContext(cmd.optsWithGlobals(), async (ctx) => {
        const result = await recordHeadcount(ctx, cliActor(), opts.facility, { counted });
        if (opts.json) return json(io, result);
        io.out(
          result.incidentId
            ? `Headcount ${result.counted}, expected ${result.expected}: a discrepancy, reported as incident ${result.incidentId}.\n`
            : `Headcount ${result.counted}, as expected.\n`,
        );
      });
    });
  program
    .command('incidents')
    .description("a facility's incidents, newest first")
    .requiredOption('--facility <id>', 'facility id or code, e.g. SV-CECOT')
    .option('--status <s>', `one of: ${INCIDENT_STATUSES.join(', ')}`)
    .option('--json', 'machine output')
    .action(async (opts: { facility: string; status?: string; json?: boolean }, cmd: Command) => {
      if (opts.status && !(INCIDENT_STATUSES as readonly string[]).includes(opts.status)) {
        throw new DomainError('invalid_input', 'incident.status_option', {
          value: opts.status,
          statuses: INCIDENT_STATUSES,
        });
      }
      await withContext(cmd.optsWithGlobals(), async (ctx) => {
        const result = await facilityIncidents(
          ctx,
          cliActor(),
          opts.facility,
          opts.status as IncidentStatus | undefined,
        );
        if (opts.json) return json(io, result);
        for (const i of result.incidents) {
          io.out(
            `${i.id}  ${i.occurred_at.toISOString()}  ${i.kind.padEnd(22)} ${i.status.padEnd(12)} ${i.person_ref ?? ''} ${i.cell_code ?? ''}  ${i.description}\n`,
          );
        }
        if (result.incidents.length === 0) io.out(`No incidents at ${result.facility}.\n`);
      });
    });
  program
    .command('occupancy')
    .description('occupancy by day between two dates, and the 90-day forecast')
    .requiredOption('--facility <id>', 'facility id or code, e.g. SV-CECOT')
    .requiredOption('--from <date>', 'first day, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last day, YYYY-MM-DD')
    .option('--json', 'machine output')
    .action(async (opts: { facility: string; from: string; to: string; json?: boolean }, cmd: Command) => {
      for (const [name, value] of [
        ['--from', opts.from],
        ['--to', opts.to],
      ] as const) {
        if (!isIsoDate(value)) throw new DomainError('invalid_input', 'cli.not_a_date', { name, value });
      }
      await withContext(cmd.optsWithGlobals(), async (ctx) => {
        const result = await facilityOccupancy(ctx, cliActor(), opts.facility, opts.from, opts.to);
        if (opts.json) return json(io, result);
        const c = result.capacity;
        io.out(
          `${result.facility}: official capacity ${c.operationalCapacity}, bunks ${c.bunks}, working capacity ${c.workingCapacity}\n`,
        );
        for (const p of result.history)
          io.out(`  ${p.date}  transferees ${p.transferees}  local ${p.local}  total ${p.total}\n`);
        const last = result.forecast.at(-1);
        if (last) {
          const arrivals = result.forecast.reduce((n, p) => n + p.arrivals, 0);
          const releases = result.forecast.reduce((n, p) => n + p.releases, 0);
          io.out(
            `Forecast to ${last.date}: ${arrivals} arriving, ${releases} released, ${last.transferees} transferees (${last.total} in all).\n`,
          );
        }
      });
    });
}

/** `1 day`, `2 days`: a count with its noun. */
function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** A person by id, or by ref under an agreement (also used by the isolation and consular commands). */
export async function personIdOf(
  ctx: AppContext,
  person: string,
  agreement: string | undefined,
): Promise<string> {
  if (/^[0-9a-f-]{36}$/.test(person)) return person;
  if (!agreement) throw new DomainError('invalid_input', 'custody.person_not_id', { person });
  const agreementId = await resolveAgreementId(ctx.handle.db, agreement);
  if (!agreementId) throw new DomainError('not_found', 'custody.agreement_not_found', { agreement });
  const state = (await statesByRef(ctx.handle.db, agreementId, [person])).get(person);
  if (!state) throw new DomainError('not_found', 'custody.person_ref_not_found', { ref: person, agreement });
  return state.personId;
}
