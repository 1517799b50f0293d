/**
 * The import benchmark (`npm run bench -- import [--engine pglite|postgres]`, and a row of `bench -- api`):
 * `custodia import people` of a generated NDJSON roster into a fresh installation, against appending the
 * very events that import recorded to the ledger of another fresh installation (the baseline: the
 * ledger-append rate of the same events in the same run).
 *
 * - Candidate: `importPeople` reading the file as the CLI does (bytes, lines, JSON, the record's schema),
 *   deduplicating refs, deciding each upsert, appending the events and projecting them (the roster, its
 *   search text and trigram index, the person index), in one transaction, then the checkpoint and ANALYZE.
 * - Baseline: `appendEvents` of the same events (type, stream, payload, read back from the candidate's
 *   leaves) in the same batches of 500, in one transaction, then the checkpoint; no projection.
 *
 * Both on the same engine with the same durability: a PGlite data directory whose commits are durable, or
 * two databases created on the PostgreSQL server of DATABASE_URL (dropped afterwards).
 */

import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { generateRoster } from '../scenarios/cecot-2025/roster.js';
import { writeNdjson } from '../scenarios/cecot-2025/write-roster.js';
import { createAgreement } from '../src/agreements/service.js';
import { openContext } from '../src/app.js';
import { readFileChunks } from '../src/cli-support.js';
import { loadConfig } from '../src/config.js';
import type { AppContext } from '../src/context.js';
import { systemClock } from '../src/core/clock.js';
import { withWriteTransaction } from '../src/db/database.js';
import { registerFacility } from '../src/facilities/service.js';
import { type NewEvent, systemActor } from '../src/ledger/events.js';
import { appendEvents, signCheckpoint } from '../src/ledger/ledger.js';
import { ledgerSize, readEntries } from '../src/ledger/store.js';
import { parsePeople } from '../src/people/import-format.js';
import { PEOPLE_EVENTS } from '../src/people/model.js';
import { importPeople } from '../src/people/service.js';
import { dropTestDatabase } from '../src/test-support/drop-database.js';
import { aFacility, anAgreement } from '../src/test-support/factories.js';
import { enginesOf, loadAverage } from './api.js';
import {
  type Benchmark,
  type BenchOptions,
  type BenchReport,
  type Comparison,
  check,
  type Measurement,
  timed,
} from './harness.js';

/** People in the imported file: enough for a rate that outlasts start-up costs. */
const FULL_PEOPLE = 100_000;
const QUICK_PEOPLE = 10_000;
/** Events per appendEvents call in the baseline, as the import stores them. */
const BATCH = 500;
const actor = systemActor('bench');

/** The import benchmark, registered as `import` in `run.ts`. */
export const importBenchmark: Benchmark = { run };

async function run(options: BenchOptions): Promise<BenchReport> {
  const people = options.people ?? (options.quick ? QUICK_PEOPLE : FULL_PEOPLE);
  const report: BenchReport = {
    title: `Import benchmark: ${people.toLocaleString('en-US')} people${options.quick ? ' (--quick)' : ''}`,
    setup: [`load average at start ${loadAverage()} (1, 5, 15 min): other processes share the cores`],
    comparisons: [],
    extra: [],
    checks: [],
  };
  for (const engine of enginesOf(options)) {
    const measured = await measureImport(engine, people, options.log);
    report.comparisons.push(measured.comparison);
    report.extra.push(...measured.extra);
    report.checks.push(...measured.checks);
  }
  report.setup.push(`load average at end ${loadAverage()}`);
  return report;
}

/** One installation of the benchmark: where it lives and how to remove it. */
interface Installation {
  env: NodeJS.ProcessEnv;
  dataDir: string;
  remove(): Promise<void>;
}

/**
 * Imports `people` generated people into a fresh installation of `engine`, then appends the same events
 * to another; returns the ratio (target 0.5) and both rates.
 */
