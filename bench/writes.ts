/**
 * The write benchmark (`npm run bench -- writes [--engine pglite|postgres]`): incidents reported over HTTP
 * (`POST /api/v1/facilities/{code}/incidents`, one ledger event each) to the app as `custodia serve` runs
 * it (bench/api-server.ts, a process of its own), by 10 concurrent clients against 1 client sending one
 * after the other, on a small fresh installation. Concurrent writes share transactions (group commit,
 * decision 0035); the target is 10 clients ≥ 2× one client on PostgreSQL and ≥ 1× on PGlite.
 * `ledger verify` with replay must pass afterwards. The api benchmark measures the same at roster scale
 * (`measureWrites`).
 */

import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openContext } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { systemClock } from '../src/core/clock.js';
import { registerFacility } from '../src/facilities/service.js';
import { systemActor } from '../src/ledger/events.js';
import { verifyLedger } from '../src/ledger/verify.js';
import { aFacility } from '../src/test-support/factories.js';
import { enginesOf, firstLine, loadAverage, type ServerInfo, tsx } from './api.js';
import type { Benchmark, BenchOptions, BenchReport, Comparison, Measurement } from './harness.js';
import { check } from './harness.js';
import { type LoadResult, load } from './load.js';

/** The write benchmark, registered as `writes` in `run.ts`. */
export const writesBenchmark: Benchmark = { run };

/** Concurrent clients against one: the figure. */
const CLIENTS = 10;
/** What 10 concurrent writers must reach, as a multiple of one writer's rate. */
const TARGET = { postgres: 2, pglite: 1 } as const;

async function run(options: BenchOptions): Promise<BenchReport> {
  const seconds = options.quick ? 3 : 10;
  const engines = enginesOf(options);
  const report: BenchReport = {
    title: `Write benchmark: ${CLIENTS} concurrent writers against one${options.quick ? ' (--quick)' : ''}`,
    setup: [
      `load average at start ${loadAverage()} (1, 5, 15 min): other processes share the cores`,
      `POST /api/v1/facilities/{code}/incidents, one event each; ${seconds} s per load after a warm-up, server in its own process`,
    ],
    comparisons: [],
    extra: [],
    checks: [],
  };
  for (const engine of engines) {
    if (engine === 'postgres' && !process.env.DATABASE_URL) {
      throw new Error('--engine postgres needs DATABASE_URL (a database this bench may fill)');
    }
    // PGlite: a fresh directory each run. PostgreSQL: the database of DATABASE_URL, whose checkpoint key
    // stays in a directory named after it, so later runs append to the same ledger.
    const url = process.env.DATABASE_URL ?? '';
    const dataDir =
      engine === 'pglite'
        ? join(tmpdir(), `custodia-bench-writes-${process.pid}`)
        : join(tmpdir(), `custodia-bench-writes-pg-${new URL(url).pathname.slice(1)}`);
    const env = engine === 'pglite' ? { ...process.env, DATABASE_URL: '' } : { ...process.env };
    try {
      await prepare(dataDir, env);
      const server = tsx('api-server.ts', [dataDir], env);
      try {
        const info: ServerInfo = JSON.parse(await firstLine(server));
        const measured = await measureWrites(engine, info, seconds, options.log);
        report.comparisons.push(measured.comparison);
        report.extra.push(...measured.extra);
      } finally {
        server.stdin?.end();
        await new Promise((resolve) => server.once('exit', resolve));
      }
      report.checks.push(`${engine}: every write answered 201`, await verified(dataDir, env, engine));
    } finally {
      if (engine === 'pglite') rmSync(dataDir, { recursive: true, force: true });
    }
  }
  report.setup.push(`load average at end ${loadAverage()}`);
  return report;
}

/** A fresh installation (or the PostgreSQL database of DATABASE_URL) with a facility to report at. */
async function prepare(dataDir: string, env: NodeJS.ProcessEnv): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  const ctx = await openContext(loadConfig(env, { data: dataDir }), { clock: systemClock });
  try {
    const existing = await ctx.handle.db.selectFrom('facilities').select('code').executeTakeFirst();
    if (!existing) await registerFacility(ctx, systemActor('bench'), aFacility({ code: 'BENCH-W' }));
  } finally {
    await ctx.handle.close();
  }
}

async function verified(dataDir: string, env: NodeJS.ProcessEnv, engine: string): Promise<string> {
  const ctx = await openContext(loadConfig(env, { data: dataDir }), { clock: systemClock });
  try {
    const report = await verifyLedger(ctx.handle.db, { signer: ctx.signer, events: ctx.events });
    check(report.ok, `ledger verify after the writes: ${report.problems.join('; ')}`);
    return `${engine}: ledger verify with replay ok over ${report.size} entries after the writes`;
  } finally {
    await ctx.handle.close();
  }
}

/**
 * One client reporting incidents one after the other, then 10 at once, against the server described by
 * `info`; each load runs `seconds` after a warm-up. Returns the ratio (target by engine) and both rates.
 */
export async function measureWrites(
  engine: 'pglite' | 'postgres',
  info: ServerInfo,
  seconds: number,
  log: (line: string) => void,
): Promise<{ comparison: Comparison; extra: Measurement[] }> {
  const facility = info.facility;
  if (!facility) throw new Error('the installation has no facility to report incidents at');
  const path = () => `/api/v1/facilities/${encodeURIComponent(facility)}/incidents`;
  const body = (i: number) =>
    JSON.stringify({ kind: 'assault', description: `Write benchmark incident ${i} (${engine})` });
  const run = async (connections: number): Promise<LoadResult> => {
    log(`${engine}: incidents reported by ${connections} client${connections > 1 ? 's' : ''}`);
    const base = { port: info.api, token: info.writerToken, path, body, connections };
    await load({ ...base, seconds: Math.max(1, seconds / 5), maxRequests: 500 });
    const result = await load({ ...base, seconds, maxRequests: 100_000 });
    check(result.errors === 0, `writes: ${result.errors} of ${result.requests} requests failed`);
    return result;
  };
  const sequential = await run(1);
  const concurrent = await run(CLIENTS);
  const rate = (label: string, r: LoadResult): Measurement => ({
    label,
    value: r.rate,
    unit: 'writes/s',
    note: `p50 ${r.p50Ms.toFixed(1)} ms, p99 ${r.p99Ms.toFixed(1)} ms, ${r.requests} writes`,
  });
  return {
    comparison: {
      name: `${engine}: writes, ${CLIENTS} clients vs 1 (group commit)`,
      candidate: rate(`${engine}: ${CLIENTS} concurrent writers`, concurrent),
      baseline: rate(`${engine}: 1 writer, one after the other`, sequential),
      target: TARGET[engine],
    },
    extra: [],
  };
}
