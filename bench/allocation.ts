/**
 * The allocation benchmark: 40,000 generated people into CECOT's 256 cells, by `allocate` (most even
 * occupancy, then fewest modules) against a greedy first fit (each person, in input order, into the first
 * cell that fits) in the same run.
 *
 * The people mix, fixed by a seed: 95% men and 5% women; MS-13 35%, Barrio 18 Sureños 15%, Barrio 18
 * Revolucionarios 10%, Tren de Aragua 5%, no affiliation 35%; 30% convicted in multi-defendant cases of
 * 2 to 6 people. The cells: 8 modules × 32, working capacity 160 each (40,960 places, the official
 * capacity of 40,000 plus the rounding), no local occupants so the whole population is placed.
 *
 * Targets (issue 4): zero violations of any hard constraint (checked by `checkAllocation`, independently
 * of how the placements were made), occupancy more even than first fit, and time ≤ 3× first fit, i.e. a
 * throughput ratio ≥ 0.33. Both sides are timed placing people; both results then go through the same
 * check, whose time is reported on its own (`allocate` = `place` + that check).
 */

import {
  type AllocationCell,
  type AllocationInput,
  type AllocationPerson,
  checkAllocation,
  DEFAULT_RIVALRIES,
  firstFit,
  type Placement,
  place,
} from '../src/facilities/allocation.js';
import {
  type Benchmark,
  type BenchOptions,
  type BenchReport,
  check,
  rates,
  seededRandom,
  timed,
} from './harness.js';

const FULL = 40_000;
const MODULES = 8;
const CELLS_PER_MODULE = 32;
const WORKING_CAPACITY = 160;

/** The allocation benchmark, registered as `allocation` in `run.ts`. */
export const allocationBenchmark: Benchmark = { run };

function generate(count: number, cellCapacity: number): AllocationInput {
  const random = seededRandom(40_000);
  const cells: AllocationCell[] = [];
  for (let m = 1; m <= MODULES; m++) {
    for (let c = 1; c <= CELLS_PER_MODULE; c++) {
      const code = `M${m}-C${String(c).padStart(2, '0')}`;
      cells.push({
        id: code,
        code,
        module: `M${m}`,
        workingCapacity: cellCapacity,
        active: true,
        localOccupants: 0,
        localSex: null,
      });
    }
  }
  const people: AllocationPerson[] = [];
  let caseNo = 0;
  while (people.length < count) {
    const codefendants = random() < 0.3 ? 2 + Math.floor(random() * 5) : 1;
    const caseNumber = `1:${20 + Math.floor(random() * 5)}-cr-${String(++caseNo).padStart(5, '0')}`;
    for (let k = 0; k < codefendants && people.length < count; k++) {
      const r = random();
      const org =
        r < 0.35
          ? 'MS-13'
          : r < 0.5
            ? 'Barrio 18 Sureños'
            : r < 0.6
              ? 'Barrio 18 Revolucionarios'
              : r < 0.65
                ? 'Tren de Aragua'
                : null;
      const n = people.length;
      people.push({
        personId: `p${n}`,
        ref: `B-${String(n).padStart(6, '0')}`,
        sex: random() < 0.95 ? 'M' : 'F',
        organizations: org ? [org] : [],
        caseNumbers: codefendants > 1 ? [caseNumber] : [],
      });
    }
  }
  return { cells, housed: [], people, rules: { rivalries: DEFAULT_RIVALRIES, separateFromLocal: false } };
}

function ratios(input: AllocationInput, placements: readonly Placement[]) {
  const counts = new Map(input.cells.map((c) => [c.id, 0]));
  for (const p of placements) counts.set(p.cellId, (counts.get(p.cellId) ?? 0) + 1);
  const values = input.cells.map((c) => counts.get(c.id)! / c.workingCapacity);
  return { max: Math.max(...values), min: Math.min(...values) };
}

