/**
 * C2SP tlog-tiles hash tiles (https://c2sp.org/tlog-tiles): tile `<L>/<N>` holds, for i in 0..255, the
 * Merkle tree hash of leaves [(N·256 + i)·256^L, (N·256 + i + 1)·256^L) — the ledger's stored perfect node
 * at level 8L, index N·256 + i — so a tile is read from the stored nodes without hashing. Hash tiles are
 * public; entry bundles (entry-bundles.ts) hold the leaves, personal data, for monitors only (decision 0031).
 */

import type { Db } from '../db/database.js';
import type { NodeRef } from './merkle.js';
import { readNodes } from './store.js';

/** Hashes in a full tile. */
export const TILE_WIDTH = 256;
/** Merkle levels per tile level. */
export const TILE_HEIGHT = 8;

/** A tile: its level, index, and width (256 for a full tile, 1–255 for a partial one). */
export interface Tile {
  readonly level: number;
  readonly index: number;
  readonly width: number;
}

const ELEMENT = /^\d{3}$/;
const X_ELEMENT = /^x\d{3}$/;
const DECIMAL = /^(?:0|[1-9][0-9]*)$/;

/** Parses the part of a tile path after `tile/`: `<L>/<N>[.p/<W>]`, N in 3-digit elements; undefined if invalid. */
export function parseTilePath(path: string): Tile | undefined {
  const parts = path.split('/');
  const levelText = parts.shift() ?? '';
  if (!DECIMAL.test(levelText) || Number(levelText) > 63) return undefined;
  let width = TILE_WIDTH;
  const last = parts.at(-1) ?? '';
  if (parts.length >= 2 && parts.at(-2)?.endsWith('.p')) {
    if (!DECIMAL.test(last) || Number(last) < 1 || Number(last) > 255) return undefined;
    width = Number(last);
    parts.pop();
    parts[parts.length - 1] = (parts.at(-1) ?? '').slice(0, -2);
  }
  if (parts.length === 0) return undefined;
  const ok = parts.every((p, i) => (i === parts.length - 1 ? ELEMENT.test(p) : X_ELEMENT.test(p)));
  if (!ok) return undefined;
  const index = Number(parts.map((p) => p.replace('x', '')).join(''));
  if (!Number.isSafeInteger(index)) return undefined;
  const tile = { level: Number(levelText), index, width };
  // One index, one path: refuse non-canonical spellings such as x000/005 for 005.
  return tilePath(tile) === path ? tile : undefined;
}

/** The canonical path of a tile after `tile/`. */
export function tilePath(tile: Tile): string {
  let digits = String(tile.index);
  digits = digits.padStart(Math.ceil(digits.length / 3) * 3, '0');
  const groups = digits.match(/\d{3}/g) ?? ['000'];
  const n = groups.map((g, i) => (i === groups.length - 1 ? g : `x${g}`)).join('/');
  return `${tile.level}/${n}${tile.width === TILE_WIDTH ? '' : `.p/${tile.width}`}`;
}

/** The stored nodes a tile is made of, in order. */
export function tileNodes(tile: Tile): NodeRef[] {
  const level = tile.level * TILE_HEIGHT;
  return Array.from({ length: tile.width }, (_, i) => ({ level, index: tile.index * TILE_WIDTH + i }));
}

/** True when every hash of the tile is fixed by a tree of `size` leaves. */
export function tileWithin(tile: Tile, size: number): boolean {
  const last = tile.index * TILE_WIDTH + tile.width;
  return last * 2 ** (tile.level * TILE_HEIGHT) <= size;
}

/** The tile's bytes (width × 32), or undefined when the tree of `size` leaves does not cover it. */
export async function readTile(db: Db, tile: Tile, size: number): Promise<Uint8Array | undefined> {
  if (!tileWithin(tile, size)) return undefined;
  const hashes = await readNodes(db, tileNodes(tile));
  const out = new Uint8Array(hashes.length * 32);
  hashes.forEach((hash, i) => {
    out.set(hash, i * 32);
  });
  return out;
}
