/**
 * The roster-scale API benchmark (`npm run bench -- api [--people N] [--engine pglite|postgres]`): the
 * CECOT 2025 scenario with a roster of N generated people (default 1,500,000), served over HTTP on
 * 127.0.0.1 by a server process of its own (bench/api-server.ts) and driven by a closed-loop load
 * generator (bench/load.ts), each figure beside its baseline measured in the same run:
 *
 * - person by id at 50 connections against the engine's own primary-key lookup of the same rows through
 *   the same driver, served by a bare Fastify route in the same server process (target ≥ 0.5×);
 * - the dashboard at 10 connections: p99 under 50 ms, whatever the roster's size;
 * - the people search (name words without accents in capitals, or a ref) and a search that matches no one,
 *   10 connections: p50 under 20 ms and p99 under 100 ms, beside the raw query for the same page;
 * - writes (incidents reported) by 10 concurrent clients against 1 (bench/writes.ts): ≥ 2× on PostgreSQL,
 *   ≥ 1× on PGlite (group commit, decision 0035);
 * - `ledger verify` with replay in a process of its own: peak RSS under 1 GiB, and its rate beside
 *   reading the entries and hashing them (bench/api-verify.ts);
 * - the roster's load itself, in a process of its own (bench/api-load.ts): peak RSS under 1 GiB;
 * - importing a 100,000-person NDJSON file against appending the same events to the ledger (bench/import.ts):
 *   ≥ 0.5×;
 * - on PGlite, `custodia scenario load cecot-2025` with its defaults in a fresh directory
 *   (bench/api-scenario.ts): within 60 s.
 *
 * The installation is built once per roster size and engine and reused: a PGlite directory under the
 * temporary directory, or the PostgreSQL database of `DATABASE_URL` (loaded only while its ledger is
 * empty). `ANALYZE` runs after the load, as after every bulk import.
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { openContext } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { systemClock } from '../src/core/clock.js';
import { ledgerSize } from '../src/ledger/store.js';
import { searchable } from '../src/people/model.js';
import {
  type Benchmark,
  type BenchOptions,
  type BenchReport,
  type Comparison,
  check,
  type Measurement,
  seededRandom,
} from './harness.js';
import { measureImport } from './import.js';
import { type LoadResult, load } from './load.js';
import { measureWrites } from './writes.js';

const FULL_PEOPLE = 1_500_000;
/** People in the import row's file (bench/import.ts): enough for a rate that outlasts start-up costs. */
const IMPORT_FULL = 100_000;
const IMPORT_QUICK = 10_000;
/** The budget for `custodia scenario load cecot-2025` on PGlite. */
const SCENARIO_BUDGET_S = 60;
const QUICK_PEOPLE = 20_000;
const GiB = 1024 ** 3;
const MiB = 1024 ** 2;
const here = fileURLToPath(new URL('.', import.meta.url));

/** The API benchmark, registered as `api` (and `scale`) in `run.ts`. */
export const apiBenchmark: Benchmark = { run };

interface Sample {
  personIds: string[];
  /** Searches that find someone: a person's names without accents, in capitals, or their ref. */
  matches: string[];
}

interface Target {
  engine: 'pglite' | 'postgres';
  dataDir: string;
  env: NodeJS.ProcessEnv;
}

