/**
 * `ledger verify` with replay, measured in a process of its own so its peak RSS is its own:
 * `node --import tsx bench/api-verify.ts <data dir>` (with `DATABASE_URL` for PostgreSQL). First the
 * baseline (read every entry in verify's pages and compute SHA-256(0x00 ‖ leaf)), then `verifyLedger` with
 * replay. Prints one JSON line: entries, both times, the replay's rows, and the process's maxRSS.
 */

import { openContext } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { systemClock } from '../src/core/clock.js';
import { leafHash } from '../src/ledger/merkle.js';
import { ledgerSize, readEntries } from '../src/ledger/store.js';
import { verifyLedger } from '../src/ledger/verify.js';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: api-verify.ts <data dir>');
const ctx = await openContext(loadConfig(process.env, { data: dataDir }), {
  clock: systemClock,
  readOnly: true,
});
const db = ctx.handle.db;
const encoder = new TextEncoder();
const size = await ledgerSize(db);

let started = performance.now();
let hashed = 0;
for (let from = 0; from < size; from += 5000) {
  for (const row of await readEntries(db, from, Math.min(from + 5000, size))) {
    leafHash(encoder.encode(row.leaf));
    hashed++;
  }
}
const readHashMs = performance.now() - started;
const rssAfterBaseline = process.resourceUsage().maxRSS * 1024;

started = performance.now();
const report = await verifyLedger(db, { signer: ctx.signer, events: ctx.events });
const verifyMs = performance.now() - started;
await ctx.handle.close();
process.stdout.write(
  `${JSON.stringify({
    entries: size,
    hashed,
    readHashMs,
    verifyMs,
    ok: report.ok,
    problems: report.problems,
    replayRows: report.replay?.rows ?? 0,
    rssAfterBaseline,
    maxRss: process.resourceUsage().maxRSS * 1024,
  })}\n`,
);