export async function measureImport(
  engine: 'pglite' | 'postgres',
  people: number,
  log: (line: string) => void,
): Promise<{ comparison: Comparison; extra: Measurement[]; checks: string[] }> {
  const work = join(tmpdir(), `custodia-bench-import-${process.pid}`);
  mkdirSync(work, { recursive: true });
  const file = join(work, 'roster.ndjson');
  const candidate = await install(engine, work, 'import');
  const baseline = await install(engine, work, 'append');
  try {
    log(`${engine}: writing a roster of ${people} people to ${file}`);
    const out = createWriteStream(file);
    await writeNdjson(generateRoster({ count: people, seed: 1919 }), out);
    await new Promise<void>((resolve, reject) =>
      out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );

    log(`${engine}: importing it (custodia import people)`);
    const imported = await withContext(candidate, async (ctx) => {
      const facility = await registerFacility(ctx, actor, aFacility({ code: 'BENCH-IMPORT' }));
      const agreement = await createAgreement(
        ctx,
        actor,
        anAgreement([facility.id], { code: 'bench-import' }),
      );
      const before = await ledgerSize(ctx.handle.db);
      const input = readFileChunks(file, () => {});
      const result = await timed(() =>
        importPeople(ctx, actor, agreement.id, parsePeople(input.chunks, 'ndjson')),
      );
      check(
        result.result.registered === people && result.result.rejectedCount === 0,
        `the import registered ${result.result.registered} of ${people} people (${result.result.rejectedCount} rejected)`,
      );
      // The events it recorded, as the baseline appends them: read back from the leaves.
      const events: NewEvent[] = [];
      for (let from = before; from < result.result.ledgerSize; from += 5000) {
        const rows = await readEntries(ctx.handle.db, from, Math.min(from + 5000, result.result.ledgerSize));
        for (const row of rows) {
          const leaf = JSON.parse(row.leaf) as { type: string; streamId: string; payload: unknown };
          if (leaf.type !== PEOPLE_EVENTS.registered) continue;
          events.push({ type: leaf.type, streamId: leaf.streamId, payload: leaf.payload, newStream: true });
        }
      }
      check(
        events.length === people,
        `the import recorded ${events.length} registrations for ${people} people`,
      );
      return { ...result, events };
    });

    log(`${engine}: appending the same ${imported.events.length} events to a fresh ledger`);
    const appended = await withContext(baseline, async (ctx) => {
      const now = ctx.clock.now();
      return timed(() =>
        withWriteTransaction(ctx.handle, async (tx) => {
          for (let i = 0; i < imported.events.length; i += BATCH) {
            await appendEvents(tx, imported.events.slice(i, i + BATCH), actor, now);
          }
          await signCheckpoint(tx, ctx.signer, now);
        }),
      );
    });

    const rate = (
      label: string,
      count: number,
      r: { ms: number; cpuMs: number },
      note: string,
    ): Measurement => ({
      label,
      value: (count * 1000) / r.ms,
      cpuValue: (count * 1000) / r.cpuMs,
      unit: 'people/s',
      note: `${(r.ms / 1000).toFixed(1)} s; ${note}`,
    });
    return {
      comparison: {
        name: `${engine}: import vs ledger append of the same events`,
        candidate: rate(
          `${engine}: import people (NDJSON file, one transaction)`,
          people,
          imported,
          'parse, validate, dedupe, decide, append, project, checkpoint, ANALYZE',
        ),
        baseline: rate(
          `${engine}: appendEvents of the same events`,
          imported.events.length,
          appended,
          `${BATCH} per call, one transaction, checkpoint`,
        ),
        target: 0.5,
      },
      extra: [],
      checks: [`${engine}: the import registered all ${people} people and recorded one event each`],
    };
  } finally {
    await candidate.remove();
    await baseline.remove();
    rmSync(work, { recursive: true, force: true });
  }
}

/** A fresh installation: a PGlite directory, or a database created on the server of DATABASE_URL. */
async function install(engine: 'pglite' | 'postgres', work: string, name: string): Promise<Installation> {
  const dataDir = join(work, name);
  mkdirSync(dataDir, { recursive: true });
  if (engine === 'pglite') {
    return { env: { ...process.env, DATABASE_URL: '' }, dataDir, remove: async () => {} };
  }
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new Error('--engine postgres needs DATABASE_URL (a server this bench may create databases on)');
  const database = `custodia_bench_${name}_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database ${database}`);
  } finally {
    await admin.end();
  }
  const own = new URL(url);
  own.pathname = `/${database}`;
  return {
    env: { ...process.env, DATABASE_URL: own.toString() },
    dataDir,
    remove: () => dropTestDatabase(url, database),
  };
}

async function withContext<T>(installation: Installation, work: (ctx: AppContext) => Promise<T>): Promise<T> {
  const ctx = await openContext(loadConfig(installation.env, { data: installation.dataDir }), {
    clock: systemClock,
  });
  try {
    return await work(ctx);
  } finally {
    await ctx.handle.close();
  }
}
