#!/usr/bin/env python3
"""Independent checker for a Custodia log's public face: its checkpoint, its witnesses' cosignatures and
its hash tiles, fetched over HTTP as any outsider would, with no account.

Written from the specifications, with the Python 3 standard library and the RFC 8032 Ed25519, RFC 9162
Merkle and signed-note code of checker.py beside it (which shares no code with the project's TypeScript):

- C2SP tlog-tiles (https://c2sp.org/tlog-tiles): the checkpoint at <prefix>/checkpoint, hash tiles at
  <prefix>/tile/<L>/<N>[.p/<W>] with N in 3-digit path elements, all but the last prefixed with x; a tile
  at level L holds MTH(D[(n*256+i)*256**L : (n*256+i+1)*256**L]). The root is recomputed from the level-0
  tiles alone, and every level-1 hash is checked against the level-0 tile it summarizes.
- C2SP tlog-cosignature (https://c2sp.org/tlog-cosignature): an Ed25519 cosignature line is
  key ID (4) || timestamp (u64 big-endian) || signature (64) over
  "cosignature/v1\\ntime <timestamp>\\n" followed by the checkpoint text; key ID =
  SHA-256(name || 0x0A || 0x04 || public key)[:4].

Usage:
  witness_checker.py --url http://host:port/tlog --log-key VKEY [--witness-key VKEY ...]

Prints one line per check and exits 0 only if nothing failed.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
import urllib.error
import urllib.request
from typing import Optional

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from checker import (  # noqa: E402
    EM_DASH,
    CheckError,
    MerkleTree,
    Report,
    _point_decompress,
    b64decode_strict,
    ed25519_verify,
    key_id,
    parse_verifier_key,
    sha256,
    verify_note,
)

SIG_TYPE_COSIGNATURE_V1 = 0x04
TILE_WIDTH = 256


def fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            headers = {k.lower(): v for k, v in response.headers.items()}
            return response.status, headers, response.read()
    except urllib.error.HTTPError as e:
        return e.code, {k.lower(): v for k, v in e.headers.items()}, e.read()


def tile_path(level: int, index: int, width: int) -> str:
    """tlog-tiles: N as zero-padded 3-digit elements, all but the last prefixed with x."""
    digits = str(index)
    digits = digits.rjust((len(digits) + 2) // 3 * 3, "0")
    groups = [digits[i:i + 3] for i in range(0, len(digits), 3)]
    n = "/".join(["x" + g for g in groups[:-1]] + [groups[-1]])
    return f"{level}/{n}" + ("" if width == TILE_WIDTH else f".p/{width}")


def check_cosignature(note: str, text: str, vkey: str, report: Report) -> None:
    parts = vkey.strip().split("+", 2)
    if not report.check(len(parts) == 3, "witness key has the form name+keyid+key", repr(vkey)):
        return
    name, kid_hex, key_b64 = parts
    try:
        raw = b64decode_strict(key_b64, "witness key")
    except CheckError as e:
        report.check(False, "witness key decodes", str(e))
        return
    if not report.check(len(raw) == 33 and raw[0] == SIG_TYPE_COSIGNATURE_V1,
                        f"witness key {name} is 0x04 (Ed25519 cosignature/v1) and a 32-byte key"):
        return
    public = raw[1:]
    kid = key_id(name, SIG_TYPE_COSIGNATURE_V1, public)
    report.check(kid.hex() == kid_hex, f"witness key id of {name} = SHA-256(name || 0x0A || 0x04 || pubkey)[:4]")
    report.check(_point_decompress(public) is not None, f"witness key of {name} is a valid Ed25519 point")
    found = 0
    for line in note[note.rfind("\n\n") + 2:].split("\n")[:-1]:
        fields = line[len(EM_DASH) + 1:].split(" ")
        if not line.startswith(EM_DASH + " ") or len(fields) != 2 or fields[0] != name:
            continue
        blob = b64decode_strict(fields[1], "cosignature")
        if blob[:4] != kid:
            continue
        found += 1
        if not report.check(len(blob) == 4 + 8 + 64, f"cosignature by {name} is key id, u64 timestamp, signature"):
            continue
        (timestamp,) = struct.unpack(">Q", blob[4:12])
        report.check(0 < timestamp < 2 ** 63, f"cosignature by {name} has a timestamp", str(timestamp))
        message = b"cosignature/v1\ntime " + str(timestamp).encode("ascii") + b"\n" + text.encode("utf-8")
        report.check(ed25519_verify(public, message, blob[12:]),
                     f"Ed25519 cosignature by {name}+{kid_hex} verifies over cosignature/v1, time {timestamp}, checkpoint")
    report.check(found == 1, f"the checkpoint carries exactly one cosignature by {name}", f"{found} found")


def check_tiles(base: str, size: int, root: bytes, report: Report) -> None:
    leaves: list[bytes] = []
    full = size // TILE_WIDTH
    for n in range(full + (1 if size % TILE_WIDTH else 0)):
        width = TILE_WIDTH if n < full else size % TILE_WIDTH
        status, headers, body = fetch(f"{base}/tile/{tile_path(0, n, width)}")
        if not report.check(status == 200 and len(body) == 32 * width,
                            f"level-0 tile {tile_path(0, n, width)} is {width} hashes", f"status {status}, {len(body)} bytes"):
            return
        if n == 0:
            report.check(headers.get("content-type", "").startswith("application/octet-stream"),
                         "tiles are application/octet-stream", headers.get("content-type", ""))
        if width == TILE_WIDTH and n == 0:
            report.check("immutable" in headers.get("cache-control", ""), "a full tile is cached as immutable",
                         headers.get("cache-control", "(none)"))
        leaves.extend(body[i:i + 32] for i in range(0, len(body), 32))
    tree = MerkleTree(leaves)
    report.check(tree.root(size) == root, f"the root recomputed from the level-0 tiles is the checkpoint's ({size} entries)")
    if full == 0:
        report.skip("level-1 tiles", "the tree has no full level-0 tile")
        return
    level1 = full % TILE_WIDTH
    width = TILE_WIDTH if full >= TILE_WIDTH else level1
    status, _, body = fetch(f"{base}/tile/{tile_path(1, 0, width)}")
    if not report.check(status == 200 and len(body) == 32 * width, f"level-1 tile {tile_path(1, 0, width)} is served"):
        return
    for i in range(width):
        summary = MerkleTree(leaves[i * TILE_WIDTH:(i + 1) * TILE_WIDTH]).root(TILE_WIDTH)
        if not report.check(body[i * 32:(i + 1) * 32] == summary, f"level-1 hash {i} is the MTH of level-0 tile {i}"):
            return


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", required=True, help="the tlog prefix, e.g. http://127.0.0.1:8080/tlog")
    parser.add_argument("--log-key", required=True, help="the log's verifier key (custodia ledger key)")
    parser.add_argument("--witness-key", action="append", default=[], help="a witness's cosigner verifier key")
    args = parser.parse_args()
    report = Report()
    base = args.url.rstrip("/")
    status, headers, body = fetch(f"{base}/checkpoint")
    if not report.check(status == 200, "the checkpoint is served without an account", f"status {status}"):
        return report.finish()
    cache = headers.get("cache-control", "")
    report.check("no-cache" in cache or "max-age=" in cache and int(cache.split("max-age=")[1].split(",")[0]) <= 10,
                 "the checkpoint may not be cached beyond a few seconds", cache or "(no Cache-Control)")
    note = body.decode("utf-8")
    key = parse_verifier_key(args.log_key, report)
    if key is None:
        return report.finish()
    text: Optional[str] = verify_note(note, key, report)
    if text is None:
        return report.finish()
    lines = text.split("\n")
    size = int(lines[1])
    root = b64decode_strict(lines[2], "root")
    report.info(f"checkpoint {lines[0]} at {size} entries")
    for vkey in args.witness_key:
        check_cosignature(note, text, vkey, report)
    check_tiles(base, size, root, report)
    status, _, _ = fetch(f"{base}/tile/entries/000")
    # Entry bundles hold the leaves, personal data: never served without an account (401 asks for one).
    report.check(status == 401, "entry bundles (the leaves, personal data) need a sign-in", f"status {status}")
    report.check(sha256(b"") != root or size == 0, "the root is not the empty tree's for a non-empty log")
    return report.finish()


if __name__ == "__main__":
    sys.exit(main())
