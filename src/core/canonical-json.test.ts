import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHex } from '../ledger/encoding.js';
import { canonicalBytes, canonicalize } from './canonical-json.js';

function fromBits(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

describe('canonicalize', () => {
  it('reproduces the RFC 8785 §3.2.2 sample, byte for byte as in §3.2.4', () => {
    // The RFC's input is JSON text, parsed here verbatim.
    const input: unknown = JSON.parse(String.raw`{
      "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
      "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
      "literals": [null, true, false]
    }`);
    const expected =
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
      '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}';
    expect(canonicalize(input)).toBe(expected);
    const rfcHex = [
      '7b 22 6c 69 74 65 72 61 6c 73 22 3a 5b 6e 75 6c 6c 2c 74 72',
      '75 65 2c 66 61 6c 73 65 5d 2c 22 6e 75 6d 62 65 72 73 22 3a',
      '5b 33 33 33 33 33 33 33 33 33 2e 33 33 33 33 33 33 33 2c 31',
      '65 2b 33 30 2c 34 2e 35 2c 30 2e 30 30 32 2c 31 65 2d 32 37',
      '5d 2c 22 73 74 72 69 6e 67 22 3a 22 e2 82 ac 24 5c 75 30 30',
      '30 66 5c 6e 41 27 42 5c 22 5c 5c 5c 5c 5c 22 2f 22 7d',
    ]
      .join(' ')
      .replaceAll(' ', '');
    expect(toHex(canonicalBytes(input))).toBe(rfcHex);
  });

  it('sorts properties by UTF-16 code units as in RFC 8785 §3.2.3', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    expect(canonicalize(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","ö":"Latin Small Letter O With Diaeresis",' +
        '"€":"Euro Sign","😀":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('sorts integer-like keys as strings, not in JavaScript property order', () => {
    expect(canonicalize({ 10: 'c', 2: 'b', 1: 'a', b: 1, a: 2 })).toBe(
      '{"1":"a","10":"c","2":"b","a":2,"b":1}',
    );
  });

  it.each([
    ['0000000000000000', '0'],
    ['8000000000000000', '0'],
    ['0000000000000001', '5e-324'],
    ['8000000000000001', '-5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['ffefffffffffffff', '-1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'],
    ['c340000000000000', '-9007199254740992'],
    ['4430000000000000', '295147905179352830000'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['44b52d02c7e14af6', '1e+23'],
    ['44b52d02c7e14af7', '1.0000000000000001e+23'],
    ['444b1ae4d6e2ef4e', '999999999999999700000'],
    ['444b1ae4d6e2ef4f', '999999999999999900000'],
    ['444b1ae4d6e2ef50', '1e+21'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['41b3de4355555553', '333333333.3333332'],
    ['41b3de4355555554', '333333333.33333325'],
    ['41b3de4355555555', '333333333.3333333'],
    ['41b3de4355555556', '333333333.3333334'],
    ['41b3de4355555557', '333333333.33333343'],
    ['becbf647612f3696', '-0.0000033333333333333333'],
    ['43143ff3c1cb0959', '1424953923781206.2'],
  ])('serializes the RFC 8785 Appendix B number %s as %s', (bits, expected) => {
    expect(canonicalize(fromBits(bits))).toBe(expected);
  });

  it('escapes strings as RFC 8785 §3.2.2.2 says', () => {
    expect(canonicalize('\b\t\n\f\r"\\/\u0000\u001f\u007f\u2028é😀')).toBe(
      '"\\b\\t\\n\\f\\r\\"\\\\/\\u0000\\u001f\u007f\u2028é😀"',
    );
  });

  it('writes no whitespace, keeps array order and sorts nested objects', () => {
    expect(canonicalize({ z: [{ b: 2, a: 1 }, 3, 'x'], a: { d: null, c: [] }, e: {} })).toBe(
      '{"a":{"c":[],"d":null},"e":{},"z":[{"a":1,"b":2},3,"x"]}',
    );
  });

  it('omits properties whose value is undefined, like JSON.stringify', () => {
    expect(canonicalize({ a: 1, b: undefined, c: { d: undefined } })).toBe('{"a":1,"c":{}}');
  });

  it('accepts null-prototype objects and repeated (non-circular) references', () => {
    const bare = Object.create(null) as Record<string, unknown>;
    bare.y = 1;
    bare.x = 2;
    const shared = { k: 1 };
    expect(canonicalize({ bare, one: shared, two: shared })).toBe(
      '{"bare":{"x":2,"y":1},"one":{"k":1},"two":{"k":1}}',
    );
  });

  it('returns UTF-8 bytes from canonicalBytes', () => {
    expect(Array.from(canonicalBytes({ v: '€' }))).toEqual([...Buffer.from('{"v":"€"}', 'utf8')]);
  });

  describe('refuses values that are not JSON, naming where they are', () => {
    class Money {
      cents = 1;
    }
    const circular: Record<string, unknown> = { a: 1 };
    circular.self = circular;
    it.each<[string, unknown, RegExp]>([
      ['NaN', { n: Number.NaN }, /NaN at \$\.n.*RFC 8785 §3\.2\.2\.3/],
      ['Infinity', [1, Number.POSITIVE_INFINITY], /Infinity at \$\[1\]/],
      ['-Infinity', Number.NEGATIVE_INFINITY, /-Infinity at \$/],
      ['top-level undefined', undefined, /undefined at \$/],
      ['undefined array element', [1, undefined], /undefined at \$\[1\]/],
      // biome-ignore lint/suspicious/noSparseArray: a sparse array is the case under test.
      ['sparse array hole', [1, , 3], /undefined at \$\[1\]/],
      ['bigint', { amount: 12n }, /bigint 12n at \$\.amount/],
      ['function', { f: () => 1 }, /function at \$\.f/],
      ['symbol', { s: Symbol('x') }, /symbol at \$\.s/],
      ['Date', { at: new Date(0) }, /Date at \$\.at.*ISO 8601/],
      ['Map', { m: new Map() }, /Map at \$\.m/],
      ['class instance', { fee: new Money() }, /Money at \$\.fee/],
      ['Uint8Array', { bytes: new Uint8Array(2) }, /Uint8Array at \$\.bytes/],
      ['circular structure', circular, /circular.*\$\.self/],
      ['lone surrogate in a value', { text: 'a\ud800b' }, /lone UTF-16 surrogate/],
      ['lone surrogate in a key', { '\udc00': 1 }, /property name\).*lone UTF-16 surrogate/],
      ['odd key path', { 'a b': { c: Number.NaN } }, /at \$\["a b"\]\.c/],
    ])('%s', (_name, value, message) => {
      expect(() => canonicalize(value)).toThrow(message);
    });
  });

  it('is a fixed point of JSON.parse (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalize(value);
        expect(canonicalize(JSON.parse(text))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('does not depend on property insertion order (property)', () => {
    const reversed = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(reversed);
      if (value !== null && typeof value === 'object') {
        const entries = Object.entries(value).reverse();
        return Object.fromEntries(entries.map(([k, v]) => [k, reversed(v)]));
      }
      return value;
    };
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalize(reversed(value))).toBe(canonicalize(value));
      }),
      { numRuns: 500 },
    );
  });

  describe('gives what a plain reference implementation gives, for any value (property)', () => {
    /** RFC 8785 written as simply as possible: the result, or a throw for anything that is not JSON. */
    const reference = (value: unknown): string => {
      if (typeof value === 'string') {
        if (/\p{Surrogate}/u.test(value)) throw new RangeError('lone surrogate');
        return JSON.stringify(value);
      }
      if (typeof value === 'number') {
        if (!Number.isFinite(value)) throw new RangeError('not finite');
        return String(value);
      }
      if (typeof value === 'boolean' || value === null) return String(value);
      if (typeof value !== 'object') throw new TypeError(typeof value);
      if (Array.isArray(value)) return `[${Array.from(value, (v) => reference(v)).join(',')}]`;
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) throw new TypeError('not a plain object');
      const record = value as Record<string, unknown>;
      const members = Object.keys(record)
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
        .filter((key) => record[key] !== undefined)
        .map((key) => `${reference(key)}:${reference(record[key])}`);
      return `{${members.join(',')}}`;
    };
    const agrees = (value: unknown) => {
      let expected: string | undefined;
      try {
        expected = reference(value);
      } catch {
        expect(() => canonicalize(value)).toThrow();
        return;
      }
      expect(canonicalize(value)).toBe(expected);
    };
    // Few distinct keys, so that objects often share a key order or a first key (the fast path remembers
    // the sorted order of each key order it meets), with code units that sort differently as UTF-16.
    const key = fc.constantFrom(
      'a',
      'b',
      'c',
      '10',
      '2',
      '',
      'é',
      '\u20ac',
      '\ud83d\ude00',
      '\ufb33',
      'a"b',
      '\u0001',
      '\udc00',
    );
    it('any value, plain or not', () => {
      fc.assert(
        fc.property(
          fc.anything({
            key,
            stringUnit: 'binary',
            withNullPrototype: true,
            withSparseArray: true,
            withBoxedValues: true,
            withDate: true,
            withMap: true,
            withBigInt: true,
            withTypedArray: true,
          }),
          agrees,
        ),
        { numRuns: 1000 },
      );
    });
    it('JSON values, keys in any order', () => {
      fc.assert(
        fc.property(
          fc.array(fc.dictionary(key, fc.jsonValue({ stringUnit: 'binary' })), { maxLength: 8 }),
          agrees,
        ),
        { numRuns: 1000 },
      );
    });
    it('nesting deeper than the fast path goes', () => {
      let deep: unknown = { z: 1, a: ['x'] };
      for (let i = 0; i < 500; i++) deep = i % 2 === 0 ? [deep] : { b: deep, a: i };
      agrees(deep);
    });
  });
});
