/**
 * Cell allocation (DOMAIN.md, Facilities and housing → Allocation). Pure: cells, the people already
 * housed, the people to place and the rules in; placements, the unplaced with the constraint that stopped
 * them, and a check report out. Nothing here reads a clock, a database or a random source.
 *
 * Hard constraints: working capacity (local occupants count), sex separation, rival organisations never
 * share a cell, co-defendants (a shared conviction case number) never share a cell, and, when the
 * agreement says so, transferees apart from the local population.
 *
 * Objective: the most even occupancy ratio (occupants / working capacity), then the fewest modules
 * opened to transferees. The method is greedy and deterministic: the most constrained people first, each
 * into the feasible cell whose ratio after placement is lowest, preferring a module already holding
 * transferees, then the cell code. A person is left unplaced only when no cell can take them at that
 * point; since placements only ever remove options, nobody left unplaced fits anywhere in the result.
 */

/** The hard constraints, by the id used in reasons and the check report. */
export const HARD_CONSTRAINTS = [
  'active_cell',
  'working_capacity',
  'sex_separation',
  'rival_organisations',
  'co_defendants',
  'separate_from_local',
] as const;
/** A hard constraint. */
export type HardConstraint = (typeof HARD_CONSTRAINTS)[number];

/** A cell as allocation sees it. */
export interface AllocationCell {
  id: string;
  code: string;
  /** The module's code (or id): used to count modules opened. */
  module: string;
  workingCapacity: number;
  active: boolean;
  /** Local (non-transferee) occupants, who count against working capacity. */
  localOccupants: number;
  /** The sex of the local occupants, or null when there are none. */
  localSex: string | null;
}

/** A person to place, or one already housed. */
export interface AllocationPerson {
  personId: string;
  ref: string;
  sex: string;
  /** Organisations from the person's affiliations (any basis: separation is about safety). */
  organizations: readonly string[];
  /** Case numbers of the person's convictions: people sharing one are co-defendants. */
  caseNumbers: readonly string[];
}

/** The rules allocation applies. */
export interface AllocationRules {
  /** Pairs of organisations that never share a cell (order does not matter). */
  rivalries: readonly (readonly [string, string])[];
  /** The agreement's setting: transferees only in cells without local occupants. */
  separateFromLocal: boolean;
}

/** DOMAIN.md's default rivalry table: MS-13 against both Barrio 18 factions. */
export const DEFAULT_RIVALRIES: readonly (readonly [string, string])[] = [
  ['MS-13', 'Barrio 18 Sureños'],
  ['MS-13', 'Barrio 18 Revolucionarios'],
];

/** Everything allocation needs. `housed` stay where they are; `people` are placed. */
export interface AllocationInput {
  cells: readonly AllocationCell[];
  housed: readonly (AllocationPerson & { cellId: string })[];
  people: readonly AllocationPerson[];
  rules: AllocationRules;
}

/** One placement. */
export interface Placement {
  personId: string;
  ref: string;
  cellId: string;
  cell: string;
}

/** Someone allocation could not place, with the constraint that stopped them. */
export interface Unplaced {
  personId: string;
  ref: string;
  /** The constraint that ruled out the most cells for this person. */
  constraint: HardConstraint;
  /** How many cells each constraint ruled out (each cell counted once, by its first failing constraint). */
  cellsRuledOut: Partial<Record<HardConstraint, number>>;
  reason: string;
}

/** One broken hard constraint found by `checkAllocation`. */
export interface Violation {
  constraint: HardConstraint | 'placed_once' | 'known_cell';
  cell: string | null;
  people: string[];
  detail: string;
}

/** The check report: per constraint, whether it holds, and every violation found. */
export interface AllocationChecks {
  ok: boolean;
  cellsChecked: number;
  peopleChecked: number;
  constraints: Record<HardConstraint | 'placed_once' | 'known_cell', { ok: boolean; violations: number }>;
  violations: Violation[];
}

