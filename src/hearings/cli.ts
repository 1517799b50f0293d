import type { Command } from 'commander';
import { cliActor, type Io, intOption, json, withContext } from '../cli-support.js';
import { registerParty } from '../parties/service.js';
import type { HearingView } from './contract.js';
import { dayListCsv } from './day-list.js';
import { HEARING_OUTCOMES, HEARING_TYPES, NOT_PRODUCED_REASONS } from './model.js';
import { formatScheduleRow } from './rooms.js';
import {
  addRoom,
  amendHearing,
  blockRoom,
  bookHearing,
  cancelHearing,
  courtDayList,
  facilityDayList,
  listRooms,
  recordOutcome,
  setCourtZone,
  setRoomSchedule,
} from './service.js';

/** One hearing on one line: id, both zones, room, person, court, type, state and flags. */
function line(h: HearingView): string {
  const flags = h.flags.length > 0 ? `  [${h.flags.join(', ')}]` : '';
  return `${h.id}  ${h.facilityTime.local} ${h.facility} / ${h.courtTime.local} ${h.court}  ${h.room.padEnd(10)} ${h.personRef.padEnd(14)} ${h.hearingType.padEnd(11)} ${h.status}${flags}\n`;
}

type Alternatives = {
  conflicts: string[];
  alternatives: Array<{ room: string; start: string; end: string }>;
};

/** Prints a refusal with its alternatives (exit 1), or their JSON. */
function unavailable(
  io: Io,
  result: Alternatives & Record<string, unknown>,
  asJson: boolean | undefined,
  setExit: (c: number) => void,
) {
  setExit(1);
  if (asJson) return json(io, result);
  io.err(`custodia: the slot is not free (${result.conflicts.join(', ')}).\n`);
  for (const a of result.alternatives)
    io.out(`alternative: --room ${a.room} --start ${a.start}  (to ${a.end})\n`);
}

const minutes = (v: string | undefined, name: string, min: number, max: number) =>
  intOption(v, name, min, max);

/** `custodia court add|zone`: courts as hearings name them, with their time zone. */
function courtCommands(program: Command, io: Io): void {
  const court = program
    .command('court')
    .description('courts: registered as parties, with the time zone their hearings are listed in');
  court
    .command('add')
    .description('register a court with its time zone')
    .requiredOption('--name <name>', 'the court as holds name it, e.g. D.D.C.')
    .requiredOption('--zone <zone>', 'IANA time zone, e.g. America/New_York')
    .option('--jurisdiction <text>', 'e.g. US')
    .option('--json', 'machine output')
    .action(
      async (opts: { name: string; zone: string; jurisdiction?: string; json?: boolean }, cmd: Command) =>
        withContext(cmd.optsWithGlobals(), async (ctx) => {
          await registerParty(ctx, cliActor(), { kind: 'court', code: opts.name });
          const c = await setCourtZone(ctx, cliActor(), opts.name, {
            zone: opts.zone,
            jurisdiction: opts.jurisdiction ?? null,
          });
          if (opts.json) json(io, c);
          else io.out(`${c.id}  ${c.code}  ${c.zone}\n`);
        }),
    );
  court
    .command('zone')
    .description("set a registered court's time zone")
    .argument('<court>', 'court code or id')
    .requiredOption('--zone <zone>', 'IANA time zone')
    .option('--jurisdiction <text>', 'e.g. US')
    .action(async (name: string, opts: { zone: string; jurisdiction?: string }, cmd: Command) =>
      withContext(cmd.optsWithGlobals(), async (ctx) => {
        const c = await setCourtZone(ctx, cliActor(), name, {
          zone: opts.zone,
          jurisdiction: opts.jurisdiction ?? null,
        });
        io.out(`${c.id}  ${c.code}  ${c.zone}\n`);
      }),
    );
}

