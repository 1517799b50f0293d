import { z } from 'zod';
import type { FieldIssue } from '../core/errors.js';
import { MAX_LINE_CHARS } from './import-lines.js';

// The problems an import reports and the hints that come with them: where in the record a schema problem
// lies, what to write instead of Zod's generic English, and "did you mean" for a misspelt key or column.

/** The field name used for problems that concern a whole line rather than one field. */
export const LINE_FIELD = '(line)';
/** The field name used for problems with the CSV header. */
export const HEADER_FIELD = '(header)';

/** The same ref twice in one file, and how to fix it in this format. */
export function duplicateRefIssue(ref: string, line: number, before: number, csv: boolean): FieldIssue {
  const fix = csv
    ? 'put all rows of one person next to each other (sort the file by ref)'
    : 'keep one line per person; merge the two lines';
  return {
    field: 'ref',
    line,
    message: `ref ${ref} already appeared on line ${before}; ${fix}`,
  };
}

/** The message for a line holding U+FFFD, the mark of text that was not UTF-8. */
export const NOT_UTF8 =
  'contains the character U+FFFD, which means the file is not UTF-8 or was damaged by an earlier conversion; save it as UTF-8 (in Excel: "CSV UTF-8") and check accented names';

/** A line too long to be one person. */
export function tooLongIssue(line: number): FieldIssue {
  return {
    field: LINE_FIELD,
    line,
    message: `line ${line} is longer than ${MAX_LINE_CHARS.toLocaleString('en-US')} characters; put one person per line and check for a missing line break`,
  };
}

/** A path into a record, as Zod gives it. */
export type Path = readonly PropertyKey[];

/** A path written with dots, e.g. `convictions.0.sentence`. */
export function dotted(path: Path): string {
  return path.map(String).join('.');
}

/** True for a JSON object (not null, not an array). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function valueAt(root: unknown, path: Path): unknown {
  let value = root;
  for (const key of path) {
    if (Array.isArray(value) && typeof key === 'number') value = value[key];
    else if (isPlainObject(value) && typeof key === 'string') value = value[key];
    else return undefined;
  }
  return value;
}

/** One schema problem, with its full path from the record's root. */
export interface SchemaProblem {
  path: Path;
  message: string;
}

/**
 * Zod issues → problems. A failed union (a sentence) is replaced by the issues of the branch the input
 * was evidently aiming at, so `{"days":-5}` says "cannot be negative", not "must be days or life".
 */
export function problemsFrom(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  base: Path = [],
): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  for (const issue of issues) {
    const path = [...base, ...issue.path];
    // Unknown keys are reported by this parser's own check, with a "did you mean" hint.
    if (issue.code === 'unrecognized_keys') continue;
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const branch = likelyBranch(issue.errors, valueAt(input, path));
      if (branch) {
        out.push(...problemsFrom(branch, input, path));
        continue;
      }
    }
    out.push({ path, message: friendlier(issue) });
  }
  return out;
}

function likelyBranch(
  branches: readonly (readonly z.core.$ZodIssue[])[],
  value: unknown,
): readonly z.core.$ZodIssue[] | undefined {
  if (!isPlainObject(value)) return undefined;
  // Score each branch by how many of its complaints are about keys the input does not have at all:
  // the branch whose keys the input uses is the one it meant.
  const missing = branches.map(
    (issues) =>
      issues.filter(
        (i) => i.path.length === 1 && value[String(i.path[0])] === undefined && i.code !== 'custom',
      ).length,
  );
  const best = Math.min(...missing);
  if (missing.filter((m) => m === best).length !== 1) return undefined;
  return branches[missing.indexOf(best)];
}

