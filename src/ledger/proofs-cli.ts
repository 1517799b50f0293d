import type { Command } from 'commander';
import { cliActor, cliLang, type Io, json, withContext } from '../cli-support.js';
import { translate } from '../core/messages/index.js';
import { personOf } from '../releases/cli.js';
import { personProofs } from './person-proofs.js';

/** `custodia ledger proofs --person REF`: every entry about a person, with its inclusion proof. */
export function ledgerProofsCommand(ledger: Command, io: Io): void {
  ledger
    .command('proofs')
    .description(
      'every ledger entry about a person, each with its inclusion proof against the newest witnessed checkpoint (or the newest signed one, said so, when none is witnessed)',
    )
    .requiredOption(
      '--person <person>',
      'person ref (or id); give --agreement when two agreements use the ref',
    )
    .option('--agreement <id>', 'agreement id or code, when --person is a ref, e.g. cecot-2025')
    .option('--json', 'machine output: the checkpoint note, and each entry with its proof')
    .action(async (opts: { person: string; agreement?: string; json?: boolean }, cmd: Command) =>
      withContext(
        cmd.optsWithGlobals(),
        async (ctx) => {
          const personId = await personOf(ctx, opts.person, opts.agreement);
          const result = await personProofs(ctx, cliActor(), personId);
          if (opts.json) return json(io, result);
          const lang = cliLang(cmd);
          const { checkpoint } = result;
          const key = checkpoint.witnessed
            ? 'ledger.person_proofs_witnessed'
            : 'ledger.person_proofs_unwitnessed';
          io.out(
            `${translate(lang, key, { count: result.entries.length, size: checkpoint.size, quorum: checkpoint.quorum })}\n`,
          );
          for (const e of result.entries) {
            const proof = e.proof ? `${e.proof.length}` : '-';
            io.out(
              `${String(e.index).padStart(8)}  ${e.recordedAt}  ${e.type.padEnd(32)} ${e.leafHash}  ${proof}\n`,
            );
          }
          io.out(`\n${checkpoint.note}`);
        },
        { readOnly: true },
      ),
    );
}