/** The engines to measure: `--engine`, else PGlite, and PostgreSQL too when DATABASE_URL is set. */
export function enginesOf(options: BenchOptions): readonly ('pglite' | 'postgres')[] {
  if (options.engine) return [options.engine];
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

async function run(options: BenchOptions): Promise<BenchReport> {
  const people = options.people ?? (options.quick ? QUICK_PEOPLE : FULL_PEOPLE);
  const seconds = options.quick ? 3 : 10;
  const engines = enginesOf(options);
  const report: BenchReport = {
    title: `API benchmark at ${people.toLocaleString('en-US')} people${options.quick ? ' (--quick)' : ''}`,
    setup: [
      `node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model.trim() ?? 'unknown'}), ${new Date().toISOString()}`,
      `load average at start ${loadAverage()} (1, 5, 15 min): other processes share the cores`,
      `each load: ${seconds} s after a ${Math.max(1, seconds / 5)} s warm-up, closed loop, keep-alive, 127.0.0.1; server in its own process`,
    ],
    comparisons: [],
    extra: [],
    checks: [],
  };
  for (const engine of engines) {
    const target: Target =
      engine === 'postgres'
        ? { engine, dataDir: join(tmpdir(), `custodia-bench-api-pg-${people}`), env: { ...process.env } }
        : {
            engine,
            dataDir: join(tmpdir(), `custodia-bench-api-${people}`),
            env: { ...process.env, DATABASE_URL: '' },
          };
    if (engine === 'postgres' && !process.env.DATABASE_URL) {
      throw new Error('--engine postgres needs DATABASE_URL (a database this bench may fill)');
    }
    const { sample, loaded } = await prepare(target, people, options.log);
    report.setup.push(
      `${engine}: ${loaded.entries.toLocaleString('en-US')} ledger entries; ` +
        (loaded.ms === null
          ? 'reused from an earlier run'
          : `scenario with ${people.toLocaleString('en-US')} people loaded in ${(loaded.ms / 1000).toFixed(0)} s`) +
        (engine === 'pglite' ? ` (${target.dataDir})` : ''),
    );
    if (loaded.maxRss !== null) {
      report.comparisons.push(
        memoryBudget(
          `${engine}: 1 GiB budget vs the peak RSS of loading ${people.toLocaleString('en-US')} people`,
          loaded.maxRss,
          'the scenario load, in a process of its own',
        ),
      );
    }
    await measureApi(target, sample, seconds, report, options.log);
    await measureVerify(target, report, options.log);
    const imported = await measureImport(engine, options.quick ? IMPORT_QUICK : IMPORT_FULL, options.log);
    report.comparisons.push(imported.comparison);
    report.checks.push(...imported.checks);
  }
  if (engines.includes('pglite')) report.comparisons.push(await measureScenarioLoad(options.log));
  report.setup.push(`load average at end ${loadAverage()}`);
  return report;
}

/** Loads the scenario with `people` on the roster unless the installation already holds a ledger. */
async function prepare(
  target: Target,
  people: number,
  log: (line: string) => void,
): Promise<{ sample: Sample; loaded: { entries: number; ms: number | null; maxRss: number | null } }> {
  mkdirSync(target.dataDir, { recursive: true });
  const config = loadConfig(target.env, { data: target.dataDir });
  let ctx = await openContext(config, { clock: systemClock });
  let loaded: { ms: number; maxRss: number } | null = null;
  try {
    if ((await ledgerSize(ctx.handle.db)) === 0) {
      // In a process of its own, so that the load's peak memory is measured alone.
      await ctx.handle.close();
      log(`${target.engine}: loading the scenario with ${people} people (once; later runs reuse it)`);
      const child = tsx('api-load.ts', [target.dataDir, String(people)], target.env);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      loaded = JSON.parse(await firstLine(child));
      await exited;
      ctx = await openContext(config, { clock: systemClock });
    }
    const rows = await ctx.handle.db
      .selectFrom('people')
      .select(['id', 'ref', 'given_names', 'paternal_surname', 'maternal_surname'])
      .where('withdrawn_reason', 'is', null)
      // Spread over the roster without reading it all: ids are UUIDv7, so ranges of id are ranges of time.
      .orderBy('id')
      .limit(5000)
      .execute();
    check(rows.length > 0, 'the installation holds people');
    const random = seededRandom(19);
    const picks = Array.from({ length: 500 }, () => rows[Math.floor(random() * rows.length)]!);
    const sample: Sample = {
      personIds: picks.map((p) => p.id),
      matches: picks.map((p, i) =>
        i % 2 === 0
          ? searchable(
              `${p.given_names.split(' ')[0]} ${p.paternal_surname} ${p.maternal_surname ?? ''}`,
            ).toUpperCase()
          : p.ref,
      ),
    };
    return {
      sample,
      loaded: { entries: await ledgerSize(ctx.handle.db), ...(loaded ?? { ms: null, maxRss: null }) },
    };
  } finally {
    await ctx.handle.close();
  }
}

/** What bench/api-server.ts prints on its first line. */
export interface ServerInfo {
  api: number;
  bare: number;
  token: string;
  agreementId: string | null;
  writerToken: string;
  facility: string | null;
}

/** Runs a bench script in a Node process of its own, through tsx. */
export function tsx(script: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', join(here, script), ...args], {
    env,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
}

/** The first line a child prints on stdout (its JSON answer). */
export async function firstLine(child: ChildProcess): Promise<string> {
  if (!child.stdout) throw new Error('the child has no stdout');
  const lines = createInterface({ input: child.stdout });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`the child exited (${code}) before answering`))),
  );
  const line = new Promise<string>((resolve) => lines.once('line', resolve));
  return Promise.race([line, exited]);
}

