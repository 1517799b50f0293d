import type { Command } from 'commander';
import { cliActor, type Io, json, withContext } from '../cli-support.js';
import { isIsoDate } from '../core/dates.js';
import { DomainError } from '../core/errors.js';
import { PARTY_KINDS, type PartyKind, type Representation } from './model.js';
import {
  confirmRepresentation,
  endRepresentation,
  type PersonName,
  parties,
  recordRepresentation,
  registerParty,
  representationsOf,
  sealPerson,
} from './service.js';

function checkDate(name: string, value: string | undefined): void {
  if (value !== undefined && !isIsoDate(value))
    throw new DomainError('invalid_input', 'cli.not_a_date', { name, value });
}

function checkKind(value: string): PartyKind {
  const kind = PARTY_KINDS.find((k) => k === value);
  if (!kind) {
    throw new DomainError('invalid_input', 'party.kind_unknown', { kind: value, kinds: [...PARTY_KINDS] });
  }
  return kind;
}

/** A person named by id, or by ref with --agreement. */
function personName(person: string, agreement: string | undefined): PersonName {
  if (/^[0-9a-f-]{36}$/i.test(person)) return { personId: person };
  if (!agreement) throw new DomainError('invalid_input', 'custody.person_not_id', { person });
  return { ref: person, agreement };
}

function representationLine(r: Representation): string {
  const state = r.confirmedAt ? 'in force' : 'notice of appearance, awaiting confirmation';
  return `${r.id}  ${r.from} to ${r.to ?? '(no end)'}  ${state}  (${r.source})\n`;
}

