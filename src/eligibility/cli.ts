import type { Command } from 'commander';
import { cliActor, cliLang, type Io, readFileChunks, withContext } from '../cli-support.js';
import { DomainError, type FieldIssue } from '../core/errors.js';
import { createProgress } from '../core/progress.js';
import { detectFormat, type ParsedRow, parsePeople } from '../people/import-format.js';
import type { PersonRecord } from '../people/model.js';
import { toResult } from './engine.js';
import { policyFor, screenRecords, storedRecords } from './service.js';

interface ScreenOptions {
  agreement: string;
  asOf: string;
  ref?: string;
  all?: boolean;
  json?: boolean;
}

/** The good records of a parsed file; bad rows are reported on stderr as they pass. */
async function* goodRecords(
  rows: AsyncIterable<ParsedRow>,
  onBad: (line: number, issues: FieldIssue[]) => void,
) {
  for await (const row of rows) {
    if (row.ok) yield row.record;
    else onBad(row.line, row.issues);
  }
}

/** `custodia screen`: the what-if tool over a file, or a report over stored people. Nothing is stored. */
export function screeningCommands(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('screen')
    .description(
      'screen people against the agreement policy in force on a date, explaining every rule; stores nothing',
    )
    .argument(
      '[file]',
      'an NDJSON or CSV file of people (what-if); omit to screen stored people with --ref or --all',
    )
    .requiredOption('--agreement <id>', 'agreement id or code, e.g. cecot-2025')
    .requiredOption('--as-of <date>', 'the planned transfer date, YYYY-MM-DD')
    .option('--ref <ref>', 'screen one stored person')
    .option('--all', 'screen every stored person of the agreement')
    .option('--json', 'machine output: {"policy","asOf","results":[…]}')
    .action(async (file: string | undefined, opts: ScreenOptions, cmd: Command) => {
      const lang = cliLang(cmd);
      const sources = [file !== undefined, opts.ref !== undefined, opts.all === true].filter(Boolean).length;
      if (sources !== 1) {
        throw new DomainError('invalid_input', 'screening.one_source', {});
      }
      await withContext(cmd.optsWithGlobals(), async (ctx) => {
        const { agreementId, policy } = await policyFor(ctx, opts.agreement, opts.asOf);
        let bad = 0;
        let records: AsyncIterable<PersonRecord>;
        let progress: ReturnType<typeof createProgress> | undefined;
        if (file !== undefined) {
          const format = detectFormat(file);
          const input = readFileChunks(file, (n) => progress?.update(n));
          progress = createProgress({ label: `Screening ${file} (bytes)`, total: input.size });
          records = goodRecords(parsePeople(input.chunks, format, { lang }), (line, issues) => {
            bad++;
            for (const issue of issues) io.err(`line ${line}: ${issue.field}: ${issue.message}\n`);
          });
        } else {
          records = storedRecords(
            ctx,
            cliActor(),
            agreementId,
            opts.ref !== undefined ? { ref: opts.ref } : { all: true },
          );
        }
        const counts = { eligible: 0, pending: 0, ineligible: 0 };
        if (opts.json)
          io.out(
            `{"policy":${JSON.stringify(policy.policyId)},"asOf":${JSON.stringify(opts.asOf)},"results":[`,
          );
        let first = true;
        // Results are written as they are made, so 1.5 million people screen in flat memory.
        for await (const s of screenRecords(records, policy, opts.asOf)) {
          counts[s.outcome]++;
          if (opts.json) {
            await io.write(`${first ? '' : ','}${JSON.stringify(toResult(s, lang))}`);
            first = false;
            continue;
          }
          io.out(`${s.ref}: ${s.outcome.toUpperCase()}\n`);
          for (const r of s.rules) {
            if (r.result === 'pass' && s.outcome !== 'eligible') continue;
            io.out(`  ${r.result.padEnd(7)} ${r.id}: ${r.reason[lang]} [${r.source}]\n`);
          }
        }
        progress?.finish();
        if (opts.json) io.out(']}\n');
        else {
          io.out(
            `${policy.policyId} as of ${opts.asOf}: ${counts.eligible} eligible, ${counts.pending} pending, ` +
              `${counts.ineligible} ineligible${bad > 0 ? `; ${bad} bad rows skipped` : ''}.\n`,
          );
        }
        if (bad > 0) setExit(1);
      });
    });
}
