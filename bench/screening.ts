/**
 * The screening benchmark: screening a whole sending-state roster from an NDJSON file, as
 * `custodia screen FILE --json` does, against only reading and validating the same file.
 *
 * 1. Baseline: stream the file through `parsePeople(chunks, 'ndjson')` (which validates every row) and
 *    count the rows.
 * 2. Candidate: the same, then `screen(record, CECOT_2025_V1, '2025-03-14')` for every valid record and
 *    `JSON.stringify(toResult(s, 'en'))` as the CLI writes it (the strings are discarded).
 *
 * The roster (1.5 million people, 150,000 with --quick) comes from `scenarios/cecot-2025/roster.ts`,
 * written once into the temp directory and reused while its count and seed stay the same. Memory is
 * the second target: peak RSS while screening, sampled every 100 ms, must stay under 1 GiB.
 */

import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync, renameSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateRoster } from '../scenarios/cecot-2025/roster.js';
import { writeNdjson } from '../scenarios/cecot-2025/write-roster.js';
import { CECOT_2025_V1, screen, toResult } from '../src/eligibility/engine.js';
import type { Outcome } from '../src/eligibility/policy.js';
import { parsePeople } from '../src/people/import-format.js';
import { type Benchmark, type BenchOptions, type BenchReport, check, rates, timed } from './harness.js';

const FULL_COUNT = 1_500_000;
const QUICK_COUNT = 150_000;
const SEED = 2025;
const AS_OF = '2025-03-14';
/** The read size `custodia screen FILE` uses (`readFileChunks` in src/cli-support.ts). */
const CHUNK_BYTES = 256 * 1024;
const RSS_BUDGET = 1024 ** 3;
const MiB = 1024 ** 2;

/** The screening benchmark, registered as `screening` in `run.ts`. */
export const screeningBenchmark: Benchmark = { run };

interface Tally {
  valid: number;
  invalid: number;
  outcomes: Record<Outcome, number>;
  /** Characters of JSON the candidate produced (so the serialisation cannot be optimised away). */
  jsonChars: number;
}

