/**
 * Loads the CECOT 2025 scenario with a generated roster into an empty installation, in a process of its own
 * so that its peak RSS is its own: `node --import tsx bench/api-load.ts <data dir> <people>` (with
 * `DATABASE_URL` for PostgreSQL). Progress goes to stderr; prints one JSON line: the milliseconds, the
 * ledger's size and the process's maxRSS. `ANALYZE` runs after the roster, as after every bulk import.
 */

import { DEFAULT_COHORT_SIZE } from '../scenarios/cecot-2025/eligible-cohort.js';
import { loadCecot2025, STORY_START } from '../scenarios/cecot-2025/scenario.js';
import { openContext } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { FixedClock, systemClock } from '../src/core/clock.js';
import { systemActor } from '../src/ledger/events.js';
import { ledgerSize } from '../src/ledger/store.js';

const [dataDir, count] = process.argv.slice(2);
const people = Number(count);
if (!dataDir || !Number.isSafeInteger(people)) throw new Error('usage: api-load.ts <data dir> <people>');
const ctx = await openContext(loadConfig(process.env, { data: dataDir }), { clock: systemClock });
try {
  let last = 0;
  const started = performance.now();
  await loadCecot2025(ctx, systemActor('bench'), {
    roster: people,
    seed: 2025,
    cohort: DEFAULT_COHORT_SIZE,
    clock: new FixedClock(STORY_START),
    onProgress: (n) => {
      if (n - last >= 50_000) {
        last = n;
        const s = (performance.now() - started) / 1000;
        process.stderr.write(`[api] ${n} people imported in ${s.toFixed(0)} s (${(n / s).toFixed(0)}/s)\n`);
      }
    },
  });
  const ms = performance.now() - started;
  const entries = await ledgerSize(ctx.handle.db);
  process.stdout.write(`${JSON.stringify({ ms, entries, maxRss: process.resourceUsage().maxRSS * 1024 })}\n`);
} finally {
  await ctx.handle.close();
}