async function measureApi(
  target: Target,
  sample: Sample,
  seconds: number,
  report: BenchReport,
  log: (line: string) => void,
): Promise<void> {
  const server = tsx('api-server.ts', [target.dataDir], target.env);
  try {
    const ports: ServerInfo = JSON.parse(await firstLine(server));
    const run = async (label: string, port: number, path: (i: number) => string, connections: number) => {
      log(`${target.engine}: ${label}, ${connections} connections`);
      const base = { port, token: ports.token, path, connections };
      await load({ ...base, seconds: Math.max(1, seconds / 5), maxRequests: 2000 });
      const result = await load({ ...base, seconds, maxRequests: 200_000 });
      check(result.errors === 0, `${label}: ${result.errors} of ${result.requests} requests failed`);
      return result;
    };
    const ids = sample.personIds;
    const q = (text: string) => encodeURIComponent(text);
    const agreement = ports.agreementId ?? '';
    const bare = await run('bare Fastify route', ports.bare, () => '/bare', 50);
    const rawPerson = await run(
      'raw primary-key lookup',
      ports.bare,
      (i) => `/raw/people/${ids[i % ids.length]}`,
      50,
    );
    const apiPerson = await run(
      'GET /api/v1/people/{id}',
      ports.api,
      (i) => `/api/v1/people/${ids[i % ids.length]}`,
      50,
    );
    const dashboard = await run('GET /api/v1/dashboard', ports.api, () => '/api/v1/dashboard', 10);
    const matches = sample.matches;
    const searchPath = (text: string) => `/api/v1/people?agreement=${agreement}&q=${q(text)}&limit=50`;
    const rawMatch = await run(
      'raw search, match',
      ports.bare,
      (i) => `/raw/search?q=${q(matches[i % matches.length]!)}`,
      10,
    );
    const apiMatch = await run(
      'people search, match',
      ports.api,
      (i) => searchPath(matches[i % matches.length]!),
      10,
    );
    const missing = (i: number) => `QXZW${i % 997} ZZYQ`;
    const rawMiss = await run(
      'raw search, no match',
      ports.bare,
      (i) => `/raw/search?q=${q(missing(i))}`,
      10,
    );
    const apiMiss = await run('people search, no match', ports.api, (i) => searchPath(missing(i)), 10);

    const e = target.engine;
    report.extra.push(rate(`${e}: bare Fastify route, 50 connections`, bare));
    report.comparisons.push(
      ratioOf(`${e}: person by id vs raw PK lookup (50 conn.)`, apiPerson, rawPerson, 0.5),
      budget(`${e}: dashboard p99 within 50 ms (10 conn.)`, 50, dashboard, 'p99Ms'),
      budget(`${e}: search match p50 within 20 ms (10 conn.)`, 20, apiMatch, 'p50Ms'),
      budget(`${e}: search match p99 within 100 ms (10 conn.)`, 100, apiMatch, 'p99Ms'),
      budget(`${e}: search no match p50 within 20 ms (10 conn.)`, 20, apiMiss, 'p50Ms'),
      budget(`${e}: search no match p99 within 100 ms (10 conn.)`, 100, apiMiss, 'p99Ms'),
    );
    report.extra.push(
      rate(`${e}: dashboard`, dashboard),
      rate(`${e}: raw search, match`, rawMatch),
      rate(`${e}: raw search, no match`, rawMiss),
    );
    report.checks.push(`${e}: every request answered 200 (person, dashboard, search, and their baselines)`);
    // Writes last: the incidents they add do not change what the reads above measured.
    const writes = await measureWrites(e, ports, seconds, log);
    report.comparisons.push(writes.comparison);
    report.extra.push(...writes.extra);
    report.checks.push(`${e}: every write answered 201 (incidents reported at ${ports.facility})`);
  } finally {
    server.stdin?.end();
    await new Promise((resolve) => server.once('exit', resolve));
  }
}

