#!/usr/bin/env python3
"""Independent check of a Custodia cell allocation, sharing no code with src/.

Reads what the CLI prints and checks docs/domain.md's hard constraints from scratch:

    custodia allocate --facility SV-CECOT --dry-run --all --json > allocation.json
    custodia people export --agreement cecot-2025 > people.ndjson
    custodia facility show SV-CECOT --json > facility.json
    python3 test/independent/allocation_checker.py allocation.json people.ndjson facility.json

Hard constraints (docs/domain.md, Housing -> Allocation):
  - working capacity, counting local occupants;
  - sex separation (local occupants count with the cell's recorded sex);
  - rival organisations never share a cell (the rivalry table the allocation applied);
  - co-defendants (a shared conviction case number) never share a cell;
  - transferees apart from the local population when the agreement says so;
and: every placed person exists and is placed once, in an active cell of this facility.

The check is for `--all` plans, where the placements are everyone in custody. Exit 0 when every
constraint holds, 1 when any is broken (each violation is printed), 2 for unreadable input.
Standard library only.
"""

import json
import sys
from collections import defaultdict


def load(path_allocation, path_people, path_facility):
    with open(path_allocation, encoding="utf-8") as f:
        allocation = json.load(f)
    people = {}
    with open(path_people, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            record = json.loads(line)
            people[record["ref"]] = record
    with open(path_facility, encoding="utf-8") as f:
        facility = json.load(f)
    return allocation, people, facility


def check(allocation, people, facility):
    violations = []
    if allocation.get("mode") != "all":
        violations.append("the allocation is not an --all plan: people already housed are not listed, so it cannot be checked alone")
    cells = {c["code"]: c for c in facility["cells"]}
    rules = allocation.get("rules") or {}
    rivals = defaultdict(set)
    for a, b in rules.get("rivalries", []):
        rivals[a].add(b)
        rivals[b].add(a)
    separate = bool(rules.get("separateFromLocal"))

    seen = defaultdict(int)
    by_cell = defaultdict(list)
    for p in allocation["placements"]:
        ref = p["ref"]
        seen[ref] += 1
        if ref not in people:
            violations.append(f"{ref} is placed but is not in the people export")
            continue
        if p["cell"] not in cells:
            violations.append(f"{ref} is placed in {p['cell']}, which is not a cell of {facility['code']}")
            continue
        by_cell[p["cell"]].append(people[ref])
    for ref, n in seen.items():
        if n > 1:
            violations.append(f"{ref} is placed {n} times: nobody is in two places")
    for u in allocation.get("unplaced", []):
        if not u.get("reason"):
            violations.append(f"{u.get('ref')} is unplaced without a reason")

    for code, occupants in sorted(by_cell.items()):
        cell = cells[code]
        local = cell["occupancy"]["local"]
        refs = [o["ref"] for o in occupants]
        if cell["status"] != "active":
            violations.append(f"{code} is {cell['status']} but holds {', '.join(refs)}")
        if local + len(occupants) > cell["workingCapacity"]:
            violations.append(
                f"{code} holds {local} local occupants and {len(occupants)} transferees, over its working capacity of {cell['workingCapacity']}"
            )
        if separate and local > 0:
            violations.append(f"{code} has {local} local occupants, but the agreement keeps transferees apart from them")
        sexes = {o["sex"] for o in occupants}
        if local > 0:
            sexes.add(cell.get("localSex") or "(not recorded)")
        if len(sexes) > 1:
            violations.append(f"{code} mixes sexes: {', '.join(sorted(sexes))}")
        for i, a in enumerate(occupants):
            a_orgs = {x["organization"] for x in a.get("affiliations", [])}
            a_cases = {c["caseNumber"] for c in a.get("convictions", [])}
            for b in occupants[i + 1:]:
                b_orgs = {x["organization"] for x in b.get("affiliations", [])}
                for org in a_orgs:
                    clash = rivals[org] & b_orgs
                    if clash:
                        violations.append(f"{code}: {a['ref']} ({org}) shares the cell with {b['ref']} ({', '.join(sorted(clash))}), a rival organisation")
                shared = a_cases & {c["caseNumber"] for c in b.get("convictions", [])}
                if shared:
                    violations.append(f"{code}: co-defendants {a['ref']} and {b['ref']} share the cell (case {', '.join(sorted(shared))})")
    return violations, len(allocation["placements"]), len(by_cell)


def main(argv):
    if len(argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        allocation, people, facility = load(*argv[1:])
    except (OSError, ValueError, KeyError) as error:
        print(f"cannot read the input: {error}", file=sys.stderr)
        return 2
    violations, placed, cells = check(allocation, people, facility)
    claimed_ok = bool((allocation.get("checks") or {}).get("ok"))
    for v in violations:
        print(f"VIOLATION  {v}")
    if violations:
        print(f"FAIL: {len(violations)} violation(s) in {placed} placements over {cells} cells" + (" (Custodia's own check said ok)" if claimed_ok else ""))
        return 1
    print(f"OK: {placed} placements over {cells} cells; every hard constraint holds ({len(allocation.get('unplaced', []))} unplaced, each with a reason)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
