/**
 * Runs one benchmark and prints its table: `npm run bench -- <name> [--quick] [--json]`.
 * Progress goes to stderr, results to stdout. Exit codes follow the CLI: 0 when the benchmark ran (a
 * MISS is a finding, not a failure), 2 for a missing or unknown name, 3 when the benchmark itself failed.
 */

import {
  type Benchmark,
  type BenchReport,
  type Comparison,
  formatRate,
  formatRatio,
  type Measurement,
} from './harness.js';

/** Modules are loaded on demand so one benchmark's dependencies never slow another's start. */
const benchmarks: Record<string, { description: string; load: () => Promise<Benchmark> }> = {
  ledger: {
    description: 'append, verify and inclusion-proof throughput of the Merkle ledger on PGlite',
    load: async () => (await import('./ledger.js')).ledgerBenchmark,
  },
  allocation: {
    description: '40,000 people into 256 cells: allocate against a greedy first fit',
    load: async () => (await import('./allocation.js')).allocationBenchmark,
  },
  billing: {
    description: "one month's invoice for 40,000 people in custody against a hand-written SQL aggregate",
    load: async () => (await import('./billing.js')).billingBenchmark,
  },
  api: {
    description:
      'the HTTP API over a roster of 1.5 million people (--people N) against bare Fastify and raw queries',
    load: async () => (await import('./api.js')).apiBenchmark,
  },
  scale: {
    description: 'the same as api: roster scale (search, dashboard, person by id, verify memory)',
    load: async () => (await import('./api.js')).apiBenchmark,
  },
  import: {
    description: 'importing a generated NDJSON roster against appending the same events to the ledger',
    load: async () => (await import('./import.js')).importBenchmark,
  },
  writes: {
    description:
      'incidents reported over HTTP by 10 concurrent clients against 1 (group commit), both engines',
    load: async () => (await import('./writes.js')).writesBenchmark,
  },
  hearings: {
    description: 'hearing availability against a year of bookings in 6 rooms, against a brute-force scan',
    load: async () => (await import('./hearings.js')).hearingsBenchmark,
  },
  screening: {
    description: 'screening a 1.5-million-person NDJSON roster against parsing it alone',
    load: async () => (await import('./screening.js')).screeningBenchmark,
  },
};

function usage(problem: string): never {
  const lines = Object.entries(benchmarks).map(([name, b]) => `  ${name.padEnd(12)}${b.description}`);
  process.stderr.write(
    `${problem}\n\nUsage: npm run bench -- <name> [--quick] [--json]\n\nBenchmarks:\n${lines.join('\n')}\n\n` +
      'Options:\n' +
      '  --quick     sizes divided by 10: checks that the bench runs; the figures mean nothing\n' +
      '  --json      print the report as JSON on stdout\n' +
      '  --people N  roster size for api/scale (default 1,500,000) and import (default 100,000)\n' +
      '  --engine E  pglite or postgres for api/scale/writes/import (default: pglite, and postgres when DATABASE_URL is set)\n',
  );
  process.exit(2);
}

function ratio(c: Comparison): number {
  return c.candidate.value / c.baseline.value;
}

function cpuRatio(c: Comparison): number {
  return c.candidate.cpuValue !== undefined && c.baseline.cpuValue !== undefined
    ? c.candidate.cpuValue / c.baseline.cpuValue
    : Number.NaN;
}

function verdict(c: Comparison): 'PASS' | 'MISS' {
  return ratio(c) >= c.target ? 'PASS' : 'MISS';
}

function describe(m: Measurement): string {
  const details = [m.note, m.cpuValue === undefined ? undefined : `${formatRate(m.cpuValue)} per CPU-second`];
  const extra = details.filter((d) => d !== undefined).join('; ');
  return `  ${m.label}: ${formatRate(m.value)} ${m.unit}${extra ? ` (${extra})` : ''}`;
}

function printReport(report: BenchReport): void {
  const out: string[] = [`\n${report.title}`, ...report.setup.map((line) => `  ${line}`), ''];
  const rows = [
    ['comparison', 'candidate', 'baseline', 'ratio', 'target', 'result', 'CPU-time ratio'],
    ...report.comparisons.map((c) => [
      c.name,
      `${formatRate(c.candidate.value)} ${c.candidate.unit}`,
      `${formatRate(c.baseline.value)} ${c.baseline.unit}`,
      formatRatio(ratio(c)),
      `≥ ${formatRatio(c.target)}`,
      verdict(c),
      formatRatio(cpuRatio(c)),
    ]),
  ];
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => row[col]!.length)));
  const line = (row: string[]) =>
    row
      .map((cell, col) => cell.padEnd(widths[col]!))
      .join('  ')
      .trimEnd();
  out.push(line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line), '');
  out.push('Measurements (wall clock; CPU time is user + system of this process, PGlite included):');
  for (const c of report.comparisons) out.push(describe(c.candidate), describe(c.baseline));
  for (const m of report.extra) out.push(describe(m));
  out.push('', 'Checks:', ...report.checks.map((c) => `  ok  ${c}`), '');
  for (const c of report.comparisons) {
    out.push(`${verdict(c)}  ${c.name}: ${formatRatio(ratio(c))} (target ≥ ${formatRatio(c.target)})`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

const args = process.argv.slice(2);
/** Options that take a value (`--people 200000`), removed from the arguments before the rest is read. */
const valued = new Map<string, string>();
for (const option of ['--people', '--engine']) {
  const at = args.indexOf(option);
  if (at < 0) continue;
  const value = args[at + 1];
  if (value === undefined || value.startsWith('--')) usage(`${option} needs a value.`);
  valued.set(option, value);
  args.splice(at, 2);
}
const flags = new Set(args.filter((a) => a.startsWith('--')));
const names = args.filter((a) => !a.startsWith('--'));
const unknownFlags = [...flags].filter((f) => f !== '--quick' && f !== '--json');
if (unknownFlags.length > 0) usage(`Unknown option ${unknownFlags.join(', ')}.`);
const people = valued.has('--people') ? Number(valued.get('--people')) : undefined;
if (people !== undefined && (!Number.isSafeInteger(people) || people < 1)) {
  usage('--people needs a whole number of people, at least 1.');
}
const engine = valued.get('--engine');
if (engine !== undefined && engine !== 'pglite' && engine !== 'postgres') {
  usage('--engine is pglite or postgres.');
}
const name = names[0];
if (name === undefined) usage('Name the benchmark to run.');
const entry = benchmarks[name];
if (!entry || names.length > 1)
  usage(`Unknown benchmark "${names.join(' ')}": give exactly one of the names below.`);

try {
  const benchmark = await entry.load();
  const report = await benchmark.run({
    quick: flags.has('--quick'),
    log: (message) => process.stderr.write(`[${name}] ${message}\n`),
    ...(people !== undefined ? { people } : {}),
    ...(engine !== undefined ? { engine } : {}),
  });
  if (flags.has('--json')) {
    const comparisons = report.comparisons.map((c) => ({
      ...c,
      ratio: ratio(c),
      cpuRatio: cpuRatio(c),
      result: verdict(c),
    }));
    process.stdout.write(`${JSON.stringify({ ...report, comparisons }, null, 2)}\n`);
  } else {
    printReport(report);
  }
} catch (error) {
  process.stderr.write(`Benchmark ${name} failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(3);
}
