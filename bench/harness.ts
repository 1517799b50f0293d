/**
 * What every benchmark module returns, and the small timing and formatting helpers they share. A
 * benchmark measures a candidate (our code) and a baseline (the cheapest honest way to do the same
 * work) in the same process, so the ratio is meaningful on any machine even when the absolute rates
 * are not.
 */

/** A rate measured once: `value` per second of `unit` (higher is better). */
export interface Measurement {
  label: string;
  value: number;
  unit: string;
  /** The same rate per second of process CPU time (see `timed`), when measured. */
  cpuValue?: number;
  /** How it was measured: sample size, elapsed time, what was included. */
  note?: string;
}

/** A candidate against its baseline, with the ratio the candidate must reach. */
export interface Comparison {
  name: string;
  candidate: Measurement;
  baseline: Measurement;
  /** The minimum `candidate.value / baseline.value` for PASS. */
  target: number;
}

/** Everything a benchmark module reports; `run.ts` prints it. */
export interface BenchReport {
  title: string;
  /** One line each: engine, data sizes, what is in memory or on disk. */
  setup: string[];
  comparisons: Comparison[];
  /** Further rates that explain the headline ones (e.g. the in-memory variant). */
  extra: Measurement[];
  /** Correctness checks that passed; a failed one throws instead, so a broken bench prints no figures. */
  checks: string[];
}

/** Options every benchmark accepts. */
export interface BenchOptions {
  /** Divide the data sizes by 10: a smoke test of the bench itself, not a measurement. */
  quick: boolean;
  /** Progress for stderr. */
  log: (line: string) => void;
  /** `--people N`: the roster size of the benchmarks that load one (api). */
  people?: number;
  /** `--engine pglite|postgres`: one engine only (api; PostgreSQL needs `DATABASE_URL`). */
  engine?: 'pglite' | 'postgres';
}

/** A benchmark module; `run.ts` registers it by name. */
export interface Benchmark {
  run(options: BenchOptions): Promise<BenchReport>;
}

/**
 * Runs `work` and returns its result with the elapsed wall time and the process's CPU time (user +
 * system), both in milliseconds. PGlite runs on this thread, so CPU time covers the database's work
 * too; on a shared machine it is far steadier than wall time, which also counts waiting for a core.
 */
export async function timed<T>(
  work: () => Promise<T> | T,
): Promise<{ ms: number; cpuMs: number; result: T }> {
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  const result = await work();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const cpu = process.cpuUsage(cpuStart);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, result };
}

/** Items per second for `count` items done in `ms` milliseconds. */
export function perSecond(count: number, ms: number): number {
  return ms > 0 ? (count * 1000) / ms : Number.POSITIVE_INFINITY;
}

/** Wall-clock and CPU rates for `count` items done in the time `timed` measured. */
export function rates(
  count: number,
  time: { ms: number; cpuMs: number },
): { value: number; cpuValue: number } {
  return { value: perSecond(count, time.ms), cpuValue: perSecond(count, time.cpuMs) };
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A deterministic pseudo-random generator (mulberry32), so every run uses the same data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Throws when a correctness check fails: a bench that measures broken code must not print figures. */
export function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(`Benchmark self-check failed: ${message}`);
}

/** A rate with three significant figures and thousands separators. */
export function formatRate(value: number): string {
  if (!Number.isFinite(value)) return '∞';
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** A ratio such as `0.62×` or `1,234×`. */
export function formatRatio(value: number): string {
  if (Number.isNaN(value)) return '–';
  if (!Number.isFinite(value)) return '∞×';
  return `${value >= 100 ? formatRate(value) : value.toFixed(2)}×`;
}
