import { describe, expect, it } from 'vitest';
import { bundlePath, bundleRange, decodeBundle, encodeBundle, parseBundlePath } from './entry-bundles.js';

/** C2SP tlog-tiles entry bundles: paths, and each entry as a big-endian uint16 length then its bytes. */
describe('entry bundles', () => {
  it('parses canonical bundle paths only, and gives each bundle its range of entries', () => {
    expect(parseBundlePath('000')).toEqual({ level: 0, index: 0, width: 256 });
    expect(parseBundlePath('x001/234.p/7')).toEqual({ level: 0, index: 1234, width: 7 });
    for (const bad of ['0', 'x000/000', '000.p/0', '000.p/256', '', 'abc'])
      expect(parseBundlePath(bad)).toBeUndefined();
    expect(bundlePath({ level: 0, index: 1234, width: 7 })).toBe('x001/234.p/7');
    expect(bundleRange({ level: 0, index: 3, width: 10 })).toEqual({ from: 768, to: 778 });
  });

  it('prefixes each entry with its UTF-8 length as a big-endian uint16, and decodes back', () => {
    const leaves = ['{"a":1}', 'é'.repeat(300), ''];
    const bytes = encodeBundle(
      '000.p/3',
      leaves.map((leaf, index) => ({ index, leaf })),
    );
    expect([...bytes.subarray(0, 2)]).toEqual([0, 7]);
    expect([...bytes.subarray(9, 11)]).toEqual([0x02, 0x58]);
    expect(decodeBundle(bytes).map((b) => new TextDecoder().decode(b))).toEqual(leaves);
  });

  it('refuses an entry longer than 65,535 bytes, naming it', () => {
    const long = 'x'.repeat(65_536);
    expect(() => encodeBundle('001', [{ index: 300, leaf: long }])).toThrow(
      expect.objectContaining({
        code: 'conflict',
        messageKey: 'ledger.bundle_entry_too_long',
        params: { path: '001', index: 300, bytes: 65_536 },
      }),
    );
    expect(encodeBundle('001', [{ index: 300, leaf: long.slice(1) }]).length).toBe(65_537);
  });
});
