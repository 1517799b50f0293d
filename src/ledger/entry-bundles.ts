/**
 * C2SP tlog-tiles entry bundles (https://c2sp.org/tlog-tiles, "Log entries"): bundle `<N>` holds entries
 * N·256 to N·256 + 255, each as a big-endian uint16 length then the leaf's bytes; a partial bundle `.p/<W>`
 * the first W. Each entry hashes (RFC 6962, 0x00 ‖ leaf) to the same position of level-0 tile `<N>`. The
 * leaves hold personal data, so bundles are served to the installation and to monitors only (decision 0031).
 */

import { DomainError } from '../core/errors.js';
import type { Db } from '../db/database.js';
import { readEntries } from './store.js';
import { parseTilePath, TILE_WIDTH, type Tile, tilePath, tileWithin } from './tiles.js';

/** The largest entry a bundle can hold: its length is a uint16. */
export const MAX_BUNDLE_ENTRY = 0xffff;

/** Parses the path after `tile/entries/`: `<N>[.p/<W>]`; undefined if invalid or not canonical. */
export function parseBundlePath(path: string): Tile | undefined {
  return parseTilePath(`0/${path}`);
}

/** The canonical path of a bundle after `tile/entries/`. */
export function bundlePath(tile: Tile): string {
  return tilePath({ ...tile, level: 0 }).slice(2);
}

/** The first and one-past-last entry index of a bundle. */
export function bundleRange(tile: Tile): { from: number; to: number } {
  const from = tile.index * TILE_WIDTH;
  return { from, to: from + tile.width };
}

const encoder = new TextEncoder();

/** Encodes leaves as an entry bundle; throws naming the entry when one is longer than 65,535 bytes. */
export function encodeBundle(path: string, leaves: readonly { index: number; leaf: string }[]): Uint8Array {
  const parts = leaves.map(({ index, leaf }) => {
    const bytes = encoder.encode(leaf);
    if (bytes.length > MAX_BUNDLE_ENTRY) {
      throw new DomainError('conflict', 'ledger.bundle_entry_too_long', { path, index, bytes: bytes.length });
    }
    return bytes;
  });
  const out = new Uint8Array(parts.reduce((n, p) => n + 2 + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out[at] = p.length >> 8;
    out[at + 1] = p.length & 0xff;
    out.set(p, at + 2);
    at += 2 + p.length;
  }
  return out;
}

/** Decodes an entry bundle into its entries' bytes. */
export function decodeBundle(bytes: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; ) {
    if (at + 2 > bytes.length) throw new Error('truncated entry bundle');
    const length = (bytes[at]! << 8) | bytes[at + 1]!;
    if (at + 2 + length > bytes.length) throw new Error('truncated entry bundle');
    out.push(bytes.subarray(at + 2, at + 2 + length));
    at += 2 + length;
  }
  return out;
}

/** The bundle's bytes, or undefined when the tree of `size` entries does not cover it. */
export async function readBundle(db: Db, tile: Tile, size: number): Promise<Uint8Array | undefined> {
  if (!tileWithin(tile, size)) return undefined;
  const { from, to } = bundleRange(tile);
  const rows = await readEntries(db, from, to);
  return encodeBundle(
    bundlePath(tile),
    rows.map((r) => ({ index: r.seq, leaf: r.leaf })),
  );
}
