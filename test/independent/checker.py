#!/usr/bin/env python3
"""Independent checker for what the `custodia` CLI emits about its ledger.

Written from the specifications only, with the Python 3 standard library, and sharing no code with the
project's TypeScript ledger, so that a bug common to the generator and the project's own verifier cannot
hide:

- RFC 9162 section 2.1: leaf and node hashes, the Merkle Tree Hash (2.1.1), verifying an inclusion proof
  (2.1.3.2) and verifying a consistency proof (2.1.4.2), the algorithms followed literally.
- C2SP signed-note (https://c2sp.org/signed-note): note and signature-line syntax, verifier keys, key ids,
  Ed25519 signatures.
- C2SP tlog-checkpoint (https://c2sp.org/tlog-checkpoint): origin, tree size and root hash lines.
- RFC 8032 section 5.1.7: Ed25519 verification (adapted from the reference code in section 6).
- RFC 8785: canonical JSON, for the subset a ledger leaf uses (objects, arrays, strings, integers,
  booleans, null).

Usage:
  checker.py --vkey VKEY --checkpoint FILE --leaves FILE.ndjson
             [--inclusion FILE.json ...] [--consistency FILE.json ...]
  checker.py --self-test

Prints one line per check ("PASS ..." / "FAIL ..." / "SKIP ...") and exits 0 only if nothing failed.
"""

from __future__ import annotations

import argparse
import base64
import binascii
import hashlib
import json
import sys
from typing import Any, Callable, Optional

# ---------------------------------------------------------------------------------------------------------
# Reporting


class Report:
    """Collects one line per check; any FAIL makes the exit code 1."""

    def __init__(self, quiet: bool = False) -> None:
        self.failures: list[str] = []
        self.passes = 0
        self.quiet = quiet

    def _print(self, line: str) -> None:
        if not self.quiet:
            print(line)

    def check(self, ok: bool, what: str, detail: str = "") -> bool:
        if ok:
            self.passes += 1
            self._print(f"PASS {what}")
        else:
            self.failures.append(what)
            self._print(f"FAIL {what}{': ' + detail if detail else ''}")
        return ok

    def skip(self, what: str, why: str) -> None:
        self._print(f"SKIP {what}: {why}")

    def info(self, text: str) -> None:
        self._print(f"INFO {text}")

    def finish(self) -> int:
        if self.failures:
            print(f"{len(self.failures)} check(s) FAILED ({self.passes} passed):")
            for f in self.failures:
                print(f"  - {f}")
            return 1
        print(f"all {self.passes} checks passed")
        return 0


class CheckError(Exception):
    """A malformed input: reported as a failed check."""


# ---------------------------------------------------------------------------------------------------------
# RFC 9162 section 2.1: hashes and the Merkle Tree Hash