/** What allocation gives. */
export interface AllocationResult {
  placements: Placement[];
  unplaced: Unplaced[];
  checks: AllocationChecks;
  /** Occupancy ratio (occupants / working capacity) over active cells with capacity, after placement. */
  evenness: { maxRatio: number; minRatio: number; modulesOpened: number };
}

/** The running state of one cell. */
interface CellLoad {
  cell: AllocationCell;
  index: number;
  count: number;
  transferees: number;
  sexes: Map<string, number>;
  organizations: Map<string, number>;
  cases: Set<string>;
}

function rivalMap(rules: AllocationRules): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const [a, b] of rules.rivalries) {
    if (!map.has(a)) map.set(a, new Set());
    if (!map.has(b)) map.set(b, new Set());
    map.get(a)!.add(b);
    map.get(b)!.add(a);
  }
  return map;
}

function newLoad(cell: AllocationCell, index: number): CellLoad {
  const sexes = new Map<string, number>();
  if (cell.localOccupants > 0 && cell.localSex) sexes.set(cell.localSex, cell.localOccupants);
  return {
    cell,
    index,
    count: cell.localOccupants,
    transferees: 0,
    sexes,
    organizations: new Map(),
    cases: new Set(),
  };
}

function add(load: CellLoad, person: AllocationPerson): void {
  load.count++;
  load.transferees++;
  load.sexes.set(person.sex, (load.sexes.get(person.sex) ?? 0) + 1);
  for (const org of new Set(person.organizations)) {
    load.organizations.set(org, (load.organizations.get(org) ?? 0) + 1);
  }
  for (const c of person.caseNumbers) load.cases.add(c);
}

/** The first hard constraint `load` breaks for `person`, or null when the person fits. */
function firstBroken(
  load: CellLoad,
  person: AllocationPerson,
  rules: AllocationRules,
  rivals: Map<string, Set<string>>,
): HardConstraint | null {
  const { cell } = load;
  if (!cell.active) return 'active_cell';
  if (rules.separateFromLocal && cell.localOccupants > 0) return 'separate_from_local';
  if (load.count >= cell.workingCapacity) return 'working_capacity';
  if (cell.localOccupants > 0 && cell.localSex === null) return 'sex_separation';
  for (const sex of load.sexes.keys()) if (sex !== person.sex) return 'sex_separation';
  for (const org of person.organizations) {
    const against = rivals.get(org);
    if (against) for (const r of against) if (load.organizations.has(r)) return 'rival_organisations';
  }
  for (const c of person.caseNumbers) if (load.cases.has(c)) return 'co_defendants';
  return null;
}

const CONSTRAINT_WORDS: Record<HardConstraint, string> = {
  active_cell: 'the cell is inactive',
  working_capacity: 'the cell is at working capacity',
  sex_separation: 'the cell holds people of another sex',
  rival_organisations: 'the cell holds members of a rival organisation',
  co_defendants: 'the cell holds a co-defendant',
  separate_from_local:
    'the agreement keeps transferees apart from the local population, and the cell holds local occupants',
};

/** How constrained a person is: rival-affiliated and co-defendant people go first. */
function difficulty(
  person: AllocationPerson,
  rivals: Map<string, Set<string>>,
  caseSizes: Map<string, number>,
) {
  let score = 0;
  for (const org of person.organizations) if (rivals.has(org)) score += 1000;
  for (const c of person.caseNumbers) score += caseSizes.get(c) ?? 0;
  return score;
}

