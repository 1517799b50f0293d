import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asBytes, bytesEqual, fromBase64, fromHex, toBase64, toHex } from './encoding.js';

describe('encoding', () => {
  it('round-trips hex and base64 (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        expect(fromHex(toHex(bytes))).toEqual(bytes);
        expect(fromBase64(toBase64(bytes))).toEqual(bytes);
      }),
    );
  });

  it('returns plain Uint8Arrays, not Buffers', () => {
    expect(fromHex('00ff').constructor).toBe(Uint8Array);
    expect(fromBase64('AP8=').constructor).toBe(Uint8Array);
    expect(asBytes(Buffer.from([1, 2])).constructor).toBe(Uint8Array);
  });

  it('writes lowercase hex and accepts either case', () => {
    expect(toHex(Uint8Array.of(0xab, 0x01))).toBe('ab01');
    expect(fromHex('AB01')).toEqual(Uint8Array.of(0xab, 0x01));
  });

  it.each(['0', 'abc', 'zz', '0x00', 'ab cd'])('refuses the hex %j', (text) => {
    expect(() => fromHex(text)).toThrow(/is not hex/);
  });

  it.each(['AP8', 'AP8=\n', 'A P8=', '-_8=', 'AP8==', '=AP8'])(
    'refuses the non-standard base64 %j',
    (text) => {
      expect(() => fromBase64(text)).toThrow(/standard padded base64/);
    },
  );

  it('refuses base64 with non-zero trailing bits, so each byte string has one text', () => {
    expect(() => fromBase64('AP9=')).toThrow(/not canonical base64/);
  });

  it('compares bytes', () => {
    expect(bytesEqual(Uint8Array.of(1, 2), Buffer.from([1, 2]))).toBe(true);
    expect(bytesEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 3))).toBe(false);
    expect(bytesEqual(Uint8Array.of(1), Uint8Array.of(1, 0))).toBe(false);
  });
});
