import type { Command } from 'commander';
import { cliActor, type Io, json, withContext } from '../cli-support.js';
import { showFacility } from './service.js';

/** `custodia facility show`. */
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
}
