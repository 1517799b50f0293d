/**
 * Cell allocation (docs/domain.md, Housing → Allocation). Pure: cells, the people already
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

/** docs/domain.md's default rivalry table: MS-13 against both Barrio 18 factions. */
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
  /** The occupancy ratio one more placement would give (Infinity without working capacity). */
  next: number;
  /** 0 when the cell's module already holds transferees, else 1: the tie-break after the ratio. */
  rank: number;
  /** The cell's position in code order: the last tie-break. */
  order: number;
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
    next: nextRatio(cell, cell.localOccupants),
    rank: 1,
    order: index,
    transferees: 0,
    sexes,
    organizations: new Map(),
    cases: new Set(),
  };
}

function nextRatio(cell: AllocationCell, count: number): number {
  return cell.workingCapacity > 0 ? (count + 1) / cell.workingCapacity : Number.POSITIVE_INFINITY;
}

function add(load: CellLoad, person: AllocationPerson): void {
  load.count++;
  load.next = nextRatio(load.cell, load.count);
  load.transferees++;
  load.sexes.set(person.sex, (load.sexes.get(person.sex) ?? 0) + 1);
  const orgs = person.organizations;
  for (let i = 0; i < orgs.length; i++) {
    const org = orgs[i]!;
    if (orgs.indexOf(org) === i) load.organizations.set(org, (load.organizations.get(org) ?? 0) + 1);
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

/** Allocates `input.people` to cells (`housed` people stay where they are) and checks the result. */
export function allocate(input: AllocationInput): AllocationResult {
  const placed = place(input);
  return { ...placed, checks: checkAllocation(input, placed.placements) };
}

/** The placement step of `allocate`, without the check report. */
export function place(input: AllocationInput): Omit<AllocationResult, 'checks'> {
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
    .sort((a, b) => b.d - a.d || a.i - b.i);

  // Cells that could take someone are kept in groups of equal sex and rival-relevant organisations, each a
  // binary heap by (ratio after one more placement, module not yet opened, code). A person looks only at
  // the groups they are compatible with, takes each group's best cell without a co-defendant, and the
  // best of those wins: the same choice as scanning every cell, at a fraction of the work.
  const rank = (load: CellLoad) => ((openModules.get(load.cell.module) ?? 0) > 0 ? 0 : 1);
  const byCode = [...loads].sort((a, b) =>
    a.cell.code < b.cell.code ? -1 : a.cell.code > b.cell.code ? 1 : a.index - b.index,
  );
  byCode.forEach((l, i) => {
    l.order = i;
  });
  for (const l of loads) l.rank = rank(l);
  const rivalOrgs = new Set(rivals.keys());
  const groupOf = (load: CellLoad): string => {
    const sexes = [...load.sexes.keys()];
    const sex = load.cell.localOccupants > 0 && load.cell.localSex === null ? '?' : sexes.join('+');
    const orgs = [...load.organizations.keys()].filter((o) => rivalOrgs.has(o)).sort();
    return `${sex}|${orgs.join(',')}`;
  };
  const groups = new Map<string, { sex: string; orgs: string[]; heap: CellHeap }>();
  const keys = new Map<CellLoad, string>();
  const enqueue = (load: CellLoad) => {
    const open = load.cell.active && !(input.rules.separateFromLocal && load.cell.localOccupants > 0);
    if (!open || load.count >= load.cell.workingCapacity) return;
    let key = keys.get(load);
    if (key === undefined) {
      key = groupOf(load);
      keys.set(load, key);
    }
    let group = groups.get(key);
    if (!group) {
      const [sex, orgs] = key.split('|') as [string, string];
      group = { sex, orgs: orgs ? orgs.split(',') : [], heap: new CellHeap([]) };
      groups.set(key, group);
    }
    group.heap.push(load);
  };
  const rebuild = () => {
    groups.clear();
    for (const l of loads) {
      l.rank = rank(l);
      enqueue(l);
    }
  };
  rebuild();
  /** Whether a group's cells can take a person of `sex` whose organisations' rivals are `against`. */
  const compatible = (group: { sex: string; orgs: string[] }, sex: string, against: ReadonlySet<string>) => {
    if (group.sex !== '' && group.sex !== sex) return false;
    if (against.size > 0) for (const o of group.orgs) if (against.has(o)) return false;
    return true;
  };
  const coDefendant = (load: CellLoad, cases: readonly string[]) => {
    for (const c of cases) if (load.cases.has(c)) return true;
    return false;
  };

  const placements: Placement[] = [];
  const unplaced: Unplaced[] = [];
  const looked: { heap: CellHeap; load: CellLoad }[] = [];
  const noRivals: ReadonlySet<string> = new Set();
  const rivalSets = new Map<string, ReadonlySet<string>>();
  /** The organisations rival to any of `orgs`, cached per combination. */
  const rivalsOf = (orgs: readonly string[]): ReadonlySet<string> => {
    if (orgs.length === 0) return noRivals;
    const key = orgs.length === 1 ? orgs[0]! : [...orgs].sort().join('\u0000');
    let set = rivalSets.get(key);
    if (!set) {
      const all = new Set<string>();
      for (const org of orgs) for (const r of rivals.get(org) ?? []) all.add(r);
      set = all.size > 0 ? all : noRivals;
      rivalSets.set(key, set);
    }
    return set;
  };
  for (const { p } of order) {
    let best: CellLoad | null = null;
    let bestHeap: CellHeap | null = null;
    looked.length = 0;
    const against = rivalsOf(p.organizations);
    const cases = p.caseNumbers;
    for (const group of groups.values()) {
      if (!compatible(group, p.sex, against)) continue;
      // Within a group only a co-defendant can rule a cell out; those cells are set aside, then returned.
      const heap = group.heap;
      let top = heap.peek();
      if (cases.length > 0) {
        while (top && coDefendant(top, cases)) {
          looked.push({ heap, load: heap.pop()! });
          top = heap.peek();
        }
      }
      if (top && (!best || CellHeap.before(top, best))) {
        best = top;
        bestHeap = heap;
      }
    }
    if (best && bestHeap) {
      const load = best;
      bestHeap.pop();
      for (const x of looked) x.heap.push(x.load);
      const opens = load.transferees === 0 && (openModules.get(load.cell.module) ?? 0) === 0;
      if (load.transferees === 0)
        openModules.set(load.cell.module, (openModules.get(load.cell.module) ?? 0) + 1);
      // The cell changes group only when this person brings a new sex or a new rival-relevant organisation.
      if (
        !load.sexes.has(p.sex) ||
        p.organizations.some((o) => rivalOrgs.has(o) && !load.organizations.has(o))
      ) {
        keys.delete(load);
      }
      add(load, p);
      placements.push({ personId: p.personId, ref: p.ref, cellId: load.cell.id, cell: load.cell.code });
      if (opens) rebuild();
      else enqueue(load);
    } else {
      for (const x of looked) x.heap.push(x.load);
      const ruledOut: Partial<Record<HardConstraint, number>> = {};
      for (const load of loads) {
        const broken = firstBroken(load, p, input.rules, rivals);
        if (broken) ruledOut[broken] = (ruledOut[broken] ?? 0) + 1;
      }
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
  return { placements, unplaced, evenness: evennessOf(loads) };
}

/** A binary min-heap of cells by (ratio after one more placement, module not yet opened, code). */
class CellHeap {
  private readonly items: CellLoad[] = [];
  constructor(loads: readonly CellLoad[]) {
    for (const l of loads) this.push(l);
  }
  get size(): number {
    return this.items.length;
  }
  peek(): CellLoad | undefined {
    return this.items[0];
  }
  static before(a: CellLoad, b: CellLoad): boolean {
    return (
      a.next < b.next || (a.next === b.next && (a.rank < b.rank || (a.rank === b.rank && a.order < b.order)))
    );
  }
  push(load: CellLoad): void {
    const items = this.items;
    let i = items.length;
    items.push(load);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!CellHeap.before(items[i]!, items[parent]!)) break;
      const t = items[i]!;
      items[i] = items[parent]!;
      items[parent] = t;
      i = parent;
    }
  }
  pop(): CellLoad | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && CellHeap.before(items[l]!, items[m]!)) m = l;
        if (r < items.length && CellHeap.before(items[r]!, items[m]!)) m = r;
        if (m === i) break;
        const t = items[i]!;
        items[i] = items[m]!;
        items[m] = t;
        i = m;
      }
    }
    return top;
  }
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
    // Rivals: members of two rival organisations share the cell (one person in both is no pair).
    const members = new Map<string, AllocationPerson[]>();
    for (const o of occupants) {
      for (const org of new Set(o.organizations)) {
        if (!members.has(org)) members.set(org, []);
        members.get(org)!.push(o);
      }
    }
    for (const [org, these] of members) {
      for (const rival of rivals.get(org) ?? []) {
        const those = members.get(rival);
        if (!those || org > rival) continue;
        if (these.length === 1 && those.length === 1 && these[0] === those[0]) continue;
        violations.push({
          constraint: 'rival_organisations',
          cell: cell.code,
          people: [...new Set([...these, ...those].map((x) => x.ref))],
          detail: `${org} and ${rival} share the cell`,
        });
      }
    }
    // Co-defendants: any case number held by two people in the cell.
    const byCase = new Map<string, string[]>();
    for (const o of occupants) {
      for (const c of new Set(o.caseNumbers)) {
        if (!byCase.has(c)) byCase.set(c, []);
        byCase.get(c)!.push(o.ref);
      }
    }
    for (const [c, refs] of byCase) {
      if (refs.length > 1) {
        violations.push({ constraint: 'co_defendants', cell: cell.code, people: refs, detail: `case ${c}` });
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
