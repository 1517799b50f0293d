import { existsSync } from 'node:fs';
import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { cliActor, type Io, intOption, json, withContext } from '../src/cli-support.js';
import { FixedClock } from '../src/core/clock.js';
import { DomainError } from '../src/core/errors.js';
import { createProgress, type Progress } from '../src/core/progress.js';
import { ledgerSize } from '../src/ledger/store.js';
import { DEFAULT_COHORT_SIZE, FOREIGN_NATIONALS, MAX_COHORT_SIZE } from './cecot-2025/eligible-cohort.js';
import { loadCecot2025, STORY_START } from './cecot-2025/scenario.js';

/** Where the scenario leaves its demo users and their one-time passwords: in the data directory, owner-only. */
export function demoUsersPath(dataDir: string): string {
  return join(dataDir, 'demo-users.txt');
}

/** The demo users as a table, one line each: name, role, one-time password. */
function demoUsersTable(users: readonly { name: string; role: string; password: string }[]): string {
  return users.map((u) => `  ${u.name.padEnd(18)} ${u.role.padEnd(18)} ${u.password}\n`).join('');
}

/**
 * Writes the demo users to `path`, readable and writable by the owner only: the passwords are the keys to
 * the installation, so they go nowhere else (never the request log).
 */
async function writeDemoUsers(
  path: string,
  users: readonly { name: string; role: string; password: string }[],
): Promise<void> {
  await writeFile(
    path,
    'Custodia demo users loaded by `custodia scenario load cecot-2025`, with their one-time passwords.\n' +
      'Sign in at the address `custodia serve` prints; delete this file once you have changed them.\n\n' +
      demoUsersTable(users),
    { mode: 0o600 },
  );
  // The mode given to writeFile applies only to a new file; a file left by an earlier load keeps its own.
  await chmod(path, 0o600);
}

