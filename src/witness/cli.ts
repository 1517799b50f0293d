import { resolve } from 'node:path';
import type { Command } from 'commander';
import { cliLang, type Io, intOption } from '../cli-support.js';
import { loadConfig } from '../config.js';
import { systemClock } from '../core/clock.js';
import { DomainError } from '../core/errors.js';
import { translate } from '../core/messages/index.js';
import { buildWitnessApp } from './server.js';
import { cosignerVerifierKey, followLog, loadOrCreateCosigner, readFollowedLogs } from './state.js';

/**
 * `custodia witness …`: run a C2SP tlog-witness for other logs (another state's installation, or a
 * monitor's). The witness keeps its key and state in the data directory and needs no database.
 */
export function witnessCommands(program: Command, io: Io): void {
  const witness = program
    .command('witness')
    .description('be a witness for other logs: cosign their checkpoints (C2SP tlog-witness)');

  witness
    .command('key')
    .description(
      "print this witness's cosigner verifier key, name+hex(keyid)+base64(0x04||pubkey), creating the key on first use",
    )
    .option(
      '--name <name>',
      'the key name when the key is created; default custodia.local/<data dir>/witness',
    )
    .action((opts: { name?: string }, cmd: Command) => {
      const cosigner = loadOrCreateCosigner(dataDir(cmd), opts.name);
      io.out(`${cosignerVerifierKey(cosigner)}\n`);
    });

  witness
    .command('follow')
    .description(
      "cosign a log's checkpoints: its origin and its checkpoint verifier key (`custodia ledger key`)",
    )
    .requiredOption('--origin <origin>', "the log's origin, the first line of its checkpoints")
    .requiredOption('--key <vkey>', "the log's verifier key")
    .action((opts: { origin: string; key: string }, cmd: Command) => {
      const log = followLog(dataDir(cmd), opts.origin, opts.key);
      io.out(`${translate(cliLang(cmd), 'witness.followed', { origin: log.origin })}\n`);
    });

  witness
    .command('serve')
    .description('answer POST /add-checkpoint for the logs this witness follows')
    .option('--port <port>', 'TCP port', '8090')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .action(async (opts: { port: string; host: string }, cmd: Command) => {
      const port = intOption(opts.port, '--port', 0) ?? 8090;
      const dir = dataDir(cmd);
      const cosigner = loadOrCreateCosigner(dir);
      const app = buildWitnessApp({ dataDir: dir, cosigner, clock: systemClock });
      const closed = new Promise<void>((done) => {
        const stop = () => void app.close().then(done);
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
      const address = app.server.address();
      const bound = typeof address === 'object' && address ? address.port : port;
      io.err(
        `${translate(cliLang(cmd), 'witness.serving', {
          url: `http://${opts.host}:${bound}`,
          key: cosignerVerifierKey(cosigner),
          logs: readFollowedLogs(dir).length,
        })}\n`,
      );
      await closed;
    });
}

function dataDir(cmd: Command): string {
  const options = cmd.optsWithGlobals<{ data?: string }>();
  return resolve(loadConfig(process.env, { data: options.data }).dataDir);
}
