import { createHash } from 'node:crypto';

/**
 * A small canonical JSON for the screening's inputs hash: object keys sorted (by UTF-16 code units,
 * as `Array.prototype.sort` does), no whitespace, strings and numbers as `JSON.stringify` writes them.
 * The same inputs always give the same bytes, whatever order their keys were built in. It is local to
 * eligibility because the ledger's RFC 8785 serializer is not in `core/`; for the JSON data this hashes
 * (records parsed by Zod: strings, integers, booleans, null) the two agree.
 *
 * An object property whose value is `undefined` is left out, as `JSON.stringify` does, so a record and
 * its stored copy hash alike. Anything that is not JSON (`undefined` elsewhere, functions, non-finite
 * numbers, bigints, cycles) throws a `TypeError` naming its path, e.g. `$.person.holds[0]`.
 */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  write(value, '$', out, new Set());
  return out.join('');
}

function write(value: unknown, path: string, out: string[], ancestors: Set<object>): void {
  if (value === null) {
    out.push('null');
    return;
  }
  switch (typeof value) {
    case 'string':
    case 'boolean':
      out.push(JSON.stringify(value));
      return;
    case 'number':
      if (!Number.isFinite(value)) {
        throw new TypeError(`Cannot hash ${value} at ${path}: JSON has no non-finite numbers.`);
      }
      out.push(JSON.stringify(value));
      return;
    case 'object':
      break;
    default:
      throw new TypeError(`Cannot hash a ${typeof value} at ${path}: only JSON values can be hashed.`);
  }
  if (ancestors.has(value)) throw new TypeError(`Cannot hash a cycle at ${path}.`);
  ancestors.add(value);
  if (Array.isArray(value)) {
    out.push('[');
    value.forEach((item: unknown, i) => {
      if (i > 0) out.push(',');
      if (item === undefined) throw new TypeError(`Cannot hash undefined at ${path}[${i}]; use null.`);
      write(item, `${path}[${i}]`, out, ancestors);
    });
    out.push(']');
  } else {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort();
    out.push('{');
    keys.forEach((key, i) => {
      if (i > 0) out.push(',');
      out.push(JSON.stringify(key), ':');
      write(record[key], `${path}.${key}`, out, ancestors);
    });
    out.push('}');
  }
  ancestors.delete(value);
}

/** Hex SHA-256 of the canonical JSON of `value`. */
export function sha256Hex(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
}
