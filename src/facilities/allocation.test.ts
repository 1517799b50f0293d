import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AllocationCell,
  type AllocationInput,
  type AllocationPerson,
  allocate,
  checkAllocation,
  DEFAULT_RIVALRIES,
  firstFit,
} from './allocation.js';

const ORGS = ['MS-13', 'Barrio 18 Sureños', 'Barrio 18 Revolucionarios', 'Tren de Aragua'];
const RULES = { rivalries: DEFAULT_RIVALRIES, separateFromLocal: false };

function cell(code: string, over: Partial<AllocationCell> = {}): AllocationCell {
  return {
    id: `id-${code}`,
    code,
    module: code.split('-')[0]!,
    workingCapacity: 4,
    active: true,
    localOccupants: 0,
    localSex: null,
    ...over,
  };
}

function person(ref: string, over: Partial<AllocationPerson> = {}): AllocationPerson {
  return { personId: `p-${ref}`, ref, sex: 'M', organizations: [], caseNumbers: [], ...over };
}

const cellArb = (i: number) =>
  fc
    .record({
      module: fc.constantFrom('M1', 'M2', 'M3'),
      workingCapacity: fc.integer({ min: 0, max: 6 }),
      inactive: fc.integer({ min: 0, max: 9 }),
      local: fc.integer({ min: 0, max: 6 }),
      localSex: fc.constantFrom<'M' | 'F' | null>('M', 'F', null),
    })
    .map(
      (c): AllocationCell => ({
        id: `c${i}`,
        code: `${c.module}-C${String(i).padStart(2, '0')}`,
        module: c.module,
        workingCapacity: c.workingCapacity,
        active: c.inactive !== 0,
        localOccupants: Math.min(c.local, c.workingCapacity),
        localSex: Math.min(c.local, c.workingCapacity) > 0 ? c.localSex : null,
      }),
    );

const personArb = (i: number) =>
  fc
    .record({
      sex: fc.constantFrom('M', 'F'),
      organizations: fc.subarray(ORGS, { maxLength: 2 }),
      caseNumbers: fc.subarray(['c1', 'c2', 'c3', 'c4', 'c5'], { maxLength: 2 }),
    })
    .map((p) => person(`R${String(i).padStart(3, '0')}`, p));

const inputArb: fc.Arbitrary<AllocationInput> = fc
  .record({
    cells: fc
      .integer({ min: 0, max: 10 })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => cellArb(i)))),
    people: fc
      .integer({ min: 0, max: 40 })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => personArb(i)))),
    split: fc.integer({ min: 0, max: 40 }),
    separateFromLocal: fc.boolean(),
  })
  .map(({ cells, people, split, separateFromLocal }) => {
    const rules = { rivalries: DEFAULT_RIVALRIES, separateFromLocal };
    // People already housed come from an earlier allocation, so they are a valid starting point.
    const first = people.slice(0, Math.min(split, people.length));
    const earlier = allocate({ cells, housed: [], people: first, rules });
    const housed = earlier.placements.map((p) => ({
      ...first.find((x) => x.personId === p.personId)!,
      cellId: p.cellId,
    }));
    return { cells, housed, people: people.slice(first.length), rules };
  });

/** True when `p` could go into some cell of the final state without breaking a hard constraint. */
function fitsSomewhere(
  input: AllocationInput,
  placements: ReturnType<typeof allocate>['placements'],
  p: AllocationPerson,
) {
  const placedPeople = new Map(input.people.map((x) => [x.personId, x]));
  const housed = [
    ...input.housed,
    ...placements.map((pl) => ({ ...placedPeople.get(pl.personId)!, cellId: pl.cellId })),
  ];
  return input.cells.some(
    (c) =>
      checkAllocation({ ...input, housed, people: [p] }, [
        { personId: p.personId, ref: p.ref, cellId: c.id, cell: c.code },
      ]).ok,
  );
}