async function run({ quick, log }: BenchOptions): Promise<BenchReport> {
  const count = quick ? FULL / 10 : FULL;
  const input = generate(count, quick ? WORKING_CAPACITY / 10 : WORKING_CAPACITY);
  log(`${count} people, ${input.cells.length} cells`);
  // Warm both up on a small slice so neither pays for the JIT alone.
  const slice = { ...input, people: input.people.slice(0, 2000) };
  place(slice);
  firstFit(slice);

  const rounds = 3;
  const greedyTimes: { ms: number; cpuMs: number }[] = [];
  const oursTimes: { ms: number; cpuMs: number }[] = [];
  let greedy: Placement[] = [];
  let ours = place(slice);
  for (let i = 0; i < rounds; i++) {
    log(`round ${i + 1}/${rounds}: first fit`);
    const g = await timed(() => firstFit(input));
    greedyTimes.push(g);
    greedy = g.result;
    log(`round ${i + 1}/${rounds}: allocate (placement)`);
    const o = await timed(() => place(input));
    oursTimes.push(o);
    ours = o.result;
  }
  const best = (times: { ms: number; cpuMs: number }[]) => times.reduce((a, b) => (b.ms < a.ms ? b : a));
  const g = best(greedyTimes);
  const o = best(oursTimes);

  log('checking both results against every hard constraint');
  const greedyChecks = checkAllocation(input, greedy);
  const checked = await timed(() => checkAllocation(input, ours.placements));
  check(
    checked.result.ok,
    `allocate broke a hard constraint: ${JSON.stringify(checked.result.violations.slice(0, 3))}`,
  );
  check(greedyChecks.ok, 'first fit broke a hard constraint');
  const oursEven = ratios(input, ours.placements);
  const greedyEven = ratios(input, greedy);
  const spread = (r: { max: number; min: number }) => r.max - r.min;
  check(
    ours.placements.length >= greedy.length,
    `allocate placed ${ours.placements.length}, first fit ${greedy.length}`,
  );

  const evenness = (r: { max: number; min: number }) => 1 - spread(r);
  return {
    title: `Allocation: ${count.toLocaleString('en-US')} people into ${input.cells.length} cells (best of ${rounds})`,
    setup: [
      `${MODULES} modules × ${CELLS_PER_MODULE} cells, working capacity ${input.cells[0]!.workingCapacity} each; no local occupants`,
      '95% men; MS-13 35%, Barrio 18 Sureños 15%, Barrio 18 Revolucionarios 10%, Tren de Aragua 5%; 30% in multi-defendant cases of 2–6',
      `placed: allocate ${ours.placements.length}, first fit ${greedy.length}; unplaced by allocate: ${ours.unplaced.length}`,
      `occupancy ratio max/min: allocate ${oursEven.max.toFixed(3)}/${oursEven.min.toFixed(3)}, first fit ${greedyEven.max.toFixed(3)}/${greedyEven.min.toFixed(3)}; modules opened by allocate ${ours.evenness.modulesOpened}`,
    ],
    comparisons: [
      {
        name: 'allocation time vs first fit (≤ 3× its time)',
        candidate: { label: 'allocate', unit: 'people/s', ...rates(count, o), note: `${o.ms.toFixed(0)} ms` },
        baseline: { label: 'first fit', unit: 'people/s', ...rates(count, g), note: `${g.ms.toFixed(0)} ms` },
        target: 1 / 3,
      },
      {
        name: 'evenness vs first fit (1 − (max − min) ratio)',
        candidate: { label: 'allocate evenness', unit: '', value: evenness(oursEven) },
        baseline: { label: 'first fit evenness', unit: '', value: Math.max(evenness(greedyEven), 1e-9) },
        target: 1,
      },
    ],
    extra: [
      {
        label:
          'check report (every hard constraint, from scratch; part of `allocate`, not of the time above)',
        unit: 'people/s',
        ...rates(count, checked),
        note: `${checked.ms.toFixed(0)} ms`,
      },
    ],
    checks: [
      `zero hard-constraint violations in allocate's ${ours.placements.length} placements (checkAllocation)`,
      `zero hard-constraint violations in first fit's ${greedy.length} placements`,
      `allocate spread ${spread(oursEven).toFixed(3)} < first fit spread ${spread(greedyEven).toFixed(3)}: ${spread(oursEven) < spread(greedyEven) ? 'more even' : 'NOT more even'}`,
    ],
  };
}
