import { Temporal } from '../../src/core/dates.js';

/**
 * A seeded pseudo-random source for synthetic scenarios (ARCHITECTURE.md principle 3: randomness is a
 * parameter). The same seed always gives the same sequence; nothing here reads Math.random or a clock.
 */

/** A table of `[value, weight]` pairs; weights are relative and need not sum to 1. */
export type Weighted<T> = readonly (readonly [T, number])[];

/** A deterministic random source created from a seed by {@link createRandom}. */
export interface Random {
  /** A float in [0, 1) with 32 bits of resolution. */
  next(): number;
  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** One value of a weighted table, with probability weight / total weight. */
  weighted<T>(table: Weighted<T>): T;
  /** True with probability `p` (0 never, 1 always). */
  chance(p: number): boolean;
  /** A calendar date `YYYY-MM-DD` in [from, to], both ends included, uniformly by day. */
  dateBetween(from: string, to: string): string;
}

const EPOCH = Temporal.PlainDate.from('1970-01-01');

// Date strings are converted through Temporal, which costs microseconds per call; a roster of 1.5M
// people converts tens of millions of dates over a few tens of thousands of distinct days, so a
// bounded memo makes streaming fast without writing our own calendar arithmetic.
const MEMO_LIMIT = 200_000;
const dayOfIso = new Map<string, number>();
const isoOfDay = new Map<number, string>();

/** Days since 1970-01-01 of a `YYYY-MM-DD` date (negative before 1970). */
export function isoToDay(iso: string): number {
  const known = dayOfIso.get(iso);
  if (known !== undefined) return known;
  const day = EPOCH.until(Temporal.PlainDate.from(iso, { overflow: 'reject' }), { largestUnit: 'days' }).days;
  if (dayOfIso.size >= MEMO_LIMIT) dayOfIso.clear();
  dayOfIso.set(iso, day);
  return day;
}

/** The `YYYY-MM-DD` date that is `day` days after 1970-01-01. */
export function dayToIso(day: number): string {
  const known = isoOfDay.get(day);
  if (known !== undefined) return known;
  const iso = EPOCH.add({ days: day }).toString();
  if (isoOfDay.size >= MEMO_LIMIT) isoOfDay.clear();
  isoOfDay.set(day, iso);
  return iso;
}

/** `iso` moved by `days` calendar days (negative moves back). */
export function addDays(iso: string, days: number): string {
  return dayToIso(isoToDay(iso) + days);
}

/** splitmix32: spreads a seed's bits so that nearby seeds (1, 2, 3…) start far apart. */
function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  };
}

/**
 * Creates a random source from an integer seed, using sfc32 (PractRand-clean, 128-bit state, fast in
 * 32-bit JavaScript arithmetic). Example: `createRandom(7).int(1, 6)` is the same die roll every run.
 */
export function createRandom(seed: number): Random {
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(`seed must be a whole number (a safe integer), got ${seed}; pass e.g. 2025`);
  }
  // Both halves of the seed feed the state so that seeds differing only above bit 32 still differ.
  const low = splitmix32(seed >>> 0);
  const high = splitmix32(Math.floor(seed / 2 ** 32) ^ 0x5f3759df);
  let a = low();
  let b = high();
  let c = low() ^ high();
  let d = 1;

  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // The first outputs of sfc32 still correlate with the seed; the reference implementation discards 12.
  for (let i = 0; i < 12; i++) nextUint32();

  const next = (): number => nextUint32() / 2 ** 32;

  const int = (min: number, max: number): number => {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || max < min) {
      throw new RangeError(`int(min, max) needs whole numbers with min <= max, got ${min}, ${max}`);
    }
    return min + Math.floor(next() * (max - min + 1));
  };

  return {
    next,
    int,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('pick() needs a non-empty array');
      return items[Math.floor(next() * items.length)] as T;
    },
    weighted<T>(table: Weighted<T>): T {
      let total = 0;
      for (const [, weight] of table) {
        if (!(weight >= 0)) throw new RangeError(`weights must be 0 or more, got ${weight}`);
        total += weight;
      }
      if (total <= 0) throw new RangeError('weighted() needs at least one positive weight');
      let roll = next() * total;
      for (const [value, weight] of table) {
        if (roll < weight) return value;
        roll -= weight;
      }
      // Floating-point rounding can leave a sliver past the last entry; it belongs to the last weight.
      for (let i = table.length - 1; i >= 0; i--) {
        const entry = table[i];
        if (entry && entry[1] > 0) return entry[0];
      }
      throw new RangeError('weighted() needs at least one positive weight');
    },
    chance(p: number): boolean {
      return next() < p;
    },
    dateBetween(from: string, to: string): string {
      const first = isoToDay(from);
      const last = isoToDay(to);
      if (last < first) throw new RangeError(`dateBetween needs from <= to, got ${from} and ${to}`);
      return dayToIso(int(first, last));
    },
  };
}