def sha256(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def leaf_hash(leaf: bytes) -> bytes:
    """RFC 9162 2.1.1: MTH({d(0)}) = HASH(0x00 || d(0))."""
    return sha256(b"\x00" + leaf)


def node_hash(left: bytes, right: bytes) -> bytes:
    """RFC 9162 2.1.1: HASH(0x01 || MTH(D[0:k]) || MTH(D[k:n]))."""
    return sha256(b"\x01" + left + right)


def largest_power_of_two_below(n: int) -> int:
    """The largest power of two smaller than n (n > 1)."""
    k = 1
    while k * 2 < n:
        k *= 2
    return k


class MerkleTree:
    """The Merkle Tree Hash of RFC 9162 2.1.1 over a list of leaf hashes, for any prefix size.

    MTH(D[n]) is defined recursively; subtree hashes (which depend only on the leaves they span) are
    cached so the roots of many prefixes cost little.
    """

    def __init__(self, leaf_hashes: list[bytes]) -> None:
        self.leaves = leaf_hashes
        self._cache: dict[tuple[int, int], bytes] = {}

    def _mth(self, start: int, end: int) -> bytes:
        n = end - start
        if n == 0:
            return sha256(b"")  # MTH({}) = HASH()
        if n == 1:
            return self.leaves[start]  # already HASH(0x00 || d)
        key = (start, end)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        k = largest_power_of_two_below(n)
        h = node_hash(self._mth(start, start + k), self._mth(start + k, end))
        self._cache[key] = h
        return h

    def root(self, size: int) -> bytes:
        if size < 0 or size > len(self.leaves):
            raise ValueError(f"tree size {size} outside 0..{len(self.leaves)}")
        return self._mth(0, size)


def lsb(x: int) -> int:
    return x & 1


def verify_inclusion(leaf_index: int, tree_size: int, hash_: bytes, inclusion_path: list[bytes],
                     root_hash: bytes) -> bool:
    """RFC 9162 2.1.3.2, step by step."""
    # 1. Compare leaf_index from the inclusion_proof against tree_size. If leaf_index is greater than or
    #    equal to tree_size, then fail the proof verification.
    if leaf_index >= tree_size or leaf_index < 0:
        return False
    # 2. Set fn to leaf_index and sn to tree_size - 1.
    fn, sn = leaf_index, tree_size - 1
    # 3. Set r to hash.
    r = hash_
    # 4. For each value p in the inclusion_path array:
    for p in inclusion_path:
        # a. If sn is 0, then stop the iteration and fail the proof verification.
        if sn == 0:
            return False
        # b. If LSB(fn) is set, or if fn is equal to sn, then:
        if lsb(fn) or fn == sn:
            # i. Set r to HASH(0x01 || p || r).
            r = node_hash(p, r)
            # ii. If LSB(fn) is not set, then right-shift both fn and sn equally until either LSB(fn) is
            #     set or fn is 0.
            if not lsb(fn):
                while not (lsb(fn) or fn == 0):
                    fn >>= 1
                    sn >>= 1
        # Otherwise:
        else:
            # i. Set r to HASH(0x01 || r || p).
            r = node_hash(r, p)
        # c. Finally, right-shift both fn and sn one time.
        fn >>= 1
        sn >>= 1
    # 5. Compare sn to 0. Compare r against the root_hash. If sn is equal to 0 and r and the root_hash are
    #    equal, then the log has proven the inclusion of hash. Otherwise, fail the proof verification.
    return sn == 0 and r == root_hash


def is_power_of_two(x: int) -> bool:
    return x > 0 and (x & (x - 1)) == 0


def verify_consistency(first: int, second: int, first_hash: bytes, second_hash: bytes,
                       consistency_path: list[bytes]) -> bool:
    """RFC 9162 2.1.4.2, step by step, for 0 < first < second.

    The RFC's algorithm is stated for 0 < first < second. For first == second (the trees are the same)
    the only consistent proof is empty with equal roots; for first == 0 every tree extends the empty one
    and the proof is empty. Those edge cases are handled the way RFC 9162 2.1.4.1 implies (PROOF(m, D[n])
    is only defined for 0 < m < n, so nothing needs proving) and as deployed verifiers do.
    """
    if first < 0 or second < 0 or first > second:
        return False
    if first == second:
        return len(consistency_path) == 0 and first_hash == second_hash
    if first == 0:
        return len(consistency_path) == 0
    # 1. If consistency_path is an empty array, stop and fail the proof verification.
    if len(consistency_path) == 0:
        return False
    path = list(consistency_path)
    # 2. If first is an exact power of 2, then prepend first_hash to the consistency_path array.
    if is_power_of_two(first):
        path = [first_hash] + path
    # 3. Set fn to first - 1 and sn to second - 1.
    fn, sn = first - 1, second - 1
    # 4. If LSB(fn) is set, then right-shift both fn and sn equally until LSB(fn) is not set.
    while lsb(fn):
        fn >>= 1
        sn >>= 1
    # 5. Set both fr and sr to the first value in the consistency_path array.
    fr = sr = path[0]
    # 6. For each subsequent value c in the consistency_path array:
    for c in path[1:]:
        # a. If sn is 0, then stop the iteration and fail the proof verification.
        if sn == 0:
            return False
        # b. If LSB(fn) is set, or if fn is equal to sn, then:
        if lsb(fn) or fn == sn:
            # i. Set fr to HASH(0x01 || c || fr).
            fr = node_hash(c, fr)
            # ii. Set sr to HASH(0x01 || c || sr).
            sr = node_hash(c, sr)
            # iii. If LSB(fn) is not set, then right-shift both fn and sn equally until either LSB(fn)
            #      is set or fn is 0.
            if not lsb(fn):
                while not (lsb(fn) or fn == 0):
                    fn >>= 1
                    sn >>= 1
        # Otherwise:
        else:
            # i. Set sr to HASH(0x01 || sr || c).
            sr = node_hash(sr, c)
        # c. Finally, right-shift both fn and sn one time.
        fn >>= 1
        sn >>= 1
    # 7. Verify that fr equals first_hash, that sr equals second_hash, and that sn is 0.
    return fr == first_hash and sr == second_hash and sn == 0


# ---------------------------------------------------------------------------------------------------------
# RFC 8032: Ed25519 (adapted from the reference implementation in section 6)

_P = 2**255 - 19
_L = 2**252 + 27742317777372353535851937790883648493  # the group order ("q" in section 6, "L" in 5.1)


def _inv(x: int) -> int:
    return pow(x, _P - 2, _P)


_D = -121665 * _inv(121666) % _P
_SQRT_M1 = pow(2, (_P - 1) // 4, _P)

Point = tuple[int, int, int, int]  # extended homogeneous coordinates (X, Y, Z, T), x = X/Z, y = Y/Z


def _point_add(P: Point, Q: Point) -> Point:
    A = (P[1] - P[0]) * (Q[1] - Q[0]) % _P
    B = (P[1] + P[0]) * (Q[1] + Q[0]) % _P
    C = 2 * P[3] * Q[3] * _D % _P
    D = 2 * P[2] * Q[2] % _P
    E, F, G, H = B - A, D - C, D + C, B + A
    return (E * F % _P, G * H % _P, F * G % _P, E * H % _P)


def _point_mul(s: int, P: Point) -> Point:
    Q: Point = (0, 1, 1, 0)  # the neutral element
    while s > 0:
        if s & 1:
            Q = _point_add(Q, P)
        P = _point_add(P, P)
        s >>= 1
    return Q


def _point_equal(P: Point, Q: Point) -> bool:
    # x1 / z1 == x2 / z2  <=>  x1 * z2 == x2 * z1
    if (P[0] * Q[2] - Q[0] * P[2]) % _P != 0:
        return False
    if (P[1] * Q[2] - Q[1] * P[2]) % _P != 0:
        return False
    return True


def _recover_x(y: int, sign: int) -> Optional[int]:
    if y >= _P:
        return None
    x2 = (y * y - 1) * _inv(_D * y * y + 1)
    if x2 == 0:
        if sign:
            return None
        return 0
    # Square root of x2
    x = pow(x2, (_P + 3) // 8, _P)
    if (x * x - x2) % _P != 0:
        x = x * _SQRT_M1 % _P
    if (x * x - x2) % _P != 0:
        return None
    if (x & 1) != sign:
        x = _P - x
    return x


_G_Y = 4 * _inv(5) % _P
_G_X = _recover_x(_G_Y, 0)
assert _G_X is not None
_G: Point = (_G_X, _G_Y, 1, _G_X * _G_Y % _P)


def _point_compress(P: Point) -> bytes:
    zinv = _inv(P[2])
    x = P[0] * zinv % _P
    y = P[1] * zinv % _P
    return int.to_bytes(y | ((x & 1) << 255), 32, "little")


def _point_decompress(s: bytes) -> Optional[Point]:
    """RFC 8032 5.1.3 decoding; None if the string is not a valid point encoding."""
    if len(s) != 32:
        return None
    y = int.from_bytes(s, "little")
    sign = y >> 255
    y &= (1 << 255) - 1
    x = _recover_x(y, sign)
    if x is None:
        return None
    return (x, y, 1, x * y % _P)


def _sha512_mod_l(s: bytes) -> int:
    return int.from_bytes(hashlib.sha512(s).digest(), "little") % _L


def ed25519_verify(public: bytes, msg: bytes, signature: bytes) -> bool:
    """RFC 8032 5.1.7."""
    if len(public) != 32 or len(signature) != 64:
        return False
    # 1. Split the signature into two 32-octet halves. Decode the first half as a point R, and the second
    #    half as an integer S, in the range 0 <= s < L. Decode the public key A as point A'. If any of the
    #    decodings fail (including S being out of range), the signature is invalid.
    A = _point_decompress(public)
    if A is None:
        return False
    r_bytes = signature[:32]
    R = _point_decompress(r_bytes)
    if R is None:
        return False
    s = int.from_bytes(signature[32:], "little")
    if s >= _L:
        return False
    # 2. Compute SHA512(dom2(F, C) || R || A || PH(M)), and interpret the 64-octet digest as a
    #    little-endian integer k. (For Ed25519, dom2 is empty and PH is the identity.)
    k = _sha512_mod_l(r_bytes + public + msg)
    # 3. Check the group equation [8][S]B = [8]R + [8][k]A'.
    left = _point_mul(8, _point_mul(s, _G))
    right = _point_mul(8, _point_add(R, _point_mul(k, A)))
    return _point_equal(left, right)


def _ed25519_secret_expand(secret: bytes) -> tuple[int, bytes]:
    h = hashlib.sha512(secret).digest()
    a = int.from_bytes(h[:32], "little")
    a &= (1 << 254) - 8
    a |= 1 << 254
    return a, h[32:]


def ed25519_public_key(secret: bytes) -> bytes:
    """RFC 8032 5.1.5 (used by the self-test only)."""
    a, _ = _ed25519_secret_expand(secret)
    return _point_compress(_point_mul(a, _G))


def ed25519_sign(secret: bytes, msg: bytes) -> bytes:
    """RFC 8032 5.1.6 (used by the self-test only)."""
    a, prefix = _ed25519_secret_expand(secret)
    public = _point_compress(_point_mul(a, _G))
    r = _sha512_mod_l(prefix + msg)
    R = _point_compress(_point_mul(r, _G))
    h = _sha512_mod_l(R + public + msg)
    s = (r + h * a) % _L
    return R + int.to_bytes(s, 32, "little")


# ---------------------------------------------------------------------------------------------------------
# C2SP signed-note and tlog-checkpoint

SIG_TYPE_ED25519 = 0x01
EM_DASH = "\u2014"


def b64decode_strict(text: str, what: str) -> bytes:
    """Standard base64 with padding; rejects anything that does not re-encode to the same text."""
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as e:
        raise CheckError(f"{what} is not valid base64 ({e})") from None
    if base64.b64encode(raw).decode("ascii") != text:
        raise CheckError(f"{what} is not canonical standard base64")
    return raw


def valid_key_name(name: str) -> bool:
    """signed-note: a key name is non-empty, has no Unicode spaces and no plus signs."""
    return len(name) > 0 and "+" not in name and not any(ch.isspace() for ch in name)


def key_id(name: str, sig_type: int, public: bytes) -> bytes:
    """signed-note: key ID = SHA-256(key name || 0x0A || signature type || public key)[:4]."""
    return sha256(name.encode("utf-8") + b"\n" + bytes([sig_type]) + public)[:4]


class VerifierKey:
    def __init__(self, name: str, kid: bytes, public: bytes) -> None:
        self.name = name
        self.key_id = kid
        self.public = public


def parse_verifier_key(vkey: str, report: Report) -> Optional[VerifierKey]:
    """`<name>+<hex8 key id>+<base64(0x01 || 32-byte Ed25519 public key)>`, key id checked."""
    vkey = vkey.strip("\n")
    # The name holds no '+', so the first two '+' delimit it and the key id; base64 may hold '+'.
    parts = vkey.split("+", 2)
    if not report.check(len(parts) == 3, "verifier key has the form name+keyid+key",
                        f"{len(parts)} '+'-separated fields in {vkey!r}"):
        return None
    name, kid_hex, key_b64 = parts
    report.check(valid_key_name(name), "verifier key name is a valid key name", repr(name))
    if not report.check(len(kid_hex) == 8 and all(c in "0123456789abcdef" for c in kid_hex),
                        "verifier key id is 8 lowercase hex digits", repr(kid_hex)):
        return None
    try:
        raw = b64decode_strict(key_b64, "verifier key")
    except CheckError as e:
        report.check(False, "verifier key decodes", str(e))
        return None
    if not report.check(len(raw) == 33 and raw[0] == SIG_TYPE_ED25519,
                        "verifier key is 0x01 (Ed25519) followed by a 32-byte public key",
                        f"{len(raw)} bytes, type 0x{raw[0]:02x}" if raw else "empty"):
        return None
    public = raw[1:]
    expected = key_id(name, SIG_TYPE_ED25519, public)
    report.check(expected.hex() == kid_hex,
                 "verifier key id = SHA-256(name || 0x0A || 0x01 || pubkey)[:4]",
                 f"key says {kid_hex}, computed {expected.hex()}")
    report.check(_point_decompress(public) is not None, "verifier public key is a valid Ed25519 point")
    return VerifierKey(name, bytes.fromhex(kid_hex), public)


def verify_note(note: str, key: VerifierKey, report: Report) -> Optional[str]:
    """Parses a signed note and verifies the signature by `key`. Returns the note text or None."""
    if not report.check(note.endswith("\n"), "note ends with a newline"):
        return None
    bad = [c for c in note if (ord(c) < 0x20 and c != "\n") or ord(c) == 0x7F]
    report.check(not bad, "note has no control characters other than newline",
                 f"found {sorted({hex(ord(c)) for c in bad})}")
    # The text is followed by a blank line, then the signature lines: split at the last blank line.
    cut = note.rfind("\n\n")
    if not report.check(cut >= 0, "note has a blank line separating text and signatures"):
        return None
    text = note[: cut + 1]  # up to and including the final newline before the blank line
    sig_block = note[cut + 2:]
    report.check(len(text) > 0 and text != "\n", "note text is non-empty")
    lines = sig_block.split("\n")
    if not report.check(lines[-1] == "" and len(lines) >= 2, "signature block ends with a newline"):
        return None
    lines = lines[:-1]
    verified = False
    matched = 0
    for i, line in enumerate(lines):
        prefix = EM_DASH + " "
        if not report.check(line.startswith(prefix),
                            f"signature line {i + 1} starts with an em dash (U+2014) and a space", repr(line)):
            continue
        fields = line[len(prefix):].split(" ")
        if not report.check(len(fields) == 2, f"signature line {i + 1} is '— <name> <base64>'", repr(line)):
            continue
        name, sig_b64 = fields
        report.check(valid_key_name(name), f"signature line {i + 1} names a valid key", repr(name))
        try:
            blob = b64decode_strict(sig_b64, f"signature line {i + 1}")
        except CheckError as e:
            report.check(False, f"signature line {i + 1} decodes", str(e))
            continue
        if not report.check(len(blob) >= 5, f"signature line {i + 1} holds a key id and a signature"):
            continue
        if name != key.name or blob[:4] != key.key_id:
            # Signatures by other keys (e.g. witness cosignatures) are ignored, as the spec requires.
            report.info(f"signature line {i + 1} is by another key ({name} {blob[:4].hex()}); ignored")
            continue
        matched += 1
        sig = blob[4:]
        if not report.check(len(sig) == 64, f"signature line {i + 1} holds a 64-byte Ed25519 signature",
                            f"{len(sig)} bytes"):
            continue
        ok = ed25519_verify(key.public, text.encode("utf-8"), sig)
        report.check(ok, f"Ed25519 signature by {key.name}+{key.key_id.hex()} verifies over the note text")
        verified = verified or ok
    report.check(matched == 1, "exactly one signature line is by the verifier key", f"{matched} found")
    return text if verified else None


def parse_checkpoint(text: str, key: VerifierKey, report: Report) -> Optional[tuple[str, int, bytes]]:
    """tlog-checkpoint body: origin, decimal size, base64 root hash, then optional extension lines."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines = lines[:-1]
    if not report.check(len(lines) >= 3, "checkpoint body has origin, size and root lines",
                        f"{len(lines)} lines"):
        return None
    origin, size_text, root_b64 = lines[0], lines[1], lines[2]
    report.check(len(origin) > 0, "checkpoint origin is non-empty")
    report.check(origin == key.name, "checkpoint origin equals the verifier key name",
                 f"origin {origin!r}, key name {key.name!r}")
    size_ok = size_text.isascii() and size_text.isdigit() and (size_text == "0" or not size_text.startswith("0"))
    if not report.check(size_ok, "checkpoint size is a decimal number without leading zeros", repr(size_text)):
        return None
    size = int(size_text)
    try:
        root = b64decode_strict(root_b64, "checkpoint root")
    except CheckError as e:
        report.check(False, "checkpoint root decodes", str(e))
        return None
    if not report.check(len(root) == 32, "checkpoint root is 32 bytes", f"{len(root)} bytes"):
        return None
    for j, ext in enumerate(lines[3:]):
        report.check(len(ext) > 0, f"checkpoint extension line {j + 1} is non-empty")
    return origin, size, root


# ---------------------------------------------------------------------------------------------------------
# RFC 8785 canonical JSON (the subset a leaf uses)


def _reject_float(text: str) -> Any:
    raise CheckError(f"non-integer number {text}")


def _reject_constant(text: str) -> Any:
    raise CheckError(f"non-JSON constant {text}")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in pairs:
        if k in out:
            raise CheckError(f"duplicate key {k!r}")
        out[k] = v
    return out


def canonical_json(value: Any) -> str:
    """RFC 8785 serialisation: object members sorted by the UTF-16 code units of their names, no
    whitespace, strings escaped as ECMAScript JSON.stringify does, integers in decimal."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ",".join(canonical_json(v) for v in value) + "]"
    if isinstance(value, dict):
        items = sorted(value.items(), key=lambda kv: kv[0].encode("utf-16-be"))
        return "{" + ",".join(json.dumps(k, ensure_ascii=False) + ":" + canonical_json(v) for k, v in items) + "}"
    raise CheckError(f"unsupported JSON value {value!r}")


def parse_leaf(leaf: str) -> Any:
    return json.loads(leaf, parse_float=_reject_float, parse_constant=_reject_constant,
                      object_pairs_hook=_no_duplicates)


# ---------------------------------------------------------------------------------------------------------
# Inputs


def parse_hash(text: Any, what: str) -> bytes:
    if not isinstance(text, str) or len(text) != 64 or any(c not in "0123456789abcdef" for c in text):
        raise CheckError(f"{what} is not 64 lowercase hex digits: {text!r}")
    return bytes.fromhex(text)


def parse_uint(value: Any, what: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise CheckError(f"{what} is not a non-negative integer: {value!r}")
    return value


def load_leaves(path: str, report: Report) -> Optional[list[str]]:
    leaves: list[str] = []
    contiguous = True
    canonical_failures: list[str] = []
    seq_failures: list[str] = []
    with open(path, encoding="utf-8", newline="") as f:
        data = f.read()
    lines = data.split("\n")
    if lines and lines[-1] == "":
        lines = lines[:-1]
    for n, line in enumerate(lines):
        try:
            entry = json.loads(line)
            if not isinstance(entry, dict) or set(entry) != {"index", "leaf"}:
                raise CheckError('expected exactly {"index":N,"leaf":"..."}')
            index = parse_uint(entry["index"], "index")
            leaf = entry["leaf"]
            if not isinstance(leaf, str):
                raise CheckError("leaf is not a string")
        except (ValueError, CheckError) as e:
            report.check(False, f"leaves line {n + 1} is an export entry", str(e))
            return None
        if index != len(leaves):
            if contiguous:
                report.check(False, "leaf indexes are contiguous from 0",
                             f"line {n + 1} has index {index}, expected {len(leaves)}")
            contiguous = False
        leaves.append(leaf)
        try:
            parsed = parse_leaf(leaf)
            again = canonical_json(parsed)
            if again != leaf:
                canonical_failures.append(f"index {index}: re-serialised differs")
            elif isinstance(parsed, dict) and "seq" in parsed and parsed["seq"] != index:
                seq_failures.append(f"index {index} holds seq {parsed['seq']}")
        except (ValueError, CheckError) as e:
            canonical_failures.append(f"index {index}: {e}")
    if contiguous:
        report.check(True, f"leaf indexes are contiguous from 0 ({len(leaves)} leaves)")
    report.check(not canonical_failures, "every leaf is RFC 8785 canonical JSON",
                 "; ".join(canonical_failures[:5]) + (" ..." if len(canonical_failures) > 5 else ""))
    report.check(not seq_failures, "every leaf's seq equals its index",
                 "; ".join(seq_failures[:5]) + (" ..." if len(seq_failures) > 5 else ""))
    return leaves if contiguous else None


def check_inclusion(path: str, tree: MerkleTree, leaves: list[str], report: Report) -> None:
    name = f"inclusion {path}"
    try:
        with open(path, encoding="utf-8") as f:
            p = json.load(f)
        index = parse_uint(p["index"], "index")
        size = parse_uint(p["size"], "size")
        given_leaf = parse_hash(p["leafHash"], "leafHash")
        given_root = parse_hash(p["root"], "root")
        if not isinstance(p["proof"], list):
            raise CheckError("proof is not a list")
        proof = [parse_hash(h, f"proof[{i}]") for i, h in enumerate(p["proof"])]
    except (OSError, ValueError, KeyError, CheckError) as e:
        report.check(False, f"{name}: well-formed", str(e))
        return
    name = f"inclusion of {index} in {size}"
    if not report.check(index < size <= len(leaves), f"{name}: index < size <= exported leaves",
                        f"{len(leaves)} leaves exported"):
        return
    recomputed_leaf = leaf_hash(leaves[index].encode("utf-8"))
    recomputed_root = tree.root(size)
    report.check(given_leaf == recomputed_leaf, f"{name}: leafHash equals the hash of exported leaf {index}",
                 f"given {given_leaf.hex()}, recomputed {recomputed_leaf.hex()}")
    report.check(given_root == recomputed_root, f"{name}: root equals MTH of the first {size} exported leaves",
                 f"given {given_root.hex()}, recomputed {recomputed_root.hex()}")
    report.check(verify_inclusion(index, size, recomputed_leaf, proof, recomputed_root),
                 f"{name}: RFC 9162 2.1.3.2 proof verifies ({len(proof)} hashes)")


def check_consistency(path: str, tree: MerkleTree, leaves: list[str], report: Report) -> None:
    name = f"consistency {path}"
    try:
        with open(path, encoding="utf-8") as f:
            p = json.load(f)
        first = parse_uint(p["from"], "from")
        second = parse_uint(p["to"], "to")
        given_first = parse_hash(p["fromRoot"], "fromRoot")
        given_second = parse_hash(p["toRoot"], "toRoot")
        if not isinstance(p["proof"], list):
            raise CheckError("proof is not a list")
        proof = [parse_hash(h, f"proof[{i}]") for i, h in enumerate(p["proof"])]
    except (OSError, ValueError, KeyError, CheckError) as e:
        report.check(False, f"{name}: well-formed", str(e))
        return
    name = f"consistency {first} -> {second}"
    if not report.check(first <= second <= len(leaves), f"{name}: from <= to <= exported leaves",
                        f"{len(leaves)} leaves exported"):
        return
    first_root, second_root = tree.root(first), tree.root(second)
    report.check(given_first == first_root, f"{name}: fromRoot equals MTH of the first {first} exported leaves",
                 f"given {given_first.hex()}, recomputed {first_root.hex()}")
    report.check(given_second == second_root, f"{name}: toRoot equals MTH of the first {second} exported leaves",
                 f"given {given_second.hex()}, recomputed {second_root.hex()}")
    report.check(verify_consistency(first, second, first_root, second_root, proof),
                 f"{name}: RFC 9162 2.1.4.2 proof verifies ({len(proof)} hashes)")


def run_checks(args: argparse.Namespace) -> int:
    report = Report()
    with open(args.vkey, encoding="utf-8") as f:
        vkey_text = f.read().strip()
    key = parse_verifier_key(vkey_text, report)
    checkpoint: Optional[tuple[str, int, bytes]] = None
    if key is not None:
        with open(args.checkpoint, encoding="utf-8", newline="") as f:
            note = f.read()
        text = verify_note(note, key, report)
        if text is not None:
            checkpoint = parse_checkpoint(text, key, report)
    leaves = load_leaves(args.leaves, report)
    if leaves is not None:
        tree = MerkleTree([leaf_hash(leaf.encode("utf-8")) for leaf in leaves])
        if checkpoint is not None:
            _, size, root = checkpoint
            if size <= len(leaves):
                recomputed = tree.root(size)
                report.check(recomputed == root,
                             f"checkpoint root equals MTH of the first {size} exported leaves",
                             f"checkpoint {root.hex()}, recomputed {recomputed.hex()}")
                if size < len(leaves):
                    report.info(f"the export holds {len(leaves) - size} leaves beyond the checkpoint")
            else:
                # A checkpoint the log signed at a size it no longer reaches means entries were removed (the
                # database was rolled back) or the export is cut short: either way nothing vouches for the
                # missing entries, so this is a failure, never a skip.
                report.check(False, "checkpoint size within the exported leaves",
                             f"the checkpoint commits to {size} entries but only {len(leaves)} leaves were "
                             f"given: rolled back from {size} to {len(leaves)}, or the export is incomplete")
        for path in args.inclusion or []:
            check_inclusion(path, tree, leaves, report)
        for path in args.consistency or []:
            check_consistency(path, tree, leaves, report)
    elif args.inclusion or args.consistency:
        report.check(False, "proofs checked against the leaves", "the leaves could not be read")
    return report.finish()


# ---------------------------------------------------------------------------------------------------------
# Self-test: published vectors and corruptions


def self_test() -> int:
    report = Report()
    hd = bytes.fromhex

    # transparency-dev/merkle testonly/constants.go: LeafInputs and RootHashes (RFC 6962 hashing).
    inputs = [hd(""), hd("00"), hd("10"), hd("2021"), hd("3031"), hd("40414243"), hd("5051525354555657"),
              hd("606162636465666768696a6b6c6d6e6f")]
    roots = [
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ]
    tree = MerkleTree([leaf_hash(x) for x in inputs])
    for size in range(0, 9):
        got = tree.root(size).hex()
        report.check(got == roots[size], f"RFC 6962 vector: root of size {size}", f"got {got}")

    # transparency-dev/merkle proof/verify_test.go: inclusionProofs (leaf is 1-based there) and
    # consistencyProofs.
    inclusion_vectors = [
        (1, 1, []),
        (1, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]),
        (6, 8, ["bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
        (3, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"]),
        (2, 5, ["6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"]),
    ]
    some_hash = hd("abacaba000000000000000000000000000000000000000000060061e00123456")
    empty_root = hd(roots[0])
    for leaf1, size, proof_hex in inclusion_vectors:
        index = leaf1 - 1
        proof = [hd(h) for h in proof_hex]
        lh = leaf_hash(inputs[index])
        root = hd(roots[size])
        report.check(verify_inclusion(index, size, lh, proof, root),
                     f"RFC 6962 vector: inclusion of leaf {index} in {size} verifies")
        # The corruptions verify_test.go probes must all be rejected.
        probes: list[tuple[str, Callable[[], bool]]] = [
            ("index - 1", lambda: verify_inclusion(index - 1, size, lh, proof, root)),
            ("index + 1", lambda: verify_inclusion(index + 1, size, lh, proof, root)),
            ("index ^ 2", lambda: verify_inclusion(index ^ 2, size, lh, proof, root)),
            ("size * 2", lambda: verify_inclusion(index, size * 2, lh, proof, root)),
            ("size / 2", lambda: verify_inclusion(index, size // 2, lh, proof, root)),
            ("wrong leaf", lambda: verify_inclusion(index, size, b"WrongLeaf", proof, root)),
            ("empty root", lambda: verify_inclusion(index, size, lh, proof, empty_root)),
            ("random root", lambda: verify_inclusion(index, size, lh, proof, some_hash)),
            ("trailing garbage", lambda: verify_inclusion(index, size, lh, proof + [b""], root)),
            ("trailing root", lambda: verify_inclusion(index, size, lh, proof + [root], root)),
            ("preceding garbage", lambda: verify_inclusion(index, size, lh, [b""] + proof, root)),
            ("preceding root", lambda: verify_inclusion(index, size, lh, [root] + proof, root)),
        ]
        for i in range(len(proof)):
            flipped = list(proof)
            flipped[i] = bytes([flipped[i][0] ^ 8]) + flipped[i][1:]
            probes.append((f"proof[{i}] bit 3 flipped", lambda f=flipped: verify_inclusion(index, size, lh, f, root)))
        if proof:
            probes.append(("removed component", lambda: verify_inclusion(index, size, lh, proof[:-1], root)))
        if len(proof) > 1:
            inserted = [proof[0], some_hash] + proof[1:]
            probes.append(("inserted component", lambda: verify_inclusion(index, size, lh, inserted, root)))
        wrong = [desc for desc, probe in probes if probe()]
        report.check(not wrong, f"RFC 6962 vector: corrupted inclusion proofs of {index} in {size} are rejected",
                     ", ".join(wrong))

    consistency_vectors = [
        (1, 1, []),
        (1, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]),
        (6, 8, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
        (2, 5, ["5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"]),
        (6, 7, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
    ]
    for m, n, proof_hex in consistency_vectors:
        proof = [hd(h) for h in proof_hex]
        r1, r2 = hd(roots[m]), hd(roots[n])
        report.check(verify_consistency(m, n, r1, r2, proof), f"RFC 6962 vector: consistency {m} -> {n} verifies")
        if not proof:
            continue
        cprobes: list[tuple[str, Callable[[], bool]]] = [
            ("from - 1", lambda: verify_consistency(m - 1, n, r1, r2, proof)),
            ("from + 1", lambda: verify_consistency(m + 1, n, r1, r2, proof)),
            ("from ^ 2", lambda: verify_consistency(m ^ 2, n, r1, r2, proof)),
            ("to * 2", lambda: verify_consistency(m, n * 2, r1, r2, proof)),
            ("to / 2", lambda: verify_consistency(m, n // 2, r1, r2, proof)),
            ("wrong root1", lambda: verify_consistency(m, n, b"WrongRoot", r2, proof)),
            ("wrong root2", lambda: verify_consistency(m, n, r1, b"WrongRoot", proof)),
            ("swapped roots", lambda: verify_consistency(m, n, r2, r1, proof)),
            ("empty proof", lambda: verify_consistency(m, n, r1, r2, [])),
            ("trailing garbage", lambda: verify_consistency(m, n, r1, r2, proof + [b""])),
            ("trailing root1", lambda: verify_consistency(m, n, r1, r2, proof + [r1])),
            ("trailing root2", lambda: verify_consistency(m, n, r1, r2, proof + [r2])),
            ("preceding garbage", lambda: verify_consistency(m, n, r1, r2, [b""] + proof)),
            ("preceding root1", lambda: verify_consistency(m, n, r1, r2, [r1] + proof)),
            ("preceding root2", lambda: verify_consistency(m, n, r1, r2, [r2] + proof)),
            ("preceding proof[0]", lambda: verify_consistency(m, n, r1, r2, [proof[0]] + proof)),
            ("truncated proof", lambda: verify_consistency(m, n, r1, r2, proof[:-1])),
        ]
        for i in range(len(proof)):
            flipped = list(proof)
            flipped[i] = bytes([flipped[i][0] ^ 16]) + flipped[i][1:]
            cprobes.append((f"proof[{i}] bit 4 flipped", lambda f=flipped: verify_consistency(m, n, r1, r2, f)))
        wrong = [desc for desc, probe in cprobes if probe()]
        report.check(not wrong, f"RFC 6962 vector: corrupted consistency proofs {m} -> {n} are rejected",
                     ", ".join(wrong))
    # Edge cases from TestVerifyConsistency.
    report.check(verify_consistency(0, 1, b"r1", b"r2", []), "consistency 0 -> 1 with an empty proof verifies")
    report.check(verify_consistency(1, 1, b"r2", b"r2", []), "consistency 1 -> 1 with equal roots verifies")
    report.check(not verify_consistency(1, 1, b"r1", b"r2", []), "consistency 1 -> 1 with different roots fails")
    report.check(not verify_consistency(2, 1, b"r1", b"r2", []), "consistency 2 -> 1 fails")
    report.check(not verify_consistency(1, 2, b"r1", b"r2", []), "consistency 1 -> 2 with an empty proof fails")
    report.check(not verify_consistency(1, 1, empty_root, empty_root, [empty_root]),
                 "consistency 1 -> 1 with a non-empty proof fails")
    report.check(not verify_inclusion(0, 0, some_hash, [], empty_root), "inclusion of 0 in 0 fails")
    report.check(not verify_inclusion(2, 1, some_hash, [], empty_root), "inclusion of 2 in 1 fails")

    # Exhaustive cross-check for sizes up to 8: proofs generated here from the RFC 9162 2.1.3.1 and 2.1.4.1
    # definitions verify with the 2.1.3.2 and 2.1.4.2 algorithms.
    def path(m: int, lo: int, hi: int) -> list[bytes]:
        n = hi - lo
        if n <= 1:
            return []
        k = largest_power_of_two_below(n)
        if m < k:
            return path(m, lo, lo + k) + [tree._mth(lo + k, hi)]
        return path(m - k, lo + k, hi) + [tree._mth(lo, lo + k)]

    def subproof(m: int, lo: int, hi: int, b: bool) -> list[bytes]:
        n = hi - lo
        if m == n:
            return [] if b else [tree._mth(lo, hi)]
        k = largest_power_of_two_below(n)
        if m <= k:
            return subproof(m, lo, lo + k, b) + [tree._mth(lo + k, hi)]
        return subproof(m - k, lo + k, hi, False) + [tree._mth(lo, lo + k)]

    bad: list[str] = []
    for n in range(1, 9):
        for i in range(n):
            if not verify_inclusion(i, n, tree.leaves[i], path(i, 0, n), tree.root(n)):
                bad.append(f"inclusion {i}/{n}")
        for m in range(1, n):
            if not verify_consistency(m, n, tree.root(m), tree.root(n), subproof(m, 0, n, True)):
                bad.append(f"consistency {m}->{n}")
    report.check(not bad, "RFC 9162 PATH/SUBPROOF proofs for all sizes 1..8 verify", ", ".join(bad))

    # RFC 8032 section 7.1, TEST 1 (empty message).
    secret = hd("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
    public = hd("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
    signature = hd("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b")
    report.check(ed25519_public_key(secret) == public, "RFC 8032 TEST 1: public key from secret")
    report.check(ed25519_sign(secret, b"") == signature, "RFC 8032 TEST 1: signature of the empty message")
    report.check(ed25519_verify(public, b"", signature), "RFC 8032 TEST 1: signature verifies")
    report.check(not ed25519_verify(public, b"x", signature), "RFC 8032 TEST 1: other message rejected")
    tampered = bytearray(signature)
    tampered[5] ^= 1
    report.check(not ed25519_verify(public, b"", bytes(tampered)), "RFC 8032 TEST 1: tampered R rejected")
    high_s = signature[:32] + int.to_bytes(int.from_bytes(signature[32:], "little") + _L, 32, "little")
    report.check(not ed25519_verify(public, b"", high_s), "RFC 8032 5.1.7: S >= L rejected")

    # A signed checkpoint made here with the TEST 1 key parses and verifies; a changed one does not.
    name = "example.com/log"
    kid = key_id(name, SIG_TYPE_ED25519, public)
    vkey = f"{name}+{kid.hex()}+{base64.b64encode(bytes([1]) + public).decode()}"
    body = f"{name}\n8\n{base64.b64encode(tree.root(8)).decode()}\n"
    sig_line = f"{EM_DASH} {name} {base64.b64encode(kid + ed25519_sign(secret, body.encode())).decode()}\n"
    witness = f"{EM_DASH} witness.example AAAAAAAA\n"
    note = body + "\n" + witness + sig_line
    inner = Report(quiet=True)
    k = parse_verifier_key(vkey, inner)
    parsed = parse_checkpoint(verify_note(note, k, inner) or "", k, inner) if k else None
    inner_ok = not inner.failures and parsed == (name, 8, tree.root(8))
    bad_inner = Report(quiet=True)
    if k:
        verify_note(note.replace("\n8\n", "\n9\n", 1), k, bad_inner)
    report.check(inner_ok, "signed-note: a checkpoint signed with the TEST 1 key verifies and parses",
                 "; ".join(inner.failures))
    report.check(bool(bad_inner.failures), "signed-note: a changed checkpoint body is rejected")

    # RFC 8785: canonical and non-canonical samples.
    report.check(canonical_json(parse_leaf('{"b":[1,true,null],"a":"é\\n"}')) == '{"a":"é\\n","b":[1,true,null]}',
                 "RFC 8785: members sorted, no whitespace, non-ASCII kept, control characters escaped")
    report.check(canonical_json({"\u20ac": 1, "\U0001f600": 2, "\ufb33": 3}) ==
                 '{"\u20ac":1,"\U0001f600":2,"\ufb33":3}', "RFC 8785: keys sorted by UTF-16 code units")
    return report.finish()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--self-test", action="store_true", help="run the published test vectors")
    parser.add_argument("--vkey", help="file holding the verifier key (name+keyid+base64)")
    parser.add_argument("--checkpoint", help="file holding the signed checkpoint note")
    parser.add_argument("--leaves", help="NDJSON export: {\"index\":N,\"leaf\":\"...\"} per line")
    parser.add_argument("--inclusion", action="append", help="inclusion proof JSON (repeatable)")
    parser.add_argument("--consistency", action="append", help="consistency proof JSON (repeatable)")
    args = parser.parse_args(argv)
    if args.self_test:
        return self_test()
    if not (args.vkey and args.checkpoint and args.leaves):
        parser.error("--vkey, --checkpoint and --leaves are required (or --self-test)")
    try:
        return run_checks(args)
    except OSError as e:
        print(f"FAIL reading inputs: {e}")
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
