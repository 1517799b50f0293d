#!/usr/bin/env python3
"""Independent checker for a person's ledger proofs (`GET /api/v1/people/{id}/ledger`, `custodia ledger
proofs --person REF --json`, or one entry downloaded from the person's page).

Written from the specifications with the Python 3 standard library and the RFC 9162, RFC 8032 and
signed-note code of checker.py and the tlog-cosignature code of witness_checker.py beside it, which share
no code with the project's TypeScript:

- the checkpoint note is signed by the log's verifier key (C2SP signed-note, tlog-checkpoint), and each
  --witness-key given has a valid cosignature on it (C2SP tlog-cosignature);
- its root equals the `rootHex` given and its size the `size`;
- every entry's inclusion proof verifies against that root (RFC 9162 2.1.3.2) from its leaf hash;
- with --leaves (an export, `custodia ledger export`), every leaf hash is SHA-256(0x00 || leaf).

Usage:
  person_proofs_checker.py --vkey VKEY_FILE --proofs FILE.json [--witness-key VKEY ...] [--leaves FILE.ndjson]

Prints one line per check and exits 0 only if nothing failed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from checker import (  # noqa: E402
    Report,
    leaf_hash,
    parse_checkpoint,
    parse_verifier_key,
    verify_inclusion,
    verify_note,
)
from witness_checker import check_cosignature  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--vkey", required=True, help="a file holding the log's verifier key (custodia ledger key)")
    parser.add_argument("--proofs", required=True, help="the proofs JSON")
    parser.add_argument("--witness-key", action="append", default=[], help="a witness's cosigner verifier key")
    parser.add_argument("--leaves", help="the ledger export (NDJSON of {index, leaf})")
    args = parser.parse_args()
    report = Report()
    with open(args.vkey, encoding="utf-8") as f:
        key = parse_verifier_key(f.read(), report)
    with open(args.proofs, encoding="utf-8") as f:
        proofs = json.load(f)
    if key is None:
        return report.finish()
    cp = proofs["checkpoint"]
    note = cp["note"]
    text = verify_note(note, key, report)
    if text is None:
        return report.finish()
    parsed = parse_checkpoint(text, key, report)
    if parsed is None:
        return report.finish()
    _origin, size, root = parsed
    report.check(size == cp["size"], "checkpoint size equals the size given", f"{size} vs {cp['size']}")
    report.check(root.hex() == cp["rootHex"], "checkpoint root equals the rootHex given")
    for vkey in args.witness_key:
        check_cosignature(note, text, vkey, report)
    leaves: dict[int, str] = {}
    if args.leaves:
        with open(args.leaves, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    row = json.loads(line)
                    leaves[row["index"]] = row["leaf"]
    for e in proofs["entries"]:
        name = f"entry {e['index']} ({e['type']})"
        given = bytes.fromhex(e["leafHash"])
        if e["index"] in leaves:
            report.check(leaf_hash(leaves[e["index"]].encode("utf-8")) == given,
                         f"{name}: leaf hash is SHA-256(0x00 || exported leaf)")
        if e["proof"] is None:
            report.check(e["index"] >= size, f"{name}: no proof only when newer than the checkpoint")
            continue
        path = [bytes.fromhex(h) for h in e["proof"]]
        report.check(verify_inclusion(e["index"], size, given, path, root),
                     f"{name}: RFC 9162 inclusion proof verifies against the checkpoint ({len(path)} hashes)")
    return report.finish()


if __name__ == "__main__":
    sys.exit(main())
