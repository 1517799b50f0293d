import type { Command } from 'commander';
import { cliActor, type Io, json, withContext } from '../cli-support.js';
import { DomainError } from '../core/errors.js';
import { personIdOf } from '../custody/cli.js';
import { NOT_HELD_REASONS, REFUSAL_REASONS, VISIT_KINDS, VISIT_STATES, type VisitState } from './model.js';
import {
  cancelVisit,
  facilityVisits,
  personVisits,
  type presentVisit,
  recordVisitOutcome,
  refuseVisit,
  requestVisit,
  scheduleVisit,
} from './service.js';

type View = ReturnType<typeof presentVisit>;

/** One visit on one line: id, person, kind, state, and the slot or the reason. */
function line(v: View): string {
  const detail =
    v.status === 'requested'
      ? `window ${v.windowFrom} → ${v.windowTo}, due ${v.dueAt}`
      : v.status === 'scheduled' || v.status === 'held'
        ? `${v.room} ${v.startsAt} → ${v.endsAt}`
        : `${v.reasonCode ?? ''} ${v.reason ?? ''}`.trim();
  return `${v.id}  ${v.personRef.padEnd(16)} ${v.facility} ${v.kind.padEnd(9)} ${v.status.padEnd(10)} ${detail}\n`;
}

/** Prints a visit after a step, or its JSON. */
function done(io: Io, v: View, asJson: boolean | undefined): void {
  if (asJson) json(io, v);
  else io.out(line(v));
}

/** `custodia visit request|schedule|refuse|outcome|cancel|list`: legal visits (Mandela Rule 61). */
export function visitCommands(program: Command, io: Io): void {
  const visit = program
    .command('visit')
    .description('legal visits and calls: requested by counsel, scheduled or refused by receiving custody');
  visit
    .command('request')
    .description('request a legal visit or call with a client in custody, in a preferred window')
    .argument('<person>', 'person id, or ref with --agreement')
    .requiredOption('--kind <k>', `one of: ${VISIT_KINDS.join(', ')}`)
    .requiredOption('--from <instant>', 'the preferred window from, ISO 8601')
    .requiredOption('--to <instant>', 'the preferred window to, ISO 8601')
    .option('--office <party>', 'the law office asking (party code or id)')
    .option('--agreement <id>', 'agreement id or code, when <person> is a ref, e.g. cecot-2025')
    .option('--note <text>', 'what the visit is for')
    .option('--json', 'machine output')
    .action(
      async (
        person: string,
        opts: {
          kind: string;
          from: string;
          to: string;
          office?: string;
          agreement?: string;
          note?: string;
          json?: boolean;
        },
        cmd: Command,
      ) =>
        withContext(cmd.optsWithGlobals(), async (ctx) => {
          const personId = await personIdOf(ctx, person, opts.agreement);
          const v = await requestVisit(ctx, cliActor(), personId, {
            kind: opts.kind,
            windowFrom: opts.from,
            windowTo: opts.to,
            ...(opts.office ? { office: opts.office } : {}),
            ...(opts.note ? { note: opts.note } : {}),
          });
          done(io, v, opts.json);
        }),
    );
  visit
    .command('schedule')
    .description('schedule a requested visit in a room at a time (receiving custody)')
    .argument('<visit>', 'the visit id')
    .requiredOption('--room <code>', "the room, as the facility's location code, e.g. SALA-1")
    .requiredOption('--start <instant>', 'when it starts, ISO 8601')
    .requiredOption('--end <instant>', 'when it ends, ISO 8601')
    .option('--json', 'machine output')
    .action(
      async (id: string, opts: { room: string; start: string; end: string; json?: boolean }, cmd: Command) =>
        withContext(cmd.optsWithGlobals(), async (ctx) =>
          done(
            io,
            await scheduleVisit(ctx, cliActor(), id, {
              room: opts.room,
              startsAt: opts.start,
              endsAt: opts.end,
            }),
            opts.json,
          ),
        ),
    );
  visit
    .command('refuse')
    .description('refuse a requested visit, saying why (receiving custody)')
    .argument('<visit>', 'the visit id')
    .requiredOption('--code <c>', `one of: ${REFUSAL_REASONS.join(', ')}`)
    .requiredOption('--reason <text>', 'why, in words')
    .option('--json', 'machine output')
    .action(async (id: string, opts: { code: string; reason: string; json?: boolean }, cmd: Command) =>
      withContext(cmd.optsWithGlobals(), async (ctx) =>
        done(
          io,
          await refuseVisit(ctx, cliActor(), id, { reasonCode: opts.code, reason: opts.reason }),
          opts.json,
        ),
      ),
    );
  visit
    .command('outcome')
    .description('record a scheduled visit held, or not held with a reason (receiving custody)')
    .argument('<visit>', 'the visit id')
    .requiredOption('--outcome <o>', 'held or not_held')
    .option('--code <c>', `when not held, one of: ${NOT_HELD_REASONS.join(', ')}`)
    .option('--reason <text>', 'when not held, why, in words')
    .option('--json', 'machine output')
    .action(
      async (
        id: string,
        opts: { outcome: string; code?: string; reason?: string; json?: boolean },
        cmd: Command,
      ) =>
        withContext(cmd.optsWithGlobals(), async (ctx) =>
          done(
            io,
            await recordVisitOutcome(ctx, cliActor(), id, {
              outcome: opts.outcome,
              reasonCode: opts.code ?? null,
              reason: opts.reason ?? null,
            }),
            opts.json,
          ),
        ),
    );
  visit
    .command('cancel')
    .description('cancel a requested or scheduled visit (counsel)')
    .argument('<visit>', 'the visit id')
    .option('--reason <text>', 'why, in words')
    .option('--json', 'machine output')
    .action(async (id: string, opts: { reason?: string; json?: boolean }, cmd: Command) =>
      withContext(cmd.optsWithGlobals(), async (ctx) =>
        done(io, await cancelVisit(ctx, cliActor(), id, { reason: opts.reason ?? null }), opts.json),
      ),
    );
  visit
    .command('list')
    .description("a facility's legal visits, or a person's, newest request first")
    .option('--facility <id>', 'facility id or code, e.g. SV-CECOT')
    .option('--person <person>', 'person id, or ref with --agreement')
    .option('--agreement <id>', 'agreement id or code, when --person is a ref')
    .option('--status <s>', `only the visits in one state: ${VISIT_STATES.join(', ')}`)
    .option('--json', 'machine output')
    .action(
      async (
        opts: { facility?: string; person?: string; agreement?: string; status?: string; json?: boolean },
        cmd: Command,
      ) =>
        withContext(cmd.optsWithGlobals(), async (ctx) => {
          if (!opts.person && !opts.facility)
            throw new DomainError('invalid_input', 'legal_visit.list_whose', {});
          const status = opts.status;
          if (status !== undefined && !isState(status))
            throw new DomainError('invalid_input', 'legal_visit.status_unknown', {
              status,
              values: VISIT_STATES,
            });
          const result = opts.person
            ? await personVisits(ctx, cliActor(), await personIdOf(ctx, opts.person, opts.agreement))
            : await facilityVisits(ctx, cliActor(), opts.facility ?? '', status ? { status } : {});
          const visits = status ? result.visits.filter((v) => v.status === status) : result.visits;
          if (opts.json) return json(io, { ...result, visits });
          for (const v of visits) io.out(line(v));
          if (visits.length === 0) io.out('No legal visits.\n');
        }),
    );
}

function isState(value: string): value is VisitState {
  return (VISIT_STATES as readonly string[]).includes(value);
}
