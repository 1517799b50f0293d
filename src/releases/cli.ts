import type { Command } from 'commander';
import { cliActor, type Io, intOption, json, withContext } from '../cli-support.js';
import type { AppContext } from '../context.js';
import { DomainError } from '../core/errors.js';
import { personIdOf } from '../custody/cli.js';
import type { Calculation, ReleaseResult } from './contract.js';
import { MAX_DUE_DAYS, personReleaseDate, releasesDue } from './service.js';

/** A person by id, by ref under `--agreement`, or by a ref only one agreement uses. */
export async function personOf(
  ctx: AppContext,
  person: string,
  agreement: string | undefined,
): Promise<string> {
  if (agreement || /^[0-9a-f-]{36}$/.test(person)) return personIdOf(ctx, person, agreement);
  const rows = await ctx.handle.db
    .selectFrom('people')
    .select('id')
    .where('ref', '=', person)
    .limit(2)
    .execute();
  const only = rows.length === 1 ? rows[0] : undefined;
  if (!only) throw new DomainError('invalid_input', 'custody.person_not_id', { person });
  return only.id;
}

/** A release result in words: the date, life (no date), or none. */
export function resultText(result: ReleaseResult): string {
  if (result.kind === 'date') return result.date;
  if (result.kind === 'life') return 'life: no release date';
  return 'none: no final sentence';
}

function calculationLines(c: Calculation): string {
  const head = `${resultText(c.result)}  (${c.reason}, ${c.calculatedAt} by ${c.calculatedBy}; inputs ${c.inputsHash.slice(0, 12)})\n`;
  const override = c.override
    ? `  override by ${c.override.role}: ${c.override.reason}${c.override.courtOrder ? ` — order ${c.override.courtOrder.reference}, ${c.override.courtOrder.court}, ${c.override.courtOrder.date}` : ''}; computed ${resultText(c.computed)}\n`
    : '';
  const lines = c.breakdown.map(
    (l) =>
      `  ${l.governing ? '*' : ' '} ${l.convictionId.padEnd(10)} start ${(l.start ?? 'never').padEnd(11)} term ${l.days === null ? 'life' : `${l.days} d`}  credits ${l.creditDays} d${l.consecutiveTo ? `  after ${l.consecutiveTo}` : ''}${l.final ? '' : '  (not final: not counted)'}  → ${resultText(l.release)}\n`,
  );
  return head + override + lines.join('');
}

/** `custodia release-date show` and `custodia releases due`. */
export function releaseCommands(program: Command, io: Io): void {
  program
    .command('release-date')
    .description("release dates: each person's date with its breakdown and earlier calculations")
    .command('show')
    .description("a person's release date, its breakdown per sentence, and the earlier calculations")
    .argument('<person>', 'person ref (or id); give --agreement when two agreements use the ref')
    .option('--agreement <id>', 'agreement id or code, e.g. cecot-2025')
    .option('--json', 'machine output')
    .action(async (person: string, opts: { agreement?: string; json?: boolean }, cmd: Command) =>
      withContext(cmd.optsWithGlobals(), async (ctx) => {
        const view = await personReleaseDate(ctx, cliActor(), await personOf(ctx, person, opts.agreement));
        if (opts.json) return json(io, view);
        io.out(`${view.ref}  ${view.name}\n`);
        if (!view.current) {
          io.out('No release date calculated: one is calculated when the person enters custody.\n');
          return;
        }
        io.out(`Release date: ${calculationLines(view.current)}`);
        for (const e of view.explanations) {
          io.out(
            `Detention explained by order ${e.courtOrder.reference}, ${e.courtOrder.court}, ${e.courtOrder.date}\n`,
          );
        }
        if (view.earlier.length > 0) io.out('Earlier calculations:\n');
        for (const c of view.earlier) io.out(`- ${calculationLines(c)}`);
      }),
    );
  program
    .command('releases')
    .description('releases due: people held whose release date is near, or past')
    .command('due')
    .description('people held whose release falls in the next days (default 90), and those held past it')
    .option('--facility <code>', 'facility id or code, e.g. SV-CECOT; default every facility')
    .option('--days <n>', 'how many days ahead, default 90')
    .option('--on <date>', 'the day to look from, YYYY-MM-DD; default today')
    .option('--json', 'machine output')
    .action(async (opts: { facility?: string; days?: string; on?: string; json?: boolean }, cmd: Command) =>
      withContext(cmd.optsWithGlobals(), async (ctx) => {
        const days = intOption(opts.days, '--days', 0, MAX_DUE_DAYS);
        const due = await releasesDue(ctx, cliActor(), {
          ...(opts.facility ? { facility: opts.facility } : {}),
          ...(days !== undefined ? { days } : {}),
          ...(opts.on ? { on: opts.on } : {}),
        });
        if (opts.json) return json(io, due);
        for (const r of due.items) {
          const when =
            r.status === 'due'
              ? `due in ${r.days} d`
              : r.status === 'overdue'
                ? `OVERDUE by ${r.days} d`
                : `past by ${r.days} d, explained by order ${r.courtOrder?.reference ?? ''}`;
          io.out(`${r.releaseDate}  ${r.ref.padEnd(16)} ${r.name.padEnd(32)} ${r.facility}  ${when}\n`);
        }
        if (due.items.length === 0) io.out(`No releases due in the ${due.days} days from ${due.on}.\n`);
      }),
    );
}