/** Replaces Zod's generic English ("Invalid input: expected boolean…") with what to write instead. */
function friendlier(issue: z.core.$ZodIssue): string {
  if (!issue.message.startsWith('Invalid input')) return issue.message;
  if (issue.code === 'invalid_value' && issue.values.length === 1 && issue.values[0] === true) {
    return 'must be true for a life sentence; for a fixed term give "days" instead';
  }
  if (issue.code !== 'invalid_type') return issue.message;
  const received = /received (\w+)/.exec(issue.message)?.[1];
  const want: Record<string, string> = {
    boolean: 'true or false, without quotes',
    array: 'a list in square brackets, [] when there are none',
    object: 'an object in braces {…}',
    string: 'text in double quotes',
    number: 'a number without quotes',
  };
  const what = want[issue.expected] ?? issue.expected;
  if (received === 'undefined') return `is missing; give ${what}`;
  return received ? `must be ${what}, not ${received}` : `must be ${what}`;
}

// Objects are stripped of unknown keys by the schema, so a misspelt "protection" would vanish and the
// person would look unprotected. The import formats therefore refuse keys the schema does not know.
type AnySchema = z.core.$ZodType;

type Shape =
  | { kind: 'object'; fields: ReadonlyMap<string, AnySchema>; names: readonly string[] }
  | { kind: 'array'; element: AnySchema }
  | { kind: 'union'; options: readonly AnySchema[] }
  | { kind: 'leaf' };

// Unwrapping schemas is slow next to the walk itself, and a file repeats the same few schemas.
const shapes = new WeakMap<AnySchema, Shape>();

function shapeOf(schema: AnySchema): Shape {
  const cached = shapes.get(schema);
  if (cached) return cached;
  let s = schema;
  for (;;) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault) s = s.unwrap();
    else if (s instanceof z.ZodPipe) s = s.in;
    else break;
  }
  let shape: Shape = { kind: 'leaf' };
  if (s instanceof z.ZodObject) {
    const fields = new Map(Object.entries(s.shape as Record<string, AnySchema>));
    shape = { kind: 'object', fields, names: [...fields.keys()] };
  } else if (s instanceof z.ZodArray) {
    shape = { kind: 'array', element: s.element };
  } else if (s instanceof z.ZodUnion) {
    shape = { kind: 'union', options: s.options as readonly AnySchema[] };
  }
  shapes.set(schema, shape);
  return shape;
}

/** Collects into `out` every key of `value` that `schema` does not know, with a hint. */
export function unknownKeys(
  schema: AnySchema,
  value: unknown,
  path: PropertyKey[],
  out: SchemaProblem[],
): void {
  const shape = shapeOf(schema);
  if (shape.kind === 'object') {
    if (!isPlainObject(value)) return;
    for (const key of Object.keys(value)) {
      const child = shape.fields.get(key);
      if (child) unknownKeys(child, value[key], [...path, key], out);
      else out.push({ path: [...path, key], message: unknownKeyMessage(key, shape.names) });
    }
  } else if (shape.kind === 'array') {
    if (!Array.isArray(value)) return;
    value.forEach((item, i) => {
      unknownKeys(shape.element, item, [...path, i], out);
    });
  } else if (shape.kind === 'union') {
    // Check against the option the value parses as, or else the one it has fewest strangers for.
    const chosen =
      shape.options.find((o) => z.safeParse(o, value).success) ??
      shape.options.reduce<{ o: AnySchema | undefined; n: number }>(
        (best, o) => {
          const found: SchemaProblem[] = [];
          unknownKeys(o, value, path, found);
          return found.length < best.n ? { o, n: found.length } : best;
        },
        { o: undefined, n: Number.POSITIVE_INFINITY },
      ).o;
    if (chosen) unknownKeys(chosen, value, path, out);
  }
}

function unknownKeyMessage(key: string, known: readonly string[]): string {
  const guess = closest(key, known);
  const hint = guess ? `did you mean "${guess}"? ` : '';
  return `is not a field here; ${hint}remove it or fix its spelling (fields here: ${known.join(', ')})`;
}

/** The candidate within two edits of `word` (any case), if one is. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const c of candidates) {
    const d = c.toLowerCase() === word.toLowerCase() ? 0 : editDistance(word, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}
