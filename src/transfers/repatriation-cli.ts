import type { Command } from 'commander';
import { actorFor } from '../auth/service.js';
import { findUserByName, partiesOfUser } from '../auth/store.js';
import { type Io, json, withContext } from '../cli-support.js';
import type { AppContext } from '../context.js';
import { DomainError, notFound } from '../core/errors.js';
import { personIdOf } from '../custody/cli.js';
import { openInterval } from '../custody/store.js';
import type { Actor } from '../ledger/events.js';
import { fullName } from '../people/model.js';
import { findPerson } from '../people/store.js';
import { refusal } from './decision-support.js';
import { startRepatriation } from './return-service.js';

/**
 * `custodia repatriate <person>`: starts the repatriation of a person in custody at the end of their
 * sentence (decision 0023), as `POST /api/v1/transfers/{id}/repatriation` does: a new transfer, ordered,
 * to a country of their nationality, which then moves on a repatriation manifest. The transfer it starts
 * from is the one that brought the person into their open custody interval, so an officer names the
 * person rather than a transfer id. The step is a receiving officer's, never the operator's (the policy
 * gives the CLI operator no step of a transfer), so `--as` names the user who takes it and the ledger
 * records them.
 */
export function repatriationCommands(program: Command, io: Io): void {
  program
    .command('repatriate')
    .description(
      'start the repatriation of a person in custody to a country of their nationality (end of sentence)',
    )
    .argument('<person>', 'person id, or ref with --agreement')
    .requiredOption('--as <user>', 'the user who takes the step, with a role that may (receiving officer)')
    .option('--agreement <id>', 'agreement id or code, when <person> is a ref, e.g. cecot-2025')
    .option('--country <cc>', 'ISO 3166 alpha-2 country of nationality; default: their only nationality')
    .option('--json', 'machine output')
    .action(
      async (
        person: string,
        opts: { as: string; agreement?: string; country?: string; json?: boolean },
        cmd: Command,
      ) =>
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
          const actor = await namedUser(ctx, opts.as);
          const started = await startRepatriation(ctx, actor, interval.transfer_id, country);
          if (opts.json) return json(io, started);
          io.out(
            `Repatriation of ${name} to ${country} ordered: transfer ${started.transferId} (from ${interval.transfer_id}).\n` +
              `It moves on a repatriation manifest to ${country}; custody and billing stop at its departure.\n`,
          );
        }),
    );
}

/** The actor of an enabled user named on the command line, with the parties they act for. */
async function namedUser(ctx: AppContext, name: string): Promise<Actor> {
  const user = await findUserByName(ctx.handle.db, name);
  if (!user) throw new DomainError('not_found', 'auth.user_not_found', { name });
  if (user.disabled_at) throw new DomainError('forbidden', 'transfer.acting_user_disabled', { name });
  return actorFor({ ...user, parties: await partiesOfUser(ctx.handle.db, user.id) });
}
