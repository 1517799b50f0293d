import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { cliActor, cliLang, type Io, intOption, json, withContext } from '../cli-support.js';
import { loadConfig } from '../config.js';
import { DomainError } from '../core/errors.js';
import { translate } from '../core/messages/index.js';
import { createProgress } from '../core/progress.js';
import { withWriteTransaction } from '../db/database.js';
import { checkGivenCheckpoints, verdictText } from './checkpoint-check.js';
import { toHex } from './encoding.js';
import { hasKeyFile, KEY_FILE, loadOrCreateSigner, verifierKeyOf } from './key.js';
import { rotateSigningKey } from './key-rotation.js';
import { exportLeaves, proveConsistency, proveInclusion, signCheckpoint, treeHead } from './ledger.js';
import { ledgerProofsCommand } from './proofs-cli.js';
import { InvalidEventPayloadError } from './registry.js';
import { latestCheckpoint } from './store.js';
import { compareTables, replayInto, scratchDatabase, verifyLedger } from './verify.js';
import { addWitness } from './witness-service.js';
import { listWitnesses, newestWitnessedSize, witnessAnswers } from './witness-store.js';
import { outcomeText, witnessNewestCheckpoint } from './witnessing.js';

/** `custodia ledger …`: keys, checkpoints, export, proofs, verify and replay. */
export function ledgerCommands(program: Command, io: Io, setExit: (code: number) => void): void {
  const ledger = program
    .command('ledger')
    .description('the verifiable ledger: checkpoints, proofs, verify, replay');
  ledgerProofsCommand(ledger, io);

  const key = ledger
    .command('key')
    .description('print the checkpoint verifier key: origin+hex(keyid)+base64(0x01||pubkey)')
    .action(async (_o, cmd: Command) => {
      // The key file alone, no database: it works while `custodia serve` holds the embedded database
      // (a witness's operator asks for it then), and the served /api/v1/public/verifier-key is the same.
      const { dataDir } = loadConfig(process.env, { data: cmd.optsWithGlobals<{ data?: string }>().data });
      requireKeyFile(dataDir);
      io.out(`${verifierKeyOf(loadOrCreateSigner(dataDir, '').signer)}\n`);
    });
  key
    .command('rotate')
    .description(
      'replace the checkpoint key: records the new verifier key in the ledger, signed by the old key and the new',
    )
    .action(async (_o, cmd: Command) =>
      withContext(cmd.optsWithGlobals(), async (ctx) => {
        const result = await rotateSigningKey(ctx, cliActor());
        io.out(`${translate(cliLang(cmd), 'ledger.key_rotated', result)}\n`);
      }),
    );

  ledger
    .command('checkpoint')
    .description('print the current signed checkpoint (a C2SP signed note), signing one if the tree grew')
    .action(async (_o, cmd: Command) =>
      withContext(
        cmd.optsWithGlobals(),
        async (ctx) => {
          const head = await treeHead(ctx.handle.db);
          const latest = await latestCheckpoint(ctx.handle.db);
          if (latest && latest.size === head.size) return void io.out(latest.note);
          // Signing for a grown tree needs the real key; an empty ledger has no key to sign with yet.
          requireKeyFile(ctx.config.dataDir);
          const cp = await withWriteTransaction(ctx.handle, (tx) =>
            signCheckpoint(tx, ctx.signer, ctx.clock.now()),
          );
          io.out(cp.note);
        },
        { readOnly: true },
      ),
    );

  ledger
    .command('export')
    .description('print entries as NDJSON {"index":N,"leaf":"…"}; leaf hash = SHA-256(0x00 || UTF-8 leaf)')
    .option('--from <n>', 'first index (inclusive)', '0')
    .option('--to <m>', 'last index (exclusive); default the current size')
    .action(async (opts: { from: string; to?: string }, cmd: Command) =>
      withContext(
        cmd.optsWithGlobals(),
        async (ctx) => {
          const from = intOption(opts.from, '--from') ?? 0;
          const to = intOption(opts.to, '--to');
          for await (const entry of exportLeaves(ctx.handle.db, from, to))
            await io.write(`${JSON.stringify(entry)}\n`);
        },
        { readOnly: true },
      ),
    );

  const proof = ledger.command('proof').description('RFC 9162 inclusion and consistency proofs');
  proof
    .command('inclusion')
    .description('prove that entry --index is in the tree of --size (default: current size)')
    .requiredOption('--index <n>', 'the entry index')
    .option('--size <m>', 'the tree size; default the current size')
    .option('--json', 'machine output')
    .action(async (opts: { index: string; size?: string; json?: boolean }, cmd: Command) =>
      withContext(
        cmd.optsWithGlobals(),
        async (ctx) => {
          const p = await proveInclusion(
            ctx.handle.db,
            intOption(opts.index, '--index') ?? 0,
            intOption(opts.size, '--size', 1),
          );
          const out = {
            index: p.index,
            size: p.size,
            leafHash: toHex(p.leafHash),
            proof: p.proof.map(toHex),
            root: toHex(p.root),
          };
          if (opts.json) return json(io, out);
          io.out(
            `Entry ${out.index} in tree of size ${out.size}\nleaf hash ${out.leafHash}\nroot      ${out.root}\n`,
          );
          for (const [i, h] of out.proof.entries()) io.out(`proof[${i}] ${h}\n`);
        },
        { readOnly: true },
      ),
    );
  proof
    .command('consistency')
    .description('prove that the tree of size --from is a prefix of the tree of size --to')
    .requiredOption('--from <m>', 'the older tree size')
    .requiredOption('--to <n>', 'the newer tree size')
    .option('--json', 'machine output')
    .action(async (opts: { from: string; to: string; json?: boolean }, cmd: Command) =>
      withContext(
        cmd.optsWithGlobals(),
        async (ctx) => {
          const p = await proveConsistency(
            ctx.handle.db,
            intOption(opts.from, '--from') ?? 0,
            intOption(opts.to, '--to') ?? 0,
          );
          const out = {
            from: p.from,
            to: p.to,
            proof: p.proof.map(toHex),
            fromRoot: toHex(p.fromRoot),
            toRoot: toHex(p.toRoot),
          };
          if (opts.json) return json(io, out);
          io.out(`Tree ${out.from} → ${out.to}\nfrom root ${out.fromRoot}\nto root   ${out.toRoot}\n`);
          for (const [i, h] of out.proof.entries()) io.out(`proof[${i}] ${h}\n`);
        },
        { readOnly: true },
      ),
    );

  ledger
    .command('verify')
    .description('recompute every hash, check every checkpoint, and compare the read tables with a replay')
    .option('--json', 'machine output')
    .option(
      '--checkpoint <file>',
      'also check the ledger against a checkpoint saved earlier (repeatable): rolled back, forked or consistent',
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .action(async (opts: { json?: boolean; checkpoint: string[] }, cmd: Command) =>
      withContext(
        cmd.optsWithGlobals(),
        async (ctx) => {
          const lang = cliLang(cmd);
          const given = opts.checkpoint.map((path) => ({ path, note: readCheckpointFile(path) }));
          const checks = await checkGivenCheckpoints(ctx.handle.db, ctx.signer, given);
          const progress = createProgress({ label: 'Verifying the ledger' });
          const report = await verifyLedger(ctx.handle.db, {
            signer: ctx.signer,
            events: ctx.events,
            onProgress: (done, total) => {
              void total;
              progress.update(done);
            },
          });
          progress.finish();
          const failed = checks.filter((c) => c.verdict.status !== 'consistent');
          if (opts.json) {
            json(io, { ...report, ok: report.ok && failed.length === 0, checkpoints: checks });
          } else {
            for (const c of checks) {
              if (c.verdict.status === 'consistent') io.out(`${verdictText(lang, c.path, c.verdict)}\n`);
            }
            if (failed.length > 0) {
              // The stored log may hash perfectly and still be an older or rewritten copy: say that first.
              io.err(
                `${translate(lang, 'ledger.checkpoints_failed', { count: failed.length })}\n` +
                  failed.map((c) => `  - ${verdictText(lang, c.path, c.verdict)}\n`).join(''),
              );
            }
            if (report.ok && failed.length > 0) {
              // Never "OK" beside a failed checkpoint: the copy is whole in itself, and still not the log.
              io.err(
                `On its own the ledger is consistent (${report.size} entries, ${report.checkpointsChecked} ` +
                  'checkpoints verified), but it is not the log the checkpoints above were signed for.\n',
              );
            } else if (report.ok) {
              io.out(
                `Ledger OK: ${report.size} entries, ${report.checkpointsChecked} checkpoints verified, ` +
                  `${report.replay?.rows ?? 0} read-table rows match a replay.\n`,
              );
            } else {
              io.err(
                `Ledger verification FAILED${report.firstBadIndex !== null ? ` at index ${report.firstBadIndex}` : ''}:\n` +
                  report.problems.map((p) => `  - ${p}\n`).join(''),
              );
            }
          }
          if (!report.ok || failed.length > 0) setExit(1);
        },
        { readOnly: true },
      ),
    );

  witnessingCommands(ledger, io, setExit);

  ledger
    .command('replay')
    .description(
      'rebuild the read tables from the ledger into a scratch database and compare them with the live ones',
    )
    .option('--json', 'machine output')
    .action(async (opts: { json?: boolean }, cmd: Command) =>
      withContext(
        cmd.optsWithGlobals(),
        async (ctx) => {
          const scratch = await scratchDatabase();
          try {
            const progress = createProgress({ label: 'Replaying the ledger' });
            let size: number;
            try {
              size = await replayInto(ctx.handle.db, scratch, ctx.events, (done) => progress.update(done));
            } catch (error) {
              if (!(error instanceof InvalidEventPayloadError)) throw error;
              progress.finish();
              io.err(`Ledger replay FAILED: ${error.message}\n`);
              setExit(1);
              return;
            }
            progress.finish();
            const result = await compareTables(ctx.handle.db, scratch.db, ctx.events.tables);
            if (opts.json) json(io, { entries: size, ...result, ok: result.mismatches.length === 0 });
            else if (result.mismatches.length === 0) {
              io.out(
                `Replayed ${size} entries into a scratch database: ${result.tables} read tables, ${result.rows} rows, identical.\n`,
              );
            } else {
              io.err(
                `Replay differs from the live read tables:\n${result.mismatches.map((m) => `  - ${m}\n`).join('')}`,
              );
            }
            if (result.mismatches.length > 0) setExit(1);
          } finally {
            await scratch.close();
          }
        },
        { readOnly: true },
      ),
    );
}

/** `custodia ledger witnesses add|list` and `custodia ledger witness`: the log's side of witnessing. */
function witnessingCommands(ledger: Command, io: Io, setExit: (code: number) => void): void {
  const witnesses = ledger
    .command('witnesses')
    .description('the witnesses this log submits its checkpoints to (C2SP tlog-witness)');
  witnesses
    .command('add')
    .description('add a witness: its submission URL and its cosigner verifier key (`custodia witness key`)')
    .requiredOption('--url <url>', 'the submission prefix; checkpoints go to <url>/add-checkpoint')
    .requiredOption(
      '--key <vkey>',
      "the witness's cosigner verifier key: name+hex(keyid)+base64(0x04||pubkey)",
    )
    .action(async (opts: { url: string; key: string }, cmd: Command) =>
      withContext(cmd.optsWithGlobals(), async (ctx) => {
        const added = await addWitness(ctx, cliActor(), opts);
        io.out(`${translate(cliLang(cmd), 'witness.added', added)}\n`);
      }),
    );
  witnesses
    .command('list')
    .description('the configured witnesses, what each answered last, and the newest witnessed size')
    .option('--json', 'machine output')
    .action(async (opts: { json?: boolean }, cmd: Command) =>
      withContext(
        cmd.optsWithGlobals(),
        async (ctx) => {
          const db = ctx.handle.db;
          const answers = await witnessAnswers(db);
          const list = (await listWitnesses(db)).map((w) => {
            const a = answers.get(w.name);
            return {
              name: w.name,
              url: w.url,
              verifierKey: w.verifierKey,
              lastOutcome: a?.outcome ?? null,
              lastDetail: a?.detail ?? null,
              knownSize: a?.known_size ?? null,
            };
          });
          const quorum = ctx.config.witnessQuorum ?? 1;
          const witnessedSize = await newestWitnessedSize(db, quorum);
          if (opts.json) return json(io, { witnesses: list, quorum, witnessedSize });
          if (list.length === 0)
            return void io.out(`${translate(cliLang(cmd), 'witness.none_configured', {})}\n`);
          for (const w of list)
            io.out(`${w.name}  ${w.url}  ${w.lastOutcome ?? '-'}  ${w.knownSize ?? '-'}\n`);
          io.out(
            `${translate(cliLang(cmd), 'witness.list_summary', { count: list.length, quorum, witnessedSize: witnessedSize ?? '-' })}\n`,
          );
        },
        { readOnly: true },
      ),
    );
  ledger
    .command('witness')
    .description(
      'submit the newest checkpoint to every configured witness now and print the cosigned note; exit 1 if a witness refused it',
    )
    .option('--json', 'machine output')
    .action(async (opts: { json?: boolean }, cmd: Command) =>
      withContext(
        cmd.optsWithGlobals(),
        async (ctx) => {
          const lang = cliLang(cmd);
          if ((await listWitnesses(ctx.handle.db)).length === 0) {
            throw new DomainError('not_found', 'witness.none_configured', {});
          }
          const { checkpoint, outcomes, note } = await witnessNewestCheckpoint(ctx);
          const refused = outcomes.filter((o) => o.outcome !== 'cosigned');
          if (opts.json) {
            json(io, { size: checkpoint.size, note, outcomes, ok: refused.length === 0 });
          } else {
            io.out(note);
            // The note goes to stdout, to be saved or piped; what each witness did goes to stderr.
            for (const o of outcomes) io.err(`${outcomeText(lang, o)}\n`);
            if (refused.length > 0) {
              io.err(
                `${translate(lang, 'witness.refused_summary', { names: refused.map((o) => o.witness).join(', ') })}\n`,
              );
            }
          }
          if (refused.length > 0) setExit(1);
        },
        // Submitting reads the ledger and writes only the witnesses' answers; it signs nothing.
        { readOnly: true },
      ),
    );
}

function requireKeyFile(dataDir: string): void {
  if (!hasKeyFile(dataDir))
    throw new DomainError('environment', 'ledger.no_key', { path: join(dataDir, KEY_FILE) });
}

function readCheckpointFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code =
      error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : null;
    throw new DomainError('invalid_input', 'ledger.checkpoint_file', {
      path,
      reason: code ?? (error instanceof Error ? error.message : String(error)),
    });
  }
}
