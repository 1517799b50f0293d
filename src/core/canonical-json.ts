/**
 * RFC 8785 JSON Canonicalization Scheme (JCS). A ledger leaf is the canonical JSON of an event envelope,
 * so the same event must produce the same bytes on every machine and after every round trip through
 * storage; otherwise leaf hashes, and with them every Merkle root, would drift.
 *
 * Accepted values are the JSON data model only: `null`, booleans, finite numbers, strings without lone
 * surrogates, arrays, and plain objects (prototype `Object.prototype` or `null`). Everything else throws
 * a `TypeError` or `RangeError` naming the path of the offending value, e.g. `$.payload.amount`.
 *
 * Decision on `undefined`: an object property whose value is `undefined` is omitted, exactly as
 * `JSON.stringify` does. A value written to storage as JSON and read back has lost such properties, so
 * omitting them keeps the canonical form of the original and of the stored copy identical. `undefined`
 * anywhere else (top level, array element) throws, because JSON.stringify would silently turn it into
 * `null` and two different inputs would then hash alike.
 */

import { Buffer } from 'node:buffer';

// A lone surrogate cannot be encoded as UTF-8; in a `u`-flag regex a valid surrogate pair is one code
// point, so only unpaired halves match. RFC 8785 §3.1 requires I-JSON (RFC 7493 §2.1), which forbids them.
const LONE_SURROGATE = /\p{Surrogate}/u;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

const hasIsWellFormed = typeof (String.prototype as { isWellFormed?: unknown }).isWellFormed === 'function';

function isWellFormed(value: string): boolean {
  return hasIsWellFormed
    ? (value as unknown as { isWellFormed(): boolean }).isWellFormed()
    : !LONE_SURROGATE.test(value);
}

/** The path of a value for error messages, built only when an error is thrown (leaves are hot). */
type Path = () => string;
const ROOT: Path = () => '$';

/**
 * Serializes a JSON value to its RFC 8785 canonical form, e.g. `canonicalize({ b: 1, a: [true] })` is
 * `{"a":[true],"b":1}`.
 */
export function canonicalize(value: unknown): string {
  const fast = fastSerialize(value, 0);
  if (fast !== undefined) return fast;
  // Not JSON somewhere (or nested very deep): the checked serializer finds where, and throws saying so.
  const out: string[] = [];
  serialize(value, ROOT, out, new Set());
  return out.join('');
}

