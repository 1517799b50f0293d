import type { Command } from 'commander';
import { cliActor, type Io, json, withContext } from '../cli-support.js';
import { DomainError } from '../core/errors.js';
import { personIdOf } from './cli.js';
import { CONSULAR_OUTCOMES } from './consular.js';
import { ISOLATION_LIGHTING } from './isolation.js';
import {
  endIsolation,
  facilityIsolation,
  personIsolation,
  recordConsular,
  startIsolation,
} from './isolation-service.js';

/** `custodia isolation start|end|list` and `custodia consular record`. */
export function isolationCommands(program: Command, io: Io): void {
  const isolation = program
    .command('isolation')
    .description(
      'isolation placements: who is held in an isolation or punishment cell, why, and for how long',
    );
  isolation
    .command('start')
    .description('start an isolation placement (receiving custody); it stays open until ended')
    .argument('<person>', 'person id, or ref with --agreement')
    .requiredOption('--facility <id>', 'facility id or code, e.g. SV-CECOT')
    .requiredOption('--cell <code>', "the cell's code, e.g. M1-C01")
    .requiredOption('--reason <text>', 'why the person is isolated')
    .requiredOption('--authorised-by <name>', 'the official who authorised it, by name and post')
    .requiredOption('--lighting <l>', `the cell's lighting: one of ${ISOLATION_LIGHTING.join(', ')}`)
    .option('--agreement <id>', 'agreement id or code, when <person> is a ref, e.g. cecot-2025')
    .option('--at <instant>', 'when it started, ISO 8601; default now')
    .option('--json', 'machine output')
    .action(
      async (
        person: string,
        opts: {
          facility: string;
          cell: string;
          reason: string;
          authorisedBy: string;
          lighting: string;
          agreement?: string;
          at?: string;
          json?: boolean;
        },
        cmd: Command,
      ) =>
        withContext(cmd.optsWithGlobals(), async (ctx) => {
          const personId = await personIdOf(ctx, person, opts.agreement);
          const started = await startIsolation(ctx, cliActor(), opts.facility, {
            personId,
            cell: opts.cell,
            reason: opts.reason,
            authorisedBy: opts.authorisedBy,
            lighting: opts.lighting,
            ...(opts.at ? { startedAt: opts.at } : {}),
          });
          if (opts.json) return json(io, started);
          io.out(
            `Isolation placement ${started.placementId}: ${person} in ${started.cell} since ${started.startedAt} (${started.lighting}), authorised by ${started.authorisedBy}.\n`,
          );
        }),
    );
  isolation
    .command('end')
    .description('end an open isolation placement')
    .argument('<placement>', 'the placement id')
    .option('--at <instant>', 'when it ended, ISO 8601; default now')
    .option('--note <text>', 'what happened')
    .option('--json', 'machine output')
    .action(async (placement: string, opts: { at?: string; note?: string; json?: boolean }, cmd: Command) =>
      withContext(cmd.optsWithGlobals(), async (ctx) => {
        const ended = await endIsolation(ctx, cliActor(), placement, {
          ...(opts.at ? { endedAt: opts.at } : {}),
          ...(opts.note ? { note: opts.note } : {}),
        });
        if (opts.json) return json(io, ended);
        io.out(`Isolation placement ${ended.placementId} ended at ${ended.endedAt}.\n`);
      }),
    );
  isolation
    .command('list')
    .description("a facility's isolation placements, or a person's, newest first")
    .option('--facility <id>', 'facility id or code, e.g. SV-CECOT')
    .option('--person <person>', 'person id, or ref with --agreement')
    .option('--agreement <id>', 'agreement id or code, when --person is a ref')
    .option('--open', 'only the placements still open')
    .option('--json', 'machine output')
    .action(
      async (
        opts: { facility?: string; person?: string; agreement?: string; open?: boolean; json?: boolean },
        cmd: Command,
      ) =>
        withContext(cmd.optsWithGlobals(), async (ctx) => {
          if (!opts.person && !opts.facility)
            throw new DomainError('invalid_input', 'isolation.list_whose', {});
          const result = opts.person
            ? await personIsolation(ctx, cliActor(), await personIdOf(ctx, opts.person, opts.agreement))
            : await facilityIsolation(ctx, cliActor(), opts.facility ?? '', { open: opts.open === true });
          const placements = opts.open
            ? result.placements.filter((p) => p.endedAt === null)
            : result.placements;
          if (opts.json) return json(io, { ...result, placements });
          for (const p of placements) {
            io.out(
              `${p.id}  ${p.personRef.padEnd(12)} ${p.facility} ${p.cell.padEnd(8)} ${p.startedAt} → ${p.endedAt ?? 'open'}  ${p.lighting.padEnd(8)} ${p.authorisedBy}: ${p.reason}\n`,
            );
          }
          if (placements.length === 0) io.out('No isolation placements.\n');
        }),
    );
  program
    .command('consular')
    .description("consular notification: a foreign national's consulate told after intake (VCCR Art. 36)")
    .command('record')
    .description("record that the person's consulate was notified, or that they objected")
    .argument('<person>', 'person id, or ref with --agreement')
    .requiredOption('--outcome <o>', `one of: ${CONSULAR_OUTCOMES.join(', ')}`)
    .option('--consulate <name>', 'the consulate notified, e.g. "Consulate of Venezuela in San Salvador"')
    .option('--agreement <id>', 'agreement id or code, when <person> is a ref, e.g. cecot-2025')
    .option('--at <instant>', 'when, ISO 8601; default now')
    .option('--note <text>', 'how, by whom')
    .option('--json', 'machine output')
    .action(
      async (
        person: string,
        opts: {
          outcome: string;
          consulate?: string;
          agreement?: string;
          at?: string;
          note?: string;
          json?: boolean;
        },
        cmd: Command,
      ) =>
        withContext(cmd.optsWithGlobals(), async (ctx) => {
          const personId = await personIdOf(ctx, person, opts.agreement);
          const recorded = await recordConsular(ctx, cliActor(), personId, {
            outcome: opts.outcome,
            ...(opts.consulate ? { consulate: opts.consulate } : {}),
            ...(opts.at ? { at: opts.at } : {}),
            ...(opts.note ? { note: opts.note } : {}),
          });
          if (opts.json) return json(io, recorded);
          io.out(
            recorded.outcome === 'notified'
              ? `Consular notification of ${person}: ${recorded.consulate} notified at ${recorded.outcomeAt} (due ${recorded.dueAt}).\n`
              : `Consular notification of ${person}: the person objected at ${recorded.outcomeAt}; the consulate is not told.\n`,
          );
        }),
    );
}