async function run({ quick, log }: BenchOptions): Promise<BenchReport> {
  const count = quick ? QUICK_COUNT : FULL_COUNT;
  const loadStart = loadAverage();
  const checks: string[] = [];
  const path = join(tmpdir(), `custodia-bench-roster-${count}-${SEED}.ndjson`);
  const reused = existsSync(path);
  if (reused) {
    log(`reusing ${path}`);
  } else {
    log(`writing ${count} people to ${path}`);
    const written = await timed(() => writeRoster(path, count));
    log(`wrote ${written.result} people in ${seconds(written.ms)}`);
  }
  const bytes = statSync(path).size;
  const mb = bytes / 1e6;

  // One plain read first so both sides find the file in the page cache.
  await timed(async () => {
    for await (const _ of createReadStream(path, { highWaterMark: CHUNK_BYTES }));
  });

  log(`baseline: parsePeople over ${mb.toFixed(0)} MB`);
  const baseline = await timed(() => parseOnly(path));
  const maxRssBefore = process.resourceUsage().maxRSS * 1024;
  log(`baseline: ${baseline.result.valid} valid rows in ${seconds(baseline.ms)}`);

  log('candidate: parsePeople + screen + JSON.stringify(toResult)');
  let sampledPeak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss);
  }, 100);
  let candidate: Awaited<ReturnType<typeof timed<Tally>>>;
  try {
    candidate = await timed(() => parseAndScreen(path));
  } finally {
    clearInterval(sampler);
  }
  sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss);
  const maxRss = process.resourceUsage().maxRSS * 1024;
  log(`candidate: ${candidate.result.valid} screened in ${seconds(candidate.ms)}`);

  const b = baseline.result;
  const c = candidate.result;
  check(b.valid + b.invalid === count, `the baseline read ${b.valid + b.invalid} rows, expected ${count}`);
  check(
    c.valid === b.valid && c.invalid === b.invalid,
    `the candidate saw ${c.valid}/${c.invalid} valid/invalid rows, the baseline ${b.valid}/${b.invalid}`,
  );
  const { eligible, pending, ineligible } = c.outcomes;
  check(eligible + pending + ineligible === c.valid, 'outcome counts do not add up to the screened rows');
  check(
    eligible > 0 && pending > 0 && ineligible > 0,
    `every outcome should occur: ${JSON.stringify(c.outcomes)}`,
  );
  checks.push(`both sides read ${count} rows (${b.valid} valid, ${b.invalid} rejected by validation)`);
  checks.push(
    `outcomes: ${eligible} eligible (${pct(eligible, c.valid)}), ${pending} pending (${pct(pending, c.valid)}), ` +
      `${ineligible} ineligible (${pct(ineligible, c.valid)}); ${(c.jsonChars / 1e6).toFixed(0)} MB of result JSON discarded`,
  );

  // The peak that counts: the 100 ms samples, or the process's high-water mark if it rose while screening.
  const peak = maxRss > maxRssBefore ? Math.max(sampledPeak, maxRss) : sampledPeak;
  const total = b.valid + b.invalid;
  return {
    title: `Screening benchmark${quick ? ' (--quick: sizes / 10, figures not meaningful)' : ''}`,
    setup: [
      `node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model.trim() ?? 'unknown'}), ${new Date().toISOString()}`,
      `load average at start ${loadStart}, at end ${loadAverage()} (1, 5, 15 min): other processes share the cores`,
      `${path}: ${count} generated people (seed ${SEED}), ${mb.toFixed(0)} MB, ` +
        `${Math.round(bytes / count)} B per line${reused ? ', reused from an earlier run' : ''}`,
      `read with createReadStream, ${CHUNK_BYTES / 1024} KiB chunks (as custodia screen FILE); file warmed into the page cache first`,
      `policy ${CECOT_2025_V1.policyId} as of ${AS_OF}; baseline run first, then the candidate`,
    ],
    comparisons: [
      {
        name: 'screen vs parse only',
        candidate: {
          label: 'parsePeople + screen + JSON.stringify(toResult)',
          ...rates(total, candidate),
          unit: 'rows/s',
          note: `${mbps(mb, candidate.ms)} MB/s, ${seconds(candidate.ms)}`,
        },
        baseline: {
          label: 'parsePeople (validates each row)',
          ...rates(total, baseline),
          unit: 'rows/s',
          note: `${mbps(mb, baseline.ms)} MB/s, ${seconds(baseline.ms)}`,
        },
        target: 0.5,
      },
      {
        // As a ratio so run.ts prints a PASS/MISS line: budget / peak must be at least 1.
        name: '1 GiB budget vs peak RSS',
        candidate: { label: 'RSS budget', value: RSS_BUDGET / MiB, unit: 'MiB' },
        baseline: {
          label: 'peak RSS while screening',
          value: peak / MiB,
          unit: 'MiB',
          note:
            `100 ms samples peaked at ${(sampledPeak / MiB).toFixed(0)} MiB; process maxRSS ` +
            `${(maxRssBefore / MiB).toFixed(0)} MiB before screening, ${(maxRss / MiB).toFixed(0)} MiB after`,
        },
        target: 1,
      },
    ],
    extra: [],
    checks,
  };
}

/** Writes the roster to `path` through a temporary name, so a half-written file is never reused. */
async function writeRoster(path: string, count: number): Promise<number> {
  const partial = `${path}.${process.pid}.partial`;
  const out = createWriteStream(partial);
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  const written = await Promise.race([writeNdjson(generateRoster({ count, seed: SEED }), out), failed]);
  out.end();
  await Promise.race([once(out, 'finish'), failed]);
  renameSync(partial, path);
  return written;
}

function emptyTally(): Tally {
  return { valid: 0, invalid: 0, outcomes: { eligible: 0, pending: 0, ineligible: 0 }, jsonChars: 0 };
}

async function parseOnly(path: string): Promise<Tally> {
  const tally = emptyTally();
  for await (const row of parsePeople(createReadStream(path, { highWaterMark: CHUNK_BYTES }), 'ndjson')) {
    if (row.ok) tally.valid++;
    else tally.invalid++;
  }
  return tally;
}

async function parseAndScreen(path: string): Promise<Tally> {
  const tally = emptyTally();
  for await (const row of parsePeople(createReadStream(path, { highWaterMark: CHUNK_BYTES }), 'ndjson')) {
    if (!row.ok) {
      tally.invalid++;
      continue;
    }
    tally.valid++;
    const s = screen(row.record, CECOT_2025_V1, AS_OF);
    tally.outcomes[s.outcome]++;
    tally.jsonChars += JSON.stringify(toResult(s, 'en')).length;
  }
  return tally;
}

function loadAverage(): string {
  return loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function mbps(mb: number, elapsedMs: number): string {
  return (mb / (elapsedMs / 1000)).toFixed(1);
}

function pct(part: number, whole: number): string {
  return `${((part * 100) / whole).toFixed(1)}%`;
}