/** The UTF-8 bytes of `canonicalize(value)`, which is what RFC 8785 §3.2.4 says gets hashed or signed. */
export function canonicalBytes(value: unknown): Uint8Array {
  const buf = Buffer.from(canonicalize(value), 'utf8');
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

// ---------------------------------------------------------------------------------------------------
// The fast path. A ledger leaf or a screening's inputs hash canonicalizes every value, so the common
// case (plain JSON data) must be cheap: it builds one string, with no path closures and no ancestor
// set, and reuses the sorted key order of objects that share their key order. It gives up (returns
// undefined) at the first thing that is not plain JSON, or below MAX_FAST_DEPTH (where a circular
// structure would end up); `serialize` then redoes the work and throws the error naming the path. So
// whenever it returns a string, that string is exactly what `serialize` would have produced.

const MAX_FAST_DEPTH = 200;

// JSON.stringify escapes `"`, `\` and the controls below U+0020, and writes other characters as they are.
// A string with none of these and no surrogate at all (so none alone) serializes as itself in quotes.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these controls are exactly the ones JSON escapes.
const SPECIAL = /["\\\u0000-\u001f\ud800-\udfff]/;

function fastString(value: string): string | undefined {
  if (!SPECIAL.test(value)) return `"${value}"`;
  return isWellFormed(value) ? JSON.stringify(value) : undefined;
}

/** How to write an object with a given own key order: its keys sorted, each with its `"key":` text. */
interface Layout {
  keys: readonly string[];
  sorted: readonly string[];
  /** `"key":` for the first member written, `,"key":` for the others, in `sorted` order. */
  first: readonly string[];
  next: readonly string[];
}

/** Layouts by the first key of an object's own key order; bounded so that it cannot grow without end. */
const layouts = new Map<string, Layout[]>();
const MAX_FIRST_KEYS = 1024;
const MAX_LAYOUTS_PER_FIRST_KEY = 8;

/** The layout of an object whose own keys are `keys`, or undefined if a key is not well-formed. */
function layoutOf(keys: string[]): Layout | undefined {
  const firstKey = keys[0] ?? '';
  let known = layouts.get(firstKey);
  if (known !== undefined) {
    search: for (const layout of known) {
      if (layout.keys.length !== keys.length) continue;
      for (let i = 1; i < keys.length; i++) if (layout.keys[i] !== keys[i]) continue search;
      return layout;
    }
  } else if (layouts.size < MAX_FIRST_KEYS) {
    known = [];
    layouts.set(firstKey, known);
  }
  // RFC 8785 §3.2.3: UTF-16 code unit order, which is the default sort of strings.
  const sorted = [...keys].sort();
  const first: string[] = [];
  const next: string[] = [];
  for (const key of sorted) {
    const quoted = fastString(key);
    if (quoted === undefined) return undefined;
    first.push(`${quoted}:`);
    next.push(`,${quoted}:`);
  }
  const layout: Layout = { keys, sorted, first, next };
  if (known !== undefined && known.length < MAX_LAYOUTS_PER_FIRST_KEY) known.push(layout);
  return layout;
}

function fastSerialize(value: unknown, depth: number): string | undefined {
  switch (typeof value) {
    case 'string':
      return fastString(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : undefined;
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (depth >= MAX_FAST_DEPTH) return undefined;
      if (Array.isArray(value)) {
        let text = '[';
        for (let i = 0; i < value.length; i++) {
          const member = fastSerialize(value[i], depth + 1);
          if (member === undefined) return undefined;
          text += i === 0 ? member : `,${member}`;
        }
        return `${text}]`;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return undefined;
      const record = value as Record<string, unknown>;
      const layout = layoutOf(Object.keys(record));
      if (layout === undefined) return undefined;
      const { sorted, first, next } = layout;
      let text = '{';
      let empty = true;
      for (let i = 0; i < sorted.length; i++) {
        const member = record[sorted[i] as string];
        if (member === undefined) continue;
        const memberText = fastSerialize(member, depth + 1);
        if (memberText === undefined) return undefined;
        text += (empty ? first[i] : next[i]) + memberText;
        empty = false;
      }
      return `${text}}`;
    }
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------
// The checked serializer: slower, and names the path of anything that is not JSON.

function serialize(value: unknown, path: Path, out: string[], ancestors: Set<object>): void {
  switch (typeof value) {
    case 'string':
      out.push(serializeString(value, path));
      return;
    case 'number':
      out.push(serializeNumber(value, path));
      return;
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return;
    case 'object':
      if (value === null) {
        out.push('null');
        return;
      }
      serializeContainer(value, path, out, ancestors);
      return;
    case 'undefined':
      throw new TypeError(
        `Cannot canonicalize undefined at ${path()}: JSON has no undefined. Use null, or leave the property out of its object.`,
      );
    case 'bigint':
      throw new TypeError(
        `Cannot canonicalize the bigint ${value}n at ${path()}: JSON numbers are IEEE 754 doubles (RFC 8785 §3.2.2.3). ` +
          'Convert it to a string (e.g. money in integer cents as "12345"), or to a number if it is a safe integer.',
      );
    default:
      throw new TypeError(
        `Cannot canonicalize a ${typeof value} at ${path()}: only null, booleans, finite numbers, strings, arrays and plain objects are JSON.`,
      );
  }
}

function serializeContainer(value: object, path: Path, out: string[], ancestors: Set<object>): void {
  if (ancestors.has(value)) {
    throw new TypeError(
      `Cannot canonicalize a circular structure: ${path()} refers back to one of its ancestors.`,
    );
  }
  ancestors.add(value);
  if (Array.isArray(value)) {
    out.push('[');
    // An index loop, not for-of over entries, so that holes in sparse arrays surface as undefined and throw.
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(',');
      serialize(value[i], () => `${path()}[${i}]`, out, ancestors);
    }
    out.push(']');
  } else {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      const kind = (value as { constructor?: { name?: string } }).constructor?.name ?? 'non-plain object';
      throw new TypeError(
        `Cannot canonicalize a ${kind} at ${path()}: only plain objects and arrays are JSON containers. ` +
          'Convert it first (e.g. a date or instant to its ISO 8601 string, a Map to an object, bytes to base64).',
      );
    }
    const record = value as Record<string, unknown>;
    // RFC 8785 §3.2.3: members sorted by the UTF-16 code units of their names, which is exactly what
    // JavaScript's `<` on strings compares (no locale, no normalization).
    const keys = Object.keys(record).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    out.push('{');
    let first = true;
    for (const key of keys) {
      const member = record[key];
      if (member === undefined) continue;
      if (!first) out.push(',');
      first = false;
      const memberPath: Path = () =>
        IDENTIFIER.test(key) ? `${path()}.${key}` : `${path()}[${JSON.stringify(key)}]`;
      out.push(
        serializeString(key, () => `${memberPath()} (the property name)`),
        ':',
      );
      serialize(member, memberPath, out, ancestors);
    }
    out.push('}');
  }
  ancestors.delete(value);
}

function serializeString(value: string, path: Path): string {
  // isWellFormed (ES2024, in Node 20) is the fast check; the regex is the fallback.
  if (!isWellFormed(value)) {
    throw new RangeError(
      `Cannot canonicalize the string at ${path()}: it contains a lone UTF-16 surrogate, which is not valid Unicode ` +
        '(RFC 8785 §3.1 requires I-JSON, RFC 7493 §2.1). Fix the text at its source.',
    );
  }
  // RFC 8785 §3.2.2.2 specifies exactly ECMAScript's JSON.stringify escaping: the two-character escapes
  // \b \t \n \f \r \" \\, \u00XX (lowercase hex) for other controls below U+0020, everything else literal.
  return JSON.stringify(value);
}

function serializeNumber(value: number, path: Path): string {
  if (!Number.isFinite(value)) {
    throw new RangeError(
      `Cannot canonicalize the number ${value} at ${path()}: JSON has no NaN or Infinity (RFC 8785 §3.2.2.3). ` +
        'Check the computation that produced it, or store null.',
    );
  }
  // RFC 8785 §3.2.2.3: the ECMAScript Number-to-String algorithm (shortest round-trip form; -0 becomes 0).
  return String(value);
}
