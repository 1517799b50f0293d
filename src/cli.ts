import { existsSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { demoUsersPath, scenarioCommands } from '../scenarios/cli.js';
import { authCommands } from './auth/cli.js';
import { backupCommands } from './backup/cli.js';
import { startBackupEndpoint } from './backup/endpoint.js';
import { billingCommands } from './billing/cli.js';
import { cliLang, type Io, intOption, processIo, withContext } from './cli-support.js';
import { DomainError } from './core/errors.js';
import { isLang, type Lang } from './core/i18n.js';
import { findTextFaults, textFaultsError } from './core/text.js';
import { custodyCommands } from './custody/cli.js';
import { screeningCommands } from './eligibility/cli.js';
import { facilityCommands } from './facilities/cli.js';
import { hearingCommands } from './hearings/cli.js';
import { ledgerCommands } from './ledger/cli.js';
import { witnessLoop } from './ledger/witness-loop.js';
import { locatorCommands } from './locator/cli.js';
import { partyCommands } from './parties/cli.js';
import { peopleCommands } from './people/cli.js';
import { releaseCommands } from './releases/cli.js';
import { openRequestLog, requestLogPath } from './request-log.js';
import { buildApp } from './server.js';
import { statisticsCommands } from './statistics/cli.js';
import { transferCommands } from './transfers/cli.js';
import { visitCommands } from './visits/cli.js';
import { witnessCommands } from './witness/cli.js';

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
    .hook('preAction', (_program, action) => {
      cliLang(action);
      refuseFaultyText(action, cliLang(action));
    })
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });

  program
    .command('serve')
    .description('serve the API and the web UI')
    .option('--port <port>', 'TCP port', '8080')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option(
      '--log <where>',
      'request log: "file" (DATA/logs/requests.ndjson; the terminal shows warnings and errors) or "stdout" (JSON lines, for a process manager); env CUSTODIA_LOG; default file',
    )
    .action(async (opts: { port: string; host: string }, cmd: Command) => {
      const port = intOption(opts.port, '--port', 0) ?? 8080;
      await withContext(cmd.optsWithGlobals(), async (ctx) => {
        const requestLog =
          ctx.config.log === 'file' ? openRequestLog(requestLogPath(ctx.config.dataDir), io.err) : null;
        const { app } = await buildApp(ctx, { logger: requestLog ? { stream: requestLog } : true });
        // After each commit, the new checkpoint goes to the witnesses in the background (decision 0025).
        const witnesses = witnessLoop(ctx, (message) => app.log.warn(message));
        ctx.afterCommit = () => witnesses.notify();
        witnesses.notify();
        // Writes that sign outside a use case (imports, key rotation) and witnesses that were down are
        // caught up by a round every five minutes; a fresh cosignature also shows the log is still alive.
        const resubmit = setInterval(() => witnesses.notify(), 5 * 60_000);
        resubmit.unref();
        // `custodia backup` on this data directory asks this process for the snapshot (src/backup/endpoint.ts).
        const backupEndpoint = ctx.handle.engine === 'pglite' ? await startBackupEndpoint(ctx) : null;
        const closed = new Promise<void>((resolve) => {
          const stop = () => {
            clearInterval(resubmit);
            app.log.info('shutting down');
            if (requestLog) io.err('Stopping Custodia.\n');
            void app
              .close()
              .then(() => witnesses.idle())
              .then(() => backupEndpoint?.close())
              .then(() => requestLog?.close())
              .then(resolve);
          };
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        try {
          await app.listen({ port, host: opts.host });
        } catch (error) {
          await backupEndpoint?.close();
          await requestLog?.close();
          throw new DomainError('environment', 'cli.cannot_listen', {
            host: opts.host,
            port,
            reason: error instanceof Error ? error.message : String(error),
          });
        }
        io.err(
          startupMessage({
            url: `http://${opts.host === '0.0.0.0' ? 'localhost' : opts.host}:${port}`,
            database:
              ctx.handle.engine === 'pglite'
                ? `the embedded database in ${ctx.handle.location}`
                : ctx.reads.replica
                  ? `${ctx.handle.location} (the locator, search, statistics and reports from the replica ${ctx.reads.replica})`
                  : ctx.handle.location,
            requestLog: requestLog ? requestLogPath(ctx.config.dataDir) : null,
            demoUsers: existsSync(demoUsersPath(ctx.config.dataDir))
              ? demoUsersPath(ctx.config.dataDir)
              : null,
          }),
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
  releaseCommands(program, io);
  billingCommands(program, io);
  authCommands(program, io);
  ledgerCommands(program, io, setExit);
  partyCommands(program, io);
  locatorCommands(program, io);
  statisticsCommands(program, io);
  visitCommands(program, io);
  hearingCommands(program, io, setExit);
  backupCommands(program, io, setExit);
  witnessCommands(program, io);
  return program;
}

/**
 * Refuses, before any command runs, an argument or option holding a NUL or half of a UTF-16 surrogate
 * pair (src/core/text.ts), naming it as typed (`--search`, `<file>`): the CLI's side of the one boundary
 * every route passes (src/text-boundary.ts). Files a command reads are checked by their own readers.
 */
function refuseFaultyText(action: Command, lang: Lang): void {
  const faults = [
    ...action.registeredArguments.flatMap((arg, i) => findTextFaults(action.args[i], `<${arg.name()}>`)),
    ...Object.entries(action.optsWithGlobals()).flatMap(([name, value]) =>
      findTextFaults(value, `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`),
    ),
  ];
  if (faults.length > 0) throw textFaultsError(faults, lang);
}

/**
 * What `custodia serve` tells the person who started it: where to open it, what it serves, and where the
 * request log and the demo users' passwords are (the request log no longer scrolls them off the terminal).
 */
export function startupMessage(p: {
  url: string;
  database: string;
  requestLog: string | null;
  demoUsers: string | null;
}): string {
  return [
    `Custodia is serving ${p.database} at ${p.url} (API docs at /api/docs).`,
    `  Open ${p.url} in a browser to sign in.`,
    ...(p.demoUsers ? [`  Demo users and their one-time passwords: ${p.demoUsers}`] : []),
    p.requestLog
      ? `  Request log: ${p.requestLog} (warnings and errors also appear here; --log stdout prints every request).`
      : '  Request log: stdout, one JSON line per request.',
    '  Press Ctrl+C to stop.',
    '',
  ].join('\n');
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
