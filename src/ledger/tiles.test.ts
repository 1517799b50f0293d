import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTilePath, tileNodes, tilePath, tileWithin } from './tiles.js';

describe('tlog-tiles paths', () => {
  it('writes the spec example: index 1234067 is x001/x234/067', () => {
    expect(tilePath({ level: 0, index: 1234067, width: 256 })).toBe('0/x001/x234/067');
    expect(tilePath({ level: 2, index: 5, width: 17 })).toBe('2/005.p/17');
    expect(parseTilePath('1/x001/x234/067.p/3')).toEqual({ level: 1, index: 1234067, width: 3 });
  });

  it('reads back every path it writes, and only canonical paths', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 63 }),
        fc.integer({ min: 0, max: 2 ** 40 }),
        fc.integer({ min: 1, max: 256 }),
        (level, index, width) => {
          const tile = { level, index, width };
          expect(parseTilePath(tilePath(tile))).toEqual(tile);
        },
      ),
    );
    for (const path of [
      '0/5',
      '0/x000/005',
      '00/000',
      '64/000',
      '0/000.p/0',
      '0/000.p/256',
      '0/000.p/07',
      'entries/000',
      '0/x001',
      '0/000/',
      '',
    ]) {
      expect(parseTilePath(path), path).toBeUndefined();
    }
  });

  it('covers what the spec says a tree of 70,000 entries has', () => {
    const size = 70_000;
    expect(tileWithin({ level: 0, index: 272, width: 256 }, size)).toBe(true);
    expect(tileWithin({ level: 0, index: 273, width: 256 }, size)).toBe(false);
    expect(tileWithin({ level: 0, index: 273, width: 112 }, size)).toBe(true);
    expect(tileWithin({ level: 0, index: 273, width: 113 }, size)).toBe(false);
    expect(tileWithin({ level: 1, index: 0, width: 256 }, size)).toBe(true);
    expect(tileWithin({ level: 1, index: 1, width: 17 }, size)).toBe(true);
    expect(tileWithin({ level: 1, index: 1, width: 18 }, size)).toBe(false);
    expect(tileWithin({ level: 2, index: 0, width: 1 }, size)).toBe(true);
    expect(tileWithin({ level: 2, index: 0, width: 2 }, size)).toBe(false);
  });

  it('reads a tile at level L from the stored nodes at Merkle level 8L', () => {
    expect(tileNodes({ level: 1, index: 2, width: 2 })).toEqual([
      { level: 8, index: 512 },
      { level: 8, index: 513 },
    ]);
  });
});
