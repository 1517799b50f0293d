import { Command, CommanderError } from 'commander';
import { scenarioCommands } from '../scenarios/cli.js';
import { authCommands } from './auth/cli.js';
import { billingCommands } from './billing/cli.js';
import { cliLang, type Io, intOption, processIo, withContext } from './cli-support.js';
import { DomainError } from './core/errors.js';
import { isLang } from './core/i18n.js';
import { custodyCommands } from './custody/cli.js';
import { screeningCommands } from './eligibility/cli.js';
import { facilityCommands } from './facilities/cli.js';
import { ledgerCommands } from './ledger/cli.js';
import { peopleCommands } from './people/cli.js';
import { buildApp } from './server.js';
import { transferCommands } from './transfers/cli.js';

/** Exit codes (ARCHITECTURE.md): 0 success, 1 rule refusal or invalid input, 2 usage, 3 environment. */
export const EXIT = { ok: 0, refused: 1, usage: 2, environment: 3 } as const;

/** Builds the `custodia` command tree. */
export function buildCli(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('custodia')
    .description('Custodia: administers a cross-border custody agreement, with a verifiable ledger.')
    .option(
      '--data <dir>',
      'data directory (embedded database, checkpoint key); env CUSTODIA_DATA; default ./data',
    )
    .option('--lang <lang>', 'language of messages, refusals and explanations: en or es', 'en')
    .hook('preAction', (_program, action) => void cliLang(action))
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });

  program
    .command('serve')
    .description('serve the API and the web UI')
    .option('--port <port>', 'TCP port', '8080')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .action(async (opts: { port: string; host: string }, cmd: Command) => {
      const port = intOption(opts.port, '--port', 0) ?? 8080;
      await withContext(cmd.optsWithGlobals(), async (ctx) => {
        const { app } = await buildApp(ctx, { logger: true });
        const closed = new Promise<void>((resolve) => {
          const stop = () => {
            app.log.info('shutting down');
            void app.close().then(resolve);
          };
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        try {
          await app.listen({ port, host: opts.host });
        } catch (error) {
          throw new DomainError('environment', 'cli.cannot_listen', {
            host: opts.host,
            port,
            reason: error instanceof Error ? error.message : String(error),
          });
        }
        io.err(
          `Custodia is serving ${ctx.handle.engine === 'pglite' ? `the embedded database in ${ctx.handle.location}` : ctx.handle.location} ` +
            `at http://${opts.host === '0.0.0.0' ? 'localhost' : opts.host}:${port} (API docs at /api/docs).\n`,
        );
        await closed;
      });
    });

  scenarioCommands(program, io);
  peopleCommands(program, io, setExit);
  screeningCommands(program, io, setExit);
  facilityCommands(program, io);
  transferCommands(program, io);
  custodyCommands(program, io, setExit);
  billingCommands(program, io);
  authCommands(program, io);
  ledgerCommands(program, io, setExit);
  return program;
}

/** Runs the CLI and returns the exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildCli(io, (c) => {
    code = Math.max(code, c);
  });
  try {
    await program.parseAsync(argv);
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; everything else commander reports is a usage error.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof DomainError) {
      const requested = program.opts<{ lang?: string }>().lang;
      io.err(`custodia: ${error.localized(isLang(requested) ? requested : 'en')}\n`);
      for (const issue of error.issues)
        io.err(`  ${issue.line ? `line ${issue.line}: ` : ''}${issue.field}: ${issue.message}\n`);
      return error.exitCode;
    }
    io.err(`custodia: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT.environment;
  }
}