/** `custodia scenario load cecot-2025`. */
export function scenarioCommands(program: Command, io: Io): void {
  program
    .command('scenario')
    .description('shipped scenarios')
    .command('load')
    .description('load a scenario into an empty installation: cecot-2025')
    .argument('<name>', 'the scenario: cecot-2025')
    .option('--roster <n>', 'people in the synthetic roster (0–1,000,000)', '2000')
    .option('--seed <s>', 'seed of the roster generator', '2025')
    .option(
      '--cohort <n>',
      `people in the eligible cohort flown to CECOT over 2025 (0–${MAX_COHORT_SIZE}; ${FOREIGN_NATIONALS} Venezuelans fly with them in April)`,
      String(DEFAULT_COHORT_SIZE),
    )
    .option('--regime-months <n>', 'months of the reported regime log to record from April 2025 (0–9)', '9')
    .option('--billing-months <n>', 'months invoiced and issued by finance from April 2025 (0–8)', '8')
    .option('--if-empty', 'do nothing (and succeed) when the installation already holds data')
    .option('--json', 'machine output')
    .action(
      async (
        name: string,
        opts: {
          roster: string;
          seed: string;
          cohort: string;
          regimeMonths: string;
          billingMonths: string;
          ifEmpty?: boolean;
          json?: boolean;
        },
        cmd: Command,
      ) => {
        if (name !== 'cecot-2025') {
          throw new DomainError('invalid_input', 'scenario.unknown', { name });
        }
        // A synthetic roster beyond a million people would take hours to load and is no scenario; the
        // cohort's bound is the story's own (scenario.ts refuses it too).
        const roster = intOption(opts.roster, '--roster', 0, 1_000_000) ?? 2000;
        const seed = intOption(opts.seed, '--seed', 0) ?? 2025;
        const cohort = intOption(opts.cohort, '--cohort', 0, MAX_COHORT_SIZE) ?? DEFAULT_COHORT_SIZE;
        const regimeMonths = intOption(opts.regimeMonths, '--regime-months', 0) ?? 9;
        if (regimeMonths > 9) {
          throw new DomainError('invalid_input', 'scenario.regime_months', {});
        }
        const billingMonths = intOption(opts.billingMonths, '--billing-months', 0) ?? 8;
        if (billingMonths > 8) {
          throw new DomainError('invalid_input', 'scenario.billing_months', {});
        }
        await withContext(
          cmd.optsWithGlobals(),
          async (ctx) => {
            if ((await ledgerSize(ctx.handle.db)) > 0) {
              if (opts.ifEmpty) {
                const users = demoUsersPath(ctx.config.dataDir);
                io.err(
                  `The installation already holds data (${ctx.config.dataDir}); not loading ${name} again.\n` +
                    (existsSync(users) ? `The demo users and their passwords are in ${users}.\n` : ''),
                );
                return;
              }
              throw new DomainError('conflict', 'scenario.not_empty', { name });
            }
            const progress = createProgress({ label: 'Loading the roster', total: roster });
            const bars: { story: Progress | null } = { story: null };
            const result = await loadCecot2025(ctx, cliActor(), {
              roster,
              seed,
              cohort,
              regimeMonths,
              billingMonths,
              // The story runs on its own clock, from February to December 2025.
              clock: new FixedClock(STORY_START),
              onProgress: (n) => progress.update(n),
              onCohortStep: (done, total) => {
                if (!bars.story) {
                  progress.finish();
                  bars.story = createProgress({ label: 'Flying the 2025 cohort', total });
                }
                bars.story.update(done);
              },
            });
            (bars.story ?? progress).finish();
            const usersFile = demoUsersPath(ctx.config.dataDir);
            await writeDemoUsers(usersFile, result.users);
            if (opts.json) return json(io, result);
            io.out(
              `Loaded cecot-2025: agreement, 5 agencies, CECOT (8 modules × 32 cells) and a second facility; ` +
                `${result.roster.registered} people (seed ${seed}).\n` +
                `March 2025 cohort: ${result.marchCohort.nominated} nominated and screened under cecot-2025/v1 as of 2025-03-15: ` +
                `${Object.entries(result.marchCohort.outcomes)
                  .map(([o, n]) => `${n} ${o}`)
                  .join(', ')}; ` +
                `${result.marchCohort.cancelledAsIneligible} transfers cancelled as ineligible, so none of them can board.\n` +
                `Eligible cohort: ${result.eligibleCohort.received} people flown on ${result.eligibleCohort.flights.length} manifests from April to December 2025 and received at CECOT` +
                `${result.eligibleCohort.refusedAtDeparture.length > 0 ? `; ${result.eligibleCohort.refusedAtDeparture.length} taken off at the plane door by a court order` : ''}; ` +
                `${result.eligibleCohort.awaitingScreening} more nominated in December, awaiting screening.\n` +
                `Housing: the receiving officer placed each arrival in a cell after intake (${result.eligibleCohort.housed} housed, within capacity and the separation rules).\n` +
                `Regime log as reported, from April 2025: ${result.eligibleCohort.regimeDaysRecorded.toLocaleString('en-US')} cell-days recorded.\n` +
                `Isolation as reported: ${result.eligibleCohort.isolationPlacements} placements in a dark punishment cell, up to 15 days each.\n` +
                `Consular notification: ${result.eligibleCohort.consularRecorded} of the April flight's Venezuelans recorded as notified or objecting (one of them late); one never recorded.\n` +
                `Video-link hearings: ${result.eligibleCohort.hearings.booked} booked by the court for the April flight's men over two weeks: ${result.eligibleCohort.hearings.held} held (${result.eligibleCohort.hearings.holds} with a hold ordered), ${result.eligibleCohort.hearings.adjourned} adjourned, ${result.eligibleCohort.hearings.notProduced} not produced.\n` +
                `Billing: ${result.eligibleCohort.invoices.length} monthly invoices issued by finance (${result.eligibleCohort.invoices.map((i) => i.month).join(', ') || 'none'}); no payment recorded.\n\n` +
                `Demo users (one-time passwords, also written to ${usersFile}, readable only by you):\n` +
                demoUsersTable(result.users),
            );
          },
          // A load into an empty installation is redone if it fails: its commits need not each wait for the
          // disk, and the whole directory is synced when it closes (decision 0035).
          { origin: 'custodia.local/cecot-2025', durability: 'close' },
        );
      },
    );
}