async function measureVerify(
  target: Target,
  report: BenchReport,
  log: (line: string) => void,
): Promise<void> {
  log(`${target.engine}: ledger verify with replay, in its own process`);
  const child = tsx('api-verify.ts', [target.dataDir], { ...target.env, TMPDIR: tmpdir() });
  const result: {
    entries: number;
    readHashMs: number;
    verifyMs: number;
    ok: boolean;
    problems: string[];
    replayRows: number;
    rssAfterBaseline: number;
    maxRss: number;
  } = JSON.parse(await firstLine(child));
  check(result.ok, `ledger verify reports problems: ${result.problems.join('; ')}`);
  const e = target.engine;
  report.checks.push(
    `${e}: ledger verify ok over ${result.entries} entries, ${result.replayRows} replayed rows compared`,
  );
  report.comparisons.push(
    memoryBudget(
      `${e}: 1 GiB budget vs verify's peak RSS`,
      result.maxRss,
      'ledger verify with replay',
      `maxRSS ${(result.rssAfterBaseline / MiB).toFixed(0)} MiB after the read + SHA-256 baseline`,
    ),
  );
  report.extra.push(
    {
      label: `${e}: ledger verify with replay`,
      value: (result.entries * 1000) / result.verifyMs,
      unit: 'entries/s',
      note: `${(result.verifyMs / 1000).toFixed(0)} s`,
    },
    {
      label: `${e}: read + SHA-256 of the same entries`,
      value: (result.entries * 1000) / result.readHashMs,
      unit: 'entries/s',
      note: `${(result.readHashMs / 1000).toFixed(1)} s`,
    },
  );
}

/** A peak RSS against the 1 GiB budget, as a ratio run.ts can print (PASS at ≥ 1×). */
function memoryBudget(name: string, bytes: number, what: string, note?: string): Comparison {
  return {
    name,
    candidate: { label: 'RSS budget', value: GiB / MiB, unit: 'MiB' },
    baseline: { label: `peak RSS of ${what}`, value: bytes / MiB, unit: 'MiB', ...(note ? { note } : {}) },
    target: 1,
  };
}

/** `custodia scenario load cecot-2025` with its defaults into a fresh PGlite directory, in its own process. */
async function measureScenarioLoad(log: (line: string) => void): Promise<Comparison> {
  const dataDir = join(tmpdir(), `custodia-bench-scenario-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  log('pglite: custodia scenario load cecot-2025 (its defaults) into a fresh directory');
  try {
    const child = tsx('api-scenario.ts', [dataDir], { ...process.env, DATABASE_URL: '' });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const result: { code: number; ms: number; entries: number; maxRss: number } = JSON.parse(
      await firstLine(child),
    );
    await exited;
    check(result.code === 0, `custodia scenario load exited ${result.code}`);
    return {
      name: `pglite: scenario load within ${SCENARIO_BUDGET_S} s`,
      candidate: { label: 'budget', value: SCENARIO_BUDGET_S, unit: 's' },
      baseline: {
        label: 'custodia scenario load cecot-2025 (defaults)',
        value: result.ms / 1000,
        unit: 's',
        note: `${result.entries.toLocaleString('en-US')} ledger entries, peak RSS ${(result.maxRss / MiB).toFixed(0)} MiB`,
      },
      target: 1,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function rate(label: string, r: LoadResult): Measurement {
  return {
    label,
    value: r.rate,
    unit: 'req/s',
    note: `p50 ${r.p50Ms.toFixed(1)} ms, p99 ${r.p99Ms.toFixed(1)} ms, max ${r.maxMs.toFixed(0)} ms, ${r.requests} requests`,
  };
}

function ratioOf(name: string, candidate: LoadResult, baseline: LoadResult, target: number): Comparison {
  return {
    name,
    candidate: rate('Custodia API', candidate),
    baseline: rate("the engine's raw query on a bare Fastify route", baseline),
    target,
  };
}

/** A latency target as a ratio run.ts can print: the budget over the measured latency, at least 1. */
function budget(name: string, ms: number, r: LoadResult, which: 'p50Ms' | 'p99Ms'): Comparison {
  return {
    name,
    candidate: { label: 'budget', value: ms, unit: 'ms' },
    baseline: { ...rate(which === 'p50Ms' ? 'p50' : 'p99', r), value: r[which], unit: 'ms' },
    target: 1,
  };
}

/** The 1, 5 and 15 minute load averages, for the report. */
export function loadAverage(): string {
  return loadavg()
    .map((n) => n.toFixed(1))
    .join(', ');
}
