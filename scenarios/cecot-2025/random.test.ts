import { describe, expect, it } from 'vitest';
import { addDays, createRandom, dayToIso, isoToDay } from './random.js';

const draw = (seed: number, n: number): number[] => {
  const random = createRandom(seed);
  return Array.from({ length: n }, () => random.next());
};

describe('createRandom', () => {
  it('repeats a sequence for a seed and differs between nearby and far seeds', () => {
    expect(draw(42, 100)).toEqual(draw(42, 100));
    expect(draw(1, 20)).not.toEqual(draw(2, 20));
    expect(draw(1, 20)).not.toEqual(draw(1 + 2 ** 32, 20));
  });

  it('draws floats in [0, 1) spread evenly', () => {
    const values = draw(7, 20_000);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
  });

  it('int covers both ends and nothing outside them', () => {
    const random = createRandom(3);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(random.int(-2, 3));
    expect([...seen].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2, 3]);
    expect(random.int(5, 5)).toBe(5);
    expect(() => random.int(3, 2)).toThrow(/min <= max/);
  });

  it('pick, weighted and chance follow their weights', () => {
    const random = createRandom(11);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 30_000; i++) {
      counts[
        random.weighted([
          ['a', 1],
          ['b', 2],
          ['c', 0],
        ] as const)
      ]++;
    }
    expect(counts.c).toBe(0);
    expect(counts.b / counts.a).toBeGreaterThan(1.8);
    expect(counts.b / counts.a).toBeLessThan(2.2);
    let heads = 0;
    for (let i = 0; i < 10_000; i++) if (random.chance(0.25)) heads++;
    expect(heads / 10_000).toBeCloseTo(0.25, 1);
    expect(random.chance(0)).toBe(false);
    expect(['x', 'y']).toContain(random.pick(['x', 'y']));
    expect(() => random.pick([])).toThrow(/non-empty/);
    expect(() => random.weighted([['a', 0]])).toThrow(/positive weight/);
  });

  it('dateBetween stays within the inclusive range across a leap day', () => {
    const random = createRandom(5);
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) seen.add(random.dateBetween('2024-02-27', '2024-03-01'));
    expect([...seen].sort()).toEqual(['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01']);
    expect(random.dateBetween('2025-03-14', '2025-03-14')).toBe('2025-03-14');
    expect(() => random.dateBetween('2025-03-15', '2025-03-14')).toThrow(/from <= to/);
  });

  it('rejects a seed that is not a safe integer', () => {
    expect(() => createRandom(0.5)).toThrow(/seed must be a whole number/);
    expect(() => createRandom(Number.NaN)).toThrow(/seed/);
  });
});

describe('day numbers', () => {
  it('convert dates to days since 1970 and back, across centuries', () => {
    expect(isoToDay('1970-01-01')).toBe(0);
    expect(isoToDay('1969-12-31')).toBe(-1);
    expect(dayToIso(isoToDay('2025-03-14'))).toBe('2025-03-14');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2300-01-01', -1)).toBe('2299-12-31');
  });
});
