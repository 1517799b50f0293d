import type { Command } from 'commander';
import { cliActor, type Io, json, withContext } from '../cli-support.js';
import { notFound } from '../core/errors.js';
import { personIdOf } from '../custody/cli.js';
import { openInterval } from '../custody/store.js';
import { fullName } from '../people/model.js';
import { findPerson } from '../people/store.js';
import { refusal } from './decision-support.js';
import { startRepatriation } from './return-service.js';

/**
 * `custodia repatriate <person>`: starts the repatriation of a person in custody at the end of their
 * sentence (decision 0023), as `POST /api/v1/transfers/{id}/repatriation` does: a new transfer, ordered,
 * to a country of their nationality, which then moves on a repatriation manifest. The transfer it starts
 * from is the one that brought the person into their open custody interval, so an officer names the
 * person rather than a transfer id.
 */
export function repatriationCommands(program: Command, io: Io): void {
  program
    .command('repatriate')
    .description(
      'start the repatriation of a person in custody to a country of their nationality (end of sentence)',
    )
    .argument('<person>', 'person id, or ref with --agreement')
    .option('--agreement <id>', 'agreement id or code, when <person> is a ref, e.g. cecot-2025')
    .option('--country <cc>', 'ISO 3166 alpha-2 country of nationality; default: their only nationality')
    .option('--json', 'machine output')
    .action(
      async (person: string, opts: { agreement?: string; country?: string; json?: boolean }, cmd: Command) =>
        withContext(cmd.optsWithGlobals(), async (ctx) => {
          const personId = await personIdOf(ctx, person, opts.agreement);
          const record = await findPerson(ctx.handle.db, personId);
          if (!record) throw notFound('person', personId);
          const name = `${record.ref} (${fullName(record.names)})`;
          const interval = await openInterval(ctx.handle.db, personId);
          if (!interval) {
            throw refusal(
              'transfer.leaving_not_in_custody',
              { person: name },
              { rule: 'leaving-from-custody', personId },
            );
          }
          // With several nationalities the officer chooses; the refusal lists them.
          const only = record.nationalities.length === 1 ? record.nationalities[0] : undefined;
          const country = (opts.country ?? only ?? '').trim().toUpperCase();
          const started = await startRepatriation(ctx, cliActor(), interval.transfer_id, country);
          if (opts.json) return json(io, started);
          io.out(
            `Repatriation of ${name} to ${country} ordered: transfer ${started.transferId} (from ${interval.transfer_id}).\n` +
              `It moves on a repatriation manifest to ${country}; custody and billing stop at its departure.\n`,
          );
        }),
    );
}
