import type { Command } from 'commander';
import { cliActor, cliLang, type Io, intOption, json, readFileChunks, withContext } from '../cli-support.js';
import { createProgress } from '../core/progress.js';
import { detectFormat, formatPersonNdjson, importEncoding, parsePeople } from './import-format.js';
import { fullName } from './model.js';
import { exportPeople, type ImportReport, importPeople, listPeople } from './service.js';

function printReport(io: Io, report: ImportReport): void {
  for (const row of report.rejected) {
    for (const issue of row.issues) {
      io.err(`line ${row.line}${row.ref ? ` (${row.ref})` : ''}: ${issue.field}: ${issue.message}\n`);
    }
  }
  if (report.rejectedCount > report.rejected.length) {
    io.err(`… and ${report.rejectedCount - report.rejected.length} more bad rows.\n`);
  }
  const stored = report.rolledBack
    ? 'nothing stored (--all-or-nothing)'
    : `${report.registered} registered, ${report.revised} revised, ${report.unchanged} unchanged`;
  io.out(
    `${report.rows} rows read: ${stored}; ${report.rejectedCount} rejected. Ledger size ${report.ledgerSize}.\n`,
  );
}

/** `custodia import people` and `custodia people …`. */
export function peopleCommands(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('import')
    .description('import records from a file')
    .command('people')
    .description('import people from NDJSON (.ndjson, .jsonl) or CSV (.csv); exit 1 when any row was bad')
    .argument('<file>', 'the file to import')
    .requiredOption('--agreement <id>', 'agreement id or code, e.g. cecot-2025')
    .option('--all-or-nothing', 'store nothing if any row is bad')
    .option(
      '--encoding <name>',
      'utf8 (default: bytes that are not UTF-8 are a bad row naming line and field) or latin1 (Latin-1/Windows-1252, e.g. an older Excel CSV)',
    )
    .option('--json', 'machine output')
    .action(
      async (
        file: string,
        opts: { agreement: string; allOrNothing?: boolean; encoding?: string; json?: boolean },
        cmd: Command,
      ) =>
        withContext(cmd.optsWithGlobals(), async (ctx) => {
          const format = detectFormat(file);
          const reading = { encoding: importEncoding(opts.encoding), lang: cliLang(cmd) };
          let progress: ReturnType<typeof createProgress> | undefined;
          const input = readFileChunks(file, (n) => progress?.update(n));
          progress = createProgress({ label: `Importing ${file} (bytes)`, total: input.size });
          const stream = input.chunks;
          const report = await importPeople(
            ctx,
            cliActor(),
            opts.agreement,
            parsePeople(stream, format, reading),
            {
              allOrNothing: opts.allOrNothing ?? false,
            },
          );
          progress.finish();
          if (opts.json) json(io, report);
          else printReport(io, report);
          if (report.rejectedCount > 0) setExit(1);
        }),
    );

  const people = program.command('people').description('the people of an agreement');
  people
    .command('list')
    .description('list or search people')
    .requiredOption('--agreement <id>', 'agreement id or code')
    .option('--search <q>', 'words to find in ref, names, aliases or identifiers')
    .option('--limit <n>', 'rows per page (1–500)', '50')
    .option('--cursor <c>', 'the nextCursor of a previous page')
    .option('--json', 'machine output')
    .action(
      async (
        opts: { agreement: string; search?: string; limit: string; cursor?: string; json?: boolean },
        cmd: Command,
      ) =>
        withContext(cmd.optsWithGlobals(), async (ctx) => {
          const page = await listPeople(ctx, cliActor(), {
            agreement: opts.agreement,
            limit: intOption(opts.limit, '--limit', 1, 500) ?? 50,
            ...(opts.search ? { search: opts.search } : {}),
            ...(opts.cursor ? { cursor: opts.cursor } : {}),
          });
          if (opts.json) return json(io, page);
          for (const p of page.items) {
            const name = fullName(p.names);
            io.out(
              `${p.ref.padEnd(18)} ${name.padEnd(40)} ${p.nationalities.join(',').padEnd(6)} ${p.legalStatus}\n`,
            );
          }
          io.out(
            `${page.items.length} shown${page.nextCursor ? `; next page: --cursor ${page.nextCursor}` : ''}\n`,
          );
        }),
    );
  people
    .command('export')
    .description('print every person as NDJSON in the import format')
    .requiredOption('--agreement <id>', 'agreement id or code')
    .action(async (opts: { agreement: string }, cmd: Command) =>
      withContext(cmd.optsWithGlobals(), async (ctx) => {
        for await (const record of exportPeople(ctx, cliActor(), opts.agreement))
          await io.write(`${formatPersonNdjson(record)}\n`);
      }),
    );
}