/** `custodia rooms add|schedule|block|list`: a facility's hearing rooms. */
function roomCommands(program: Command, io: Io): void {
  const rooms = program
    .command('rooms')
    .description("a facility's video-link hearing rooms, their weekly schedules and blocks");
  rooms
    .command('add')
    .description('add a hearing room')
    .requiredOption('--facility <id>', 'facility id or code')
    .requiredOption('--code <code>', 'the room code, e.g. SALA-1')
    .option('--name <name>', 'its name')
    .option(
      '--schedule <text>',
      'e.g. "Mon-Fri 08:00-12:00 court; Mon-Fri 13:00-17:00" (facility zone)',
      'Mon-Fri 08:00-17:00',
    )
    .option('--json', 'machine output')
    .action(
      async (
        opts: { facility: string; code: string; name?: string; schedule: string; json?: boolean },
        cmd: Command,
      ) =>
        withContext(cmd.optsWithGlobals(), async (ctx) => {
          const room = await addRoom(ctx, cliActor(), opts);
          if (opts.json) json(io, room);
          else io.out(`${room.id}  ${room.code}  ${room.schedule.map(formatScheduleRow).join('; ')}\n`);
        }),
    );
  rooms
    .command('schedule')
    .description("replace a room's weekly schedule")
    .requiredOption('--facility <id>', 'facility id or code')
    .requiredOption('--code <code>', 'the room code')
    .requiredOption('--schedule <text>', 'e.g. "Mon-Fri 08:00-17:00"')
    .action(async (opts: { facility: string; code: string; schedule: string }, cmd: Command) =>
      withContext(cmd.optsWithGlobals(), async (ctx) => {
        const room = await setRoomSchedule(ctx, cliActor(), opts.facility, opts.code, opts.schedule);
        io.out(`${room.code}  ${room.schedule.map(formatScheduleRow).join('; ')}\n`);
      }),
    );
  rooms
    .command('block')
    .description('close a room from one instant to another, with a reason')
    .requiredOption('--facility <id>', 'facility id or code')
    .requiredOption('--code <code>', 'the room code')
    .requiredOption('--from <instant>', 'ISO 8601')
    .requiredOption('--to <instant>', 'ISO 8601')
    .requiredOption('--reason <text>', 'why')
    .action(
      async (
        opts: { facility: string; code: string; from: string; to: string; reason: string },
        cmd: Command,
      ) =>
        withContext(cmd.optsWithGlobals(), async (ctx) => {
          const room = await blockRoom(ctx, cliActor(), opts.facility, opts.code, opts);
          io.out(`${room.code}  ${room.blocks.length} block(s) to come\n`);
        }),
    );
  rooms
    .command('list')
    .description("a facility's rooms")
    .requiredOption('--facility <id>', 'facility id or code')
    .option('--json', 'machine output')
    .action(async (opts: { facility: string; json?: boolean }, cmd: Command) =>
      withContext(cmd.optsWithGlobals(), async (ctx) => {
        const list = await listRooms(ctx, cliActor(), opts.facility);
        if (opts.json) return json(io, list);
        for (const r of list.rooms)
          io.out(
            `${r.code.padEnd(12)} ${r.schedule.map(formatScheduleRow).join('; ') || 'closed'}${r.blocks.length ? `  (${r.blocks.length} block(s))` : ''}\n`,
          );
      }),
    );
}

