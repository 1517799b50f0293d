/**
 * `custodia scenario load cecot-2025` with its defaults, timed in a process of its own:
 * `node --import tsx bench/api-scenario.ts <empty data dir>` (PGlite). The command runs as a user runs it
 * (its progress bars go to a sink); the time counts from the call to the exit code, not the process's start.
 * Prints one JSON line: the exit code, the milliseconds, the ledger's size and the process's maxRSS.
 */

import { openContext } from '../src/app.js';
import { main } from '../src/cli.js';
import type { Io } from '../src/cli-support.js';
import { loadConfig } from '../src/config.js';
import { systemClock } from '../src/core/clock.js';
import { ledgerSize } from '../src/ledger/store.js';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: api-scenario.ts <empty data dir>');
const sink: Io = { out: () => {}, write: async () => {}, err: () => {}, stdin: process.stdin, isTTY: false };
const started = performance.now();
const code = await main(['node', 'custodia', '--data', dataDir, 'scenario', 'load', 'cecot-2025'], sink);
const ms = performance.now() - started;
const ctx = await openContext(loadConfig({ ...process.env, DATABASE_URL: '' }, { data: dataDir }), {
  clock: systemClock,
  readOnly: true,
});
const entries = await ledgerSize(ctx.handle.db);
await ctx.handle.close();
process.stdout.write(
  `${JSON.stringify({ code, ms, entries, maxRss: process.resourceUsage().maxRSS * 1024 })}\n`,
);