/** Allocates `input.people` to cells; `housed` people stay where they are. */
export function allocate(input: AllocationInput): AllocationResult {
  const rivals = rivalMap(input.rules);
  const loads = input.cells.map(newLoad);
  const byId = new Map(loads.map((l) => [l.cell.id, l]));
  for (const h of input.housed) {
    const load = byId.get(h.cellId);
    if (load) add(load, h);
  }
  const openModules = new Map<string, number>();
  for (const l of loads)
    if (l.transferees > 0) openModules.set(l.cell.module, (openModules.get(l.cell.module) ?? 0) + 1);

  const caseSizes = new Map<string, number>();
  for (const p of [...input.housed, ...input.people]) {
    for (const c of new Set(p.caseNumbers)) caseSizes.set(c, (caseSizes.get(c) ?? 0) + 1);
  }
  const order = input.people
    .map((p, i) => ({ p, i, d: difficulty(p, rivals, caseSizes) }))
    .sort((a, b) => b.d - a.d || (a.p.ref < b.p.ref ? -1 : a.p.ref > b.p.ref ? 1 : a.i - b.i));

  const placements: Placement[] = [];
  const unplaced: Unplaced[] = [];
  for (const { p } of order) {
    let best: CellLoad | null = null;
    let bestRatio = Number.POSITIVE_INFINITY;
    let bestOpen = false;
    const ruledOut: Partial<Record<HardConstraint, number>> = {};
    for (const load of loads) {
      const broken = firstBroken(load, p, input.rules, rivals);
      if (broken) {
        ruledOut[broken] = (ruledOut[broken] ?? 0) + 1;
        continue;
      }
      const ratio = (load.count + 1) / load.cell.workingCapacity;
      const open = (openModules.get(load.cell.module) ?? 0) > 0;
      const better =
        best === null ||
        ratio < bestRatio ||
        (ratio === bestRatio && open && !bestOpen) ||
        (ratio === bestRatio && open === bestOpen && load.cell.code < best.cell.code);
      if (better) {
        best = load;
        bestRatio = ratio;
        bestOpen = open;
      }
    }
    if (best) {
      if (best.transferees === 0)
        openModules.set(best.cell.module, (openModules.get(best.cell.module) ?? 0) + 1);
      add(best, p);
      placements.push({ personId: p.personId, ref: p.ref, cellId: best.cell.id, cell: best.cell.code });
    } else {
      const [constraint] = (Object.entries(ruledOut) as [HardConstraint, number][]).sort(
        (a, b) => b[1] - a[1] || HARD_CONSTRAINTS.indexOf(a[0]) - HARD_CONSTRAINTS.indexOf(b[0]),
      )[0] ?? ['working_capacity', 0];
      unplaced.push({
        personId: p.personId,
        ref: p.ref,
        constraint,
        cellsRuledOut: ruledOut,
        reason:
          input.cells.length === 0
            ? 'The facility has no cells.'
            : `No cell can take ${p.ref}: in ${ruledOut[constraint] ?? 0} of ${input.cells.length} cells ${CONSTRAINT_WORDS[constraint]}.`,
      });
    }
  }
  return {
    placements,
    unplaced,
    checks: checkAllocation(input, placements),
    evenness: evennessOf(loads),
  };
}

function evennessOf(loads: readonly CellLoad[]) {
  const usable = loads.filter((l) => l.cell.active && l.cell.workingCapacity > 0);
  const ratios = usable.map((l) => l.count / l.cell.workingCapacity);
  return {
    maxRatio: ratios.length ? Math.max(...ratios) : 0,
    minRatio: ratios.length ? Math.min(...ratios) : 0,
    modulesOpened: new Set(usable.filter((l) => l.transferees > 0).map((l) => l.cell.module)).size,
  };
}

/**
 * Checks placements against every hard constraint from scratch, independently of how they were made:
 * the housed people and the placements together, cell by cell.
 */