describe('allocation', () => {
  it('never breaks a hard constraint, places each person at most once, and leaves unplaced only those who fit nowhere', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = allocate(input);
        expect(result.checks.violations).toEqual([]);
        expect(result.checks.ok).toBe(true);
        const placed = new Set(result.placements.map((p) => p.personId));
        expect(placed.size).toBe(result.placements.length);
        expect(result.placements.length + result.unplaced.length).toBe(input.people.length);
        for (const u of result.unplaced) {
          expect(placed.has(u.personId)).toBe(false);
          expect(
            fitsSomewhere(input, result.placements, input.people.find((p) => p.personId === u.personId)!),
          ).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        expect(allocate(input)).toEqual(allocate(input));
      }),
      { numRuns: 100 },
    );
  });

  it('the checker finds any broken constraint it is shown', () => {
    fc.assert(
      fc.property(inputArb, fc.nat(), fc.nat(), (input, a, b) => {
        const result = allocate(input);
        if (result.placements.length < 2 || input.cells.length === 0) return;
        // Move one placed person into another's cell: if that breaks something, the checker must say so,
        // and the result must match a direct recount of that cell.
        const moved = result.placements[a % result.placements.length]!;
        const target = result.placements[b % result.placements.length]!;
        const placements = result.placements.map((p) =>
          p === moved ? { ...p, cellId: target.cellId, cell: target.cell } : p,
        );
        const checks = checkAllocation(input, placements);
        const people = new Map(input.people.map((p) => [p.personId, p]));
        const occupants = [
          ...input.housed.filter((h) => h.cellId === target.cellId),
          ...placements.filter((p) => p.cellId === target.cellId).map((p) => people.get(p.personId)!),
        ];
        const cellOf = input.cells.find((c) => c.id === target.cellId)!;
        const over = cellOf.localOccupants + occupants.length > cellOf.workingCapacity;
        const sexes = new Set(occupants.map((o) => o.sex));
        if (cellOf.localOccupants > 0) sexes.add(cellOf.localSex ?? '?');
        const rivals = occupants.some((x) =>
          occupants.some(
            (y) =>
              x !== y &&
              DEFAULT_RIVALRIES.some(([r, s]) => x.organizations.includes(r) && y.organizations.includes(s)),
          ),
        );
        const codef = occupants.some((x) =>
          occupants.some((y) => x !== y && x.caseNumbers.some((c) => y.caseNumbers.includes(c))),
        );
        expect(checks.constraints.working_capacity.ok).toBe(!over);
        expect(checks.constraints.sex_separation.ok).toBe(sexes.size <= 1);
        expect(checks.constraints.rival_organisations.ok).toBe(!rivals);
        expect(checks.constraints.co_defendants.ok).toBe(!codef);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps rivals and co-defendants apart and says what stopped the unplaced', () => {
    const cells = ['M1-C01', 'M1-C02', 'M1-C03'].map((c) => cell(c, { workingCapacity: 4 }));
    const people = [
      person('A', { organizations: ['MS-13'], caseNumbers: ['1:21-cr-1'] }),
      person('B', { organizations: ['Barrio 18 Sureños'] }),
      person('C', { organizations: ['Barrio 18 Revolucionarios'] }),
      person('D', { organizations: ['MS-13'], caseNumbers: ['1:21-cr-1'] }),
      person('E', { caseNumbers: ['1:21-cr-1'] }),
      person('F', { caseNumbers: ['1:21-cr-1'] }),
    ];
    const result = allocate({ cells, housed: [], people, rules: RULES });
    expect(result.checks.ok).toBe(true);
    const cellOf = Object.fromEntries(result.placements.map((p) => [p.ref, p.cell]));
    expect(cellOf).toEqual({ A: 'M1-C01', D: 'M1-C02', B: 'M1-C03', C: 'M1-C03', E: 'M1-C03' });
    // The fourth co-defendant has no cell left: every cell holds one of them.
    expect(result.unplaced).toEqual([
      expect.objectContaining({ ref: 'F', constraint: 'co_defendants', cellsRuledOut: { co_defendants: 3 } }),
    ]);
    expect(result.unplaced[0]!.reason).toBe(
      'No cell can take F: in 3 of 3 cells the cell holds a co-defendant.',
    );
  });

  it('spreads people evenly, opening as few modules as ties allow, and respects the local population', () => {
    const cells = [
      cell('M1-C01', { localOccupants: 2, localSex: 'M' }),
      cell('M1-C02'),
      cell('M2-C01'),
      cell('M2-C02', { active: false }),
    ];
    const people = ['A', 'B', 'C', 'D'].map((r) => person(r));
    const mixed = allocate({ cells, housed: [], people, rules: RULES });
    expect(mixed.evenness).toEqual({ maxRatio: 0.5, minRatio: 0.5, modulesOpened: 2 });
    const apart = allocate({ cells, housed: [], people, rules: { ...RULES, separateFromLocal: true } });
    expect(apart.placements.map((p) => p.cell).sort()).toEqual(['M1-C02', 'M1-C02', 'M2-C01', 'M2-C01']);
    const women = allocate({ cells, housed: [], people: [person('F1', { sex: 'F' })], rules: RULES });
    expect(women.placements[0]!.cell).not.toBe('M1-C01');
  });

  it('is more even than first fit, which fills one cell before the next', () => {
    const cells = ['M1-C01', 'M1-C02', 'M2-C01', 'M2-C02'].map((c) => cell(c, { workingCapacity: 10 }));
    const people = Array.from({ length: 12 }, (_, i) => person(`P${i}`, { caseNumbers: [`case-${i % 6}`] }));
    const input = { cells, housed: [], people, rules: RULES };
    const greedy = firstFit(input);
    expect(checkAllocation(input, greedy).ok).toBe(true);
    expect(greedy.filter((p) => p.cell === 'M1-C01')).toHaveLength(6);
    expect(allocate(input).evenness).toEqual({ maxRatio: 0.3, minRatio: 0.3, modulesOpened: 2 });
  });
});
