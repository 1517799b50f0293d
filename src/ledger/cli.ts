import type { Command } from 'commander';
import { type Io, intOption, json, withContext } from '../cli-support.js';
import { createProgress } from '../core/progress.js';
import { withWriteTransaction } from '../db/database.js';
import { toHex } from './encoding.js';
import { verifierKeyOf } from './key.js';
import { exportLeaves, proveConsistency, proveInclusion, signCheckpoint, treeHead } from './ledger.js';
import { InvalidEventPayloadError } from './registry.js';
import { latestCheckpoint } from './store.js';
import { compareTables, replayInto, scratchDatabase, verifyLedger } from './verify.js';

/** `custodia ledger …`: keys, checkpoints, export, proofs, verify and replay. */
export function ledgerCommands(program: Command, io: Io, setExit: (code: number) => void): void {
  const ledger = program
    .command('ledger')
    .description('the verifiable ledger: checkpoints, proofs, verify, replay');

  ledger
    .command('key')
    .description('print the checkpoint verifier key: origin+hex(keyid)+base64(0x01||pubkey)')
    .action(async (_o, cmd: Command) =>
      withContext(cmd.optsWithGlobals(), async (ctx) => io.out(`${verifierKeyOf(ctx.signer)}\n`)),
    );

  ledger
    .command('checkpoint')
    .description('print the current signed checkpoint (a C2SP signed note), signing one if the tree grew')
    .action(async (_o, cmd: Command) =>
      withContext(cmd.optsWithGlobals(), async (ctx) => {
        const head = await treeHead(ctx.handle.db);
        const latest = await latestCheckpoint(ctx.handle.db);
        const cp =
          latest && latest.size === head.size
            ? latest
            : await withWriteTransaction(ctx.handle, (tx) => signCheckpoint(tx, ctx.signer, ctx.clock.now()));
        io.out(cp.note);
      }),
    );

  ledger
    .command('export')
    .description('print entries as NDJSON {"index":N,"leaf":"…"}; leaf hash = SHA-256(0x00 || UTF-8 leaf)')
    .option('--from <n>', 'first index (inclusive)', '0')
    .option('--to <m>', 'last index (exclusive); default the current size')
    .action(async (opts: { from: string; to?: string }, cmd: Command) =>
      withContext(cmd.optsWithGlobals(), async (ctx) => {
        const from = intOption(opts.from, '--from') ?? 0;
        const to = intOption(opts.to, '--to');
        for await (const entry of exportLeaves(ctx.handle.db, from, to))
          await io.write(`${JSON.stringify(entry)}\n`);
      }),
    );

  const proof = ledger.command('proof').description('RFC 9162 inclusion and consistency proofs');
  proof
    .command('inclusion')
    .description('prove that entry --index is in the tree of --size (default: current size)')
    .requiredOption('--index <n>', 'the entry index')
    .option('--size <m>', 'the tree size; default the current size')
    .option('--json', 'machine output')
    .action(async (opts: { index: string; size?: string; json?: boolean }, cmd: Command) =>
      withContext(cmd.optsWithGlobals(), async (ctx) => {
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
      }),
    );
  proof
    .command('consistency')
    .description('prove that the tree of size --from is a prefix of the tree of size --to')
    .requiredOption('--from <m>', 'the older tree size')
    .requiredOption('--to <n>', 'the newer tree size')
    .option('--json', 'machine output')
    .action(async (opts: { from: string; to: string; json?: boolean }, cmd: Command) =>
      withContext(cmd.optsWithGlobals(), async (ctx) => {
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
      }),
    );

  ledger
    .command('verify')
    .description('recompute every hash, check every checkpoint, and compare the read tables with a replay')
    .option('--json', 'machine output')
    .action(async (opts: { json?: boolean }, cmd: Command) =>
      withContext(cmd.optsWithGlobals(), async (ctx) => {
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
        if (opts.json) json(io, report);
        else if (report.ok) {
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
        if (!report.ok) setExit(1);
      }),
    );

  ledger
    .command('replay')
    .description(
      'rebuild the read tables from the ledger into a scratch database and compare them with the live ones',
    )
    .option('--json', 'machine output')
    .action(async (opts: { json?: boolean }, cmd: Command) =>
      withContext(cmd.optsWithGlobals(), async (ctx) => {
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
      }),
    );
}
