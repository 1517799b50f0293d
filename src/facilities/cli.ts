import type { Command } from 'commander';
import { cliActor, type Io, json, withContext } from '../cli-support.js';
import { allocateFacility } from './housing-service.js';
import { showFacility } from './service.js';

/** `custodia facility show` and `custodia allocate`. */
export function facilityCommands(program: Command, io: Io): void {
  program
    .command('facility')
    .description('facilities and their cells')
    .command('show')
    .description('print a facility with every cell: code, area, bunks, working capacity, status, occupancy')
    .argument('<id>', 'facility id or code, e.g. SV-CECOT')
    .option('--json', 'machine output')
    .action(async (id: string, opts: { json?: boolean }, cmd: Command) =>
      withContext(cmd.optsWithGlobals(), async (ctx) => {
        const facility = await showFacility(ctx, cliActor(), id);
        if (opts.json) return json(io, facility);
        const c = facility.capacity;
        io.out(
          `${facility.name} (${facility.code}), ${facility.timeZone}\n` +
            `Official capacity ${c.operationalCapacity}; bunks ${c.bunks}; working capacity ${c.workingCapacity}; ` +
            `local occupants ${c.localOccupants}; ${facility.modules} modules, ${facility.cells.length} cells\n`,
        );
        for (const cell of facility.cells) {
          io.out(
            `${cell.code.padEnd(10)} ${String(cell.areaM2).padStart(6)} m²  bunks ${String(cell.bunks).padStart(3)}  ` +
              `working ${String(cell.workingCapacity).padStart(3)}  occupied ${String(cell.occupancy.total).padStart(3)}  ${cell.status}${
                cell.statusReason ? ` (${cell.statusReason})` : ''
              }\n`,
          );
        }
      }),
    );
  program
    .command('allocate')
    .description(
      'allocate transferees in custody at a facility to cells: hard constraints, most even occupancy, fewest modules',
    )
    .requiredOption('--facility <id>', 'facility id or code, e.g. SV-CECOT')
    .option('--all', 're-plan everyone in custody (default: place only people not yet housed)')
    .option('--dry-run', 'plan and print, record nothing')
    .option('--json', 'machine output: {"placements","unplaced","checks",…}')
    .action(
      async (opts: { facility: string; all?: boolean; dryRun?: boolean; json?: boolean }, cmd: Command) =>
        withContext(cmd.optsWithGlobals(), async (ctx) => {
          const result = await allocateFacility(ctx, cliActor(), opts.facility, {
            all: opts.all === true,
            dryRun: opts.dryRun === true,
          });
          if (opts.json) return json(io, result);
          const moved = result.placements.filter((p) => p.moved).length;
          io.out(
            `${result.applied ? 'Applied' : 'Planned (dry run, nothing recorded)'}: ${result.placements.length} placed` +
              `${result.mode === 'all' ? ` (${moved} moved)` : ''}, ${result.unplaced.length} unplaced at ${result.facility.code}. ` +
              `Occupancy ratio ${result.evenness.minRatio.toFixed(3)}–${result.evenness.maxRatio.toFixed(3)}; ` +
              `${result.evenness.modulesOpened} modules hold transferees.\n`,
          );
          for (const p of result.placements)
            io.out(`  ${p.ref.padEnd(18)} → ${p.cell}${p.moved ? ' (moved)' : ''}\n`);
          for (const u of result.unplaced) io.out(`  ${u.ref.padEnd(18)} NOT PLACED: ${u.reason}\n`);
          io.out(
            `Checks: ${result.checks.ok ? 'every hard constraint holds' : 'BROKEN'} (${Object.entries(
              result.checks.constraints,
            )
              .map(([k, v]) => `${k} ${v.ok ? 'ok' : `${v.violations} violation(s)`}`)
              .join(', ')}).\n`,
          );
        }),
    );
}
