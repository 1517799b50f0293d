import type { Command } from 'commander';
import { type Io, json, withContext } from '../cli-support.js';
import { DomainError } from '../core/errors.js';
import { DIRECTIONS, type Direction, MANIFEST_STATUSES, type ManifestStatus } from './manifest.js';
import { manifestView } from './manifest-service.js';
import { listManifests, manifestAlarms } from './manifest-store.js';
import { TRANSFER_STATUSES } from './model.js';
import { repatriationCommands } from './repatriation-cli.js';
import { listTransfers, transferCounts } from './store.js';

function zoned(t: { instant: string; zone: string } | null): string {
  if (!t) return '—';
  const local = new Date(t.instant).toLocaleString('sv-SE', { timeZone: t.zone, hour12: false });
  return `${local.slice(0, 16)} ${t.zone}`;
}

/** A manifest's direction as the lists print it: `return`, or `repatriation to VE`. */
function directionOf(m: { direction: Direction; country: string | null }): string {
  return m.direction === 'repatriation' && m.country ? `repatriation to ${m.country}` : m.direction;
}

/**
 * `custodia transfers` and `custodia manifest list|show`: read-only views for officers and monitors; and
 * `custodia repatriate` (repatriation-cli.ts).
 */
export function transferCommands(program: Command, io: Io): void {
  repatriationCommands(program, io);
  program
    .command('transfers')
    .description('transfers with their person and state, newest first, and counts by state')
    .option('--status <list>', `comma-separated states: ${TRANSFER_STATUSES.join(', ')}`)
    .option('--nationality <cc>', 'ISO country code, e.g. VE')
    .option('--limit <n>', 'rows to print', '50')
    .option('--json', 'machine output')
    .action(
      async (
        opts: { status?: string; nationality?: string; limit: string; json?: boolean },
        cmd: Command,
      ) => {
        const status = opts.status?.split(',').map((s) => s.trim());
        const unknown = status?.filter((s) => !(TRANSFER_STATUSES as readonly string[]).includes(s)) ?? [];
        if (unknown.length > 0) {
          throw new DomainError('invalid_input', 'transfer.status_unknown', {
            unknown,
            statuses: TRANSFER_STATUSES,
          });
        }
        const limit = Number(opts.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
          throw new DomainError('invalid_input', 'transfer.list_limit', { given: opts.limit });
        }
        await withContext(cmd.optsWithGlobals(), async (ctx) => {
          const db = ctx.handle.db;
          const counts = await transferCounts(
            db,
            opts.nationality ? { nationality: opts.nationality.toUpperCase() } : {},
          );
          const rows = await listTransfers(db, {
            ...(status ? { status } : {}),
            ...(opts.nationality ? { nationality: opts.nationality.toUpperCase() } : {}),
            limit,
          });
          if (opts.json) return json(io, { counts, transfers: rows });
          io.out(
            `${TRANSFER_STATUSES.filter((s) => counts[s])
              .map((s) => `${s} ${counts[s]}`)
              .join(' · ')}\n`,
          );
          for (const t of rows) {
            io.out(
              `${t.transferId}  ${t.status.padEnd(10)}  ${t.ref.padEnd(16)} ${t.name}` +
                `${t.lastScreening ? `  screening ${t.lastScreening.outcome}` : ''}${t.holds ? `  holds ${t.holds}` : ''}\n`,
            );
          }
        });
      },
    );
  const manifest = program.command('manifest').description('transport manifests');
  manifest
    .command('list')
    .description('manifests, newest departure first, with reconciliation and the open alarms')
    .option('--status <s>', `one of: ${MANIFEST_STATUSES.join(', ')}`)
    .option('--direction <d>', `one of: ${DIRECTIONS.join(', ')}`)
    .option('--json', 'machine output')
    .action(async (opts: { status?: string; direction?: string; json?: boolean }, cmd: Command) => {
      if (opts.status && !(MANIFEST_STATUSES as readonly string[]).includes(opts.status)) {
        throw new DomainError('invalid_input', 'manifest.status_unknown', {
          given: opts.status,
          statuses: MANIFEST_STATUSES,
        });
      }
      const direction = DIRECTIONS.find((d) => d === opts.direction);
      if (opts.direction && !direction) {
        throw new DomainError('invalid_input', 'manifest.direction_unknown', {
          given: opts.direction,
          directions: DIRECTIONS,
        });
      }
      await withContext(cmd.optsWithGlobals(), async (ctx) => {
        const manifests = await listManifests(ctx.handle.db, {
          ...(opts.status ? { status: opts.status as ManifestStatus } : {}),
          ...(direction ? { direction } : {}),
        });
        const alarms = await manifestAlarms(ctx.handle.db, ctx.clock.now());
        if (opts.json) return json(io, { manifests, alarms });
        for (const a of alarms) {
          io.out(`ALARM  manifest ${a.manifestId}: ${a.unaccounted.length} unaccounted since ${a.since}\n`);
        }
        for (const m of manifests) {
          const r = m.reconciliation;
          io.out(
            `${m.manifestId}  ${m.status.padEnd(8)}  ${directionOf(m).padEnd(17)}  ${m.carrier} ${m.flightNumber}  ${m.origin}→${m.destination}  ` +
              `${zoned(m.scheduledDeparture)}  boarded ${r.boarded}, received ${r.received}, exceptions ${r.exceptions}` +
              `${r.reconciled ? '' : `, UNACCOUNTED ${r.unaccounted.length}`}\n`,
          );
        }
      });
    });
  manifest
    .command('show')
    .description('a manifest with its boarding and intake checklist and reconciliation')
    .argument('<id>', 'manifest id')
    .option('--json', 'machine output')
    .action(async (id: string, opts: { json?: boolean }, cmd: Command) =>
      withContext(cmd.optsWithGlobals(), async (ctx) => {
        const m = await manifestView(ctx, id);
        if (opts.json) return json(io, m);
        const r = m.reconciliation;
        io.out(
          `${directionOf(m)} manifest ${m.carrier} ${m.flightNumber}, ${m.origin} → ${m.destination} (${m.facility?.name ?? m.facilityId}): ${m.status}\n` +
            `scheduled ${zoned(m.scheduledDeparture)} → ${zoned(m.scheduledArrival)}; actual ${zoned(m.actualDeparture)} → ${zoned(m.actualArrival)}\n` +
            `${r.reconciled ? 'Reconciled' : 'NOT RECONCILED'}: boarded ${r.boarded}, received ${r.received}, exceptions ${r.exceptions}, unaccounted ${r.unaccounted.length}\n`,
        );
        for (const e of m.entries) {
          io.out(
            `  ${(e.person?.ref ?? e.personId).padEnd(16)} ${(e.person?.name ?? '').padEnd(32)} ${e.status.padEnd(9)} transfer ${e.transferStatus ?? '?'}` +
              `${e.handover ? `  handed over to ${e.handover.agency}, ${e.handover.officer}` : ''}` +
              `${e.exception ? `  ${e.exception.kind}: ${e.exception.explanation}` : ''}` +
              `${e.activeHolds.length ? `  HOLD ${e.activeHolds.map((h) => `${h.type} ${h.court} ${h.case}`).join('; ')}` : ''}\n`,
          );
        }
      }),
    );
}