/** `custodia party …` and `custodia representation …`: who users act for, and whom a law office represents. */
export function partyCommands(program: Command, io: Io): void {
  const party = program
    .command('party')
    .description('parties: the agency, court, law office, monitor or family a user acts for');
  party
    .command('add')
    .description('register a party')
    .argument('<code>', 'its short unique code; a court by the code its holds carry, e.g. "D.D.C."')
    .requiredOption('--kind <kind>', `one of: ${PARTY_KINDS.join(', ')}`)
    .option('--name <name>', 'its full name (default: the code)')
    .option('--person <person>', 'a family contact: the person id, or ref with --agreement')
    .option('--agreement <id>', 'agreement id or code, when --person is a ref')
    .option('--json', 'machine output')
    .action(
      async (
        code: string,
        opts: { kind: string; name?: string; person?: string; agreement?: string; json?: boolean },
        cmd: Command,
      ) => {
        const kind = checkKind(opts.kind);
        await withContext(cmd.optsWithGlobals(), async (ctx) => {
          const added = await registerParty(ctx, cliActor(), {
            kind,
            code,
            ...(opts.name !== undefined ? { name: opts.name } : {}),
            ...(opts.person ? { person: personName(opts.person, opts.agreement) } : {}),
          });
          if (opts.json) return json(io, added);
          io.out(`Registered ${added.code} (${added.kind}): ${added.name}.\n`);
        });
      },
    );
  party
    .command('list')
    .description('list the parties, by kind')
    .option('--kind <kind>', `only one kind: ${PARTY_KINDS.join(', ')}`)
    .option('--json', 'machine output')
    .action(async (opts: { kind?: string; json?: boolean }, cmd: Command) => {
      const kind = opts.kind ? checkKind(opts.kind) : undefined;
      await withContext(
        cmd.optsWithGlobals(),
        async (ctx) => {
          const list = await parties(ctx, cliActor(), kind);
          if (opts.json) return json(io, list);
          if (list.length === 0) io.out('No parties are registered.\n');
          for (const p of list) io.out(`${p.kind.padEnd(17)} ${p.code.padEnd(24)} ${p.name}\n`);
        },
        { readOnly: true },
      );
    });

  program
    .command('person')
    .description("a person's record: sealing it by a court's order")
    .command('seal')
    .description(
      "seal a person's record by a court's order: hidden from monitors and the locator, still counted",
    )
    .argument('<ref>', 'the person: id, or ref with --agreement')
    .option('--agreement <id>', 'agreement id or code, when the person is a ref, e.g. cecot-2025')
    .requiredOption('--court <code>', "the court's code, as its holds carry it, e.g. D.D.C.")
    .requiredOption('--order <ref>', "the order's reference")
    .option('--on <date>', 'the day the order sealed the record, YYYY-MM-DD (default: today)')
    .option('--json', 'machine output')
    .action(
      async (
        ref: string,
        opts: { agreement?: string; court: string; order: string; on?: string; json?: boolean },
        cmd: Command,
      ) => {
        checkDate('--on', opts.on);
        await withContext(cmd.optsWithGlobals(), async (ctx) => {
          const sealed = await sealPerson(ctx, cliActor(), {
            person: personName(ref, opts.agreement),
            court: opts.court,
            order: opts.order,
            ...(opts.on ? { on: opts.on } : {}),
          });
          if (opts.json) return json(io, sealed);
          io.out(
            `Sealed ${ref} (${sealed.personId}) by ${sealed.court} order ${sealed.order} on ${sealed.on}.\n`,
          );
        });
      },
    );

  const representation = program
    .command('representation')
    .description('representation records: which law office represents which person');
  representation
    .command('add')
    .description('record that a law office represents a person (in force at once)')
    .requiredOption('--person <person>', 'person id, or ref with --agreement')
    .option('--agreement <id>', 'agreement id or code, when --person is a ref, e.g. cecot-2025')
    .requiredOption('--office <party>', 'the law office, by its party code')
    .option('--from <date>', 'first day, YYYY-MM-DD (default: today)')
    .option('--to <date>', 'last day, YYYY-MM-DD (default: no end)')
    .option('--json', 'machine output')
    .action(
      async (
        opts: {
          person: string;
          agreement?: string;
          office: string;
          from?: string;
          to?: string;
          json?: boolean;
        },
        cmd: Command,
      ) => {
        checkDate('--from', opts.from);
        checkDate('--to', opts.to);
        await withContext(cmd.optsWithGlobals(), async (ctx) => {
          const from = opts.from ?? ctx.clock.now().toISOString().slice(0, 10);
          const rep = await recordRepresentation(ctx, cliActor(), {
            person: personName(opts.person, opts.agreement),
            office: opts.office,
            from,
            to: opts.to ?? null,
            source: 'recorded',
          });
          if (opts.json) return json(io, rep);
          io.out(
            `${opts.office} represents ${opts.person} from ${rep.from}${rep.to ? ` to ${rep.to}` : ''}.\n`,
          );
          io.out(representationLine(rep));
        });
      },
    );
  representation
    .command('list')
    .description("a person's representations, oldest first")
    .requiredOption('--person <person>', 'person id, or ref with --agreement')
    .option('--agreement <id>', 'agreement id or code, when --person is a ref')
    .option('--json', 'machine output')
    .action(async (opts: { person: string; agreement?: string; json?: boolean }, cmd: Command) =>
      withContext(
        cmd.optsWithGlobals(),
        async (ctx) => {
          const list = await representationsOf(ctx, cliActor(), personName(opts.person, opts.agreement));
          if (opts.json) return json(io, list);
          if (list.length === 0) io.out(`Nobody is recorded as representing ${opts.person}.\n`);
          for (const r of list) io.out(representationLine(r));
        },
        { readOnly: true },
      ),
    );
  representation
    .command('end')
    .description('end a representation on a day')
    .argument('<id>', 'the representation id (see representation list)')
    .requiredOption('--on <date>', 'its last day, YYYY-MM-DD')
    .option('--json', 'machine output')
    .action(async (id: string, opts: { on: string; json?: boolean }, cmd: Command) => {
      checkDate('--on', opts.on);
      await withContext(cmd.optsWithGlobals(), async (ctx) => {
        const rep = await endRepresentation(ctx, cliActor(), id, opts.on);
        if (opts.json) return json(io, rep);
        io.out(representationLine(rep));
      });
    });
  representation
    .command('confirm')
    .description("confirm counsel's notice of appearance: the office then represents the person")
    .argument('<id>', 'the representation id')
    .option('--json', 'machine output')
    .action(async (id: string, opts: { json?: boolean }, cmd: Command) =>
      withContext(cmd.optsWithGlobals(), async (ctx) => {
        const rep = await confirmRepresentation(ctx, cliActor(), id);
        if (opts.json) return json(io, rep);
        io.out(representationLine(rep));
      }),
    );
}