/** `custodia court …`, `custodia rooms …` and `custodia hearing book|amend|cancel|outcome|list`. */
export function hearingCommands(program: Command, io: Io, setExit: (code: number) => void): void {
  courtCommands(program, io);
  roomCommands(program, io);
  const hearing = program
    .command('hearing')
    .description('video-link hearings: booked by courts in hearing rooms, with outcomes');
  hearing
    .command('book')
    .description('book a hearing, or print up to 3 alternatives and exit 1')
    .requiredOption('--person <ref>', 'person id, or ref with --agreement')
    .option('--agreement <id>', 'agreement id or code')
    .requiredOption('--court <name>', 'the court, e.g. D.D.C.')
    .requiredOption('--type <type>', `one of: ${HEARING_TYPES.join(', ')}`)
    .requiredOption('--start <instant>', 'the main slot starts, ISO 8601 instant')
    .requiredOption('--minutes <n>', 'the main slot, in minutes')
    .option('--pre <n>', 'minutes before (e.g. with counsel)')
    .option('--post <n>', 'minutes after')
    .option('--room <code>', 'a room code; any free room when left out')
    .option('--case <ref>', 'the case')
    .option('--video-url <url>', "the court's https link")
    .option('--counsel <name>', 'counsel attending')
    .option('--interpreter <lang>', 'interpreter language, BCP 47 (es, ht)')
    .option('--json', 'machine output')
    .action(
      async (
        opts: {
          person: string;
          agreement?: string;
          court: string;
          type: string;
          start: string;
          minutes: string;
          pre?: string;
          post?: string;
          room?: string;
          case?: string;
          videoUrl?: string;
          counsel?: string;
          interpreter?: string;
          json?: boolean;
        },
        cmd: Command,
      ) =>
        withContext(cmd.optsWithGlobals(), async (ctx) => {
          const result = await bookHearing(ctx, cliActor(), {
            person: opts.person,
            ...(opts.agreement ? { agreement: opts.agreement } : {}),
            court: opts.court,
            hearingType: opts.type,
            start: opts.start,
            minutes: minutes(opts.minutes, '--minutes', 5, 480) ?? 0,
            pre: minutes(opts.pre, '--pre', 0, 120) ?? 0,
            post: minutes(opts.post, '--post', 0, 120) ?? 0,
            room: opts.room ?? null,
            caseRef: opts.case ?? null,
            videoUrl: opts.videoUrl ?? null,
            counsel: opts.counsel ?? null,
            interpreter: opts.interpreter ?? null,
          });
          if (!result.booked) return unavailable(io, result, opts.json, setExit);
          if (opts.json) json(io, result);
          else io.out(line(result.booking));
        }),
    );
  hearing
    .command('amend')
    .description('amend a booked hearing before it starts (what is left out is kept)')
    .argument('<id>', 'the hearing id')
    .option('--start <instant>', 'ISO 8601 instant')
    .option('--minutes <n>', 'the main slot, in minutes')
    .option('--pre <n>', 'minutes before')
    .option('--post <n>', 'minutes after')
    .option('--room <code>', 'a room code')
    .option('--type <type>', `one of: ${HEARING_TYPES.join(', ')}`)
    .option('--video-url <url>', "the court's https link")
    .option('--counsel <name>', 'counsel attending')
    .option('--interpreter <lang>', 'interpreter language')
    .option('--reason <text>', 'why the booking is amended (kept in its history)')
    .option('--json', 'machine output')
    .action(
      async (
        id: string,
        opts: {
          reason?: string;
          start?: string;
          minutes?: string;
          pre?: string;
          post?: string;
          room?: string;
          type?: string;
          videoUrl?: string;
          counsel?: string;
          interpreter?: string;
          json?: boolean;
        },
        cmd: Command,
      ) =>
        withContext(cmd.optsWithGlobals(), async (ctx) => {
          const result = await amendHearing(ctx, cliActor(), id, {
            ...(opts.start ? { start: opts.start } : {}),
            ...(opts.minutes ? { minutes: minutes(opts.minutes, '--minutes', 5, 480) } : {}),
            ...(opts.pre ? { pre: minutes(opts.pre, '--pre', 0, 120) } : {}),
            ...(opts.post ? { post: minutes(opts.post, '--post', 0, 120) } : {}),
            ...(opts.room ? { room: opts.room } : {}),
            ...(opts.type ? { hearingType: opts.type } : {}),
            ...(opts.videoUrl ? { videoUrl: opts.videoUrl } : {}),
            ...(opts.counsel ? { counsel: opts.counsel } : {}),
            ...(opts.interpreter ? { interpreter: opts.interpreter } : {}),
            ...(opts.reason ? { reason: opts.reason } : {}),
          });
          if (!result.amended) return unavailable(io, result, opts.json, setExit);
          if (opts.json) json(io, result);
          else io.out(line(result.booking));
        }),
    );
  hearing
    .command('cancel')
    .description('cancel a booked hearing')
    .argument('<id>', 'the hearing id')
    .option('--reason <text>', 'why')
    .option('--json', 'machine output')
    .action(async (id: string, opts: { reason?: string; json?: boolean }, cmd: Command) =>
      withContext(cmd.optsWithGlobals(), async (ctx) => {
        const h = await cancelHearing(ctx, cliActor(), id, { reason: opts.reason ?? null });
        if (opts.json) json(io, h);
        else io.out(line(h));
      }),
    );
  hearing
    .command('outcome')
    .description('record a hearing held, adjourned or not produced, with a hold or a return ordered at it')
    .argument('<id>', 'the hearing id')
    .requiredOption('--outcome <o>', HEARING_OUTCOMES.join(', '))
    .option('--reason <r>', `with not_produced, one of: ${NOT_PRODUCED_REASONS.join(', ')}`)
    .option('--note <text>', 'more, in words')
    .option('--hold <type:case>', 'a legal hold issued at the hearing, e.g. habeas_petition:1:25-cv-101')
    .option('--return <case>', 'a return ordered at the hearing, in this case')
    .option('--json', 'machine output')
    .action(
      async (
        id: string,
        opts: {
          outcome: string;
          reason?: string;
          note?: string;
          hold?: string;
          return?: string;
          json?: boolean;
        },
        cmd: Command,
      ) =>
        withContext(cmd.optsWithGlobals(), async (ctx) => {
          const colon = opts.hold?.indexOf(':') ?? -1;
          const hold =
            opts.hold && colon > 0
              ? { type: opts.hold.slice(0, colon), case: opts.hold.slice(colon + 1) }
              : null;
          const h = await recordOutcome(ctx, cliActor(), id, {
            outcome: opts.outcome,
            reasonCode: opts.reason ?? null,
            reason: opts.note ?? null,
            hold,
            returnOrder: opts.return ? { case: opts.return } : null,
          });
          if (opts.json) json(io, h);
          else io.out(`${line(h).trimEnd()}${h.holdId ? `  hold ${h.holdId}` : ''}\n`);
        }),
    );
  hearing
    .command('list')
    .description("a facility's day list by room, or a court's in its zone")
    .option('--facility <id>', 'facility id or code')
    .option('--court <name>', 'court code')
    .requiredOption('--date <date>', 'YYYY-MM-DD in the zone of the list')
    .option('--csv', 'CSV output')
    .option('--json', 'machine output')
    .action(
      async (
        opts: { facility?: string; court?: string; date: string; csv?: boolean; json?: boolean },
        cmd: Command,
      ) =>
        withContext(cmd.optsWithGlobals(), async (ctx) => {
          const list = opts.court
            ? await courtDayList(ctx, cliActor(), opts.court, opts.date)
            : await facilityDayList(ctx, cliActor(), opts.facility ?? 'CECOT', opts.date);
          if (opts.csv) return io.out(dayListCsv(list.hearings));
          if (opts.json) return json(io, list);
          for (const h of list.hearings) io.out(line(h));
        }),
    );
}
