import type { Command } from 'commander';
import { cliActor, cliLang, type Io, intOption, json, withContext } from '../cli-support.js';
import type { Lang } from '../core/i18n.js';
import { translate } from '../core/messages/index.js';
import type { LocatorAnswer } from './model.js';
import { locate, lookups } from './service.js';

/** `2025-03-14T16:00:00-06:00` as `2025-03-14 16:00 (UTC-06:00)`: the facility's clock, and its offset. */
function wallTime(instant: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(instant);
  if (!m) return instant;
  return `${m[1]} ${m[2]} (UTC${m[3] === 'Z' ? '' : m[3]})`;
}

/** The answer as text in `lang`: the status and since when, the facility and its address; or the contact. */
export function answerText(answer: LocatorAnswer, lang: Lang): string {
  if (!answer.match) return `${answer.contact}\n`;
  const lines = [
    translate(lang, 'locator.found_status', {
      status: answer.status,
      since: answer.since ? wallTime(answer.since) : null,
    }),
  ];
  if (answer.facility) lines.push(translate(lang, 'locator.found_facility', answer.facility));
  return `${lines.join('\n')}\n`;
}

/** `custodia locate` (the public locator, recorded as the operator's lookup) and `custodia locator lookups`. */
export function locatorCommands(program: Command, io: Io): void {
  program
    .command('locate')
    .description(
      'find a person in custody, exactly as the public locator does: by --a-number, or by --name and --birth-date; always --birth-country',
    )
    .option('--a-number <number>', 'the A-number, e.g. A123456789')
    .option(
      '--name <name>',
      'the full name; the maternal surname may be left out, e.g. "José Luis Hernández"',
    )
    .option('--birth-country <code>', 'the country of birth, e.g. SV')
    .option('--birth-date <date>', 'the birth date, YYYY-MM-DD (with --name)')
    .option('--json', 'the public API\'s JSON: {"match":true,"status",…} or {"match":false,"contact"}')
    .action(
      async (
        opts: { aNumber?: string; name?: string; birthCountry?: string; birthDate?: string; json?: boolean },
        cmd: Command,
      ) => {
        const lang = cliLang(cmd);
        await withContext(cmd.optsWithGlobals(), async (ctx) => {
          const answer = await locate(
            ctx,
            {
              aNumber: opts.aNumber,
              name: opts.name,
              birthCountry: opts.birthCountry,
              birthDate: opts.birthDate,
            },
            lang,
            { actor: cliActor(), channel: 'cli' },
          );
          if (opts.json) return json(io, answer);
          io.out(answerText(answer, lang));
        });
      },
    );
  program
    .command('locator')
    .description('the public locator')
    .command('lookups')
    .description('the recorded lookups, newest first: who, whom they found (nothing for a miss), when')
    .option('--limit <n>', 'at most this many (default 200)')
    .option('--json', 'machine output: {"lookups":[…]}')
    .action(async (opts: { limit?: string; json?: boolean }, cmd: Command) =>
      withContext(cmd.optsWithGlobals(), async (ctx) => {
        const rows = await lookups(ctx, cliActor(), intOption(opts.limit, '--limit', 1, 1000));
        if (opts.json) return json(io, { lookups: rows });
        if (rows.length === 0) return io.out('No lookups recorded.\n');
        for (const r of rows) {
          const whom = r.personId ? (r.ref ?? r.personId) : 'no match';
          io.out(`${r.at.toISOString()}  ${r.actor} (${r.role})  ${r.form}  ${r.channel}  ${whom}\n`);
        }
      }),
    );
}