export function checkAllocation(input: AllocationInput, placements: readonly Placement[]): AllocationChecks {
  const rivals = rivalMap(input.rules);
  const cells = new Map(input.cells.map((c) => [c.id, c]));
  const people = new Map(input.people.map((p) => [p.personId, p]));
  const violations: Violation[] = [];
  const inCell = new Map<string, AllocationPerson[]>();
  const seen = new Map<string, number>();
  const put = (cellId: string, person: AllocationPerson) => {
    seen.set(person.personId, (seen.get(person.personId) ?? 0) + 1);
    if (!cells.has(cellId)) {
      violations.push({
        constraint: 'known_cell',
        cell: cellId,
        people: [person.ref],
        detail: `cell ${cellId} is not in the facility`,
      });
      return;
    }
    if (!inCell.has(cellId)) inCell.set(cellId, []);
    inCell.get(cellId)!.push(person);
  };
  for (const h of input.housed) put(h.cellId, h);
  for (const p of placements) {
    const person = people.get(p.personId);
    if (!person) {
      violations.push({
        constraint: 'known_cell',
        cell: p.cell,
        people: [p.ref],
        detail: `${p.ref} was not among the people to place`,
      });
      continue;
    }
    put(p.cellId, person);
  }
  for (const [personId, n] of seen) {
    if (n > 1) {
      violations.push({
        constraint: 'placed_once',
        cell: null,
        people: [personId],
        detail: `placed ${n} times: nobody is in two places`,
      });
    }
  }
  for (const [cellId, occupants] of inCell) {
    const cell = cells.get(cellId)!;
    const refs = occupants.map((o) => o.ref);
    if (!cell.active)
      violations.push({
        constraint: 'active_cell',
        cell: cell.code,
        people: refs,
        detail: 'the cell is inactive',
      });
    if (input.rules.separateFromLocal && cell.localOccupants > 0) {
      violations.push({
        constraint: 'separate_from_local',
        cell: cell.code,
        people: refs,
        detail: `${cell.localOccupants} local occupants`,
      });
    }
    const total = cell.localOccupants + occupants.length;
    if (total > cell.workingCapacity) {
      violations.push({
        constraint: 'working_capacity',
        cell: cell.code,
        people: refs,
        detail: `${total} occupants, working capacity ${cell.workingCapacity}`,
      });
    }
    const sexes = new Set(occupants.map((o) => o.sex));
    if (cell.localOccupants > 0) sexes.add(cell.localSex ?? '(unknown)');
    if (sexes.size > 1) {
      violations.push({
        constraint: 'sex_separation',
        cell: cell.code,
        people: refs,
        detail: `sexes ${[...sexes].sort().join(', ')}`,
      });
    }
    for (let i = 0; i < occupants.length; i++) {
      for (let j = i + 1; j < occupants.length; j++) {
        const a = occupants[i]!;
        const b = occupants[j]!;
        const rival = a.organizations.find((o) => b.organizations.some((x) => rivals.get(o)?.has(x)));
        if (rival) {
          violations.push({
            constraint: 'rival_organisations',
            cell: cell.code,
            people: [a.ref, b.ref],
            detail: `${rival} with a rival`,
          });
        }
        const shared = a.caseNumbers.find((c) => b.caseNumbers.includes(c));
        if (shared) {
          violations.push({
            constraint: 'co_defendants',
            cell: cell.code,
            people: [a.ref, b.ref],
            detail: `case ${shared}`,
          });
        }
      }
    }
  }
  const kinds = [...HARD_CONSTRAINTS, 'placed_once', 'known_cell'] as const;
  const constraints = Object.fromEntries(
    kinds.map((k) => {
      const n = violations.filter((v) => v.constraint === k).length;
      return [k, { ok: n === 0, violations: n }];
    }),
  ) as AllocationChecks['constraints'];
  return {
    ok: violations.length === 0,
    cellsChecked: input.cells.length,
    peopleChecked: input.housed.length + placements.length,
    constraints,
    violations,
  };
}

/** The greedy first-fit baseline for the benchmark: each person, in input order, into the first cell that fits. */
export function firstFit(input: AllocationInput): Placement[] {
  const rivals = rivalMap(input.rules);
  const loads = input.cells.map(newLoad);
  const byId = new Map(loads.map((l) => [l.cell.id, l]));
  for (const h of input.housed) {
    const load = byId.get(h.cellId);
    if (load) add(load, h);
  }
  const placements: Placement[] = [];
  for (const p of input.people) {
    const load = loads.find((l) => firstBroken(l, p, input.rules, rivals) === null);
    if (!load) continue;
    add(load, p);
    placements.push({ personId: p.personId, ref: p.ref, cellId: load.cell.id, cell: load.cell.code });
  }
  return placements;
}
